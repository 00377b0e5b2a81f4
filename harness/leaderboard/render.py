"""Renderers of a leaderboard document: Markdown (paper-style table) and JSON (schema-checked)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

GROUP_ROWS = (("seen", "Ave. Norm., Seen"), ("unseen", "Ave. Norm., Unseen"), ("all", "Ave. Norm., Total"))
BATCH_SOURCES = {"batch_padded", "batch_average", "recounted_task_guide_padded"}


def pct(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def fraction_pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:,.{digits}f}"


def column_title(board: Mapping[str, Any], column: Mapping[str, Any]) -> str:
    """The method label when every column has the same model, else model and method."""
    models = {c["model_label"] for c in board["columns"]}
    return column["method_label"] if len(models) == 1 else column["key"]


def task_title(info: Mapping[str, Any]) -> str:
    title = info["display_name"]
    if info.get("origin") == "recreated":
        title += " (re-created)"
    elif info.get("origin") == "custom":
        title += " (custom)"
    return title


def cost_mark(column: Mapping[str, Any], key: str) -> str:
    return " *" if set(column["summary"][key]) & BATCH_SOURCES else ""


def to_markdown(board: Mapping[str, Any]) -> str:
    cols = board["columns"]
    refs = board.get("references", [])
    models = sorted({c["model_label"] for c in cols})
    header = ["Task"] + [column_title(board, c) for c in cols] + [f"{r['label']} †" for r in refs]
    lines = ["# SymBench leaderboard", ""]
    if len(models) == 1:
        lines += [f"Model: `{models[0]}`", ""]
    lines += ["Cells: accuracy in percent (distinct instances behind the cell).", ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    width = len(header)
    current_split = None
    for info in board["tasks"]:
        split = "Seen" if info["split"] == "seen" else "Unseen"
        if split != current_split:
            lines.append(f"| **{split}** |" + " |" * (width - 1))
            current_split = split
        row = [task_title(info)]
        for c in cols:
            cell = c["cells"].get(info["name"])
            row.append("" if cell is None or cell["accuracy"] is None else f"{fraction_pct(cell['accuracy'])} ({cell['distinct_instances']})")
        for r in refs:
            if info["name"] in r["hidden"]:
                row.append("‡")
            else:
                value = r["scores_pct"].get(info["name"])
                row.append("" if value is None else f"{value:g}")
        lines.append("| " + " | ".join(row) + " |")
    for group, title in GROUP_ROWS:
        row = [f"**{title}**"] + [pct(c["summary"]["normalised_pct"][group]) for c in cols]
        row += [pct(r["published_normalised_pct"].get(group)) for r in refs]
        lines.append("| " + " | ".join(row) + " |")
    blank_refs = [""] * len(refs)
    summary_rows = [
        ("Raw average, Total", [pct(c["summary"]["raw_pct"]["all"]) for c in cols], [pct(r["published_raw_pct"].get("all")) for r in refs]),
        ("No answer / bad format (%)", [f"{fraction_pct(c['summary']['no_answer_share'])} / {fraction_pct(c['summary']['bad_format_share'])}" for c in cols], blank_refs),
        ("Tokens per sample", [number(c["summary"]["tokens_per_sample"]) + cost_mark(c, "tokens_source") for c in cols], blank_refs),
        ("Seconds per sample", [number(c["summary"]["seconds_per_sample"], 2) + cost_mark(c, "seconds_source") for c in cols], blank_refs),
        ("Distinct instances (samples)", [f"{c['summary']['distinct_instances']} ({c['summary']['samples']})" for c in cols], blank_refs),
    ]
    for title, ours, theirs in summary_rows:
        lines.append("| " + " | ".join([title, *ours, *theirs]) + " |")
    lines.append("")
    lines += notes_markdown(board)
    return "\n".join(lines) + "\n"


def notes_markdown(board: Mapping[str, Any]) -> list[str]:
    cols = board["columns"]
    out = [
        "Ave. Norm.: each task's score divided by the best score on that task among the columns above "
        "(ours only, never the published ones), times 100, averaged over the group's tasks, as in the paper. "
        "Raw average: the plain mean over tasks. No answer: no `<<<...>>>` final answer at all; bad format: "
        "an answer that does not parse.",
    ]
    left = board["normalisation"]["left_out"]["all"]
    if left:
        out.append(f"Left out of Ave. Norm. because no column scored above 0: {', '.join(left)}.")
    if any(cost_mark(c, "tokens_source") or cost_mark(c, "seconds_source") for c in cols):
        out.append("\\* Batch figure: under a batching provider (Inspect's `hf`) seconds are the eval's wall time divided by "
                   "its samples, and tokens are recounted from the transcript with the model's own tokenizer where it is "
                   "on disk, otherwise the batch's padded counts.")
    refs = board.get("references", [])
    if refs:
        out.append(f"† Published numbers: {refs[0]['source']}. Not runs of SymBench; their averages are the paper's, over its "
                   "37 tasks and 13 columns.")
        from symbench.harness.leaderboard.reference import HIDDEN_REASON

        out.append(f"‡ Re-created task: {HIDDEN_REASON}.")
    for cmp in board.get("comparisons", []):
        out.append(comparison_text(cmp))
    for note in board.get("notes", []):
        out.append(f"Note: {note}")
    return [f"{line}\n" for line in out]


def comparison_text(cmp: Mapping[str, Any]) -> str:
    pcent = round(100 * cmp["confidence"])
    return (f"**{cmp['a']}** minus **{cmp['b']}**: {cmp['difference_pct']:+.1f} points (raw average), "
            f"{pcent}% CI {cmp['low_pct']:+.1f} to {cmp['high_pct']:+.1f}; paired bootstrap over {cmp['pairs']} samples "
            f"in {cmp['tasks']} tasks, {cmp['resamples']:,} resamples stratified by task"
            + (f", {cmp['unpaired']} unpaired samples left out" if cmp["unpaired"] else "") + ".")


# --------------------------------------------------------------------------- JSON


@lru_cache(maxsize=1)
def leaderboard_schema() -> dict[str, Any]:
    return json.loads(resources.files("symbench").joinpath("schemas/leaderboard.schema.json").read_text("utf-8"))


def validate_leaderboard(doc: Any) -> None:
    """Raise ``ValueError`` naming the first problem if ``doc`` breaks the leaderboard schema."""
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(leaderboard_schema()).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    if errors:
        first = errors[0]
        raise ValueError(f"invalid leaderboard at {'/'.join(map(str, first.path)) or '(top)'}: {first.message}")


def to_json(board: Mapping[str, Any]) -> str:
    validate_leaderboard(board)
    return json.dumps(board, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
