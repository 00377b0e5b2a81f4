"""How a task describes the shape of its answers (the ``answer_format`` class attribute).

The registry-wide format checks (``symbench.checks.formats``) read it to derive, from
each reference answer, variants that TASKS.md 0.5 says must still pass (whitespace,
quotes, a code fence; for lists other brackets and spacing; for case-insensitive
answers the other case) and near misses that must fail.
"""

from __future__ import annotations

from dataclasses import dataclass

#: ``text``: judged as written (only the universal wrappers are harmless);
#: ``number``: a single number; ``list``: a flat list (comma- or whitespace-separated,
#: as the reference is); ``choice``: one of a few words or option letters (Yes/No,
#: ``(B)``), always case-insensitive.
SHAPES: tuple[str, ...] = ("text", "number", "list", "choice")


@dataclass(frozen=True)
class AnswerFormat:
    """The shape of a task's answers, and whether letter case matters.

    ``AnswerFormat("list", case_insensitive=True)`` says: a flat list whose letters may be
    written in either case (TASKS.md 0.5 d: only for Yes/No, option letters and the
    single-case alphabets a task names).
    """

    shape: str = "text"
    case_insensitive: bool = False

    def __post_init__(self) -> None:
        if self.shape not in SHAPES:
            raise ValueError(f"AnswerFormat.shape must be one of {', '.join(SHAPES)}, got {self.shape!r}")
        if not isinstance(self.case_insensitive, bool):
            raise ValueError(f"AnswerFormat.case_insensitive must be True or False, got {self.case_insensitive!r}")

    @property
    def ignores_case(self) -> bool:
        return self.case_insensitive or self.shape == "choice"
