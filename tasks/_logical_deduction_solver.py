"""The clue semantics and the bounded solver of logical_deduction (not a task).

:func:`count_solutions` counts the orders that satisfy a clue set, stopping at ``limit``
(two, to prove uniqueness): a backtracking search that fills positions from the first and
lets absolute, immediate and gap clues force the candidate, so it stays fast up to ten
objects. :func:`_satisfied` tells whether one clue holds for a given order.
"""

from __future__ import annotations


def count_solutions(n: int, clues: list[list], limit: int = 2) -> tuple[int, list[int] | None]:
    """Number of orders (capped at ``limit``) satisfying ``clues``, and the first found.

    An order lists object indices from position 0 to n-1. Backtracking fills positions
    from the first; absolute, immediate and gap clues force candidates.
    """
    fixed_pos = [-1] * n
    obj_at = [-1] * n
    preds = [0] * n
    imm_next = [-1] * n
    imm_prev = [-1] * n
    gaps: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for clue in clues:
        kind = clue[0]
        if kind == "abs":
            a, k = clue[1], clue[2]
            if fixed_pos[a] not in (-1, k) or obj_at[k] not in (-1, a):
                return 0, None
            fixed_pos[a], obj_at[k] = k, a
        elif kind == "before":
            preds[clue[2]] |= 1 << clue[1]
        elif kind == "imm":
            a, b = clue[1], clue[2]
            if imm_next[a] not in (-1, b) or imm_prev[b] not in (-1, a):
                return 0, None
            imm_next[a], imm_prev[b] = b, a
            preds[b] |= 1 << a
        elif kind == "gap":
            a, b, d = clue[1], clue[2], clue[3] + 1
            gaps[a].append((b, d))
            gaps[b].append((a, d))
    pos = [-1] * n
    order: list[int] = []
    found: list[list[int]] = []
    count = 0

    def dfs(p: int, mask: int) -> None:
        nonlocal count
        if count >= limit:
            return
        if p == n:
            count += 1
            if not found:
                found.append(list(order))
            return
        forced = obj_at[p]
        last = order[-1] if order else -1
        if last >= 0 and imm_next[last] >= 0:
            if forced not in (-1, imm_next[last]):
                return
            forced = imm_next[last]
        for x in order:
            for y, d in gaps[x]:
                if pos[y] < 0 and pos[x] + d == p:
                    if forced not in (-1, y):
                        return
                    forced = y
        candidates = (forced,) if forced >= 0 else range(n)
        for c in candidates:
            if mask >> c & 1 or preds[c] & ~mask:
                continue
            if fixed_pos[c] not in (-1, p):
                continue
            if imm_prev[c] >= 0 and imm_prev[c] != last:
                continue
            ok = True
            for y, d in gaps[c]:
                if pos[y] >= 0:
                    if pos[y] != p - d:
                        ok = False
                        break
                elif p + d >= n or obj_at[p + d] not in (-1, y):
                    ok = False
                    break
            if not ok:
                continue
            pos[c] = p
            order.append(c)
            dfs(p + 1, mask | 1 << c)
            order.pop()
            pos[c] = -1
            if count >= limit:
                return

    dfs(0, 0)
    return count, (found[0] if found else None)


def _satisfied(clue: list, where: list[int]) -> bool:
    kind = clue[0]
    if kind == "abs":
        return where[clue[1]] == clue[2]
    if kind == "before":
        return where[clue[1]] < where[clue[2]]
    if kind == "imm":
        return where[clue[2]] == where[clue[1]] + 1
    return abs(where[clue[1]] - where[clue[2]]) == clue[3] + 1
