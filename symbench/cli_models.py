"""``symbench models ...`` (local weights, serving) and ``symbench train ...`` (the guide).

Registered by :mod:`symbench.cli` (see ``EXTENSIONS``). Each subcommand lives beside its
code in :mod:`symbench.models` and adds itself through an ``add_cli(sub)`` function; the
modules keep torch, transformers and vLLM imports inside their functions, so ``symbench
--help`` stays fast and works without the train extras.
"""

from __future__ import annotations

import argparse
import importlib

#: (group, module) pairs; a module's ``add_cli`` adds its subcommands to the group
COMMANDS = (
    ("models", "symbench.models.local"),
    ("models", "symbench.models.serve"),
    ("train", "symbench.models.cli_train"),
)
GROUPS = {
    "models": "embedded model weights and serving a checkpoint with vLLM",
    "train": "synthesise CodeSteer data and train the guide (SFT, then DPO)",
}


def register(sub: argparse._SubParsersAction) -> None:
    from symbench.cli import UsageError

    groups = {}
    for group, helptext in GROUPS.items():
        parser = sub.add_parser(group, help=helptext)
        groups[group] = parser.add_subparsers(dest=f"{group}_command", metavar="ACTION")

        def missing(args: argparse.Namespace, group: str = group) -> int:
            names = ", ".join(sorted(groups[group].choices))
            raise UsageError(f"{group} needs an action: {names}")

        parser.set_defaults(func=missing)
    for group, module in COMMANDS:
        try:
            importlib.import_module(module).add_cli(groups[group])
        except ModuleNotFoundError as exc:  # a module not written or not installed: skip only that one
            if exc.name != module:
                raise
