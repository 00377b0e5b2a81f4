"""The one parser of SymBench's evaluation parameters (``-T`` values, suite files, CLI flags).

Every parameter is declared once here, with its default, its help text and its parser.
The Inspect tasks build their signatures from this table, the suite task adds the
suite-only ones, and the command line reuses the same parsers, so a new knob is one
new entry. A bad value raises :class:`ParameterError` naming the parameter, the value as
the user wrote it, and the values it allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from symbench.contract import LEVELS, SPLITS

MAX_N = 100_000
MAX_SEED = 2**63 - 1
MAX_EXEC_TIMEOUT = 600


class ParameterError(ValueError):
    """A bad evaluation parameter; the message names it and what it allows."""


def show(value: Any) -> str:
    """A value as the user typed it: ``1,2`` rather than ``[1, 2]``, ``true`` rather than ``True``."""
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(show(v) for v in value)
    return str(value)


def _int(name: str, low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        raw = value.strip() if isinstance(value, str) else value
        if isinstance(raw, str) and raw.isascii() and raw.isdigit():
            raw = int(raw)
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
            raise ParameterError(f"{name} must be a whole number from {low} to {high}, got {show(value)}")
        return raw

    return parse


def parse_complexity(value: Any) -> tuple[int, ...]:
    """``all``, a level 1-5, or a comma list of levels (``1,2``) -> the levels in the order given."""
    allowed = "'all', a level 1-5, or a comma list of levels such as 1,2"
    if isinstance(value, str) and value.strip().lower() == "all":
        return LEVELS
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        raise ParameterError(f"complexity must be {allowed}; got an empty value")
    items = list(value) if isinstance(value, (list, tuple)) else value.split(",") if isinstance(value, str) else [value]
    levels: list[int] = []
    for item in items:
        raw = item.strip() if isinstance(item, str) else item
        if isinstance(raw, str) and raw in {"1", "2", "3", "4", "5"}:
            raw = int(raw)
        if isinstance(raw, bool) or raw not in LEVELS:
            raise ParameterError(f"complexity must be {allowed}; got {show(value)}")
        if raw not in levels:
            levels.append(raw)
    return tuple(levels)


def parse_split(value: Any) -> str:
    if value not in (*SPLITS, "all"):
        raise ParameterError(f"split must be one of seen, unseen, all; got {show(value)}")
    return value


def parse_task_names(value: Any) -> tuple[str, ...] | None:
    """A comma list of task names, or ``all``/empty for every task (None). Names are checked
    against the registry (and the split) by :func:`resolve_tasks`."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "all")):
        return None
    names = [v.strip() for v in value.split(",")] if isinstance(value, str) else [str(v).strip() for v in value]
    if any(not n for n in names):
        raise ParameterError(f"tasks must be a comma list of task names; got {show(value)}")
    return tuple(dict.fromkeys(names))


def resolve_tasks(names: tuple[str, ...] | None, split: str = "all") -> list[str]:
    """The task names to run: ``names`` (checked) or every task of ``split``."""
    from symbench.registry import all_tasks, task_names

    chosen = task_names(split)
    if names is None:
        return chosen
    known = all_tasks()
    unknown = [t for t in names if t not in known]
    if unknown:
        raise ParameterError(f"tasks: unknown task(s) {', '.join(unknown)}; known tasks: {', '.join(known)}")
    outside = [t for t in names if t not in chosen]
    if outside:
        raise ParameterError(f"tasks: {', '.join(outside)} not in split {split!r}")
    return list(names)


@dataclass(frozen=True)
class Param:
    name: str
    default: Any
    help: str
    parse: Callable[[Any], Any]
    suite_only: bool = False


PARAMS: tuple[Param, ...] = (
    Param("n", 100, f"samples per task, 1..{MAX_N} (default 100, as in the paper)", _int("n", 1, MAX_N)),
    Param("complexity", "all", "'all' (levels 1-5 in turn), a level 1-5, or a comma list such as 1,2", parse_complexity),
    Param("seed", 0, "a non-negative integer; with the level and index it fixes every instance", _int("seed", 0, MAX_SEED)),
    Param("exec_timeout", 10, f"seconds allowed for running a response's code, 1..{MAX_EXEC_TIMEOUT}", _int("exec_timeout", 1, MAX_EXEC_TIMEOUT)),
    Param("tasks", "all", "comma list of task names, or 'all'", parse_task_names, suite_only=True),
    Param("split", "all", "seen, unseen or all", parse_split, suite_only=True),
)


def params_for(suite: bool) -> tuple[Param, ...]:
    return tuple(p for p in PARAMS if suite or not p.suite_only)


def parse_params(values: Mapping[str, Any], *, suite: bool = False, flag: str = "-T ") -> dict[str, Any]:
    """Parse ``values`` (missing ones take their defaults); unknown names are an error.

    ``flag`` prefixes parameter names in messages (``-T n``), as the user wrote them."""
    table = {p.name: p for p in params_for(suite)}
    unknown = sorted(set(values) - set(table))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(flag + k for k in unknown)}; allowed: {', '.join(table)}"
        )
    out: dict[str, Any] = {}
    for name, param in table.items():
        try:
            out[name] = param.parse(values.get(name, param.default))
        except ParameterError as exc:
            raise ParameterError(f"{flag}{exc}") from None
    if suite:
        try:
            out["tasks"] = resolve_tasks(out["tasks"], out["split"])
        except ParameterError as exc:
            raise ParameterError(f"{flag}{exc}") from None
    return out
