"""What a timex rule's match means: the parse-based checks that filter matches ("May" the month,
not the modal) and the normalisers that read a match into a TIMEX3 type, value and mod.

Every check and normaliser takes the match and the ``NormalisingContext``; a normaliser returns
None when the match names no real date ("February 30").
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

from ...lexicon import temporal
from .calendar import UNIT_GRANULARITY, UNKNOWN_VALUES, add_months, calendar_span, monday, shift
from .context import FUTURE, NEAREST, NormalisingContext, day_year, month_year, season_year, weekday_value
from .patterns import MONTHS, NUMBER_WORDS, ORDINALS, UNITS, table_key

_LEXICON = temporal()
_TIME_UNITS = set(_LEXICON["time_units"])
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]”\"]|$)")
_AGE = re.compile(r"[\s-]+(?:(?:and|or)\s+)?(?:old|older|young|younger)\b", re.IGNORECASE)
_GLUED = re.compile(r"[^\W\d_]-")  # the end of "sub-" right before "five-minute"
_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"\s+(?:ago|earlier|later|before|after|from\s+now|hence)\b", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"[-\s]+")
# What may stand before a dateline date: "TEHRAN, ", "New Delhi, ".
_DATELINE_PLACE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*")


@dataclasses.dataclass(frozen=True)
class TimexReading:
    """A rule's reading of a match: TIMEX3 type, value, mod, and what the tagger adds later."""

    type: str
    value: str
    mod: str = ""
    interval: tuple[dt.date, dt.date] | None = None  # overrides the interval read off the value
    clock: str = ""  # "15:00": a time of day whose date comes from the sentence or the anchor
    stamp: bool = False  # a time stamp ("1:52 P.M. EST" heading a transcript): what "ten minutes ago" counts from


def _mod(m: re.Match) -> str:
    part = m.groupdict().get("part")
    return _LEXICON["parts"][table_key(part)] if part else ""


def parse_number(text: str) -> float:
    """``"24"``, ``"two"``, ``"twenty-four"``, ``"a"`` as a number."""
    text = table_key(text).replace(",", "")
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if text[0].isdigit():
        return float(text)
    return float(sum(NUMBER_WORDS[w] for w in _NUMBER_PARTS.split(text)))


def _quantity(m: re.Match) -> float | None:
    """The number a match counts (None for vague "several"); "two and a half" is 2.5."""
    if m["half"]:
        return 0.5
    if m["vague"]:
        return None
    halves = m.groupdict()
    return parse_number(m["num"]) + (0.5 if halves.get("andhalf") or halves.get("andhalf2") else 0)


def _number(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def duration_value(n: float | None, unit: str) -> str:
    """``P2Y``, ``PT24H``, ``PXW``, ``P42M`` for three and a half years: a TIMEX3 duration."""
    unit, scale = _LEXICON["unit_scale"].get(unit, (unit, 1))
    n = None if n is None else n * scale
    while n is not None and n != int(n) and unit in _LEXICON["unit_fractions"]:
        unit, scale = _LEXICON["unit_fractions"][unit]
        n *= scale
    prefix = "PT" if unit in _TIME_UNITS else "P"
    return f"{prefix}{'X' if n is None else _number(n)}{_LEXICON['unit_codes'][unit]}"


def _rel(word: str | None) -> int | None:
    """-1, 0, 1 for "last", "this", "next" (before a name or a unit), None if absent."""
    if not word:
        return None
    return _LEXICON["name_relatives"].get(table_key(word), _LEXICON["deictic"].get(table_key(word)))


def capitalised(m: re.Match, group: str) -> bool:
    return m[group][0].isupper()


def _day_value(ctx: NormalisingContext, m: re.Match, month: int, day: int, start: int, end: int) -> str | None:
    """A day-and-month date: the year given, the publication year in a dateline, else by tense."""
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    elif _DATELINE_PLACE.fullmatch(ctx.text, 0, start):
        year = ctx.dct.year
    else:
        year = day_year(ctx.dct, month, day, ctx.tense(start, end))
    try:
        return dt.date(year, month, day).isoformat()
    except (TypeError, ValueError):
        return None


# --- rules: checks (parse-based filters) and normalisers ---------------------------------
def check_month_names(m: re.Match, ctx: NormalisingContext) -> bool:
    return capitalised(m, "mon") and (not m.groupdict().get("wd") or capitalised(m, "wd"))


def normalise_iso(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    """"2000-07-03", and the European day-first "03.07.2000"."""
    try:
        return TimexReading("DATE", dt.date(int(m["year"]), int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def normalise_wire_stamp(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    """"03-Jul-2000" a DATE; with a clock ("15:35 PM EDT", "1935 UTC") a TIME on that day, zone left out."""
    try:
        day = dt.date(int(m["year"]), MONTHS[table_key(m["mon"])], int(m["day"])).isoformat()
    except ValueError:
        return None
    hour, minute = m["h"] or m["h4"], m["mi"] or m["mi4"]
    if hour is None:
        return TimexReading("DATE", day)
    hour = int(hour)
    if m["ap"] and hour <= 12:  # "15:35 PM": a 24-hour clock with a stray PM
        hour = hour % 12 + (12 if m["ap"][0].lower() == "p" else 0)
    return TimexReading("TIME", f"{day}T{hour:02d}:{minute}")


def normalise_quarter_code(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    """"Q3 2020" is 2020-Q3, "H1 2022" 2022-H1 (upper case only: "q3" is rarely a quarter)."""
    if not m["qh"].isupper() or (m["qh"] == "H" and int(m["n"]) > 2):
        return None
    return TimexReading("DATE", f"{m['year']}-{m['qh']}{m['n']}")


def normalise_fiscal_year(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"fiscal 2022", "fiscal year 2022", "FY2022": TimeBank's FY2022 (its months vary by state: no interval)."""
    return TimexReading("DATE", f"FY{m['year']}")


def normalise_year_end(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"by year-end": the end of the year of reference."""
    base = ctx.ref("year")
    return TimexReading("DATE", f"{base.year:04d}" if base else "XXXX", "END")


def normalise_slash(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    """"11/16/2021" (a number over 12 is the day), "02/05/2006" (either order: the reading
    nearest the publication date, else US order); with a clock ("16/09/2005 - 15h45") a TIME."""
    readings = [d for d in (_calendar_day(int(m["year"]), int(m["a"]), int(m["b"])),
                            _calendar_day(int(m["year"]), int(m["b"]), int(m["a"]))) if d]
    if not readings:
        return None
    day = min(readings, key=lambda d: abs(d - ctx.dct)) if ctx.dct else readings[0]
    if m["h"] is None:
        return TimexReading("DATE", day.isoformat())
    return TimexReading("TIME", f"{day.isoformat()}T{int(m['h']):02d}:{m['mi']}")


def _calendar_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalise_day_month(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    value = _day_value(ctx, m, MONTHS[table_key(m["mon"]).rstrip(".")], int(m["day"]), *m.span())
    return TimexReading("DATE", value) if value else None


def normalise_month_days(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    """"between March 6 and 9": the month, over the days from the first to the last (a forward range)."""
    month, first, last = MONTHS[table_key(m["mon"]).rstrip(".")], int(m["day"]), int(m["day2"])
    value = _day_value(ctx, m, month, first, *m.span()) if first < last else None
    if value is None or value.startswith("X"):
        return None
    start = dt.date.fromisoformat(value)
    try:
        return TimexReading("DATE", value[:7], interval=(start, start.replace(day=last)))
    except ValueError:
        return None


def check_nth(m: re.Match, ctx: NormalisingContext) -> bool:
    before, after = ctx.prev_token(m.start()), ctx.next_token(m.end())
    cue = before is not None and before.lower_ in _LEXICON["month_cues"] and before.lower_ != "of"
    return cue and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))


def normalise_nth(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    day = int(m["day"])
    base = ctx.anchors.get("month")
    if base is None and ctx.dct is not None:  # "the 29th" with no month mentioned: by tense
        tense, base = ctx.tense(*m.span()), ctx.dct.replace(day=1)
        if tense == FUTURE and day < ctx.dct.day:
            base = dt.date(*add_months(base.year, base.month, 1), 1)
        elif tense not in (FUTURE, NEAREST) and day > ctx.dct.day:
            base = dt.date(*add_months(base.year, base.month, -1), 1)
    if base is None:
        return TimexReading("DATE", f"XXXX-XX-{day:02d}")
    try:
        return TimexReading("DATE", base.replace(day=day).isoformat())
    except ValueError:
        return None


def normalise_month_year(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    return TimexReading("DATE", f"{m['year']}-{MONTHS[table_key(m['mon']).rstrip('.')]:02d}", _mod(m))


def normalise_month_rel_year(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    month = MONTHS[table_key(m["mon"])]
    if ctx.dct is None:
        return TimexReading("DATE", f"XXXX-{month:02d}", _mod(m))
    return TimexReading("DATE", f"{ctx.dct.year + _rel(m['rel']):04d}-{month:02d}", _mod(m))


def normalise_rel_month(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    month = MONTHS[table_key(m["mon"])]
    if ctx.dct is None:
        suffix = f"-{int(m['day']):02d}" if m["day"] else ""
        return TimexReading("DATE", f"XXXX-{month:02d}{suffix}", _mod(m))
    year = month_year(ctx.dct, month, None, _rel(m["rel"]))
    if m["day"]:
        try:
            return TimexReading("DATE", dt.date(year, month, int(m["day"])).isoformat())
        except ValueError:
            return None
    return TimexReading("DATE", f"{year:04d}-{month:02d}", _mod(m))


def check_month(m: re.Match, ctx: NormalisingContext) -> bool:
    if not capitalised(m, "mon"):
        return False
    token = ctx.token(m.start("mon"))
    if token.ent_type_ == "PERSON" or token.pos_ in ("VERB", "AUX"):
        return False
    if table_key(m["mon"]) not in _LEXICON["ambiguous_months"] or m["part"]:
        return True
    before = ctx.prev_token(m.start("mon"))
    return before is not None and before.lower_ in _LEXICON["month_cues"]


def normalise_month(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    month = MONTHS[table_key(m["mon"])]
    if ctx.dct is None:
        return TimexReading("DATE", f"XXXX-{month:02d}", _mod(m))
    year = month_year(ctx.dct, month, ctx.tense(*m.span()), None)
    return TimexReading("DATE", f"{year:04d}-{month:02d}", _mod(m))


def check_year(m: re.Match, ctx: NormalisingContext) -> bool:
    """A bare four-digit number is a year unless it counts something or is a code (HeidelTime)."""
    if m["part"] or m["theyear"]:
        return True
    return _bare_year(ctx, int(m["year"]), m.start("year"), m.end())


def _bare_year(ctx: NormalisingContext, year: int, start: int, end: int) -> bool:
    """Whether the number ``year`` at ``start``-``end`` reads as a year in its context."""
    before, after = ctx.prev_token(start), ctx.next_token(end)
    if after is not None and after.lower_ in _LEXICON["year_blockers"]:
        return False
    if year < _LEXICON["bare_year_from"] and (before is None or before.lower_ not in _LEXICON["month_cues"]):
        return False  # "the 1267 committee"
    determined = before is not None and (before.pos_ in ("DET", "PRON") or before.tag_ == "POS")
    if after is not None and not determined:
        following = ctx.next_token(after.idx + len(after))
        if after.tag_ in ("NNS", "NNPS") or (after.pos_ == "ADJ" and following is not None
                                              and following.tag_ in ("NNS", "NNPS")):
            return False
    if before is not None and before.lower_ in _LEXICON["year_code_prefixes"]:
        return False
    named = before is not None and before.pos_ in ("NOUN", "PROPN") and before.text[:1].isupper()
    return not (named and table_key(before.text) not in MONTHS and table_key(before.text) not in _LEXICON["seasons"])


def normalise_year(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    return TimexReading("DATE", m["year"], _mod(m))


def _range_end(m: re.Match) -> int:
    """The second year of "1957-58" (1958) or "2009-2010"."""
    if m["year"]:
        return int(m["year"])
    first = int(m["first"])
    return first - first % 100 + int(m["yy"])


def check_year_range(m: re.Match, ctx: NormalisingContext) -> bool:
    """"the 2009-2010 season", "the expedition of 1957-58": a range runs forward and reads as years
    as a whole ("1998-02" is no range, "1957-58 km" no year)."""
    return int(m["first"]) < _range_end(m) and _bare_year(ctx, int(m["first"]), m.start(), m.end())


def normalise_year_range(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """The second year of a range, a TIMEX3 of its own (TimeML): "1957-58" gives 1958 (1957 is the year rule's)."""
    return TimexReading("DATE", f"{_range_end(m):04d}")


def check_decade(m: re.Match, ctx: NormalisingContext) -> bool:
    return not m["dec2b"] or bool(m["the"])


def normalise_decade(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    value = m["dec"][:3] if m["dec"] else "19" + (m["dec2"] or m["dec2b"])[0]
    return TimexReading("DATE", value, _mod(m))


def normalise_century(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    n = int(m["n"]) if m["n"] else ORDINALS[table_key(m["ord"])]
    return TimexReading("DATE", f"{n - 1:02d}", _mod(m)) if n > 0 else None


def normalise_part_of_year(m: re.Match, ctx: NormalisingContext) -> TimexReading | None:
    count = 2 if table_key(m["pu"] or "") == "half" else 4
    word = table_key(m["ord"])
    n = int(word[0]) if word[0].isdigit() else ORDINALS[word]
    n = count if n == -1 else n
    if not 1 <= n <= count:
        return None
    if m["year"]:
        year = m["year"]
    else:
        base = ctx.ref("year") if not m["rel"] else ctx.dct
        if base is None:
            return TimexReading("DATE", f"XXXX-{'Q' if count == 4 else 'H'}{n}")
        year = f"{base.year + (_rel(m['rel']) or 0):04d}"
    return TimexReading("DATE", f"{year}-{'Q' if count == 4 else 'H'}{n}")


def check_season(m: re.Match, ctx: NormalisingContext) -> bool:
    """"summer" yes, "the Arab Spring" no: a capitalised season after a capitalised word is a name."""
    if not capitalised(m, "sea"):
        return True
    before = ctx.prev_token(m.start("sea"))
    return before is None or not before.text[:1].isupper() or before.is_sent_start


def normalise_season(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    code = _LEXICON["seasons"][table_key(m["sea"])]
    groups = m.groupdict()
    if groups.get("year"):
        return TimexReading("DATE", f"{m['year']}-{code}", _mod(m))
    if ctx.dct is None:
        return TimexReading("DATE", f"XXXX-{code}", _mod(m))
    rel = _rel(groups.get("rel"))
    year = season_year(ctx.dct, code, None if rel is not None else ctx.tense(*m.span()), rel)
    return TimexReading("DATE", f"{year:04d}-{code}", _mod(m))


def check_weekday(m: re.Match, ctx: NormalisingContext) -> bool:
    return capitalised(m, "wd")


def normalise_weekday(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    rel = _rel(m["rel"])
    tense = ctx.tense(*m.span()) if rel is None else None
    value = weekday_value(ctx.dct, _LEXICON["weekdays"][table_key(m["wd"])], tense, rel)
    if m["pod"]:
        return TimexReading("TIME", f"{value}T{_LEXICON['parts_of_day'][table_key(m['pod'])]}", _mod(m))
    return TimexReading("DATE", value, _mod(m))


def check_day_word(m: re.Match, ctx: NormalisingContext) -> bool:
    """"today" yes, "USA Today" no."""
    if not m["dw"][0].isupper():
        return True
    before = ctx.prev_token(m.start())
    return before is None or not before.text[:1].isupper() or ctx.token(m.start()).is_sent_start


def normalise_day_word(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    offset, pod = _LEXICON["day_words"][table_key(m["dw"])]
    pod = _LEXICON["parts_of_day"][table_key(m["pod"])] if m["pod"] else pod
    value = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    return TimexReading("TIME", f"{value}T{pod}") if pod else TimexReading("DATE", value)


def normalise_deictic(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    unit = table_key(m["unit"])
    if ctx.dct is None:
        return TimexReading("DATE", UNKNOWN_VALUES[unit], _mod(m))
    return TimexReading("DATE", shift(ctx.dct, unit, _rel(m["rel"])), _mod(m))


def normalise_anaphoric(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"the previous day", "that evening", "the following week": counted from the anchor."""
    unit = table_key(m["unit"])
    offset = _LEXICON["anaphoric"][table_key(m["rel"])] if m.groupdict().get("rel") else 0
    pod = _LEXICON["parts_of_day"].get(unit)
    base = ctx.ref("day" if pod else UNIT_GRANULARITY[unit])
    if pod:
        day = (base + dt.timedelta(days=offset)).isoformat() if base else "XXXX-XX-XX"
        return TimexReading("TIME", f"{day}T{pod}", _mod(m))
    return TimexReading("DATE", shift(base, unit, offset) if base else UNKNOWN_VALUES[unit], _mod(m))


def normalise_unit_before(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    unit = table_key(m["unit"])
    base = ctx.ref(UNIT_GRANULARITY[unit])
    offset = -1 if table_key(m["dir"]) == "before" else 1
    return TimexReading("DATE", shift(base, unit, offset) if base else UNKNOWN_VALUES[unit])


def check_relative(m: re.Match, ctx: NormalisingContext) -> bool:
    """"two days after" ends the clause; "two days after the vote" is a DURATION and a signal. "A month
    earlier than usual" compares: the DURATION "a month" measures the gap, no date is meant."""
    direction = table_key(m["dir"])
    if direction in ("earlier", "later") and _THAN.match(ctx.text, m.end()):
        return False
    if m.groupdict().get("lo") and not _number_range(m):
        return False
    return direction not in ("before", "after") or _CLAUSE_END.match(ctx.text, m.end()) is not None


def _number_range(m: re.Match) -> bool:
    """"10, 15 minutes ago" and "two-three weeks ago" are ranges; in "he will be 40, eight years from
    now" the number before the comma is no part of the timex: a range runs forward, and a comma joins
    figures only."""
    n = _quantity(m)
    if n is None or int(m["lo"]) >= n:
        return False
    comma = m.group(0)[m.end("lo") - m.start():m.start("num") - m.start()].strip() == ","
    return not comma or m["num"][0].isdigit()


_MINUTES = {"hour": 60, "minute": 1, "second": 1 / 60}


def _clock_shift(clock: str, minutes: float) -> str:
    """"13:52" moved by ``minutes`` to the nearest whole minute, kept within the day."""
    hour, minute = map(int, clock.split(":"))
    total = min(max(math.floor(hour * 60 + minute + minutes + 0.5), 0), 24 * 60 - 1)
    return f"{total // 60:02d}:{total % 60:02d}"


def normalise_relative(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"two weeks ago" from publication, "three days earlier" from the anchor."""
    unit = UNITS[table_key(m["unit"])]
    direction = table_key(m["dir"])
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    n = _quantity(m)
    if n is None:
        return TimexReading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    mod = _LEXICON["date_approximations"][table_key(m["approx"])] if m["approx"] else ""
    if m["lo"]:  # "10, 15 minutes ago": the middle of the range, approximately
        n, mod = (n + int(m["lo"])) / 2, "APPROX"
        n = n if unit in _TIME_UNITS else math.floor(n + 0.5)
    if unit in _TIME_UNITS and ctx.clock and direction in ("ago", "from now", "hence"):
        return TimexReading("TIME", "", mod, clock=_clock_shift(ctx.clock, sign * n * _MINUTES[unit]))
    while n != int(n) and unit in ("century", "decade", "year", "week"):  # "a year and a half ago": 18 months
        unit, scale = _LEXICON["unit_fractions"][unit]
        n *= scale
    base = ctx.dct if direction in ("ago", "from now", "hence") else ctx.ref(UNIT_GRANULARITY[unit])
    value = shift(base, unit, sign * round(n)) if base else UNKNOWN_VALUES[unit]
    if mod in ("MORE", "LESS"):  # "more than a year ago" lies before the year a year ago
        mod = "BEFORE" if (mod == "MORE") == (sign < 0) else "AFTER"
    return TimexReading("DATE", value, mod)


def normalise_weekend(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"over the weekend": the last one (publication on a weekend counts), or the next if future."""
    if ctx.dct is None:
        return TimexReading("DATE", UNKNOWN_VALUES["weekend"])
    saturday = monday(ctx.dct) + dt.timedelta(days=5)
    if ctx.tense(*m.span()) == FUTURE:
        weeks = 0 if ctx.dct < saturday else 1
    else:
        weeks = 0 if ctx.dct >= saturday else -1
    return TimexReading("DATE", shift(ctx.dct, "weekend", weeks))


def normalise_earlier_this(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"earlier this month": the month (TimeML), but the interval stops at publication."""
    unit = table_key(m["unit"] or "day")
    if ctx.dct is None:
        return TimexReading("DATE", UNKNOWN_VALUES[unit])
    value = shift(ctx.dct, unit, 0)
    _, start, end = calendar_span(value)
    interval = (start, ctx.dct) if table_key(m["el"]) == "earlier" else (ctx.dct, end)
    return TimexReading("DATE", value, interval=interval)


def normalise_unit_reference(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    return TimexReading("DATE", _LEXICON["unit_references"][table_key(m["lead"])])


def check_span_duration(m: re.Match, ctx: NormalisingContext) -> bool:
    """"the past week" is P1W; "the next day" and "the last week of August" are not durations.

    TimeML makes "the past two weeks" / "over the last weeks" a DURATION (P2W, PXW) whose end
    point is the document time; the tables have no anchor column, so it gets no interval.
    """
    lead, plural = table_key(m["lead"]), UNITS[table_key(m["unit"])] != table_key(m["unit"])
    if m["num"] or m["vague"] or m["half"]:
        return True
    return (plural and lead not in _LEXICON["unit_references"]) or lead == "the past"


def normalise_span_duration(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"the past two weeks" P2W, "the last weeks" PXW, "(over) the next decade" P1DE."""
    unit_word, counted = table_key(m["unit"]), any(m.groupdict().get(g) for g in ("num", "vague", "half"))
    n = _quantity(m) if counted else (1 if UNITS[unit_word] == unit_word else None)
    return TimexReading("DURATION", duration_value(n, UNITS[unit_word]))


def _age(m: re.Match, ctx: NormalisingContext) -> bool:
    """An age, not a time: "59 years old", "children 6 months and older", "aged 6 months"."""
    before = ctx.prev_token(m.start())
    return bool(_AGE.match(ctx.text, m.end())) or (before is not None and before.lower_ in _LEXICON["age_cues"])


def check_duration(m: re.Match, ctx: NormalisingContext) -> bool:
    """Not ages ("59 years old"), ordinals ("a second call") or vague singulars ("some day")."""
    unit_word = table_key(m["unit"])
    if _age(m, ctx):
        return False
    if unit_word == "second" and not (m["num"] or "")[:1].isdigit():
        return False
    return not (m["vague"] and UNITS[unit_word] == unit_word)


def check_duration_range(m: re.Match, ctx: NormalisingContext) -> bool:
    """"between 12 and 18 months" runs forward; not an age ("6 to 23 months old") or a date ("two to
    three years ago", which the relative rule reads as one)."""
    if _age(m, ctx) or _RELATIVE_AFTER.match(ctx.text, m.end()):
        return False
    return parse_number(m["num"]) < parse_number(m["num2"])


def normalise_duration_range(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """The first number of a range of durations, with the unit of the second: "between 12 and 18
    months" is P12M and P18M, two TIMEX3s (TimeML); the duration rule reads the second."""
    return TimexReading("DURATION", duration_value(parse_number(m["num"]), UNITS[table_key(m["unit"])]))


def normalise_duration(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    approx = m["approx"]
    return TimexReading("DURATION", duration_value(_quantity(m), UNITS[table_key(m["unit"])]),
                 _LEXICON["approximations"][table_key(approx)] if approx else "")


def check_adjective_duration(m: re.Match, ctx: NormalisingContext) -> bool:
    """"a two-year deal", "a week-long visit"; a bare "year" is not one, nor a duration glued to a word
    before it, which makes a measure of it: "a sub-five-minute mile"."""
    if m.start() >= 2 and _GLUED.fullmatch(ctx.text, m.start() - 2, m.start()):
        return False
    return bool(m["num"]) or m[0].lower().endswith("-long")


def normalise_adjective_duration(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    n = parse_number(m["num"]) + (0.5 if m["andhalf"] else 0) if m["num"] else 1
    return TimexReading("DURATION", duration_value(n, UNITS[table_key(m["unit"])]))


def normalise_bare_plural(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"for years", "could take weeks", "in recent days": a vague DURATION (PXY, PXW, PXD)."""
    return TimexReading("DURATION", duration_value(None, UNITS[table_key(m["unit"])]))


def check_bare_plural_verb(m: re.Match, ctx: NormalisingContext) -> bool:
    """"the talks could take weeks" yes; "in the last weeks" (an adjective) no."""
    return ctx.token(m.start()).pos_ == "VERB"


def check_bare_plural_offset(m: re.Match, ctx: NormalisingContext) -> bool:
    """"minutes before the convoy arrived" yes; "in the days before the vote" (a noun phrase with its
    determiner) and "days before." (the clause ends: no event to count from) no."""
    before = ctx.prev_token(m.start("unit"))
    if before is not None and (before.pos_ in ("DET", "NUM", "ADJ", "PRON") or before.tag_ == "POS"):
        return False
    return _CLAUSE_END.match(ctx.text, m.end()) is None


def check_reference(m: re.Match, ctx: NormalisingContext) -> bool:
    """"the future" yes, "the future government" no; "now that" is a conjunction."""
    ref = table_key(m["ref"])
    last = ctx.token(m.end() - 1)
    if f"{ref}*" in _LEXICON["references"] and last.pos_ != "NOUN":
        return False
    after = ctx.next_token(m.end())
    return not (ref == "now" and after is not None and after.lower_ == "that" and after.pos_ == "SCONJ")


def normalise_reference(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    ref = table_key(m["ref"])
    table = _LEXICON["references"]
    return TimexReading("DATE", table.get(ref) or table.get(f"{ref}*") or _LEXICON["cued_references"][ref])


def check_adverb_reference(m: re.Match, ctx: NormalisingContext) -> bool:
    """"the call I read out earlier" and "Earlier, they met" yes; "an earlier call", "earlier in May",
    "earlier that day" (the date is the timex) and "earlier than planned" no."""
    token, after = ctx.token(m.start()), ctx.next_token(m.end())
    if token.pos_ != "ADV" or after is None:
        return token.pos_ == "ADV"
    if after.lower_ in _LEXICON["adverb_reference_blockers"]:
        return False
    following = ctx.next_token(after.idx + len(after))
    return not (after.lower_ == "that" and following is not None and following.lower_ in UNITS)


def normalise_adverb_reference(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    return TimexReading("DATE", _LEXICON["adverb_references"][table_key(m["ref"])])


def check_clock24(m: re.Match, ctx: NormalisingContext) -> bool:
    """"at 15:30" or "15:30 GMT", not a score or a ratio."""
    before = ctx.prev_token(m.start())
    after = table_key(ctx.text[m.end():m.end() + 12])
    cued = before is not None and before.lower_ in _LEXICON["time_cues"]
    return cued or bool(m["tz"]) or after.startswith(tuple(_LEXICON["time_suffixes"]))


def normalise_clock(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    groups = m.groupdict()
    if groups.get("nm"):
        return TimexReading("TIME", "", clock=_LEXICON["clock_words"][table_key(m["nm"])])
    hour = int(m["h"]) if m["h"].isdigit() else NUMBER_WORDS[table_key(m["h"])]
    if groups.get("ap"):
        hour = hour % 12 + (12 if m["ap"][0].lower() == "p" else 0)
    before = ctx.prev_token(m.start())
    stamp = bool(groups.get("tz")) and (before is None or before.lower_ not in _LEXICON["time_cues"])
    return TimexReading("TIME", "", clock=f"{hour:02d}:{int(m['mi'] or 0):02d}", stamp=stamp)
