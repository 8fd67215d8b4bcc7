"""The dictionary file formats, read line by line."""
from __future__ import annotations

import pytest

from parley.dictionaries import readers


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("VLADIMIR_PUTIN_", ["VLADIMIR", "PUTIN"]),
        ("Caras Galadhon", ["CARAS", "GALADHON"]),
        ("AL-QAEDA", ["AL", "-", "QAEDA"]),  # spaCy splits the hyphen off
        ("U.S.", ["U.S."]),
    ],
)
def test_words_of(phrase, words):
    assert readers.words_of(phrase) == words


@pytest.mark.parametrize(
    ("text", "restriction"),
    [
        ("HOB < 950601", ["HOB", None, 19950601]),
        ("HOBGOV 19950601 - 19990815", ["HOBGOV", 19950601, 19990815]),
        ("RUSGOV >080508", ["RUSGOV", 20080508, None]),
        ("USAELI 18970101-450703", ["USAELI", 18970101, 19450703]),
        ("ZBW", ["ZBW", None, None]),
    ],
)
def test_date_restriction(text, restriction):
    assert readers.date_restriction(text) == restriction


def test_actor_record_with_synonyms_and_dates():
    text = "GOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBREB > 990816]\nGONDOR [GON]\n+MINAS_TIRITH\n"
    assert readers.read_actors(text) == [
        {"phrases": [["GOLLUM"], ["SMEAGOL"]], "code": None, "dated": [["HOB", None, 19950601], ["HOBREB", 19990816, None]]},
        {"phrases": [["GONDOR"], ["MINAS", "TIRITH"]], "code": "GON", "dated": []},
    ]


def test_agents_plurals_and_substitutions():
    text = "!PERSON! = MAN, WOMAN\nPOLICE {} [ ~COP]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nCONGRESS!PERSON! [~LEG]\nMSF {} [NGO~]\nAUTHORITY [~GOV]\n"
    assert readers.read_agents(text) == [
        [["POLICE"], "~COP"],
        [["GOLDEN", "GOOSE"], "~GGS"], [["GOLDEN", "GEESE"], "~GGS"],
        [["CONGRESSMAN"], "~LEG"], [["CONGRESSWOMAN"], "~LEG"],
        [["MSF"], "NGO~"],
        [["AUTHORITY"], "~GOV"], [["AUTHORITIES"], "~GOV"],
    ]


def test_discards():
    text = "+TYPHOON   # ELH\nBASEBALL\nWORLD CUP_\n"
    assert readers.read_discards(text) == [["TYPHOON", False, True], ["BASEBALL", False, False], ["WORLD CUP", True, False]]


@pytest.mark.parametrize(
    ("verb", "forms"),
    [("STAGE", ["STAGES", "STAGED", "STAGING"]), ("CARRY", ["CARRIES", "CARRIED", "CARRYING"]),
     ("PASS", ["PASSES", "PASSED", "PASSING"]), ("MEET", ["MEETS", "MEETED", "MEETING"])],
)
def test_regular_forms(verb, forms):
    assert readers.regular_forms(verb) == forms


def test_verb_file_blocks_synsets_and_patterns():
    text = (
        "&TIETYPES\n+MILITARY\n+ECONOMIC_\n\n"
        "--- ABANDON  [345]  ---\n"
        "ABANDON    # pas\n"
        "+BREAK_DOWN {+BROKE_DOWN}\n"
        "- * NEW_&TIETYPES_RELATIONS [903] #  -PAS\n"
        "- WILL NOT * (TOWARDS +) [030:031]\n"
        "~ a (a b ATTACK) SAY = a b 015\n"
    )
    verbs = readers.read_verbs(text)
    assert verbs["synsets"] == {"TIETYPES": [["MILITARY"], ["MILITARIES"], ["ECONOMIC"]]}
    assert verbs["index"]["abandon"] == [[0, None, [], []]]
    assert verbs["index"]["abandoned"] == [[0, None, [], []]]
    assert verbs["index"]["broke"] == [[0, None, [], ["DOWN"]]]
    assert "breaking" not in verbs["index"]  # irregular forms listed: no regular ones made
    first, second = verbs["blocks"][0]["patterns"]
    assert first == {
        "pre": [], "pre_joined": False,
        "post": [["w", "NEW", False], ["s", "TIETYPES", True], ["w", "RELATIONS", True]],
        "code": "903", "text": "- * NEW_&TIETYPES_RELATIONS [903]",
    }
    assert second["pre"] == [["w", "WILL", False], ["w", "NOT", False]]
    assert second["post"] == [["w", "TOWARDS", False], ["+", "+", False]]
    assert second["code"] == "030:031"
