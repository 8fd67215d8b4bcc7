"""The dependency helpers the stages share, on short news-style sentences (exact tokens expected)."""
from __future__ import annotations

import pytest

from spacy.tokens import Doc

from parley.syntax import (agents, clause_verb, is_passive, objects, patients, prep_objects, repeated, stolen_subject,
                           subjects)


def token(doc, text: str):
    return next(t for t in doc if t.text == text)


def texts(tokens) -> list[str]:
    return [t.text for t in tokens]


@pytest.mark.parametrize("text, verb, expected", [
    ("Iran's foreign minister talked with his Azerbaijani counterpart on Saturday.", "talked", ["minister"]),
    ("Erdogan is expected to visit Baku.", "visit", ["Erdogan"]),  # raised from the passive "is expected"
    ("Lavrov, who met Bayramov, said the talks went well.", "met", ["Lavrov"]),  # "who" is Lavrov
    ("Lavrov, who met Bayramov, said the talks went well.", "went", ["talks"]),
    ("The ambassador was summoned by the ministry.", "summoned", []),
])
def test_subjects(nlp, text, verb, expected):
    assert texts(subjects(token(nlp(text), verb))) == expected


def test_objects_take_the_dative_too(nlp):
    assert texts(objects(token(nlp("Bayramov gave Lavrov a letter."), "gave"))) == ["Lavrov", "letter"]


def test_passive_agents_and_patients(nlp):
    doc = nlp("The ambassador was summoned by the ministry.")
    verb = token(doc, "summoned")
    assert is_passive(verb) is True
    assert texts(agents(verb)) == ["ministry"]
    assert texts(patients(verb)) == ["ambassador"]
    assert is_passive(token(nlp("Bayramov gave Lavrov a letter."), "gave")) is False


def test_prep_objects(nlp):
    doc = nlp("Iran's foreign minister talked with his Azerbaijani counterpart on Saturday.")
    verb = token(doc, "talked")
    assert texts(prep_objects(verb, ("with",))) == ["counterpart"]
    assert texts(prep_objects(verb, ("with", "on"))) == ["counterpart", "Saturday"]
    assert prep_objects(verb, ("to",)) == []


def test_a_subject_the_parse_hung_as_an_appositive_before_its_verb(nlp):
    # "In addition to calls by A, the envoys of B sent ...": the parser may appose the subject to A
    words = ["Besides", "calls", "by", "the", "ministers", ",", "the", "envoys", "sent", "letters"]
    heads = [8, 0, 1, 4, 2, 4, 7, 4, 8, 8]
    deps = ["prep", "pobj", "prep", "det", "pobj", "punct", "det", "appos", "ROOT", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=["ADP", "NOUN", "ADP", "DET", "NOUN", "PUNCT",
                                                                   "DET", "NOUN", "VERB", "NOUN"])
    assert texts(subjects(doc[8])) == ["envoys"]
    assert stolen_subject(doc[8]) == doc[7]
    doc[8].head, doc[7].dep_ = doc[8], "nsubj"  # parsed right: nothing stolen
    doc[7].head = doc[8]
    assert stolen_subject(doc[8]) is None


@pytest.mark.parametrize("text, verb, expected", [
    ("Envoys of Chile and Bolivia have met numerous times in the past to discuss the border.", "met", True),
    ("The two presidents have spoken many times over the years.", "spoken", True),
    ("The ministers have met before.", "met", True),
    ("The ministers met on Tuesday in Lima.", "met", False),
    ("The ministers have met three times this week.", "met", False),  # a count, not a vague repetition
    ("The ministers met before the summit.", "met", False),  # "before" with an object dates it
])
def test_repeated_contacts_are_told_apart_from_dated_ones(nlp, text, verb, expected):
    assert repeated(token(nlp(text), verb)) is expected


@pytest.mark.parametrize("text, word, verb", [
    ("With Prime Minister Mehta, she discussed trade.", "Mehta", "discussed"),
    ("She said the minister of Kenya would visit.", "Kenya", "visit"),
    ("The minister of Kenya.", "Kenya", "minister"),  # no verb: the root
])
def test_the_verb_of_a_word_s_clause(nlp, text, word, verb):
    assert clause_verb(token(nlp(text), word)).text == verb
