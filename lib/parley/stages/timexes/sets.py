"""What a SET match means: TimeML's recurring times ("every year" P1Y, "every Monday" XXXX-WXX-1,
"weekly" P1W, "twice a month" P1M), read like the other normalisers from the match and the context."""
from __future__ import annotations

import re

from ...lexicon import temporal
from .context import NormalisingContext
from .normalisers import TimexReading, capitalised, duration_value, parse_number
from .patterns import MONTHS, UNITS, table_key

_LEXICON = temporal()


def normalise_set_every(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"every four years" P4Y, "every Monday" XXXX-WXX-1, "every morning" XXXX-XX-XXTMO,
    "every Friday night" XXXX-WXX-5TNI, "every August" XXXX-08, "every winter" XXXX-WI."""
    if m["wd"]:
        return TimexReading("SET", _weekday_set(m))
    if m["daypart"]:
        return TimexReading("SET", f"XXXX-XX-XXT{_LEXICON['parts_of_day'][table_key(m['daypart'])]}")
    if m["mon"]:
        return TimexReading("SET", f"XXXX-{MONTHS[table_key(m['mon'])]:02d}")
    if m["sea"]:
        return TimexReading("SET", f"XXXX-{_LEXICON['seasons'][table_key(m['sea'])]}")
    n = None if m["few"] else 2 if m["other"] else parse_number(m["num"]) if m["num"] else 1
    return TimexReading("SET", duration_value(n, UNITS[table_key(m["unit"])]))


def check_set_every(m: re.Match, ctx: NormalisingContext) -> bool:
    return all(not m[g] or capitalised(m, g) for g in ("wd", "mon"))


def normalise_set_frequency(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    return TimexReading("SET", duration_value(1, UNITS[table_key(m["unit"])]))


def check_set_word(m: re.Match, ctx: NormalisingContext) -> bool:
    """"weekly meetings" yes; "the daily Kayhan" and "Daily Sabah" (newspapers) no."""
    token, after = ctx.token(m.start()), ctx.next_token(m.end())
    if token.pos_ in ("NOUN", "PROPN") or (after is not None and after.pos_ == "PROPN"):
        return False
    return not m[0][0].isupper() or token.is_sent_start


def normalise_set_word(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    return TimexReading("SET", _LEXICON["set_words"][table_key(m[0])])


def normalise_set_weekdays(m: re.Match, ctx: NormalisingContext) -> TimexReading:
    """"on Mondays" XXXX-WXX-1, "Friday nights" XXXX-WXX-5TNI."""
    return TimexReading("SET", _weekday_set(m))


def _weekday_set(m: re.Match) -> str:
    """A weekday's SET value, with its part of day if the match names one."""
    value = f"XXXX-WXX-{_LEXICON['weekdays'][table_key(m['wd'])]}"
    return f"{value}T{_LEXICON['parts_of_day'][table_key(m['pod'])]}" if m["pod"] else value
