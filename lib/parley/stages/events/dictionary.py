"""The second trigger source: verbs coded by the field's dictionaries (PETRARCH2's CAMEO verb
patterns, ``parley.dictionaries``) that parley's own table leaves uncoded.

Parley's table wins wherever it codes a token, or the clause a token heads (a light verb's
event noun, a phrase it took): its diplomatic rules are finer (a summons is 114, a call 041,
contacts have channels). On any other verb the dictionary's code becomes an event like the
table's: its source, target, modality, date and place are read by the same steps.
"""
from __future__ import annotations


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
    index = dictionaries.verbs["index"]
    left = {t.i for t in doc if t.i not in taken and (t.pos_ == "VERB" or t.tag_.startswith("VB"))
            and (t.lemma_.lower() in index or t.lower_ in index)}  # only the verbs the table left to code
    sentences = [sent for sent in grammar.sents if any(t.i in left for t in sent)]
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
