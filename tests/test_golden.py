"""Instances may change only on purpose: with a version bump and a rewritten golden file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from symbench.registry import all_tasks

_spec = importlib.util.spec_from_file_location("golden_fingerprints", Path(__file__).parent / "golden" / "fingerprints.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)  # type: ignore[union-attr]

GOLDEN = golden.load()
BUILTIN = sorted(n for n, t in all_tasks().items() if type(t).__module__.startswith("symbench.tasks."))


@pytest.mark.parametrize("name", BUILTIN)
def test_instances_match_the_golden_fingerprints(name):
    assert name in GOLDEN, f"{name} has no golden entry: run scripts/update_fingerprints.py {name}"
    expected = GOLDEN[name]
    now = golden.compute(name)
    changed = [lvl for lvl in expected["levels"] if expected["levels"][lvl] != now["levels"].get(lvl)]
    if now["version"] == expected["version"]:
        assert not changed, (
            f"{name}: instances changed at level(s) {', '.join(changed)} but version is still {now['version']}; "
            f"bump {name}'s version, then run scripts/update_fingerprints.py {name}"
        )
    else:
        pytest.fail(
            f"{name}: version is {now['version']} but the golden file records {expected['version']}; "
            f"run scripts/update_fingerprints.py {name} to record the new instances on purpose"
        )
