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
    for i, fallback in clocks.items():
        found[i] = _dated_clock(found[i], _date_of_time(found[i], found, fallback))
    return found


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
