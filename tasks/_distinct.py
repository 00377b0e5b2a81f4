"""Distinct instances from a small space of puzzles: the instance index picks a slot.

Some levels are small families by nature (four numbers 1-9 that make 24; three blocks on
three stacks): drawn at random, their first 100 instances would repeat puzzles, which
shrinks the effective sample and lets training items collide with test items. Such a
generator draws until the puzzle's *slot* - a stable hash of its canonical key, modulo
:data:`SLOTS` - equals ``index % SLOTS``. The first :data:`SLOTS` instances of a level are
then different puzzles whatever the seed, while the seed still chooses the puzzle inside
its slot. The slot is a hash, so it says nothing about the answer.

A slot can be empty (or hold only puzzles that the generator rejects later) when an
override shrinks the space, so after ``patience`` draws any puzzle is accepted:
distinctness is then best effort, but generation never fails because of it. A generator
that calls :meth:`SlotFilter.accepts` once per draw and loops ``patience`` more times than
it otherwise would keeps its own attempt budget.
"""

from __future__ import annotations

import hashlib

#: Slots per level: instances ``0..SLOTS-1`` of a level are distinct puzzles.
SLOTS = 100


def slot(key: object) -> int:
    """The slot of a puzzle, from ``repr`` of its canonical key (ints, strings, tuples, lists)."""
    return slot_of_repr(repr(key))


def slot_of_repr(text: str) -> int:
    """The slot of a puzzle whose key has ``repr`` ``text``: for a generator that can put
    that text together faster than ``repr`` does (it must be exactly ``repr(key)``)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % SLOTS


class SlotFilter:
    """Accepts the puzzles of one instance's slot (and anything once patience runs out)."""

    def __init__(self, index: int, patience: int = 20_000) -> None:
        self.want = index % SLOTS
        self.patience = patience
        self.draws = 0

    def accepts(self, key: object) -> bool:
        self.draws += 1
        return self.draws > self.patience or slot(key) == self.want

    def accepts_slot(self, slot_number: int) -> bool:
        """:meth:`accepts` for a key whose :func:`slot` the generator already knows (cached)."""
        self.draws += 1
        return self.draws > self.patience or slot_number == self.want

    def accepts_repr(self, text: str) -> bool:
        """:meth:`accepts` for the key whose ``repr`` is ``text`` (see :func:`slot_of_repr`)."""
        self.draws += 1
        return self.draws > self.patience or slot_of_repr(text) == self.want
