"""Training recipes: YAML files validated by ``symbench/schemas/recipe.schema.json``.

A recipe is named (a file in ``models/recipes/``, e.g. ``smollm2-135m-cpu``) or given as
a path. ``batch_size`` is the effective batch; the per-device batch and the device count
fix the gradient accumulation, which must come out whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from symbench.schema import validate_against


def recipe_names() -> list[str]:
    folder = resources.files("symbench.models").joinpath("recipes")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


@dataclass(frozen=True)
class Recipe:
    data: dict[str, Any]
    source: str  # where it was read from
    folder: Path  # for files it names (the DeepSpeed config)

    @property
    def name(self) -> str:
        return self.data["name"]

    def stage(self, stage: str) -> dict[str, Any]:
        if stage not in ("sft", "dpo"):
            raise ValueError(f"unknown training stage {stage!r}; allowed: sft, dpo")
        return self.data[stage]

    def base_model(self, override: str | None = None) -> str:
        base = override or self.data.get("base_model")
        if not base:
            raise ValueError(f"recipe {self.name} names no base model: give one with --base-model (a folder or a hub id)")
        return base

    def deepspeed_path(self) -> str | None:
        name = self.data.get("deepspeed")
        if not name:
            return None
        path = self.folder / name
        if not path.is_file():
            raise ValueError(f"recipe {self.name}: DeepSpeed config {path} not found")
        return str(path)

    def accumulation(self, stage: str, world_size: int = 1) -> tuple[int, int]:
        """(per-device batch, gradient accumulation steps) for the stage's effective batch."""
        params = self.stage(stage)
        per_device = params.get("per_device_batch_size", params["batch_size"])
        devices = per_device * max(world_size, 1)
        if params["batch_size"] % devices:
            raise ValueError(
                f"recipe {self.name}: {stage}.batch_size {params['batch_size']} is not a multiple of "
                f"per_device_batch_size {per_device} x {world_size} device(s)"
            )
        return per_device, params["batch_size"] // devices


def load_recipe(ref: str) -> Recipe:
    """A recipe by name or path; ``ValueError`` names the problem and the known recipes."""
    path = Path(ref)
    if ref.endswith((".yaml", ".yml")) or path.is_file():
        if not path.is_file():
            raise ValueError(f"recipe file {ref} not found")
        text, source, folder = path.read_text("utf-8"), str(path), path.parent
    else:
        if ref not in recipe_names():
            raise ValueError(f"unknown recipe {ref!r}; allowed: {', '.join(recipe_names())}, or a path to a YAML file")
        entry = resources.files("symbench.models").joinpath(f"recipes/{ref}.yaml")
        text, source = entry.read_text("utf-8"), f"recipes/{ref}.yaml"
        folder = Path(str(resources.files("symbench.models").joinpath("recipes")))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"recipe {source}: not valid YAML ({' '.join(str(exc).split())})") from None
    validate_against("recipe", data, f"recipe {source}")
    return Recipe(data, source, folder)
