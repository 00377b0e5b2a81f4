"""The one code executor: every run of model-written code goes through :func:`run_python`.

The scorer, the answering methods and CodeSteer's checkers all call it. It writes the
program into the current sample's sandbox and runs it with the sandbox's ``python3``
under ``timeout``, so that output printed before a timeout is kept on every backend
(the jail, Docker, local): the program is stopped by ``timeout`` inside the sandbox,
and the sandbox's own limit is only a backstop a few seconds later.

Outside a sample (for example ``inspect score`` re-scoring a log, which sets up no
sandbox) it runs the program in a fresh SymBench jail instead.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from inspect_ai.util import sandbox as current_sandbox

#: exit status of ``timeout`` when it stopped the program
TIMEOUT_EXIT = 124
#: seconds the sandbox's own limit waits beyond ``timeout``
BACKSTOP_S = 5
#: characters of stdout/stderr kept in logs and metadata (the sandbox caps at 64 KiB)
METADATA_OUTPUT_CHARS = 4_000


@dataclass(frozen=True)
class Execution:
    """What running a program gave: exit code, output and whether time ran out."""

    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool
    duration_s: float

    def to_dict(self, cap: int | None = METADATA_OUTPUT_CHARS) -> dict[str, Any]:
        data = asdict(self)
        if cap is not None:
            data["stdout"], data["stderr"] = cap_text(self.stdout, cap), cap_text(self.stderr, cap)
        return data


def cap_text(text: str, limit: int = METADATA_OUTPUT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n[... {len(text) - limit} more characters]"


def _has_sandbox() -> bool:
    try:
        current_sandbox()
    except (ProcessLookupError, RuntimeError):
        return False
    return True


async def run_python(code: str, *, timeout: int, filename: str = "program.py") -> Execution:
    """Run ``code`` as a Python program in the current sample's sandbox; never raises for
    the program's own faults (errors, timeouts, output floods are reported)."""
    if not isinstance(timeout, int) or isinstance(timeout, bool) or timeout < 1:
        raise ValueError(f"timeout must be a positive whole number of seconds, got {timeout!r}")
    if not _has_sandbox():
        return await _run_in_fresh_jail(code, timeout, filename)
    box = current_sandbox()
    await box.write_file(filename, code)
    start = time.monotonic()
    cmd = ["timeout", "--kill-after=1", str(timeout), "python3", filename]
    try:
        result = await box.exec(cmd, timeout=timeout + BACKSTOP_S, timeout_retry=False)
    except TimeoutError:
        return Execution(TIMEOUT_EXIT, "", f"timed out after {timeout} s", True, round(time.monotonic() - start, 4))
    duration = round(time.monotonic() - start, 4)
    timed_out = result.returncode in (TIMEOUT_EXIT, 128 + 9) and duration >= timeout
    stderr = result.stderr
    if timed_out:
        stderr = (stderr + f"\n[timed out after {timeout} s]").lstrip()
    return Execution(TIMEOUT_EXIT if timed_out else result.returncode, result.stdout, stderr, timed_out, duration)


async def _run_in_fresh_jail(code: str, timeout: int, filename: str) -> Execution:
    from symbench.harness.jail import JailLimits, run_python_file

    limits = JailLimits(timeout_s=float(timeout), cpu_s=timeout + 1)
    result = await run_python_file(code, limits=limits, filename=filename)
    return Execution(result.exit_code, result.stdout, result.stderr, result.timed_out, result.duration_s)
