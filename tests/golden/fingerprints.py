"""The fixed set behind the golden fingerprint file, and how to recompute it.

For every task and level: instances 0..9 at seed 0. Each level is summarised by one
digest over the question fingerprints and the reference answers of those instances, so
the file changes only when instances change. ``python scripts/update_fingerprints.py``
rewrites ``fingerprints.json`` on purpose (after bumping the task's ``version``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from symbench.contract import LEVELS
from symbench.registry import all_tasks

GOLDEN_FILE = Path(__file__).with_name("fingerprints.json")
INDICES = range(10)
SEED = 0


def level_digest(task_name: str, level: int) -> str:
    task = all_tasks()[task_name]
    parts = []
    for index in INDICES:
        inst = task.instance(level, SEED, index)
        parts.append(f"{inst.fingerprint}:{hashlib.sha256(inst.answer.encode()).hexdigest()[:16]}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def compute(task_name: str) -> dict:
    task = all_tasks()[task_name]
    return {"version": task.version, "levels": {str(level): level_digest(task_name, level) for level in LEVELS}}


def load() -> dict:
    return json.loads(GOLDEN_FILE.read_text()) if GOLDEN_FILE.exists() else {}


def write(names: list[str] | None = None) -> dict:
    data = load()
    for name in names or sorted(all_tasks()):
        data[name] = compute(name)
    data = {k: data[k] for k in sorted(data) if k in all_tasks()}
    GOLDEN_FILE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return data
