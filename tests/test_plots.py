"""parley.plots over a corpus: ids repeat across articles, so figures match rows on
``ARTICLE_ID:ID`` keys and never take one article's sentence for another's."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from parley import plots

SENTENCES = pd.DataFrame({
    "article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0], "start": [0, 20, 0], "end": [19, 40, 25],
    "text": ["A: the call.", "A: the <b>meeting</b>.", "B: the same call."],
})
EVENTS = pd.DataFrame({
    "article_id": ["a", "a", "b"], "event_id": ["e1", "e2", "e1"], "sentence_id": [0, 1, 0], "start": [3, 24, 3],
    "text": ["A: the call.", "A: the <b>meeting</b>.", "B: the same call."], "event_label": ["call", "meet", "call"],
    "cameo_code": ["040", "036", "040"], "goldstein": [1.0, 4.0, 1.0], "source_id": ["x", "x", "x"],
    "target_id": ["y", "y", "y"], "date_start": ["2023-03-04", "2023-03-10", "2023-03-04"],
    "date_end": ["2023-03-04", "2023-03-10", "2023-03-04"], "date_basis": ["explicit"] * 3, "modality": ["asserted"] * 3,
})
CONTACTS = pd.DataFrame({
    "article_id": ["a", "a", "b"], "contact_id": ["c1", "c2", "c1"], "channel": ["phone", "meeting", "phone"],
    "participant_ids": ["x|y", "x|y", "x|y"], "countries": ["EST|FIN"] * 3, "date_start": ["2023-03-04", "2023-03-10", "2023-03-04"],
    "date_end": ["2023-03-04", "2023-03-10", "2023-03-04"], "modality": ["asserted"] * 3,
    "event_ids": ["e1", "e2", "e1"], "sentence_ids": ["0", "1", "0"],
})


def test_keys_qualify_ids_by_article_only_in_a_corpus():
    assert plots.key("a", 3) == "a:3"
    assert plots.key("", 3) == "3"
    assert plots.key("b", "a:e1") == "a:e1"  # already qualified (a merged contact's ids)
    assert plots.keys(CONTACTS, "sentence_ids") == ["a:0", "a:1", "b:0"]
    assert plots.keys(CONTACTS.drop(columns="article_id"), "contact_id") == ["c1", "c2", "c1"]


def test_sentence_and_evidence_come_from_the_right_article():
    assert list(plots.sentence_of(EVENTS, SENTENCES)) == ["A: the call.", "A: the <b>meeting</b>.", "B: the same call."]
    said = plots.evidence(CONTACTS, EVENTS)
    assert said.to_dict() == {"a:c1": "A: the call.", "a:c2": "A: the <b>meeting</b>.", "b:c1": "B: the same call."}
    merged = pd.DataFrame({"contact_id": ["k1"], "event_ids": ["b:e1|a:e1"]})
    assert plots.evidence(merged, EVENTS).to_dict() == {"k1": "B: the same call."}


def test_contact_pairs_and_edges_keep_articles_apart():
    pairs = plots.contact_pairs(CONTACTS)
    assert list(pairs["contact_id"]) == ["a:c1", "a:c2", "b:c1"]
    assert list(pairs["month"]) == ["2023-03"] * 3
    edges = plots.contact_edges(CONTACTS)
    assert edges.to_dict("records") == [{"a": "x", "b": "y", "contacts": 3, "sentence_ids": ["a:0", "a:1", "b:0"]}]


def test_timeline_labels_are_unique_across_articles_and_text_is_escaped():
    actors = pd.DataFrame({"actor_id": ["x", "y"], "name": ["X", "Y"]})
    fig = plots.timeline(EVENTS, actors)
    labels = [trace.y[0] for trace in fig.data if trace.y and trace.y[0] is not None]
    assert labels == ["1/e1 call (X → Y)", "2/e1 call (X → Y)", "1/e2 meet (X → Y)"]
    hovers = " ".join(trace.hovertemplate or "" for trace in fig.data)
    assert "&lt;b&gt;meeting&lt;/b&gt;" in hovers and "<b>meeting" not in hovers
    assert "article 2: b" in hovers


def test_cooccurrence_counts_sentences_per_article():
    mentions = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "sentence_id": [0, 0, 0, 0], "actor_id": ["x", "y", "x", "y"]})
    pairs = plots.cooccurrence(None, mentions)
    assert pairs.to_dict("records") == [{"a": "x", "b": "y", "sentences": 2, "sentence_ids": ["a:0", "b:0"]}]


# ---- the chronology opens on the dispute

def dispute_events() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One event dated "in 2020" (a year-long interval), an outlier in March 2020 (a month),
    and ten events in two weeks of October 2021, one of them a three-day visit."""
    rows = [("e0", "2020-01-01", "2020-12-31", "Express intent to cooperate", "iran", "azerbaijan"),
            ("e1", "2020-03-01", "2020-03-31", "Make statement", "iran", "")]
    days = ["2021-10-04", "2021-10-05", "2021-10-07", "2021-10-08", "2021-10-09", "2021-10-10", "2021-10-12",
            "2021-10-14", "2021-10-15"]
    rows += [(f"e{i + 2}", d, d, "Discuss by telephone", "hossein-amir-abdollahian", "jeyhun-bayramov")
             for i, d in enumerate(days)]
    rows.append(("e11", "2021-10-15", "2021-10-17", "Make a visit", "seyed-abbas-mousavi", "azerbaijan-foreign-ministry"))
    events = pd.DataFrame(rows, columns=["event_id", "date_start", "date_end", "event_label", "source_id", "target_id"]).assign(
        start=range(len(rows)), text="A sentence.", cameo_code="040", goldstein=1.0, date_basis="explicit",
        modality="asserted",
    )
    actors = pd.DataFrame({
        "actor_id": ["iran", "azerbaijan", "hossein-amir-abdollahian", "jeyhun-bayramov", "seyed-abbas-mousavi",
                     "azerbaijan-foreign-ministry"],
        "name": ["Iran", "Azerbaijan", "Hossein Amir Abdollahian", "Jeyhun Bayramov", "Seyed Abbas Mousavi",
                 "Azerbaijan Foreign Ministry"],
        "kind": ["country", "country", "person", "person", "person", "organization"],
    })
    return events, actors


def test_the_chronology_opens_on_the_dispute():
    events, actors = dispute_events()
    # the two weeks: 2021-10-04 to the visit's last day 2021-10-17 (drawn to 10-18), padded by a day
    assert plots.dispute_range(events) == (dt.date(2021, 10, 3), dt.date(2021, 10, 19))
    fig = plots.timeline(events, actors)
    assert list(fig.layout.xaxis.range) == ["2021-10-03", "2021-10-19"]
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == ["dispute", "whole range"]
    assert buttons[0].args[1] == {"xaxis.range": ["2021-10-03", "2021-10-19"], "xaxis.autorange": False}
    assert buttons[1].args[1] == {"xaxis.autorange": True}
    # "in 2020" and March 2020 lie left of the view: an arrow at its left edge on each of their rows,
    # hidden on the whole range
    arrows = [t for t in fig.data if t.name == "clipped"]
    assert [(t.x[0], t.y[0].replace("<br>", " "), t.marker.symbol) for t in arrows] == [
        (dt.date(2021, 10, 3), "e0 Express intent to cooperate (Iran → Azerbaijan)", "triangle-left"),
        (dt.date(2021, 10, 3), "e1 Make statement (Iran)", "triangle-left"),
    ]
    hidden = [t.name == "clipped" for t in fig.data]
    assert buttons[1].args[0]["visible"] == [not h for h in hidden]
    assert "10 of 12 dated events" in fig.layout.annotations[0].text


def test_chronology_labels_use_surnames_and_wrap_between_words():
    events, actors = dispute_events()
    fig = plots.timeline(events, actors)
    labels = list(fig.layout.yaxis.categoryarray)[::-1]
    assert labels[2] == "e2 Discuss by telephone<br>(Abdollahian → Bayramov)"
    assert labels[-1] == "e11 Make a visit (Mousavi →<br>Azerbaijan Foreign Ministry)"
    words = {w for label in labels for w in label.replace("<br>", " ").split()}
    whole = {w for text in [*events["event_label"], *events["event_id"], "Iran", "Azerbaijan", "Foreign", "Ministry",
                            "Abdollahian", "Bayramov", "Mousavi", "→"] for w in text.split()}
    assert {w.strip("()") for w in words} <= whole  # every word whole: nothing cut mid-name
    assert all(len(line) <= plots.LABEL_WIDTH for label in labels for line in label.split("<br>"))


def test_a_chronology_with_no_squeeze_shows_everything():
    events, actors = dispute_events()
    fig = plots.timeline(events[events["date_start"] >= "2021"], actors)
    assert fig.layout.xaxis.range is None and not fig.layout.updatemenus
    assert plots.short_name("Ali Rezaei", "person", taken=frozenset({"Rezaei"})) == "Ali Rezaei"
