"""Contract checks that every SymBench task must pass, built-in or a user's own.

Each check is a function ``check(task) -> None`` that raises :class:`CheckFailure`
(an ``AssertionError``) with a readable message. The repository's registry-wide tests
run every check on every registered task; ``symbench check [TASK ...]`` runs them on
a user's tasks (found through ``SYMBENCH_TASK_PATH`` or an entry point) from any install.

Checks are registered with :func:`register`; modules in this package group them
(``contract`` here, more in sibling modules). ``slow`` checks generate many instances.
"""

from __future__ import annotations

import importlib
import traceback
from dataclasses import dataclass
from typing import Callable

from symbench.contract import SymbolicTask

#: Modules whose import registers checks (each is ``symbench.checks.<name>``).
MODULES = ("contract", "formats", "robustness", "validity")


class CheckFailure(AssertionError):
    """A task broke the contract; the message says how."""


def expect(condition: object, message: str) -> None:
    """Raise :class:`CheckFailure` with ``message`` unless ``condition`` holds (not ``assert``)."""
    if not condition:
        raise CheckFailure(message)


@dataclass(frozen=True)
class Check:
    name: str
    func: Callable[[SymbolicTask], None]
    slow: bool = False

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0] if self.func.__doc__ else self.name

    def __call__(self, task: SymbolicTask) -> None:
        self.func(task)


_REGISTERED: dict[str, Check] = {}


def register(func: Callable[[SymbolicTask], None] | None = None, *, slow: bool = False):
    """Decorator: register ``func`` as a check named after it."""

    def wrap(f: Callable[[SymbolicTask], None]) -> Callable[[SymbolicTask], None]:
        if f.__name__ in _REGISTERED:
            raise ValueError(f"check {f.__name__!r} is registered twice")
        _REGISTERED[f.__name__] = Check(f.__name__, f, slow)
        return f

    return wrap(func) if func is not None else wrap


def all_checks(include_slow: bool = True) -> list[Check]:
    for module in MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return [c for c in _REGISTERED.values() if include_slow or not c.slow]


@dataclass(frozen=True)
class CheckResult:
    task: str
    check: str
    ok: bool
    message: str = ""


def run_checks(task: SymbolicTask, include_slow: bool = False) -> list[CheckResult]:
    """Run every check on ``task``; a failure or an unexpected exception is a failed result."""
    results = []
    for check in all_checks(include_slow):
        try:
            check(task)
            results.append(CheckResult(task.name, check.name, True))
        except CheckFailure as exc:
            results.append(CheckResult(task.name, check.name, False, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a crashing task is a failed check, reported
            last = traceback.extract_tb(exc.__traceback__)[-1]
            where = f" ({last.filename}:{last.lineno})"
            results.append(CheckResult(task.name, check.name, False, f"{type(exc).__name__}: {exc}{where}"))
    return results
