"""The two-hop and chain story templates of date_understanding (levels 4-5), and the registry.

Two-hop anchors (the k-th or last weekday of a month or year, an anniversary, a UK-format
date or a holiday plus or minus N days) and the chains of relative statements between named
events, starting from a stated date or from an indirect "today" anchor. :data:`TEMPLATES`
holds every template by name and :data:`GROUPS` the template names of each anchor group.
"""

from __future__ import annotations

import random
from datetime import date

from ._calendar import MONTHS, WEEKDAYS, _amount, _cap, _d, _ordinal, add_days, add_years, days_in_month, fmt_date
from ._templates_simple import (
    DATE_FORMATS,
    EVENTS,
    HOLIDAYS,
    NAMES,
    AgoWas,
    Anniversary,
    DaysSince,
    Eggs,
    Holiday,
    LocalTime,
    Plan,
    Thought,
    TodayIs,
    TodayWeekday,
    TomorrowIs,
    UkFormat,
    YesterdayWas,
    _Template,
)

ANCHORS = ("direct", "indirect", "two_hop", "chain")


def _first_weekday(year: int, month: int) -> int:
    return date(year, month, 1).weekday()


class NthWeekdayMonth(_Template):
    group, name = "two_hop", "nth_weekday_month"

    def build(self, rng, base, ctx):
        return {"year": base.year, "month": base.month, "k": (base.day - 1) // 7 + 1, "weekday": base.weekday()}

    def resolve(self, f):
        first = date(f["year"], f["month"], 1)
        d = add_days(first, (f["weekday"] - first.weekday()) % 7 + 7 * (f["k"] - 1))
        return d, [(first, d, "day")]

    def render(self, f):
        m = MONTHS[f["month"] - 1]
        return (
            f"Today is the {_ordinal(f['k'])} {WEEKDAYS[f['weekday']]} of {m} {f['year']}. "
            f"{m} 1, {f['year']} fell on a {WEEKDAYS[_first_weekday(f['year'], f['month'])]}.",
            None,
        )


class NthWeekdayYear(_Template):
    group, name = "two_hop", "nth_weekday_year"

    def build(self, rng, base, ctx):
        doy = base.timetuple().tm_yday
        if doy > 91:
            return None
        return {"year": base.year, "k": (doy - 1) // 7 + 1, "weekday": base.weekday()}

    def resolve(self, f):
        first = date(f["year"], 1, 1)
        d = add_days(first, (f["weekday"] - first.weekday()) % 7 + 7 * (f["k"] - 1))
        return d, [(first, d, "day")]

    def render(self, f):
        return (
            f"Today is the {_ordinal(f['k'])} {WEEKDAYS[f['weekday']]} of the year {f['year']}. "
            f"January 1, {f['year']} fell on a {WEEKDAYS[_first_weekday(f['year'], 1)]}.",
            None,
        )


class LastWeekdayMonth(_Template):
    group, name = "two_hop", "last_weekday_month"

    def build(self, rng, base, ctx):
        if base.day + 7 <= days_in_month(base.year, base.month):
            return None
        return {"year": base.year, "month": base.month, "weekday": base.weekday()}

    def resolve(self, f):
        first = date(f["year"], f["month"], 1)
        last = date(f["year"], f["month"], days_in_month(f["year"], f["month"]))
        d = add_days(last, -((last.weekday() - f["weekday"]) % 7))
        return d, [(first, d, "day")]

    def render(self, f):
        m = MONTHS[f["month"] - 1]
        return (
            f"Today is the last {WEEKDAYS[f['weekday']]} of {m} {f['year']}. "
            f"{m} 1, {f['year']} fell on a {WEEKDAYS[_first_weekday(f['year'], f['month'])]}.",
            None,
        )


class AnniversaryDays(_Template):
    group, name = "two_hop", "anniversary_days"

    def build(self, rng, base, ctx):
        n = rng.randint(2, 45)
        sign = rng.choice((1, -1))
        anniv = add_days(base, -sign * n)
        if anniv.month == 2 and anniv.day == 29:
            return None
        k = rng.randint(1, 60)
        wedding = add_years(anniv, -k)
        if wedding is None:
            return None
        a, b = rng.sample(NAMES, 2)
        return {"wedding": wedding.isoformat(), "k": k, "n": n, "sign": sign, "a": a, "b": b, "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        w = _d(f["wedding"])
        anniv = add_years(w, f["k"])
        t = add_days(anniv, f["sign"] * f["n"])
        return t, [(w, anniv, "year"), (anniv, t, "day")]

    def render(self, f):
        when = f"was {f['n']} days ago" if f["sign"] > 0 else f"is {f['n']} days from today"
        return (
            f"{f['a']} and {f['b']} got married on {fmt_date(_d(f['wedding']), f['fmt'])}. "
            f"Their {f['k']}-year wedding anniversary {when}.",
            None,
        )


class UkDays(_Template):
    group, name = "two_hop", "uk_days"

    def build(self, rng, base, ctx):
        n = rng.randint(2, 40)
        return {"dated": add_days(base, -n).isoformat(), "n": n, "name": rng.choice(NAMES)}

    def resolve(self, f):
        s = _d(f["dated"])
        t = add_days(s, f["n"])
        return t, [(s, t, "day")]

    def render(self, f):
        d = _d(f["dated"])
        return (
            f"{f['name']} received a letter from a friend in the UK, who writes dates day first (DD/MM/YYYY). "
            f"The letter is dated {d.day:02d}/{d.month:02d}/{d.year:04d}, and it arrived today, {f['n']} days "
            "after that date.",
            None,
        )


class HolidayDays(_Template):
    group, name = "two_hop", "holiday_days"

    def build(self, rng, base, ctx):
        options = []
        for i, (_, month, day) in enumerate(HOLIDAYS):
            for year in (base.year - 1, base.year, base.year + 1):
                if 1 <= year <= 9999:
                    gap = (base - date(year, month, day)).days
                    if 2 <= abs(gap) <= 100:
                        options.append((i, year, gap))
        if not options:
            return None
        i, year, gap = rng.choice(options)
        return {"holiday": i, "year": year, "gap": gap, "name": rng.choice(NAMES)}

    def resolve(self, f):
        _, month, day = HOLIDAYS[f["holiday"]]
        h = date(f["year"], month, day)
        t = add_days(h, f["gap"])
        return t, [(h, t, "day")]

    def render(self, f):
        hol = f"{HOLIDAYS[f['holiday']][0]} of {f['year']}"
        if f["gap"] > 0:
            return f"{f['name']} came home from a long journey today, {f['gap']} days after {hol}.", None
        return f"Today, {f['name']} starts counting down: {hol} is exactly {-f['gap']} days from today.", None


def _chain_shape(rng: random.Random, ctx: dict) -> list[dict]:
    steps = []
    for _ in range(rng.randint(*ctx["chain_steps"])):
        unit = "week" if rng.random() < 0.3 else "day"
        n = rng.randint(1, 6) if unit == "week" else rng.randint(1, 45)
        steps.append({"n": n, "unit": unit, "sign": rng.choice((1, -1)), "backwards": rng.random() < 0.4})
    return steps


def _step_days(step: dict) -> int:
    return step["sign"] * step["n"] * (7 if step["unit"] == "week" else 1)


def _chain_dates(start: date, steps: list[dict]) -> tuple[list[date], list]:
    dates = [start]
    hops = []
    for step in steps:
        nxt = add_days(dates[-1], _step_days(step))
        hops.append((dates[-1], nxt, "day"))
        dates.append(nxt)
    return dates, hops


def _chain_sentences(labels: list[str], steps: list[dict]) -> list[str]:
    """labels[0] may be 'today'; statement i links labels[i] and labels[i+1]."""
    out = []
    for i, step in enumerate(steps):
        prev, new = labels[i], labels[i + 1]
        amount = _amount(step["n"], step["unit"])
        later = step["sign"] > 0  # the new event is later than prev
        if prev == "today":
            if step["backwards"]:
                out.append(f"Today is {amount} {'before' if later else 'after'} {new}.")
            else:
                out.append(f"{_cap(new)} {'is' if later else 'was'} {amount} {'from today' if later else 'ago'}.")
        elif step["backwards"]:
            out.append(f"{_cap(prev)} is {amount} {'before' if later else 'after'} {new}.")
        else:
            out.append(f"{_cap(new)} is {amount} {'after' if later else 'before'} {prev}.")
    return out


class EventChain(_Template):
    group, name = "chain", "event_chain"

    def build(self, rng, base, ctx):
        steps = _chain_shape(rng, ctx)
        start = add_days(base, -sum(_step_days(s) for s in steps))
        events = rng.sample(EVENTS, len(steps) + 1)
        return {"start": start.isoformat(), "steps": steps, "events": events, "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        dates, hops = _chain_dates(_d(f["start"]), f["steps"])
        return dates[-1], hops

    def render(self, f):
        first = f"{_cap(f['events'][0])} was held on {fmt_date(_d(f['start']), f['fmt'])}."
        return " ".join([first, *_chain_sentences(f["events"], f["steps"])]), f["events"][-1]


#: indirect anchors that can put "today" on any date (used to start a chain)
_CHAIN_ANCHORS = ("yesterday_was", "tomorrow_is", "uk_format", "days_since", "eggs", "thought", "ago_was")


class AnchorChain(_Template):
    group, name = "chain", "anchor_chain"

    def build(self, rng, base, ctx):
        steps = _chain_shape(rng, ctx)
        today = add_days(base, -sum(_step_days(s) for s in steps))
        anchor = rng.choice(_CHAIN_ANCHORS)
        anchor_facts = TEMPLATES[anchor].build(rng, today, ctx)
        if anchor_facts is None:
            return None
        events = rng.sample(EVENTS, len(steps))
        return {"anchor": anchor, "anchor_facts": anchor_facts, "steps": steps, "events": events}

    def resolve(self, f):
        today, hops = TEMPLATES[f["anchor"]].resolve(f["anchor_facts"])
        dates, chain_hops = _chain_dates(today, f["steps"])
        return dates[-1], hops + chain_hops

    def render(self, f):
        story, _ = TEMPLATES[f["anchor"]].render(f["anchor_facts"])
        labels = ["today", *f["events"]]
        return " ".join([story, *_chain_sentences(labels, f["steps"])]), f["events"][-1]


TEMPLATES: dict[str, _Template] = {
    t.name: t
    for t in (
        TodayIs(), TodayWeekday(), LocalTime(), Plan(),
        YesterdayWas(), TomorrowIs(), UkFormat(), DaysSince(), Anniversary(), Holiday(), Eggs(), Thought(), AgoWas(),
        NthWeekdayMonth(), NthWeekdayYear(), LastWeekdayMonth(), AnniversaryDays(), UkDays(), HolidayDays(),
        EventChain(), AnchorChain(),
    )
}
GROUPS: dict[str, tuple[str, ...]] = {
    g: tuple(name for name, t in TEMPLATES.items() if t.group == g) for g in ANCHORS
}
