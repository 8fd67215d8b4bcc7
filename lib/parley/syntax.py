"""Dependency-tree helpers shared by the stages: who is the subject, the object, the agent of a clause."""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from .lexicon import words

VAGUE_COUNTS = words("vague_counts")
PAST_SPANS = words("past_spans")
EARLIER_ADVERBS = words("earlier_adverbs")


def prep_objects(tok: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the prepositions ``preps`` that hang on ``tok`` ("talked with X" -> X)."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def is_passive(v: Token) -> bool:
    """Is the clause of ``v`` passive ("was received", "a note handed over")?"""
    if v.dep_ == "acl" and v.tag_ == "VBN":
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def subjects(v: Token) -> list[Token]:
    """The subject of a clause, climbing to the controlling clause when it has none."""
    return _subjects(v, 0)


def _subjects(v: Token, depth: int) -> list[Token]:
    subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if subj:
        if subj[0].tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            return [v.head]
        return subj
    stolen = stolen_subject(v)
    if stolen is not None:
        return [stolen]
    if depth > 4 or v.head == v:
        return []
    head = v.head
    if v.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]  # "X is expected to visit"
        return objects or raised or _subjects(head, depth + 1)
    if v.dep_ in ("conj", "advcl", "acomp", "attr"):
        return _subjects(head, depth + 1)
    if v.dep_ == "pcomp" and head.head != head:
        return _subjects(head.head, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG":
        return [head]
    return []


def stolen_subject(v: Token) -> Token | None:
    """'in addition to calls by A, the diplomats of B sent ...': a verb with no subject whose
    opening phrase ends in an appositive just before it; the parse hung the subject there."""
    if v.pos_ not in ("VERB", "AUX") or v.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children):
        return None
    before = v.doc[v.i - 1]
    for t in (before, *before.ancestors):
        if t == v:
            return None
        if t.dep_ == "appos" and t.right_edge.i == v.i - 1 and v in t.ancestors:
            return t
    return None


def agents(v: Token) -> list[Token]:
    """The ``by`` agents of a passive verb ("was received by X" -> X)."""
    out = []
    for child in v.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def objects(v: Token) -> list[Token]:
    """The direct and indirect objects of a verb, and its object predicate."""
    return [c for c in v.children if c.dep_ in ("dobj", "dative", "oprd")]


def patients(v: Token) -> list[Token]:
    """What a passive verb was done to: its passive subject, or the noun a participle modifies."""
    if v.dep_ == "acl" and v.tag_ == "VBN":
        return [v.head]
    return [c for c in v.children if c.dep_ == "nsubjpass"]


def repeated(v: Token) -> bool:
    """Does the clause of ``v`` tell of an act done repeatedly or at no one time in the past ("have
    met numerous times", "have spoken in the past", "had met before"), not a single dated one?"""
    for c in v.children:
        if c.lower_ == "times" and c.dep_ in ("npadvmod", "advmod", "dobj") \
                and any(q.lower_ in VAGUE_COUNTS for q in c.children if q.dep_ in ("amod", "nummod", "det")):
            return True
    if any(o.lower_ in PAST_SPANS for o in prep_objects(v, ("in", "over"))):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children) and v.tag_ == "VBN"
    return perfect and any(c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS and not list(c.children)
                           for c in v.children)


def clause_verb(t: Token) -> Token:
    """The verb of the clause ``t`` is a part of, up through prepositions and nouns (the root if none)."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def present_perfect(v: Token) -> bool:
    """'has summoned', 'have been held': a participle with a present 'have'."""
    return v.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have"
                                   for c in v.children)
