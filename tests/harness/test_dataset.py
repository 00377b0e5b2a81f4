from symbench.harness.dataset import build_dataset, instance_for_id
from symbench.identity import sample_plan
from symbench.registry import get_task


def test_levels_are_spread_evenly_and_indices_count_within_each_level():
    assert sample_plan(7, (1, 2, 3, 4, 5)) == [(1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (1, 1), (2, 1)]
    assert sample_plan(4, (2, 5)) == [(2, 0), (5, 0), (2, 1), (5, 1)]
    assert sample_plan(2, (2, 5), start=3) == [(5, 1), (2, 2)]
    ds = build_dataset(["game24"], 10, seed=4)
    assert [s.metadata["complexity"] for s in ds] == [1, 2, 3, 4, 5] * 2
    assert [s.metadata["index"] for s in ds] == [0] * 5 + [1] * 5
    task = get_task("game24")
    for sample in ds:
        inst = task.instance(sample.metadata["complexity"], 4, sample.metadata["index"])
        assert sample.id == inst.id and sample.input == inst.question and sample.target == inst.answer
        assert sample.metadata == inst.to_record()
        assert instance_for_id(sample.id) == inst


def test_a_different_seed_gives_different_samples():
    a = [s.input for s in build_dataset(["string_insertion"], 5, seed=0)]
    b = [s.input for s in build_dataset(["string_insertion"], 5, seed=1)]
    assert a != b
