"""Regression check of a fresh suite run against a committed baseline.

A baseline (``leaderboards/baselines/ci.json``) holds, per (column, task) cell, the score,
the standard error, the verdict counts and the fingerprint of every instance behind it.
A check fails, with one readable line per problem, when

* the instances behind a cell changed (a fingerprint, a sample id or a task version):
  reported as "instances changed", never as a score change;
* a score moved beyond the tolerance: exact (and the same verdict counts) for columns
  marked deterministic; otherwise more than twice the standard error of the difference,
  sqrt(se_baseline^2 + se_now^2);
* a cell is in one and not the other.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Mapping

from symbench.harness.leaderboard.logs import SampleRow

BASELINE_FORMAT = "symbench-baseline/1"
SHOWN_IDS = 3


@dataclass
class Problem:
    column: str
    task: str
    kind: str  # instances | score | missing | new
    detail: str


def baseline_from(board: Mapping[str, Any], rows: list[SampleRow], suite: Any) -> dict[str, Any]:
    """The baseline document for a leaderboard built from a suite's fresh run."""
    instances: dict[tuple[str, str], dict[str, str | None]] = {}
    for r in rows:
        instances.setdefault((r.column, r.task), {})[r.sample_id] = r.fingerprint
    cells = []
    for column in board["columns"]:
        for task, cell in column["cells"].items():
            cells.append({
                "column": column["key"], "task": task, "deterministic": column["deterministic"],
                "accuracy": cell["accuracy"], "stderr": cell["stderr"], "n": cell["n"], "correct": cell["correct"],
                "verdicts": cell["verdicts"], "versions": cell["versions"], "fingerprints": cell["fingerprints"],
                "instances": dict(sorted(instances.get((column["key"], task), {}).items())),
            })
    return {
        "format": BASELINE_FORMAT,
        "suite": suite.name,
        "suite_digest": suite.digest(),
        "generator": board["generator"],
        "note": "Written by `symbench leaderboard check --update`; a change here is a deliberate re-baselining.",
        "cells": cells,
    }


def dumps_baseline(doc: Mapping[str, Any]) -> str:
    """The baseline as text: one line per cell, so a diff shows exactly the cells that moved."""
    head = {k: v for k, v in doc.items() if k != "cells"}
    lines = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    cells = ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in doc["cells"])
    return lines + ',\n "cells": [\n' + cells + "\n ]\n}\n"


def load_baseline(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise ValueError(f"baseline {path} does not exist (write one with --update)") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read baseline {path}: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != BASELINE_FORMAT or not isinstance(doc.get("cells"), list):
        raise ValueError(f"{path} is not a SymBench baseline (format {BASELINE_FORMAT})")
    return doc


def _instances_problem(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    a, b = old["instances"], new["instances"]
    if old["fingerprints"] == new["fingerprints"] and a == b and old["versions"] == new["versions"]:
        return None
    changed = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
    parts = []
    if changed:
        parts.append(f"{len(changed)} of {len(a)} fingerprints differ (e.g. {', '.join(changed[:SHOWN_IDS])})")
    removed, added = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    if removed:
        parts.append(f"{len(removed)} sample(s) gone (e.g. {', '.join(removed[:SHOWN_IDS])})")
    if added:
        parts.append(f"{len(added)} new sample(s) (e.g. {', '.join(added[:SHOWN_IDS])})")
    if old["versions"] != new["versions"]:
        parts.append(f"task version {old['versions']} -> {new['versions']}")
    return "instances changed: " + ("; ".join(parts) or "fingerprint digest differs")


def _score_problem(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    before, now = old["accuracy"], new["accuracy"]
    if before is None or now is None:
        return None if before == now else f"score {before} -> {now}"
    delta = now - before
    if old["deterministic"]:
        if old["correct"] == new["correct"] and old["n"] == new["n"] and old["verdicts"] == new["verdicts"]:
            return None
        moved = {k: (old["verdicts"][k], new["verdicts"].get(k)) for k in old["verdicts"] if old["verdicts"][k] != new["verdicts"].get(k)}
        detail = ", ".join(f"{k} {a}->{b}" for k, a, b in ((k, *v) for k, v in moved.items()))
        return f"score {100 * before:.1f} -> {100 * now:.1f} ({100 * delta:+.1f}; exact match required; verdicts: {detail or 'same'})"
    tolerance = 2 * math.sqrt(old["stderr"] ** 2 + new["stderr"] ** 2)
    if abs(delta) <= tolerance + 1e-12:
        return None
    return f"score {100 * before:.1f} -> {100 * now:.1f} ({100 * delta:+.1f}; tolerance ±{100 * tolerance:.1f} = 2 standard errors)"


def compare(baseline: Mapping[str, Any], fresh: Mapping[str, Any]) -> list[Problem]:
    """Problems of a fresh baseline document against the committed one (empty: the check passes)."""
    old = {(c["column"], c["task"]): c for c in baseline["cells"]}
    new = {(c["column"], c["task"]): c for c in fresh["cells"]}
    problems = []
    for key in sorted(old.keys() | new.keys()):
        column, task = key
        if key not in new:
            problems.append(Problem(column, task, "missing", "in the baseline, not in this run"))
            continue
        if key not in old:
            problems.append(Problem(column, task, "new", "in this run, not in the baseline (rebaseline with --update)"))
            continue
        detail = _instances_problem(old[key], new[key])
        if detail:
            problems.append(Problem(column, task, "instances", detail))
            continue  # a score change on other instances says nothing about the model
        detail = _score_problem(old[key], new[key])
        if detail:
            problems.append(Problem(column, task, "score", detail))
    return problems


def report(problems: list[Problem], baseline_path: str, cells: int) -> str:
    if not problems:
        return f"leaderboard check passed: {cells} cells match {baseline_path}\n"
    lines = [f"leaderboard check FAILED: {len(problems)} of {cells} cells differ from {baseline_path}"]
    width_c = max(len(p.column) for p in problems)
    width_t = max(len(p.task) for p in problems)
    for p in problems:
        lines.append(f"  {p.column:<{width_c}}  {p.task:<{width_t}}  {p.kind:<9}  {p.detail}")
    lines.append("If the change is deliberate, rewrite the baseline with --update and commit it.")
    return "\n".join(lines) + "\n"
