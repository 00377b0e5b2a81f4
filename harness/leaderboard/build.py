"""``symbench leaderboard build``: logs -> leaderboard.md, leaderboard.json, index.html, PNG plots."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from symbench.harness.leaderboard.compare import DEFAULT_RESAMPLES, paired_bootstrap
from symbench.harness.leaderboard.logs import SampleRow, read_rows, rows_to_jsonl
from symbench.harness.leaderboard.table import build_leaderboard, find_column


@dataclass
class BuildResult:
    board: dict[str, Any]
    rows: list[SampleRow]
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    markdown: str = ""


def make_board(log_dirs: list[str], *, reference: str | None = None, reference_columns: str = "auto",
               compare: list[tuple[str, str]] = (), resamples: int = DEFAULT_RESAMPLES) -> tuple[dict[str, Any], list[SampleRow]]:
    """Read the logs and build the leaderboard document (references and comparisons included).

    ``reference``: ``None`` for no reference columns, ``"paper"`` for the shipped paper
    table, or a path to a file of the same shape."""
    read = read_rows(log_dirs)
    if not read.rows:
        where = ", ".join(log_dirs)
        raise ValueError(f"no SymBench samples in the logs under {where} ({read.logs} logs read)")
    board = build_leaderboard(read.rows, notes=read.notes)
    if reference is not None:
        from symbench.harness.leaderboard.reference import load_reference, reference_columns as ref_columns

        doc = load_reference(None if reference == "paper" else reference)
        board["references"] = ref_columns(doc, board["tasks"], reference_columns, {c["method"] for c in board["columns"]})
    by_column: dict[str, list[SampleRow]] = {}
    for r in read.rows:
        by_column.setdefault(r.column, []).append(r)
    for a, b in compare:
        ca, cb = find_column(board, a), find_column(board, b)
        result = paired_bootstrap(by_column[ca["key"]], by_column[cb["key"]], resamples=resamples)
        board["comparisons"].append({"a": ca["key"], "b": cb["key"], **result})
    return board, read.rows


def write_outputs(board: dict[str, Any], rows: list[SampleRow], out_dir: str, *, plots: bool = True) -> BuildResult:
    """Write every output into ``out_dir``; plots are skipped (with a note) without matplotlib."""
    from symbench.harness.leaderboard.html import to_html
    from symbench.harness.leaderboard.render import to_json, to_markdown

    os.makedirs(out_dir, exist_ok=True)
    result = BuildResult(board=board, rows=rows)
    pngs: list[str] = []
    if plots:
        try:
            from symbench.harness.leaderboard.plots import write_plots

            pngs = write_plots(board, out_dir)
        except ImportError:
            result.notes.append("plots skipped: matplotlib is not installed (pip install 'symbench[leaderboard]')")
    result.markdown = to_markdown(board)
    outputs = {
        "leaderboard.md": result.markdown,
        "leaderboard.json": to_json(board),
        "samples.jsonl": rows_to_jsonl(rows),
        "index.html": to_html(board, pngs),
    }
    for name, text in outputs.items():
        path = os.path.join(out_dir, name)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
        result.files.append(path)
    result.files += pngs
    return result


def build(log_dirs: list[str], out_dir: str, **options: Any) -> BuildResult:
    plots = options.pop("plots", True)
    board, rows = make_board(log_dirs, **options)
    return write_outputs(board, rows, out_dir, plots=plots)
