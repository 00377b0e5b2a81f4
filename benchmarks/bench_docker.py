"""Docker sandbox overhead (a script, not a timed test). Needs the engine and the image.

Run: .venv/bin/python benchmarks/bench_docker.py [--runs 10] [--n 20]

1. One sample's sandbox life: create (sample_init), write the program, run it, remove
   (sample_cleanup); median seconds per part, for Docker and for the bubblewrap jail.
2. One exec of ``python3 -c pass`` in a ready sandbox (median), both backends.
3. ``inspect eval symbench/game24 --model symbench/oracle -T n=N`` wall time in one
   process, with each sandbox (Inspect's default concurrency for each).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time

from tabulate import tabulate

import symbench._registry  # noqa: F401  (registers the sandbox, models and tasks)
from symbench.harness.docker import COMPOSE_FILE

TASK = "symbench-bench"


def backends():
    from inspect_ai.util._sandbox.docker.docker import DockerSandboxEnvironment

    from symbench.harness.sandbox import SymbenchSandbox

    return {"docker": (DockerSandboxEnvironment, COMPOSE_FILE.as_posix()), "jail": (SymbenchSandbox, None)}


async def lifecycle(cls, config, runs: int) -> dict[str, float]:
    await cls.task_init(TASK, config)
    parts: dict[str, list[float]] = {"create": [], "write": [], "run": [], "remove": [], "exec pass": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        envs = await cls.sample_init(TASK, config, {})
        t1 = time.perf_counter()
        box = envs["default"]
        await box.write_file("program.py", "print('<<<1>>>')\n")
        t2 = time.perf_counter()
        result = await box.exec(["python3", "program.py"], timeout=10)
        t3 = time.perf_counter()
        assert result.stdout == "<<<1>>>\n", result
        for _ in range(3):
            e0 = time.perf_counter()
            await box.exec(["python3", "-c", "pass"], timeout=10)
            parts["exec pass"].append(time.perf_counter() - e0)
        t4 = time.perf_counter()
        await cls.sample_cleanup(TASK, config, envs, False)
        t5 = time.perf_counter()
        for name, seconds in (("create", t1 - t0), ("write", t2 - t1), ("run", t3 - t2), ("remove", t5 - t4)):
            parts[name].append(seconds)
    return {name: statistics.median(values) for name, values in parts.items()}


def eval_time(sandbox, n: int) -> float:
    from inspect_ai import eval as inspect_eval

    with tempfile.TemporaryDirectory() as logs:
        t0 = time.perf_counter()
        [log] = inspect_eval("symbench/game24", model="symbench/oracle", sandbox=sandbox, task_args={"n": n},
                             display="none", log_dir=logs)
        seconds = time.perf_counter() - t0
    assert log.status == "success" and log.results.scores[0].metrics["accuracy"].value == 1.0, log.error
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args()
    rows = []
    results = {name: asyncio.run(lifecycle(cls, config, args.runs)) for name, (cls, config) in backends().items()}
    for part in ("create", "write", "run", "remove", "exec pass"):
        rows.append([part, f"{results['docker'][part]:.3f}", f"{results['jail'][part]:.3f}"])
    per_sample = {name: sum(v for k, v in r.items() if k != "exec pass") for name, r in results.items()}
    rows.append(["one sample, all four", f"{per_sample['docker']:.3f}", f"{per_sample['jail']:.3f}"])
    docker_eval = eval_time(("docker", COMPOSE_FILE.as_posix()), args.n)
    jail_eval = eval_time("symbench", args.n)
    rows.append([f"inspect eval game24 n={args.n}", f"{docker_eval:.1f}", f"{jail_eval:.1f}"])
    print(f"median seconds, {args.runs} runs; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")
    print(tabulate(rows, headers=["what", "docker", "jail"], disable_numparse=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
