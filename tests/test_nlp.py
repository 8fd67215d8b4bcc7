"""The pipeline parley parses with: the model, and the repairs parley adds to its parse."""
from __future__ import annotations

import pytest

from parley.nlp import StolenSubjects
from parley.syntax import subjects


def token(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("text, subject", [
    # the model hangs the first name on the opening phrase's last noun as a conjunct, and the second
    # as its appositive: the verb has no subject
    ("According to a statement by Indian Foreign Ministry, Jaishankar and Nepal’s Pradeep Kumar Gyawali "
     "have discussed bilateral relations, trade, and the latest developments in Bhutan.", "Jaishankar"),
    ("According to a report by Turkish state media, Fidan and Egypt's Badr Abdelatty have discussed Gaza, "
     "trade and energy.", "Fidan"),
])
def test_a_subject_hung_on_the_opening_phrase_is_parsed_again(nlp, text, subject):
    with nlp.select_pipes(disable=["parley_stolen_subjects"]):
        broken = nlp(text)
    assert [c for c in token(broken, "discussed").children if c.dep_ == "nsubj"] == []  # what the model gives
    assert StolenSubjects.stolen(next(broken.sents)) is not None
    doc = nlp(text)
    verb = token(doc, "discussed")
    assert [t.text for t in subjects(verb)] == [subject]
    assert token(doc, "According").head == verb  # the opening phrase hangs on the verb
    assert [e.text for e in doc.ents] == [e.text for e in broken.ents]  # names untouched
    assert [s.text for s in doc.sents] == [s.text for s in broken.sents]  # and the sentences


@pytest.mark.parametrize("text", [
    "According to the ministry, the two ministers discussed the border.",  # parsed right: nothing to do
    "The ministers, who met in Lima, discussed the border.",
])
def test_a_sentence_with_its_subject_is_left_alone(nlp, text):
    with nlp.select_pipes(disable=["parley_stolen_subjects"]):
        before = [(t.head.i, t.dep_) for t in nlp(text)]
    assert StolenSubjects.stolen(next(nlp(text).sents)) is None
    assert [(t.head.i, t.dep_) for t in nlp(text)] == before
