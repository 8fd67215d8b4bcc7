"""parley.plots over a corpus: ids repeat across articles, so figures match rows on
``ARTICLE_ID:ID`` keys and never take one article's sentence for another's."""
from __future__ import annotations

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
