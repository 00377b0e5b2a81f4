"""date_understanding (seen): work out a date from a short story. A procedural re-creation.

This is a procedural re-creation of BIG-Bench Hard's "date understanding" task, not a copy
of its data: the original scored 63 fixed items from BBH's ``date_understanding.json`` and
judged answers with GPT-4o. Here every instance is a fresh story generated from a bundled
set of templates (written for this repository; nothing is downloaded), the reference is
computed with ``datetime`` arithmetic, and answers are judged by program.

Rules stated in every question: the (proleptic) Gregorian calendar with its leap-year
rule; a week is 7 days and 24 hours is one day; "N months ago / from today" keeps the day
of the month and moves the month, "N years ..." keeps month and day; dates written with
slashes are month/day/year unless the story says otherwise (the UK template says day
first).

A story fixes a reference date (usually "today") through an *anchor* template, then asks
for a date at a day, month or year offset from it. Templates (21 in all, grouped by
level):

* direct (L1-L2): "Today is <date>", "Today is <weekday>, <date>", "The current local time
  is ... on MM/DD/YYYY", "<name> has <activity> today, <date>".
* indirect, BBH-like (L3): yesterday was / tomorrow is <date>; a UK day-first date;
  "exactly N days have passed since <date>"; an N-year wedding anniversary; a fixed-date
  holiday ("Today is Christmas Eve of 1937"); N eggs eaten one a day, the last one today;
  "<name> thought today was X, but it is k days later"; "It was <date> N days ago".
* two-hop (L4): the k-th weekday of a month or of a year, or the last weekday of a month,
  given the weekday of the 1st; an anniversary plus or minus N days; a UK-format date plus
  N days; a holiday plus or minus N days.
* chains (L5): 3-4 chained relative statements between named events, starting either
  from a stated date or from an indirect "today" anchor; each statement is phrased
  forwards ("B is 9 days after A") or backwards ("A is 9 days before B").

Offsets by level: +-1 day (L1); 7, 10 or 14 days crossing a month boundary (L2); 1, 2, 7
or 10 days where some day-step of the story crosses a year boundary or a leap day (L3);
month and year offsets (L4); day offsets where some day-step crosses the end of February
of a century year, so that the 1700/1800/1900 (not leap) versus 1600/2000 (leap) rule
matters (L5). Month and year offsets are generated only when the same day of the month
exists in the target month (no Feb-29 or 31st edge).

Answers. L1-L3 are multiple choice with six options, ``<<<(C)>>>``; accepted forms are
``(C)``, ``C`` or ``(C) 03/01/1900`` (case-insensitive letter; a date given after the
letter must be that option's date). Distractors are distinct valid dates: the reference
date itself, the offset applied the wrong way, +-1 and +-7 days, +-1 year, a neighbouring
month, day and month swapped, and year typos (last two digits swapped, +-10 and +-100
years). The correct letter is balanced exactly by the instance index: instance ``index``
puts the correct date at option position ``index % options`` (A for 0, B for 1, ...), so
every run of ``options`` consecutive indices (six at the presets) uses each letter once.
The index decides nothing else; the distractors are drawn, in random order, with the
instance RNG and fill the other positions. The example letter in the prompt is a random
wrong option. L4-L5 ask for a free date, ``<<<MM/DD/YYYY>>>``, parsed strictly as ``M{1,2}/D{1,2}/YYYY`` and compared as a date.

``size`` counts the computation steps (the anchor's date steps, the chain statements and
the final offset) plus one for free-text answers.

Original defects avoided: the GPT-4o judge passed any reply containing "correct"
(including "Incorrect"); the 63 items were a small fixed subset; the prompts did not state
the month/year offset convention.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

from symbench.answer import short
from symbench.contract import GenerationError, SymbolicTask, TaskConfig, Verdict

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NAMES = (
    "Jane", "John", "Alice", "Bob", "Maria", "Omar", "Priya", "Chen", "Fatima", "Lucas",
    "Sofia", "Kenji", "Amara", "Diego", "Elena", "Noah", "Ingrid", "Tariq", "Yuki", "Carmen",
)
ACTIVITIES = (
    "a dentist appointment", "a job interview", "a piano recital", "a chemistry exam",
    "a flight to Lisbon", "a chess match", "a doctor's appointment", "a football final",
)
HOLIDAYS = (
    ("New Year's Day", 1, 1), ("Valentine's Day", 2, 14), ("St. Patrick's Day", 3, 17),
    ("April Fools' Day", 4, 1), ("Halloween", 10, 31), ("Christmas Eve", 12, 24),
    ("Christmas Day", 12, 25), ("New Year's Eve", 12, 31),
)
EVENTS = (
    "the book fair", "the charity gala", "the chess tournament", "the science fair",
    "the harvest festival", "the town hall meeting", "the jazz concert", "the art exhibition",
    "the marathon", "the robotics contest", "the film premiere", "the spelling bee",
    "the regatta", "the flower show", "the product launch", "the board meeting",
)
DATE_FORMATS = ("long", "abbr", "us", "ord")
ANCHORS = ("direct", "indirect", "two_hop", "chain")
OFFSETS = ("one_day", "week", "year_or_leap", "month_year", "century_leap")
ANSWER_FORMATS = ("mc", "free")
LETTERS = "ABCDEFGHIJ"
_MAX_ATTEMPTS = 3_000
_PER_TEMPLATE = 200
_FREE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MC_RE = re.compile(r"\(([A-Za-z])\)(?:\s+(.*))?|([A-Za-z])", re.DOTALL)


# --------------------------------------------------------------------------- calendar


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)


def add_months(d: date, n: int) -> date | None:
    """Same day of the month, ``n`` months later; ``None`` when that day does not exist."""
    total = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(total, 12)
    if not 1 <= year <= 9999 or d.day > days_in_month(year, month0 + 1):
        return None
    return date(year, month0 + 1, d.day)


def add_years(d: date, n: int) -> date | None:
    return add_months(d, 12 * n)


def shift(d: date, unit: str, n: int) -> date | None:
    try:
        if unit == "day":
            return add_days(d, n)
        if unit == "week":
            return add_days(d, 7 * n)
        if unit == "month":
            return add_months(d, n)
        return add_years(d, n)
    except (OverflowError, ValueError):
        return None


def _d(s: str) -> date:
    return date.fromisoformat(s)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def mdy(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year:04d}"


def fmt_date(d: date, style: str) -> str:
    if style == "abbr":
        return f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
    if style == "us":
        return mdy(d)
    if style == "ord":
        return f"{MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _amount(n: int, unit: str) -> str:
    words = {1: "one", 2: "two", 3: "three"}
    if n == 1:
        return f"one {unit}"
    return f"{words.get(n, n)} {unit}s" if unit == "week" else f"{n} {unit}s"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------- templates
# Every template has
#   build(rng, base, ctx) -> facts | None : facts whose story puts the reference date at ``base``
#   resolve(facts) -> (base, hops)         : forward computation; hops are (from, to, unit)
#   render(facts) -> (story, ref)          : ref None means the query is relative to today
# and optionally propose(rng, ctx) -> date, for templates that pin the date themselves.


class _Template:
    group = ""
    name = ""

    def propose(self, rng: random.Random, ctx: dict) -> date | None:  # noqa: ARG002
        return None

    def build(self, rng: random.Random, base: date, ctx: dict) -> dict | None:
        raise NotImplementedError

    def resolve(self, f: dict) -> tuple[date, list]:
        raise NotImplementedError

    def render(self, f: dict) -> tuple[str, str | None]:
        raise NotImplementedError


class TodayIs(_Template):
    group, name = "direct", "today_is"

    def build(self, rng, base, ctx):
        return {"today": base.isoformat(), "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        return _d(f["today"]), []

    def render(self, f):
        return f"Today is {fmt_date(_d(f['today']), f['fmt'])}.", None


class TodayWeekday(_Template):
    group, name = "direct", "today_weekday"

    def build(self, rng, base, ctx):
        return {"today": base.isoformat(), "fmt": rng.choice(("long", "abbr", "ord"))}

    def resolve(self, f):
        return _d(f["today"]), []

    def render(self, f):
        d = _d(f["today"])
        return f"Today is {WEEKDAYS[d.weekday()]}, {fmt_date(d, f['fmt'])}.", None


class LocalTime(_Template):
    group, name = "direct", "local_time"

    def build(self, rng, base, ctx):
        return {"today": base.isoformat(), "hour": rng.randint(1, 12), "minute": rng.randint(0, 59), "pm": rng.random() < 0.5}

    def resolve(self, f):
        return _d(f["today"]), []

    def render(self, f):
        ampm = "pm" if f["pm"] else "am"
        return f"The current local time is {f['hour']}:{f['minute']:02d} {ampm} on {mdy(_d(f['today']))}.", None


class Plan(_Template):
    group, name = "direct", "plan"

    def build(self, rng, base, ctx):
        return {
            "today": base.isoformat(),
            "name": rng.choice(NAMES),
            "activity": rng.choice(ACTIVITIES),
            "fmt": rng.choice(DATE_FORMATS),
        }

    def resolve(self, f):
        return _d(f["today"]), []

    def render(self, f):
        return f"{f['name']} has {f['activity']} today, {fmt_date(_d(f['today']), f['fmt'])}.", None


class YesterdayWas(_Template):
    group, name = "indirect", "yesterday_was"

    def build(self, rng, base, ctx):
        return {"yesterday": add_days(base, -1).isoformat(), "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        y = _d(f["yesterday"])
        t = add_days(y, 1)
        return t, [(y, t, "day")]

    def render(self, f):
        return f"Yesterday was {fmt_date(_d(f['yesterday']), f['fmt'])}.", None


class TomorrowIs(_Template):
    group, name = "indirect", "tomorrow_is"

    def build(self, rng, base, ctx):
        return {"tomorrow": add_days(base, 1).isoformat(), "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        m = _d(f["tomorrow"])
        t = add_days(m, -1)
        return t, [(m, t, "day")]

    def render(self, f):
        return f"Tomorrow is {fmt_date(_d(f['tomorrow']), f['fmt'])}.", None


class UkFormat(_Template):
    group, name = "indirect", "uk_format"

    def build(self, rng, base, ctx):
        return {"today": base.isoformat()}

    def resolve(self, f):
        return _d(f["today"]), []

    def render(self, f):
        d = _d(f["today"])
        return (
            "In the UK, people usually write the day before the month when formatting a date (DD/MM/YYYY). "
            f"Written that way, today is {d.day:02d}/{d.month:02d}/{d.year:04d}.",
            None,
        )


class DaysSince(_Template):
    group, name = "indirect", "days_since"

    def build(self, rng, base, ctx):
        n = rng.randint(20, 400)
        return {"start": add_days(base, -n).isoformat(), "n": n, "name": rng.choice(NAMES), "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        s = _d(f["start"])
        t = add_days(s, f["n"])
        return t, [(s, t, "day")]

    def render(self, f):
        return (
            f"{f['name']} moved to a new city on {fmt_date(_d(f['start']), f['fmt'])}. Today, exactly {f['n']} days "
            "have passed since that day.",
            None,
        )


class Anniversary(_Template):
    group, name = "indirect", "anniversary"

    def build(self, rng, base, ctx):
        if base.month == 2 and base.day == 29:
            return None
        k = rng.randint(1, 60)
        wedding = add_years(base, -k)
        if wedding is None:
            return None
        a, b = rng.sample(NAMES, 2)
        return {"wedding": wedding.isoformat(), "k": k, "a": a, "b": b, "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        w = _d(f["wedding"])
        t = add_years(w, f["k"])
        return t, [(w, t, "year")]

    def render(self, f):
        return (
            f"{f['a']} and {f['b']} got married on {fmt_date(_d(f['wedding']), f['fmt'])}. "
            f"Today is their {f['k']}-year wedding anniversary.",
            None,
        )


class Holiday(_Template):
    group, name = "indirect", "holiday"

    def propose(self, rng, ctx):
        _, month, day = rng.choice(HOLIDAYS)
        return date(rng.randint(*ctx["years"]), month, day)

    def build(self, rng, base, ctx):
        for i, (_, month, day) in enumerate(HOLIDAYS):
            if (base.month, base.day) == (month, day):
                return {"holiday": i, "year": base.year}
        return None

    def resolve(self, f):
        _, month, day = HOLIDAYS[f["holiday"]]
        return date(f["year"], month, day), []

    def render(self, f):
        return f"Today is {HOLIDAYS[f['holiday']][0]} of {f['year']}.", None


class Eggs(_Template):
    group, name = "indirect", "eggs"

    def build(self, rng, base, ctx):
        n = rng.randint(6, 60)
        return {"start": add_days(base, -(n - 1)).isoformat(), "n": n, "name": rng.choice(NAMES), "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        s = _d(f["start"])
        t = add_days(s, f["n"] - 1)
        return t, [(s, t, "day")]

    def render(self, f):
        return (
            f"{f['name']} bought {f['n']} eggs and ate exactly one egg every day, the first one on "
            f"{fmt_date(_d(f['start']), f['fmt'])}. {f['name']} ate the last egg today.",
            None,
        )


class Thought(_Template):
    group, name = "indirect", "thought"

    def build(self, rng, base, ctx):
        k = rng.randint(1, 3)
        return {"thought": add_days(base, -k).isoformat(), "k": k, "name": rng.choice(NAMES)}

    def resolve(self, f):
        s = _d(f["thought"])
        t = add_days(s, f["k"])
        return t, [(s, t, "day")]

    def render(self, f):
        days = "1 day" if f["k"] == 1 else f"{f['k']} days"
        return (
            f"{f['name']} thought today was {mdy(_d(f['thought']))}, but today is actually {days} later than that.",
            None,
        )


class AgoWas(_Template):
    group, name = "indirect", "ago_was"

    def build(self, rng, base, ctx):
        n = rng.choice((7, 7, 3, 5, 12, 30))
        return {"then": add_days(base, -n).isoformat(), "n": n, "fmt": rng.choice(DATE_FORMATS)}

    def resolve(self, f):
        s = _d(f["then"])
        t = add_days(s, f["n"])
        return t, [(s, t, "day")]

    def render(self, f):
        ago = "a week" if f["n"] == 7 else f"{f['n']} days"
        return f"It was {fmt_date(_d(f['then']), f['fmt'])} {ago} ago.", None


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


# --------------------------------------------------------------------------- options


def _distractors(target: date, base: date, query: dict) -> list[date]:
    found: list[date | None] = [
        base,
        shift(base, query["unit"], -query["n"]),
        shift(target, "day", 1),
        shift(target, "day", -1),
        shift(target, "day", 7),
        shift(target, "day", -7),
        shift(target, "year", 1),
        shift(target, "year", -1),
        shift(target, "month", 1),
        shift(target, "month", -1),
        shift(target, "year", 10),
        shift(target, "year", -100),
        shift(target, "year", 100),
    ]
    if target.day <= 12:
        try:
            found.append(date(target.year, target.day, target.month))
        except ValueError:
            pass
    y = target.year
    swapped = y - y % 100 + (y % 10) * 10 + (y % 100) // 10
    if 1000 <= swapped <= 9999:
        found.append(shift(target, "year", swapped - y))
    out: list[date] = []
    for d in found:
        if d is not None and d != target and d not in out and 1000 <= d.year <= 9999:
            out.append(d)
    return out


# --------------------------------------------------------------------------- task


@dataclass(frozen=True)
class DateUnderstandingConfig(TaskConfig):
    anchor: str = "indirect"
    offset: str = "year_or_leap"
    answer_format: str = "mc"
    years: tuple[int, int] = (1600, 2100)
    chain_steps: tuple[int, int] = (3, 4)
    options: int = 6

    def validate(self) -> None:
        self.require_choice("anchor", ANCHORS)
        self.require_choice("offset", OFFSETS)
        self.require_choice("answer_format", ANSWER_FORMATS)
        self.require_range("years", 1100, 2900)
        self.require_range("chain_steps", 1, 8)
        self.require_int("options", 3, len(LETTERS))


class DateUnderstanding(SymbolicTask):
    name = "date_understanding"
    split = "seen"
    description = "Work out a date in MM/DD/YYYY from a short story (procedural re-creation of BBH date understanding)."
    answer_mode = "unique"
    version = 1
    display_name = "Date Understanding"
    paper_order = 6
    family = "logic"
    origin = "recreated"
    Config = DateUnderstandingConfig
    presets = {
        1: DateUnderstandingConfig(anchor="direct", offset="one_day"),
        2: DateUnderstandingConfig(anchor="direct", offset="week"),
        3: DateUnderstandingConfig(anchor="indirect", offset="year_or_leap"),
        4: DateUnderstandingConfig(anchor="two_hop", offset="month_year", answer_format="free"),
        5: DateUnderstandingConfig(anchor="chain", offset="century_leap", answer_format="free"),
    }

    def generate(self, rng: random.Random, config: DateUnderstandingConfig, index: int) -> dict:
        ctx = {"years": config.years, "chain_steps": config.chain_steps}
        lo_date, hi_date = date(config.years[0], 1, 1), date(config.years[1], 12, 31)
        template = TEMPLATES[rng.choice(GROUPS[config.anchor])]
        for attempt in range(_MAX_ATTEMPTS):
            if attempt % _PER_TEMPLATE == _PER_TEMPLATE - 1:
                # a template that keeps failing under this config is replaced (drawing the template first
                # and retrying the rest keeps the templates of a level equally likely)
                template = TEMPLATES[rng.choice(GROUPS[config.anchor])]
            query = _sample_query(rng, config.offset)
            base = template.propose(rng, ctx) or _sample_base(rng, config.offset, ctx)
            if base is None or not lo_date <= base <= hi_date:
                continue
            facts = template.build(rng, base, ctx)
            if facts is None:
                continue
            again, hops = template.resolve(facts)
            if again != base:
                raise GenerationError(f"date_understanding: template {template.name} resolves to {again}, built for {base}")
            target = shift(base, query["unit"], query["n"])
            if target is None:
                continue
            query_hop = (base, target, query["unit"])
            if not all(lo_date <= d <= hi_date for a, b, _ in hops + [query_hop] for d in (a, b)):
                continue
            if not _meets(config.offset, hops, query_hop):
                continue
            params = {
                "template": template.name,
                "facts": facts,
                "query": query,
                "answer_format": config.answer_format,
                "offset": config.offset,
                "steps": len(hops) + 1,
                "options": [],
                "example": "",
            }
            if config.answer_format == "mc":
                pool = _distractors(target, base, query)
                if len(pool) < config.options - 1:
                    continue
                chosen = rng.sample(pool, config.options - 1)
                chosen.insert(index % config.options, target)  # correct letter balanced by index, nothing else
                params["options"] = [d.isoformat() for d in chosen]
                correct = chosen.index(target)
                params["example"] = f"({LETTERS[rng.choice([i for i in range(config.options) if i != correct])]})"
            else:
                params["example"] = "07/04/1776" if target != date(1776, 7, 4) else "12/25/1850"
            return params
        raise GenerationError(f"date_understanding: no instance for {config} in {_MAX_ATTEMPTS} attempts")

    # -- reference ----------------------------------------------------------
    @staticmethod
    def target(params: dict) -> date:
        base, _ = TEMPLATES[params["template"]].resolve(params["facts"])
        q = params["query"]
        target = shift(base, q["unit"], q["n"])
        if target is None:
            raise GenerationError("date_understanding: the query has no valid date")
        return target

    def solve(self, params: dict) -> str:
        target = self.target(params)
        if params["answer_format"] == "free":
            return mdy(target)
        options = [_d(s) for s in params["options"]]
        if options.count(target) != 1:
            raise GenerationError("date_understanding: the correct date is not exactly one option")
        return f"({LETTERS[options.index(target)]})"

    def question(self, params: dict) -> str:
        template = TEMPLATES[params["template"]]
        story, ref = template.render(params["facts"])
        ask = f"What is the date {_query_phrase(params['query'], ref)} in MM/DD/YYYY?"
        rules = (
            "Use the Gregorian calendar for every year (also before it was historically adopted): a year is a "
            "leap year if it is divisible by 4, except that years divisible by 100 are leap years only when they "
            "are also divisible by 400. A week is 7 days and 24 hours is one day. 'N months ago' or 'N months "
            "from/after/before' keeps the day of the month and moves the month by N; 'N years ...' keeps the month "
            "and day. Dates written with slashes are month/day/year (MM/DD/YYYY) unless the text says otherwise."
        )
        if params["answer_format"] == "mc":
            opts = "\n".join(f"({LETTERS[i]}) {mdy(_d(s))}" for i, s in enumerate(params["options"]))
            tail = (
                f"Options:\n{opts}\n\n"
                "Answer with the letter of the correct option in parentheses. Return your final answer inside "
                f"triple angle brackets, for example <<<{params['example']}>>>."
            )
        else:
            tail = (
                "Answer with the date in the form MM/DD/YYYY (month, day, four-digit year). Return your final answer "
                f"inside triple angle brackets, for example <<<{params['example']}>>>."
            )
        return f"{story} {ask}\n\n{rules}\n\n{tail}"

    def check(self, params: dict, answer: str) -> Verdict:
        text = answer.strip()
        if len(text) > 200:
            return Verdict.fail("answer is too long for a date or an option letter")
        target = self.target(params)
        if params["answer_format"] == "free":
            got = _parse_mdy(text)
            if isinstance(got, str):
                return Verdict.fail(got)
            return Verdict.ok() if got == target else Verdict.fail(f"wrong date {mdy(got)}")
        m = _MC_RE.fullmatch(text)
        if not m:
            return Verdict.fail(f"expected an option letter such as (B), got {short(text)}")
        letter = (m.group(1) or m.group(3)).upper()
        options = [_d(s) for s in params["options"]]
        index = LETTERS.find(letter)
        if index < 0 or index >= len(options):
            return Verdict.fail(f"there is no option ({letter})")
        if m.group(2) is not None:
            got = _parse_mdy(m.group(2).strip())
            if isinstance(got, str) or got != options[index]:
                return Verdict.fail(f"the date after ({letter}) is not the date of option ({letter})")
        if options[index] != target:
            return Verdict.fail(f"wrong option ({letter})")
        return Verdict.ok()

    def size(self, params: dict) -> float:
        return params["steps"] + (1 if params["answer_format"] == "free" else 0)


def _parse_mdy(text: str) -> date | str:
    m = _FREE_RE.fullmatch(text)
    if not m:
        return f"expected a date MM/DD/YYYY, got {short(text)}"
    month, day, year = (int(g) for g in m.groups())
    if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month) or year < 1:
        return f"{text} is not a valid date"
    return date(year, month, day)
