"""``symbench train synth | sft | dpo`` (registered by :mod:`symbench.cli_models`).

Torch, TRL and Inspect are imported inside the commands, so ``symbench --help`` works
without the train extra; a missing package is one line naming the pip command.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

TRAIN_INSTALL = 'pip install "symbench[train]" torch==2.13.0   (torch pinned in the same command: the CPU build)'


def _usage(message: str):
    from symbench.cli import UsageError

    return UsageError(message)


def _model(name: str, pairs: list[str] | None, flag: str, local: str | None = None):
    from symbench.cli_run import _pairs
    from symbench.harness.leaderboard.runner import RunError, build_model
    from symbench.suites import ModelSpec

    try:
        return build_model(ModelSpec(model=name, label=name, local=local, args=_pairs(pairs, flag)), {})
    except RunError as exc:
        raise _usage(str(exc)) from None


def cmd_synth(args: argparse.Namespace) -> int:
    from symbench.params import ParameterError, parse_params
    from symbench.registry import task_names, get_task

    out = Path(args.out)
    if out.exists() and any(out.iterdir()) and not args.force:
        raise _usage(f"--out {out} is not empty; choose another folder or pass --force")
    try:
        given = {k: v for k, v in (("n", args.n), ("complexity", args.complexity)) if v is not None}
        params = parse_params(given, flag="--")
    except ParameterError as exc:
        raise _usage(str(exc)) from None
    seen = [t for t in task_names() if get_task(t).split == "seen"]
    tasks = seen if args.tasks in (None, "", "seen") else [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in task_names()]
    if unknown:
        raise _usage(f"--tasks: unknown task(s) {', '.join(unknown)}; see `symbench list`")

    from symbench.models import synthesis

    try:
        instances = synthesis.training_instances(tasks, params["n"], params["complexity"], seed=args.seed)
    except ValueError as exc:
        raise _usage(str(exc)) from None
    task_model = _model(args.model, args.model_arg, "-M")
    guide = _model(args.guide, args.guide_arg, "-G") if args.guide else None
    tree = {"branches": args.branches, "branch_turns": args.branch_turns, "temperature": args.temperature,
            "gamma": args.gamma, "max_turns": args.max_turns}
    if out.exists() and args.force:
        shutil.rmtree(out)
    log_dir = str(out / "logs")
    try:
        logs = synthesis.run_synthesis(instances, model=task_model, guide=guide, log_dir=log_dir, tree_options=tree,
                                       display=args.display, max_connections=args.max_connections)
    except ValueError as exc:  # a bad tree option (MethodOptionError) or model argument
        raise _usage(str(exc)) from None
    failed = [log for log in logs if log.status != "success"]
    if failed:
        error = failed[0].error.message if failed[0].error else failed[0].status
        raise _usage(f"synthesis run failed ({error}); its log is under {log_dir}")
    sft, dpo, summary = synthesis.records_from_logs(log_dir)
    summary["instances"] = len(instances)
    summary["seed"] = args.seed
    paths = synthesis.write_outputs(out, sft, dpo, summary)
    print(json.dumps({"sft": len(sft), "dpo": len(dpo), "files": {k: str(v) for k, v in paths.items()}}, indent=2))
    return 0


def _stage(stage: str):
    def run(args: argparse.Namespace) -> int:
        try:
            from symbench.models.recipes import load_recipe
            from symbench.models.train import train

            import trl  # noqa: F401 - fail early with the install line
        except ImportError as exc:
            raise _usage(f"training needs the train extra ({exc.name} is missing): {TRAIN_INSTALL}") from None
        try:
            recipe = load_recipe(args.recipe)
            base = args.model if stage == "dpo" else args.base_model
            record = train(stage, recipe, args.data, args.out, base=base, force=args.force)
        except ValueError as exc:
            raise _usage(str(exc)) from None
        print(json.dumps({"out": args.out, **record["metrics"]}, indent=2))
        return 0

    return run


def add_cli(sub: argparse._SubParsersAction) -> None:
    from symbench.seeds import DEFAULT_TRAIN_SEED

    p = sub.add_parser("synth", help="tree-sampled CodeSteer runs on seen tasks -> sft.jsonl, dpo.jsonl, summary.json")
    p.add_argument("--out", required=True, help="output folder (records, summary and the Inspect logs)")
    p.add_argument("--model", required=True, help="the task model (an Inspect model name)")
    p.add_argument("-M", "--model-arg", action="append", metavar="KEY=VALUE", help="task model argument (repeatable)")
    p.add_argument("--guide", help="the teacher guide (an Inspect model name; default: the task model)")
    p.add_argument("-G", "--guide-arg", action="append", metavar="KEY=VALUE", help="guide model argument (repeatable)")
    p.add_argument("--tasks", help="comma list of seen tasks (default: all seen tasks)")
    p.add_argument("--n", help="instances per task (default 100)")
    p.add_argument("--complexity", help="'all', a level 1-5 or a comma list (default all)")
    p.add_argument("--seed", type=int, default=DEFAULT_TRAIN_SEED, help=f"a training seed, >= {DEFAULT_TRAIN_SEED} (default)")
    p.add_argument("--branches", type=int, default=3, help="guidance candidates per branching turn (default 3)")
    p.add_argument("--branch-turns", type=int, default=2, help="turns at which the tree branches (default 2)")
    p.add_argument("--temperature", type=float, default=0.8, help="sampling temperature of the candidates (default 0.8)")
    p.add_argument("--gamma", type=float, default=0.9, help="return discount per extra answer (default 0.9)")
    p.add_argument("--max-turns", type=int, default=4, help="CodeSteer rounds per leaf (default 4)")
    p.add_argument("--max-connections", type=int, default=None, help="concurrent model connections")
    p.add_argument("--display", default="none", help="Inspect display (default none)")
    p.add_argument("--force", action="store_true", help="replace what --out holds")
    p.set_defaults(func=cmd_synth)

    for stage, text in (("sft", "multi-turn SFT of the guide (loss on its turns only)"), ("dpo", "DPO of the SFT guide on sibling pairs")):
        p = sub.add_parser(stage, help=text)
        p.add_argument("--recipe", required=True, help="a recipe name (models/recipes/) or a YAML file")
        p.add_argument("--data", required=True, help=f"{stage}.jsonl written by `symbench train synth`")
        p.add_argument("--out", required=True, help="the model folder to write (must not exist, unless --force)")
        if stage == "sft":
            p.add_argument("--base-model", help="override the recipe's base model (a folder, hub id or local:NAME)")
        else:
            p.add_argument("--model", required=True, help="the SFT checkpoint to start from")
        p.add_argument("--force", action="store_true", help="replace --out")
        p.set_defaults(func=_stage(stage))
