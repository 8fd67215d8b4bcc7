"""CAMEO codes for the wire-copy phrasings the trigger table grew to cover: trade measures and
their easing, briefings, requests, offers, protests and military posture. Each case is a new
news-style sentence asserting the exact code (and its source and target where the clause names them)."""
from __future__ import annotations

import pytest

from test_events import extract, find


@pytest.mark.parametrize(
    "text, trigger, code, source, target",
    [
        # deliveries, supplies or imports halted or cut, controls on exports tightened: 163
        ("Turkey halted gas deliveries to Armenia on Monday.", "halted", "163", "turkey", "armenia"),
        ("India tightened controls on exports of rice to Pakistan.", "tightened", "163", "india", "pakistan"),
        ("Iran will impose new measures on goods imported from Turkey.", "impose", "163", "iran", ""),
        # their restoring, and a boycott ended: 085
        ("Germany agreed to end the embargo on Armenia.", "end", "085", "germany", "armenia"),
        # visas imposed on the other side's nationals: an administrative sanction (172)
        ("Azerbaijan imposed visas on Iranian nationals.", "imposed", "172", "azerbaijan", "iran"),
    ],
)
def test_trade_measures_and_their_easing(nlp, text, trigger, code, source, target):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id, e.target_id) == (code, source, target)


def test_a_summit_where_something_else_was_agreed_is_a_meeting_of_its_own(nlp):
    # "on the sidelines of the summit" is where a meeting took place; "agreed to end X at a summit" is no meeting
    found = extract(nlp, "Iran and Turkey agreed to lift the embargo at a regional summit in Baku.")
    assert find(found, "lift").cameo_code == "085"
    summit = find(found, "summit")
    assert (summit.cameo_code, summit.channel) == ("044", "meeting")
