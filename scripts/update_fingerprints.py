#!/usr/bin/env python3
"""Rewrite tests/golden/fingerprints.json on purpose, after a deliberate change of instances.

Usage: .venv/bin/python scripts/update_fingerprints.py [TASK ...]   (default: every task)

Bump the changed task's ``version`` first: the golden test fails when instances change
while the version stays the same.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "golden"))

from fingerprints import GOLDEN_FILE, write  # noqa: E402

if __name__ == "__main__":
    written = write(sys.argv[1:] or None)
    print(f"wrote {GOLDEN_FILE} ({len(written)} tasks)")
