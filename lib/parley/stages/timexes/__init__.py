"""Temporal expressions (TimeML TIMEX3): dates, times, durations and sets, found and normalised.

HeidelTime-style rules over the text, with the spaCy parse for what a regex cannot see ("May"
the modal or the month, a past or a future clause). Deictic expressions ("on Saturday", "last
week") resolve against the publication date, as HeidelTime's news mode does; anaphoric ones
("the next day", "the 29th", "that year") against the last date the text mentioned, falling
back to the publication date. Without a publication date relative values keep TimeML's ``X``
placeholders (``XXXX-WXX-6``) and get no calendar interval. The vocabulary lives in
``data/timex.json``, the modal verbs that set a clause's tense in ``data/modals.csv``.

The modules, in the order a timex is made: ``rules`` (the rule table and the matching),
``normalisers`` (what a match means; ``sets`` for the recurring times), ``context`` (tense and
reference dates), ``calendar`` (intervals, weeks, month arithmetic) and ``patterns`` (the regex
building blocks).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc

from ...models import Timex
from .calendar import interval
from .context import NormalisingContext
from .rules import candidates

__all__ = ["interval", "timexes"]

_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_CLOCK_THEN_DAY = re.compile(r"[ \t]*,?[ \t]*")  # "15:00 GMT Saturday", "3 p.m., Tuesday"
_DAY_THEN_CLOCK = re.compile(r"[ \t]*,?[ \t]*(?:at[ \t]+)?", re.IGNORECASE)  # "Tuesday at 3 p.m."


def timexes(doc: Doc, *, published: dt.date | str | None = None) -> list[Timex]:
    """Every TIMEX3 in ``doc`` in text order, normalised against the publication date ``published``
    (a date, a datetime or an ISO string; without one, relative values keep TimeML's ``X`` placeholders)."""
    ctx = NormalisingContext(doc, _as_date(published))
    found: list[Timex] = []
    clocks: dict[int, dt.date | None] = {}  # index in found -> the day anchor at that point
    for start, end, rule, m in candidates(ctx):
        reading = rule.norm(m, ctx)
        if reading is None:
            continue
        if reading.clock:
            clocks[len(found)] = ctx.ref("day")
        if reading.stamp:
            ctx.clock = reading.clock
        dated = reading.type in ("DATE", "TIME")
        span = reading.interval or (interval(reading.value, reading.mod) if dated else None)
        date_start, date_end = span or (None, None)
        found.append(Timex(start=start, end=end, text=ctx.text[start:end], sentence_id=ctx.sentence_id(start),
                           type=reading.type, value=reading.value or reading.clock, mod=reading.mod,
                           date_start=date_start, date_end=date_end))
        if dated and reading.value:
            ctx.remember(reading.value)
    found, clocks = _joined(found, clocks, ctx.text)
    for i, fallback in clocks.items():
        found[i] = _dated_clock(found[i], _date_of_time(found[i], found, fallback))
    return found


def _joined(found: list[Timex], clocks: dict[int, dt.date | None], text: str) -> tuple[list[Timex], dict]:
    """A day and a clock time written together are one TIME on that day (TimeML): "15:00 GMT Saturday",
    "Tuesday, January 27th, 2009 at 12:00 am"; "3 p.m. on Tuesday" stays two (the clock takes the day)."""
    joined: list[Timex] = []
    pending: dict[int, dt.date | None] = {}
    for i, timex in enumerate(found):
        last = len(joined) - 1
        if joined and last in pending and i not in clocks and _on_a_day(timex) and \
                _CLOCK_THEN_DAY.fullmatch(text, joined[last].end, timex.start):
            pending.pop(last)
            joined[last] = _dated_clock(_spanning(joined[last], timex, text), timex.value[:10])
        elif joined and last not in pending and i in clocks and _on_a_day(joined[last]) and \
                _DAY_THEN_CLOCK.fullmatch(text, joined[last].end, timex.start):
            joined[last] = _dated_clock(_spanning(timex, joined[last], text), joined[last].value[:10])
        else:
            if i in clocks:
                pending[len(joined)] = clocks[i]
            joined.append(timex)
    return joined, pending


def _on_a_day(timex: Timex) -> bool:
    return timex.type == "DATE" and bool(_DAY_VALUE.fullmatch(timex.value))


def _spanning(clock: Timex, day: Timex, text: str) -> Timex:
    """The clock timex stretched over the day written with it."""
    start, end = min(clock.start, day.start), max(clock.end, day.end)
    return dataclasses.replace(clock, start=start, end=end, text=text[start:end],
                               sentence_id=min(clock.sentence_id, day.sentence_id))


def _dated_clock(clock: Timex, day: str) -> Timex:
    """A clock time ("15:00") put on its day (``2019-05-17T15:00``)."""
    date_start, date_end = interval(day, "") or (None, None)
    return dataclasses.replace(clock, value=f"{day}T{clock.value}", date_start=date_start, date_end=date_end)


def _date_of_time(pending: Timex, resolved: list[Timex], fallback: dt.date | None) -> str:
    """The day a clock time falls on: the nearest day in its sentence, else the anchor."""
    days = [t for t in resolved if t.sentence_id == pending.sentence_id and t.type in ("DATE", "TIME")
            and _DAY_VALUE.match(t.value)]
    if days:
        nearest = min(days, key=lambda t: min(abs(t.start - pending.end), abs(pending.start - t.end)))
        return nearest.value[:10]
    return fallback.isoformat() if fallback else "XXXX-XX-XX"


def _as_date(published) -> dt.date | None:
    """The publication date from a date, a datetime or an ISO string."""
    if published is None or isinstance(published, dt.date) and not isinstance(published, dt.datetime):
        return published
    return published.date() if isinstance(published, dt.datetime) else dt.date.fromisoformat(str(published))
