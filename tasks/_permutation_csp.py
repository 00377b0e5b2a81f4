"""A small bounded solver for "assign a permutation" puzzles (a helper module, not a task).

Used by ``permutations_combinations`` (books -> positions) and ``logical_equation``
(letters -> values). There are ``n`` variables and ``n`` values (indices ``0..n-1``);
every variable takes a different value, so every value is used exactly once.

Domains are bit masks. Binary constraints are tables: ``table[vx]`` is the mask of
values of ``y`` compatible with ``x = vx``. After every choice the solver propagates to
a fixed point: arc consistency on the binary constraints, removal of decided values from
the other domains, and "hidden singles" (a value that fits only one variable goes
there). It branches on the smallest domain, stops after ``limit`` solutions and gives up
(``SearchLimit``) after ``node_cap`` nodes, so it always runs in bounded time.
"""

from __future__ import annotations

from typing import Sequence


class SearchLimit(RuntimeError):
    """The node cap was hit before the count was known."""


def reverse_table(table: Sequence[int], n: int) -> list[int]:
    """From ``table[vx] -> mask of vy`` build ``rev[vy] -> mask of vx``."""
    rev = [0] * n
    for vx in range(n):
        mask = table[vx]
        while mask:
            low = mask & -mask
            rev[low.bit_length() - 1] |= 1 << vx
            mask ^= low
    return rev


def _support(table: Sequence[int], dom: int) -> int:
    allowed = 0
    while dom:
        low = dom & -dom
        allowed |= table[low.bit_length() - 1]
        dom ^= low
    return allowed


def solve_permutation(
    n: int,
    domains: Sequence[int],
    binary: Sequence[tuple[int, int, Sequence[int]]],
    *,
    limit: int = 2,
    node_cap: int = 50_000,
) -> list[list[int]]:
    """Up to ``limit`` solutions (each a list ``var -> value``), in search order.

    ``binary`` holds ``(x, y, table)`` with ``table[vx]`` the allowed mask of ``y``.
    Raises :class:`SearchLimit` when more than ``node_cap`` nodes are needed.
    """
    full = (1 << n) - 1
    neighbours: list[list[tuple[int, Sequence[int]]]] = [[] for _ in range(n)]
    for x, y, table in binary:
        neighbours[x].append((y, table))
        neighbours[y].append((x, reverse_table(table, n)))
    solutions: list[list[int]] = []
    nodes = 0

    def propagate(dom: list[int], changed: list[int]) -> bool:
        queue = list(changed)
        queued = set(queue)
        while True:
            while queue:
                z = queue.pop()
                queued.discard(z)
                dz = dom[z]
                if dz & (dz - 1) == 0:  # decided: value leaves every other domain
                    for var in range(n):
                        if var != z and dom[var] & dz:
                            dom[var] &= ~dz
                            if not dom[var]:
                                return False
                            if var not in queued:
                                queue.append(var)
                                queued.add(var)
                for y, table in neighbours[z]:
                    new = dom[y] & _support(table, dz)
                    if new != dom[y]:
                        if not new:
                            return False
                        dom[y] = new
                        if y not in queued:
                            queue.append(y)
                            queued.add(y)
            # hidden singles and value coverage
            once = 0
            twice = 0
            for d in dom:
                twice |= once & d
                once |= d
            if once != full:
                return False
            singles = once & ~twice
            for var in range(n):
                d = dom[var]
                hit = d & singles
                if hit and d != hit:
                    if hit & (hit - 1):
                        return False  # two values that only fit this variable
                    dom[var] = hit
                    queue.append(var)
                    queued.add(var)
            if not queue:
                return True

    def search(dom: list[int]) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > node_cap:
            raise SearchLimit(f"more than {node_cap} search nodes")
        best = -1
        best_count = n + 1
        for var in range(n):
            d = dom[var]
            if d & (d - 1):
                c = bin(d).count("1")
                if c < best_count:
                    best, best_count = var, c
                    if c == 2:
                        break
        if best < 0:
            solutions.append([d.bit_length() - 1 for d in dom])
            return
        mask = dom[best]
        while mask:
            low = mask & -mask
            mask ^= low
            new = list(dom)
            new[best] = low
            if propagate(new, [best]):
                search(new)
                if len(solutions) >= limit:
                    return

    start = [d & full for d in domains]
    if all(start) and propagate(start, list(range(n))):
        search(start)
    return solutions
