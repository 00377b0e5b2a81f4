"""string_deletion_modification (seen): rewrite a string over {a, b, c} with numbered rules.

Rules (TASKS.md 25). Each instance numbers a handful of rules drawn from a fixed pool of
twenty condition/action pairs (prefix, suffix and substring rewrites, a parity rule on the
number of ``b``s and a length rule). The procedure is fully specified in the question:
scan the numbered rules in order, apply the first (lowest-numbered) rule whose condition
holds exactly once, then start the scan again from rule 1; stop when no rule applies.
The answer is the final string, ``<<<cab>>>`` (one pair of quotes around it is tolerated).

Choices made here where the catalogue leaves them open:

* Every rule is stated explicitly in the question with its exact effect, including the
  order of sub-steps (rule "cb": first replace the prefix by ``aa``, then delete the last
  character of the result), 0-based indices (rule "ca at index >= 1", the middle-deletion
  rule at index floor(len/2)) and "first occurrence" meaning the leftmost one. The
  prefix rule ``ac -> zz`` can introduce the letter ``z``; the question says so.
* "Firings" (the level table's minimum) count rule applications, not distinct rules,
  because the level-5 minimum (15) exceeds the number of rules. In addition a small
  minimum of *distinct* rules that fired (``min_distinct``) keeps one rule from doing
  all the work.
* Instances that do not stop within ``max_steps`` applications, that revisit a string
  (the procedure is deterministic, so a repeat means it would loop forever) or that end
  with the empty string are discarded at generation.
* ``size`` is the number of rule applications plus a tenth of the number of rules shown.

Original defects avoided: the prompt said "cycle through the operations one at a time"
while the reference restarted from rule 1 after every application (the question now
says the latter); there was no loop guard; the reference answer carried quotes that the
exact comparison did not strip (the verifier here strips one pair).

Validity (the registry-wide checks hold it): Answers are strings, with many different
references per level, so there is no answer class to balance. Distinct instances: A
level's first 100 instances are distinct without help (its space is large).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from symbench.answer import AnswerFormat, short, strip_quotes
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

_MAX_ATTEMPTS = 3_000


def _r1(s: str) -> str | None:
    return "ca" + s[2:] if s.startswith("ab") else None


def _r2(s: str) -> str | None:
    return s[:-2] + "cb" if s.endswith("ac") else None


def _r3(s: str) -> str | None:
    return s[2:] + "aa" if s.startswith("bc") else None


def _r4(s: str) -> str | None:
    return s[:-2] if s.endswith("bb") else None


def _r5(s: str) -> str | None:
    if not s.startswith("cb"):
        return None
    t = "aa" + s[2:]
    return t[:-1]


def _r6(s: str) -> str | None:
    return "bb" + s[2:] + "c" if s.startswith("ca") else None


def _r7(s: str) -> str | None:
    return "a" + s[:-2] + "b" if s.endswith("cc") else None


def _r8(s: str) -> str | None:
    return s[1:] if s.startswith("aa") else None


def _replace_first(s: str, old: str, new: str) -> str | None:
    i = s.find(old)
    return None if i < 0 else s[:i] + new + s[i + len(old) :]


def _r9(s: str) -> str | None:
    return _replace_first(s, "abc", "cab")


def _r10(s: str) -> str | None:
    return _replace_first(s, "bca", "")


def _r11(s: str) -> str | None:
    return s[:-2] + "ab" if s.endswith("ba") else None


def _r12(s: str) -> str | None:
    return s[2:] if s.startswith("cc") else None


def _r13(s: str) -> str | None:
    return _replace_first(s, "acb", "bca")


def _r14(s: str) -> str | None:
    return s[:-1] if s.endswith("ca") else None


def _r15(s: str) -> str | None:
    return s[0] + s[2:] if s.startswith("bb") else None


def _r16(s: str) -> str | None:
    return s[:-2] + "cc" if s.endswith("aa") else None


def _r17(s: str) -> str | None:
    i = s.find("ca", 1)
    return None if i < 0 else s[:i] + s[i + 2 :]


def _r18(s: str) -> str | None:
    n = s.count("b")
    return s + "ab" if n >= 2 and n % 2 == 0 else None


def _r19(s: str) -> str | None:
    if len(s) <= 15:
        return None
    i = len(s) // 2
    return s[:i] + s[i + 1 :]


def _r20(s: str) -> str | None:
    return "zz" + s[2:] if s.startswith("ac") else None


#: pool id -> (function, text shown in the question). Ids are internal; the question
#: numbers the chosen rules 1..N in the order stored in the instance.
POOL: dict[int, tuple] = {
    1: (_r1, "If the string starts with 'ab', replace that prefix 'ab' with 'ca'."),
    2: (_r2, "If the string ends with 'ac', replace that suffix 'ac' with 'cb'."),
    3: (_r3, "If the string starts with 'bc', delete those first two characters and then append 'aa' to the end."),
    4: (_r4, "If the string ends with 'bb', delete those last two characters."),
    5: (
        _r5,
        "If the string starts with 'cb', replace that prefix 'cb' with 'aa', and then delete the last "
        "character of the resulting string.",
    ),
    6: (_r6, "If the string starts with 'ca', replace that prefix 'ca' with 'bb', and then append 'c' to the end."),
    7: (_r7, "If the string ends with 'cc', replace that suffix 'cc' with 'b', and then put 'a' at the start."),
    8: (_r8, "If the string starts with 'aa', delete the first character."),
    9: (_r9, "If the string contains 'abc', replace its first (leftmost) occurrence with 'cab'."),
    10: (_r10, "If the string contains 'bca', delete its first (leftmost) occurrence."),
    11: (_r11, "If the string ends with 'ba', replace that suffix 'ba' with 'ab'."),
    12: (_r12, "If the string starts with 'cc', delete the first two characters."),
    13: (_r13, "If the string contains 'acb', replace its first (leftmost) occurrence with 'bca'."),
    14: (_r14, "If the string ends with 'ca', delete the last character."),
    15: (_r15, "If the string starts with 'bb', delete the second character."),
    16: (_r16, "If the string ends with 'aa', replace that suffix 'aa' with 'cc'."),
    17: (
        _r17,
        "If 'ca' occurs at a position other than the very start (starting at 0-based index 1 or later), "
        "delete the first such occurrence (both of its characters).",
    ),
    18: (
        _r18,
        "If the string contains an even number of 'b' characters and at least two of them, append 'ab' to the end.",
    ),
    19: (
        _r19,
        "If the string is longer than 15 characters, delete the character at 0-based index floor(L/2), "
        "where L is the current length.",
    ),
    20: (_r20, "If the string starts with 'ac', replace that prefix 'ac' with 'zz'."),
}


def run(s: str, rules: list[int], max_steps: int) -> tuple[str, list[int], str]:
    """Apply the procedure. Returns (final string, question numbers fired, status).

    status is ``"done"`` (no rule applies), ``"cap"`` (more than ``max_steps``
    applications) or ``"cycle"`` (a string repeated: the procedure never stops).
    """
    seen = {s}
    fired: list[int] = []
    funcs = [POOL[r][0] for r in rules]
    while True:
        for number, f in enumerate(funcs, 1):
            t = f(s)
            if t is not None:
                break
        else:
            return s, fired, "done"
        fired.append(number)
        s = t
        if len(fired) > max_steps:
            return s, fired, "cap"
        if s in seen:
            return s, fired, "cycle"
        seen.add(s)


@dataclass(frozen=True)
class StringDeletionModificationConfig(TaskConfig):
    rules: tuple[int, int] = (6, 6)
    length: tuple[int, int] = (10, 20)
    min_firings: int = 4
    min_distinct: int = 2
    max_steps: int = 300

    def validate(self) -> None:
        rules = self.require_range("rules", 1, len(POOL))
        self.require_range("length", 1, 500)
        self.require_int("min_firings", 0, 1_000)
        distinct = self.require_int("min_distinct", 0, len(POOL))
        self.require_int("max_steps", 1, 5_000)
        if distinct > rules[1]:
            raise ValueError(
                f"StringDeletionModificationConfig.min_distinct ({distinct}) cannot exceed the largest rule count {rules[1]}"
            )
        if self.min_firings > self.max_steps:
            raise ValueError(
                f"StringDeletionModificationConfig.min_firings ({self.min_firings}) cannot exceed max_steps ({self.max_steps})"
            )


class StringDeletionModification(SymbolicTask):
    name = "string_deletion_modification"
    split = "seen"
    description = "Rewrite a string over {a,b,c} by repeatedly applying the first applicable numbered rule."
    answer_mode = "unique"
    version = 1
    display_name = "String Deletion&Modifi."
    paper_order = 25
    family = "string"
    origin = "paper"
    answer_format = AnswerFormat("text")
    Config = StringDeletionModificationConfig
    presets = {
        1: StringDeletionModificationConfig(rules=(3, 3), length=(6, 10), min_firings=2, min_distinct=1),
        2: StringDeletionModificationConfig(rules=(4, 5), length=(10, 15), min_firings=3, min_distinct=2),
        3: StringDeletionModificationConfig(rules=(6, 6), length=(10, 20), min_firings=4, min_distinct=2),
        4: StringDeletionModificationConfig(rules=(8, 8), length=(15, 25), min_firings=8, min_distinct=3),
        5: StringDeletionModificationConfig(rules=(10, 12), length=(20, 40), min_firings=15, min_distinct=4),
    }

    def generate(self, rng: random.Random, config: StringDeletionModificationConfig) -> dict:
        ids = sorted(POOL)
        for _ in range(_MAX_ATTEMPTS):
            k = rng.randint(*config.rules)
            rules = rng.sample(ids, k)
            s = "".join(rng.choice("abc") for _ in range(rng.randint(*config.length)))
            final, fired, status = run(s, rules, config.max_steps)
            if status != "done" or not final:
                continue
            if len(fired) < config.min_firings or len(set(fired)) < config.min_distinct:
                continue
            return {"string": s, "rules": rules, "max_steps": config.max_steps, "firings": len(fired)}
        raise GenerationError(
            f"string_deletion_modification: no instance found for {config} in {_MAX_ATTEMPTS} attempts"
        )

    def solve(self, params: dict) -> str:
        final, _, status = run(params["string"], params["rules"], params["max_steps"])
        if status != "done":
            raise GenerationError(f"string_deletion_modification: procedure did not stop ({status})")
        return final

    def question(self, params: dict) -> str:
        rules = "\n".join(f"{n}. {POOL[r][1]}" for n, r in enumerate(params["rules"], 1))
        final = self.solve(params)
        example = "acb" if final != "acb" else "bca"
        zed = " The rule that turns a leading 'ac' into 'zz' can introduce the letter 'z'." if 20 in params["rules"] else ""
        return (
            "You are given a string of lowercase letters and a numbered list of rules that modify it.\n\n"
            f"Rules:\n{rules}\n\n"
            "Procedure: check the rules in the order 1, 2, 3, ... and apply the FIRST rule (the lowest-numbered "
            "one) whose condition holds, exactly once. After applying it, start checking again from rule 1 on the "
            "new string. Repeat until no rule's condition holds; the string at that moment is the result. "
            "Positions are 0-based, 'first occurrence' means the leftmost one, and prefixes, suffixes and "
            "occurrences are always taken from the current string."
            f"{zed}\n\n"
            f"String: {params['string']}\n\n"
            "Return your final answer as the resulting string (lowercase letters, no spaces or quotes needed) "
            f"inside triple angle brackets, for example <<<{example}>>>."
        )

    def check(self, params: dict, answer: str) -> Verdict:
        expected = self.solve(params)
        got = strip_quotes(answer)
        if got == expected:
            return Verdict.ok()
        if not re.fullmatch(r"[a-z]*", got):
            return Verdict.bad_format(f"answer must be lowercase letters only, got {short(got)}")
        if len(got) != len(expected):
            return Verdict.fail(f"wrong length: {len(got)} letters, expected {len(expected)}")
        first = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
        return Verdict.fail(f"wrong string: first difference at 0-based position {first}")

    def size(self, params: dict) -> float:
        return params["firings"] + len(params["rules"]) / 10
