"""The wrong options of date_understanding's multiple-choice levels (not a task).

If every distractor is a one-part edit of the right date (+-1 day, +-1 year, another
month), the right date is the option that shares the most parts with the others, and a
guesser that reads only the options wins (measured: 81-97%). So the options are built as a
grid instead (TASKS.md 6):

* **month/day** values: the right date's and ``m - 1`` others taken from plausible
  misreadings of the question - the anchor itself, the offset applied in the wrong
  direction or twice, off by one or two days, a week off, day and month swapped;
* **years**: the right date's and one other (+-1, +-10 or +-100 years, or +-4 where a
  29 February must exist);
* the options are every year with every month/day: the right date, its misreadings, and
  the same misreadings in the other year (edits of distractors).

Every option then shares its year with ``m - 1`` others and its month/day with one, so
none is the centre of the set. The right date's place in the grid is uniform too: how many
of the other month/days lie before it (in the year) is drawn uniformly from what the
candidates allow, and the other year lies before or after it with equal chance, so neither
the earliest, the latest nor the middle option is more often right.
"""

from __future__ import annotations

import random
from datetime import date

from ._calendar import add_days, shift

_YEAR_EDITS = (1, -1, 10, -10, 100, -100, 4, -4)


def _misreadings(target: date, base: date, query: dict) -> list[date]:
    unit, n = query["unit"], query["n"]
    found = [
        base,  # the anchor itself: no offset applied
        shift(base, unit, -n),  # the offset applied in the wrong direction
        shift(target, unit, n),  # the offset applied twice
        add_days(target, 1),
        add_days(target, -1),
        add_days(target, 2),
        add_days(target, -2),
        add_days(target, 7),
        add_days(target, -7),
    ]
    if target.day <= 12 and target.day != target.month:
        found.append(date(target.year, target.day, target.month))  # DD/MM read as MM/DD
    return [d for d in found if d is not None]


def _in_year(md: tuple[int, int], year: int) -> date | None:
    try:
        return date(year, *md)
    except ValueError:  # 29 February of a common year
        return None


def option_dates(rng: random.Random, target: date, base: date, query: dict, k: int) -> list[date] | None:
    """``k - 1`` distinct wrong dates forming, with ``target``, a grid of two years by
    ``ceil(k / 2)`` month/days (trimmed to ``k``); None when the candidates do not allow it."""
    m = (k + 1) // 2
    md_t = (target.month, target.day)
    mds = sorted({(d.month, d.day) for d in _misreadings(target, base, query)} - {md_t})
    below = [md for md in mds if md < md_t]
    above = [md for md in mds if md > md_t]
    feasible = [r for r in range(m) if r <= len(below) and m - 1 - r <= len(above)]
    if not feasible:
        return None
    r = rng.choice(feasible)  # how many month/days come before the right one
    chosen = rng.sample(below, r) + rng.sample(above, m - 1 - r) + [md_t]
    years = [
        target.year + e
        for e in _YEAR_EDITS
        if 1000 <= target.year + e <= 9999 and all(_in_year(md, target.year + e) for md in chosen)
    ]
    if not years or not all(_in_year(md, target.year) for md in chosen):
        return None
    later = [y for y in years if y > target.year]
    earlier = [y for y in years if y < target.year]
    other_year = rng.choice(rng.choice([side for side in (later, earlier) if side]))
    grid = [_in_year(md, y) for y in (target.year, other_year) for md in chosen]
    wrong = [d for d in grid if d is not None and d != target]
    rng.shuffle(wrong)
    drop = len(wrong) - (k - 1)
    return wrong[drop:] if drop > 0 else wrong
