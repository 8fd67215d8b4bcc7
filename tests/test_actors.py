"""Actor resolution on news-style sentences: people with roles and countries, states, groups."""
from __future__ import annotations

import pytest

from parley.actors import actors
from parley.nlp import parse


def run(text):
    found, mentions = actors(parse(text))
    return {a.actor_id: a for a in found}, mentions


def people(text):
    found, _ = run(text)
    return sorted((a.actor_id, a.country, a.role) for a in found.values() if a.kind == "person")


@pytest.mark.parametrize(
    "text, expected",
    [
        # title and demonym before the name; a counterpart takes the other's office
        (
            "Chinese Foreign Minister Wang Yi spoke with his Indian counterpart Subrahmanyam Jaishankar on Monday.",
            [("subrahmanyam-jaishankar", "IND", "Foreign Minister"), ("wang-yi", "CHN", "Foreign Minister")],
        ),
        # apposition before the name
        ("The Indian envoy to Beijing, Vikram Misri, was summoned.", [("vikram-misri", "IND", "Envoy")]),
        # possessive state, and a name the NER cut short
        (
            "Japan's Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo.",
            [("fumio-kishida", "JPN", "Prime Minister"), ("yoon-suk-yeol", "KOR", "President")],
        ),
        # a possessive state with no title; a first name the NER left out
        ("Egypt's Sameh Shoukry criticised Ethiopia.", [("sameh-shoukry", "EGY", "")]),
        # honorific and apposition after the name
        (
            "Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's foreign minister, arrived in Riyadh.",
            [("mohammed-bin-abdulrahman-al-thani", "QAT", "Foreign Minister")],
        ),
        (
            "Dr. Tedros Adhanom Ghebreyesus, the head of the World Health Organization, met Kenyan officials.",
            [("tedros-adhanom-ghebreyesus", "", "Head")],
        ),
        (
            "Polish President Andrzej Duda spoke with Belarusian leader Alexander Lukashenko.",
            [("alexander-lukashenko", "BLR", "Leader"), ("andrzej-duda", "POL", "President")],
        ),
        ("Colombian Foreign Minister Álvaro Leyva spoke.", [("alvaro-leyva", "COL", "Foreign Minister")]),
        ("The top Moroccan diplomat, Nasser Bourita, accused Algeria.", [("nasser-bourita", "MAR", "Diplomat")]),
        # the leader of a state named in an "of" phrase, with honorifics
        (
            "The office of the Leader of the Islamic Revolution of Iran, Ayatollah Seyed Ali Khamenei, opened accounts.",
            [("seyed-ali-khamenei", "IRN", "Leader")],
        ),
        # platforms and demonyms are never people
        ("Azerbaijani officials said on Twitter that Baku was ready.", []),
    ],
)
def test_people_role_and_country(nlp, text, expected):
    assert people(text) == expected


def test_one_person_however_named(nlp):
    found, mentions = run(
        "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Mevlut Cavusoglu. "
        "Mr. Lavrov said the meeting was frank. The Russian minister also met Greek officials. He left."
    )
    lavrov = found["sergei-lavrov"]
    assert lavrov.name == "Sergei Lavrov"
    assert lavrov.aliases == ["Russian Foreign Minister", "Lavrov", "Russian minister"]
    assert [(m.text, m.how) for m in mentions if m.actor_id == "sergei-lavrov"] == [
        ("Sergei Lavrov", "name"),
        ("Lavrov", "name"),
        ("Russian minister", "title"),
        ("He", "pronoun"),
    ]
    assert lavrov.mentions == 4


def test_a_short_form_first_then_the_full_name_is_one_person(nlp):
    found, _ = run("Bourita spoke first. Later, Moroccan Foreign Minister Nasser Bourita met the press.")
    assert [a.actor_id for a in found.values() if a.kind == "person"] == ["nasser-bourita"]
    assert found["nasser-bourita"].name == "Nasser Bourita"


@pytest.mark.parametrize(
    "text, span, actor_id, kind, how",
    [
        ("Tensions between Tehran and Baku eased.", "Tehran", "iran", "country", "capital"),
        ("The talks were held in Tehran.", "Tehran", "tehran", "place", "name"),
        ("He praised the Republic of Azerbaijan.", "the Republic of Azerbaijan", "azerbaijan", "country", "name"),
        ("Iranian merchants protested.", "Iranian", "iran", "country", "demonym"),
        ("Iranian merchants protested.", "Iranian merchants", "iranian-merchants", "group", "name"),
        ("The Indian foreign ministry said so.", "Indian foreign ministry", "india-foreign-ministry", "organization", "name"),
        ("Officials in Washington said so.", "Washington", "washington", "place", "name"),
        ("The US and the UK agreed.", "US", "united-states", "country", "name"),
    ],
)
def test_states_groups_organisations(nlp, text, span, actor_id, kind, how):
    found, mentions = run(text)
    hits = [(m.actor_id, m.how) for m in mentions if m.text == span]
    assert (actor_id, how) in hits
    assert found[actor_id].kind == kind


def test_official_short_form_resolves_to_the_state_in_the_article(nlp):
    found, mentions = run("Iran and Azerbaijan met. Iran said the Islamic Republic would not yield.")
    assert [m.actor_id for m in mentions if m.text == "the Islamic Republic"] == ["iran"]


def test_official_short_form_stays_unresolved_when_two_states_fit(nlp):
    found, mentions = run("Iran and Pakistan met. Iran said the Islamic Republic would not yield.")
    assert [m for m in mentions if "Islamic" in m.text] == []
    assert sorted(found) == ["iran", "pakistan"]
