"""Run a suite through Inspect's ``eval_set``: one eval set per (model, method).

Each (model, method) gets its own log folder, ``LOGDIR/<model>/<method>``, because an
Inspect eval set owns its folder: rerunning the same command resumes every one of them,
reusing finished samples and running only what is missing. The suite's tasks run as the
registered Inspect tasks (``symbench/<task>``) with the suite's ``-T`` arguments, so each
log can be reproduced with a plain ``inspect eval``. Method, model label and suite are
recorded in the log's eval metadata (key ``symbench``) for the leaderboards.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass, field, replace
from typing import Any

from symbench.suites import MethodSpec, ModelSpec, Suite

#: the hook the embedded-model helper provides: ``model_path(name) -> str`` (a converted
#: Hugging Face folder); a suite model entry ``local: NAME`` uses it for ``model_path``
LOCAL_MODELS_MODULE = "symbench.models.local"


class RunError(ValueError):
    """A problem that stops a suite before or between runs; printed as one line."""


@dataclass
class RunOutcome:
    model_label: str
    method_label: str
    log_dir: str
    ok: bool
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)


def one_line(exc: BaseException) -> str:
    """An exception as one readable line (rich markup and blank lines dropped)."""
    text = re.sub(r"\[/?[a-z ]+\]", "", str(exc))
    text = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return text or type(exc).__name__


def slug(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", label).strip("_")[:80] or "x"


def resolve_method(method: MethodSpec) -> Any:
    """The Inspect ``SolverSpec`` for a method, or ``None`` for the task's default solver.

    The solver must be registered (``symbench/<name>``, or the full name given); its options
    are checked by creating it once, so a typo fails before any model call."""
    from inspect_ai.solver import SolverSpec
    from inspect_ai.util import registry_create

    import symbench._registry  # noqa: F401  (registers the symbench/* solvers)

    name = method.solver
    if name is None:
        return None
    try:
        registry_create("solver", name, **method.options)
    except LookupError:
        raise RunError(f"method {method.name!r}: no Inspect solver named {name} is registered") from None
    except TypeError as exc:
        raise RunError(f"method {method.name!r}: bad options {method.options}: {one_line(exc)}") from None
    return SolverSpec(solver=name, args=dict(method.options), args_passed=dict(method.options))


def resolve_args(args: dict[str, Any], where: str) -> dict[str, Any]:
    """Model arguments with ``{callable: 'module:function'}`` values replaced by the object."""
    out = {}
    for key, value in args.items():
        if isinstance(value, dict) and set(value) == {"callable"}:
            ref = str(value["callable"])
            module, _, attr = ref.partition(":")
            try:
                out[key] = getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError, ValueError) as exc:
                raise RunError(f"{where}: cannot load {key}={ref} ({one_line(exc)})") from None
        else:
            out[key] = value
    return out


def make_task(name: str, task_args: dict[str, Any]) -> Any:
    """The registered Inspect task ``symbench/<name>`` called with the suite's ``-T`` args.

    The ``@task`` function is called directly rather than resolved by name: a name such as
    ``symbench/game24`` would be read as a path inside a checkout (it has a ``symbench/``
    folder). The log records the task's name and arguments either way."""
    import symbench._registry as entry

    factory = getattr(entry, name, None)
    if factory is None or not callable(factory):
        raise RunError(f"task {name} is not registered with Inspect (see `symbench list`)")
    try:
        return factory(**task_args)
    except ValueError as exc:
        raise RunError(f"task {name}: {one_line(exc)}") from None


def local_model_path(name: str) -> str:
    try:
        module = importlib.import_module(LOCAL_MODELS_MODULE)
        path = str(module.model_path(name))
        module.pin_threads()  # a fixed torch thread count (SYMBENCH_THREADS, default 1)
        return path
    except (ImportError, AttributeError):
        raise RunError(f"model 'local: {name}' needs `symbench models local`, which this installation does not have") from None
    except (OSError, ValueError) as exc:
        raise RunError(f"local model {name}: {one_line(exc)}") from None


def build_model(spec: ModelSpec, extra_args: dict[str, Any]) -> Any:
    from inspect_ai.model import get_model

    args = resolve_args(spec.args, f"model {spec.label}")
    if spec.local:
        args.setdefault("model_path", local_model_path(spec.local))
    args.update(extra_args)
    if spec.model.startswith("hf/") and args.get("model_path"):
        # a model on disk: Inspect's model-info lookup would instantiate `hf/local`
        # without its folder and ask the Hub (retrying for half a minute) for a repo "local"
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        # not memoized: Inspect's model cache ignores callable arguments (a scripted
        # model's outputs), so a cached model could answer with another's script
        return get_model(spec.model, memoize=False, **args)
    except Exception as exc:  # an unknown provider, a missing package or key: one line
        raise RunError(f"model {spec.model}: {one_line(exc)}") from None


def build_roles(spec: ModelSpec, overrides: dict[str, str]) -> dict[str, Any]:
    from inspect_ai.model import get_model

    roles = {}
    for role, rspec in spec.roles.items():
        if role in overrides:
            continue
        try:
            roles[role] = get_model(rspec.model, memoize=False, **resolve_args(rspec.args, f"role {role}"))
        except RunError:
            raise
        except Exception as exc:
            raise RunError(f"model role {role}={rspec.model}: {one_line(exc)}") from None
    for role, name in overrides.items():
        try:
            roles[role] = get_model(name, memoize=False)
        except Exception as exc:
            raise RunError(f"model role {role}={name}: {one_line(exc)}") from None
    return roles


def run_suite(suite: Suite, *, log_dir: str, eval_options: dict[str, Any] | None = None,
              generate_options: dict[str, Any] | None = None, model_args: dict[str, Any] | None = None,
              role_overrides: dict[str, str] | None = None) -> list[RunOutcome]:
    """Run every (model, method) of ``suite``; stops early only when interrupted."""
    from inspect_ai import eval_set

    import symbench._registry  # noqa: F401  (tasks, models and sandbox)

    if not suite.models:
        raise RunError(f"suite {suite.name} names no model; give one with --model (e.g. --model openai/gpt-4o)")
    options = {**suite.eval, **(eval_options or {})}
    solvers = {m.label: resolve_method(m) for m in suite.methods}  # every method checked before any run
    built: dict[tuple[str, str], Any] = {}
    grids = []
    for spec in suite.models:  # every task built, and every embedded model found, before any run
        names, methods, task_args = spec.grid(suite)
        if spec.local and names and methods and "model_path" not in spec.args:
            spec = replace(spec, args={**spec.args, "model_path": local_model_path(spec.local)})
        key = repr(sorted(task_args.items()))
        for t in names:
            if (t, key) not in built:
                built[(t, key)] = make_task(t, task_args)
        grids.append((spec, [built[(t, key)] for t in names], methods))
    outcomes: list[RunOutcome] = []
    roles_text = ",".join(f"{k}={v}" for k, v in sorted((role_overrides or {}).items()))
    for spec, tasks, methods in grids:
        if not tasks or not methods:  # narrowed away by the command line's --tasks/--complexity
            print(f"symbench: note: nothing left to run for {spec.label} (its `only:` and the command line's "
                  "--tasks/--complexity leave no task or level)", file=sys.stderr)
            continue
        if roles_text:  # a column per guide: the label (and log folder) says which
            spec = replace(spec, label=f"{spec.label} [{roles_text}]")
        model = build_model(spec, model_args or {})
        roles = build_roles(spec, role_overrides or {})
        generate = {**suite.generate, **spec.generate, **(generate_options or {})}
        for method in methods:
            solver = solvers[method.label]
            folder = os.path.join(log_dir, slug(spec.label), slug(method.label))
            metadata = {"symbench": {"suite": suite.name, "suite_digest": suite.digest(), "method": method.name,
                                     "method_label": method.label, "model_label": spec.label,
                                     "deterministic": spec.deterministic}}
            try:
                ok, logs = eval_set(tasks, log_dir=folder, model=model, model_roles=roles or None,
                                    solver=solver, metadata=metadata,
                                    tags=["symbench", f"suite:{suite.name}"], **options, **generate)
            except KeyboardInterrupt:
                outcomes.append(RunOutcome(spec.label, method.label, folder, ok=False, interrupted=True))
                return outcomes
            except Exception as exc:  # Inspect refusing the set (e.g. a folder of other logs)
                hint = ""
                if "not associated with a task" in str(exc):
                    hint = f" [{folder} holds logs of a different suite set-up (tasks, n, levels, options): use another --log-dir]"
                raise RunError(f"{spec.label} · {method.label}: {one_line(exc)}{hint}") from None
            failures = [(log.eval.task, one_line(Exception(log.error.message)) if log.error else log.status)
                        for log in logs if log.status != "success"]
            interrupted = len(logs) < len(tasks) or any(log.status == "cancelled" for log in logs)
            outcomes.append(RunOutcome(spec.label, method.label, folder, ok=ok and not failures and not interrupted,
                                       interrupted=interrupted, failures=failures))
            if interrupted:
                return outcomes
    return outcomes
