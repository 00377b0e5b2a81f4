"""Reference columns: the CodeSteer paper's published per-task scores, shown as such.

The numbers are the paper's (``leaderboards/reference/codesteer_paper.json``), not runs of
ours. A reference cell is shown only for a task whose SymBench generator follows the
paper's (``origin == "paper"``); for the seven re-created tasks (and any custom task) the
paper's items are not ours, so the cell is blank and says why.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

from symbench.harness.leaderboard.table import GROUPS, normalised_averages

HIDDEN_REASON = "the paper scored different items (SymBench re-creates this task), so its number is not shown beside ours"


def load_reference(path: str | None = None) -> dict[str, Any]:
    """The reference document: the shipped paper table, or a file of the same shape."""
    if path is None:
        from symbench.suites import data_file

        return json.loads(data_file("reference", "codesteer_paper.json").read_text("utf-8"))
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read reference file {path}: {exc}") from None
    for key in ("columns", "rows"):
        if key not in doc:
            raise ValueError(f"reference file {path} has no {key!r} (see leaderboards/reference/codesteer_paper.json)")
    return doc


def recompute_normalised(ref: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    """The paper's normalised averages recomputed from its own per-task rows (all its columns)."""
    keys = [c["key"] for c in ref["columns"]]
    scores = {k: {r["task"]: r["scores"].get(k) for r in ref["rows"]} for k in keys}
    groups = {"seen": [r["task"] for r in ref["rows"] if r["split"] == "seen"],
              "unseen": [r["task"] for r in ref["rows"] if r["split"] != "seen"],
              "all": [r["task"] for r in ref["rows"]]}
    return {g: normalised_averages(scores, groups[g])[0] for g in GROUPS}


def select_columns(ref: Mapping[str, Any], choice: str, methods_present: Iterable[str]) -> list[dict[str, Any]]:
    """``auto``: the paper's GPT-4o columns for the methods in our table; ``all``; or a comma list of keys."""
    columns = list(ref["columns"])
    if choice == "all":
        return columns
    if choice == "auto":
        present = set(methods_present)
        return [c for c in columns if c.get("model") == "gpt-4o" and c.get("method") in present]
    wanted = [k.strip() for k in choice.split(",") if k.strip()]
    known = {c["key"]: c for c in columns}
    unknown = [k for k in wanted if k not in known]
    if unknown:
        raise ValueError(f"unknown reference column(s) {', '.join(unknown)}; known: auto, all, {', '.join(known)}")
    return [known[k] for k in wanted]


def reference_columns(ref: Mapping[str, Any], tasks: list[Mapping[str, Any]], choice: str = "auto",
                      methods_present: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Reference columns for the leaderboard's task rows, with the re-created tasks hidden."""
    rows = {r["task"]: r for r in ref["rows"]}
    published = ref.get("published_averages", {})
    out = []
    for col in select_columns(ref, choice, methods_present):
        scores: dict[str, float | None] = {}
        hidden: dict[str, str] = {}
        for info in tasks:
            name = info["name"]
            row = rows.get(name)
            if row is None:
                scores[name] = None
                continue
            if info.get("origin") != "paper" or row.get("symbench_origin", "paper") != "paper":
                scores[name] = None
                hidden[name] = HIDDEN_REASON
                continue
            scores[name] = row["scores"].get(col["key"])
        out.append({
            "key": col["key"],
            "label": f"{col['label']} (published)",
            "source": ref.get("source", ""),
            "note": ref.get("note", ""),
            "scores_pct": scores,
            "hidden": hidden,
            "published_normalised_pct": {g: published.get("normalised_pct", {}).get(g, {}).get(col["key"]) for g in GROUPS},
            "published_raw_pct": {"all": published.get("raw_pct", {}).get("all", {}).get(col["key"])},
        })
    return out
