"""States through the actors stage: names, official names, demonyms, capitals as governments or places."""
from __future__ import annotations

import pytest

from parley.nlp import parse
from parley.stages.actors import actors


def run(text, **options):
    found, mentions = actors(parse(text), **options)
    return {a.actor_id: a for a in found}, mentions


@pytest.mark.parametrize(
    "text, span, actor_id, how",
    [
        ("Tensions between Tehran and Baku eased.", "Baku", "azerbaijan", "capital"),  # a capital as its government
        ("He praised the Republic of Azerbaijan.", "the Republic of Azerbaijan", "azerbaijan", "name"),
        ("Iranians protested.", "Iranians", "iran", "demonym"),
    ],
)
def test_a_state_however_named(nlp, text, span, actor_id, how):
    _, mentions = run(text)
    assert [(m.actor_id, m.how) for m in mentions if m.text == span] == [(actor_id, how)]


def test_a_capital_after_a_locative_preposition_is_a_place(nlp):
    found, mentions = run("The talks were held in Tehran.")
    assert [(a.actor_id, a.kind, a.country) for a in found.values()] == [("tehran", "place", "IRN")]


def test_a_dateline_before_the_text_names_no_actor(nlp):
    found, _ = run("TEHRAN - Iran and Azerbaijan met.", start=len("TEHRAN - "), dateline="TEHRAN")
    assert sorted(found) == ["azerbaijan", "iran"]


def test_official_short_form_resolves_to_the_state_in_the_article(nlp):
    found, mentions = run("Iran and Azerbaijan met. Iran said the Islamic Republic would not yield.")
    assert [m.actor_id for m in mentions if m.text == "the Islamic Republic"] == ["iran"]


def test_official_short_form_stays_unresolved_when_two_states_fit(nlp):
    found, mentions = run("Iran and Pakistan met. Iran said the Islamic Republic would not yield.")
    assert [m for m in mentions if "Islamic" in m.text] == []
    assert sorted(found) == ["iran", "pakistan"]


@pytest.mark.parametrize(
    "text, span, actor_id",
    [
        ("Deputy ministers of North and South Korea met in Panmunjom.", "North", "north-korea"),
        ("Envoys of South and North Korea met on Friday.", "South", "south-korea"),
        ("The North and South Korean delegations met.", "North", "north-korea"),
    ],
)
def test_coordinated_names_sharing_a_head_noun_name_two_states(nlp, text, span, actor_id):
    found, mentions = run(text)
    assert [m.actor_id for m in mentions if m.text == span] == [actor_id]
    assert sorted(a for a in found if found[a].kind == "country") == ["north-korea", "south-korea"]


def test_a_word_before_and_that_makes_no_state_with_the_head_stays_out(nlp):
    found, _ = run("Delegates of Kenya and South Africa met.")
    assert sorted(found) == ["kenya", "south-africa"]
