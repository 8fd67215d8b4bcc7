"""CAMEO events from spaCy's dependency parse and the PETRARCH dictionaries."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.dictionaries import events

ON = dt.date(2021, 10, 24)


def coded(nlp, dictionaries, text, on=ON, **options):
    doc = nlp(text)
    return [(doc[e.verb].text, e.code, e.source, e.target) for e in events(doc, dictionaries=dictionaries, on=on, **options)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare verb: the verb's own code (BLAME [112] in CAMEO 2.0)
        ("Iran accused Israel of sabotage.", [("accused", "112", "IRN", "ISR")]),
        # a pre-verb noun synset: - &MILITARY * [190]; Russian troops -> RUS + MIL
        ("Russian troops attacked Ukrainian positions near Kharkiv.", [("attacked", "190", "RUSMIL", "UKR")]),
        # agents joined to a demonym: foreign minister -> GOV
        ("The Iranian foreign minister met his Azerbaijani counterpart in Baku.", [("met", "040", "IRNGOV", "AZE")]),
        ("Azerbaijani police arrested two Iranian truck drivers.", [("arrested", "173", "AZECOP", "IRN")]),
        # a noun pattern: - * COMPENSATION [0842]
        ("Uganda paid compensation to the British nationals it had expelled.", [("paid", "0842", "UGA", "GBR")]),
        # GRANT [060] lists DONATE [070]; doctors -> HLH; the Red Crescent is an NGO
        ("Swiss doctors donated medicine to the Red Crescent.", [("donated", "070", "CHEHLH", "NGOHLHIRC")]),
        # STAGE ... - * RALLIES [141]; agents without a state keep "---"
        ("Thousands of demonstrators staged rallies against the government.",
         [("staged", "141", "---OPP", "---GOV")]),
        # a brace phrase: - * {HUMANITARIAN AID} [0333]
        ("Japan pledged humanitarian aid to the Philippines.", [("pledged", "0333", "JPN", "PHL")]),
        # a preposition and a synset: - * (FOR &CEASEFIRE) [0256]
        ("Egypt called for a ceasefire in Gaza.", [("called", "0256", "EGY", "PSEGZA")]),
        # the object noun wins a tie against the particle and the preposition: - * RELATIONS [161]
        ("Germany broke off diplomatic relations with Iraq.", [("broke", "161", "DEU", "IRQ")]),
        # the passive's by-agent is the source, its subject the target
        ("Armenia was attacked by Azerbaijan.", [("attacked", "190", "AZE", "ARM")]),
        # people named in the actor dictionary, coded for the date
        ("Vladimir Putin met Recep Tayyip Erdogan in Sochi.", [("met", "040", "RUSGOV", "TURGOV")]),
        ("Pakistan expelled the Indian ambassador.", [("expelled", "174", "PAK", "INDGOV")]),
        ("The European Union imposed sanctions on Belarus.", [("imposed", "163", "IGOEUREEC", "BLR")]),
    ],
)
def test_phoenix_events(nlp, phoenix, text, expected):
    assert coded(nlp, phoenix, text) == expected


def test_an_event_without_a_target_only_on_request(nlp, phoenix):
    text = "Serbia eased emergency measures."  # EASE sits in FACILITATE [060]; no pattern for MEASURES
    assert coded(nlp, phoenix, text) == []
    assert coded(nlp, phoenix, text, dyadic=False) == [("eased", "060", "SRB", None)]


def test_plural_nouns_match_singular_patterns_only_on_request(nlp, phoenix):
    text = "Serbia eased restrictions on the press."  # - * RESTRICTION [080]
    assert coded(nlp, phoenix, text, dyadic=False) == [("eased", "060", "SRB", None)]
    assert coded(nlp, phoenix, text, dyadic=False, plurals=True) == [("eased", "080", "SRB", None)]


def test_negation_is_flagged_and_the_code_kept(nlp, phoenix):
    doc = nlp("Iran will not attack Israel.")
    (event,) = events(doc, dictionaries=phoenix, on=ON)
    assert (event.code, event.source, event.target, event.negated) == ("190", "IRN", "ISR", True)
    assert event.pattern == "PHYSICAL_CONFLICT [190]"


def test_event_carries_its_provenance(nlp, phoenix):
    doc = nlp("Japan pledged humanitarian aid to the Philippines.")
    (event,) = events(doc, dictionaries=phoenix, on=ON)
    assert event.verb == 1
    assert event.source_tokens == (0, 1)
    assert doc[slice(*event.target_tokens)].text == "the Philippines"
    assert event.pattern == "- * {HUMANITARIAN AID} [0333]"
    assert event.negated is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated pattern outranks the bare verb: - &NEGATVAUXVRB * OVER EFFORTS [904]
        ("Bree Prime Minister Romendacil didn't clash over the efforts of Eriadori.", [("clash", "904", "BREGOV", "ERI")]),
        # more words matched win: - &NEGATVAUXVRB EVER * OVER EFFORTS [905]
        ("Bree Prime Minister Romendacil will not ever clash over the efforts of Eriadori.",
         [("clash", "905", "BREGOV", "ERI")]),
        # "_" asks for adjacent words: NEW_&TIETYPES_RELATIONS does not fire with "global" between
        ("Arnor will abandon new economic relations with Gondor.", [("abandon", "903", "ARN", "GON")]),
        ("Arnor will abandon new global economic relations with Gondor.", [("abandon", "345", "ARN", "GON")]),
        # a code A:B codes both directions: MEET [031:032] (Sam is ORCHOB from 9 to 12 Jan 2010)
        ("Sam Gamgee met a bunch of Morgul Orcs.", [("met", "031", "ORCHOB", "MRGORC"), ("met", "032", "MRGORC", "ORCHOB")]),
        # a phrasal verb: +BREAK_DOWN, with the BREAK block's - * TREATY [161]
        ("Ethiopia broke down a treaty with Libya.", [("broke", "161", "ETH", "LBY")]),
        # pattern roles: - + WAS * DEAD IN $ [224] puts the source after the verb
        ("An Eriadorian was shot dead in Osgiliath.", [("shot", "224", "OSG", "ERI")]),
        # a discard phrase voids the sentence
        ("Arnor is about to restore baseball competition with Gondor.", []),
    ],
)
def test_validation_dictionary_patterns(nlp, validation, text, expected):
    assert coded(nlp, validation, text, on=dt.date(2010, 1, 10)) == expected


def test_actor_codes_follow_the_date(nlp, validation):
    text = "Arnor is about to restore full diplomatic ties with Slinker."
    assert coded(nlp, validation, text, on=dt.date(1995, 5, 1)) == [("restore", "064", "ARN", "HOB")]
    assert coded(nlp, validation, text, on=dt.date(1998, 1, 1)) == [("restore", "064", "ARN", "HOBGOV")]
    assert coded(nlp, validation, text, on=dt.date(2001, 1, 1)) == [("restore", "064", "ARN", "HOBREB")]
