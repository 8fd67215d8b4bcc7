"""The actors stage: one row per real-world actor (states, people, groups, organisations, places), every mention."""
from __future__ import annotations

import pytest

from parley.nlp import parse
from parley.stages.actors import actors


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
