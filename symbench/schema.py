"""The JSON Schema of instance records (shipped as package data)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def instance_schema() -> dict[str, Any]:
    return json.loads(resources.files("symbench").joinpath("schemas/instance.schema.json").read_text("utf-8"))


def validate_record(record: Any) -> None:
    """Raise ``ValueError`` naming the first problem if ``record`` is not a valid instance."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(instance_schema())
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(map(str, first.path)) or "(record)"
        raise ValueError(f"invalid instance record at {where}: {first.message}")


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """A shipped schema by file stem, e.g. ``sft_record``."""
    return json.loads(resources.files("symbench").joinpath(f"schemas/{name}.schema.json").read_text("utf-8"))


def validate_against(name: str, record: Any, what: str) -> None:
    """Raise ``ValueError`` naming ``what`` and the first problem if ``record`` breaks schema ``name``."""
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(load_schema(name)).iter_errors(record), key=lambda e: list(e.path))
    if errors:
        where = "/".join(map(str, errors[0].path)) or "(record)"
        raise ValueError(f"invalid {what} at {where}: {errors[0].message}")
