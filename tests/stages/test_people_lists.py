"""People in lists and other real-news shapes: shared plural titles, "COUNTRY, NAME" pairs,
appositions in a list of officials, titles with no name, given names before "bin"."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.nlp import parse
from parley.stages.actors import actors


def people(text, **options):
    found, _ = actors(parse(text), **options)
    return sorted((a.actor_id, a.country, a.role) for a in found if a.kind == "person")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title with no name after it names no one: the office is not a person
        ("Kenya's Deputy High Commissioner told reporters the talks were over.", []),
        ("The visit by Canada's High Commissioner angered officials in Delhi.", []),
        # a qualifier tagged as a verb stays in a title set off after the name
        ("Abdul Salam Hanafi, the Taliban acting prime minister, flew to Doha.",
         [("abdul-salam-hanafi", "AFG", "Acting Prime Minister")]),
        # the word before "bin" is a given name, even when it is also a title
        ("Guests included Sultan bin Rashid al Harthi of the royal court.", [("sultan-bin-rashid-al-harthi", "", "")]),
    ],
)
def test_titles_and_names(nlp, text, expected):
    assert people(text) == expected


def test_a_name_with_and_without_accents_is_one_person(nlp):
    assert people("Foreign Minister José Peña spoke. Later Pena met reporters.") == [("jose-pena", "", "Foreign Minister")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural title over names each "from" a state
        (
            "On Friday the foreign ministers Mauro Vieira from Brazil and Diana Mondino from Argentina signed a pact.",
            [("diana-mondino", "ARG", "Foreign Minister"), ("mauro-vieira", "BRA", "Foreign Minister")],
        ),
        # a plural title "of" a list of "STATE, NAME" pairs
        (
            "Boric will host the presidents of Ecuador, Daniel Noboa, Uruguay, Luis Lacalle Pou, and Paraguay, Mario Abdo Benitez.",
            [("daniel-noboa", "ECU", "President"), ("luis-lacalle-pou", "URY", "President"),
             ("mario-abdo-benitez", "PRY", "President")],
        ),
    ],
)
def test_a_plural_title_shared_by_names_with_their_states(nlp, text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list after "including" spells out a group of a state: its people are of that state
        (
            "Russian Foreign Minister Sergei Lavrov held talks with senior Qatari officials on Tuesday, including his "
            "Qatari counterpart, Ahmed Al-Khulaifi, Minister of the Royal Court General Khalid bin Rashid al Mannai, "
            "and deputy prime minister Sayed Fahd bin Mahmud al-Thani.",
            [("ahmed-al-khulaifi", "QAT", "Foreign Minister"), ("khalid-bin-rashid-al-mannai", "QAT", "Minister"),
             ("sayed-fahd-bin-mahmud-al-thani", "QAT", "Deputy Prime Minister"),
             ("sergei-lavrov", "RUS", "Foreign Minister")],
        ),
        # a list after a colon: members of a group a title names hold it, with the portfolio in brackets
        (
            "Several Chilean ministers were present: Mario Marcel (Finance) and Esteban Valenzuela (Agriculture).",
            [("esteban-valenzuela", "CHL", "Minister of Agriculture"), ("mario-marcel", "CHL", "Minister of Finance")],
        ),
    ],
)
def test_a_list_spelling_out_a_group_of_a_state(nlp, text, expected):
    assert people(text) == expected


def test_a_persons_group_spelled_out_after_including_is_of_that_persons_state(nlp):
    # the state named in the sentences before is not theirs: they are the President's aides
    text = (
        "Sudan accused its neighbour of shelling. Most of President Biden's senior aides joined the talks, "
        "including national security adviser Jake Sullivan, who flew in."
    )
    assert ("jake-sullivan", "USA", "National Security Adviser") in people(text, published=dt.date(2023, 5, 1))


@pytest.mark.parametrize(
    "text, expected",
    [
        # an organisation of a state in the title gives the state
        ("White House spokesman Karine Pierre said the call went well.", [("karine-pierre", "USA", "White House Spokesman")]),
    ],
)
def test_an_organisation_of_a_state_in_the_title_gives_its_state(nlp, text, expected):
    assert people(text, published=dt.date(2023, 5, 1)) == expected


def test_a_speaker_of_a_governments_transcript_acts_for_its_state(nlp):
    text = "MR. HOLT: The Secretary spoke with the Chilean foreign minister. Q: When? MR. HOLT: On Monday."
    options = {"publisher": "The White House, Office of the Press Secretary", "published": dt.date(2023, 3, 1)}
    assert people(text, **options) == [("holt", "USA", "")]
    assert people(text, publisher="Reuters", published=dt.date(2023, 3, 1)) == [("holt", "", "")]


def test_an_official_in_a_sentence_opening_with_a_capital_speaks_for_its_state(nlp):
    text = "Vietnam protested to China on Monday. In Beijing, Wang Lei, a foreign ministry spokesman, said the patrol was routine."
    assert people(text) == [("wang-lei", "CHN", "Foreign Ministry Spokesman")]


def test_an_institution_whose_name_holds_a_title_is_no_person(nlp):
    # "General Assembly": "General" is a title, but "Assembly" names an institution, not a person
    assert people("Minister Celso Amorim spoke at the Security Council and the General Assembly.") == [
        ("celso-amorim", "", "Minister")]


def test_a_title_of_a_state_before_the_name(nlp):
    # the Kremlin's "President of Kazakhstan X": the NER takes state and name for one organisation
    assert people("Vladimir Putin had a telephone conversation with President of Kazakhstan Kassym-Jomart "
                  "Tokayev.") == [("kassym-jomart-tokayev", "KAZ", "President"), ("vladimir-putin", "", "")]


def test_a_name_after_a_titled_name_is_not_apposed_to_its_title(nlp):
    # "Foreign Minister A, B raised": the title is A's; B is someone else
    assert people("In a meeting with Japanese Foreign Minister Yoko Kamikawa, Blinken raised the issue of North "
                  "Korea.") == [("blinken", "", ""), ("yoko-kamikawa", "JPN", "Foreign Minister")]


def test_a_surname_the_tagger_took_for_a_common_word_stays_in_the_name(nlp):
    # the tagger reads "Martins" as a verb and the NER stops at "Eduardo"
    found = people('"The meeting was useful," explained the general undersecretary for Europe in the Ministry of '
                   "Foreign Relations, ambassador Luiz Eduardo Martins Felício.")
    assert [p[0] for p in found] == ["luiz-eduardo-martins-felicio"]


def test_a_place_before_a_comma_and_a_titled_name_is_no_person(nlp):
    # "for Africa, ambassador A B": the title is A B's, not an apposition making "Africa" someone
    assert people('"The talks went well," explained the undersecretary for Africa, ambassador Pedro Henrique '
                  "Martins Felício.") == [("pedro-henrique-martins-felicio", "", "Ambassador")]


def test_a_name_before_a_bracketed_portfolio_is_a_person_even_when_tagged_an_organisation(nlp):
    # the NER takes "Celso Amorim (Foreign Relations" for an organisation; the dictionaries know him (dated)
    found = people("Some Brazilian ministers were present: Antonio Palocci (Finance), Roberto Rodrigues "
                   "(Agriculture) and Celso Amorim (Foreign Relations).", published=dt.date(2004, 11, 12))
    assert ("celso-amorim", "BRA", "Minister of Foreign Relations") in found
    assert len(found) == 3


def test_minister_of_state_is_a_title_and_its_portfolio_no_organisation(nlp):
    found, _ = actors(parse("Araghchi received the visiting Qatari Minister of State Mohammed bin Abdulaziz "
                            "Al-Khulaifi in Tehran on Sunday."))
    people_ = [(a.actor_id, a.country, a.role) for a in found if a.kind == "person"]
    assert ("mohammed-bin-abdulaziz-al-khulaifi", "QAT", "Minister of State") in people_
    assert "state" not in [a.actor_id for a in found]
