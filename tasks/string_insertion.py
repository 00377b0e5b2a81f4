"""string_insertion (seen): insert a letter after every occurrence of five patterns.

Rules (TASKS.md 23). Alphabet A-E. After ``ABCD`` insert ``A``; after ``BCDE`` insert
``B``; after ``CDEA`` insert ``C``; after ``DEAB`` insert ``D``; after ``EABC`` insert
``E``. One application T finds every occurrence in the string as it is before T
(overlaps allowed) and inserts each letter right after its occurrence; matches created
by the insertions are not seen by the same T. At level 5, T is applied 2-3 times in
sequence, each application rescanning the string produced by the previous one.

Choices made here (the catalogue leaves them open):

* The string is built by chaining pattern occurrences with random filler letters, then
  resampled until the occurrence count falls in the level's range; at level 4 at least
  one pair of occurrences overlaps (e.g. ``ABCDEAB``), as the catalogue asks.
* Strings of up to 18 letters (levels 1-3) are drawn by slot (``_distinct``), so a
  level's first 100 instances are 100 different strings (level 1's 6-10 letters with one
  occurrence could repeat, and level 3's at another seed).
* ``size`` is the number of occurrences times the number of applications of T.
* The answer is unique; the verifier compares the exact upper-case string after the
  shared normalisation (whitespace, one pair of quotes, code fences). Lower case is
  rejected because the task is case-sensitive.

Validity (the registry-wide checks hold it): Answers are strings, with many different
references per level, so there is no answer class to balance. Distinct instances:
Strings of up to 18 letters are drawn by slot (see above), so a level's first 100
instances are 100 different puzzles.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict
from symbench.answer import AnswerFormat, short

from ._distinct import SlotFilter

_SLOTTED_LENGTH = 18  # strings up to this length (levels 1-3) are drawn by slot

ALPHABET = "ABCDE"
RULES: tuple[tuple[str, str], ...] = (
    ("ABCD", "A"),
    ("BCDE", "B"),
    ("CDEA", "C"),
    ("DEAB", "D"),
    ("EABC", "E"),
)
_MAX_ATTEMPTS = 2_000


_LETTER = dict(RULES)
_LETTERS_RE = re.compile(r"[A-E]*")
# every start of a pattern, overlapping ones included (a lookahead consumes nothing); the
# patterns are distinct 4-letter words, so at most one of them starts at any position
_PATTERN_RE = re.compile("(?=(" + "|".join(pattern for pattern, _ in RULES) + "))")


def occurrences(s: str) -> list[tuple[int, str]]:
    """(end position, letter) of every pattern occurrence in ``s``, left to right."""
    return [(m.start() + 4, _LETTER[m.group(1)]) for m in _PATTERN_RE.finditer(s)]


def apply_once(s: str) -> str:
    """One application of T: all insertions refer to positions in the original ``s``."""
    out = []
    previous = 0
    for end, letter in occurrences(s):
        out.append(s[previous:end])
        out.append(letter)
        previous = end
    out.append(s[previous:])
    return "".join(out)


@dataclass(frozen=True)
class StringInsertionConfig(TaskConfig):
    occurrences: tuple[int, int] = (3, 3)
    length: tuple[int, int] = (14, 18)
    applications: tuple[int, int] = (1, 1)
    require_overlap: bool = False

    def validate(self) -> None:
        occ = self.require_range("occurrences", 1, 200)
        length = self.require_range("length", 4, 2_000)
        self.require_range("applications", 1, 10)
        self.require_bool("require_overlap")
        if length[1] < 4 * occ[0] - 3 * (occ[0] - 1):
            raise ValueError(
                f"StringInsertionConfig.length {length} is too short for {occ[0]} occurrences"
            )


class StringInsertion(SymbolicTask):
    name = "string_insertion"
    split = "seen"
    description = "Apply five insert-after-pattern rules to a string over A-E."
    answer_mode = "unique"
    version = 2
    display_name = "String Insertion"
    paper_order = 23
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("text")
    Config = StringInsertionConfig
    presets = {
        1: StringInsertionConfig(occurrences=(1, 1), length=(6, 10)),
        2: StringInsertionConfig(occurrences=(2, 2), length=(10, 14)),
        3: StringInsertionConfig(occurrences=(3, 3), length=(14, 18)),
        4: StringInsertionConfig(occurrences=(4, 6), length=(20, 30), require_overlap=True),
        5: StringInsertionConfig(occurrences=(8, 12), length=(40, 60), applications=(2, 3)),
    }

    def generate(self, rng: random.Random, config: StringInsertionConfig, index: int) -> dict:
        lo_occ, hi_occ = config.occurrences
        lo_len, hi_len = config.length
        slots = SlotFilter(index)
        for _ in range(_MAX_ATTEMPTS + slots.patience):
            length = rng.randint(lo_len, hi_len)
            wanted = rng.randint(lo_occ, hi_occ)
            s = self._build(rng, length, wanted, config.require_overlap)
            if s is None:
                continue
            found = occurrences(s)
            if not lo_occ <= len(found) <= hi_occ:
                continue
            if config.require_overlap and not _has_overlap(found):
                continue
            applications = rng.randint(*config.applications)
            if length <= _SLOTTED_LENGTH and not slots.accepts((s, applications)):
                continue
            return {
                "string": s,
                "applications": applications,
                "occurrences": len(found),
            }
        raise GenerationError(f"string_insertion: no string found for {config} in {_MAX_ATTEMPTS} attempts")

    @staticmethod
    def _build(rng: random.Random, length: int, wanted: int, overlap: bool) -> str | None:
        pieces: list[str] = []
        for k in range(wanted):
            pattern = rng.choice(RULES)[0]
            if pieces and (overlap and k == 1 or rng.random() < 0.25):
                # chain: continue the previous pattern cyclically (ABCD -> ...EAB)
                tail = pieces[-1][-1]
                start = ALPHABET.index(tail) + 1
                chained = "".join(ALPHABET[(start + j) % 5] for j in range(rng.randint(1, 3)))
                pieces.append(chained)
                continue
            if pieces:
                pieces.append(rng.choice(ALPHABET))
            pieces.append(pattern)
        core = "".join(pieces)
        if len(core) > length:
            return None
        extra = length - len(core)
        before = rng.randint(0, extra)
        choice = rng.choice
        head = "".join([choice(ALPHABET) for _ in range(before)])
        return head + core + "".join([choice(ALPHABET) for _ in range(extra - before)])

    def solve(self, params: dict) -> str:
        s = params["string"]
        for _ in range(params["applications"]):
            s = apply_once(s)
        return s

    def question(self, params: dict) -> str:
        times = params["applications"]
        if times == 1:
            how = (
                "Apply the operation T once. T scans the ORIGINAL string from left to right, finds every "
                "occurrence of the five patterns (occurrences may overlap) and inserts the rule's letter right "
                "after each occurrence. All positions refer to the original string: a pattern that only "
                "appears because of an inserted letter is NOT matched in the same operation."
            )
        else:
            how = (
                f"Apply the operation T {times} times in sequence. One operation T scans the string it is given "
                "from left to right, finds every occurrence of the five patterns (occurrences may overlap) and "
                "inserts the rule's letter right after each occurrence; within one operation all positions refer "
                "to the string as it was when that operation started, so patterns created by its own insertions "
                f"are not matched by it. The next operation rescans the new string. Report the string after all "
                f"{times} operations."
            )
        rules = "\n".join(f"{i}. If there is a substring {p}, insert the character {c} after it." for i, (p, c) in enumerate(RULES, 1))
        return (
            "Given a string made of the letters A, B, C, D and E, apply these insertion rules:\n"
            f"{rules}\n\n{how}\n\n"
            f"String: {params['string']}\n\n"
            "Return your final answer as the resulting string (upper case, no spaces) inside triple angle "
            "brackets, for example <<<ABCDAEEA>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        expected = self.solve(params)
        if answer == expected:
            return Verdict.ok()
        if not _LETTERS_RE.fullmatch(answer):
            return Verdict.bad_format(f"answer must use only the letters A-E, got {short(answer)}")
        if len(answer) != len(expected):
            return Verdict.fail(f"wrong length: {len(answer)} letters, expected {len(expected)}")
        first = next(i for i, (a, b) in enumerate(zip(answer, expected)) if a != b)
        return Verdict.fail(f"wrong string: first difference at position {first}")

    def size(self, params: dict) -> float:
        return params["occurrences"] * params["applications"] + len(params["string"]) / 100


def _has_overlap(found: list[tuple[int, str]]) -> bool:
    ends = [end for end, _ in found]
    return any(b - a < 4 for a, b in zip(ends, ends[1:]))
