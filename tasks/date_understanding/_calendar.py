"""Calendar arithmetic and date wording for date_understanding (not a task).

The proleptic Gregorian leap-year rule, month lengths, day / month / year offsets (a month
or year offset keeps the day of the month and gives ``None`` when that day does not exist),
and the date styles and small phrases the stories and options are written with.
"""

from __future__ import annotations

from datetime import date, timedelta

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
