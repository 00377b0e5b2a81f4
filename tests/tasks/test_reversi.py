import pytest

from symbench.registry import get_task

TASK = get_task("reversi")
reversi = __import__("symbench.tasks.reversi", fromlist=["x"])

OPENING4 = ["****", "*10*", "*01*", "****"]


def _params(board, moves, to_move="0", prior=0):
    return {
        "n": len(board),
        "board": board,
        "to_move": to_move,
        "moves": moves,
        "prior_moves": prior,
        "listed_moves": sum(1 for m in moves if m["move"] is not None),
        "passes": sum(1 for m in moves if m["move"] is None),
    }


def test_hand_worked_two_moves():
    # Black at (1,2) flips the white piece below it, (2,2): column 2 reads 0,0,0.
    # White at (1,1) flips (2,2) back along the diagonal (1,1)-(2,2)-(3,3), where (3,3) is white;
    # the line to the right, (1,2)=0 then (1,3)=*, is not closed and flips nothing.
    params = _params(OPENING4, [{"player": "0", "move": [1, 2]}, {"player": "1", "move": [1, 1]}])
    expected = "1,0,*,*,*,1,0,*,*,0,1,*,*,*,*,*"
    assert TASK.solve(params) == expected
    assert TASK.check(params, expected).correct


def test_hand_worked_pass():
    # Black at (1,3) flips (1,2) (closed by (1,1)). White's only piece is (3,3) and every
    # line from an empty cell through black pieces runs off the board, so White passes.
    # Black at (4,4) flips (3,3) along the diagonal closed by (2,2).
    board = ["01**", "*0**", "**1*", "****"]
    moves = [{"player": "0", "move": [1, 3]}, {"player": "1", "move": None}, {"player": "0", "move": [4, 4]}]
    params = _params(board, moves)
    expected = "0,0,0,*,*,0,*,*,*,*,0,*,*,*,*,0"
    assert TASK.solve(params) == expected
    assert TASK.check(params, expected).correct
    assert "passes" in TASK.question(params)
    # a pass when a legal move exists is not a valid entry
    with pytest.raises(ValueError):
        TASK.solve(_params(board, [{"player": "0", "move": None}]))


def test_format_variants_accepted_and_near_misses_rejected():
    params = _params(OPENING4, [{"player": "0", "move": [1, 2]}, {"player": "1", "move": [1, 1]}])
    inst = {"params": params}
    good = [
        "<<<1,0,*,*,*,1,0,*,*,0,1,*,*,*,*,*>>>",
        "<<<1, 0, *, *, *, 1, 0, *, *, 0, 1, *, *, *, *, *>>>",
        "<<<[1,0,*,*,\n*,1,0,*,\n*,0,1,*,\n*,*,*,*]>>>",
        "<<<1,0,*,*\n*,1,0,*\n*,0,1,*\n*,*,*,*>>>",
        "<<<['1','0','*','*','*','1','0','*','*','0','1','*','*','*','*','*']>>>",
    ]
    for text in good:
        assert TASK.verify(inst, text).correct, text
    bad = [
        "<<<1,0,*,*,*,1,0,*,*,0,1,*,*,*,*,0>>>",  # one wrong cell
        "<<<*,0,*,*,*,0,0,*,*,0,1,*,*,*,*,*>>>",  # the position before White's move
        "<<<1,0,*,*,*,1,0,*,*,0,1,*,*,*,*>>>",  # 15 cells
        "<<<10***10**01*****>>>",  # no separators
        "<<<1;0;*;*;*;1;0;*;*;0;1;*;*;*;*;*>>>",  # wrong separator
        "<<<1,0,.,.,.,1,0,.,.,0,1,.,.,.,.,.>>>",  # wrong empty symbol
        "<<<1,,0,*,*,*,1,0,*,*,0,1,*,*,*,*,*>>>",  # empty cell entry
    ]
    for text in bad:
        verdict = TASK.verify(inst, text)
        assert not verdict.correct, text
    assert "row 4, column 4" in TASK.verify(inst, bad[0]).reason


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_generated_moves_are_legal_and_answer_is_the_position_after_them(level):
    for index in range(8):
        inst = TASK.instance(level, seed=3, index=index)
        p = inst.params
        board = [list(row) for row in p["board"]]
        shown = ",".join(c for row in board for c in row)
        assert inst.answer != shown  # the original's defect: answer == shown board
        player = p["to_move"]
        for entry in p["moves"]:
            assert entry["player"] == player  # players alternate, passes included
            if entry["move"] is None:
                assert not reversi.legal_moves(board, player)
            else:
                r, c = entry["move"]
                assert (r - 1, c - 1) in reversi.legal_moves(board, player)
                reversi.play(board, player, entry["move"])
            player = reversi.other(player)
        assert ",".join(c for row in board for c in row) == inst.answer
        # exactly one accepted answer: flipping any single cell is rejected
        cells = inst.answer.split(",")
        for i in range(0, len(cells), 5):
            for alt in "01*":
                if alt != cells[i]:
                    wrong = cells[:i] + [alt] + cells[i + 1 :]
                    assert not TASK.check(p, ",".join(wrong)).correct
        if level < 5:
            assert p["passes"] == 0
        assert len(p["moves"]) - p["passes"] == p["listed_moves"]


def test_level5_passes_are_listed_when_they_happen():
    found = 0
    for index in range(400):
        inst = TASK.instance(5, seed=0, index=index, overrides={"prior_moves": (40, 50)})
        if inst.params["passes"]:
            found += 1
            assert "has no legal move and passes" in inst.question
            break
    assert found
