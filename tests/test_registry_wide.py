"""One suite that every registered task gets automatically (no per-task edits).

A new file in tasks/ (or a user's task found through SYMBENCH_TASK_PATH) is picked up
by the registry and so by every check here. The checks themselves live in
``symbench.checks`` so that ``symbench check`` runs the same ones from any install.
"""

from __future__ import annotations

import pytest

from symbench.checks import all_checks
from symbench.registry import all_tasks, get_task

TASKS = sorted(all_tasks())


@pytest.mark.parametrize("check", [c for c in all_checks() if not c.slow], ids=lambda c: c.name)
@pytest.mark.parametrize("name", TASKS)
def test_contract_check(name, check):
    check(get_task(name))


@pytest.mark.slow
@pytest.mark.parametrize("check", [c for c in all_checks() if c.slow], ids=lambda c: c.name)
@pytest.mark.parametrize("name", TASKS)
def test_slow_contract_check(name, check):
    check(get_task(name))


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
