"""Quality floors on the gold corpora (tests/articles and its holdout; tests/realnews and its held-out sets).

These are the issue targets measured the way `python -m parley.evaluate` measures them; a
change that makes parley worse on articles of the genre fails here.
"""
from __future__ import annotations

import pytest

from parley.evaluate import Score, corpus, score_article

from conftest import ROOT


@pytest.fixture(scope="module")
def scores():
    total = {}
    real = ("realnews", *(f"realnews/{sub}" for sub in ("holdout", "fresh", "fresh2", "fresh3")))
    for name in ("articles", "articles/holdout", *real):
        score = Score()
        for path, gold in corpus(ROOT / "tests" / name):
            score += score_article(path, gold)
        total[name] = score
    return total


@pytest.mark.parametrize("name", ["articles", "articles/holdout"])
def test_people(scores, name):
    s = scores[name]
    assert s.people.gold >= 30 if name == "articles" else s.people.gold >= 15
    assert s.people.recall >= 0.95
    assert s.people.precision >= 0.9
    assert s.country_right / s.people.tp >= 0.85
    assert s.role_right / s.people.tp >= 0.85


@pytest.mark.parametrize("name", ["articles", "articles/holdout"])
def test_dates(scores, name):
    s = scores[name]
    assert s.timex_span.f1 >= 0.9
    assert s.timex_value.f1 >= 0.9
    assert s.interval_right / s.intervals >= 0.9


@pytest.mark.parametrize("name", ["articles", "articles/holdout"])
def test_contacts(scores, name):
    s = scores[name]
    assert s.contacts.gold >= 15
    assert s.contacts.recall >= 0.8
    assert s.contacts.precision >= 0.7


@pytest.mark.parametrize("name", ["articles", "articles/holdout"])
def test_key_events(scores, name):
    s = scores[name]
    assert s.events >= 40
    assert s.events_right / s.events >= 0.7


# Real news (tests/realnews, fifteen real articles): the floors where parley meets them,
# and where it does not yet, the figure it reaches now, so that no change makes it worse.
def test_realnews_people(scores):
    s = scores["realnews"]
    assert s.people.gold >= 40
    assert s.people.recall >= 0.97 and s.people.precision >= 0.95
    assert s.country_right / s.people.tp >= 0.92
    assert s.role_right / s.people.tp >= 0.90


def test_realnews_dates(scores):
    s = scores["realnews"]
    assert s.interval_right / s.intervals >= 0.97
    assert s.timex_value.f1 >= 0.95


def test_realnews_contacts_and_key_events(scores):
    # the floors: contacts recall 0.85 (at precision 0.85; parley is above), key events 0.75
    s = scores["realnews"]
    assert s.contacts.gold >= 45
    assert s.contacts.precision >= 0.9 and s.contacts.recall >= 0.88
    assert s.events_right / s.events >= 0.8


# The held-out real sets, each scored blind once (README, the "first (untouched) run" rows), then no
# longer blind: the figures reached, as guards. (gold people, gold contacts, people P and R, country
# and role right, contacts P, contacts R, key events)
HELD_OUT = {
    "realnews/holdout": ((17, 11), 0.85, 0.9, 0.85, 0.9, 0.9, 0.6),
    "realnews/fresh": ((18, 11), 0.95, 0.9, 0.9, 0.95, 0.8, 0.6),
    "realnews/fresh2": ((15, 18), 0.95, 0.9, 0.85, 0.95, 0.7, 0.65),
    "realnews/fresh3": ((10, 5), 0.95, 0.9, 0.9, 0.95, 0.95, 0.5),
}


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_real_news_stays_where_it_is(scores, name):
    gold, people, country, role, contacts_p, contacts_r, events = HELD_OUT[name]
    s = scores[name]
    assert (s.people.gold, s.contacts.gold) == gold
    assert s.people.recall >= people and s.people.precision >= people
    assert s.country_right / s.people.tp >= country and s.role_right / s.people.tp >= role
    assert s.contacts.precision >= contacts_p and s.contacts.recall >= contacts_r
    assert s.events_right / s.events >= events
