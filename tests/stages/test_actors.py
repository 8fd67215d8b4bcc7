"""The actors stage: one row per real-world actor (states, people, groups, organisations, places), every mention."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.nlp import parse
from parley.stages.actors import actors, publisher_country
from parley.stages.cast import Cast


def run(text, **options):
    found, mentions = actors(parse(text), **options)
    return {a.actor_id: a for a in found}, mentions


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


def test_actors_and_mentions_come_in_order_of_appearance(nlp):
    found, mentions = actors(parse(
        "TEHRAN, Oct 24 - Iranian Foreign Minister Hossein Amir-Abdollahian spoke by phone with "
        "Azerbaijani Foreign Minister Jeyhun Bayramov."
    ), start=16, dateline="TEHRAN")
    assert [(a.actor_id, a.kind, a.country, a.role, a.mentions) for a in found] == [
        ("iran", "country", "IRN", "", 1),
        ("hossein-amir-abdollahian", "person", "IRN", "Foreign Minister", 1),
        ("azerbaijan", "country", "AZE", "", 1),
        ("jeyhun-bayramov", "person", "AZE", "Foreign Minister", 1),
    ]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_the_ministry_refers_to_the_one_named_last(nlp):
    _, mentions = run("The Indian foreign ministry said so. Later the ministry denied it.")
    assert [(m.text, m.actor_id, m.how) for m in mentions if m.actor_id == "india-foreign-ministry"] == [
        ("Indian foreign ministry", "india-foreign-ministry", "name"),
        ("the ministry", "india-foreign-ministry", "other"),
    ]


# ---- CAMEO actor codes (issue 12): from the Phoenix dictionaries and the text

@pytest.mark.parametrize(
    "text, published, actor_id, code",
    [
        ("Norway and Chile signed the accord.", "2019-03-02", "chile", "CHL"),
        ("Kosovo protested.", "2019-03-02", "kosovo", "KSV"),  # the dictionaries' code, not ISO's XKX
        ("Iranian Foreign Minister Ali Bagheri met reporters.", "2019-03-02", "ali-bagheri", "IRNGOV"),
        ("Pakistani General Tariq Aziz inspected the border.", "2019-03-02", "tariq-aziz", "PAKMIL"),
        ("Sudanese rebel commander Musa Idris spoke.", "2019-03-02", "musa-idris", "SDNREB"),
        ("The Chilean foreign ministry protested.", "2019-03-02", "chile-foreign-ministry", "CHLGOV"),
        ("The United Nations called for calm.", "2019-03-02", "united-nations", "IGOUNO"),
        ("Delegates met at the United Nations in Geneva.", "2019-03-02", "united-nations", "IGOUNO"),
        ("UN Secretary-General Ban Ki-moon called for calm.", "2012-05-02", "ban-ki-moon", "IGOUNO"),
        ("The delegates met in Geneva.", "2019-03-02", "geneva", ""),  # a place is no CAMEO actor
    ],
)
def test_cameo_codes(nlp, text, published, actor_id, code):
    found, _ = run(text, published=dt.date.fromisoformat(published))
    assert found[actor_id].cameo_code == code


@pytest.mark.parametrize(
    "published, country, code",
    [
        ("2011-05-06", "USA", "USAGOV"),  # in office: his date-bounded entry gives the state
        ("2005-05-06", "", ""),  # years before his term: the dictionaries do not say
    ],
)
def test_an_unqualified_head_of_state_takes_his_state_from_the_dictionaries(nlp, published, country, code):
    found, _ = run("President Obama spoke by phone with Chilean President Sebastian Pinera.",
                   published=dt.date.fromisoformat(published))
    assert (found["obama"].country, found["obama"].cameo_code) == (country, code)
    assert found["sebastian-pinera"].country == "CHL"


def test_a_full_name_takes_its_own_entry_when_the_text_gives_no_state(nlp):
    found, _ = run("Vladimir Putin had a telephone conversation with the Chilean president.",
                   published=dt.date(2016, 2, 1))
    assert (found["vladimir-putin"].country, found["vladimir-putin"].cameo_code) == ("RUS", "RUSGOV")


def test_the_text_wins_over_the_dictionaries(nlp):
    # the dictionaries list Putin as Russian; the text makes this namesake a Chilean ambassador
    found, _ = run("Chilean Ambassador Vladimir Putin presented his credentials.", published=dt.date(2016, 2, 1))
    assert (found["vladimir-putin"].country, found["vladimir-putin"].cameo_code) == ("CHL", "CHLGOV")


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("The White House, Office of the Press Secretary", "USA"),  # USAGOV
        ("Ministry of Foreign Affairs of the Republic of Korea", "KOR"),
        ("Press Service of the President of Russia", "RUS"),
        ("Voice of America", ""),  # a state broadcaster (USA), not its government
        ("Reuters", ""),
        ("", ""),
    ],
)
def test_the_publishers_state_is_the_one_whose_government_the_dictionaries_say_it_is(nlp, publisher, expected):
    cast = Cast(parse("Talks were held."), published=dt.date(2023, 3, 1))
    assert publisher_country(cast, publisher) == expected


def test_a_credited_name_is_no_actor_but_the_agency_line_is_read(nlp):
    text = "Marta Quintela\nReporter - Radio Chile\n\nPeru's envoy Rui Pestana met Bolivian officials."
    found, mentions = actors(parse(text), credits=((0, 14),))
    assert "marta-quintela" not in {a.actor_id for a in found}
    assert "rui-pestana" in {a.actor_id for a in found}
    assert all(m.start >= 14 for m in mentions)
    assert any(m.text == "Chile" for m in mentions)  # the agency's line is outside the credited name


def test_a_capitalised_kind_of_event_is_no_organisation(nlp):
    text = ("To mark the State visit by the president of Uganda, Grace Akello, the Kenyan and Ugandan governments "
            "signed two agreements today.")
    found, _ = run(text)
    assert sorted(found) == ["grace-akello", "kenya", "uganda"]


def test_a_ministry_is_one_actor_however_the_text_names_its_portfolio(nlp):
    text = ("The Swedish envoy was summoned to Iran's foreign ministry. According to the Iranian Ministry of Foreign "
            "Affairs, the envoy left. The Ministry of Energy of Iran and the Iranian energy ministry agreed.")
    found, _ = run(text)
    assert sorted(a.actor_id for a in found.values() if a.kind == "organization") == [
        "iran-energy-ministry", "iran-foreign-ministry"]
