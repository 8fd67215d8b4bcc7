"""The clause around each trigger: its place, its channel, its modality, its ordinal, and
whether it refers back to an event mentioned before ("this conversation", "the meeting").

Lemmas of the appeal, demand, intent and refusal rows of the CAMEO table double as modality
cues: what they govern is ``requested``, ``planned`` or ``negated``; what an offer to meet
governs is ``requested``, put to the other side.
"""
from __future__ import annotations

from ...syntax import objects, prep_objects
from .draft import EventDraft
from .grammar import (CONDITIONAL, DEFINITE, DEMONSTRATIVE, FUTURE, LOCATIVE, MODAL, NEGATIVE, ORDINALS,
                      PLANNING, PROSPECTIVE, TEMPORAL, TOPIC_VERBS, Grammar, copula, overtaken, slot)


class Clauses:
    """Reads the clause of each trigger of one article, given the triggers (by token)."""

    def __init__(self, grammar: Grammar, by_tok: dict[int, EventDraft]):
        self.grammar = grammar
        self.doc = grammar.doc
        self.res = grammar.res
        self.table = grammar.table
        self.by_tok = by_tok

    def place(self, e: EventDraft) -> None:
        parts: list[tuple[int, str]] = []
        actors: list[str] = []
        heads = [e.tok, e.anchor, *filter(None, [copula(e.tok)])]  # "is in Brazil on his first visit"
        for h in (e.tok, e.anchor):  # "met X in Paris" where the parse hangs "in Paris" on X; not what was
            said = objects(h) if h.lemma_.lower() not in TOPIC_VERBS else []  # discussed ("developments in X")
            heads += [o for o in (*said, *prep_objects(h, ("with",))) if o.pos_ in ("PROPN", "NOUN")]
        for h in dict.fromkeys(heads):
            argument = h != e.tok and h != e.anchor
            for prep in h.children:
                if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE or argument and prep.lower_ == "on":
                    continue
                for o in prep.children:
                    if o.dep_ != "pobj":
                        continue
                    venue = o.lemma_.lower() in self.table.venues and (
                        o.tag_ not in ("NNS", "NNPS") or any(c.lower_ == "of" for c in o.children))
                    if prep.lower_ == "on" and not venue:
                        continue
                    found = [x for x in self.res.refs(o) if self.res.kind(x) in ("country", "place", "")]
                    if not venue and o.ent_type_ not in ("GPE", "FAC", "LOC") and not found:
                        continue
                    if o.ent_type_ in ("DATE", "TIME"):
                        continue
                    nested = [sub for sub in o.subtree if sub.dep_ == "prep" and sub.lower_ in LOCATIVE]
                    clauses = {t.i for sub in o.subtree if sub.dep_ in ("relcl", "acl", "advcl") for t in sub.subtree}
                    nested = [sub for sub in nested if sub.i not in clauses]
                    skip = {t.i for sub in nested for t in sub.subtree} | clauses
                    words = [t for t in o.subtree if t.i not in skip]
                    parts.append((prep.i, self.doc[prep.i : words[-1].i + 1].text.rstrip(" ,")))
                    for sub in nested:
                        if sub.head.i not in skip:
                            inner = [t for t in sub.subtree if t.i not in clauses]
                            parts.append((sub.i, self.doc[sub.i : inner[-1].i + 1].text.rstrip(" ,")))
                    actors += found
                    if venue:
                        e.location_actors.append("")
        texts: list[str] = []
        for _, text in sorted(parts):
            if not any(text in other for other in texts):
                texts.append(text)
        e.location = " ".join(texts)
        e.location_actors += actors

    def channel(self, e: EventDraft) -> None:
        if e.channel:
            return
        if e.item.channel is not None:
            e.channel = e.item.channel
        else:
            e.channel = self.table.codes[e.code].channel
        heads = [e.tok, e.anchor, *objects(e.anchor)]
        for h in heads:
            for o in prep_objects(h, ("on", "via", "in")):
                if o.lower_ in self.res.platforms:
                    e.channel = "social_media"
                    return

    def modality(self, e: EventDraft) -> None:
        heads = list(dict.fromkeys((e.anchor, e.tok)))
        if copula(e.tok) is not None or e.tok.dep_ == "pobj" and e.tok.head.lower_ in ("during", "at"):
            heads.append(e.tok.head.head)  # "will be in X on a visit", "during talks with Y, discussions will"
        dep, head = slot(e.tok)
        if e.anchor == e.tok and dep in ("nsubj", "nsubjpass") and head.i not in self.by_tok:
            heads.append(head)  # "a visit could follow", "talks will take place"
        for h in heads:
            for c in h.children:
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATIVE):
                    e.modality = "negated"
                    return
        governor = self.grammar.governor(e.anchor)
        if governor is not None and (self.grammar.keys(governor) & self.table.refused or overtaken(governor)):
            e.modality = "negated"  # "a planned meeting was called off", "they had been due to meet"
            return
        deferred = False
        for h in heads:
            if deferred:
                break
            for c in h.children:
                if c.dep_ == "aux" and c.lower_ in MODAL:
                    governor = self.grammar.governor(e.anchor)
                    keys = self.grammar.keys(governor) if governor is not None else set()
                    if c.lower_ == "would" and keys & self.grammar.cue_keys:
                        deferred = True  # "agreed that their deputies would meet": as the governing verb says
                        break
                    if c.lower_ == "would" and keys & self.table.speech:
                        e.modality = "planned"
                    else:
                        e.modality = "hypothetical"
                    return
                if c.dep_ == "mark" and c.lower_ in CONDITIONAL:
                    e.modality = "hypothetical"
                    return
                if c.dep_ == "aux" and c.lower_ in FUTURE:
                    e.modality = "planned"
                    return
                if c.dep_ == "amod" and (c.lower_ in PROSPECTIVE or c.lemma_.lower() in self.table.planned):
                    e.modality = "planned"
                    return
        if e.tok.dep_ == "compound" and e.tok.head.lemma_.lower() in PLANNING:  # "their meeting schedule"
            e.modality = "planned"
            return
        if not deferred and e.anchor.dep_ == "xcomp" and e.anchor.head.lemma_ == "be":
            e.modality = "planned"  # "is to visit"
            return
        temporal = e.anchor.dep_ == "advcl" and e.anchor.tag_ not in ("VBD", "VBN") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL for c in e.anchor.children
        )  # "will be raised when she meets him", not "will restore supplies after they agreed"
        if temporal or e.anchor.dep_ == "pcomp" and e.anchor.head.lower_ in TEMPORAL:
            clause = e.anchor.head if temporal else e.anchor.head.head  # "would answer after consulting X"
            main = [c.lower_ for c in clause.children if c.dep_ == "aux"]
            if any(w in FUTURE or w == "would" for w in main):
                e.modality = "planned"  # "will be raised when she meets him"
                return
        purpose = self.by_tok.get(e.anchor.head.i) if e.anchor.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in e.anchor.children) else None
        if purpose is not None and purpose is not e and purpose.modality in ("planned", "hypothetical"):
            e.modality = purpose.modality  # "whether they will agree at this session to meet": as the agreeing
            return
        governor = self.grammar.governor(e.anchor)
        if governor is None:
            return
        keys = self.grammar.keys(governor)
        if keys & self.table.refused or any(c.dep_ == "neg" for c in governor.children):
            e.modality = "negated"
        elif keys & self.table.requested:
            e.modality = "requested"
        elif keys & self.table.planned or keys & PROSPECTIVE:
            e.modality = "planned"
        elif any(c.dep_ == "aux" and c.lower_ in FUTURE for c in governor.children):
            e.modality = "planned"

    def ordinal(self, e: EventDraft) -> None:
        if e.tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ == "first" for c in e.tok.children):
            e.ordinal = 1  # "they had first discussed it by phone": the first of a series
            return
        for c in e.tok.lefts:
            if c.dep_ in ("amod", "nummod") and (c.ent_type_ == "ORDINAL" or c.lower_ in ORDINALS):
                word = c.lower_
                if word in ORDINALS:
                    e.ordinal = ORDINALS[word]
                elif word[:-2].isdigit():
                    e.ordinal = int(word[:-2])

    def anaphoric(self, e: EventDraft) -> None:
        if e.tok.pos_ not in ("NOUN", "PROPN") or e.ordinal:
            return
        dets = {c.lower_ for c in e.tok.lefts if c.dep_ in ("det", "poss")}
        if dets & DEMONSTRATIVE:
            e.anaphora = "demonstrative"
        elif dets & DEFINITE or any(c.dep_ == "poss" for c in e.tok.lefts):
            e.anaphora = "definite"
