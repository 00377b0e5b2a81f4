"""The direct and indirect story templates of date_understanding (levels 1-3).

The template interface (:class:`_Template`), the vocabulary the stories draw on (names,
activities, fixed-date holidays, events, date styles), the direct anchors ("Today is
<date>", ...) and the BBH-like indirect ones (yesterday / tomorrow, a UK day-first date,
days since, anniversaries, holidays, eggs, a mistaken day, "N days ago").
"""

from __future__ import annotations

import random
from datetime import date

from ._calendar import WEEKDAYS, _d, add_days, add_years, fmt_date, mdy

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
