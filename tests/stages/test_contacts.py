"""Contacts: every mention of one call, meeting or summons merged into one row, and no more."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.nlp import parse
from parley.pipeline import records
from parley.stages.contacts import contacts, is_contact
from parley.tables import numbered
from parley.models import Actor, Event
from test_events import ACTORS, PUBLISHED, extract

SATURDAY = dt.date(2021, 10, 23)
EARLY_OCTOBER = (dt.date(2021, 10, 1), dt.date(2021, 10, 24))  # "earlier this month", published 24 October


def event(n: int, *, channel="phone", code="041", parties=("hossein-amir-abdollahian", "jeyhun-bayramov"),
          date=None, basis="undated", modality="asserted", ordinal=0, sentence=None, location="") -> Event:
    """A hand-made event mention, n-th in the text."""
    return Event(
        start=10 * n, end=10 * n + 5, trigger="call", sentence_id=n if sentence is None else sentence,
        cameo_code=code, event_label="", goldstein=1.0, quad_class=1,
        source_id=parties[0] if parties else "", target_id=parties[1] if len(parties) > 1 else "",
        date_start=date[0] if date else None, date_end=date[1] if date else None, date_basis=basis,
        modality=modality, channel=channel, location=location, participant_ids=tuple(parties),
        event_id=f"e{n}", ordinal=ordinal,
    )


# ------------------------------------------------------------------------ merging rules on hand-made events


def test_one_call_mentioned_three_times_is_one_contact():
    found = numbered("contacts", contacts([
        event(1, ordinal=2),
        event(2, date=(SATURDAY, SATURDAY), basis="explicit"),
        event(3, channel="", code="040", date=(SATURDAY, SATURDAY), basis="inferred"),
    ], actors=ACTORS))
    assert len(found) == 1
    c = found[0]
    assert (c.contact_id, c.channel, c.event_ids, c.sentence_ids) == ("c1", "phone", ("e1", "e2", "e3"), (1, 2, 3))
    assert c.participant_ids == ("hossein-amir-abdollahian", "jeyhun-bayramov")
    assert (c.countries, c.date_start, c.date_end, c.modality) == (("AZE", "IRN"), SATURDAY, SATURDAY, "asserted")


def test_a_date_the_text_gives_beats_the_publication_day_of_an_earlier_mention():
    friday, two_days = (dt.date(2021, 10, 22),) * 2, (dt.date(2021, 10, 23), dt.date(2021, 10, 24))
    found = contacts([
        event(1, channel="visit", code="042", date=(PUBLISHED, PUBLISHED), basis="publication"),
        event(2, channel="visit", code="042", date=two_days, basis="explicit"),  # "on Saturday and Sunday"
        event(3, channel="visit", code="042", date=(PUBLISHED, PUBLISHED), basis="inferred"),
    ], actors=ACTORS)
    assert [(c.event_ids, c.date_start, c.date_end) for c in found] == [(("e1", "e2", "e3"), *two_days)]
    # two dates the text gives still narrow each other; one that misses is another contact
    found = contacts([
        event(1, channel="visit", code="042", date=two_days, basis="explicit"),
        event(2, channel="visit", code="042", date=(SATURDAY, SATURDAY), basis="explicit"),
        event(3, channel="visit", code="042", date=friday, basis="explicit"),
    ], actors=ACTORS)
    assert [(c.event_ids, c.date_start, c.date_end) for c in found] == [
        (("e1", "e2"), SATURDAY, SATURDAY), (("e3",), *friday)]


def test_the_second_call_and_the_earlier_one_are_two_contacts():
    found = contacts([
        event(1, ordinal=2),
        event(2, date=(SATURDAY, SATURDAY), basis="explicit"),
        event(3, date=EARLY_OCTOBER, basis="explicit", ordinal=1),
        event(4, date=EARLY_OCTOBER, basis="inferred", ordinal=1),
        event(5, date=(SATURDAY, SATURDAY), basis="inferred"),
    ], actors=ACTORS)
    assert [c.event_ids for c in found] == [("e1", "e2", "e5"), ("e3", "e4")]
    # the first of the series ended before the second began
    assert (found[1].date_start, found[1].date_end) == (dt.date(2021, 10, 1), dt.date(2021, 10, 22))


def test_an_exact_date_goes_to_the_contact_it_matches_not_the_last_one():
    found = contacts([
        event(1, date=(SATURDAY, SATURDAY), basis="explicit", ordinal=2),
        event(2, date=EARLY_OCTOBER, basis="explicit", ordinal=1),
        event(3, date=(SATURDAY, SATURDAY), basis="explicit"),
    ], actors=ACTORS)
    assert [c.event_ids for c in found] == [("e1", "e3"), ("e2",)]


def test_people_and_their_countries_nest():
    found = contacts([
        event(1, parties=("iran", "azerbaijan")),
        event(2, parties=("hossein-amir-abdollahian", "jeyhun-bayramov")),
    ], actors=ACTORS)
    assert len(found) == 1
    assert found[0].participant_ids == ("hossein-amir-abdollahian", "jeyhun-bayramov")  # people where named


@pytest.mark.parametrize(
    "second, why",
    [
        (dict(parties=("hossein-amir-abdollahian", "recep-tayyip-erdogan")), "another person"),
        (dict(channel="meeting", code="044"), "another channel"),
        (dict(date=(dt.date(2021, 9, 20), dt.date(2021, 9, 20)), basis="explicit"), "another day"),
        (dict(ordinal=3), "another in the series"),
        (dict(modality="planned"), "not held yet"),
    ],
)
def test_what_keeps_contacts_apart(second, why):
    found = contacts([event(1, date=(SATURDAY, SATURDAY), ordinal=2), event(2, **second)], actors=ACTORS)
    assert len(found) == 2, why


@pytest.mark.parametrize(
    "kind",
    [
        dict(channel="statement", code="010"),
        dict(channel="social_media", code="010"),
        dict(channel="", code="161"),  # the recall of one's own ambassador
        dict(channel="", code="163"),
    ],
)
def test_statements_tweets_recalls_are_not_contacts(kind):
    e = event(1, **kind)
    assert not is_contact(e.cameo_code, e.channel)
    assert contacts([e], actors=ACTORS) == []


def test_a_note_without_parties_joins_the_summons_it_was_handed_at():
    found = contacts([
        event(1, channel="summons", code="114", parties=("azerbaijan", "iran"), sentence=5),
        event(2, channel="note", code="114", parties=(), sentence=5),
        # unresolved by the events step, a later note or letter of nobody to nobody is no contact
        event(3, channel="note", code="114", parties=(), sentence=9),
        event(4, channel="letter", code="040", parties=(), sentence=12),
    ], actors=ACTORS)
    assert [(c.channel, c.event_ids) for c in found] == [("summons", ("e1", "e2"))]


def test_talk_with_no_one_on_one_side_is_no_contact_of_its_own():
    # "the court heard the two countries' arguments in December": nobody talked with the two
    # countries that the text names; apart from a contact of its sentence, no contact
    iran_turkey = ("iran", "turkey")
    heard = Event(
        start=50, end=55, trigger="heard", sentence_id=5, cameo_code="040", event_label="", goldstein=1.0,
        quad_class=1, source_id="", target_id="iran", date_start=None, date_end=None, date_basis="undated",
        modality="asserted", channel="", location="", participant_ids=iran_turkey, event_id="e2", ordinal=0)
    found = contacts([event(1, channel="meeting", code="040", parties=("hossein-amir-abdollahian", "jeyhun-bayramov"),
                            sentence=1), heard], actors=ACTORS)
    assert [c.event_ids for c in found] == [("e1",)]


def test_a_planned_contact_needs_a_named_channel():
    found = numbered("contacts", contacts([
        event(1, channel="", code="040", modality="planned"),  # "agreed to continue consultations"
        event(2, channel="meeting", code="043", modality="planned", parties=("iran", "azerbaijan", "turkey"),
              location="in Tehran"),
    ], actors=ACTORS))
    assert [(c.contact_id, c.modality, c.channel, c.location, c.countries) for c in found] == [
        ("c1", "planned", "meeting", "in Tehran", ("AZE", "IRN", "TUR"))
    ]


def test_ids_in_order_of_first_mention():
    found = numbered("contacts", contacts([
        event(1, channel="meeting", code="044", parties=("sergei-lavrov", "subrahmanyam-jaishankar")),
        event(2),
        event(3, channel="meeting", code="044", parties=("sergei-lavrov", "subrahmanyam-jaishankar")),
    ], actors=ACTORS))
    assert [(c.contact_id, c.event_ids) for c in found] == [("c1", ("e1", "e3")), ("c2", ("e2",))]
    assert found[0].countries == ("IND", "RUS")


# ------------------------------------------------------------------------ from text, through events()


def test_a_call_mentioned_three_times_in_text(nlp):
    text = ("Amir Abdollahian held a phone conversation with Jeyhun Bayramov on Saturday. "
            "In this conversation, Amir Abdollahian praised Azerbaijan for the release of Iranian drivers. "
            "At the end of the conversation, the two sides agreed to continue consultations.")
    found = contacts(extract(nlp, text, {"Saturday": (SATURDAY, SATURDAY)}), actors=ACTORS)
    assert len(found) == 1
    c = found[0]
    assert (c.channel, c.sentence_ids, c.date_start) == ("phone", (0, 1, 2), SATURDAY)
    assert c.participant_ids == ("hossein-amir-abdollahian", "jeyhun-bayramov")


def test_two_calls_in_text(nlp):
    text = ("Amir Abdollahian and Jeyhun Bayramov held the second phone conversation on Saturday. "
            "Earlier this month, the two foreign ministers had held a phone conversation to discuss relations. "
            "In this conversation, the two sides discussed transit.")
    events = extract(nlp, text, {"Saturday": (SATURDAY, SATURDAY), "Earlier this month": EARLY_OCTOBER})
    found = contacts(events, actors=ACTORS)
    assert [(c.sentence_ids, c.date_start, c.date_end) for c in found] == [
        ((0,), SATURDAY, SATURDAY),
        ((1, 2), dt.date(2021, 10, 1), dt.date(2021, 10, 22)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Amir Abdollahian wrote on Twitter that relations with Azerbaijan would improve.",
        "Morocco recalled its ambassador to Germany.",
        "Azerbaijan closed the highway to Iranian commercial vehicles.",
    ],
)
def test_no_contact_in_text(nlp, text):
    assert contacts(extract(nlp, text), actors=ACTORS) == []


def test_a_summons_mentioned_twice(nlp):
    text = ("Azerbaijan summoned the Iranian ambassador over the trucks. "
            "During the meeting, the ambassador was handed a protest note.")
    found = contacts(extract(nlp, text), actors=ACTORS)
    assert [(c.channel, c.sentence_ids, c.countries) for c in found] == [("summons", (0, 1), ("AZE", "IRN"))]


def test_the_first_call_is_between_the_parties_of_the_second(nlp):
    text = ("It was the second conversation between Amir Abdollahian and Jeyhun Bayramov. "
            "In their first call, in late January, they agreed to revive the dialogue.")
    found = contacts(extract(nlp, text), actors=ACTORS)
    assert [(c.channel, c.sentence_ids) for c in found] == [("meeting", (0,)), ("phone", (1,))]
    assert found[1].participant_ids == ("hossein-amir-abdollahian", "jeyhun-bayramov")


def test_two_summonses_in_turn_are_two_contacts():
    found = contacts([
        event(1, channel="summons", code="114", parties=("azerbaijan", "iran")),
        event(2, channel="summons", code="114", parties=("iran", "azerbaijan")),  # tit for tat
    ], actors=ACTORS)
    assert len(found) == 2


def test_a_visit_and_its_host_are_one_contact():
    found = contacts([
        event(1, channel="visit", code="042", parties=("recep-tayyip-erdogan", "azerbaijan")),
        event(2, channel="visit", code="043", parties=("azerbaijan", "recep-tayyip-erdogan")),  # X welcomed him
        event(3, channel="meeting", code="040", parties=("recep-tayyip-erdogan", "azerbaijan")),  # talks there
    ], actors=ACTORS)
    assert [(c.channel, c.event_ids) for c in found] == [("visit", ("e1", "e2", "e3"))]


def test_trilateral_talks_are_not_the_bilateral_visit():
    found = contacts([
        event(1, channel="visit", code="042", parties=("recep-tayyip-erdogan", "azerbaijan")),
        event(2, channel="", code="040", parties=("turkey", "azerbaijan", "iran")),
    ], actors=ACTORS)
    assert len(found) == 2


# ------------------------------------------------------------------------ the seed, end to end


def test_seed_contacts(seed_result):
    rows = seed_result.contacts
    calls = rows[rows.channel == "phone"]
    assert len(calls) == 2
    saturday, earlier = calls.iloc[0], calls.iloc[1]
    assert (saturday.date_start, saturday.date_end) == ("2021-10-23", "2021-10-23")
    assert {"0", "2", "3", "12"} <= set(saturday.sentence_ids.split("|"))  # 5+ mentions, one contact
    assert earlier.date_start.startswith("2021-10") and earlier.date_end < "2021-10-23"
    summons = rows[rows.channel == "summons"]
    assert len(summons) == 1 and summons.iloc[0].date_start == "2021-08-11"
    assert "seyed-abbas-mousavi" in summons.iloc[0].participant_ids.split("|")
    meetings = rows[rows.channel == "meeting"]
    assert sorted(meetings.modality) == ["asserted", "asserted", "planned"]
    assert any("sidelines of the United Nations General Assembly" in loc for loc in meetings.location)
    assert seed_result.events.loc[seed_result.events.cameo_code == "114", "channel"].eq("summons").any()


MONDAY = dt.date(2021, 10, 18)
WEEK_BEFORE = (dt.date(2021, 10, 11), dt.date(2021, 10, 17))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a call "by telephone", then "During the call" and "Monday's conversation": one contact; the call the
        # two men "had first" held the week before: another
        ("Sergei Lavrov and Subrahmanyam Jaishankar agreed by telephone on Monday on a new transit route. "
         "During the call, Sergei Lavrov praised India. "
         "Subrahmanyam Jaishankar spoke to reporters after Monday's conversation. "
         "The two men had first discussed the route by telephone the previous week.",
         [("phone", (0, 1, 2), ("sergei-lavrov", "subrahmanyam-jaishankar"), "asserted", MONDAY),
          ("phone", (3,), ("sergei-lavrov", "subrahmanyam-jaishankar"), "asserted", WEEK_BEFORE[0])]),
        # a request for talks and a planned meeting with a counterpart are contacts of their own
        ("Pakistan would ask India to open talks on the water treaty. "
         "Subrahmanyam Jaishankar is due to meet his Russian counterpart, Sergei Lavrov, in Ankara on Monday.",
         [("meeting", (0,), ("pakistan", "india"), "requested", None),
          ("meeting", (1,), ("subrahmanyam-jaishankar", "sergei-lavrov"), "planned", MONDAY)]),
    ],
)
def test_contacts_implied_by_the_clause(nlp, text, expected):
    dates = {"Monday": (MONDAY, MONDAY), "the previous week": WEEK_BEFORE}
    found = contacts(extract(nlp, text, {k: v for k, v in dates.items() if k in text}), actors=ACTORS)
    assert [(c.channel, c.sentence_ids, c.participant_ids, c.modality, c.date_start) for c in found] == expected


def test_a_contact_known_by_one_side_grows_into_the_mention_naming_both():
    # "In his meeting with the envoy, the minister ..." names one side; "X met Y" both: one meeting
    found = contacts([
        event(1, channel="meeting", code="040", parties=("iran",)),
        event(2, channel="meeting", code="040", parties=("jeyhun-bayramov", "hossein-amir-abdollahian")),
    ], actors=ACTORS)
    assert [(c.channel, c.event_ids, c.countries) for c in found] == [("meeting", ("e1", "e2"), ("AZE", "IRN"))]


def test_each_side_known_to_one_mention_is_one_contact():
    # "In his meeting with the envoy, the Iranian minister ...", then "The Azerbaijani envoy met Iran"
    found = contacts([
        event(1, channel="meeting", code="040", parties=("hossein-amir-abdollahian", "iran")),
        event(2, channel="meeting", code="040", parties=("jeyhun-bayramov", "iran")),
    ], actors=ACTORS)
    assert [c.participant_ids for c in found] == [("hossein-amir-abdollahian", "jeyhun-bayramov")]
    # two people of one state who do not nest are two contacts
    found = contacts([
        event(1, channel="meeting", code="040", parties=("sergei-lavrov", "hossein-amir-abdollahian")),
        event(2, channel="meeting", code="040", parties=("sergei-lavrov", "mustafa-al-kadhimi")),
    ], actors=ACTORS)
    assert len(found) == 2


def test_a_repeated_contact_never_merges_with_the_days_one(nlp):
    text = ("Jeyhun Bayramov met Recep Tayyip Erdogan. "
            "Officials from Azerbaijan and Turkey have met numerous times in the past. The meeting was cordial.")
    rows = contacts(extract(nlp, text), actors=ACTORS)
    assert [(r.channel, r.participant_ids, r.date_start, r.sentence_ids) for r in rows] == [
        ("meeting", ("jeyhun-bayramov", "recep-tayyip-erdogan"), PUBLISHED, (0, 2)),
        ("meeting", ("azerbaijan", "turkey"), None, (1,)),
    ]


@pytest.mark.parametrize("text, expected", [
    # a list of people with their states, however the parse hangs it: one call each
    ("Jeyhun Bayramov spoke by phone on Monday with Foreign Minister Sergei Lavrov of Russia, President Recep "
     "Tayyip Erdogan of Turkey and Prime Minister Mustafa al-Kadhimi.",
     [("phone", ("jeyhun-bayramov", "sergei-lavrov")), ("phone", ("jeyhun-bayramov", "recep-tayyip-erdogan")),
      ("phone", ("jeyhun-bayramov", "mustafa-al-kadhimi"))]),
    # the subject the parse hung on the opening phrase; "Russia's" is Lavrov's state, not a third party
    ("According to a statement by Indian Foreign Ministry, Subrahmanyam Jaishankar and Russia’s Sergei Lavrov "
     "have discussed bilateral relations, trade, and the latest developments in Iraq.",
     [("meeting", ("subrahmanyam-jaishankar", "sergei-lavrov"))]),
    # what the call was about ("on Turkey's sanctions") names no party
    ("Hossein Amir Abdollahian talked by phone with Jeyhun Bayramov on Turkey's sanctions against Iraq.",
     [("phone", ("hossein-amir-abdollahian", "jeyhun-bayramov"))]),
])
def test_the_parties_of_a_contact_read_past_the_parse(nlp, text, expected):
    found = extract(nlp, text, {"Monday": (MONDAY, MONDAY)} if "Monday" in text else None)
    assert [(c.channel, c.participant_ids) for c in contacts(found, actors=ACTORS)] == expected


@pytest.mark.parametrize("text, expected", [
    # the talks an opening phrase counts are the clause's subjects'
    ("After three hours of talks, Jeyhun Bayramov and Hossein Amir Abdollahian signed a deal on trade.",
     [("meeting", ("jeyhun-bayramov", "hossein-amir-abdollahian"), "asserted", (0,))]),
    # a contact told with its other side only is the paragraph's protagonist's
    ("Jeyhun Bayramov met several foreign ministers in New York. With Sergei Lavrov, talks focused on trade.",
     [("meeting", ("jeyhun-bayramov", "sergei-lavrov"), "asserted", (0, 1))]),
    ("Jeyhun Bayramov met several foreign ministers in New York. One of the most important meetings was "
     "with Sergei Lavrov, regarding transit.",
     [("meeting", ("jeyhun-bayramov", "sergei-lavrov"), "asserted", (0, 1))]),
    # "their meeting" with one side named: the two sides the text is about
    ("Azerbaijan and Turkey signed a gas deal on Monday. Jeyhun Bayramov had discussed gas prices in their "
     "meeting in Ankara.", [("meeting", ("jeyhun-bayramov", "turkey"), "asserted", (1,))]),
    # "looks forward to meeting": a planned meeting
    ("Jeyhun Bayramov looks forward to meeting Sergei Lavrov in Moscow in July.",
     [("meeting", ("jeyhun-bayramov", "sergei-lavrov"), "planned", (0,))]),
])
def test_contacts_whose_parties_the_clause_around_them_tells(nlp, text, expected):
    found = contacts(extract(nlp, text), actors=ACTORS)
    assert [(c.channel, c.participant_ids, c.modality, c.sentence_ids) for c in found] == expected


def test_the_visit_of_someone_is_their_visit(nlp):
    found = extract(nlp, "Sergei Lavrov discussed the upcoming visit of Recep Tayyip Erdogan to Azerbaijan.")
    visit = next(e for e in found if e.cameo_code == "042")
    assert visit.source_id == "recep-tayyip-erdogan"  # the visitor, not a target


def pipeline_records(text: str) -> dict[str, list]:
    """The records of a text run through every stage (names found by the actor step, not by hand)."""
    return records(parse(text), published=PUBLISHED)


def pipeline_contacts(text: str) -> list[tuple]:
    return [(c.channel, c.participant_ids) for c in pipeline_records(text)["contacts"]]


@pytest.mark.parametrize("text, expected", [
    # a plural title apposed to a list of names, each "from" a state: the talks are theirs
    ("After six hours of talks, the presidents Gustavo Petro from Colombia and Daniel Noboa from Ecuador agreed "
     "to reopen the border.", [("meeting", ("gustavo-petro", "daniel-noboa"))]),
    # a meal shared is a meeting
    ("Chinese President Hu Jintao had lunch with Brazilian President Luiz Inácio Lula da Silva on Tuesday.",
     [("meeting", ("hu-jintao", "luiz-inacio-lula-da-silva"))]),
    ("Russian President Vladimir Putin hosted a dinner for Turkish President Recep Tayyip Erdogan on Monday.",
     [("meeting", ("vladimir-putin", "recep-tayyip-erdogan"))]),
    # a list of people never runs past a verb: "with A, and met B" are two meetings
    ("Antony Blinken held talks on Sunday with Chinese Foreign Minister Qin Gang, and met top diplomat Wang Yi "
     "on Monday.", [("meeting", ("antony-blinken", "qin-gang")), ("meeting", ("antony-blinken", "wang-yi"))]),
    # a message carried "from" someone is theirs; the one who "received" it is the other side
    ("Foreign Minister Abbas Araghchi met with his Chinese counterpart Wang Yi and delivered a written message "
     "from President Masoud Pezeshkian to President Xi Jinping.",
     [("meeting", ("abbas-araghchi", "wang-yi")), ("letter", ("masoud-pezeshkian", "xi-jinping"))]),
    ("Foreign Minister Abbas Araghchi received a letter from Foreign Minister Wang Yi.",
     [("letter", ("wang-yi", "abbas-araghchi"))]),
    # the talks a relative clause tells the parties of; "the government of X" acts for X
    ("Sergei Lavrov described the talks that Russia held with the government of Iraq last week.",
     [("meeting", ("russia", "iraq"))]),
    ("Sergei Lavrov described the talks that Russia held with the regime in Iraq last week.",
     [("meeting", ("russia", "iraq"))]),
])
def test_contacts_of_real_news_phrasings(text, expected):
    assert pipeline_contacts(text) == expected


def test_a_name_apposed_to_the_state_of_a_title_is_the_party():
    # "the Foreign Minister of Mali, Abdoulaye Diop": the parse apposes the name to the state, the name is the party;
    # "the UN Human Rights Council" is an institution, not a person, and "for" it is the trip's purpose, not its host
    found = pipeline_contacts(
        "During his trip to Geneva for the UN Human Rights Council, Foreign Minister Ahmed Attaf of Algeria met "
        "several counterparts. One of the longest meetings was with the Foreign Minister of Mali, Abdoulaye Diop, "
        "regarding the border. With the Spanish Foreign Minister, José Manuel Albares, talks focused on migration.")
    assert [parties for _, parties in found] == [("ahmed-attaf", "abdoulaye-diop"), ("ahmed-attaf", "jose-manuel-albares")]
    assert found[1][0] == "meeting"  # the first is the trip's: talks held during a visit belong to it


def test_dated_talks_with_both_sides_are_a_contact_even_when_called_off():
    found = pipeline_records("Colombia has called off next week's talks with Ecuador, citing a border incident.")[
        "contacts"]
    assert [(c.channel, c.participant_ids, c.modality, c.date_start, c.date_end) for c in found] == [
        ("meeting", ("colombia", "ecuador"), "negated", dt.date(2021, 10, 25), dt.date(2021, 10, 31))]
    # undated and unnamed: no contact yet
    assert pipeline_records("Colombia and Ecuador agreed to continue consultations.")["contacts"] == []


def test_a_call_with_a_third_person_is_another_call():
    # "spoke by phone with A and B": A's call and B's, even when the text gives B no state
    found = contacts([
        event(1, parties=("sergei-lavrov", "recep-tayyip-erdogan")),
        event(2, parties=("sergei-lavrov", "ali-khamenei")),
    ], actors=[*ACTORS, Actor("ali-khamenei", "Ali Khamenei", "person", "")])
    assert [c.participant_ids for c in found] == [("sergei-lavrov", "recep-tayyip-erdogan"),
                                                 ("sergei-lavrov", "ali-khamenei")]


def test_a_kremlin_style_readout():
    # "President of <a state's long name> NAME": the person; the talks "with" them "held in Moscow" are
    # another contact, and "held" there is no detention
    found = pipeline_records((
        "Vladimir Putin had a telephone conversation with President of the Federative Republic of Brazil Luiz "
        "Inacio Lula da Silva. The two leaders exchanged views on the situation in Ukraine. "
        "Vladimir Putin informed his counterpart about the main outcomes of the talks with "
        "President of the People's Republic of China Xi Jinping, held in Moscow on March 20–21."))
    assert [(c.channel, c.participant_ids) for c in found["contacts"]] == [
        ("phone", ("vladimir-putin", "luiz-inacio-lula-da-silva")), ("meeting", ("vladimir-putin", "xi-jinping"))]
    assert "173" not in [e.cameo_code for e in found["events"]]


def test_a_summit_with_named_participants_is_a_meeting_of_its_own_beside_the_talks_held_at_it():
    text = ("Kenyan and Ugandan officials held talks on the sidelines of the regional summit held with the "
            "participation of Kenya, Uganda, and Tanzania presidents in Arusha on Tuesday. During the meeting, "
            "both sides discussed trade.")
    found = pipeline_records(text)["contacts"]
    tuesday = dt.date(2021, 10, 19)
    # "Kenyan and Ugandan officials" are the two states' people; the talks take the summit's day;
    # "the meeting" after them is the talks, not the summit
    assert [(c.participant_ids, c.date_start, c.date_end, c.event_ids) for c in found] == [
        (("kenya", "uganda"), tuesday, tuesday, ("e1", "e3")),
        (("kenya", "uganda", "tanzania"), tuesday, tuesday, ("e2",)),
    ]


def test_a_summit_named_only_as_the_place_of_talks_is_no_contact():
    text = "Officials of Egypt and Sudan met on the sidelines of the summit in Addis Ababa on Sunday."
    assert pipeline_contacts(text) == [("meeting", ("egypt", "sudan"))]


def test_a_returned_call_is_a_call_of_its_own_from_the_one_who_returns_it():
    text = ("Late Saturday morning, President Ana Reyes returned Kenyan President William Otieno's phone call. "
            "President Otieno had called President Reyes on Friday to congratulate her.")
    found = pipeline_records(text)["contacts"]
    assert [(c.channel, c.participant_ids, c.date_start) for c in found] == [
        ("phone", ("ana-reyes", "william-otieno"), SATURDAY),
        ("phone", ("william-otieno", "ana-reyes"), dt.date(2021, 10, 22)),
    ]


def test_a_call_between_people_of_one_state_is_no_diplomatic_contact():
    text = ("Kenyan President William Otieno called Ambassador Joseph Kamau, Kenyan Ambassador to Somalia, on Sunday. "
            "He also called Ugandan President Yoweri Museveni.")
    # the ambassador's state comes from the title after his name, though a title stands before it
    actors = {a.actor_id: a.country for a in pipeline_records(text)["actors"] if a.kind == "person"}
    assert actors["joseph-kamau"] == "KEN"
    assert pipeline_contacts(text) == [("phone", ("william-otieno", "yoweri-museveni"))]


def test_separate_calls_with_a_list_of_people_the_parser_hung_on_the_last_one():
    text = ("Kenyan Foreign Minister Amina Odhiambo spoke to reporters.\n\nOdhiambo held separate phone conversations "
            "with Turkish Foreign Minister Emre Yilmaz and Qatari Foreign Minister Mohammed bin Abdulrahman "
            "Al Khalifa on Monday.")  # the parser hangs "Yilmaz" on "Khalifa"
    assert pipeline_contacts(text) == [("phone", ("amina-odhiambo", "emre-yilmaz")),
                                       ("phone", ("amina-odhiambo", "mohammed-bin-abdulrahman-al-khalifa"))]


def test_meetings_scheduled_between_two_states_with_the_plan_s_dates():
    text = ("Meetings are scheduled for Monday and Tuesday in Mombasa between vice-ministers of Kenya and Uganda. "
            "The U.S. has also met with Somalia's United Nations ambassador.")
    found = pipeline_records(text)["contacts"]
    # the state that sent its envoy to an organisation is the party, not the organisation
    assert [(c.channel, c.participant_ids, c.modality, c.date_start, c.date_end) for c in found] == [
        ("meeting", ("kenya", "uganda"), "planned", dt.date(2021, 10, 25), dt.date(2021, 10, 26)),
        ("meeting", ("united-states", "somalia"), "asserted", PUBLISHED, PUBLISHED),
    ]


@pytest.mark.parametrize("text, expected", [
    # a trip no one hosts is not the meeting with someone told after it
    ("During her visit to Geneva for the UN Human Rights Council, Kenyan Foreign Minister Amina Odhiambo met with "
     "various other foreign ministers. One of the most important meetings was with the Foreign Minister of Peru, "
     "Ana Torres, regarding trade.", [("meeting", ("amina-odhiambo", "ana-torres"))]),
    # "is in X on a visit": X hosts it, and the talks held during it belong to it
    ("The president of Chile, Ana Torres, is in Peru on her first State visit to this country. She met today with "
     "Peruvian President Luis Rojas.", [("visit", ("ana-torres", "luis-rojas"))]),
])
def test_a_visit_is_the_talks_held_during_it_only_where_someone_hosts_it(text, expected):
    assert pipeline_contacts(text) == expected


def test_the_place_of_a_visit_one_is_on():
    text = ("The president of Chile, Ana Torres, is in Peru on her first State visit to this country. She met today "
            "with Peruvian President Luis Rojas.")
    assert [(c.channel, c.location) for c in pipeline_records(text)["contacts"]] == [("visit", "in Peru")]


def test_a_visit_placed_nowhere_is_to_the_state_the_report_is_filed_from():
    from parley.nlp import parse

    text = ("Nairobi - To mark the State visit by the president of Uganda, Grace Akello, the Kenyan and Ugandan "
            "governments signed two agreements today. \"This is a good day,\" said president William Ruto, who was "
            "accompanied by Akello.")
    found = records(parse(text), published=PUBLISHED, dateline="Nairobi -", text_start=10)
    # "the president of Uganda" is Uganda's president, though "president" alone is another's title;
    # "the Kenyan and Ugandan governments" are the two states
    assert [(e.trigger, e.participant_ids) for e in found["events"][:2]] == [
        ("State visit", ("grace-akello", "kenya")), ("signed", ("kenya", "uganda"))]
    assert [(c.channel, c.participant_ids) for c in found["contacts"]] == [("visit", ("grace-akello", "kenya"))]
    # reported from nowhere, the visit has no host
    found = records(parse(text[10:]), published=PUBLISHED)
    assert found["contacts"] == []


def test_a_government_s_release_hosts_the_visit_it_places_nowhere():
    from parley.nlp import parse

    text = ("The President spoke by phone with Kenyan President William Otieno. The two leaders discussed "
            "the upcoming visit of Kenyan Prime Minister Grace Wanjiru.")
    found = records(parse(text), published=dt.date(2015, 4, 3), publisher="The White House, Office of the Press Secretary")
    assert [(c.channel, c.participant_ids, c.modality) for c in found["contacts"]] == [
        ("phone", ("united-states", "william-otieno"), "asserted"),
        ("visit", ("grace-wanjiru", "united-states"), "planned")]


def test_the_visitor_s_stops_at_institutions_are_part_of_the_visit():
    text = ("The president of Chile, Pedro Torres, is in Peru on his first State visit to this country. He met today "
            "with Peruvian President Luis Rojas. He also visited the National Congress and the Supreme Court.")
    found = pipeline_records(text)
    # the second "He" is the one the sentence before was about (its subject, itself a pronoun), not the last name
    assert [m.actor_id for m in found["mentions"] if m.how == "pronoun"] == ["pedro-torres"] * 3
    assert [(c.channel, c.participant_ids) for c in found["contacts"]] == [
        ("visit", ("pedro-torres", "luis-rojas", "national-congress", "supreme-court"))]


def test_with_each_in_turn_after_calls_with_two_leaders():
    text = ("Brazilian President Ana Reyes spoke by phone with Kenyan President William Otieno and Indian Prime "
            "Minister Raj Mehta. With Prime Minister Mehta, she discussed trade. And with President Otieno, the two "
            "leaders also discussed counterterrorism.")
    # "she" is not Mehta, whom her own clause talks "with"; "the two leaders" are she and Otieno, not the
    # last two named: two calls, no meeting between the two she called
    assert pipeline_contacts(text) == [("phone", ("ana-reyes", "william-otieno")), ("phone", ("ana-reyes", "raj-mehta"))]


def test_a_title_of_a_long_state_name_then_the_name():
    # the parser hangs the name on the state's "of": "with Prime Minister of the Republic of India NAME"
    text = "William Ruto had a telephone conversation with Prime Minister of the Republic of India Narendra Mehta."
    assert pipeline_contacts(text) == [("phone", ("william-ruto", "narendra-mehta"))]


def test_a_tour_of_several_states_is_a_visit_to_each():
    text = "Iranian President Ali Rezaei is scheduled to visit three African countries of Kenya, Uganda, and Zimbabwe this week."
    assert pipeline_contacts(text) == [("visit", ("ali-rezaei", "kenya")), ("visit", ("ali-rezaei", "uganda")),
                                       ("visit", ("ali-rezaei", "zimbabwe"))]


def test_one_who_will_be_somewhere_on_a_visit_is_its_visitor():
    text = ("President Ana Reyes will be in Kenya between March 6 and 9, on a state visit at the invitation of "
            "President William Ruto. During talks with President Ruto, discussions will be focused on trade.")
    found = pipeline_records(text)
    assert [(c.channel, c.participant_ids, c.modality) for c in found["contacts"]] == [
        ("visit", ("ana-reyes", "kenya"), "planned")]
    # the talks are to come too ("discussions will be focused")
    assert [(e.trigger, e.modality) for e in found["events"]] == [("state visit", "planned"), ("talks", "planned")]


def test_a_government_s_release_sends_what_it_says_was_sent():
    from parley.nlp import parse

    text = ("The President spoke by phone with Kenyan President William Otieno. They discussed trade. They discussed "
            "energy. They discussed security. A message of congratulations was also sent to President Otieno.")
    found = records(parse(text), published=dt.date(2015, 4, 3), publisher="The White House, Office of the Press Secretary")
    assert [(c.channel, c.participant_ids) for c in found["contacts"]] == [
        ("phone", ("united-states", "william-otieno")), ("letter", ("united-states", "william-otieno"))]


def test_a_meeting_whose_schedule_is_discussed_is_a_planned_meeting():
    text = ("Kenyan President William Ruto had a telephone conversation with Peruvian President Ana Reyes. "
            "The leaders also discussed a range of issues on the bilateral agenda, including their meeting schedule.")
    assert [(c.channel, c.participant_ids, c.modality) for c in pipeline_records(text)["contacts"]] == [
        ("phone", ("william-ruto", "ana-reyes"), "asserted"), ("meeting", ("kenya", "peru"), "planned")]


@pytest.mark.parametrize("text, expected", [
    # two sides that will set up a commission of their own plan to meet in it
    ("As a result of the meeting, the presidents of Kenya and Uganda will organize a binational high level "
     "commission in the next weeks.", [("meeting", ("kenya", "uganda"), "planned")]),
    # one only proposed is no meeting planned yet
    ("Kenya proposed that Kenya and Uganda set up a joint commission to apply the ruling.", []),
])
def test_a_commission_two_sides_set_up(text, expected):
    assert [(c.channel, c.participant_ids, c.modality) for c in pipeline_records(text)["contacts"]] == expected


def test_meetings_of_two_organisations_are_a_meeting_of_each():
    # "American" inside the organisation's name is no mention of the United States
    text = ("Ecuador's President Rafael Correa also called for immediate meetings of the Organization of American "
            "States and the Andean Community of Nations.")
    found = pipeline_records(text)
    assert [m.actor_id for m in found["mentions"]] == [
        "ecuador", "rafael-correa", "organization-of-american-states", "andean-community-of-nations"]
    assert [(c.channel, c.participant_ids, c.modality) for c in found["contacts"]] == [
        ("meeting", ("rafael-correa", "organization-of-american-states"), "requested"),
        ("meeting", ("rafael-correa", "andean-community-of-nations"), "requested")]


def test_two_mentions_of_one_party_each_are_no_contact_between_them():
    # "X called for talks" ... "a letter from Y said": a party apiece, no text says they met
    rebel = Actor("raul-reyes", "Raul Reyes", "person", "")  # a person of no known state conflicts with no one
    assert contacts([event(1, channel="", code="040", parties=("hossein-amir-abdollahian",)),
                     event(2, channel="letter", code="040", parties=("raul-reyes",))], actors=[*ACTORS, rebel]) == []
    # a mention of one state's side, then one that names both: the same contact
    found = contacts([event(1, channel="summons", code="114", parties=("iran",)),
                      event(2, channel="summons", code="114", parties=("hossein-amir-abdollahian", "azerbaijan"))],
                     actors=ACTORS)
    assert [c.event_ids for c in found] == [("e1", "e2")]
