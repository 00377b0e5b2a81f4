"""The slot helper: keys spread over every slot, a filter takes only its slot, then anything."""

from symbench.tasks._distinct import SLOTS, SlotFilter, slot


def test_keys_spread_over_all_slots_and_are_stable():
    slots = [slot((a, b)) for a in range(60) for b in range(60)]
    assert set(slots) == set(range(SLOTS))
    assert max(slots.count(s) for s in range(SLOTS)) < 3 * len(slots) / SLOTS
    assert slot(("x", [1, 2])) == slot(("x", [1, 2]))
    # repr-based, so independent of the process's hash seed: a fixed value
    assert slot((1, 2, 3)) == int.from_bytes(__import__("hashlib").sha256(b"(1, 2, 3)").digest()[:8], "big") % SLOTS


def test_filter_accepts_only_its_slot_until_its_patience_runs_out():
    keys = list(range(1000))
    f = SlotFilter(index=SLOTS + 7, patience=50)
    assert f.want == 7
    accepted = [k for k in keys[:40] if f.accepts(k)]
    assert all(slot(k) == 7 for k in accepted)
    outside = [k for k in keys if slot(k) != 7][:5]
    inside = next(k for k in keys if slot(k) == 7)
    f = SlotFilter(index=7, patience=3)
    # every draw counts, in the slot or not: after three, anything passes
    assert [f.accepts(outside[0]), f.accepts(inside), f.accepts(outside[1])] == [False, True, False]
    assert [f.accepts(k) for k in outside[2:]] == [True, True, True]
