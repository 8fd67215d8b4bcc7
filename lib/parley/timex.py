"""Temporal expressions (TimeML TIMEX3): dates, times, durations and sets, found and normalised.

HeidelTime-style rules over the text, with the spaCy parse for what a regex cannot see ("May"
the modal or the month, a past or a future clause). Deictic expressions ("on Saturday", "last
week") resolve against the publication date, as HeidelTime's news mode does; anaphoric ones
("the next day", "the 29th", "that year") against the last date the text mentioned, falling
back to the publication date. Without a publication date relative values keep TimeML's ``X``
placeholders (``XXXX-WXX-6``) and get no calendar interval. The vocabulary lives in
``data/timex.json``.
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Callable

from spacy.attrs import IDX, LOWER, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .models import Timex

if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)

_DATA = json.loads((Path(__file__).parent / "data" / "timex.json").read_text(encoding="utf-8"))

_PAST, _PRESENT, _FUTURE, _NEAREST = "PAST", "PRESENT", "FUTURE", "NEAREST"

_MONTHS: dict[str, int] = _DATA["months"] | _DATA["month_abbreviations"]
_UNITS: dict[str, str] = _DATA["units"]
_NUMBERS: dict[str, int] = _DATA["numbers"]
_ORDINALS: dict[str, int] = _DATA["ordinals"]
_PART_RANGES: dict[str, dict[str, list[int]]] = _DATA["part_ranges"]
_TIME_UNITS = set(_DATA["time_units"])
_FUTURE_MODALS = set(_DATA["future_modals"])
_NEAREST_MODALS = set(_DATA["nearest_modals"])
_FUTURE_VERBS = set(_DATA["future_verbs"])
_PROSPECTIVE_VERBS = set(_DATA["prospective_verbs"])
# The granularity whose anchor an anaphoric unit counts from, and a value's placeholder.
_UNIT_GRANULARITY = {"day": "day", "hour": "day", "minute": "day", "second": "day", "week": "week",
                     "weekend": "week", "fortnight": "week", "month": "month", "quarter": "month",
                     "year": "year", "decade": "year", "century": "year"}
_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "fortnight": "XXXX-WXX",
            "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}


def _key(text: str) -> str:
    """Lower case with single spaces: how the data tables spell their keys."""
    return " ".join(text.lower().split())


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, a space matching any run of whitespace."""
    escaped = (re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


# --- regex building blocks --------------------------------------------------------------
_MONTH = (rf"(?P<mon>(?:{_alt(_DATA['months'])})\b|"
          rf"(?:{_alt(_DATA['month_abbreviations'])})(?:\.|\b))")
_MONTH_NAME = rf"(?P<mon>{_alt(_DATA['months'])})\b"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>[12]\d{3})\b"
_WEEKDAY = rf"(?P<wd>{_alt(_DATA['weekdays'])})\b"
_SEASON = rf"(?P<sea>{_alt(_DATA['seasons'])})\b"
_POD = rf"(?P<pod>{_alt(_DATA['parts_of_day'])})\b"
_PART = rf"(?:\b(?P<part>{_alt(_DATA['parts'])})(?:\s+|(?<=-)))"
_TENS = [w for w, n in _NUMBERS.items() if n in range(20, 100, 10)]
_ONES = [w for w, n in _NUMBERS.items() if n in range(1, 10) and w not in ("a", "an")]
_NUMWORD = rf"(?:(?:{_alt(_TENS)})[-\s](?:{_alt(_ONES)})|{_alt(w for w in _NUMBERS if w not in ('a', 'an'))})"
_DIGITS = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
_QTY = (rf"(?:(?P<num>{_DIGITS}|{_NUMWORD}\b|an?\b)(?P<andhalf>\s+and\s+a\s+half)?"
        rf"|(?P<half>half\s+an?)|(?P<vague>{_alt(_DATA['vague_quantities'])}))")
_UNIT = rf"(?P<unit>{_alt(_UNITS)})\b"
_UNIT_SG = rf"(?P<unit>{_alt(w for w, u in _UNITS.items() if w == u)})\b"
_UNIT_PL = rf"(?P<unit>{_alt(w for w, u in _UNITS.items() if w != u)})\b"
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]”\"]|$)")
_AGE = re.compile(r"[\s-]+(?:old|older|young|younger)\b", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_NUMBER_PARTS = re.compile(r"[-\s]+")


@dataclasses.dataclass(frozen=True)
class _Norm:
    """A rule's reading of a match: TIMEX3 type, value, mod, and what the engine adds later."""

    type: str
    value: str
    mod: str = ""
    interval: tuple[dt.date, dt.date] | None = None  # overrides the interval read off the value
    clock: str = ""  # "15:00": a time of day whose date comes from the sentence or the anchor


# --- calendar arithmetic ----------------------------------------------------------------
def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _shift(base: dt.date, unit: str, n: int) -> str:
    """The value ``n`` units from ``base``, at the unit's granularity ("a year ago" is a year)."""
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit in ("day", "hour", "minute", "second"):
        return (base + dt.timedelta(days=n if unit == "day" else 0)).isoformat()
    if unit in ("week", "weekend"):
        return _week_value(base + dt.timedelta(weeks=n)) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return "%04d-%02d" % _add_months(base.year, base.month, n)
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


def _calendar(value: str) -> tuple[str, dt.date, dt.date] | None:
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
            monday = dt.date.fromisocalendar(year, int(m[2]), 1)
            if m[3]:
                return "weekend", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return granularity, monday, monday + dt.timedelta(days=6)
        if granularity == "month":
            return granularity, dt.date(year, int(m[2]), 1), _month_end(year, int(m[2]))
        if granularity in ("quarter", "half"):
            months = 3 if granularity == "quarter" else 6
            first = (int(m[2]) - 1) * months + 1
            return granularity, dt.date(year, first, 1), _month_end(year, first + months - 1)
        if granularity == "season":
            first, last = _DATA["season_months"][m[2]]
            return granularity, dt.date(year, first, 1), _month_end(year + (last < first), last)
        if granularity == "year":
            return granularity, dt.date(year, 1, 1), dt.date(year, 12, 31)
        span = 10 if granularity == "decade" else 100
        return granularity, dt.date(year * span, 1, 1), dt.date(year * span + span - 1, 12, 31)
    except ValueError:
        return None


def _narrow(granularity: str, start: dt.date, end: dt.date, mod: str) -> tuple[dt.date, dt.date]:
    """The part of ``start``–``end`` a START/MID/END mod denotes (early August: 1–10)."""
    first, last = _PART_RANGES.get(granularity, {}).get(mod, (None, None))
    if first is None:
        return start, end
    if granularity == "month":
        return start.replace(day=first), start.replace(day=min(last, end.day))
    if granularity == "year":
        return dt.date(start.year, first, 1), _month_end(start.year, last)
    if granularity == "week":
        return start + dt.timedelta(days=first - 1), start + dt.timedelta(days=last - 1)
    if granularity == "season":
        y1, m1 = _add_months(start.year, start.month, first)
        y2, m2 = _add_months(start.year, start.month, last)
        return dt.date(y1, m1, 1), _month_end(y2, m2)
    return dt.date(start.year + first, 1, 1), dt.date(start.year + last, 12, 31)


def _interval(value: str, mod: str) -> tuple[dt.date, dt.date] | None:
    """The inclusive calendar interval a DATE/TIME value denotes, narrowed by its mod."""
    found = _calendar(value)
    return _narrow(*found, mod) if found else None


# --- resolving names without a year against the publication date -----------------------
def _weekday(dct: dt.date | None, weekday: int, tense: str | None, rel: int | None) -> str:
    """``XXXX-WXX-6`` or the date: last/next/this, else by tense (the publication day counts)."""
    if dct is None:
        return f"XXXX-WXX-{weekday}"
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if rel == 0:
        day = _monday(dct) + dt.timedelta(days=weekday - 1)
    elif rel == -1:
        day = dct - dt.timedelta(days=back or 7)
    elif rel == 1:
        day = dct + dt.timedelta(days=ahead or 7)
    elif tense == _FUTURE or (tense == _NEAREST and ahead < back):
        day = dct + dt.timedelta(days=ahead)
    else:
        day = dct - dt.timedelta(days=back)
    return day.isoformat()


def _month_year(dct: dt.date, month: int, tense: str | None, rel: int | None) -> int:
    """The year of a month named without one: the nearest past one, or future one if future."""
    if rel == 0:
        return dct.year
    if rel == -1:
        return dct.year - (month >= dct.month)
    if rel == 1:
        return dct.year + (month <= dct.month)
    if tense == _FUTURE:
        return dct.year + (month < dct.month)
    if tense == _NEAREST:
        return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs((y - dct.year) * 12 + month - dct.month))
    return dct.year - (month > dct.month)


def _day_year(dct: dt.date, month: int, day: int, tense: str | None) -> int | None:
    """The year of "August 11": the last one on or before publication, the next if future."""
    candidates = []
    for year in range(dct.year - 8, dct.year + 9):  # eight years either way finds any February 29
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if tense == _NEAREST:
        return min(candidates, key=lambda d: abs((d - dct).days)).year
    if tense == _FUTURE:
        return min(d for d in candidates if d >= dct).year
    return max(d for d in candidates if d <= dct).year


def _season_year(dct: dt.date, code: str, tense: str | None, rel: int | None) -> int:
    """The year of a season named without one (``YYYY-WI`` runs December YYYY to February)."""
    def bounds(year: int) -> tuple[dt.date, dt.date]:
        return _calendar(f"{year}-{code}")[1:]

    years = range(dct.year - 2, dct.year + 2)
    if rel == 0:
        return next((y for y in years if bounds(y)[0] <= dct <= bounds(y)[1]), dct.year)
    if rel == -1:
        return max(y for y in years if bounds(y)[1] < dct)
    if rel == 1 or tense == _FUTURE:
        return min(y for y in years if (bounds(y)[0] > dct if rel == 1 else bounds(y)[1] >= dct))
    if tense == _NEAREST:
        return min(years, key=lambda y: max((bounds(y)[0] - dct).days, (dct - bounds(y)[1]).days, 0))
    return max(y for y in years if bounds(y)[0] <= dct)


# --- tense ------------------------------------------------------------------------------
def _is_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _verb_tense(verb: Token) -> str | None:
    """PAST, PRESENT, FUTURE or NEAREST for one verb, from its tag, auxiliaries and governor."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_MODALS for a in auxes):
        return _FUTURE
    if any(a.lower_ in _NEAREST_MODALS for a in auxes):
        return _NEAREST
    if _is_past(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not auxes):
        return _PAST  # "an investigation launched in August"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _PROSPECTIVE_VERBS:
        return _NEAREST if _is_past(verb.head) else _FUTURE  # "had agreed to meet on April 2"
    if verb.lemma_ in _FUTURE_VERBS:
        return _FUTURE
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return _FUTURE  # present progressive: "Iran is hosting the talks on Tuesday"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return _PAST
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return _PRESENT
    return None


class _Context:
    """What normalising needs: the doc, the publication date and the dates mentioned so far."""

    def __init__(self, doc: Doc, published: dt.date | None):
        self.doc = doc
        self.text = doc.text
        self.dct = published
        columns = doc.to_array([LOWER, IDX, SENT_START])
        self.lower = columns[:, 0].tolist()  # string ids, as the trigger table keys them
        self.starts = columns[:, 1].tolist()
        self.sentence_starts = columns[columns[:, 2] == 1, 1].tolist() or [0]
        self.anchors: dict[str, dt.date] = {}

    def next_token(self, end: int) -> Token | None:
        i = bisect.bisect_left(self.starts, end)
        return self.doc[i] if i < len(self.doc) else None

    def prev_token(self, start: int) -> Token | None:
        i = bisect.bisect_left(self.starts, start) - 1
        return self.doc[i] if i >= 0 else None

    def token(self, start: int) -> Token:
        return self.doc[max(bisect.bisect_right(self.starts, start) - 1, 0)]

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the clause the span belongs to: climb the parse to a finite verb."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else self.token(start)
        for _ in range(len(self.doc)):
            if token.pos_ in ("VERB", "AUX"):
                found = _verb_tense(token)
                if found:
                    return found
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def ref(self, granularity: str) -> dt.date | None:
        """The anchor for anaphora: the last mentioned date at that granularity, else publication."""
        if granularity in self.anchors:
            return self.anchors[granularity]
        if self.dct is None:
            return None
        return {"day": self.dct, "week": _monday(self.dct), "month": self.dct.replace(day=1),
                "year": self.dct.replace(month=1, day=1)}[granularity]

    def remember(self, value: str) -> None:
        """Make a resolved DATE the anchor for the anaphora that follow it."""
        found = _calendar(value)
        if not found or found[0] in ("decade", "century"):
            return
        granularity, start, _ = found
        if granularity == "day":
            self.anchors.update(day=start, week=_monday(start), month=start.replace(day=1))
        elif granularity in ("week", "weekend"):
            self.anchors["week"] = _monday(start)
        elif granularity == "month":
            self.anchors["month"] = start
        self.anchors["year"] = start.replace(month=1, day=1)


# --- reading matches ----------------------------------------------------------------------
def _mod(m: re.Match) -> str:
    part = m.groupdict().get("part")
    return _DATA["parts"][_key(part)] if part else ""


def _parse_number(text: str) -> float:
    """``"24"``, ``"two"``, ``"twenty-four"``, ``"a"`` as a number."""
    text = _key(text).replace(",", "")
    if text in _NUMBERS:
        return float(_NUMBERS[text])
    if text[0].isdigit():
        return float(text)
    return float(sum(_NUMBERS[w] for w in _NUMBER_PARTS.split(text)))


def _quantity(m: re.Match) -> float | None:
    """The number a match counts (None for vague "several"); "two and a half" is 2.5."""
    if m["half"]:
        return 0.5
    if m["vague"]:
        return None
    halves = m.groupdict()
    return _parse_number(m["num"]) + (0.5 if halves.get("andhalf") or halves.get("andhalf2") else 0)


def _number(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _duration(n: float | None, unit: str) -> str:
    """``P2Y``, ``PT24H``, ``PXW``, ``P42M`` for three and a half years: a TIMEX3 duration."""
    unit, scale = _DATA["unit_scale"].get(unit, (unit, 1))
    n = None if n is None else n * scale
    while n is not None and n != int(n) and unit in _DATA["unit_fractions"]:
        unit, scale = _DATA["unit_fractions"][unit]
        n *= scale
    prefix = "PT" if unit in _TIME_UNITS else "P"
    return f"{prefix}{'X' if n is None else _number(n)}{_DATA['unit_codes'][unit]}"


def _rel(word: str | None) -> int | None:
    """-1, 0, 1 for "last", "this", "next" (before a name or a unit), None if absent."""
    if not word:
        return None
    return _DATA["name_relatives"].get(_key(word), _DATA["deictic"].get(_key(word)))


def _capitalised(m: re.Match, group: str) -> bool:
    return m[group][0].isupper()


def _day_value(ctx: _Context, m: re.Match, month: int, day: int, start: int, end: int) -> str | None:
    """A day-and-month date: the year given, the publication year in a dateline, else by tense."""
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    elif _DATELINE.fullmatch(ctx.text, 0, start):
        year = ctx.dct.year
    else:
        year = _day_year(ctx.dct, month, day, ctx.tense(start, end))
    try:
        return dt.date(year, month, day).isoformat()
    except (TypeError, ValueError):
        return None


# What may stand before a dateline date: "TEHRAN, ", "New Delhi, ".
_DATELINE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*")


# --- rules: checks (parse-based filters) and normalisers ---------------------------------
def _check_month_names(m: re.Match, ctx: _Context) -> bool:
    return _capitalised(m, "mon") and (not m.groupdict().get("wd") or _capitalised(m, "wd"))


def _norm_iso(m: re.Match, ctx: _Context) -> _Norm | None:
    try:
        return _Norm("DATE", dt.date(int(m["year"]), int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def _norm_slash(m: re.Match, ctx: _Context) -> _Norm | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
    try:
        return _Norm("DATE", dt.date(int(m["year"]), month, day).isoformat())
    except ValueError:
        return None


def _norm_day_month(m: re.Match, ctx: _Context) -> _Norm | None:
    value = _day_value(ctx, m, _MONTHS[_key(m["mon"]).rstrip(".")], int(m["day"]), *m.span())
    return _Norm("DATE", value) if value else None


def _check_nth(m: re.Match, ctx: _Context) -> bool:
    before, after = ctx.prev_token(m.start()), ctx.next_token(m.end())
    cue = before is not None and before.lower_ in _DATA["month_cues"] and before.lower_ != "of"
    return cue and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))


def _norm_nth(m: re.Match, ctx: _Context) -> _Norm | None:
    day = int(m["day"])
    base = ctx.anchors.get("month")
    if base is None and ctx.dct is not None:  # "the 29th" with no month mentioned: by tense
        tense, base = ctx.tense(*m.span()), ctx.dct.replace(day=1)
        if tense == _FUTURE and day < ctx.dct.day:
            base = dt.date(*_add_months(base.year, base.month, 1), 1)
        elif tense not in (_FUTURE, _NEAREST) and day > ctx.dct.day:
            base = dt.date(*_add_months(base.year, base.month, -1), 1)
    if base is None:
        return _Norm("DATE", f"XXXX-XX-{day:02d}")
    try:
        return _Norm("DATE", base.replace(day=day).isoformat())
    except ValueError:
        return None


def _norm_month_year(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("DATE", f"{m['year']}-{_MONTHS[_key(m['mon']).rstrip('.')]:02d}", _mod(m))


def _norm_month_rel_year(m: re.Match, ctx: _Context) -> _Norm:
    month = _MONTHS[_key(m["mon"])]
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}", _mod(m))
    return _Norm("DATE", f"{ctx.dct.year + _rel(m['rel']):04d}-{month:02d}", _mod(m))


def _norm_rel_month(m: re.Match, ctx: _Context) -> _Norm | None:
    month = _MONTHS[_key(m["mon"])]
    if ctx.dct is None:
        suffix = f"-{int(m['day']):02d}" if m["day"] else ""
        return _Norm("DATE", f"XXXX-{month:02d}{suffix}", _mod(m))
    year = _month_year(ctx.dct, month, None, _rel(m["rel"]))
    if m["day"]:
        try:
            return _Norm("DATE", dt.date(year, month, int(m["day"])).isoformat())
        except ValueError:
            return None
    return _Norm("DATE", f"{year:04d}-{month:02d}", _mod(m))


def _check_month(m: re.Match, ctx: _Context) -> bool:
    if not _capitalised(m, "mon"):
        return False
    token = ctx.token(m.start("mon"))
    if token.ent_type_ == "PERSON" or token.pos_ in ("VERB", "AUX"):
        return False
    if _key(m["mon"]) not in _DATA["ambiguous_months"] or m["part"]:
        return True
    before = ctx.prev_token(m.start("mon"))
    return before is not None and before.lower_ in _DATA["month_cues"]


def _norm_month(m: re.Match, ctx: _Context) -> _Norm:
    month = _MONTHS[_key(m["mon"])]
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}", _mod(m))
    year = _month_year(ctx.dct, month, ctx.tense(*m.span()), None)
    return _Norm("DATE", f"{year:04d}-{month:02d}", _mod(m))


def _check_year(m: re.Match, ctx: _Context) -> bool:
    """A bare four-digit number is a year unless it counts something or is a code (HeidelTime)."""
    if m["part"] or m["theyear"]:
        return True
    before, after = ctx.prev_token(m.start("year")), ctx.next_token(m.end())
    if after is not None and after.lower_ in _DATA["year_blockers"]:
        return False
    if int(m["year"]) < _DATA["bare_year_from"] and (before is None or before.lower_ not in _DATA["month_cues"]):
        return False  # "the 1267 committee"
    determined = before is not None and (before.pos_ in ("DET", "PRON") or before.tag_ == "POS")
    if after is not None and not determined:
        following = ctx.next_token(after.idx + len(after))
        if after.tag_ in ("NNS", "NNPS") or (after.pos_ == "ADJ" and following is not None
                                              and following.tag_ in ("NNS", "NNPS")):
            return False
    if before is not None and before.lower_ in _DATA["year_code_prefixes"]:
        return False
    named = before is not None and before.pos_ in ("NOUN", "PROPN") and before.text[:1].isupper()
    return not (named and _key(before.text) not in _MONTHS and _key(before.text) not in _DATA["seasons"])


def _norm_year(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("DATE", m["year"], _mod(m))


def _check_decade(m: re.Match, ctx: _Context) -> bool:
    return not m["dec2b"] or bool(m["the"])


def _norm_decade(m: re.Match, ctx: _Context) -> _Norm:
    value = m["dec"][:3] if m["dec"] else "19" + (m["dec2"] or m["dec2b"])[0]
    return _Norm("DATE", value, _mod(m))


def _norm_century(m: re.Match, ctx: _Context) -> _Norm | None:
    n = int(m["n"]) if m["n"] else _ORDINALS[_key(m["ord"])]
    return _Norm("DATE", f"{n - 1:02d}", _mod(m)) if n > 0 else None


def _norm_part_of_year(m: re.Match, ctx: _Context) -> _Norm | None:
    count = 2 if _key(m["pu"] or "") == "half" else 4
    word = _key(m["ord"])
    n = int(word[0]) if word[0].isdigit() else _ORDINALS[word]
    n = count if n == -1 else n
    if not 1 <= n <= count:
        return None
    if m["year"]:
        year = m["year"]
    else:
        base = ctx.ref("year") if not m["rel"] else ctx.dct
        if base is None:
            return _Norm("DATE", f"XXXX-{'Q' if count == 4 else 'H'}{n}")
        year = f"{base.year + (_rel(m['rel']) or 0):04d}"
    return _Norm("DATE", f"{year}-{'Q' if count == 4 else 'H'}{n}")


def _check_season(m: re.Match, ctx: _Context) -> bool:
    """"summer" yes, "the Arab Spring" no: a capitalised season after a capitalised word is a name."""
    if not _capitalised(m, "sea"):
        return True
    before = ctx.prev_token(m.start("sea"))
    return before is None or not before.text[:1].isupper() or before.is_sent_start


def _norm_season(m: re.Match, ctx: _Context) -> _Norm:
    code = _DATA["seasons"][_key(m["sea"])]
    groups = m.groupdict()
    if groups.get("year"):
        return _Norm("DATE", f"{m['year']}-{code}", _mod(m))
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{code}", _mod(m))
    rel = _rel(groups.get("rel"))
    year = _season_year(ctx.dct, code, None if rel is not None else ctx.tense(*m.span()), rel)
    return _Norm("DATE", f"{year:04d}-{code}", _mod(m))


def _check_weekday(m: re.Match, ctx: _Context) -> bool:
    return _capitalised(m, "wd")


def _norm_weekday(m: re.Match, ctx: _Context) -> _Norm:
    rel = _rel(m["rel"])
    value = _weekday(ctx.dct, _DATA["weekdays"][_key(m["wd"])], ctx.tense(*m.span()) if rel is None else None, rel)
    if m["pod"]:
        return _Norm("TIME", f"{value}T{_DATA['parts_of_day'][_key(m['pod'])]}", _mod(m))
    return _Norm("DATE", value, _mod(m))


def _check_day_word(m: re.Match, ctx: _Context) -> bool:
    """"today" yes, "USA Today" no."""
    if not m["dw"][0].isupper():
        return True
    before = ctx.prev_token(m.start())
    return before is None or not before.text[:1].isupper() or ctx.token(m.start()).is_sent_start


def _norm_day_word(m: re.Match, ctx: _Context) -> _Norm:
    offset, pod = _DATA["day_words"][_key(m["dw"])]
    pod = _DATA["parts_of_day"][_key(m["pod"])] if m["pod"] else pod
    value = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    return _Norm("TIME", f"{value}T{pod}") if pod else _Norm("DATE", value)


def _norm_deictic(m: re.Match, ctx: _Context) -> _Norm:
    unit = _key(m["unit"])
    if ctx.dct is None:
        return _Norm("DATE", _UNKNOWN[unit], _mod(m))
    return _Norm("DATE", _shift(ctx.dct, unit, _rel(m["rel"])), _mod(m))


def _norm_anaphoric(m: re.Match, ctx: _Context) -> _Norm:
    """"the previous day", "that evening", "the following week": counted from the anchor."""
    unit = _key(m["unit"])
    offset = _DATA["anaphoric"][_key(m["rel"])] if m.groupdict().get("rel") else 0
    pod = _DATA["parts_of_day"].get(unit)
    base = ctx.ref("day" if pod else _UNIT_GRANULARITY[unit])
    if pod:
        day = (base + dt.timedelta(days=offset)).isoformat() if base else "XXXX-XX-XX"
        return _Norm("TIME", f"{day}T{pod}", _mod(m))
    return _Norm("DATE", _shift(base, unit, offset) if base else _UNKNOWN[unit], _mod(m))


def _norm_unit_before(m: re.Match, ctx: _Context) -> _Norm:
    unit = _key(m["unit"])
    base = ctx.ref(_UNIT_GRANULARITY[unit])
    offset = -1 if _key(m["dir"]) == "before" else 1
    return _Norm("DATE", _shift(base, unit, offset) if base else _UNKNOWN[unit])


def _check_relative(m: re.Match, ctx: _Context) -> bool:
    """"two days after" ends the clause; "two days after the vote" is a DURATION and a signal."""
    return _key(m["dir"]) not in ("before", "after") or _CLAUSE_END.match(ctx.text, m.end()) is not None


def _norm_relative(m: re.Match, ctx: _Context) -> _Norm:
    """"two weeks ago" from publication, "three days earlier" from the anchor."""
    unit = _UNITS[_key(m["unit"])]
    direction = _key(m["dir"])
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    n = _quantity(m)
    if n is None:
        return _Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    while n != int(n) and unit in ("century", "decade", "year", "week"):  # "a year and a half ago": 18 months
        unit, scale = _DATA["unit_fractions"][unit]
        n *= scale
    base = ctx.dct if direction in ("ago", "from now", "hence") else ctx.ref(_UNIT_GRANULARITY[unit])
    value = _shift(base, unit, sign * round(n)) if base else _UNKNOWN[unit]
    mod = _DATA["date_approximations"][_key(m["approx"])] if m["approx"] else ""
    if mod in ("MORE", "LESS"):  # "more than a year ago" lies before the year a year ago
        mod = "BEFORE" if (mod == "MORE") == (sign < 0) else "AFTER"
    return _Norm("DATE", value, mod)


def _norm_weekend(m: re.Match, ctx: _Context) -> _Norm:
    """"over the weekend": the last one (publication on a weekend counts), or the next if future."""
    if ctx.dct is None:
        return _Norm("DATE", _UNKNOWN["weekend"])
    saturday = _monday(ctx.dct) + dt.timedelta(days=5)
    if ctx.tense(*m.span()) == _FUTURE:
        weeks = 0 if ctx.dct < saturday else 1
    else:
        weeks = 0 if ctx.dct >= saturday else -1
    return _Norm("DATE", _shift(ctx.dct, "weekend", weeks))


def _norm_earlier_this(m: re.Match, ctx: _Context) -> _Norm:
    """"earlier this month": the month (TimeML), but the interval stops at publication."""
    unit = _key(m["unit"] or "day")
    if ctx.dct is None:
        return _Norm("DATE", _UNKNOWN[unit])
    value = _shift(ctx.dct, unit, 0)
    _, start, end = _calendar(value)
    interval = (start, ctx.dct) if _key(m["el"]) == "earlier" else (ctx.dct, end)
    return _Norm("DATE", value, interval=interval)


def _norm_unit_reference(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("DATE", _DATA["unit_references"][_key(m["lead"])])


def _check_span_duration(m: re.Match, ctx: _Context) -> bool:
    """"the past week" is P1W; "the next day" and "the last week of August" are not durations.

    TimeML makes "the past two weeks" / "over the last weeks" a DURATION (P2W, PXW) whose end
    point is the document time; the tables have no anchor column, so it gets no interval.
    """
    lead, plural = _key(m["lead"]), _UNITS[_key(m["unit"])] != _key(m["unit"])
    if m["num"] or m["vague"] or m["half"]:
        return True
    return (plural and lead not in _DATA["unit_references"]) or lead == "the past"


def _norm_span_duration(m: re.Match, ctx: _Context) -> _Norm:
    unit_word = _key(m["unit"])
    n = _quantity(m) if (m["num"] or m["vague"] or m["half"]) else (1 if _UNITS[unit_word] == unit_word else None)
    return _Norm("DURATION", _duration(n, _UNITS[unit_word]))


def _check_duration(m: re.Match, ctx: _Context) -> bool:
    """Not ages ("59 years old"), ordinals ("a second call") or vague singulars ("some day")."""
    unit_word = _key(m["unit"])
    if _AGE.match(ctx.text, m.end()):
        return False
    if unit_word == "second" and not (m["num"] or "")[:1].isdigit():
        return False
    return not (m["vague"] and _UNITS[unit_word] == unit_word)


def _norm_duration(m: re.Match, ctx: _Context) -> _Norm:
    approx = m["approx"]
    return _Norm("DURATION", _duration(_quantity(m), _UNITS[_key(m["unit"])]),
                 _DATA["approximations"][_key(approx)] if approx else "")


def _check_adjective_duration(m: re.Match, ctx: _Context) -> bool:
    """"a two-year deal", "a week-long visit"; a bare "year" is not one."""
    return bool(m["num"]) or m[0].lower().endswith("-long")


def _norm_adjective_duration(m: re.Match, ctx: _Context) -> _Norm:
    n = _parse_number(m["num"]) + (0.5 if m["andhalf"] else 0) if m["num"] else 1
    return _Norm("DURATION", _duration(n, _UNITS[_key(m["unit"])]))


def _norm_bare_plural(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("DURATION", _duration(None, _UNITS[_key(m["unit"])]))


def _norm_set_every(m: re.Match, ctx: _Context) -> _Norm:
    if m["wd"]:
        return _Norm("SET", f"XXXX-WXX-{_DATA['weekdays'][_key(m['wd'])]}")
    if m["mon"]:
        return _Norm("SET", f"XXXX-{_MONTHS[_key(m['mon'])]:02d}")
    if m["sea"]:
        return _Norm("SET", f"XXXX-{_DATA['seasons'][_key(m['sea'])]}")
    n = None if m["few"] else 2 if m["other"] else _parse_number(m["num"]) if m["num"] else 1
    return _Norm("SET", _duration(n, _UNITS[_key(m["unit"])]))


def _check_set_every(m: re.Match, ctx: _Context) -> bool:
    return all(not m[g] or _capitalised(m, g) for g in ("wd", "mon"))


def _norm_set_frequency(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("SET", _duration(1, _UNITS[_key(m["unit"])]))


def _check_set_word(m: re.Match, ctx: _Context) -> bool:
    """"weekly meetings" yes; "the daily Kayhan" and "Daily Sabah" (newspapers) no."""
    token, after = ctx.token(m.start()), ctx.next_token(m.end())
    if token.pos_ in ("NOUN", "PROPN") or (after is not None and after.pos_ == "PROPN"):
        return False
    return not m[0][0].isupper() or token.is_sent_start


def _norm_set_word(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("SET", _DATA["set_words"][_key(m[0])])


def _norm_set_weekdays(m: re.Match, ctx: _Context) -> _Norm:
    return _Norm("SET", f"XXXX-WXX-{_DATA['weekdays'][_key(m['wd'])]}")


def _check_reference(m: re.Match, ctx: _Context) -> bool:
    """"the future" yes, "the future government" no; "now that" is a conjunction."""
    ref = _key(m["ref"])
    last = ctx.token(m.end() - 1)
    if f"{ref}*" in _DATA["references"] and last.pos_ != "NOUN":
        return False
    after = ctx.next_token(m.end())
    return not (ref == "now" and after is not None and after.lower_ == "that" and after.pos_ == "SCONJ")


def _norm_reference(m: re.Match, ctx: _Context) -> _Norm:
    ref = _key(m["ref"])
    table = _DATA["references"]
    return _Norm("DATE", table.get(ref) or table.get(f"{ref}*") or _DATA["cued_references"][ref])


def _check_clock24(m: re.Match, ctx: _Context) -> bool:
    """"at 15:30" or "15:30 GMT", not a score or a ratio."""
    before = ctx.prev_token(m.start())
    after = _key(ctx.text[m.end():m.end() + 12])
    cued = before is not None and before.lower_ in _DATA["time_cues"]
    return cued or after.startswith(tuple(_DATA["time_suffixes"]))


def _norm_clock(m: re.Match, ctx: _Context) -> _Norm:
    groups = m.groupdict()
    if groups.get("nm"):
        return _Norm("TIME", "", clock=_DATA["clock_words"][_key(m["nm"])])
    hour = int(m["h"]) if m["h"].isdigit() else _NUMBERS[_key(m["h"])]
    if groups.get("ap"):
        hour = hour % 12 + (12 if m["ap"][0].lower() == "p" else 0)
    return _Norm("TIME", "", clock=f"{hour:02d}:{int(m['mi'] or 0):02d}")


@dataclasses.dataclass(frozen=True)
class _Rule:
    """One pattern: its regex, a parse-based check, its normaliser, and the words that trigger it."""

    name: str
    source: str  # the regex, case-insensitive
    norm: Callable[[re.Match, _Context], _Norm | None]
    check: Callable[[re.Match, _Context], bool] | None
    on: frozenset[str]  # lower-case tokens every match contains
    digits: bool  # or: a token with a digit
    back: int  # how many tokens before the trigger a match may start

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        """The compiled regex, on the rule's first trigger: compiling all the rules costs a fresh
        process ~40 ms, and an article triggers only some of them (the seed 30 of 42)."""
        return re.compile(self.source, re.IGNORECASE)


def _rule(name: str, pattern: str, norm, check=None, *, on=(), digits=False, back=5) -> _Rule:
    return _Rule(name, pattern, norm, check, frozenset(on), digits, back)


def _last_words(keys) -> set[str]:
    return {k.rstrip("*").split()[-1] for k in keys}


_REL = rf"(?P<rel>{_alt(_DATA['name_relatives'])})"
_HOUR_WORDS = _alt(w for w, n in _NUMBERS.items() if 1 <= n <= 12 and w not in ("a", "an", "a dozen"))
_ON_MONTH = set(_MONTHS)
_ON_WEEKDAY = set(_DATA["weekdays"])
_ON_SEASON = set(_DATA["seasons"])
_ON_UNIT = set(_UNITS) | set(_DATA["deictic_units"]) | set(_DATA["anaphoric_units"])
# Earlier rules win ties between matches of the same length; the longest match always wins.
_RULES = [
    _rule("iso", r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", _norm_iso, digits=True),
    _rule("slash", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b", _norm_slash, digits=True),
    _rule("month_day", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", _norm_day_month,
          _check_month_names, on=_ON_MONTH),
    _rule("day_month", rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?",
          _norm_day_month, _check_month_names, on=_ON_MONTH),
    _rule("nth", r"\bthe\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b", _norm_nth, _check_nth, digits=True),
    _rule("month_year", rf"{_PART}?\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}", _norm_month_year, _check_month_names,
          on=_ON_MONTH),
    _rule("month_rel_year", rf"{_PART}?\b{_MONTH_NAME}\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b",
          _norm_month_rel_year, _check_month_names, on=_ON_MONTH),
    _rule("rel_month", rf"{_PART}?\b{_REL}\s+{_MONTH_NAME}(?:\s+{_DAY})?", _norm_rel_month, _check_month_names,
          on=_ON_MONTH),
    _rule("month", rf"{_PART}?\b{_MONTH_NAME}", _norm_month, _check_month, on=_ON_MONTH),
    _rule("year", rf"(?<![\d.,$€£#/-])(?:\b(?P<theyear>the\s+year)\s+)?{_PART}?\b(?P<year>1\d{{3}}|20\d\d)\b"
          r"(?![%]|[.,]\d|-\d\d-)", _norm_year, _check_year, digits=True),
    _rule("decade", rf"(?:\b(?P<the>the)\s+)?{_PART}?(?:\b(?P<dec>\d{{3}}0)|['’](?P<dec2>\d0)|\b(?P<dec2b>\d0))"
          r"['’]?s\b", _norm_decade, _check_decade, digits=True),
    _rule("century", rf"(?:\bthe\s+)?{_PART}?(?:\b(?P<n>\d{{1,2}})(?:st|nd|rd|th)|\b(?P<ord>"
          rf"{_alt(w for w, n in _ORDINALS.items() if n > 0)}))\s+century\b", _norm_century, on={"century"}),
    _rule("part_of_year", r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+"
          rf"(?:(?P<pu>quarter|half)\s+of\s+(?:{_YEAR}|{_REL}\s+year|the\s+year)|(?P<pu2>quarter)\b(?!\s+of\b))",
          _norm_part_of_year, on={"quarter", "half"}),
    _rule("season_year", rf"(?:\bthe\s+)?{_PART}?\b{_SEASON}(?:\s+of)?,?\s+{_YEAR}", _norm_season, _check_season,
          on=_ON_SEASON),
    _rule("season_rel", rf"{_PART}?\b{_REL}\s+{_SEASON}", _norm_season, _check_season, on=_ON_SEASON),
    _rule("season_part", rf"{_PART}(?:the\s+)?{_SEASON}(?!\s+of\b)", _norm_season, _check_season, on=_ON_SEASON),
    _rule("season_cued", rf"\b(?:{_alt(_DATA['season_cues'])})\s+(?P<t>(?:the\s+)?{_SEASON})(?!\s+of\b)",
          _norm_season, _check_season, on=_ON_SEASON),
    _rule("weekday", rf"(?:\b{_REL}\s+)?{_PART}?\b{_WEEKDAY}(?:\s+{_POD})?", _norm_weekday, _check_weekday,
          on=_ON_WEEKDAY),
    _rule("day_word", rf"\b(?P<dw>{_alt(_DATA['day_words'])})\b(?:\s+{_POD})?", _norm_day_word, _check_day_word,
          on=_last_words(_DATA["day_words"])),
    _rule("deictic", rf"{_PART}?\b(?P<rel>{_alt(_DATA['deictic'])})\s+(?P<unit>{_alt(_DATA['deictic_units'])})\b",
          _norm_deictic, on=_ON_UNIT),
    _rule("anaphoric", rf"{_PART}?\b(?P<rel>{_alt(_DATA['anaphoric'])})\s+"
          rf"(?P<unit>{_alt(_DATA['anaphoric_units'])})\b",
          _norm_anaphoric, on=_ON_UNIT),
    _rule("part_of_the_unit", rf"{_PART}the\s+(?P<unit>week|month|year)\b", _norm_anaphoric, on=_ON_UNIT),
    _rule("unit_before", r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b", _norm_unit_before,
          _check_relative, on=_ON_UNIT),
    _rule("relative", rf"\b(?:(?P<approx>{_alt(_DATA['date_approximations'])})\s+)?{_QTY}\s+{_UNIT}\s+"
          r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b", _norm_relative, _check_relative,
          back=8, on=_ON_UNIT),
    _rule("weekend", r"\bthe\s+weekend\b", _norm_weekend, on={"weekend"}),
    _rule("earlier_this", r"\b(?P<el>earlier|later)\s+(?:this\s+(?P<unit>week|month|year)|today)\b",
          _norm_earlier_this, on=_ON_UNIT | {"today"}),
    _rule("unit_reference", rf"\b(?P<lead>{_alt(_DATA['unit_references'])})\s+{_UNIT_PL}", _norm_unit_reference,
          on=_ON_UNIT),
    _rule("span_duration", rf"\b(?P<lead>{_alt(_DATA['span_durations'])})\s+(?:{_QTY}\s+)?{_UNIT}",
          _norm_span_duration, _check_span_duration, back=8, on=_ON_UNIT),
    _rule("duration", rf"\b(?:(?P<approx>{_alt(_DATA['approximations'])})\s+)?{_QTY}\s+(?:more\s+)?{_UNIT}"
          r"(?P<andhalf2>\s+and\s+a\s+half)?(?!-)", _norm_duration, _check_duration, back=8, on=_ON_UNIT),
    _rule("adjective_duration", rf"\b(?:(?P<num>\d{{1,3}}|{_NUMWORD})(?P<andhalf>-and-a-half)?-)?{_UNIT_SG}"
          r"(?:-long\b|(?<=\w)(?!-old)\b)",
          _norm_adjective_duration, _check_adjective_duration, back=9, on=_ON_UNIT),
    _rule("bare_plural", rf"\bfor\s+(?P<t>(?P<unit>{_alt(_DATA['bare_plural_units'])}))\b", _norm_bare_plural,
          on=_ON_UNIT),
    _rule("set_every", rf"\b(?:every|each)\s+(?:{_WEEKDAY}|{_MONTH_NAME}|{_SEASON}|(?:(?P<num>{_DIGITS}|{_NUMWORD})"
          rf"\s+|(?P<other>other)\s+|(?P<few>few)\s+)?{_UNIT})", _norm_set_every, _check_set_every,
          back=8, on=_ON_UNIT | _ON_WEEKDAY | _ON_MONTH | _ON_SEASON),
    _rule("set_frequency", rf"\b(?:{_alt(_DATA['frequencies'])}|(?:{_DIGITS}|{_NUMWORD})\s+times)\s+"
          rf"(?:a|an|per|every|each)\s+{_UNIT_SG}(?!\s+(?:earlier|later|ago|before|after)\b)", _norm_set_frequency,
          back=8, on=_ON_UNIT),
    _rule("set_per", rf"\bper\s+{_UNIT_SG}", _norm_set_frequency, on=_ON_UNIT),
    _rule("set_word", rf"\b(?:{_alt(_DATA['set_words'])})\b", _norm_set_word, _check_set_word, on=_DATA["set_words"]),
    _rule("set_weekdays", rf"\b(?:on\s+)?(?P<t>(?P<wd>{_alt(_DATA['weekdays'])})s)\b", _norm_set_weekdays,
          _check_weekday, on={f"{w}s" for w in _DATA["weekdays"]}),
    _rule("reference", rf"\b(?P<ref>{_alt(_DATA['references'])})\b", _norm_reference, _check_reference,
          on=_last_words(_DATA["references"])),
    _rule("cued_reference", rf"\b(?:at|for)\s+(?P<t>(?P<ref>{_alt(_DATA['cued_references'])}))\b"
          r"(?!\s+(?:of|when|that)\b)", _norm_reference, on=_last_words(_DATA["cued_references"])),
    _rule("clock", r"(?<![\d:.])\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)",
          _norm_clock, digits=True),
    _rule("clock24", r"(?<![\d:.])\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?![:.]\d)", _norm_clock,
          _check_clock24, digits=True),
    _rule("oclock", rf"\b(?P<h>[01]?\d|2[0-4]|{_HOUR_WORDS})\s+o['’]clock\b", _norm_clock,
          on={"o'clock", "o’clock"}),
    _rule("noon", rf"\b(?P<nm>{_alt(_DATA['clock_words'])})\b", _norm_clock, on=_DATA["clock_words"]),
]
# Which rules a token triggers, by string id ("aug." as well as "aug").
_TRIGGERS: dict[int, tuple[int, ...]] = {}
for _order, _r in enumerate(_RULES):
    for _word in _r.on:
        for _form in {_word, f"{_word}."}:
            _TRIGGERS[get_string_id(_form)] = _TRIGGERS.get(get_string_id(_form), ()) + (_order,)
_ON_DIGITS = tuple(order for order, r in enumerate(_RULES) if r.digits)
_DIGIT_RUN = re.compile(r"\d+")
_MAX_BACK = max(r.back for r in _RULES)


def _words(table) -> set[str]:
    """Every word in a data table (keys, lists and string values), to know where matches can start."""
    if isinstance(table, dict):
        return _words(list(table)) | _words(list(table.values()))
    if isinstance(table, list):
        return set().union(*(_words(item) for item in table))
    return set(re.split(r"[\s*-]+", table.lower())) if isinstance(table, str) else set()


# Words the patterns spell out, beyond the data tables.
_PATTERN_WORDS = ("the of in on at for this that last next coming past year every each other few times a an "
                  "and half more ago earlier later before after from now hence quarter 1st 2nd 3rd 4th long")
_VOCABULARY = {get_string_id(w) for w in _words(_DATA) | set(_PATTERN_WORDS.split()) if w}


def _span(m: re.Match) -> tuple[int, int]:
    """The timex's extent: the ``t`` group when a rule matches a cue word around it."""
    return m.span("t") if "t" in m.re.groupindex and m["t"] is not None else m.span()


def _candidates(ctx: _Context) -> list[tuple[int, int, _Rule, re.Match]]:
    """Checked matches of the rules each trigger token calls; overlaps go to the longest, then rule order."""
    text, starts = ctx.text, ctx.starts
    triggered = {i: _TRIGGERS[word] for i, word in enumerate(ctx.lower) if word in _TRIGGERS}
    for i in {bisect.bisect_right(starts, digits.start()) - 1 for digits in _DIGIT_RUN.finditer(text)}:
        triggered[i] = triggered.get(i, ()) + _ON_DIGITS
    lower, vocabulary = ctx.lower, _VOCABULARY
    tried: set[tuple[int, int]] = set()
    found = []
    for i, orders in triggered.items():
        first = i  # a match only spans temporal words, digits and punctuation
        while first > 0 and i - first < _MAX_BACK and (
                lower[first - 1] in vocabulary or not text[starts[first - 1]].isalpha()):
            first -= 1
        for order in orders:
            rule = _RULES[order]
            for j in range(max(first, i - rule.back), i + 1):
                if (order, j) in tried or text[starts[j]].isspace():
                    continue
                tried.add((order, j))
                m = rule.pattern.match(text, starts[j])
                if m and (rule.check is None or rule.check(m, ctx)):
                    start, end = _span(m)
                    found.append((-(end - start), order, start, end, rule, m))
    found.sort(key=lambda c: c[:3])
    taken: list[tuple[int, int, _Rule, re.Match]] = []
    for _, _, start, end, rule, m in found:
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, rule, m))
    return sorted(taken, key=lambda c: c[0])


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


def timexes(doc: Doc, *, published: dt.date | None = None) -> list[Timex]:
    """Every TIMEX3 in ``doc`` in text order, normalised against ``published`` (default ``doc._.published``)."""
    ctx = _Context(doc, _as_date(published if published is not None else doc._.published))
    result: list[Timex] = []
    clocks: dict[int, dt.date | None] = {}  # index in result -> the day anchor at that point
    for start, end, rule, m in _candidates(ctx):
        norm = rule.norm(m, ctx)
        if norm is None:
            continue
        if norm.clock:
            clocks[len(result)] = ctx.ref("day")
        interval = norm.interval or (_interval(norm.value, norm.mod) if norm.type in ("DATE", "TIME") else None)
        date_start, date_end = interval or (None, None)
        sentence_id = bisect.bisect_right(ctx.sentence_starts, start) - 1
        result.append(Timex(start=start, end=end, text=ctx.text[start:end], sentence_id=sentence_id, type=norm.type,
                            value=norm.value or norm.clock, mod=norm.mod, date_start=date_start, date_end=date_end))
        if norm.type in ("DATE", "TIME") and norm.value:
            ctx.remember(norm.value)
    for i, fallback in clocks.items():
        day = _date_of_time(result[i], result, fallback)
        date_start, date_end = _interval(day, "") or (None, None)
        result[i] = dataclasses.replace(result[i], value=f"{day}T{result[i].value}", date_start=date_start,
                                        date_end=date_end)
    return result


class TimexTagger:
    """Pipeline component that sets ``doc._.timexes``; it needs the parser before it (tense)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = timexes(doc)
        return doc


@Language.factory("parley_timexes")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    """Build the ``parley_timexes`` component: ``nlp.add_pipe("parley_timexes")`` after the parser."""
    return TimexTagger()
