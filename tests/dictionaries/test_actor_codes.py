"""Actor codes: date-bounded records, agents joined to states, states and sectors for other stages."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.dictionaries import actor_code, country_of, sector_of


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        # VLADIMIR_PUTIN_ ... [RUSELI 700101-990809] [RUSGOV 991231-080507] ... [RUSGOV >080508] [RUSELI]
        ("Vladimir Putin", dt.date(1995, 1, 1), "RUSELI"),
        ("Vladimir Putin", dt.date(2005, 1, 1), "RUSGOV"),
        ("President Putin", dt.date(2021, 10, 24), "RUSGOV"),
        ("Iranian foreign minister", None, "IRNGOV"),
        ("the Iranian government", None, "IRNGOV"),
        ("Azerbaijani police", None, "AZECOP"),
        ("the Red Crescent", None, "NGOHLHIRC"),
        ("the weather", None, None),
    ],
)
def test_phoenix_actor_codes(phoenix, name, on, code):
    assert actor_code(phoenix, name, on=on) == code


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        # GOLLUM +SMEAGOL [HOB < 950601] [HOBGOV 19950601 - 19990815] [HOBREB > 990816]: bounds included
        ("Smeagol", dt.date(1995, 5, 31), "HOB"),
        ("Smeagol", dt.date(1995, 6, 1), "HOB"),  # the first restriction holding wins
        ("Smeagol", dt.date(1999, 8, 15), "HOBGOV"),
        ("Smeagol", dt.date(1999, 8, 16), "HOBREB"),
        # SAM_GAMGEE [ORCHOB 20100109-20100112] listed before [HOBMIL 20080120-20121109]
        ("Sam Gamgee", dt.date(2010, 1, 10), "ORCHOB"),
        ("Sam Gamgee", dt.date(2010, 1, 13), "HOBMIL"),
        # agents: ~CODE appended, CODE~ prefixed, FORMER makes ELI
        ("Arnor foreign minister", None, "ARNGOVFRM"),
        ("an MSF Arnor diplomat", None, "NGOARNGOV"),
        ("Gondor's golden geese", None, "GONGGS"),
        ("White House security officials", None, "USAGOV"),  # GOV is not repeated
        ("former Gondor prosecutors", None, "GONELI"),
        ("clerics", None, "---REL"),
    ],
)
def test_validation_actor_codes(validation, name, on, code):
    assert actor_code(validation, name, on=on) == code


@pytest.mark.parametrize(
    ("name", "on", "state"),
    [
        ("Vladimir Putin", dt.date(2010, 1, 1), "RUS"),
        ("Hassan Rouhani", dt.date(2015, 1, 1), "IRN"),
        ("Azerbaijani police", None, "AZE"),
        ("Médecins Sans Frontières", None, None),
        ("MSF", None, None),  # NGOHLHMSF: an NGO, not a state
    ],
)
def test_country_of(phoenix, name, on, state):
    assert country_of(phoenix, name, on=on) == state


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [("the defence minister", "GOV"), ("army officers", "MIL"), ("riot police", "COP"),
     ("the opposition party", "OPP"), ("the weather", None)],
)
def test_sector_of(phoenix, phrase, sector):
    assert sector_of(phoenix, phrase) == sector
