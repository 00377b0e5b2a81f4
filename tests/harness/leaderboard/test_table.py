"""Aggregation, the paper's normalised averages, reference columns and the renderers' text."""

from __future__ import annotations

import json

import pytest

from symbench.harness.leaderboard.logs import SampleRow, symbench_score, verdict_of
from symbench.harness.leaderboard.reference import load_reference, recompute_normalised, reference_columns
from symbench.harness.leaderboard.render import to_json, to_markdown, validate_leaderboard
from symbench.harness.leaderboard.table import build_leaderboard, find_column, normalised_averages
from symbench.registry import all_tasks

# the paper's published Ave. Norm. rows (Table 1), typed in from the paper for this test
PUBLISHED = {
    "gpt-4o/only_question": {"seen": 59.3, "unseen": 34.5, "all": 53.3},
    "gpt-4o/codesteer": {"seen": 88.1, "unseen": 81.3, "all": 86.4},
    "o1": {"seen": 83.8, "unseen": 79.4, "all": 82.7},
    "gpt-4o/code_interpreter": {"seen": 73.3, "unseen": 61.9, "all": 70.5},
}


def test_paper_normalised_averages_recomputed_from_its_own_rows():
    ref = load_reference()
    again = recompute_normalised(ref)
    assert round(again["all"]["gpt-4o/only_question"], 1) == 53.3
    assert round(again["all"]["gpt-4o/codesteer"], 1) == 86.4
    for key, groups in PUBLISHED.items():
        for group, value in groups.items():
            assert round(again[group][key], 1) == value, (key, group, again[group][key])
    # and every published cell in the shipped file, for all 13 columns and 3 groups
    published = ref["published_averages"]["normalised_pct"]
    for group in ("seen", "unseen", "all"):
        assert set(published[group]) == {c["key"] for c in ref["columns"]}
        for key, value in published[group].items():
            assert round(again[group][key], 1) == value, (key, group)


def test_reference_rows_cover_every_task_in_paper_order_with_its_split():
    ref = load_reference()
    tasks = all_tasks()
    assert [r["task"] for r in ref["rows"]] == sorted(tasks, key=lambda t: tasks[t].paper_order)
    for r in ref["rows"]:
        assert r["split"] == tasks[r["task"]].split
        assert r["symbench_origin"] == tasks[r["task"]].origin
    assert sum(r["symbench_origin"] == "recreated" for r in ref["rows"]) == 7
    assert "published" in ref["note"].lower()


def test_normalised_average_leaves_out_a_task_nobody_solved():
    scores = {"a": {"t1": 0.5, "t2": 0.0, "t3": 1.0}, "b": {"t1": 0.25, "t2": 0.0, "t3": 0.5}}
    out, left = normalised_averages(scores, ["t1", "t2", "t3"])
    assert left == ["t2"]
    assert out["a"] == pytest.approx(100.0)
    assert out["b"] == pytest.approx(50.0)


def test_normalised_average_over_the_columns_present_on_a_task():
    scores = {"a": {"t1": 0.8}, "b": {"t1": 0.4, "t2": 0.3}}
    out, _ = normalised_averages(scores, ["t1", "t2"])
    assert out["a"] == pytest.approx(100.0)  # only t1
    assert out["b"] == pytest.approx((50.0 + 100.0) / 2)


def _row(column, task, sample_id, score, verdict, complexity=1, fingerprint=None, tokens=100, seconds=1.0, method="m"):
    return SampleRow(column=column, model="x/y", model_label="x/y", method=method, method_label=column, roles="",
                     deterministic=True, suite="s", log="l.eval", task=task, sample_id=sample_id, epoch=1,
                     complexity=complexity, seed=0, index=0, version=1, fingerprint=fingerprint or sample_id,
                     score=score, verdict=verdict, answer_source="text", error=None,
                     cost={"tokens": tokens, "seconds": seconds, "tokens_source": "usage", "seconds_source": "per_sample"})


def _board(references=None):
    rows = []
    # column A: game24 3/4 (two samples share one question), letters 1/2 (one no answer)
    for i, (s, v) in enumerate([(1, "correct"), (1, "correct"), (1, "correct"), (0, "wrong")]):
        rows.append(_row("A", "game24", f"game24/c{i + 1}/s0/0", s, v, complexity=i + 1, fingerprint="same" if i < 2 else None))
    rows += [_row("A", "letters", "letters/c1/s0/0", 1, "correct"), _row("A", "letters", "letters/c2/s0/0", 0, "no_answer", complexity=2)]
    # column B: game24 1/4, letters 2/2, web_of_lies (re-created) 1/1
    for i, (s, v) in enumerate([(1, "correct"), (0, "bad_format"), (0, "wrong"), (0, "no_answer")]):
        rows.append(_row("B", "game24", f"game24/c{i + 1}/s0/0", s, v, complexity=i + 1, tokens=300, seconds=3.0))
    rows += [_row("B", "letters", "letters/c1/s0/0", 1, "correct"), _row("B", "letters", "letters/c2/s0/0", 1, "correct", complexity=2)]
    rows.append(_row("B", "web_of_lies", "web_of_lies/c1/s0/0", 1, "correct"))
    board = build_leaderboard(rows)
    if references is not None:
        board["references"] = reference_columns(load_reference(), board["tasks"], references, {"only_question", "codesteer"})
    return board, rows


def test_cells_and_summaries_from_rows():
    board, _ = _board()
    assert [t["name"] for t in board["tasks"]] == ["game24", "web_of_lies", "letters"]  # seen by paper order, then unseen
    a, b = find_column(board, "A"), find_column(board, "B")
    assert a["cells"]["game24"]["accuracy"] == 0.75 and a["cells"]["game24"]["n"] == 4
    assert a["cells"]["game24"]["distinct_instances"] == 3  # two samples share a fingerprint
    assert a["cells"]["letters"]["verdicts"]["no_answer"] == 1
    assert b["cells"]["game24"]["verdicts"] == {"correct": 1, "wrong": 1, "bad_format": 1, "no_answer": 1, "verifier_error": 0}
    assert "web_of_lies" not in a["cells"]
    # normalised: game24 best 0.75 (A), letters best 1.0 (B), web_of_lies only B
    assert a["summary"]["normalised_pct"]["all"] == pytest.approx((100 + 50) / 2)
    assert b["summary"]["normalised_pct"]["all"] == pytest.approx((100 / 3 + 100 + 100) / 3)
    assert b["summary"]["normalised_pct"]["unseen"] == pytest.approx(100)
    assert a["summary"]["raw_pct"]["seen"] == pytest.approx(75)
    assert b["summary"]["no_answer_share"] == pytest.approx(1 / 7) and b["summary"]["bad_format_share"] == pytest.approx(1 / 7)
    assert b["summary"]["tokens_per_sample"] == pytest.approx((4 * 300 + 3 * 100) / 7)
    assert a["summary"]["by_level"] == {"1": 1.0, "2": 0.5, "3": 1.0, "4": 0.0}
    validate_leaderboard(json.loads(to_json(board)))


def test_reference_columns_blank_the_recreated_tasks():
    board, _ = _board(references="auto")
    [steer, only] = sorted(board["references"], key=lambda r: r["key"])
    assert steer["key"] == "gpt-4o/codesteer" and only["key"] == "gpt-4o/only_question"
    assert steer["scores_pct"]["game24"] == 93 and steer["scores_pct"]["letters"] == 96
    assert steer["scores_pct"]["web_of_lies"] is None and "web_of_lies" in steer["hidden"]
    assert steer["label"].endswith("(published)")
    assert steer["published_normalised_pct"]["all"] == 86.4
    md = to_markdown(board)
    web = next(line for line in md.splitlines() if line.startswith("| Web of Lies"))
    assert "(re-created)" in web and web.count("‡") == 2 and "98" not in web  # the paper's 98 never shown
    assert "Published numbers" in md
    validate_leaderboard(json.loads(to_json(board)))


def test_reference_column_choice_and_errors():
    ref = load_reference()
    assert len(reference_columns(ref, [], "all")) == 13
    assert [c["key"] for c in reference_columns(ref, [], "o1,r1")] == ["o1", "r1"]
    with pytest.raises(ValueError, match="unknown reference column"):
        reference_columns(ref, [], "gpt-5")


def test_markdown_rows_in_paper_order_with_group_rows():
    board, _ = _board()
    lines = to_markdown(board).splitlines()
    order = [line.split("|")[1].strip() for line in lines if line.startswith("| ")]
    assert order[:8] == ["Task", "**Seen**", "Game 24", "Web of Lies (re-created)", "**Unseen**", "Letters",
                         "**Ave. Norm., Seen**", "**Ave. Norm., Unseen**"]
    game = next(line for line in lines if line.startswith("| Game 24"))
    assert "75.0 (3)" in game and "25.0 (4)" in game


def test_find_column_errors_name_the_columns():
    board, _ = _board()
    with pytest.raises(ValueError, match="matches no column.*A; B"):
        find_column(board, "Z")


class _Score:
    def __init__(self, value, answer, metadata=None):
        self.value, self.answer, self.metadata = value, answer, metadata


def test_verdicts_recorded_or_derived():
    assert verdict_of(_Score(0.0, "x", {"verdict": "bad_format"})) == "bad_format"
    assert verdict_of(_Score(0.0, "x", {"verdict": {"code": "verifier_error"}})) == "verifier_error"
    assert verdict_of(_Score(1.0, "x")) == "correct"
    assert verdict_of(_Score(0.0, None)) == "no_answer"
    assert verdict_of(_Score(0.0, "x", {"verdict": "nonsense"})) == "wrong"


def test_score_found_under_either_key():
    s = object()
    assert symbench_score({"symbench_scorer": s}) is s
    assert symbench_score({"symbench/symbench_scorer": s}) is s
    assert symbench_score({"other": 1}) is None and symbench_score(None) is None
