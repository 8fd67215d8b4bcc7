"""CAMEO events on news-style sentences: code, source, target, modality, channel, place and date.

Mentions are built by hand (offsets from ``str.index``), so these tests exercise the event
rules alone, whatever the actor step finds.
"""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from parley.cameo import cameo_table
from parley.dictionaries.store import default_folder
from parley.lexicon import cameo_rows
from parley.stages.events import events
from parley.models import Actor, Mention, Timex

PUBLISHED = dt.date(2021, 10, 24)
DICTIONARIES = default_folder()

ACTORS = [
    Actor("iran", "Iran", "country", "IRN"),
    Actor("azerbaijan", "Azerbaijan", "country", "AZE"),
    Actor("turkey", "Turkey", "country", "TUR"),
    Actor("india", "India", "country", "IND"),
    Actor("pakistan", "Pakistan", "country", "PAK"),
    Actor("morocco", "Morocco", "country", "MAR"),
    Actor("germany", "Germany", "country", "DEU"),
    Actor("israel", "Israel", "country", "ISR"),
    Actor("armenia", "Armenia", "country", "ARM"),
    Actor("iraq", "Iraq", "country", "IRQ"),
    Actor("hossein-amir-abdollahian", "Hossein Amir Abdollahian", "person", "IRN", "Foreign Minister"),
    Actor("jeyhun-bayramov", "Jeyhun Bayramov", "person", "AZE", "Foreign Minister", ["his Azerbaijani counterpart"]),
    Actor("sergei-lavrov", "Sergei Lavrov", "person", "RUS", "Foreign Minister"),
    Actor("subrahmanyam-jaishankar", "Subrahmanyam Jaishankar", "person", "IND", "Foreign Minister"),
    Actor("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "person", "TUR", "President"),
    Actor("mustafa-al-kadhimi", "Mustafa al-Kadhimi", "person", "IRQ", "Prime Minister"),
    Actor("azerbaijan-foreign-ministry", "Azerbaijani foreign ministry", "organization", "AZE"),
    Actor("azerbaijani-police", "Azerbaijani police", "group", "AZE"),
    Actor("iranian-drivers", "Iranian drivers", "group", "IRN"),
    Actor("twitter", "Twitter", "organization"),
]

# surface form -> (actor id, how); longer forms first so "Iranian drivers" wins over "Iranian"
FORMS = {
    "Hossein Amir Abdollahian": ("hossein-amir-abdollahian", "name"),
    "Amir Abdollahian": ("hossein-amir-abdollahian", "name"),
    "Jeyhun Bayramov": ("jeyhun-bayramov", "name"),
    "Sergei Lavrov": ("sergei-lavrov", "name"),
    "Subrahmanyam Jaishankar": ("subrahmanyam-jaishankar", "name"),
    "Recep Tayyip Erdogan": ("recep-tayyip-erdogan", "name"),
    "Mustafa al-Kadhimi": ("mustafa-al-kadhimi", "name"),
    "Azerbaijani foreign ministry": ("azerbaijan-foreign-ministry", "name"),
    "Azerbaijani police": ("azerbaijani-police", "name"),
    "Iranian truck drivers": ("iranian-drivers", "name"),
    "Iranian drivers": ("iranian-drivers", "name"),
    "Twitter": ("twitter", "name"),
}
DEMONYMS = {"Iranian": "iran", "Azerbaijani": "azerbaijan", "Turkish": "turkey", "Russian": "sergei-lavrov",
            "Indian": "india", "Iraqi": "iraq", "Israeli": "israel"}
NAMES = {"Iran": "iran", "Azerbaijan": "azerbaijan", "Turkey": "turkey", "India": "india", "Pakistan": "pakistan",
         "Morocco": "morocco", "Germany": "germany", "Armenia": "armenia", "Tehran": "iran", "Baku": "azerbaijan",
         "Ankara": "turkey"}


def mention(doc, text: str, span: str, actor_id: str, how: str = "name", after: int = 0) -> Mention:
    """A hand-made mention of ``span`` (its first occurrence at or after ``after``)."""
    start = text.index(span, after)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    return Mention(start, start + len(span), span, sentence, how, actor_id)


def mentions_of(doc, text: str) -> list[Mention]:
    """Every known form in ``text``: names, demonyms (also inside names), capitals, pronouns."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(span: str, actor_id: str, how: str, nested: bool) -> None:
        at = 0
        while (at := text.find(span, at)) >= 0:
            end = at + len(span)
            boundary = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            inside = any(s <= at and end <= e for s, e in taken)
            if boundary and (nested or not inside):
                found.append(mention(doc, text, span, actor_id, how, at))
                taken.append((at, end))
            at = end

    for span, (actor_id, how) in FORMS.items():
        add(span, actor_id, how, nested=False)
    for span, actor_id in DEMONYMS.items():
        add(span, actor_id, "demonym", nested=True)
    for span, actor_id in NAMES.items():
        add(span, actor_id, "capital" if span in ("Tehran", "Baku", "Ankara") else "name", nested=False)
    for span in ("Bayramov",):
        add(span, "jeyhun-bayramov", "name", nested=False)
    for span in ("Erdogan",):
        add(span, "recep-tayyip-erdogan", "name", nested=False)
    return sorted(found, key=lambda m: m.start)


def timex(doc, text: str, span: str, start: dt.date, end: dt.date | None = None) -> Timex:
    at = text.index(span)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= at < s.end_char)
    return Timex(at, at + len(span), span, sentence, "DATE", start.isoformat(), "", start, end or start)


def extract(nlp, text: str, dates: dict[str, tuple[dt.date, dt.date]] | None = None):
    doc = nlp(text)
    timexes = [timex(doc, text, span, *days) for span, days in (dates or {}).items()]
    found = events(doc, mentions=mentions_of(doc, text), actors=ACTORS, timexes=timexes, published=PUBLISHED)
    for i, event in enumerate(found, 1):  # numbered as the pipeline numbers them
        event.event_id = f"e{i}"
    return found


def find(found, trigger: str):
    matches = [e for e in found if e.trigger == trigger]
    assert matches, f"no event {trigger!r} in {[(e.trigger, e.cameo_code) for e in found]}"
    return matches[0]


# ------------------------------------------------------------------------ the table


def test_table_has_the_codes_this_genre_needs():
    table = cameo_table()
    needed = {"010", "020", "036", "040", "041", "042", "043", "044", "046", "051", "057", "0841",
              "100", "111", "112", "114", "120", "161", "163", "172", "173", "190"}
    assert needed <= set(table)
    assert (table["041"].goldstein, table["041"].quad_class, table["041"].channel) == (1.0, 1, "phone")
    assert (table["114"].goldstein, table["114"].quad_class, table["114"].channel) == (-2.0, 3, "summons")
    assert (table["163"].goldstein, table["163"].quad_class) == (-6.5, 4)
    assert (table["0841"].goldstein, table["0841"].quad_class) == (7.0, 2)
    assert (table["057"].goldstein, table["190"].goldstein) == (8.0, -10.0)


def test_table_notes_explain_the_judgement_calls():
    rows = {r["code"]: r for r in cameo_rows()}
    assert "163" in rows["172"]["note"] and "trade" in rows["163"]["note"]
    assert "ICEWS" in rows["114"]["note"] and "consultation" in rows["114"]["note"]
    assert all(r["quad_class"] in "1234" for r in rows.values())


# ------------------------------------------------------------------------ one event per class


@pytest.mark.parametrize(
    "text, trigger, code, source, target, modality, channel",
    [
        # 041 discuss by telephone: a phone word on the noun, "by phone", or "called X"
        ("Iranian Foreign Minister Hossein Amir Abdollahian held a phone conversation with his Azerbaijani "
         "counterpart Jeyhun Bayramov.", "phone conversation", "041",
         "hossein-amir-abdollahian", "jeyhun-bayramov", "asserted", "phone"),
        ("Amir Abdollahian spoke by phone with Jeyhun Bayramov on Saturday.", "spoke", "041",
         "hossein-amir-abdollahian", "jeyhun-bayramov", "asserted", "phone"),
        ("Amir Abdollahian called Jeyhun Bayramov on Saturday.", "called", "041",
         "hossein-amir-abdollahian", "jeyhun-bayramov", "asserted", "phone"),
        ("Jeyhun Bayramov and Amir Abdollahian discussed bilateral ties in a telephone call.", "telephone call",
         "041", "jeyhun-bayramov", "hossein-amir-abdollahian", "asserted", "phone"),
        # 044 meet at a third location
        ("Sergei Lavrov met his Indian counterpart Subrahmanyam Jaishankar on the sidelines of the G20 summit "
         "in Bali.", "met", "044", "sergei-lavrov", "subrahmanyam-jaishankar", "asserted", "meeting"),
        # 042 make a visit, 043 host one
        ("Turkish President Recep Tayyip Erdogan visited Baku on Tuesday.", "visited", "042",
         "recep-tayyip-erdogan", "azerbaijan", "asserted", "visit"),
        ("Recep Tayyip Erdogan arrived in Baku on an official visit.", "visit", "042",
         "recep-tayyip-erdogan", "azerbaijan", "asserted", "visit"),
        ("Iran hosted Iraqi Prime Minister Mustafa al-Kadhimi in Tehran.", "hosted", "043",
         "iran", "mustafa-al-kadhimi", "asserted", "visit"),
        # 114 a summons of the other side's ambassador, however worded
        ("The Azerbaijani foreign ministry summoned the Iranian ambassador on Wednesday.", "summoned", "114",
         "azerbaijan-foreign-ministry", "iran", "asserted", "summons"),
        ("Baku invited the Iranian ambassador to the foreign ministry over the incident.", "invited", "114",
         "azerbaijan", "iran", "asserted", "summons"),
        # 0841 release, 173 detention
        ("Azerbaijan released two Iranian truck drivers on Thursday.", "released", "0841",
         "azerbaijan", "iranian-drivers", "asserted", ""),
        ("Azerbaijani police detained two Iranian drivers near the border.", "detained", "173",
         "azerbaijani-police", "iranian-drivers", "asserted", ""),
        # 163 a tax on, or a road closed to, the other side's trucks (see the note in cameo.csv)
        ("Azerbaijan imposed a heavy tax on Iranian trucks.", "imposed", "163", "azerbaijan", "iran", "asserted", ""),
        ("Azerbaijan closed the highway to Iranian commercial vehicles.", "closed", "163",
         "azerbaijan", "iran", "asserted", ""),
        # 051 praise; 0841 whose source is the one praised for it
        ("Amir Abdollahian praised Azerbaijan for the release of Iranian drivers.", "praised", "051",
         "hossein-amir-abdollahian", "azerbaijan", "asserted", ""),
        ("Amir Abdollahian praised Azerbaijan for the release of Iranian drivers.", "release", "0841",
         "azerbaijan", "iranian-drivers", "asserted", ""),
        # 03x intent, 02x appeal
        ("Iran intends to hold a trilateral meeting with Azerbaijan and Turkey.", "intends", "036",
         "iran", "azerbaijan", "asserted", ""),
        ("Iran has sought to defuse tensions with Azerbaijan.", "sought", "037", "iran", "azerbaijan", "asserted", ""),
        ("Amir Abdollahian urged Baku to facilitate the movement of Iranian trucks.", "urged", "020",
         "hossein-amir-abdollahian", "azerbaijan", "asserted", ""),
        ("Pakistan urged India to resume talks.", "urged", "026", "pakistan", "india", "asserted", ""),
        # 11x disapproval
        ("Iran condemned the Israeli strike on Armenia.", "condemned", "111", "iran", "israel", "asserted", ""),
        ("Azerbaijan accused Iran of interfering in its affairs.", "accused", "112",
         "azerbaijan", "iran", "asserted", ""),
        ("Iran reported mistreatment of Iranian drivers by Azerbaijani police.", "reported", "112",
         "iran", "azerbaijani-police", "asserted", ""),
        # 161 the recall of one's own ambassador
        ("Morocco recalled its ambassador to Germany.", "recalled", "161", "morocco", "germany", "asserted", ""),
        # 190 war
        ("Armenia and Azerbaijan fought a war in 2020.", "fought", "190", "armenia", "azerbaijan", "asserted", ""),
        # 010 a statement on social media is an event with a channel, never a contact
        ("Amir Abdollahian said on Twitter that relations would improve.", "said", "010",
         "hossein-amir-abdollahian", "", "asserted", "social_media"),
    ],
)
def test_event_classes(nlp, text, trigger, code, source, target, modality, channel):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id, e.target_id, e.modality, e.channel) == (code, source, target, modality, channel)
    entry = cameo_table()[code]
    assert (e.event_label, e.goldstein, e.quad_class) == (entry.label, entry.goldstein, entry.quad_class)
    assert e.text == text and e.sentence_id == 0
    assert text[e.start : e.end] == e.trigger


@pytest.mark.parametrize(
    "text, trigger, code, modality",
    [
        ("Iran did not summon the Azerbaijani ambassador.", "summon", "114", "negated"),
        ("Azerbaijan refused to meet the Iranian delegation.", "meet", "040", "negated"),
        ("Azerbaijan refused to meet the Iranian delegation.", "refused", "125", "asserted"),
        ("Recep Tayyip Erdogan will visit Tehran next week.", "visit", "042", "planned"),
        ("Jeyhun Bayramov is to visit Tehran.", "visit", "042", "planned"),
        ("Iran intends to hold a trilateral meeting with Azerbaijan and Turkey.", "meeting", "040", "planned"),
        ("Iran plans to sign an agreement with Armenia.", "sign", "057", "planned"),
        ("Iran and Azerbaijan agreed to hold talks in Ankara.", "talks", "044", "planned"),
        ("Pakistan urged India to resume talks.", "talks", "040", "requested"),
        ("Azerbaijan called for talks with Iran.", "talks", "040", "requested"),
        ("Turkey could impose sanctions on Iran.", "impose", "163", "hypothetical"),
        ("If Azerbaijan closes the road, Iran will impose sanctions on Azerbaijan.", "closes", "163", "hypothetical"),
        ("If Azerbaijan closes the road, Iran will impose sanctions on Azerbaijan.", "impose", "163", "planned"),
        ("Azerbaijan released two Iranian truck drivers on Thursday.", "released", "0841", "asserted"),
    ],
)
def test_modality(nlp, text, trigger, code, modality):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.modality) == (code, modality)


def test_speech_verb_attributing_an_event_is_not_coded(nlp):
    text = "The Iranian foreign ministry said Azerbaijan released two Iranian truck drivers."
    found = extract(nlp, text)
    assert [(e.trigger, e.cameo_code) for e in found] == [("released", "0841")]


def test_place_on_the_sidelines(nlp):
    text = ("Amir Abdollahian discussed the issue with Jeyhun Bayramov in New York on the sidelines of the "
            "United Nations General Assembly in New York.")
    e = find(extract(nlp, text), "discussed")
    assert e.cameo_code == "044" and e.channel == "meeting"
    assert e.location == "in New York on the sidelines of the United Nations General Assembly"
    assert e.participant_ids == ("hossein-amir-abdollahian", "jeyhun-bayramov")


def test_a_meeting_in_the_hosts_capital_is_hosted(nlp):
    text = "Iran intends to hold a trilateral meeting between Iran, Azerbaijan and Turkey in Tehran."
    e = find(extract(nlp, text), "meeting")
    assert (e.cameo_code, e.source_id, e.modality, e.channel, e.location) == ("043", "iran", "planned", "meeting",
                                                                              "in Tehran")
    assert e.participant_ids == ("iran", "azerbaijan", "turkey")


# ------------------------------------------------------------------------ dates


def test_explicit_date_of_the_clause(nlp):
    text = "Amir Abdollahian held a telephone conversation with Jeyhun Bayramov on Saturday."
    saturday = dt.date(2021, 10, 23)
    e = find(extract(nlp, text, {"Saturday": (saturday, saturday)}), "telephone conversation")
    assert (e.date_start, e.date_end, e.date_basis) == (saturday, saturday, "explicit")


def test_anaphoric_mention_takes_the_date_of_what_it_refers_to(nlp):
    text = ("Amir Abdollahian held a telephone conversation with Jeyhun Bayramov on Saturday. "
            "In this conversation, Amir Abdollahian praised Azerbaijan.")
    saturday = dt.date(2021, 10, 23)
    found = extract(nlp, text, {"Saturday": (saturday, saturday)})
    e = find(found, "conversation")
    assert (e.cameo_code, e.channel, e.date_start, e.date_basis) == ("041", "phone", saturday, "inferred")
    assert (e.source_id, e.target_id, e.sentence_id) == ("hossein-amir-abdollahian", "jeyhun-bayramov", 1)


def test_event_reported_by_a_dated_statement(nlp):
    text = ("On August 11, the Azerbaijani foreign ministry issued a statement saying that the Iranian "
            "ambassador was invited to the ministry.")
    day = dt.date(2021, 8, 11)
    found = extract(nlp, text, {"August 11": (day, day)})
    assert [e.cameo_code for e in found] == ["114"]
    e = found[0]
    assert (e.date_start, e.date_basis, e.channel, e.target_id) == (day, "inferred", "summons", "iran")


def test_simultaneous_clause_shares_the_date(nlp):
    text = ("The tensions began in early August when Iran reported mistreatment of Iranian drivers by "
            "Azerbaijani police.")
    days = (dt.date(2021, 8, 1), dt.date(2021, 8, 10))
    e = find(extract(nlp, text, {"early August": days}), "reported")
    assert ((e.date_start, e.date_end), e.date_basis) == (days, "explicit")


def test_present_perfect_is_the_publication_day(nlp):
    e = find(extract(nlp, "Iran has summoned the Azerbaijani ambassador."), "summoned")
    assert (e.date_start, e.date_basis) == (PUBLISHED, "publication")


@pytest.mark.parametrize("text, trigger, basis", [
    # what a report tells in the simple past with nothing else to date it: the day it reports on
    ("Azerbaijan closed the highway to Iranian commercial vehicles.", "closed", "publication"),
    # and what such a statement reports
    ("Azerbaijan said that Iran violated its airspace.", "violated", "publication"),
    # background in the past perfect, or a habit, is not the day's news
    ("Azerbaijan had closed the highway to Iranian commercial vehicles.", "closed", "undated"),
    ("Azerbaijan often closed the highway to Iranian commercial vehicles.", "closed", "undated"),
    # nor a contact told after the text has moved to another time: its date is its own
    ("In 2019 Iran and Turkey signed a deal. Jeyhun Bayramov met the Iranian ambassador.", "met", "undated"),
    # nor anything told just after a date of another time: the narrative is there
    ("The row began in 2019. Azerbaijan imposed a tax on Iranian trucks.", "imposed", "undated"),
    # a material act named by a noun happened at its own time; a verbal one is said then
    ("Amir Abdollahian described the release of the drivers as a constructive step.", "release", "undated"),
    ("Amir Abdollahian and Jeyhun Bayramov discussed continuing cooperation on trade.", "cooperation", "publication"),
    ("Azerbaijan filed a complaint against Iran with the court.", "complaint", "publication"),  # verbal conflict too
    # one who "is in" a country on a visit is there now
    ("Jeyhun Bayramov is in Iran on his first State visit to this country.", "State visit", "publication"),
])
def test_an_undated_simple_past_is_the_publication_day_last_of_all(nlp, text, trigger, basis):
    dates = {"2019": (dt.date(2019, 1, 1), dt.date(2019, 12, 31))} if "2019" in text else {}
    e = find(extract(nlp, text, dates), trigger)
    day = PUBLISHED if basis == "publication" else None
    assert (e.date_start, e.date_end, e.date_basis) == (day, day, basis)


def test_ordinal_of_a_contact(nlp):
    text = "Amir Abdollahian and Jeyhun Bayramov held the second phone conversation in less than a month."
    e = find(extract(nlp, text), "phone conversation")
    assert (e.cameo_code, e.ordinal, e.source_id, e.target_id) == ("041", 2, "hossein-amir-abdollahian",
                                                                   "jeyhun-bayramov")


def test_events_are_in_text_order_with_ids(nlp):
    text = ("Azerbaijani police detained two Iranian drivers. Amir Abdollahian urged Baku to release them. "
            "Azerbaijan released the drivers on Thursday.")
    found = extract(nlp, text)
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert [e.event_id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    assert [e.cameo_code for e in found] == ["173", "025", "0841", "0841"]  # an appeal to release is 025
    assert [e.sentence_id for e in found] == [0, 1, 1, 2]


# ------------------------------------------------------------------------ who took part


@pytest.mark.parametrize(
    "text, trigger, participants",
    [
        # a measure of talks is the talks
        ("Amir Abdollahian and Jeyhun Bayramov held more than 12 hours of talks in Ankara.", "talks",
         ("hossein-amir-abdollahian", "jeyhun-bayramov")),
        # "the two countries": the two states the text has talked about most so far
        ("Iran and Azerbaijan traded accusations. Azerbaijan closed the road. Later the two countries held talks.",
         "talks", ("iran", "azerbaijan")),
        # the parties of the contact a clause is set in
        ("Amir Abdollahian held a phone conversation with Jeyhun Bayramov. At the end of the conversation, the "
         "two sides agreed to continue consultations.", "agreed", ("hossein-amir-abdollahian", "jeyhun-bayramov")),
        # "I" inside a quotation is its speaker
        ("“I had a frank conversation with Jeyhun Bayramov,” Amir Abdollahian said.", "conversation",
         ("hossein-amir-abdollahian", "jeyhun-bayramov")),
    ],
)
def test_participants(nlp, text, trigger, participants):
    e = find(extract(nlp, text), trigger)
    assert e.participant_ids == participants


def test_a_bound_is_not_the_date(nlp):
    text = "The meeting, the eighth round of talks since October, was hosted by Turkey."
    october = (dt.date(2021, 10, 1), dt.date(2021, 10, 31))
    e = find(extract(nlp, text, {"October": october}), "meeting")
    assert (e.date_start, e.date_basis) == (None, "undated")


def test_a_meeting_in_a_future_when_clause_is_planned(nlp):
    text = "The issue will be raised when Amir Abdollahian meets Jeyhun Bayramov in Ankara."
    e = find(extract(nlp, text), "meets")
    # a meeting still to come is an intent to meet (036), kept on its channel with its place
    assert (e.cameo_code, e.modality, e.location, e.channel) == ("036", "planned", "in Ankara", "meeting")


@pytest.mark.parametrize("text, trigger, code", [
    ("Sergei Lavrov will meet Jeyhun Bayramov in Geneva on Monday.", "meet", "036"),
    ("Sergei Lavrov agreed to meet Jeyhun Bayramov in Geneva.", "agreed", "036"),  # the intent verb carries it
    ("Sergei Lavrov will meet Jeyhun Bayramov in Baku on Monday.", "meet", "036"),  # a meeting, wherever it is
    ("Sergei Lavrov will travel to Baku on Monday for talks with Jeyhun Bayramov.", "talks", "042"),  # a trip stays a visit
    ("Sergei Lavrov met Jeyhun Bayramov in Geneva.", "met", "040"),  # held: a consultation
])
def test_a_planned_meeting_is_an_intent_to_meet(nlp, text, trigger, code):
    found = extract(nlp, text)
    assert find(found, trigger).cameo_code == code
    assert [e.cameo_code for e in found].count("036") == (code == "036")


# ------------------------------------------------------------------------ contacts the clause around implies


@pytest.mark.parametrize(
    "text, trigger, code, participants, modality, channel",
    [
        # a verb done "by telephone" / "over the phone" is a call between its subjects
        ("Sergei Lavrov and Subrahmanyam Jaishankar agreed by telephone on Monday on a new transit route.",
         "agreed", "041", ("sergei-lavrov", "subrahmanyam-jaishankar"), "asserted", "phone"),
        ("Recep Tayyip Erdogan told Mustafa al-Kadhimi over the phone that the pipeline would reopen.",
         "told", "041", ("recep-tayyip-erdogan", "mustafa-al-kadhimi"), "asserted", "phone"),
        # the visitor is the subject of the verb that begins or ends the visit; the host the "to" country
        ("Iraqi Prime Minister Mustafa al-Kadhimi wrapped up a two-day state visit to Turkey on Friday.",
         "day state visit", "042", ("mustafa-al-kadhimi", "turkey"), "asserted", "visit"),
        # a raised subject: "X is expected to visit Y"
        ("Sergei Lavrov is expected to visit Tehran in the coming weeks.", "visit", "042",
         ("sergei-lavrov", "iran"), "planned", "visit"),
        # "due to meet his X counterpart, Z": a planned meeting with the person in apposition; a bare
        # surname is the one person so named
        ("Jaishankar is due to meet his Russian counterpart, Sergei Lavrov, in Ankara early next month.", "meet",
         "036", ("subrahmanyam-jaishankar", "sergei-lavrov"), "planned", "meeting"),  # an intent to meet
        # officials of two named states: a contact between the states
        ("Iran and Azerbaijan agreed that their deputies would meet in Ankara on Monday.", "meet", "044",
         ("iran", "azerbaijan"), "planned", "meeting"),
        ("Iran and Azerbaijan traded accusations. Turkey proposed that senior officials from the two countries "
         "meet in Ankara.", "meet", "044", ("iran", "azerbaijan"), "requested", "meeting"),
        # a request for talks: between the one who asks and the one asked
        ("Pakistan would ask India to open talks on the water treaty.", "talks", "040", ("pakistan", "india"),
         "requested", "meeting"),
        # a plan overtaken, a meeting called off
        ("Jeyhun Bayramov and Amir Abdollahian had been due to meet in Ankara on Friday.", "meet", "044",
         ("jeyhun-bayramov", "hossein-amir-abdollahian"), "negated", "meeting"),
    ],
)
def test_contacts_the_clause_implies(nlp, text, trigger, code, participants, modality, channel):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.participant_ids, e.modality, e.channel) == (code, participants, modality, channel)


@pytest.mark.parametrize(
    "text, trigger, modality",
    [
        # a past event in a "when/after" clause is not made future by the main clause's "will"
        ("Iran will reopen the road after Amir Abdollahian and Jeyhun Bayramov spoke by phone.", "spoke", "asserted"),
        ("A planned meeting of the two foreign ministers was called off.", "meeting", "negated"),
        ("Iran proposed talks with Azerbaijan.", "talks", "requested"),
        # an embedded question is hypothetical, and so is what it would agree "to" do
        ("Officials are not certain whether Iranian and Azerbaijani officials will even agree at this session to "
         "meet face to face.", "meet", "hypothetical"),
        ("Iranian and Azerbaijani officials will agree at this session to meet face to face.", "meet", "planned"),
    ],
)
def test_modality_of_contacts(nlp, text, trigger, modality):
    assert find(extract(nlp, text), trigger).modality == modality


def test_the_two_men_and_a_first_call(nlp):
    text = ("Sergei Lavrov spoke by phone with Subrahmanyam Jaishankar on Monday. "
            "The two men had first discussed the route by telephone the previous week.")
    found = extract(nlp, text, {"the previous week": (dt.date(2021, 10, 11), dt.date(2021, 10, 17))})
    e = find(found, "discussed")
    assert (e.cameo_code, e.participant_ids, e.ordinal, e.channel) == (
        "041", ("sergei-lavrov", "subrahmanyam-jaishankar"), 1, "phone")


def test_that_meeting_is_the_joint_act_before_it(nlp):
    text = ("Recep Tayyip Erdogan had been due to sign a transit agreement with Iraqi officials on Monday; "
            "that meeting has been called off.")
    e = find(extract(nlp, text), "meeting")
    assert (e.participant_ids, e.modality, e.channel) == (("recep-tayyip-erdogan", "iraq"), "negated", "meeting")


# ------------------------------------------------------------------------ the field's dictionaries


@pytest.mark.parametrize(
    "text, trigger, code, source, target",
    [
        # verbs parley's own table does not list: the dictionaries code them
        ("Iran paid compensation to the Indian nationals it had expelled.", "paid", "0842", "iran", "india"),
        ("Iran threatened Azerbaijan with retaliation.", "threatened", "130", "iran", "azerbaijan"),
        ("India reduced relations with Pakistan.", "reduced", "160", "india", "pakistan"),
        ("Pakistan assassinated an Iranian scientist.", "assassinated", "186", "pakistan", "iran"),
        # and parley's table, grown across the roots
        ("Azerbaijan eased emergency measures on Tuesday.", "eased", "081", "azerbaijan", ""),
        ("Turkish doctors handed over medicine to Armenia.", "handed over", "073", "turkey", "armenia"),
        ("Iranian demonstrators staged rallies against Turkey.", "staged", "141", "iran", "turkey"),
        ("Azerbaijan released three Iranian drivers.", "released", "0841", "azerbaijan", "iranian-drivers"),
        ("Germany sent aid to Pakistan.", "sent", "070", "germany", "pakistan"),
    ],
)
def test_events_across_the_roots(nlp, text, trigger, code, source, target):
    e = find(extract(nlp, text), trigger)
    assert (e.cameo_code, e.source_id, e.target_id) == (code, source, target)


def test_a_dictionary_code_has_the_codebooks_label_weight_and_quad_class(nlp):
    e = find(extract(nlp, "Pakistan assassinated an Iranian scientist."), "assassinated")  # not in cameo.csv
    assert (e.event_label, e.goldstein, e.quad_class) == ("Assassinate", -10.0, 4)


def test_parleys_table_wins_where_it_codes(nlp):
    # the dictionaries code "summoned" as a demand (1xx); parley's rule makes it a summons, 114
    e = find(extract(nlp, "Iran summoned the Azerbaijani ambassador on Monday."), "summoned")
    assert (e.cameo_code, e.channel) == ("114", "summons")


def test_a_dictionary_event_goes_through_modality_and_dates(nlp):
    text = "Iran will not threaten Israel. India reduced relations with Pakistan on Tuesday."
    found = extract(nlp, text, {"Tuesday": (dt.date(2021, 10, 19), dt.date(2021, 10, 19))})
    assert find(found, "threaten").modality == "negated"
    e = find(found, "reduced")
    assert (e.date_start, e.date_basis) == (dt.date(2021, 10, 19), "explicit")


def test_another_dictionary_set(nlp, tmp_path):
    shutil.copy(DICTIONARIES / "Phoenix.Countries.actors.txt", tmp_path)
    (tmp_path / "tiny.verbs.txt").write_text("---  SNUB   [120]  ---\nSNUB\n", encoding="utf-8")
    text = "India snubbed Pakistan. India reduced relations with Pakistan."
    doc = nlp(text)
    found = events(doc, mentions=mentions_of(doc, text), actors=ACTORS, timexes=[], published=PUBLISHED,
                   dictionaries=tmp_path)
    assert [(e.trigger, e.cameo_code) for e in found] == [("snubbed", "120"), ("reduced", "160")]  # Phoenix: 111; 160: parley's


def test_a_time_of_day_dates_the_event(nlp):
    text = "Sergei Lavrov spoke by phone with Subrahmanyam Jaishankar on Monday evening."
    t = Timex(text.index("Monday evening"), text.index("Monday evening") + 14, "Monday evening", 0, "TIME",
              "2021-10-18TEV", "", dt.date(2021, 10, 18), dt.date(2021, 10, 18))
    doc = nlp(text)
    e = find(events(doc, mentions=mentions_of(doc, text), actors=ACTORS, timexes=[t], published=PUBLISHED), "spoke")
    assert (e.date_start, e.date_basis) == (dt.date(2021, 10, 18), "explicit")


@pytest.mark.parametrize(
    "text, participants",
    [
        ("Sergei Lavrov and Jeyhun Bayramov discussed Iran and the situation in Armenia.",
         ("sergei-lavrov", "jeyhun-bayramov")),
        ("Sergei Lavrov discussed Turkey's role with Jeyhun Bayramov.", ("sergei-lavrov", "jeyhun-bayramov")),
        ("Recep Tayyip Erdogan discussed Iran.", ("recep-tayyip-erdogan",)),
    ],
)
def test_what_was_discussed_is_no_party(nlp, text, participants):
    assert find(extract(nlp, text), "discussed").participant_ids == participants


@pytest.mark.parametrize(
    "text, trigger, date",
    [
        # a contact the article reports as the day's news, in the simple past, before any other date
        ("Sergei Lavrov spoke by phone with Jeyhun Bayramov.", "spoke", PUBLISHED),
        ("Sergei Lavrov held a telephone conversation with Jeyhun Bayramov.", "telephone conversation", PUBLISHED),
        # not background (the past perfect), not a plan, not after the text moved to another date
        ("Sergei Lavrov had spoken by phone with Jeyhun Bayramov.", "spoken", None),
        ("Sergei Lavrov will speak by phone with Jeyhun Bayramov.", "speak", None),
        ("Iran closed the border on Tuesday. Sergei Lavrov spoke by phone with Jeyhun Bayramov.", "spoke", None),
    ],
)
def test_a_contact_reported_as_news_is_of_the_publication_day(nlp, text, trigger, date):
    found = extract(nlp, text, {"Tuesday": (dt.date(2021, 10, 19), dt.date(2021, 10, 19))} if "Tuesday" in text else {})
    e = find(found, trigger)
    assert (e.date_start, e.date_basis) == (date, "publication" if date else "undated")


def test_a_readout_happened_during_the_call(nlp):
    text = ("Sergei Lavrov spoke by phone with Jeyhun Bayramov on Monday to express condolences. "
            "Sergei Lavrov also praised Azerbaijan's efforts. Iran had criticized Azerbaijan.")
    found = extract(nlp, text, {"Monday": (dt.date(2021, 10, 18), dt.date(2021, 10, 18))})
    monday = (dt.date(2021, 10, 18), "inferred")
    assert (find(found, "condolences").date_start, find(found, "condolences").date_basis) == monday
    assert (find(found, "praised").date_start, find(found, "praised").date_basis) == monday
    assert find(found, "criticized").date_start is None  # the past perfect: background


def test_a_lead_the_text_dates_further_on_keeps_that_date(nlp):
    text = ("Sergei Lavrov held phone talks with Jeyhun Bayramov. "
            "In a telephone conversation on Saturday, Sergei Lavrov and Jeyhun Bayramov discussed the road.")
    found = extract(nlp, text, {"Saturday": (dt.date(2021, 10, 23), dt.date(2021, 10, 23))})
    assert find(found, "phone talks").date_basis != "publication"


@pytest.mark.parametrize(
    "text, pairs",
    [
        # two callers of two states: two calls
        ("On Monday, Iraqi and Azerbaijani Foreign Ministers Mustafa al-Kadhimi and Jeyhun Bayramov called "
         "Sergei Lavrov.",
         [("mustafa-al-kadhimi", "sergei-lavrov"), ("jeyhun-bayramov", "sergei-lavrov")]),
        # "separate" talks with two counterparts: one per counterpart
        ("Sergei Lavrov held separate phone talks with Jeyhun Bayramov and Mustafa al-Kadhimi on Monday.",
         [("sergei-lavrov", "jeyhun-bayramov"), ("sergei-lavrov", "mustafa-al-kadhimi")]),
        # a meeting of three is one event, and so is a conference call
        ("Sergei Lavrov met Jeyhun Bayramov and Mustafa al-Kadhimi on Monday.",
         [("sergei-lavrov", "jeyhun-bayramov")]),
    ],
)
def test_a_call_with_several_parties_on_one_side_is_one_per_party(nlp, text, pairs):
    found = [e for e in extract(nlp, text) if e.cameo_code.startswith("04")]
    assert [(e.source_id, e.target_id) for e in found] == pairs


@pytest.mark.parametrize(
    "text, channel",
    [
        ("Sergei Lavrov made two calls on Monday. Sergei Lavrov spoke with Jeyhun Bayramov.", "phone"),
        ("Sergei Lavrov arrived on Monday. Sergei Lavrov spoke with Jeyhun Bayramov.", ""),
    ],
)
def test_talk_beside_a_call_of_its_party_is_that_call(nlp, text, channel):
    assert find(extract(nlp, text), "spoke with").channel == channel


# ------------------------------------------------------------------------ readout codes (issue 13)


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        # growing relations, ties or cooperation is an intent to cooperate (030)
        ("Sergei Lavrov and Jeyhun Bayramov discussed expanding relations between Iran and Turkey.", "expanding", "030"),
        ("Iran stressed bolstering bilateral relations with Armenia.", "bolstering", "030"),
        ("Iran and India will discuss how to strengthen energy cooperation.", "strengthen", "030"),
        # support a speaker emphasizes, importance attached to a role: praise or endorse (051)
        ("Sergei Lavrov emphasized his support for the government of Armenia.", "emphasized", "051"),
        ("Iran attached importance to the role of Pakistan in the region.", "attached", "051"),
        # an appeal for a ceasefire: de-escalation (0256); a ceasefire declared (0871)
        ("Germany called for a ceasefire between Armenia and Azerbaijan.", "called for", "0256"),
        ("A ceasefire was declared between Armenia and Azerbaijan.", "declared", "0871"),
        # meetings suspended: halt negotiations (164)
        ("India suspended high-level meetings with Pakistan.", "suspended", "164"),
    ],
)
def test_readout_codes(nlp, text, trigger, code):
    assert find(extract(nlp, text), trigger).cameo_code == code


def test_a_grown_object_is_no_plan():
    # "expand@relation" codes 030, but "expanded sanctions" is not an intent: no modality cue
    from parley.cameo import trigger_table
    assert "expand" not in trigger_table().planned and "plan" in trigger_table().planned


@pytest.mark.parametrize(
    "title, channel",
    [
        ("Readout of the Minister's Call with Foreign Minister Bayramov of Azerbaijan", "phone"),
        ("Phone conversation with Jeyhun Bayramov", "phone"),
        ("Lavrov and Bayramov call for calm", ""),  # an appeal, not a call
        ("Readout of the Minister's Call with President Erdogan", ""),  # a call with someone else
        ("Lavrov to meet Bayramov", ""),
    ],
)
def test_a_call_named_in_the_title_is_the_channel_of_the_bodys_talk(nlp, title, channel):
    text = "Sergei Lavrov spoke today with Jeyhun Bayramov. The two discussed the border."
    doc = nlp(text)
    found = events(doc, mentions=mentions_of(doc, text), actors=ACTORS, timexes=[], published=PUBLISHED,
                   title=title)
    assert [e.channel for e in found if e.trigger == "spoke"] == [channel]


@pytest.mark.parametrize(
    "text, target",
    [
        ("Sergei Lavrov discussed the steps taken to raise the costs to Iran.", ""),
        ("Sergei Lavrov discussed the border with Jeyhun Bayramov.", "jeyhun-bayramov"),
    ],
)
def test_what_was_discussed_names_no_one_it_was_discussed_with(nlp, text, target):
    assert find(extract(nlp, text), "discussed").target_id == target


@pytest.mark.parametrize(
    "text, trigger, channel, pairs",
    [
        # a message sent to someone is a letter; officials of several states send one each
        ("The foreign ministers of Turkey, India and Pakistan sent separate messages to Sergei Lavrov.", "sent",
         "letter", [("turkey", "sergei-lavrov"), ("india", "sergei-lavrov"), ("pakistan", "sergei-lavrov")]),
        ("Jeyhun Bayramov sent a message to Sergei Lavrov on Monday.", "sent", "letter",
         [("jeyhun-bayramov", "sergei-lavrov")]),
        # telephone messages are calls
        ("Talks follow telephone messages between Sergei Lavrov and Jeyhun Bayramov.", "telephone messages", "phone",
         [("sergei-lavrov", "jeyhun-bayramov")]),
    ],
)
def test_messages_sent_are_letters_and_telephone_messages_calls(nlp, text, trigger, channel, pairs):
    found = [e for e in extract(nlp, text) if e.trigger == trigger]
    assert [(e.channel, e.source_id, e.target_id) for e in found] == [(channel, s, t) for s, t in pairs]


def test_phone_calls_by_two_ministers_are_their_own_calls_not_one_between_them(nlp):
    text = ("Jeyhun Bayramov and Recep Tayyip Erdogan called Sergei Lavrov on Monday. "
            "Besides phone calls by Jeyhun Bayramov and Recep Tayyip Erdogan, Iran sent a message to Sergei Lavrov.")
    calls = [e for e in extract(nlp, text) if e.trigger == "phone calls"]
    assert [(e.source_id, e.target_id) for e in calls] == [("jeyhun-bayramov", ""), ("recep-tayyip-erdogan", "")]


def test_talks_whose_compound_names_their_parties_are_their_own_contact(nlp):
    # "the India-Pakistan talks" beside a call of others: a meeting of India and Pakistan, not that call
    text = ("Sergei Lavrov held a telephone conversation with Jeyhun Bayramov to discuss bilateral ties and the recent India-Pakistan talks. "
            "During the phone call, Sergei Lavrov praised Pakistan.")
    talks = find(extract(nlp, text), "Pakistan talks")
    assert (talks.source_id, talks.target_id, talks.channel, talks.cameo_code) == ("india", "pakistan", "", "040")


def test_an_aspectual_verb_the_table_codes_keeps_its_code(nlp):
    # "cut off" codes the halted meetings (164): the meetings are not a consultation of their own
    found = extract(nlp, "Since the border clash, meetings between Iran and Turkey were cut off.")
    assert [(e.trigger, e.cameo_code) for e in found if e.cameo_code[:2] in ("04", "16")] == [("cut off", "164")]


def test_an_envoy_summoned_home_is_recalled_not_summoned(nlp):
    # "home", an adverb of the verb, is a cue the 161 row's summon~home item sees
    home = find(extract(nlp, "Iran summoned Jeyhun Bayramov home over the dispute."), "summoned")
    there = find(extract(nlp, "Iran summoned Jeyhun Bayramov over the dispute."), "summoned")
    assert (home.cameo_code, there.cameo_code) == ("161", "114")


def test_a_formal_protest_filed_with_a_state_is_a_note(nlp):
    e = find(extract(nlp, "Iran filed a formal protest with Azerbaijan on Monday."), "filed")
    assert (e.cameo_code, e.channel) == ("114", "note")


def test_a_contact_held_numerous_times_in_the_past_is_undated_and_not_the_days(nlp):
    text = ("Jeyhun Bayramov met Sergei Lavrov on Saturday. "
            "Officials from Azerbaijan and Iran have met numerous times in the past to discuss the border.")
    found = extract(nlp, text, {"Saturday": (PUBLISHED, PUBLISHED)})
    met = [e for e in found if e.trigger == "met"][1]
    assert (met.date_start, met.date_basis, met.source_id, met.target_id) == (None, "repeated", "azerbaijan", "iran")


def test_the_phone_call_whose_sentence_names_only_states_is_the_call_just_told(nlp):
    # "the two sides" (the states named most) do not fit the last call; "the phone call" is that call
    text = ("Sergei Lavrov held a telephone conversation with Recep Tayyip Erdogan. Lavrov spoke of Iran and Turkey. "
            "Hossein Amir Abdollahian held a telephone conversation with Recep Tayyip Erdogan on Saturday. "
            "During the phone call, the two sides discussed trade.")
    found = extract(nlp, text, {"Saturday": (PUBLISHED, PUBLISHED)})
    call = find(found, "phone call")
    assert (call.source_id, call.target_id, call.date_start) == ("hossein-amir-abdollahian", "recep-tayyip-erdogan", PUBLISHED)


def test_a_press_release_header_line_holds_no_event():
    import re

    from parley.nlp import parse
    from parley.pipeline import records

    text = ("Office of the Press Secretary\n\nFor Immediate Release            October 11, 2009\n\n"
            "Kenyan President William Otieno welcomed the release of the detained sailors on Monday.")
    starts = tuple(m.end() for m in re.finditer(r"\n\n", text))
    found = records(parse(text, paragraph_starts=starts), published=PUBLISHED)["events"]
    assert [(e.trigger, e.cameo_code, e.sentence_id) for e in found] == [("welcomed", "051", 2), ("release", "0841", 2)]


def test_a_place_inside_what_was_discussed_is_not_where_the_talks_were_held():
    from test_contacts import pipeline_records

    text = ("Kenyan Foreign Minister Amina Odhiambo discussed the latest developments in Somalia with her Ugandan "
            "counterpart on Monday.")
    assert [(e.trigger, e.cameo_code, e.location) for e in pipeline_records(text)["events"]] == [
        ("discussed", "040", "")]
