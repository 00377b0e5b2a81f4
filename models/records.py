"""The guide's training records: SFT and DPO JSONL, validated by JSON Schemas.

``sft.jsonl`` (``symbench/schemas/sft_record.schema.json``): one successful CodeSteer
trajectory per line, as the guide's multi-turn chat. ``dpo.jsonl``
(``dpo_record.schema.json``): a shared history and two sibling guidances, the better one
chosen. Written by ``symbench train synth``, read by ``symbench train sft`` / ``dpo``.
Writing is atomic (a temp file renamed into place) and every record is checked first,
so a bad record never leaves a half-written file; reading names the file and line of
the first bad record.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable

from symbench.schema import validate_against

KINDS = {"sft": "sft_record", "dpo": "dpo_record"}


def _schema(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}; allowed: {', '.join(KINDS)}")
    return KINDS[kind]


def validate_records(records: Iterable[dict[str, Any]], kind: str, source: str = "records") -> list[dict[str, Any]]:
    schema, checked = _schema(kind), []
    for n, record in enumerate(records, 1):
        validate_against(schema, record, f"{kind} record {n} of {source}")
        checked.append(record)
    return checked


def write_records(path: str | Path, records: Iterable[dict[str, Any]], kind: str) -> int:
    """Validate then write ``records`` as JSONL at ``path`` (atomically); returns the count."""
    path = Path(path)
    checked = validate_records(records, kind, str(path))
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            for record in checked:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(checked)


def read_records(path: str | Path, kind: str) -> list[dict[str, Any]]:
    """The validated records of a JSONL file; ``ValueError`` names the first bad line."""
    path = Path(path)
    schema = _schema(kind)
    if not path.is_file():
        raise ValueError(f"{kind} data {path}: no such file (write it with `symbench train synth`)")
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            validate_against(schema, record, f"{kind} record at {path}:{n}")
            records.append(record)
    if not records:
        raise ValueError(f"{kind} data {path} has no records")
    return records
