"""A static HTML leaderboard: one self-contained file (inline CSS and script, plots embedded
as data URIs) that opens from the file system, with no server and nothing fetched.

Two sortable tables: the columns (methods and models, first sorted by the normalised
total, best first) and the tasks (first in the paper's order). A click on a header sorts
by it; ``page.html#sort=TABLE:COLUMN:asc|desc`` chooses the first sort.
"""

from __future__ import annotations

import base64
import os
from html import escape
from typing import Any, Mapping

from symbench.harness.leaderboard.render import BATCH_SOURCES, column_title, comparison_text, task_title

SCRIPT = r"""
(function () {
  function key(cell, type) {
    var v = cell.getAttribute('data-value');
    if (v === null) v = cell.textContent.trim();
    if (type === 'num') { var x = parseFloat(v); return isNaN(x) ? null : x; }
    return v.toLowerCase();
  }
  function sortTable(table, col, dir) {
    var head = table.tHead.rows[0].cells;
    var type = head[col].getAttribute('data-type') || 'text';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r._i = i; });
    rows.sort(function (a, b) {
      var x = key(a.cells[col], type), y = key(b.cells[col], type);
      if (x === null && y === null) return a._i - b._i;
      if (x === null) return 1;
      if (y === null) return -1;
      var c = x < y ? -1 : x > y ? 1 : 0;
      return (dir === 'desc' ? -c : c) || a._i - b._i;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var i = 0; i < head.length; i++) head[i].removeAttribute('aria-sort');
    head[col].setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');
    table.setAttribute('data-sorted', head[col].getAttribute('data-key') + ':' + dir);
  }
  function column(table, name) {
    var head = table.tHead.rows[0].cells;
    for (var i = 0; i < head.length; i++) if (head[i].getAttribute('data-key') === name) return i;
    return -1;
  }
  var wanted = {};
  var m = /sort=([^:&]+):([^:&]+):(asc|desc)/.exec(decodeURIComponent(location.hash || ''));
  if (m) wanted[m[1]] = [m[2], m[3]];
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var first = wanted[table.id] || (table.getAttribute('data-sort') || '').split(':');
    var col = column(table, first[0]);
    if (col >= 0) sortTable(table, col, first[1] === 'desc' ? 'desc' : 'asc');
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.addEventListener('click', function () {
        var now = th.getAttribute('aria-sort');
        sortTable(table, i, now === 'ascending' ? 'desc' : now === 'descending' ? 'asc'
                  : (th.getAttribute('data-type') === 'num' ? 'desc' : 'asc'));
      });
    });
  });
})();
"""

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0 2em; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
th { background: #f2f2f2; cursor: pointer; user-select: none; }
td.text, th.text { text-align: left; }
th[aria-sort=ascending]::after { content: " \\25B2"; }
th[aria-sort=descending]::after { content: " \\25BC"; }
td.hidden { color: #999; }
.note { color: #555; font-size: 13px; max-width: 60em; }
img { max-width: 100%; border: 1px solid #ddd; margin: 0.5em 0; }
"""


def _th(label: str, key: str, num: bool) -> str:
    cls = "" if num else ' class="text"'
    return f'<th data-key="{escape(key)}" data-type="{"num" if num else "text"}"{cls}>{escape(label)}</th>'


def _td(text: str, value: float | str | None = None, cls: str = "", title: str = "") -> str:
    attrs = ""
    if value is not None:
        attrs += f' data-value="{escape(str(value))}"'
    if cls:
        attrs += f' class="{cls}"'
    if title:
        attrs += f' title="{escape(title)}"'
    return f"<td{attrs}>{escape(text)}</td>"


def _fmt(value: float | None, digits: int = 1, scale: float = 1.0) -> tuple[str, float | None]:
    if value is None:
        return "", None
    v = value * scale
    return f"{v:,.{digits}f}", round(v, 6)


def summary_table(board: Mapping[str, Any]) -> str:
    heads = [("Model", "model", False), ("Method", "method", False), ("Ave. Norm., Seen", "norm_seen", True),
             ("Ave. Norm., Unseen", "norm_unseen", True), ("Ave. Norm., Total", "norm_all", True),
             ("Raw average", "raw_all", True), ("No answer %", "no_answer", True), ("Bad format %", "bad_format", True),
             ("Tokens / sample", "tokens", True), ("Seconds / sample", "seconds", True),
             ("Distinct instances", "instances", True), ("Samples", "samples", True)]
    out = ['<table id="columns" class="sortable" data-sort="norm_all:desc">', "<thead><tr>"]
    out += [_th(*h) for h in heads] + ["</tr></thead>", "<tbody>"]
    for c in board["columns"]:
        s = c["summary"]
        cells = [_td(c["model_label"], cls="text"), _td(c["method_label"] + (f" [{c['roles']}]" if c["roles"] else ""), cls="text")]
        for group in ("seen", "unseen", "all"):
            cells.append(_td(*_fmt(s["normalised_pct"][group])))
        cells.append(_td(*_fmt(s["raw_pct"]["all"])))
        cells.append(_td(*_fmt(s["no_answer_share"], 1, 100)))
        cells.append(_td(*_fmt(s["bad_format_share"], 1, 100)))
        batch_tokens = bool(set(s["tokens_source"]) & BATCH_SOURCES)
        batch_seconds = bool(set(s["seconds_source"]) & BATCH_SOURCES)
        text, value = _fmt(s["tokens_per_sample"], 0)
        cells.append(_td(text + (" *" if batch_tokens else ""), value, title="batch figure" if batch_tokens else ""))
        text, value = _fmt(s["seconds_per_sample"], 2)
        cells.append(_td(text + (" *" if batch_seconds else ""), value, title="batch average" if batch_seconds else ""))
        cells.append(_td(str(s["distinct_instances"]), s["distinct_instances"]))
        cells.append(_td(str(s["samples"]), s["samples"]))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def task_table(board: Mapping[str, Any]) -> str:
    refs = board.get("references", [])
    out = ['<table id="tasks" class="sortable" data-sort="order:asc">', "<thead><tr>"]
    out.append(_th("#", "order", True) + _th("Task", "task", False) + _th("Split", "split", False))
    for i, c in enumerate(board["columns"]):
        out.append(_th(column_title(board, c), f"col{i}", True))
    for i, r in enumerate(refs):
        out.append(_th(r["label"] + " †", f"ref{i}", True))
    out += ["</tr></thead>", "<tbody>"]
    for n, info in enumerate(board["tasks"], 1):
        cells = [_td(str(info["paper_order"] or ""), n), _td(task_title(info), cls="text"), _td(info["split"], cls="text")]
        for c in board["columns"]:
            cell = c["cells"].get(info["name"])
            if cell is None or cell["accuracy"] is None:
                cells.append(_td(""))
            else:
                text, value = _fmt(cell["accuracy"], 1, 100)
                cells.append(_td(text, value, title=f"{cell['distinct_instances']} distinct instances, {cell['n']} samples"))
        for r in refs:
            if info["name"] in r["hidden"]:
                cells.append(_td("‡", cls="hidden", title=r["hidden"][info["name"]]))
            else:
                value = r["scores_pct"].get(info["name"])
                cells.append(_td("" if value is None else f"{value:g}", value))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _image(path: str, alt: str) -> str:
    with open(path, "rb") as fh:
        data = base64.b64encode(fh.read()).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


def to_html(board: Mapping[str, Any], plots: list[str] = (), title: str = "SymBench leaderboard") -> str:
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="note">Click a column header to sort. Ave. Norm.: each task\'s score divided by the best score on that '
        "task among our columns, times 100, averaged over the group's tasks, as in the CodeSteer paper. "
        "* batch figure (Inspect's hf provider batches samples).</p>",
        "<h2>Methods and models</h2>", summary_table(board),
        "<h2>Tasks</h2>", '<p class="note">Cells: accuracy in percent (hover for the distinct instances behind a cell).</p>',
        task_table(board),
    ]
    refs = board.get("references", [])
    if refs:
        from symbench.harness.leaderboard.reference import HIDDEN_REASON

        parts.append(f'<p class="note">† Published numbers, not runs of SymBench: {escape(refs[0]["source"])}. '
                     f"‡ Re-created task: {escape(HIDDEN_REASON)}.</p>")
    for cmp in board.get("comparisons", []):
        parts.append(f'<p class="note">{escape(comparison_text(cmp).replace("**", ""))}</p>')
    for note in board.get("notes", []):
        parts.append(f'<p class="note">Note: {escape(note)}</p>')
    if plots:
        parts.append("<h2>Plots</h2>")
        parts += [_image(p, os.path.basename(p)) for p in plots]
    parts += [f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
