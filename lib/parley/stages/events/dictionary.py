"""The second trigger source: verbs coded by the field's dictionaries (PETRARCH2's CAMEO verb
patterns, ``parley.dictionaries``) that parley's own table leaves uncoded.

Parley's table wins wherever it codes a token, or the clause a token heads (a light verb's
event noun, a phrase it took): its diplomatic rules are finer (a summons is 114, a call 041,
contacts have channels). On any other verb the dictionary's code becomes an event like the
table's: its source, target, modality, date and place are read by the same steps.
"""
from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.symbols import VERB
from spacy.tokens import Doc

from ... import dictionaries as field_dictionaries
from ...cameo import TriggerItem, known_code
from .draft import EventDraft
from .grammar import Grammar


def dictionary_events(grammar: Grammar, found: list[EventDraft], *,
                      dictionaries: field_dictionaries.Dictionaries, published=None) -> list[EventDraft]:
    """Events on the verbs the dictionaries code and parley's table leaves alone, in text order."""
    doc: Doc = grammar.doc
    taken = set()
    for e in found:
        taken.update(range(e.first, e.last + 1))
        taken.update((e.tok.i, e.anchor.i))
        if e.tok.dep_ in ("dobj", "nsubjpass", "attr") and e.tok.head != e.tok:
            taken.add(e.tok.head.i)  # "expressed condolences": the noun's event is the clause's
    left = _verbs_left(doc, taken, dictionaries.verbs["index"])  # only the verbs the table left to code
    sentences = [sent for sent in grammar.sents if any(i in left for i in range(sent.start, sent.end))]
    out: list[EventDraft] = []
    seen = set()
    found_there = (c for sent in sentences for c in field_dictionaries.events(
        sent, dictionaries=dictionaries, on=published, dyadic=False, verbs=left))
    for coded in found_there:
        if coded.verb in taken or coded.verb in seen:
            continue
        code = known_code(coded.code)
        if not code:
            continue
        seen.add(coded.verb)
        tok = doc[coded.verb]
        item = TriggerItem(code, lemma=tok.lemma_.lower(), pos="v")
        out.append(EventDraft(tok=tok, first=tok.i, last=tok.i, item=item, code=code, anchor=tok,
                              sid=grammar.sent_of[tok.i]))
    return out


def _verbs_left(doc: Doc, taken: set[int], index: dict) -> set[int]:
    """The verbs the dictionaries know (by form or lemma) that no event has taken, read from the
    doc's arrays: a Token object for every word would cost more than the coding. A participle the
    parse takes for a preposition ("According to X", "Following the talks") is not one."""
    strings = doc.vocab.strings
    prep = strings["prep"]
    verbal: dict[int, bool] = {}  # tag id -> a verb's tag (VB, VBD, ...)
    known: dict[int, bool] = {}  # form or lemma id -> in the verb index
    left = set()
    for i, (pos, tag, lemma, lower, dep) in enumerate(doc.to_array([POS, TAG, LEMMA, LOWER, DEP]).tolist()):
        if i in taken or dep == prep:
            continue
        if pos != VERB and not verbal.setdefault(tag, strings[tag].startswith("VB")):
            continue
        if known.setdefault(lemma, strings[lemma].lower() in index) or known.setdefault(lower, strings[lower] in index):
            left.add(i)
    return left
