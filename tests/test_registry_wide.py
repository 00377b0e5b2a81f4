"""One suite that every registered task gets automatically (no per-task edits).

A new file in tasks/ is picked up by the registry and so by every test here.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import subprocess
import sys
import textwrap

import pytest

from symbench.contract import LEVELS, Instance, Verdict
from symbench.registry import all_tasks, get_task

TASKS = sorted(all_tasks())
N_PER_LEVEL = 3


def _instances(name: str, level: int, n: int = N_PER_LEVEL) -> list[Instance]:
    return [get_task(name).instance(level, seed=0, index=i) for i in range(n)]


@pytest.mark.parametrize("name", TASKS)
def test_every_level_generates_and_reference_verifies(name):
    task = get_task(name)
    for level in LEVELS:
        for inst in _instances(name, level):
            assert inst.task == name and inst.complexity == level
            assert inst.id == f"{name}/c{level}/s0/{inst.index}"
            assert "<<<" in inst.question and ">>>" in inst.question
            verdict = task.verify(inst, f"Reasoning...\n<<<{inst.answer}>>>")
            assert verdict == Verdict(True, verdict.reason), verdict
            # the record survives a JSON round trip and still verifies
            again = Instance.from_record(json.loads(json.dumps(inst.to_record())))
            assert task.verify(again, f"<<<{again.answer}>>>").correct


@pytest.mark.parametrize("name", TASKS)
def test_generation_is_deterministic_and_seed_dependent(name):
    task = get_task(name)
    a = task.instance(3, seed=5, index=7)
    b = task.instance(3, seed=5, index=7)
    assert a == b
    others = {task.instance(3, seed=s, index=i).question for s in (0, 1) for i in range(4)}
    assert len(others) > 1, "different seeds/indices should give different instances"


def test_same_instances_in_another_process():
    """Instances are a pure function of (task, complexity, seed, index)."""
    code = textwrap.dedent(
        """
        import json
        from symbench.registry import all_tasks
        out = {}
        for name, task in all_tasks().items():
            for level in (1, 3, 5):
                for index in (0, 1):
                    out[f"{name}/{level}/{index}"] = task.instance(level, 11, index).to_record()
        print(json.dumps(out, sort_keys=True))
        """
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    other = json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout)
    here = {
        f"{name}/{level}/{index}": task.instance(level, 11, index).to_record()
        for name, task in all_tasks().items()
        for level in (1, 3, 5)
        for index in (0, 1)
    }
    assert json.dumps(here, sort_keys=True) == json.dumps(other, sort_keys=True)


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


@pytest.mark.parametrize("name", TASKS)
def test_corrupted_answers_are_rejected_without_raising(name):
    task = get_task(name)
    rng = random.Random(0)
    for level in (1, 3, 5):
        inst = task.instance(level, seed=0, index=0)
        for bad in _corruptions(inst.answer, rng):
            verdict = task.verify(inst, f"<<<{bad}>>>")
            assert isinstance(verdict, Verdict)
            assert not verdict.reason.startswith("verifier error"), (bad[:80], verdict)
            if bad.strip() not in (inst.answer.strip(), ""):
                # a truncated or garbage answer is never right (except a lucky prefix of an any_valid plan)
                if not (task.answer_mode == "any_valid" and bad == inst.answer[: len(inst.answer) // 2]):
                    assert not verdict.correct, (bad[:80], verdict)
        for bad in _mutations(inst.answer, rng):
            verdict = task.verify(inst, f"<<<{bad}>>>")
            assert not verdict.reason.startswith("verifier error"), (bad[:80], verdict)
            if task.answer_mode == "unique" and bad != inst.answer:
                assert not verdict.correct, (bad[:80], verdict)


@pytest.mark.parametrize("name", TASKS)
def test_missing_final_answer_is_incorrect(name):
    task = get_task(name)
    inst = task.instance(2, seed=0, index=0)
    # the text has no <<<>>>, so the whole prose is taken as the answer and fails
    verdict = task.verify(inst, "I think the answer is hard to find.")
    assert not verdict.correct and verdict.reason


@pytest.mark.parametrize("name", TASKS)
def test_level5_is_harder_than_level1(name):
    task = get_task(name)
    easy = [task.size(i.params) for i in _instances(name, 1, 5)]
    hard = [task.size(i.params) for i in _instances(name, 5, 5)]
    assert sum(hard) / len(hard) > sum(easy) / len(easy), (easy, hard)


@pytest.mark.parametrize("name", TASKS)
def test_bad_configs_raise_value_error_naming_the_field(name):
    task = get_task(name)
    for level in LEVELS:
        task.presets[level].validate()  # presets themselves are valid
    preset = task.presets[3]
    for f in dataclasses.fields(preset):
        for bad in (None, "nonsense", -10**9):
            broken = dataclasses.replace(preset, **{f.name: bad})
            with pytest.raises(ValueError) as info:
                broken.validate()
            assert f.name in str(info.value), str(info.value)
    with pytest.raises(ValueError, match="complexity"):
        task.instance(6, 0, 0)
    with pytest.raises(ValueError, match="seed"):
        task.instance(1, -1, 0)
    with pytest.raises(ValueError, match="no_such_knob"):
        task.instance(1, 0, 0, overrides={"no_such_knob": 1})


@pytest.mark.parametrize("name", TASKS)
def test_question_is_self_contained(name):
    task = get_task(name)
    for level in (1, 5):
        inst = task.instance(level, seed=0, index=1)
        assert "<<<" in inst.question
        # the reference answer is not leaked into the prompt as the final answer
        assert f"<<<{inst.answer}>>>" not in inst.question or len(inst.answer) <= 3


@pytest.mark.sandbox
@pytest.mark.parametrize("name", TASKS)
def test_oracle_program_verifies_through_the_sandbox(name):
    """What symbench/oracle writes, run in the jail, prints an answer the verifier accepts."""
    import asyncio

    from symbench.answer import extract_final_answer
    from symbench.harness.jail import run_python_file
    from symbench.harness.providers import oracle_program

    task = get_task(name)

    async def run_all():
        results = []
        for level in (1, 5):
            inst = task.instance(level, seed=0, index=2)
            program = oracle_program(inst.answer)
            assert extract_final_answer(program) is None  # the answer comes from running it
            results.append((inst, await run_python_file(program)))
        return results

    for inst, result in asyncio.run(run_all()):
        assert result.exit_code == 0, result.stderr
        printed = extract_final_answer(result.stdout)
        assert printed == inst.answer
        assert task.verify(inst, result.stdout).correct
