"""Plots of a leaderboard (matplotlib, PNG, no display needed).

* ``accuracy_by_level.png``: accuracy against complexity level, one line per column;
* ``accuracy_by_task.png``: per-task bars, one bar per column, tasks in the paper's order.

matplotlib is the optional extra ``symbench[leaderboard]``; without it :func:`write_plots`
raises ``ImportError`` and callers skip the plots with a note.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

from symbench.harness.leaderboard.render import column_title

FILES = ("accuracy_by_level.png", "accuracy_by_task.png")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def plot_by_level(board: Mapping[str, Any], path: str) -> None:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    for column in board["columns"]:
        levels = sorted(column["summary"]["by_level"], key=int)
        values = [100 * column["summary"]["by_level"][k] for k in levels]
        ax.plot([int(k) for k in levels], values, marker="o", label=column_title(board, column))
    ax.set_xlabel("complexity level")
    ax.set_ylabel("accuracy (%)")
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_ylim(-3, 103)
    ax.grid(alpha=0.3)
    ax.set_title("Accuracy against complexity (all tasks pooled)")
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def plot_by_task(board: Mapping[str, Any], path: str) -> None:
    plt = _pyplot()
    tasks = board["tasks"]
    columns = board["columns"]
    k = max(1, len(columns))
    width = 0.8 / k
    fig, ax = plt.subplots(figsize=(max(7, 0.45 * len(tasks) * max(1, k / 2) + 2), 4.6), dpi=110)
    for i, column in enumerate(columns):
        xs, ys = [], []
        for j, info in enumerate(tasks):
            cell = column["cells"].get(info["name"])
            if cell is not None and cell["accuracy"] is not None:
                xs.append(j - 0.4 + width * (i + 0.5))
                ys.append(100 * cell["accuracy"])
        ax.bar(xs, ys, width=width, label=column_title(board, column))
    seen = sum(1 for t in tasks if t["split"] == "seen")
    if 0 < seen < len(tasks):
        ax.axvline(seen - 0.5, color="grey", linestyle="--", linewidth=0.8)
    ax.set_xticks(range(len(tasks)))
    ax.set_xticklabels([t["display_name"] for t in tasks], rotation=60, ha="right", fontsize=7)
    ax.set_ylabel("accuracy (%)")
    ax.set_ylim(0, 100 + 8 * ((k + 2) // 3) + 4)  # headroom for the legend above the bars
    ax.set_yticks(range(0, 101, 20))
    ax.set_title("Accuracy per task (seen | unseen)")
    ax.legend(fontsize=8, loc="upper center", ncol=min(k, 3), frameon=False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_plots(board: Mapping[str, Any], folder: str) -> list[str]:
    """Write both PNGs into ``folder``; returns their paths."""
    paths = [os.path.join(folder, name) for name in FILES]
    plot_by_level(board, paths[0])
    plot_by_task(board, paths[1])
    return paths
