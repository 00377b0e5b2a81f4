"""Shared by string_splitting and string_synthesis: run rewrite methods over item counts
in whole passes (each method tried once per pass, in order) until a pass runs nothing."""

from __future__ import annotations

from typing import Mapping, Sequence

from symbench.contract import GenerationError


def run_passes(counts: Sequence[int], methods: Sequence[tuple[Mapping, Mapping]], index: Mapping,
               cap: int, task: str) -> tuple[list[int], int]:
    """(final counts, methods run); ``methods`` are (consumed, produced) dicts item -> count,
    ``index`` maps an item to its position in ``counts``. Over ``cap`` runs: GenerationError."""
    compiled = [
        (tuple([(index[k], c) for k, c in consumed.items()]), tuple([(index[k], c) for k, c in produced.items()]))
        for consumed, produced in methods
    ]
    state = list(counts)
    ran = 0
    progressed = True
    while progressed:
        progressed = False
        for consumed, produced in compiled:
            for i, c in consumed:
                if state[i] < c:
                    break
            else:
                progressed = True
                for i, c in consumed:
                    state[i] -= c
                for i, c in produced:
                    state[i] += c
                ran += 1
                if ran > cap:
                    raise GenerationError(f"{task}: step cap exceeded")
    return state, ran
