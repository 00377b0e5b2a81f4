"""The static HTML page, rendered by headless Chromium from the file system (no server).

Chromium is Debian's ``chromium`` package; ``scripts/test.sh`` installs it (as root) like
bubblewrap. The page's rows are written in one order and the page's own script sorts them
on load, so the checks below only pass if the script ran in the browser.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from symbench.harness.leaderboard.build import write_outputs
from symbench.harness.leaderboard.logs import SampleRow
from symbench.harness.leaderboard.reference import load_reference, reference_columns
from symbench.harness.leaderboard.table import build_leaderboard

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _browser() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium is needed for the HTML leaderboard test: apt-get install chromium "
                "(scripts/test.sh installs it when run as root)")


class _Tables(HTMLParser):
    """Table id -> attributes and rows of cell texts, from the rendered DOM."""

    def __init__(self):
        super().__init__()
        self.tables, self.images, self._table, self._row, self._cell = {}, [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = attrs.get("id")
            self.tables[self._table] = {"attrs": attrs, "rows": []}
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
        elif tag == "img":
            self.images.append(attrs.get("src", ""))

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table]["rows"].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None


def _row(column, task, i, score, level):
    return SampleRow(column=column, model=column, model_label=column, method="only_question", method_label="only_question",
                     roles="", deterministic=True, suite="s", log="l", task=task, sample_id=f"{task}/c{level}/s0/{i}", epoch=1,
                     complexity=level, seed=0, index=i, version=1, fingerprint=f"{task}{level}{i}", score=score,
                     verdict="correct" if score else "wrong", answer_source="text", error=None,
                     cost={"tokens": 50, "seconds": 0.5, "tokens_source": "usage", "seconds_source": "per_sample"})


def _scores(column, task, correct, total=4):
    return [_row(column, task, i, 1.0 if i < correct else 0.0, 1 + i % 5) for i in range(total)]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    # columns are listed alphabetically (alpha, beta, gamma); by normalised total: gamma, alpha, beta
    rows = (_scores("alpha", "game24", 2) + _scores("alpha", "letters", 3) + _scores("alpha", "web_of_lies", 4)
            + _scores("beta", "game24", 1) + _scores("beta", "letters", 1) + _scores("beta", "web_of_lies", 2)
            + _scores("gamma", "game24", 4) + _scores("gamma", "letters", 4) + _scores("gamma", "web_of_lies", 1))
    board = build_leaderboard(rows)
    board["references"] = reference_columns(load_reference(), board["tasks"], "gpt-4o/codesteer")
    out = tmp_path_factory.mktemp("html")
    result = write_outputs(board, rows, str(out))
    return out / "index.html", result


def _render(path, tmp_path, fragment=""):
    out = subprocess.run([_browser(), *BROWSER_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          path.as_uri() + fragment], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "<table" in out.stdout, out.stderr[-2000:]
    parser = _Tables()
    parser.feed(out.stdout)
    return parser


def test_the_page_is_self_contained(page):
    html = page[0].read_text()
    assert "http://" not in html and "https://" not in html  # nothing fetched: no CDN, no server
    assert html.count('src="data:image/png;base64,') == 2


def test_rendered_tables_sorted_by_the_page_script(page, tmp_path):
    dom = _render(page[0], tmp_path)
    columns = dom.tables["columns"]
    assert columns["attrs"].get("data-sorted") == "norm_all:desc"  # set by the script, absent from the file
    header, *rows = columns["rows"]
    assert header[:5] == ["Model", "Method", "Ave. Norm., Seen", "Ave. Norm., Unseen", "Ave. Norm., Total"]
    # by hand: per task best = gamma 100 (game24), gamma 100 (letters), alpha 100 (web_of_lies)
    # alpha (50 + 75 + 100) / 3 = 75.0; beta (25 + 25 + 50) / 3 = 33.3; gamma (100 + 100 + 25) / 3 = 75.0
    # (ties keep the written order), raw: alpha 75.0, beta 33.3, gamma 75.0
    assert [(r[0], r[4], r[5]) for r in rows] == [("alpha", "75.0", "75.0"), ("gamma", "75.0", "75.0"), ("beta", "33.3", "33.3")]
    tasks = dom.tables["tasks"]
    assert tasks["attrs"].get("data-sorted") == "order:asc"
    header, *rows = tasks["rows"]
    assert header == ["#", "Task", "Split", "alpha", "beta", "gamma", "GPT-4o · CodeSteer (published) †"]
    assert rows == [
        ["1", "Game 24", "seen", "50.0", "25.0", "100.0", "93"],
        ["7", "Web of Lies (re-created)", "seen", "100.0", "50.0", "25.0", "‡"],
        ["29", "Letters", "unseen", "75.0", "25.0", "100.0", "96"],
    ]


def test_a_sort_chosen_in_the_address_reorders_the_rendered_rows(page, tmp_path):
    dom = _render(page[0], tmp_path, "#sort=tasks:col2:asc")
    assert dom.tables["tasks"]["attrs"].get("data-sorted") == "col2:asc"
    assert [r[1] for r in dom.tables["tasks"]["rows"][1:]] == ["Web of Lies (re-created)", "Game 24", "Letters"]
    dom = _render(page[0], tmp_path, "#sort=columns:model:desc")
    assert [r[0] for r in dom.tables["columns"]["rows"][1:]] == ["gamma", "beta", "alpha"]
    assert len([src for src in dom.images if src.startswith("data:image/png;base64,")]) == 2
