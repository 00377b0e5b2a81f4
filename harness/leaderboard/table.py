"""Aggregation: sample rows -> a leaderboard (cells per column and task, the paper's averages).

A *column* is one (model, method, model roles); a *cell* is one column on one task. The
paper's normalised average divides each task's score by the best score on that task among
the compared columns, times 100, and averages over the tasks of a group (seen, unseen,
all). A task on which every column scores 0 has no best score; it is left out of the
normalised average (and listed), never counted as 100 or 0.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from typing import Any, Iterable, Mapping

from symbench.harness.leaderboard.logs import VERDICTS, SampleRow

GROUPS = ("seen", "unseen", "all")
#: column order within a model: the paper's Table 1 order (self_estimate, not in the table,
#: before CodeSteer); other methods follow by name
METHOD_ORDER = ("only_question", "symbolic_agent", "text_cot", "code_cot", "assistant_prompt", "code_text_sum1",
                "code_text_sum2", "code_text_choice", "code_interpreter", "self_estimate", "codesteer")
SCHEMA_VERSION = 1


def task_info(name: str) -> dict[str, Any]:
    """Leaderboard metadata of a task (display name, paper order, split, origin...)."""
    from symbench.registry import UnknownTaskError, get_task

    try:
        s = get_task(name).summary()
    except UnknownTaskError:
        return {"name": name, "display_name": name, "paper_order": None, "split": "unseen", "origin": "custom", "family": None, "version": None}
    return {k: s[k] for k in ("name", "display_name", "paper_order", "split", "origin", "family", "version")}


def task_sort_key(info: Mapping[str, Any]) -> tuple:
    """The paper's row order: seen tasks, then unseen, each by paper order; others after, by name."""
    order = info.get("paper_order")
    return (0 if info.get("split") == "seen" else 1, order is None, order or 0, info["name"])


def normalised_averages(scores: Mapping[str, Mapping[str, float | None]], tasks: Iterable[str]) -> tuple[dict[str, float | None], list[str]]:
    """The paper's normalised average of each column over ``tasks``.

    ``scores[column][task]`` is a score on any fixed scale (percent or fraction), ``None`` or
    absent where the column has no score. Returns (average per column, the tasks left out
    because no column scored above 0 on them)."""
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    left_out = []
    for task in tasks:
        present = {c: s[task] for c, s in scores.items() if s.get(task) is not None}
        best = max(present.values(), default=0)
        if best <= 0:
            left_out.append(task)
            continue
        for column, value in present.items():
            sums[column] += 100.0 * value / best
            counts[column] += 1
    return {c: (sums[c] / counts[c] if counts[c] else None) for c in scores}, left_out


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _stderr(values: list[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    mean = sum(values) / n
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1) / n)


def fingerprint_digest(pairs: Iterable[tuple[str, str | None]]) -> str:
    """One digest of the instances behind a cell (sample ids and their fingerprints)."""
    text = "\n".join(f"{sid}={fp}" for sid, fp in sorted(set(pairs)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def build_cell(rows: list[SampleRow]) -> dict[str, Any]:
    scored = [r for r in rows if r.score is not None]
    values = [r.score for r in scored]
    verdicts = {v: sum(1 for r in scored if r.verdict == v) for v in VERDICTS}
    levels: dict[int, list[float]] = defaultdict(list)
    for r in scored:
        levels[r.complexity].append(r.score)
    n = len(scored)
    return {
        "accuracy": _mean(values),
        "stderr": _stderr(values),
        "n": n,
        "correct": int(sum(values)),
        "errors": sum(1 for r in rows if r.score is None),
        "distinct_instances": len({r.fingerprint or r.sample_id for r in scored}),
        "epochs": len({r.epoch for r in rows}),
        "verdicts": verdicts,
        "no_answer_share": verdicts["no_answer"] / n if n else None,
        "bad_format_share": verdicts["bad_format"] / n if n else None,
        "by_level": {str(k): _mean(v) for k, v in sorted(levels.items())},
        "tokens_per_sample": _mean([r.cost["tokens"] for r in rows if r.cost.get("tokens") is not None]),
        "seconds_per_sample": _mean([r.cost["seconds"] for r in rows if r.cost.get("seconds") is not None]),
        "fingerprints": fingerprint_digest((r.sample_id, r.fingerprint) for r in rows),
        "versions": sorted({r.version for r in rows if r.version is not None}),
    }


def _sources(rows: list[SampleRow], key: str) -> list[str]:
    return sorted({r.cost.get(key) for r in rows if r.cost.get(key)})


def build_leaderboard(rows: list[SampleRow], notes: Iterable[str] = (), references: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The leaderboard document (valid against ``leaderboard.schema.json``)."""
    by_column: dict[str, list[SampleRow]] = defaultdict(list)
    for r in rows:
        by_column[r.column].append(r)
    infos = {name: task_info(name) for name in sorted({r.task for r in rows})}
    tasks = sorted(infos.values(), key=task_sort_key)
    names = [t["name"] for t in tasks]
    group_tasks = {"seen": [t["name"] for t in tasks if t["split"] == "seen"],
                   "unseen": [t["name"] for t in tasks if t["split"] != "seen"], "all": names}
    columns = []
    for key, col_rows in by_column.items():
        first = col_rows[0]
        per_task: dict[str, list[SampleRow]] = defaultdict(list)
        for r in col_rows:
            per_task[r.task].append(r)
        cells = {t: build_cell(per_task[t]) for t in names if t in per_task}
        columns.append({"key": key, "model": first.model, "model_label": first.model_label, "method": first.method,
                        "method_label": first.method_label, "roles": first.roles, "deterministic": first.deterministic,
                        "suites": sorted({r.suite for r in col_rows if r.suite}), "cells": cells, "rows": col_rows})
    rank = {m: i for i, m in enumerate(METHOD_ORDER)}
    columns.sort(key=lambda c: (c["model_label"], rank.get(c["method"], len(rank)), c["method_label"]))
    accuracy = {c["key"]: {t: cell["accuracy"] for t, cell in c["cells"].items()} for c in columns}
    normalised = {}
    left_out: dict[str, list[str]] = {}
    for group in GROUPS:
        normalised[group], left_out[group] = normalised_averages(accuracy, group_tasks[group])
    for c in columns:
        col_rows = c.pop("rows")
        scored = [r for r in col_rows if r.score is not None]
        levels: dict[int, list[float]] = defaultdict(list)
        for r in scored:
            levels[r.complexity].append(r.score)
        c["summary"] = {
            "normalised_pct": {g: normalised[g][c["key"]] for g in GROUPS},
            "raw_pct": {g: _pct(_mean([c["cells"][t]["accuracy"] for t in group_tasks[g] if t in c["cells"] and c["cells"][t]["accuracy"] is not None])) for g in GROUPS},
            "tasks": {g: sum(1 for t in group_tasks[g] if t in c["cells"]) for g in GROUPS},
            "samples": len(scored),
            "errors": len(col_rows) - len(scored),
            "distinct_instances": sum(cell["distinct_instances"] for cell in c["cells"].values()),
            "no_answer_share": _share(scored, "no_answer"),
            "bad_format_share": _share(scored, "bad_format"),
            "by_level": {str(k): _mean(v) for k, v in sorted(levels.items())},
            "tokens_per_sample": _mean([r.cost["tokens"] for r in col_rows if r.cost.get("tokens") is not None]),
            "seconds_per_sample": _mean([r.cost["seconds"] for r in col_rows if r.cost.get("seconds") is not None]),
            "tokens_source": _sources(col_rows, "tokens_source"),
            "seconds_source": _sources(col_rows, "seconds_source"),
        }
    from symbench import __version__

    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"symbench {__version__}",
        "tasks": tasks,
        "columns": columns,
        "normalisation": {
            "rule": "each task's score divided by the best score on that task among the compared columns, times 100, averaged over the group's tasks",
            "left_out": left_out,
        },
        "references": references or [],
        "comparisons": [],
        "notes": list(notes),
    }


def _pct(value: float | None) -> float | None:
    return None if value is None else 100.0 * value


def _share(rows: list[SampleRow], verdict: str) -> float | None:
    return sum(1 for r in rows if r.verdict == verdict) / len(rows) if rows else None


def find_column(board: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A column by key, by label or by a unique substring; ``ValueError`` listing the keys."""
    columns = board["columns"]
    for c in columns:
        if name in (c["key"], c["method_label"]):
            matches = [d for d in columns if name in (d["key"], d["method_label"])]
            if len(matches) == 1:
                return c
    matches = [c for c in columns if name in c["key"]]
    if len(matches) == 1:
        return matches[0]
    keys = "; ".join(c["key"] for c in columns)
    kind = "matches several columns" if matches else "matches no column"
    raise ValueError(f"{name!r} {kind}; columns: {keys}")
