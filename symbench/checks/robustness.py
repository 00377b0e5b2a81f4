"""Denial-of-service guard: every verifier stays fast on hostile answers and accepts none.

A model (or a program it wrote) can print anything up to the answer cap
(:data:`symbench.contract.MAX_ANSWER_CHARS`). The extraction, the normalisation and the
task's own parsing must all run in linear time (or under a stated bound) on such text:
a quadratic regex or a deep recursion would stall an evaluation. This check feeds each
task long runs of the characters that break naive parsers (``<``, ``>``, ``<<<``,
backticks, spaces, digits, brackets, commas, quotes, newlines, non-ASCII letters and
mixtures) at the full cap, both as a whole response and inside ``<<<...>>>``.

The bound, :data:`BOUND_S` seconds per call, is a guard against super-linear work, not a
speed target: linear work on 200,000 characters takes milliseconds. Where the platform
allows (POSIX, main thread) a call that overruns is interrupted, so a quadratic verifier
fails the check in seconds instead of hanging it.
"""

from __future__ import annotations

import signal
import threading
import time
from typing import Any, Callable

from symbench.checks import CheckFailure, expect, register
from symbench.contract import MAX_ANSWER_CHARS, SymbolicTask

#: Seconds one verify() call may take on any input (generous: a guard, not a target).
BOUND_S = 2.0

#: Units repeated up to the answer cap; each breaks some naive parser.
UNITS: tuple[str, ...] = (
    "<", ">", "<<<", ">>>", "<<<>", "`", "```", " ", "\t", "\n", "\r\n", "9", "1 ", "1,", "1, ", " , ", "-1", "1+", "1/",
    "[", "]", "(", ")", "[1, ", "(1, 2), ", "{", '{"a":', '"Agent[0.5, 0.5]":', ",", '"', "'", "\\", ":", "=", ".", "/",
    "a", "A", "a ", "é", "中", "\u200b", "Yes ", "(A)", "Step 1: ", "Move A from 1 to 2\n", "Count: 1, Positions: [",
    "sqrt(", "\\frac{", "<[(`'\", 1 a\n",
)


class _Overrun(BaseException):
    """Raised by the interval timer; a BaseException so that verify() cannot swallow it."""


def bounded_call(func: Callable[..., Any], *args: Any, seconds: float = BOUND_S, what: str = "call") -> Any:
    """``func(*args)``, failing the check if it takes longer than ``seconds``.

    In the main thread of a POSIX process the call is interrupted when it overruns;
    elsewhere it runs to the end and its time is compared afterwards.
    """
    can_interrupt = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = None
    if can_interrupt:

        def _alarm(signum: int, frame: Any) -> None:
            raise _Overrun()

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        result = func(*args)
    except _Overrun:
        raise CheckFailure(f"{what} did not finish within {seconds:g} s (interrupted)") from None
    finally:
        if can_interrupt:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - start
    expect(elapsed <= seconds, f"{what} took {elapsed:.2f} s (bound {seconds:g} s)")
    return result


def hostile_texts(length: int = MAX_ANSWER_CHARS) -> dict[str, str]:
    """Name -> text of exactly ``length`` characters, for every unit and a few special shapes."""

    def fill(unit: str) -> str:
        return (unit * (length // len(unit) + 1))[:length]

    texts = {f"run of {unit!r}": fill(unit) for unit in UNITS}
    texts["fence then letters"] = "```" + "a" * (length - 3)
    texts["closed fence around letters"] = "```\n" + "a" * (length - 8) + "\n```"
    texts["1, spaces, 1"] = "1" + " " * (length - 2) + "1"
    texts["deep brackets"] = "[" * (length // 2) + "]" * (length - length // 2)
    texts["deep parentheses around 1"] = "(" * (length // 2 - 1) + "1" + ")" * (length - length // 2)
    texts["long number"] = "1" + "0" * (length - 1)
    return texts


def _levels(task: SymbolicTask) -> list[int]:
    levels = sorted(task.presets)
    return sorted({levels[0], levels[len(levels) // 2], levels[-1]})


@register
def verifiers_are_fast_and_strict_on_hostile_answers(task: SymbolicTask) -> None:
    """verify() finishes within BOUND_S on hostile text up to the answer cap and never accepts it."""
    texts = hostile_texts(MAX_ANSWER_CHARS - 6)
    for k, level in enumerate(_levels(task)):
        inst = task.instance(level, seed=0, index=k % 2)  # two balancing slots
        for name, text in texts.items():
            for form, response in (("response", text), ("final answer", f"<<<{text}>>>")):
                what = f"{inst.id}: verify() on a {form} that is a {name}"
                verdict = bounded_call(task.verify, inst, response, what=what)
                expect(not verdict.correct, f"{what} accepted it")
                expect(verdict.code != "verifier_error", f"{what} gave a verifier error: {verdict.reason}")


__all__ = ["BOUND_S", "UNITS", "bounded_call", "hostile_texts"]
