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
