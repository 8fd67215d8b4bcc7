"""Event dates on news-style sentences: which timex dates an event, and over what interval.

Uses the hand-made actors and mentions of ``test_events`` (timexes given by hand), so these tests
exercise the dating rules alone.
"""
from __future__ import annotations

import datetime as dt

import pytest

from parley.stages.events import events
from test_events import ACTORS, PUBLISHED, extract, find, mentions_of, timex

D = dt.date


@pytest.mark.parametrize(
    "text, dates, trigger, interval",
    [
        # two coordinated dates: the event spans both
        ("Iran and Armenia signed treaties in 1961 and 1967.",
         {"1961": (D(1961, 1, 1), D(1961, 12, 31)), "1967": (D(1967, 1, 1), D(1967, 12, 31))},
         "signed", (D(1961, 1, 1), D(1967, 12, 31))),
        # "for" after a plan gives the planned dates, not a bound
        ("Talks between Iran and Turkey are scheduled for Wednesday and Thursday.",
         {"Wednesday": (D(2021, 10, 27), D(2021, 10, 27)), "Thursday": (D(2021, 10, 28), D(2021, 10, 28))},
         "scheduled", (D(2021, 10, 27), D(2021, 10, 28))),
        # one date only: that date
        ("Iran and Armenia signed a treaty in 1961.", {"1961": (D(1961, 1, 1), D(1961, 12, 31))},
         "signed", (D(1961, 1, 1), D(1961, 12, 31))),
    ],
)
def test_coordinated_dates_give_the_span_of_both(nlp, text, dates, trigger, interval):
    e = find(extract(nlp, text, dates), trigger)
    assert (e.date_start, e.date_end) == interval


def test_a_bound_stays_a_bound_through_its_conjunct(nlp):
    text = "Iran has detained Iranian drivers since June and July."
    e = find(extract(nlp, text, {"June": (D(2021, 6, 1), D(2021, 6, 30)), "July": (D(2021, 7, 1), D(2021, 7, 31))}),
             "detained")
    assert e.date_basis != "explicit"


def test_the_dateline_dates_the_report_not_the_event(nlp):
    text = "BAKU, Oct. 20 (APA) – Jeyhun Bayramov will host Sergei Lavrov in Baku on Friday Oct. 22 to discuss trade."
    found = extract(nlp, text, {"Oct. 20": (D(2021, 10, 20), D(2021, 10, 20)),
                                "Friday Oct. 22": (D(2021, 10, 22), D(2021, 10, 22))})
    e = find(found, "host")
    assert (e.date_start, e.date_basis) == (D(2021, 10, 22), "explicit")


def test_a_summit_held_on_a_day_is_of_that_day(nlp):
    text = "Sergei Lavrov attended the summit held in Baku on Tuesday."
    e = find(extract(nlp, text, {"Tuesday": (D(2021, 10, 19), D(2021, 10, 19))}), "summit")
    assert (e.date_start, e.date_basis) == (D(2021, 10, 19), "explicit")


def test_talks_at_a_venue_take_the_venues_date(nlp):
    # the summit is a venue, not an event: its "held ... on Tuesday evening" dates the talks on its sidelines
    text = "Iranian and Turkish officials held talks on the sidelines of the summit held in Baku on Tuesday evening."
    e = find(extract(nlp, text, {"Tuesday evening": (D(2021, 10, 19), D(2021, 10, 19))}), "talks")
    assert (e.date_start, e.date_end, e.date_basis) == (D(2021, 10, 19), D(2021, 10, 19), "explicit")


def test_a_meeting_in_which_something_was_discussed_is_of_that_date(nlp):
    text = "In May, Sergei Lavrov discussed the resumption of trading grain between the two sides in their meeting in Baku."
    e = find(extract(nlp, text, {"May": (D(2021, 5, 1), D(2021, 5, 31))}), "meeting")
    assert (e.date_start, e.date_end, e.date_basis) == (D(2021, 5, 1), D(2021, 5, 31), "inferred")


def test_a_readout_runs_to_the_end_of_the_paragraph_and_covers_the_parties_states(nlp):
    # three sentences after the call, Iran (the state of a party) welcomed: during the call
    text = ("Hossein Amir Abdollahian spoke by phone with Jeyhun Bayramov on Monday. The call lasted an hour. "
            "Trade was on the agenda. Iran also welcomed the decision of Azerbaijan to reopen the road.")
    e = find(extract(nlp, text, {"Monday": (D(2021, 10, 18), D(2021, 10, 18))}), "welcomed")
    assert (e.source_id, e.date_start, e.date_basis) == ("iran", D(2021, 10, 18), "inferred")


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the present progressive reports what is under way as the article is written
        ("Sergei Lavrov and Jeyhun Bayramov are meeting in Baku to settle the dispute over the road.", "meeting"),
        ("The talks between Iran and Armenia are being held behind closed doors in Tehran.", "talks"),
        # the present perfect of the verb an event noun is the subject of
        ("Direct negotiations between Iran and Turkey have begun in Ankara.", "negotiations"),
    ],
)
def test_what_is_under_way_or_has_just_begun_is_of_the_publication_day(nlp, text, trigger):
    e = find(extract(nlp, text), trigger)
    assert (e.date_start, e.date_end, e.date_basis) == (PUBLISHED, PUBLISHED, "publication")


def test_an_event_noun_the_object_of_a_present_perfect_is_not_of_the_publication_day(nlp):
    # "has criticized the summit": the criticism is the day's news, the summit is not
    e = find(extract(nlp, "Iran has criticized the summit of Azerbaijan and Turkey."), "summit")
    assert (e.date_start, e.date_basis) == (None, "undated")


@pytest.mark.parametrize(
    "text, interval",
    [
        # the date of the verb an event noun is the object of a preposition of, when that verb is no event
        ("Trade between Iran and Armenia began to recover with talks in Yerevan last week.",
         (D(2021, 10, 11), D(2021, 10, 17))),
        # not through a preposition that makes it a bound: the talks came before
        ("Trade between Iran and Armenia began to recover last week after talks in Yerevan.", None),
    ],
)
def test_an_event_noun_takes_the_date_of_the_verb_it_completes(nlp, text, interval):
    e = find(extract(nlp, text, {"last week": (D(2021, 10, 11), D(2021, 10, 17))}), "talks")
    assert ((e.date_start, e.date_end) if e.date_start else None) == interval


def test_a_readout_covers_the_clauses_its_verbs_govern(nlp):
    # "prepare" is an infinitive inside what was welcomed: it takes the tense of "welcomed", in the call
    text = ("Sergei Lavrov spoke by phone with Jeyhun Bayramov on Monday. Sergei Lavrov welcomed the chance to "
            "work in close cooperation with Azerbaijan to prepare a plan for the release of Iranian drivers.")
    e = find(extract(nlp, text, {"Monday": (D(2021, 10, 18), D(2021, 10, 18))}), "prepare")
    assert (e.date_start, e.date_end, e.date_basis) == (D(2021, 10, 18), D(2021, 10, 18), "inferred")


def paragraphs_events(nlp, paragraphs: list[str], dates: dict[str, tuple[dt.date, dt.date]]):
    """The events of a text of one paragraph per item (a readout of short paragraphs)."""
    text = "  ".join(paragraphs)
    doc = nlp.make_doc(text)
    doc._.paragraph_starts = tuple(text.index(p) for p in paragraphs)
    doc = nlp(doc)
    timexes = [timex(doc, text, span, *days) for span, days in dates.items()]
    return events(doc, mentions=mentions_of(doc, text), actors=ACTORS, timexes=timexes, published=PUBLISHED)


def test_a_readout_runs_on_while_the_parties_go_on_doing_things(nlp):
    # one short paragraph per sentence: "The two ministers…", "They…", "Sergei Lavrov also…" carry the
    # readout on past two sentences; three sentences of something else end it
    found = paragraphs_events(nlp, [
        "Sergei Lavrov spoke by phone with Jeyhun Bayramov on Monday.", "The two ministers discussed the road.",
        "They agreed that trade must grow.", "Sergei Lavrov also praised Azerbaijan's efforts.",
        "They also welcomed the new bridge.", "Prices in Baku rose.", "The road stayed closed.",
        "The weather was bad.", "Azerbaijan criticized Iran."], {"Monday": (D(2021, 10, 18), D(2021, 10, 18))})
    assert (find(found, "welcomed").date_start, find(found, "welcomed").date_basis) == (D(2021, 10, 18), "inferred")
    # the readout is over: not Monday's, but the day the report tells of
    assert (find(found, "criticized").date_start, find(found, "criticized").date_basis) == (PUBLISHED, "publication")


def test_what_a_readout_talked_about_is_no_act_of_it(nlp):
    # the talks conferred about are a topic of the call, not held during it
    text = ("Sergei Lavrov spoke by phone with Jeyhun Bayramov on Monday. "
            "They also conferred about the talks of Iran and Armenia.")
    e = find(extract(nlp, text, {"Monday": (D(2021, 10, 18), D(2021, 10, 18))}), "talks")
    assert e.date_start is None


def test_a_when_clause_of_a_date_is_of_that_date(nlp):
    # "in November, when he will meet…": the relative clause hangs on the date
    text = "Jeyhun Bayramov plans a trip to Tehran in November, when he will meet Hossein Amir Abdollahian."
    e = find(extract(nlp, text, {"November": (D(2021, 11, 1), D(2021, 11, 30))}), "meet")
    assert (e.date_start, e.date_end, e.date_basis) == (D(2021, 11, 1), D(2021, 11, 30), "explicit")


def test_what_a_dated_plan_is_to_do_is_done_then(nlp):
    text = "Sergei Lavrov will visit Baku on Friday to discuss how to reopen the border."
    e = find(extract(nlp, text, {"Friday": (D(2021, 10, 29), D(2021, 10, 29))}), "reopen")
    assert (e.date_start, e.date_end, e.date_basis) == (D(2021, 10, 29), D(2021, 10, 29), "inferred")


@pytest.mark.parametrize(
    "second, date",
    [
        # the next sentence dates the contact of its parties that the lede sums up: that date
        ("Hossein Amir Abdollahian held talks with Jeyhun Bayramov in Baku on Tuesday.", D(2021, 10, 19)),
        # no such contact: the present perfect is the day's news
        ("Iran closed the border on Tuesday.", PUBLISHED),
    ],
)
def test_a_lede_in_the_present_perfect_is_of_the_contact_it_sums_up(nlp, second, date):
    text = ("Hossein Amir Abdollahian and Jeyhun Bayramov have stressed expanding cooperation between Iran and "
            f"Azerbaijan. {second}")
    e = find(extract(nlp, text, {"Tuesday": (D(2021, 10, 19), D(2021, 10, 19))}), "expanding")
    assert e.date_start == date



def test_a_gerund_under_a_present_perfect_is_the_publication_day(nlp):
    text = "Hossein Amir Abdollahian and Jeyhun Bayramov have stressed expanding cooperation between Iran and Azerbaijan."
    e = find(extract(nlp, text), "expanding")
    assert (e.date_start, e.date_basis) == (PUBLISHED, "publication")

def test_talks_one_was_somewhere_for_are_of_the_date_one_was_there(nlp):
    text = "Jeyhun Bayramov was in Tehran on Tuesday for talks with Hossein Amir Abdollahian."
    e = find(extract(nlp, text, {"Tuesday": (D(2021, 10, 19), D(2021, 10, 19))}), "talks")
    assert (e.date_start, e.date_end) == (D(2021, 10, 19), D(2021, 10, 19))


@pytest.mark.parametrize(
    "text, interval, basis",
    [
        # a promise to meet is dated by the meeting it promises
        ("Sergei Lavrov and Jeyhun Bayramov agreed to meet in Moscow next month.",
         (D(2021, 11, 1), D(2021, 11, 30)), "inferred"),
        # and so is a promise whose meeting is a clause of its own
        ("Sergei Lavrov and Jeyhun Bayramov agreed that their deputies would meet in Moscow next month.",
         (D(2021, 11, 1), D(2021, 11, 30)), "inferred"),
        # but a promise the text dates keeps its own date
        ("On Monday, Sergei Lavrov agreed to meet Jeyhun Bayramov in Moscow next month.",
         (D(2021, 10, 18), D(2021, 10, 18)), "explicit"),
    ],
)
def test_an_intent_is_dated_by_the_act_it_intends(nlp, text, interval, basis):
    dates = {"next month": (D(2021, 11, 1), D(2021, 11, 30)), "Monday": (D(2021, 10, 18), D(2021, 10, 18))}
    e = find(extract(nlp, text, {k: v for k, v in dates.items() if k in text}), "agreed")
    assert ((e.date_start, e.date_end), e.date_basis) == (interval, basis)


@pytest.mark.parametrize(
    "second, date",
    [
        # "The two ministers" are the parties of the pledge the sentence before dates: its occasion
        ("The two ministers met for an hour in Baku.", D(2021, 10, 19)),
        # someone else's meeting is not
        ("Sergei Lavrov met them in Baku.", None),
    ],
)
def test_a_contact_of_the_parties_just_named_is_the_occasion_of_their_dated_act(nlp, second, date):
    text = f"Hossein Amir Abdollahian and Jeyhun Bayramov pledged on Tuesday to reopen the road. {second}"
    e = find(extract(nlp, text, {"Tuesday": (D(2021, 10, 19), D(2021, 10, 19))}), "met")
    assert e.date_start == date


@pytest.mark.parametrize(
    "text, trigger, date",
    [
        # one actor's acts told together share the first one's date
        ("Iran closed the border with Azerbaijan on Tuesday and demanded an apology.", "demanded", D(2021, 10, 19)),
        # a clause with a subject of its own keeps to its own time (none, just after another time's date)
        ("Iran closed the border with Azerbaijan on Tuesday, and the Azerbaijani foreign ministry protested.",
         "protested", None),
    ],
)
def test_a_verb_joined_to_a_dated_one_with_no_subject_of_its_own_shares_its_date(nlp, text, trigger, date):
    e = find(extract(nlp, text, {"Tuesday": (D(2021, 10, 19), D(2021, 10, 19))}), trigger)
    assert e.date_start == date


def test_a_call_in_the_past_perfect_is_background_but_dates_its_own_purpose(nlp):
    text = ("Late Saturday morning, Amir Abdollahian returned Jeyhun Bayramov's phone call. Jeyhun Bayramov had "
            "called Amir Abdollahian on Friday to congratulate him on the agreement. Amir Abdollahian expressed his "
            "appreciation for the call.")
    found = extract(nlp, text, {"Saturday": (D(2021, 10, 23), D(2021, 10, 23)), "Friday": (D(2021, 10, 22), D(2021, 10, 22))})
    # what the call was made to do was done then; the readout after it is of the day's call, not the one before
    assert (find(found, "congratulate").date_start, find(found, "congratulate").date_basis) == (D(2021, 10, 22), "inferred")
    assert (find(found, "expressed").date_start, find(found, "expressed").date_basis) == (D(2021, 10, 23), "inferred")


def test_a_call_thanked_for_is_no_occasion_of_what_follows(nlp):
    text = ("Late Saturday morning, Amir Abdollahian returned Jeyhun Bayramov's phone call. Jeyhun Bayramov had "
            "called Amir Abdollahian on Friday. Amir Abdollahian expressed his appreciation for the call. "
            "Amir Abdollahian also praised Azerbaijan's efforts.")
    found = extract(nlp, text, {"Saturday": (D(2021, 10, 23), D(2021, 10, 23)), "Friday": (D(2021, 10, 22), D(2021, 10, 22))})
    # "the call" thanked for is Friday's; what is said after it is still Saturday's readout
    assert find(found, "call").date_start == D(2021, 10, 22)
    assert (find(found, "praised").date_start, find(found, "praised").date_basis) == (D(2021, 10, 23), "inferred")


def test_what_a_statement_says_now_was_done_by_then(nlp):
    text = ("On Monday, Amir Abdollahian demanded access to the drivers. A ministry statement says Amir Abdollahian "
            "conveyed his demand to Jeyhun Bayramov by telephone.")
    found = extract(nlp, text, {"Monday": (D(2021, 10, 18), D(2021, 10, 18))})
    # "says": the present of a report is the publication day, and what it reports happened by then
    assert (find(found, "ministry statement").date_start, find(found, "ministry statement").date_basis) == (
        PUBLISHED, "publication")
    assert (find(found, "conveyed").date_start, find(found, "conveyed").date_basis) == (PUBLISHED, "inferred")


def test_a_past_date_after_a_present_perfect_is_the_act_it_is_over(nlp):
    text = "Iran has summoned the Azerbaijani ambassador over the violation of Iran's territory by Azerbaijan on Wednesday."
    found = extract(nlp, text, {"Wednesday": (D(2021, 10, 20), D(2021, 10, 20))})
    # "has summoned ... on Wednesday" cannot be: Wednesday is the violation's, the summons the report's day
    assert (find(found, "violation").date_start, find(found, "violation").date_basis) == (D(2021, 10, 20), "explicit")
    assert (find(found, "summoned").date_start, find(found, "summoned").date_basis) == (PUBLISHED, "publication")
