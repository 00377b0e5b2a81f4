import pytest

from symbench.registry import get_task

TASK = get_task("blocksworld")
bw = __import__("symbench.tasks.blocksworld", fromlist=["x"])

# Hand-worked: stack1 = A B (B on top), stack2 empty, stack3 = C; goal stack1 = C, stack2 = A B,
# stack3 empty. Every block must move (nothing is in place). B sits on A, so B moves before A;
# B must end on A in stack2, which A reaches only after B has left, so B moves at least twice:
# at least 4 moves. B 1->3, A 1->2, B 3->2, C 3->1 does it in 4.
PARAMS = {"initial": [["A", "B"], [], ["C"]], "goal": [["C"], ["A", "B"]], "optimal_length": 4, "max_moves": None}
HAND = "Move B from 1 to 3\nMove A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1"
INST = {"params": PARAMS}


def test_hand_worked_plan_and_optimal_reference():
    assert TASK.check(PARAMS, HAND).correct
    ref = TASK.solve(PARAMS)
    assert len(ref.splitlines()) == 4 and TASK.check(PARAMS, ref).correct


@pytest.mark.parametrize(
    "text",
    [
        HAND,
        "move B from stack1 to stack3\nMOVE A FROM 1 TO 2\nMove B from stack 3 to stack 2\n\nMove C from 3 to 1",
        "  Move B from 1 to 3  \nMove A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1\n",
        # a longer, different valid plan (no length limit here)
        "Move B from 1 to 2\nMove A from 1 to 3\nMove B from 2 to 1\nMove A from 3 to 2\nMove B from 1 to 2\nMove C from 3 to 1",
    ],
)
def test_valid_variants_accepted(text):
    verdict = TASK.verify(INST, f"<<<{text}>>>")
    assert verdict.correct, verdict


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Move B from 1 to 3\nMove A from 1 to 2\nMove B from 3 to 2", "stack1 is empty, but the goal wants C"),
        ("Move A from 1 to 2\nMove B from 1 to 3\nMove B from 3 to 2\nMove C from 3 to 1", "A is not on top of stack1"),
        ("Move B from 1 to 1\nMove A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1", "same stack"),
        ("Move B from 1 to 4\nMove A from 1 to 2\nMove B from 4 to 2\nMove C from 3 to 1", "does not exist"),
        ("Move B from 0 to 3", "does not exist"),
        ("Move b from 1 to 3\nMove A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1", "upper-case"),
        ("Move B from 1 to 3, Move A from 1 to 2, Move B from 3 to 2, Move C from 3 to 1", "is not of the form"),
        ("1. Move B from 1 to 3\n2. Move A from 1 to 2\n3. Move B from 3 to 2\n4. Move C from 3 to 1", "is not of the form"),
        ("Move B from 1 to table\nMove A from 1 to 2", "is not of the form"),
        ("Move B from 1 to 3\nMove A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1\nMove C from 1 to 3", "stack1 is empty"),
        ("Move B from 2 to 3", "stack2 is empty"),
    ],
)
def test_near_misses_rejected(text, reason):
    verdict = TASK.verify(INST, f"<<<{text}>>>")
    assert not verdict.correct
    assert reason in verdict.reason, verdict.reason


def test_length_limit():
    limited = dict(PARAMS, max_moves=5)
    detour = "Move B from 1 to 2\nMove B from 2 to 3\nMove A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1"
    assert TASK.check(limited, detour).correct
    longer = "Move B from 1 to 2\nMove B from 2 to 3\nMove B from 3 to 2\nMove B from 2 to 3\n" \
             "Move A from 1 to 2\nMove B from 3 to 2\nMove C from 3 to 1"
    assert TASK.check(PARAMS, longer).correct
    assert "at most 5" in TASK.check(limited, longer).reason
    assert "at most 5 moves" in TASK.question(limited)


def test_format_example_never_solves_the_instance():
    # stack1 = A, stack2 = B; goal stack2 = A, stack3 = B: the usual example is the optimal answer.
    params = {"initial": [["A"], ["B"], []], "goal": [[], ["A"], ["B"]], "optimal_length": 2, "max_moves": None}
    usual = "Move B from 2 to 3\nMove A from 1 to 2"
    assert TASK.check(params, usual).correct
    example = TASK.question(params).rsplit("<<<", 1)[1].split(">>>")[0]
    assert example != usual and not TASK.check(params, example).correct
    assert usual in TASK.question(PARAMS)


def _bfs(start, goal):
    from collections import deque

    dist, queue = {start: 0}, deque([start])
    while queue:
        s = queue.popleft()
        if s == goal:
            return dist[s]
        for i, st in enumerate(s):
            for j in range(len(s)):
                if st and i != j:
                    n = list(s)
                    n[i], n[j] = st[:-1], s[j] + (st[-1],)
                    n = tuple(n)
                    if n not in dist:
                        dist[n] = dist[s] + 1
                        queue.append(n)


def test_reference_is_optimal_against_bfs():
    for level in (2, 3, 4):
        for index in range(4):
            p = TASK.instance(level, 0, index).params
            init = tuple(map(tuple, p["initial"]))
            goal = bw._goal_full(p["goal"], len(init))
            assert p["optimal_length"] == _bfs(init, goal), (level, index)


def test_search_is_optimal_on_random_layouts():
    # The heuristic must stay admissible: A* lengths equal breadth-first lengths.
    import random

    rng = random.Random(5)
    for _ in range(60):
        n, k = rng.randint(3, 5), rng.randint(3, 4)
        blocks = "ABCDE"[:n]
        init = [[] for _ in range(k)]
        goal = [[] for _ in range(k)]
        for b in rng.sample(blocks, n):
            init[rng.randrange(k)].append(b)
        for b in rng.sample(blocks, n):
            goal[rng.randrange(k)].append(b)
        start, target = tuple(map(tuple, init)), tuple(map(tuple, goal))
        plan = bw.optimal_plan(start, target, 10**6)
        assert plan is not None and len(plan) == _bfs(start, target), (init, goal)


def test_levels():
    for index in range(5):
        p3 = TASK.instance(3, 0, index).params
        assert p3["optimal_length"] >= 4
        p5 = TASK.instance(5, 0, index).params
        assert len(p5["initial"]) == 3 and 7 <= sum(map(len, p5["initial"])) <= 8
        assert p5["max_moves"] == p5["optimal_length"] + 2
        assert p5["initial"] != p5["goal"]
