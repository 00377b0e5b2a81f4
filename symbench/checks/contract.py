"""The basic contract: generation, determinism, the reference verifies, bad answers and
bad configs are handled, questions are self-contained, difficulty grows with the level."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import subprocess
import sys

from symbench.checks import expect, register
from symbench.contract import LEVELS, Instance, SymbolicTask, Verdict

N_PER_LEVEL = 3


def _instances(task: SymbolicTask, level: int, n: int = N_PER_LEVEL, seed: int = 0) -> list[Instance]:
    return [task.instance(level, seed=seed, index=i) for i in range(n)]


@register
def every_level_generates_and_reference_verifies(task: SymbolicTask) -> None:
    """Every level generates; the reference passes; records survive a JSON round trip."""
    for level in LEVELS:
        for inst in _instances(task, level):
            expect(inst.task == task.name and inst.complexity == level, f"{inst.id}: wrong task or level in the record")
            expect(inst.id == f"{task.name}/c{level}/s0/{inst.index}", f"{inst.id}: id does not follow TASK/cLEVEL/sSEED/INDEX")
            expect("<<<" in inst.question and ">>>" in inst.question, f"{inst.id}: the question does not ask for <<<...>>>")
            verdict = task.verify(inst, f"Reasoning...\n<<<{inst.answer}>>>")
            expect(verdict.correct and verdict.code == "correct", f"{inst.id}: the reference answer fails: {verdict}")
            again = Instance.from_record(json.loads(json.dumps(inst.to_record())))
            expect(task.verify(again, f"<<<{again.answer}>>>").correct, f"{inst.id}: fails after a JSON round trip")


@register
def generation_is_deterministic_and_seed_dependent(task: SymbolicTask) -> None:
    """The same (level, seed, index) gives the same instance; other seeds/indices differ."""
    a = task.instance(3, seed=5, index=7)
    b = task.instance(3, seed=5, index=7)
    expect(a == b, f"{task.name}: two generations of c3/s5/7 differ")
    others = {task.instance(3, seed=s, index=i).question for s in (0, 1) for i in range(4)}
    expect(len(others) > 1, f"{task.name}: different seeds and indices give the same question")


_OTHER_PROCESS = """
import json, sys
from symbench.registry import get_task
task = get_task(sys.argv[1])
print(json.dumps([task.instance(level, 11, index).to_record() for level in (1, 3, 5) for index in (0, 1)], sort_keys=True))
"""


@register
def same_instances_in_another_process(task: SymbolicTask) -> None:
    """Instances do not depend on the process (hash seeds, import order)."""
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", _OTHER_PROCESS, task.name], env=env, capture_output=True, text=True, timeout=300)
    expect(out.returncode == 0, f"{task.name}: generation in another process failed: {out.stderr.strip()[-300:]}")
    here = [task.instance(level, 11, index).to_record() for level in (1, 3, 5) for index in (0, 1)]
    expect(json.dumps(here, sort_keys=True) == out.stdout.strip(), f"{task.name}: another process generates different instances")


def _corruptions(answer: str, rng: random.Random) -> list[str]:
    out = ["", "   ", "<<<>>>", "None", "[]", "{}", "null", "0", "-1", "\x00\xff\ufffd", "<<<" + answer]
    out.append("".join(chr(rng.randrange(1, 0x3000)) for _ in range(200)))
    out.append(answer * 5_000)  # huge
    out.append("(" * 5_000 + answer + ")" * 5_000)
    out.append("[" * 3_000)
    out.append("9" * 150_000)  # int() of this raises in Python: a verifier must cap digits first
    out.append('{"a":' * 20_000)
    out.append(answer[: len(answer) // 2])
    return out


def _mutations(answer: str, rng: random.Random) -> list[str]:
    out = []
    for _ in range(6):
        if not answer:
            break
        i = rng.randrange(len(answer))
        ch = answer[i]
        if ch.isdigit():
            new = str((int(ch) + rng.randint(1, 9)) % 10)  # a wrong number
        elif ch.isalpha():
            pool = [c for c in (ch.upper() + "ABCDEXYZ" if ch.isupper() else "abcdexyz") if c != ch]
            new = rng.choice(pool)
        else:
            new = "#"
        out.append(answer[:i] + new + answer[i + 1 :])
    return out


@register
def corrupted_answers_are_rejected_without_raising(task: SymbolicTask) -> None:
    """Garbage, huge, deeply nested and mutated answers are judged (never raise), and are not accepted."""
    rng = random.Random(0)
    for level in (1, 3, 5):
        inst = task.instance(level, seed=0, index=0)
        for bad in _corruptions(inst.answer, rng):
            verdict = task.verify(inst, f"<<<{bad}>>>")
            expect(isinstance(verdict, Verdict), f"{inst.id}: verify returned {type(verdict).__name__}")
            expect(verdict.code != "verifier_error", f"{inst.id}: verifier error on {bad[:80]!r}: {verdict.reason}")
            if bad.strip() not in (inst.answer.strip(), ""):
                # a truncated or garbage answer is never right (except a lucky prefix of an any_valid plan)
                if not (task.answer_mode == "any_valid" and bad == inst.answer[: len(inst.answer) // 2]):
                    expect(not verdict.correct, f"{inst.id}: accepted the corrupted answer {bad[:80]!r}")
        for bad in _mutations(inst.answer, rng):
            verdict = task.verify(inst, f"<<<{bad}>>>")
            expect(verdict.code != "verifier_error", f"{inst.id}: verifier error on {bad[:80]!r}: {verdict.reason}")
            if task.answer_mode == "unique" and bad != inst.answer:
                expect(not verdict.correct, f"{inst.id}: a unique-answer task accepted the mutation {bad[:80]!r}")


@register
def missing_final_answer_is_incorrect(task: SymbolicTask) -> None:
    """Prose without <<<...>>> is judged as the answer and fails, with a reason."""
    inst = task.instance(2, seed=0, index=0)
    verdict = task.verify(inst, "I think the answer is hard to find.")
    expect(not verdict.correct and verdict.reason, f"{inst.id}: prose without an answer was accepted: {verdict}")


@register
def level5_is_harder_than_level1(task: SymbolicTask) -> None:
    """The task's own size measure grows from level 1 to level 5."""
    easy = [task.size(i.params) for i in _instances(task, 1, 5)]
    hard = [task.size(i.params) for i in _instances(task, 5, 5)]
    expect(sum(hard) / len(hard) > sum(easy) / len(easy), f"{task.name}: level 5 sizes {hard} are not above level 1 sizes {easy}")


@register
def bad_configs_raise_value_error_naming_the_field(task: SymbolicTask) -> None:
    """Every knob's validate() rejects nonsense with a ValueError that names it."""
    for level in LEVELS:
        task.presets[level].validate()
    preset = task.presets[3]
    for f in dataclasses.fields(preset):
        for bad in (None, "nonsense", -10**9):
            broken = dataclasses.replace(preset, **{f.name: bad})
            try:
                broken.validate()
            except ValueError as exc:
                expect(f.name in str(exc), f"{task.name}: the error for {f.name}={bad!r} does not name the field: {exc}")
            else:
                raise AssertionError(f"{task.name}: {f.name}={bad!r} passes validate()")
    for call, word in ((lambda: task.instance(6, 0, 0), "complexity"), (lambda: task.instance(1, -1, 0), "seed"),
                       (lambda: task.instance(1, 0, 0, overrides={"no_such_knob": 1}), "no_such_knob")):
        try:
            call()
        except ValueError as exc:
            expect(word in str(exc), f"{task.name}: the error does not mention {word}: {exc}")
        else:
            raise AssertionError(f"{task.name}: a bad {word} was accepted")


@register
def question_is_self_contained(task: SymbolicTask) -> None:
    """The question asks for <<<...>>> and does not give the reference answer as its example."""
    for level in (1, 5):
        inst = task.instance(level, seed=0, index=1)
        expect("<<<" in inst.question, f"{inst.id}: no <<< in the question")
        expect(f"<<<{inst.answer}>>>" not in inst.question or len(inst.answer) <= 3, f"{inst.id}: the question shows the answer")
