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


@pytest.mark.parametrize(
    "text, trigger, code, source, target",
    [
        # one's own forces withdrawn: a military retreat (PETRARCH2's WITHDRAW &MILITARY), not an expulsion
        ("Armenia will withdraw its forces from the border.", "withdraw", "0874", "armenia", ""),
        # a case filed against the other side: a lawsuit (115)
        ("Iran filed a case against Turkey at the World Trade Organization.", "filed", "115", "iran", "turkey"),
        # riots (145); exercises held, airspace entered: military posture (150)
        ("The ruling triggered riots in several Iranian cities.", "riots", "145", "", ""),
        ("The Turkish navy held exercises near Armenia.", "held", "150", "turkey", ""),
        ("Iranian fighter jets entered Turkish airspace on Monday.", "entered", "150", "iran", "turkey"),
        # an offer turned down: a rejection (120)
        ("Turkey proposed talks, an offer Iran has turned down.", "turned down", "120", "iran", ""),
        # a fast recovery wished: sympathy (018)
        ("Erdogan sent a message to Amir Abdollahian and wished him a fast recovery.", "wished", "018",
         "recep-tayyip-erdogan", ""),
    ],
)
def test_retreats_lawsuits_riots_posture_rejections_and_sympathy(nlp, text, trigger, code, source, target):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id, e.target_id) == (code, source, target)


@pytest.mark.parametrize(
    "text, trigger, code, source, target",
    [
        # briefing the other side, or giving it an update, is a consultation (040)
        ("The Iraqi foreign minister briefed Amir Abdollahian on the latest developments.", "briefed", "040",
         "iraq", "hossein-amir-abdollahian"),
        ("Bayramov gave Amir Abdollahian an update on the situation in the region.", "gave", "040",
         "jeyhun-bayramov", "hossein-amir-abdollahian"),
        # saying one can supply or provide something: an intent to cooperate materially (031)
        ("Turkey has indicated it can supply the gas.", "indicated", "031", "turkey", ""),
        ("Iran offered to provide fuel to Armenia.", "offered", "031", "iran", "armenia"),
        # a government protesting to another: an official complaint (114)
        ("Amir Abdollahian protested to Bayramov over the arrests.", "protested", "114",
         "hossein-amir-abdollahian", "jeyhun-bayramov"),
        # a request that aid modifies: an appeal for aid (023), even with no one named
        ("Iran made a humanitarian aid request to Turkey.", "aid request", "023", "iran", "turkey"),
        ("The first item on the agenda is an aid request for 20,000 tons of wheat.", "aid request", "023", "", ""),
        # continuing cooperation discussed: an intent to cooperate (030)
        ("The two leaders discussed continuing cooperation in the fight against terrorism.", "cooperation", "030",
         "", ""),
    ],
)
def test_briefings_offers_protests_requests_and_cooperation(nlp, text, trigger, code, source, target):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id, e.target_id) == (code, source, target)


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        # the need for a ceasefire: an appeal for de-escalation (0256), also as the second conjunct
        ("Iran and Turkey agreed on the need for a ceasefire as soon as possible.", "need", "0256"),
        ("Amir Abdollahian stressed the need for dialogue in the region and an immediate ceasefire.", "need", "0256"),
        ("Iran stressed the need to strengthen ties with Armenia.", "need", "020"),
    ],
)
def test_the_need_for_something_is_an_appeal_for_it(nlp, text, trigger, code):
    assert find(extract(nlp, text), trigger).cameo_code == code


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        # a measure called unjustified or unfriendly, a decision said to be unacceptable: criticism (111)
        ("Iran called the Turkish measures unjustified and unfriendly.", "unfriendly", "111"),
        ("Bayramov said the decision was unacceptable.", "unacceptable", "111"),
    ],
)
def test_a_measure_called_unjustified_is_criticized(nlp, text, trigger, code):
    assert find(extract(nlp, text), trigger).cameo_code == code


@pytest.mark.parametrize(
    "text, trigger, code, source",
    [
        # a charge denied, or rejected in a relative clause whose antecedent is the charge: a denial (016)
        ("Iran denied the accusations.", "denied", "016", "iran"),
        ("Turkey accused Iran of spying, a charge Tehran rejected as baseless.", "rejected", "016", "iran"),
    ],
)
def test_a_charge_denied_or_rejected_is_a_denial(nlp, text, trigger, code, source):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id) == (code, source)


@pytest.mark.parametrize(
    "text, codes, source",
    [
        # the need a speaker stresses is their appeal: its source, and no separate statement
        ("Amir Abdollahian stressed the need for dialogue in the region and an immediate ceasefire.",
         ["0256"], "hossein-amir-abdollahian"),
        # the need the parties agree on is theirs too; their agreement stays
        ("Iran and Turkey agreed on the need for a ceasefire as soon as possible.", ["030", "0256"], "iran"),
    ],
)
def test_the_need_a_speaker_voices_is_their_appeal(nlp, text, codes, source):
    found = extract(nlp, text)
    assert [e.cameo_code for e in found] == codes
    assert find(found, "need").source_id == source


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        # people held are detained (173), also in a relative clause; a summit or talks held are not
        ("Azerbaijan released two Iranian drivers who had been held since August.", "held", "173"),
        ("Iranian drivers held without charge in Azerbaijan were released.", "held", "173"),
    ],
)
def test_people_held_are_detained(nlp, text, trigger, code):
    assert find(extract(nlp, text), trigger).cameo_code == code


@pytest.mark.parametrize("text", ["Iran held talks with Turkey.", "Turkey will hold the summit in Ankara."])
def test_a_meeting_held_is_no_detention(nlp, text):
    assert "173" not in [e.cameo_code for e in extract(nlp, text)]


def test_an_envoy_summoned_to_protest_is_one_complaint(nlp):
    found = extract(nlp, "Azerbaijan summoned the Iranian ambassador to protest against the arrests.")
    assert [(e.trigger, e.cameo_code) for e in found if e.cameo_code[:2] in ("11", "14")] == [("summoned", "114")]


@pytest.mark.parametrize(
    "text, trigger, code, source, target",
    [
        # ties broken or cut: relations reduced (161)
        ("Armenia is breaking diplomatic ties with Azerbaijan.", "breaking", "161", "armenia", "azerbaijan"),
        ("Turkey cut off relations with Iran in March.", "cut off", "161", "turkey", "iran"),
        # a state recognised: diplomatic recognition (054), the verb with an actor or the noun
        ("Iran recognized Armenia in 1992.", "recognized", "054", "iran", "armenia"),
        ("Turkey welcomed the recognition of Azerbaijan by Iran.", "recognition", "054", "iran", "azerbaijan"),
        # appreciation expressed: praise (051)
        ("Iran expressed its appreciation to Turkey.", "expressed", "051", "iran", "turkey"),
        # troops sent: military posture (15)
        ("Azerbaijan sent troops to the border with Armenia.", "sent", "150", "azerbaijan", "armenia"),
        # an industry nationalised: property seized (171)
        ("Iran announced the nationalization of Turkey's gas company.", "nationalization", "171", "", "turkey"),
    ],
)
def test_ties_recognition_appreciation_troops_and_nationalisation(nlp, text, trigger, code, source, target):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id, e.target_id) == (code, source, target)


@pytest.mark.parametrize("text", [
    "Iran discussed poverty combat with Azerbaijan.",
    "Iran discussed the war on drugs with Azerbaijan.",
    "Iran discussed the fight against terrorism with Azerbaijan.",
])
def test_a_fight_against_poverty_drugs_or_terrorism_is_no_armed_conflict(nlp, text):
    assert [e.cameo_code[:2] for e in extract(nlp, text)] == ["04"]


def test_a_demand_conveyed_by_telephone_is_a_call_too(nlp):
    from test_contacts import pipeline_records

    found = pipeline_records("Russian Foreign Minister Ivan Petrov conveyed his demand to his Estonian counterpart "
                             "by telephone.")["events"]
    # the demand is an event of its own, and conveying it by telephone a call
    assert [(e.trigger, e.cameo_code, e.channel, e.participant_ids) for e in found] == [
        ("conveyed", "041", "phone", ("ivan-petrov", "estonia")), ("demand", "100", "", ("ivan-petrov",))]


def test_an_assurance_is_a_statement(nlp):
    e = find(extract(nlp, "Jeyhun Bayramov assured Amir Abdollahian that the road would stay open."), "assured")
    assert (e.cameo_code, e.source_id, e.target_id) == ("010", "jeyhun-bayramov", "hossein-amir-abdollahian")


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        # a state's territory or airspace violated: military posture (150), also after "over"
        ("Iran condemned Azerbaijan's violation of Iran's territory.", "violation", "150"),
        ("Iran summoned the Azerbaijani ambassador over the violation of Iran's territory.", "violation", "150"),
        # troops ordered to a border: military posture (150)
        ("Iran and Azerbaijan have ordered troops to their borders with Armenia.", "ordered", "150"),
        # an artillery attack: 194
        ("Azerbaijan's artillery attack on Armenia killed two.", "artillery attack", "194"),
        # satisfaction and solidarity expressed: praise (051)
        ("Both sides expressed satisfaction with the level of their partnership.", "expressed", "051"),
        ("Jeyhun Bayramov stressed solidarity with the Iranian people.", "stressed", "051"),
        # a message of congratulations sent: the praise, and the letter beside it
        ("A message of congratulations was also sent to Jeyhun Bayramov.", "congratulations", "051"),
        ("A message of congratulations was also sent to Jeyhun Bayramov.", "sent", "040"),
    ],
)
def test_codes_of_military_posture_praise_and_messages(nlp, text, trigger, code):
    assert find(extract(nlp, text), trigger).cameo_code == code
