"""Calendar arithmetic on TIMEX3 values: weeks, month sums, shifts by a unit, and the inclusive
interval of days a value (``2021-W42``, ``2021-SU``, ``202``) denotes, narrowed by its mod."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from ...lexicon import temporal

# The granularity whose anchor an anaphoric unit counts from, and a value's placeholder.
UNIT_GRANULARITY = {"day": "day", "hour": "day", "minute": "day", "second": "day", "week": "week",
                    "weekend": "week", "fortnight": "week", "month": "month", "quarter": "month",
                    "year": "year", "decade": "year", "century": "year"}
UNKNOWN_VALUES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "fortnight": "XXXX-WXX",
                  "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}


def monday(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def week_value(day: dt.date) -> str:
    """``2021-W42``: the ISO week of ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """The (year, month) ``n`` months after (or before) ``year``-``month``."""
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def shift(base: dt.date, unit: str, n: int) -> str:
    """The value ``n`` units from ``base``, at the unit's granularity ("a year ago" is a year)."""
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit in ("day", "hour", "minute", "second"):
        return (base + dt.timedelta(days=n if unit == "day" else 0)).isoformat()
    if unit in ("week", "weekend"):
        return week_value(base + dt.timedelta(weeks=n)) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return "%04d-%02d" % add_months(base.year, base.month, n)
    if unit == "quarter":
        index = base.year * 4 + (base.month - 1) // 3 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "decade":
        return f"{base.year // 10 + n:03d}"
    if unit == "century":
        return f"{base.year // 100 + n:02d}"
    return f"{base.year + n:04d}"


_VALUE_FORMS = [
    ("day", re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")),
    ("week", re.compile(r"(\d{4})-W(\d\d)(-WE)?")),
    ("month", re.compile(r"(\d{4})-(\d\d)")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("year", re.compile(r"(\d{4})")),
    ("decade", re.compile(r"(\d{3})")),
    ("century", re.compile(r"(\d{2})")),
]


def calendar_span(value: str) -> tuple[str, dt.date, dt.date] | None:
    """Granularity and inclusive first/last day of a TIMEX3 value, or None if not on the calendar."""
    for granularity, form in _VALUE_FORMS:
        m = form.fullmatch(value)
        if m:
            break
    else:
        return None
    year = int(m[1])
    try:
        if granularity == "day":
            day = dt.date(year, int(m[2]), int(m[3]))
            return granularity, day, day
        if granularity == "week":
            first_day = dt.date.fromisocalendar(year, int(m[2]), 1)
            if m[3]:
                return "weekend", first_day + dt.timedelta(days=5), first_day + dt.timedelta(days=6)
            return granularity, first_day, first_day + dt.timedelta(days=6)
        if granularity == "month":
            return granularity, dt.date(year, int(m[2]), 1), month_end(year, int(m[2]))
        if granularity in ("quarter", "half"):
            months = 3 if granularity == "quarter" else 6
            first = (int(m[2]) - 1) * months + 1
            return granularity, dt.date(year, first, 1), month_end(year, first + months - 1)
        if granularity == "season":
            first, last = temporal()["season_months"][m[2]]
            return granularity, dt.date(year, first, 1), month_end(year + (last < first), last)
        if granularity == "year":
            return granularity, dt.date(year, 1, 1), dt.date(year, 12, 31)
        span = 10 if granularity == "decade" else 100
        return granularity, dt.date(year * span, 1, 1), dt.date(year * span + span - 1, 12, 31)
    except ValueError:
        return None


def narrow(granularity: str, start: dt.date, end: dt.date, mod: str) -> tuple[dt.date, dt.date]:
    """The part of ``start``–``end`` a START/MID/END mod denotes (early August: 1–10)."""
    first, last = temporal()["part_ranges"].get(granularity, {}).get(mod, (None, None))
    if first is None:
        return start, end
    if granularity == "month":
        return start.replace(day=first), start.replace(day=min(last, end.day))
    if granularity == "year":
        return dt.date(start.year, first, 1), month_end(start.year, last)
    if granularity == "week":
        return start + dt.timedelta(days=first - 1), start + dt.timedelta(days=last - 1)
    if granularity == "season":
        y1, m1 = add_months(start.year, start.month, first)
        y2, m2 = add_months(start.year, start.month, last)
        return dt.date(y1, m1, 1), month_end(y2, m2)
    return dt.date(start.year + first, 1, 1), dt.date(start.year + last, 12, 31)


def interval(value: str, mod: str) -> tuple[dt.date, dt.date] | None:
    """The inclusive calendar interval a DATE/TIME value denotes, narrowed by its mod."""
    found = calendar_span(value)
    return narrow(*found, mod) if found else None
