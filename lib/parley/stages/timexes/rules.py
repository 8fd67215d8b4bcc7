"""The timex rules, HeidelTime-style: a regex per pattern, a parse-based check, a normaliser,
and the words that trigger it; and the matching that runs only the rules an article's words call.

A rule is tried only where one of its trigger words (or a digit) occurs, starting at most
``back`` tokens before it, and only across temporal words, digits and punctuation. Overlapping
matches go to the longest, then to the earlier rule in the table.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import Callable

from spacy.strings import get_string_id

from ...lexicon import temporal
from .context import NormalisingContext
from .normalisers import (
    TimexReading, check_adjective_duration, check_adverb_reference, check_bare_plural_offset,
    check_bare_plural_verb, check_clock24, check_day_word, check_decade, check_duration, check_duration_range,
    check_month, check_month_names, check_nth, check_reference, check_relative, check_season, check_span_duration,
    check_weekday, check_year, check_year_range, normalise_adjective_duration, normalise_adverb_reference,
    normalise_anaphoric, normalise_bare_plural, normalise_century, normalise_clock, normalise_day_month,
    normalise_day_word, normalise_decade, normalise_deictic, normalise_duration, normalise_duration_range,
    normalise_earlier_this, normalise_fiscal_year, normalise_iso, normalise_month, normalise_month_days,
    normalise_month_rel_year,
    normalise_month_year, normalise_nth, normalise_part_of_year, normalise_quarter_code, normalise_reference,
    normalise_rel_month, normalise_relative, normalise_season, normalise_slash, normalise_span_duration,
    normalise_unit_before, normalise_unit_reference, normalise_weekday, normalise_weekend, normalise_wire_stamp,
    normalise_year, normalise_year_end, normalise_year_range,
)
from .patterns import (
    DAY, DIGITS, HOUR_WORDS, MONTH, MONTHS, MONTH_NAME, NUMBER_WORD, ORDINALS, PART, PART_OF_DAY, QUANTITY,
    RELATIVE, SEASON, UNIT, UNITS, UNIT_PLURAL, UNIT_SINGULAR, WEEKDAY, YEAR, ZONE, alternation,
)
from .sets import (
    check_set_every, check_set_word, normalise_set_every, normalise_set_frequency, normalise_set_weekdays,
    normalise_set_word,
)

_LEXICON = temporal()


@dataclasses.dataclass(frozen=True)
class TimexRule:
    """One pattern: its regex, a parse-based check, its normaliser, and the words that trigger it."""

    name: str
    source: str  # the regex, case-insensitive
    norm: Callable[[re.Match, NormalisingContext], TimexReading | None]
    check: Callable[[re.Match, NormalisingContext], bool] | None
    on: frozenset[str]  # lower-case tokens every match contains
    digits: bool  # or: a token with a digit
    back: int  # how many tokens before the trigger a match may start

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        """The compiled regex, on the rule's first trigger: an article triggers only some of the
        rules, and compiling them all would slow down every fresh process."""
        return re.compile(self.source, re.IGNORECASE)


def _rule(name: str, pattern: str, norm, check=None, *, on=(), digits=False, back=5) -> TimexRule:
    return TimexRule(name, pattern, norm, check, frozenset(on), digits, back)


def _last_words(keys) -> set[str]:
    return {k.rstrip("*").split()[-1] for k in keys}


_ON_MONTH = set(MONTHS)
_ON_WEEKDAY = set(_LEXICON["weekdays"])
_ON_SEASON = set(_LEXICON["seasons"])
_ON_PART = set(_LEXICON["parts_of_day"])
_PARTS_OF_DAY = alternation(_LEXICON["parts_of_day"])
_ON_UNIT = set(UNITS) | set(_LEXICON["deictic_units"]) | set(_LEXICON["anaphoric_units"])
# Earlier rules win ties between matches of the same length; the longest match always wins.
_ZONES = alternation(_LEXICON["time_zones"])
_BARE_UNITS = alternation([*_LEXICON["bare_plural_units"], *_LEXICON["bare_plural_short_units"]])
_RULES = [
    # a wire-service time stamp: "03-Jul-2000", "03-Jul-2000 15:35 PM EDT", "03-Jul-2000 1935 UTC"
    _rule("wire_stamp", rf"\b(?P<day>3[01]|[12]\d|0?[1-9])-(?P<mon>{alternation(MONTHS)})-(?P<year>\d{{4}})\b"
          rf"(?:\s+(?:(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap]\.?\s?m\b\.?))?"
          rf"|(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s+(?:{_ZONES})\b)){ZONE}?)?", normalise_wire_stamp, digits=True),
    _rule("iso", r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", normalise_iso, digits=True),
    # "11/16/2021"; an agency's header stamp "16/09/2005 - 15h45" (a day and a clock: one TIME)
    _rule("slash", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b"
          r"(?:[ \t]*(?:[-–—,|][ \t]*)?(?P<h>[01]?\d|2[0-3])(?:h|:)(?P<mi>[0-5]\d)\b(?![:.]\d))?", normalise_slash,
          digits=True),
    _rule("dotted", r"(?<![\d.])\b(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<year>[12]\d{3})\b(?!\.\d)",
          normalise_iso, digits=True),
    _rule("quarter_code", r"\b(?P<qh>[QH])(?P<n>[1-4])\s+(?P<year>[12]\d{3})\b", normalise_quarter_code, digits=True),
    _rule("fiscal_year", r"\b(?:fiscal(?:\s+year)?\s+|FY\s*)(?P<year>[12]\d{3})\b", normalise_fiscal_year,
          on={"fiscal"}, digits=True),
    _rule("year_end", r"\byear[-\s]end\b", normalise_year_end, on={"end"}, back=2),
    _rule("month_day", rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", normalise_day_month,
          check_month_names, on=_ON_MONTH),
    # days of one month: "between March 6 and 9", "June 9-17", "May 3 to 5, 2006"
    _rule("month_days", rf"\b{MONTH}\s+{DAY}\s*(?:-|–|and|to|through)\s*(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
          rf"\b(?!\s*(?:{alternation(MONTHS)})\b|[:.]\d|\s*(?:a\.?m|p\.?m|percent|per|%))(?:,?\s+{YEAR})?",
          normalise_month_days, check_month_names, on=_ON_MONTH),
    _rule("day_month", rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?",
          normalise_day_month, check_month_names, on=_ON_MONTH),
    _rule("nth", r"\bthe\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b", normalise_nth, check_nth, digits=True),
    _rule("month_year", rf"{PART}?\b{MONTH}(?:\s+of)?,?\s+{YEAR}", normalise_month_year, check_month_names,
          on=_ON_MONTH),
    _rule("month_rel_year", rf"{PART}?\b{MONTH_NAME}\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b",
          normalise_month_rel_year, check_month_names, on=_ON_MONTH),
    _rule("rel_month", rf"{PART}?\b{RELATIVE}\s+{MONTH_NAME}(?:\s+{DAY})?", normalise_rel_month, check_month_names,
          on=_ON_MONTH),
    _rule("month", rf"{PART}?\b{MONTH_NAME}", normalise_month, check_month, on=_ON_MONTH),
    _rule("year", rf"(?<![\d.,$€£#/-])(?:\b(?P<theyear>the\s+year)\s+)?{PART}?\b(?P<year>1\d{{3}}|20\d\d)\b"
          r"(?![%]|[.,]\d|-\d\d-)", normalise_year, check_year, digits=True),
    # the second year of a range: "1957-58", "2009-2010", "the 2009/10 budget"
    _rule("year_range", r"(?<![\d.,$€£#/-])\b(?P<first>1\d{3}|20\d\d)\s*[-–—/]\s*(?P<t>(?P<year>1\d{3}|20\d\d)|"
          r"(?P<yy>\d\d))\b(?![%]|[.,]\d|[-–/]\d)", normalise_year_range, check_year_range, digits=True),
    _rule("decade", rf"(?:\b(?P<the>the)\s+)?{PART}?(?:\b(?P<dec>\d{{3}}0)|['’](?P<dec2>\d0)|\b(?P<dec2b>\d0))"
          r"['’]?s\b", normalise_decade, check_decade, digits=True),
    _rule("century", rf"(?:\bthe\s+)?{PART}?(?:\b(?P<n>\d{{1,2}})(?:st|nd|rd|th)|\b(?P<ord>"
          rf"{alternation(w for w, n in ORDINALS.items() if n > 0)}))\s+century\b", normalise_century, on={"century"}),
    _rule("part_of_year", r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+"
          rf"(?:(?P<pu>quarter|half)\s+of\s+(?:{YEAR}|{RELATIVE}\s+year|the\s+year)|(?P<pu2>quarter)\b(?!\s+of\b))",
          normalise_part_of_year, on={"quarter", "half"}),
    _rule("season_year", rf"(?:\bthe\s+)?{PART}?\b{SEASON}(?:\s+of)?,?\s+{YEAR}", normalise_season, check_season,
          on=_ON_SEASON),
    _rule("season_rel", rf"{PART}?\b{RELATIVE}\s+{SEASON}", normalise_season, check_season, on=_ON_SEASON),
    _rule("season_part", rf"{PART}(?:the\s+)?{SEASON}(?!\s+of\b)", normalise_season, check_season, on=_ON_SEASON),
    _rule("season_cued", rf"\b(?:{alternation(_LEXICON['season_cues'])})\s+(?P<t>(?:the\s+)?{SEASON})(?!\s+of\b)",
          normalise_season, check_season, on=_ON_SEASON),
    _rule("weekday", rf"(?:\b{RELATIVE}\s+)?{PART}?\b{WEEKDAY}(?:\s+{PART_OF_DAY})?", normalise_weekday, check_weekday,
          on=_ON_WEEKDAY),
    _rule("day_word", rf"\b(?P<dw>{alternation(_LEXICON['day_words'])})\b(?:\s+{PART_OF_DAY})?", normalise_day_word,
          check_day_word, on=_last_words(_LEXICON["day_words"])),
    # "over the next decade", "within the past week": the stretch of time, a DURATION (P1DE, P1W)
    _rule("cued_span", rf"\b(?:{alternation(_LEXICON['span_cues'])})\s+(?P<t>(?P<lead>"
          rf"{alternation(_LEXICON['span_durations'])})\s+{UNIT_SINGULAR})", normalise_span_duration, on=_ON_UNIT),
    _rule("deictic", rf"{PART}?\b(?P<rel>{alternation(_LEXICON['deictic'])})\s+"
          rf"(?P<unit>{alternation(_LEXICON['deictic_units'])})\b",
          normalise_deictic, on=_ON_UNIT),
    _rule("anaphoric", rf"{PART}?\b(?P<rel>{alternation(_LEXICON['anaphoric'])})\s+"
          rf"(?P<unit>{alternation(_LEXICON['anaphoric_units'])})\b",
          normalise_anaphoric, on=_ON_UNIT),
    # "the end of the year", and without the article "by the end of year"
    _rule("part_of_the_unit", rf"{PART}(?:the\s+)?(?P<unit>week|month|year)\b(?!\s+\d)", normalise_anaphoric,
          on=_ON_UNIT),
    _rule("unit_before", r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b", normalise_unit_before,
          check_relative, on=_ON_UNIT),
    _rule("relative", rf"\b(?:(?P<approx>{alternation(_LEXICON['date_approximations'])})\s+)?"
          rf"(?:(?P<lo>\d{{1,3}})\s*(?:,|-|–|to|or)\s*)?{QUANTITY}\s+{UNIT}\s+"
          r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b", normalise_relative, check_relative,
          back=8, on=_ON_UNIT),
    _rule("weekend", r"\bthe\s+weekend\b", normalise_weekend, on={"weekend"}),
    _rule("earlier_this", r"\b(?P<el>earlier|later)\s+(?:this\s+(?P<unit>week|month|year)|today)\b",
          normalise_earlier_this, on=_ON_UNIT | {"today"}),
    _rule("unit_reference", rf"\b(?P<lead>{alternation(_LEXICON['unit_references'])})\s+{UNIT_PLURAL}",
          normalise_unit_reference, on=_ON_UNIT),
    _rule("span_duration", rf"\b(?P<lead>{alternation(_LEXICON['span_durations'])})\s+(?:{QUANTITY}\s+)?{UNIT}",
          normalise_span_duration, check_span_duration, back=8, on=_ON_UNIT),
    _rule("duration", rf"\b(?:(?P<approx>{alternation(_LEXICON['approximations'])})\s+)?{QUANTITY}\s+(?:more\s+)?{UNIT}"
          r"(?P<andhalf2>\s+and\s+a\s+half)?(?!-)", normalise_duration, check_duration, back=8, on=_ON_UNIT),
    # the first number of a range: "between 12 and 18 months", "two or three days"
    _rule("duration_range", rf"\b(?P<t>(?P<num>\d{{1,3}}|{NUMBER_WORD}))\s*(?:-|–|to|and|or)\s*"
          rf"(?P<num2>\d{{1,3}}|{NUMBER_WORD})\s+{UNIT}(?!-)", normalise_duration_range, check_duration_range, back=8,
          on=_ON_UNIT),
    _rule("adjective_duration", rf"\b(?:(?P<num>\d{{1,3}}|{NUMBER_WORD})(?P<andhalf>-and-a-half)?-)?{UNIT_SINGULAR}"
          r"(?:-long\b|(?<=\w)(?!-old)\b)",
          normalise_adjective_duration, check_adjective_duration, back=9, on=_ON_UNIT),
    _rule("bare_plural", rf"\b(?:{alternation(_LEXICON['bare_plural_cues'])})\s+"
          rf"(?P<t>(?P<unit>{alternation(_LEXICON['bare_plural_units'])}))\b",
          normalise_bare_plural, on=_ON_UNIT),
    # "the talks could take weeks", "the siege lasted months"
    _rule("bare_plural_verb", rf"\b(?:{alternation(_LEXICON['bare_plural_verbs'])})\s+"
          rf"(?P<t>(?P<unit>{alternation(_LEXICON['bare_plural_units'])}))\b",
          normalise_bare_plural, check_bare_plural_verb, on=_ON_UNIT),
    # "minutes before the convoy arrived", "days after the vote"
    _rule("bare_plural_offset", rf"\b(?P<t>(?P<unit>{_BARE_UNITS}))\s+"
          rf"(?:{alternation(_LEXICON['bare_plural_offsets'])})\b", normalise_bare_plural, check_bare_plural_offset,
          on=_ON_UNIT),
    # "in recent weeks": PXW
    _rule("recent_span", rf"\b(?:{alternation(_LEXICON['recent_spans'])})\s+{UNIT_PLURAL}", normalise_bare_plural,
          on=_ON_UNIT),
    # "every year", "every Monday (morning)", "each morning", "every August", "every winter"
    _rule("set_every", rf"\b(?:every|each)\s+(?:{WEEKDAY}(?:\s+{PART_OF_DAY})?|(?P<daypart>{_PARTS_OF_DAY})\b|"
          rf"{MONTH_NAME}|{SEASON}|(?:(?P<num>{DIGITS}|{NUMBER_WORD})\s+|(?P<other>other)\s+|(?P<few>few)\s+)?{UNIT})",
          normalise_set_every, check_set_every, back=8, on=_ON_UNIT | _ON_WEEKDAY | _ON_MONTH | _ON_SEASON | _ON_PART),
    _rule("set_frequency", rf"\b(?:{alternation(_LEXICON['frequencies'])}|(?:{DIGITS}|{NUMBER_WORD})\s+times)\s+"
          rf"(?:a|an|per|every|each)\s+{UNIT_SINGULAR}(?!\s+(?:earlier|later|ago|before|after)\b)",
          normalise_set_frequency, back=8, on=_ON_UNIT),
    _rule("set_per", rf"\bper\s+{UNIT_SINGULAR}", normalise_set_frequency, on=_ON_UNIT),
    _rule("set_word", rf"\b(?:{alternation(_LEXICON['set_words'])})\b", normalise_set_word, check_set_word,
          on=_LEXICON["set_words"]),
    # "on Mondays", "Friday nights"
    _rule("set_weekdays", rf"\b(?:on\s+)?(?P<t>(?P<wd>{alternation(_LEXICON['weekdays'])})"
          rf"(?:s|\s+(?P<pod>{_PARTS_OF_DAY})s))\b", normalise_set_weekdays, check_weekday,
          on={f"{w}s" for w in [*_LEXICON["weekdays"], *_LEXICON["parts_of_day"]]}),
    _rule("reference", rf"\b(?P<ref>{alternation(_LEXICON['references'])})\b", normalise_reference, check_reference,
          on=_last_words(_LEXICON["references"])),
    _rule("adverb_reference", rf"\b(?P<ref>{alternation(_LEXICON['adverb_references'])})\b", normalise_adverb_reference,
          check_adverb_reference, on=_LEXICON["adverb_references"]),
    _rule("cued_reference", rf"\b(?:at|for)\s+(?P<t>(?P<ref>{alternation(_LEXICON['cued_references'])}))\b"
          r"(?!\s+(?:of|when|that)\b)", normalise_reference, on=_last_words(_LEXICON["cued_references"])),
    _rule("clock", rf"(?<![\d:.])\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?){ZONE}?",
          normalise_clock, digits=True),
    _rule("clock24", rf"(?<![\d:.])\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?![:.]\d){ZONE}?", normalise_clock,
          check_clock24, digits=True),
    # "15h45", "9h07": the hour-h-minutes clock of Portuguese, French and Spanish usage
    _rule("clock_h", rf"(?<![\d:.])\b(?P<h>[01]?\d|2[0-3])h(?P<mi>[0-5]\d)\b{ZONE}?", normalise_clock, digits=True),
    _rule("oclock", rf"\b(?P<h>[01]?\d|2[0-4]|{HOUR_WORDS})\s+o['’]clock\b", normalise_clock,
          on={"o'clock", "o’clock"}),
    _rule("noon", rf"\b(?P<nm>{alternation(_LEXICON['clock_words'])})\b", normalise_clock, on=_LEXICON["clock_words"]),
]
# Which rules a token triggers, by string id ("aug." as well as "aug").
def _trigger_table(rules: list[TimexRule]) -> dict[int, tuple[int, ...]]:
    table: dict[int, tuple[int, ...]] = {}
    for order, rule in enumerate(rules):
        for word in rule.on:
            for form in {word, f"{word}."}:
                table[get_string_id(form)] = table.get(get_string_id(form), ()) + (order,)
    return table


_TRIGGERS = _trigger_table(_RULES)
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
_PATTERN_WORDS = ("fiscal fy the of in on at for this that last next coming past year every each other few times a an "
                  "and half more ago earlier later before after from now hence quarter 1st 2nd 3rd 4th long")
_VOCABULARY = {get_string_id(w) for w in _words(_LEXICON) | set(_PATTERN_WORDS.split()) if w}


def _extent(m: re.Match) -> tuple[int, int]:
    """The timex's extent: the ``t`` group when a rule matches a cue word around it."""
    return m.span("t") if "t" in m.re.groupindex and m["t"] is not None else m.span()


def _inner_digit_matches(ctx: NormalisingContext) -> list[tuple]:
    """Digit rules tried where a number starts inside a token: "DATE=7/3/2000" is one token."""
    text, token_starts, found = ctx.text, set(ctx.starts), []
    for run in _DIGIT_RUN.finditer(text):
        at = run.start()
        if at in token_starts or text[at - 1].isalnum():
            continue
        for order in _ON_DIGITS:
            rule = _RULES[order]
            m = rule.pattern.match(text, at)
            if m and (rule.check is None or rule.check(m, ctx)):
                start, end = _extent(m)
                found.append((-(end - start), order, start, end, rule, m))
    return found


def candidates(ctx: NormalisingContext) -> list[tuple[int, int, TimexRule, re.Match]]:
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
                    start, end = _extent(m)
                    found.append((-(end - start), order, start, end, rule, m))
    found += _inner_digit_matches(ctx)
    found.sort(key=lambda c: c[:3])
    taken: list[tuple[int, int, TimexRule, re.Match]] = []
    for _, _, start, end, rule, m in found:
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, rule, m))
    return sorted(taken, key=lambda c: c[0])
