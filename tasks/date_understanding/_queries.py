"""Queries, level constraints and distractors of date_understanding (not a task).

The offset a question asks for and its wording, the per-level conditions on the story's
day steps (crossing a month, a year boundary or leap day, or the end of February of a
century year), the sampling of the reference date that meets them, and the wrong options
of the multiple-choice levels.
"""

from __future__ import annotations

import random
from datetime import date

from ._calendar import _amount, add_days, is_leap, shift


# --------------------------------------------------------------------------- queries

_QUERY_DAYS = {
    "one_day": (1, -1),
    "week": (7, -7, 10, -10, 14, -14),
    "year_or_leap": (1, -1, 2, -2, 7, -7, 10, -10),
    "century_leap": (1, -1, 2, -2, 7, -7, 10, -10, 14, -14, 21, -21, 30, -30),
}


def _sample_query(rng: random.Random, offset: str) -> dict:
    if offset == "month_year":
        if rng.random() < 0.5:
            return {"unit": "month", "n": rng.choice((1, -1, 2, -2, 3, -3, 6, -6)), "style": rng.randint(0, 1)}
        return {"unit": "year", "n": rng.choice((1, -1, 2, -2, 5, -5, 10, -10)), "style": rng.randint(0, 1)}
    n = rng.choice(_QUERY_DAYS[offset])
    if offset == "century_leap" and rng.random() < 0.4:
        n = rng.choice((1, -1)) * rng.randint(3, 60)
    return {"unit": "day", "n": n, "style": rng.randint(0, 2)}


def _query_phrase(query: dict, ref: str | None) -> str:
    unit, n, style = query["unit"], query["n"], query["style"]
    k = abs(n)
    if ref is not None:
        if unit == "day" and k % 7 == 0 and style == 1:
            amount = _amount(k // 7, "week")
        else:
            amount = _amount(k, unit)
        return f"{amount} {'after' if n > 0 else 'before'} {ref}"
    if unit == "day":
        special = {
            1: ("tomorrow", "24 hours later", "one day from today"),
            -1: ("yesterday", "24 hours ago", "one day ago"),
            2: ("the day after tomorrow", "2 days from today", "the day after tomorrow"),
            -2: ("the day before yesterday", "2 days ago", "the day before yesterday"),
        }
        if n in special:
            return special[n][style]
        if k % 7 == 0 and style != 0:
            amount = _amount(k // 7, "week")
        else:
            amount = f"{k} days"
        return f"{amount} from today" if n > 0 else f"{amount} ago"
    amount = _amount(k, unit)
    return f"{amount} from today" if n > 0 else f"{amount} ago"


# --------------------------------------------------------------------------- constraints


def _span(a: date, b: date) -> tuple[date, date]:
    return (a, b) if a <= b else (b, a)


def _crosses_month(a: date, b: date) -> bool:
    return (a.year, a.month) != (b.year, b.month)


def _crosses_year_or_leap_day(a: date, b: date) -> bool:
    lo, hi = _span(a, b)
    if lo == hi:
        return False
    if lo.year != hi.year:
        return True
    return any(is_leap(y) and lo <= date(y, 2, 29) <= hi for y in range(lo.year, hi.year + 1))


def _crosses_century_february(a: date, b: date) -> bool:
    lo, hi = _span(a, b)
    return any(y % 100 == 0 and lo <= date(y, 2, 28) and hi >= date(y, 3, 1) for y in range(lo.year, hi.year + 1))


def _meets(offset: str, hops: list, query_hop: tuple) -> bool:
    day_hops = [h for h in hops + [query_hop] if h[2] == "day"]
    if offset == "week":
        return _crosses_month(query_hop[0], query_hop[1])
    if offset == "year_or_leap":
        return any(_crosses_year_or_leap_day(a, b) for a, b, _ in day_hops)
    if offset == "century_leap":
        return any(_crosses_century_february(a, b) for a, b, _ in day_hops)
    return True


def _sample_base(rng: random.Random, offset: str, ctx: dict) -> date | None:
    lo, hi = ctx["years"]
    if offset == "week":
        first = date(rng.randint(lo, hi), rng.randint(1, 12), 1)
        return add_days(first, rng.randint(-15, 14))
    if offset == "year_or_leap":
        if rng.random() < 0.5:
            return add_days(date(rng.randint(lo, hi), 1, 1), rng.randint(-12, 12))
        leaps = [y for y in range(lo, hi + 1) if is_leap(y)]
        if not leaps:
            return None
        return add_days(date(rng.choice(leaps), 2, 29), rng.randint(-12, 12))
    if offset == "century_leap":
        centuries = [y for y in range(lo, hi + 1) if y % 100 == 0]
        if not centuries:
            return None
        return add_days(date(rng.choice(centuries), 3, 1), rng.randint(-45, 45))
    start = date(lo, 1, 1).toordinal()
    return date.fromordinal(rng.randint(start, date(hi, 12, 31).toordinal()))
