"""The regex building blocks the timex rules are written with, spelled from the temporal lexicon
(``timex.json``): a month, a day, a year, a quantity of units, a part ("early", "late") and so on."""
from __future__ import annotations

import re

from ...lexicon import temporal

_LEXICON = temporal()

MONTHS: dict[str, int] = _LEXICON["months"] | _LEXICON["month_abbreviations"]
UNITS: dict[str, str] = _LEXICON["units"]  # "weeks" -> "week"
NUMBER_WORDS: dict[str, int] = _LEXICON["numbers"]  # "twenty" -> 20, "a" -> 1
ORDINALS: dict[str, int] = _LEXICON["ordinals"]  # "third" -> 3, "last" -> -1


def table_key(text: str) -> str:
    """Lower case with single spaces: how the data tables spell their keys."""
    return " ".join(text.lower().split())


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, a space matching any run of whitespace."""
    escaped = (re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


MONTH = (rf"(?P<mon>(?:{alternation(_LEXICON['months'])})\b|"
         rf"(?:{alternation(_LEXICON['month_abbreviations'])})(?:\.|\b))")
MONTH_NAME = rf"(?P<mon>{alternation(_LEXICON['months'])})\b"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>[12]\d{3})\b"
WEEKDAY = rf"(?P<wd>{alternation(_LEXICON['weekdays'])})\b"
SEASON = rf"(?P<sea>{alternation(_LEXICON['seasons'])})\b"
PART_OF_DAY = rf"(?P<pod>{alternation(_LEXICON['parts_of_day'])})\b"
PART = rf"(?:\b(?P<part>{alternation(_LEXICON['parts'])})(?:\s+|(?<=-)))"
_TENS = [w for w, n in NUMBER_WORDS.items() if n in range(20, 100, 10)]
_ONES = [w for w, n in NUMBER_WORDS.items() if n in range(1, 10) and w not in ("a", "an")]
NUMBER_WORD = (rf"(?:(?:{alternation(_TENS)})[-\s](?:{alternation(_ONES)})|"
               rf"{alternation(w for w in NUMBER_WORDS if w not in ('a', 'an'))})")
DIGITS = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
QUANTITY = (rf"(?:(?P<num>{DIGITS}|{NUMBER_WORD}\b|an?\b)(?P<andhalf>\s+and\s+a\s+half)?"
            rf"|(?P<half>half\s+an?)|(?P<vague>{alternation(_LEXICON['vague_quantities'])}))")
UNIT = rf"(?P<unit>{alternation(UNITS)})\b"
UNIT_SINGULAR = rf"(?P<unit>{alternation(w for w, u in UNITS.items() if w == u)})\b"
UNIT_PLURAL = rf"(?P<unit>{alternation(w for w, u in UNITS.items() if w != u)})\b"
RELATIVE = rf"(?P<rel>{alternation(_LEXICON['name_relatives'])})"
HOUR_WORDS = alternation(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 12 and w not in ("a", "an", "a dozen"))
ZONE = rf"(?:\s+(?P<tz>{alternation(_LEXICON['time_zones'])})\b)"
