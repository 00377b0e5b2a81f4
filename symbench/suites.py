"""Suites: YAML files saying which tasks, instances, methods and models ``symbench run`` evaluates.

Pure (no Inspect import). A suite is validated against ``symbench/schemas/suite.schema.json``
and then against the task registry; every problem is a ``ValueError`` naming the file, the
field and what is allowed. The shipped suites (``paper``, ``smoke``, ``ci``, ``selftest``)
live in ``leaderboards/suites/`` (installed as ``symbench.leaderboards``); a path to a
``.yaml`` file works everywhere a suite name does.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from symbench.contract import LEVELS

DATA_PACKAGE = "symbench.leaderboards"
#: the method whose solver is the task's own default (the question alone)
DEFAULT_METHOD = "only_question"
METHOD_PREFIX = "symbench/"


@dataclass(frozen=True)
class MethodSpec:
    name: str
    options: dict[str, Any] = field(default_factory=dict)
    label: str = ""

    @property
    def solver(self) -> str | None:
        """The Inspect solver name, or ``None`` for the task's default solver."""
        if self.name == DEFAULT_METHOD and not self.options:
            return None
        return self.name if "/" in self.name else METHOD_PREFIX + self.name


@dataclass(frozen=True)
class RoleSpec:
    model: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelSpec:
    model: str
    args: dict[str, Any] = field(default_factory=dict)
    roles: dict[str, RoleSpec] = field(default_factory=dict)
    label: str = ""
    local: str | None = None
    deterministic: bool = False
    #: ``only:`` narrows the suite's grid for this model (``None``: the suite's own)
    tasks: tuple[str, ...] | None = None
    n: int | None = None
    complexity: tuple[int, ...] | None = None
    methods: tuple[str, ...] | None = None
    generate: dict[str, Any] = field(default_factory=dict)

    def grid(self, suite: "Suite") -> tuple[tuple[str, ...], tuple["MethodSpec", ...], dict[str, Any]]:
        """This model's tasks, methods and ``-T`` arguments: the suite's, narrowed by ``only:``
        (so command-line overrides of the suite narrow it further, never widen it)."""
        tasks = tuple(t for t in suite.tasks if self.tasks is None or t in self.tasks)
        methods = tuple(m for m in suite.methods if self.methods is None or m.label in self.methods)
        levels = tuple(level for level in suite.complexity if self.complexity is None or level in self.complexity)
        args = suite.task_args()
        if self.n is not None:
            args["n"] = min(self.n, suite.n)
        if not levels:
            return (), methods, args
        if levels != suite.complexity:
            args["complexity"] = ",".join(map(str, levels))
        return tasks, methods, args


@dataclass(frozen=True)
class Suite:
    name: str
    tasks: tuple[str, ...]
    methods: tuple[MethodSpec, ...]
    models: tuple[ModelSpec, ...] = ()
    n: int = 100
    complexity: tuple[int, ...] = LEVELS
    seed: int = 0
    exec_timeout: int = 10
    generate: dict[str, Any] = field(default_factory=dict)
    eval: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    source: str = ""

    @property
    def complexity_arg(self) -> str:
        """The ``-T complexity`` value: ``all`` or a comma list."""
        return "all" if self.complexity == LEVELS else ",".join(map(str, self.complexity))

    def task_args(self) -> dict[str, Any]:
        return {"n": self.n, "complexity": self.complexity_arg, "seed": self.seed, "exec_timeout": self.exec_timeout}

    def digest(self) -> str:
        """A short digest of everything that decides the instances and how they are asked."""
        return hashlib.sha256(json.dumps(_canonical(self), sort_keys=True).encode()).hexdigest()[:16]

    def with_overrides(self, *, tasks: str | None = None, n: int | None = None, complexity: Any = None,
                       models: tuple[ModelSpec, ...] | None = None) -> "Suite":
        """The suite with command-line overrides applied (``tasks`` is a comma list; '' = all)."""
        where = f"suite {self.name}"
        out = self
        if tasks is not None:
            names = [t.strip() for t in tasks.split(",") if t.strip()] if tasks.strip() else None
            out = replace(out, tasks=_resolve_tasks(names, None, where))
        if n is not None:
            out = replace(out, n=n)
        if complexity is not None:
            out = replace(out, complexity=_parse_levels(complexity, where))
        if models is not None:
            out = replace(out, models=models)
        return out


def _canonical(value: Any) -> Any:
    if isinstance(value, (Suite, MethodSpec, ModelSpec, RoleSpec)):
        skip = {"description", "source", "label"}
        return {k: _canonical(v) for k, v in vars(value).items() if k not in skip}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return f"<{type(value).__name__}>"


# --------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def suite_schema() -> dict[str, Any]:
    return json.loads(resources.files("symbench").joinpath("schemas/suite.schema.json").read_text("utf-8"))


def data_file(*parts: str):
    """A file shipped under ``leaderboards/`` (a ``Traversable``)."""
    return resources.files(DATA_PACKAGE).joinpath(*parts)


def suite_names() -> list[str]:
    folder = data_file("suites")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_suite(ref: str) -> Suite:
    """Load a suite by name (a shipped suite) or by path to a YAML file."""
    import yaml

    if ref.endswith((".yaml", ".yml")) or os.sep in ref or os.path.exists(ref):
        try:
            with open(ref, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            raise ValueError(f"cannot read suite file {ref}: {exc.strerror}") from None
        source = ref
    else:
        if ref not in suite_names():
            raise ValueError(f"unknown suite {ref!r}; shipped suites: {', '.join(suite_names())} (or give a path to a .yaml file)")
        text = data_file("suites", f"{ref}.yaml").read_text("utf-8")
        source = f"{ref}.yaml"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise ValueError(f"suite {source} is not valid YAML{at}: {getattr(exc, 'problem', exc)}") from None
    return parse_suite(data, source)


def parse_suite(data: Any, source: str = "(suite)") -> Suite:
    """Validate a suite document (already parsed from YAML) and build a :class:`Suite`."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(suite_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(list(e.path)), list(map(str, e.path))))
    if errors:
        first = errors[0]
        where = ".".join(map(str, first.path)) or "(top level)"
        message = first.message
        if first.validator == "not" and not first.path:
            message = "give either tasks or split, not both"
        elif first.validator == "oneOf":
            message = f"{json.dumps(first.instance)[:80]} is not an allowed value (see symbench/schemas/suite.schema.json)"
        raise ValueError(f"suite {source}: {where}: {message}")
    where = f"suite {source}"
    methods = tuple(_method(m) for m in data["methods"])
    _unique([m.label for m in methods], where, "method")
    tasks = _resolve_tasks(data.get("tasks"), data.get("split"), where)
    levels = _parse_levels(data.get("complexity", "all"), where)
    models = tuple(_model(m, tasks, methods, levels, where) for m in data.get("models", []))
    _unique([m.label for m in models], where, "model")
    return Suite(
        name=data["name"],
        tasks=tasks,
        methods=methods,
        models=models,
        n=data.get("n", 100),
        complexity=levels,
        seed=data.get("seed", 0),
        exec_timeout=data.get("exec_timeout", 10),
        generate=dict(data.get("generate", {})),
        eval=dict(data.get("eval", {})),
        description=data.get("description", "").strip(),
        source=source,
    )


def method_label(name: str, options: dict[str, Any]) -> str:
    if not options:
        return name
    return name + "(" + ",".join(f"{k}={json.dumps(v) if not isinstance(v, str) else v}" for k, v in sorted(options.items())) + ")"


def _method(item: Any) -> MethodSpec:
    if isinstance(item, str):
        return MethodSpec(name=item, label=item)
    options = dict(item.get("options", {}))
    return MethodSpec(name=item["name"], options=options, label=item.get("label") or method_label(item["name"], options))


def _role(item: Any) -> RoleSpec:
    return RoleSpec(model=item) if isinstance(item, str) else RoleSpec(model=item["model"], args=dict(item.get("args", {})))


def _model(item: Any, tasks: tuple[str, ...], methods: tuple[MethodSpec, ...], levels: tuple[int, ...], where: str) -> ModelSpec:
    if isinstance(item, str):
        return ModelSpec(model=item, label=item)
    label = item.get("label") or item["model"]
    only = item.get("only", {})
    here = f"{where}: model {label}: only"
    only_tasks = only.get("tasks")
    _within(f"{here}.tasks", only_tasks, tasks, "", "the suite's tasks")
    only_methods = only.get("methods")
    _within(f"{here}.methods", only_methods, [m.label for m in methods], "", "the suite's method labels")
    only_levels = _parse_levels(only["complexity"], here) if "complexity" in only else None
    _within(f"{here}.complexity", only_levels, levels, "level ", "the suite's levels")
    return ModelSpec(
        model=item["model"],
        args=dict(item.get("args", {})),
        roles={k: _role(v) for k, v in item.get("roles", {}).items()},
        label=label,
        local=item.get("local"),
        deterministic=bool(item.get("deterministic", False)),
        tasks=tuple(only_tasks) if only_tasks is not None else None,
        n=only.get("n"),
        complexity=only_levels,
        methods=tuple(only_methods) if only_methods is not None else None,
        generate=dict(item.get("generate", {})),
    )


def _within(where: str, given: Any, allowed: Any, prefix: str, what: str) -> None:
    """``given`` (``None``: not given) must be a subset of ``allowed``; else a ValueError naming both."""
    if given is None or set(given) <= set(allowed):
        return
    extra = ", ".join(str(x) for x in given if x not in allowed)
    raise ValueError(f"{where}: {prefix}{extra} not among {what} ({', '.join(map(str, allowed))})")


def _unique(labels: list[str], where: str, kind: str) -> None:
    seen: set[str] = set()
    for label in labels:
        if label in seen:
            raise ValueError(f"{where}: two {kind}s share the label {label!r}; give one of them a distinct `label`")
        seen.add(label)


def _resolve_tasks(tasks: list[str] | None, split: str | None, where: str) -> tuple[str, ...]:
    from symbench.registry import all_tasks, task_names

    if tasks is None:
        return tuple(task_names(split or "all"))
    known = all_tasks()
    unknown = [t for t in tasks if t not in known]
    if unknown:
        raise ValueError(f"{where}: unknown task(s) {', '.join(unknown)}; known tasks: {', '.join(known)}")
    return tuple(tasks)


def _parse_levels(value: Any, where: str) -> tuple[int, ...]:
    allowed = "'all', a level 1-5, or a list of levels such as [1, 2]"
    if value == "all":
        return LEVELS
    items = value if isinstance(value, (list, tuple)) else str(value).split(",") if isinstance(value, str) else [value]
    levels: list[int] = []
    for item in items:
        if isinstance(item, str) and item.strip().isdigit():
            item = int(item.strip())
        if isinstance(item, bool) or item not in LEVELS:
            raise ValueError(f"{where}: complexity must be {allowed}; got {value!r}")
        if item not in levels:
            levels.append(item)
    if not levels:
        raise ValueError(f"{where}: complexity must be {allowed}; got {value!r}")
    return tuple(levels)
