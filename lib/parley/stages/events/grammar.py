"""What every step of the events stage reads off the parse: the closed word lists, the tree's
children, and the clause helpers (complements, governor, cue words), each answered once per token."""
from __future__ import annotations

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from ...cameo import TriggerTable, trigger_table
from ...lexicon import modal_words, word_values, words
from ...models import Actor, Mention, Quote
from ...syntax import prep_objects
from ..references import References

LIGHT_VERBS = words("light_verbs")
ASPECTUAL = words("aspectual")
OPENING = words("opening")
FUTURE = modal_words(modality="planned")
MODAL = modal_words(modality="hypothetical")
CONDITIONAL = words("conditional")
NEGATIVE = words("negative")
PROSPECTIVE = words("prospective")
DEMONSTRATIVE = words("demonstrative")
DEFINITE = words("definite")
ORDINALS = word_values("ordinals")
EARLIER = words("earlier")
HABITUAL = words("habitual")
SIMULTANEOUS = words("simultaneous")
BOUNDARY = words("boundary")
TEMPORAL = words("temporal")
LOCATIVE = words("locative")
MEETING_PLACE = words("meeting_place")
INSTRUMENT = words("instrument")
ADJUNCT = words("adjunct")
SOURCE_PREPS = words("source_prepositions")
TARGET_PREPS = words("target_prepositions")
NOUN_TARGET_PREPS = words("noun_target_prepositions")
PARTICIPANT_PREPS = words("participant_prepositions")
PARTICIPATION = words("participation")
PLANNING = words("planning_nouns")
SCOURGES = words("scourges")
TOPIC_VERBS = words("topic_verbs")
TOPIC_PREPS = words("topic_prepositions")
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "acl", "relcl"})  # dependencies of a clause
ACT_ROOTS = frozenset({"02", "03", "10", "12"})  # appeals, intents, demands, refusals: they govern an event


class Grammar:
    """One parsed article as the event steps read it: its sentences, its tree, who its phrases name."""

    def __init__(self, doc: Doc, *, mentions: list[Mention], actors: list[Actor], quotes: list[Quote]):
        self.doc = doc
        self.table: TriggerTable = trigger_table()
        self.res = References(doc, mentions, actors, quotes)
        self.sents = list(doc.sents)
        self.sent_of = {t: i for i, sent in enumerate(self.sents) for t in range(sent.start, sent.end)}
        self.cue_keys = self.table.planned | self.table.requested | self.table.refused
        self._cues: dict[int, set[str]] = {}
        self._complement_cache: dict[int, list[Token]] = {}
        # Each token's children's indices, read off the heads once: Token.children scans the
        # token's whole span each time it is asked.
        self.heads = [i + offset for i, offset in enumerate(doc.to_array([HEAD]).astype("int64").tolist())]
        self.children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)

    def complements(self, tok: Token) -> list[Token]:
        """What a predicate governs: its clausal complements and objects, through a light verb."""
        if tok.i in self._complement_cache:  # asked per refinement item, and again for arguments
            return self._complement_cache[tok.i]
        out = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj", "pcomp")]
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to", "on", "of"):
                objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                out.extend(objs)
                out.extend(c for o in objs for c in o.children if c.dep_ == "conj")  # "the need for X and Y"
        for c in list(out):
            if c.lemma_.lower() in LIGHT_VERBS or c.lemma_.lower() in self.table.planned:
                out.extend(o for o in c.children if o.dep_ in ("dobj", "xcomp"))
        self._complement_cache[tok.i] = out
        return out

    def cue_words(self, tok: Token) -> set[str]:
        """The lemmas that modify a trigger, also through its light verb and its place ("by phone"),
        and the trigger's own adverbs ("summoned the envoy home")."""
        if tok.i in self._cues:  # asked per item of the token's lemma, and again to refine its code
            return self._cues[tok.i]
        found = self._cues[tok.i] = set()
        heads = [tok]
        if tok.head != tok and (tok.head.lemma_.lower() in LIGHT_VERBS or tok.dep_ == "pobj"):
            heads.append(tok.head.head if tok.dep_ == "pobj" else tok.head)
        for h in heads:
            for child in h.children:
                if child.dep_ in ("compound", "amod", "nmod", "npadvmod") or child.dep_ == "advmod" and h is tok:
                    found.add(child.lemma_.lower())
                if child.dep_ in ("prep", "agent") and child.lower_ in MEETING_PLACE:
                    for o in child.children:
                        if o.dep_ == "pobj":
                            found.add(o.lemma_.lower())
                            found.update(c.lemma_.lower() for c in o.children if c.dep_ == "compound")
        return found

    def governor(self, t: Token) -> Token | None:
        """The predicate whose complement the clause of ``t`` is (skipping light verbs)."""
        prep = None
        for _ in range(5):
            if t.head == t:
                return None
            dep, t = t.dep_, t.head
            if dep not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "nsubjpass"):
                return None
            if dep == "pobj":
                prep = t
            if t.pos_ in ("VERB", "NOUN", "ADJ") and t.lemma_.lower() not in LIGHT_VERBS:
                if prep is not None and prep.head == t and dep == "prep" and \
                        f"{t.lemma_.lower()} {prep.lower_}" not in self.cue_keys:
                    return None  # "In their first call, they agreed": an adjunct, not what was agreed
                return t
        return None

    @staticmethod
    def keys(t: Token) -> set[str]:
        """The keys a predicate is listed under in the cue sets: lemma, form, lemma and particle (or
        the adverb right after it)."""
        keys = {t.lemma_.lower(), t.lower_}
        keys.update(f"{t.lemma_.lower()} {c.lower_}" for c in t.children
                    if c.dep_ in ("prep", "prt") or c.dep_ == "advmod" and c.i == t.i + 1)  # "look forward"
        return keys


def overtaken(g: Token) -> bool:
    """'had been due / scheduled / expected to': a plan the text reports as overtaken, not kept."""
    if g.lower_ not in PROSPECTIVE:
        return False
    v = g.head if g.dep_ in ("acomp", "amod") else g
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lower_ == "had" for c in aux) and (v.lemma_ == "be" or any(c.lemma_ == "be" for c in aux))


def slot(n: Token) -> tuple[str, Token]:
    """The dependency and head of a phrase: those of its first conjunct, and of the measure
    it counts ("held 12 hours of talks", "after five hours of meeting")."""
    while n.head != n:
        if n.dep_ == "conj":
            n = n.head
        elif n.dep_ == "pobj" and n.head.lower_ == "of" and (
                is_light_object(n.head.head) or any(c.dep_ == "nummod" for c in n.head.head.children)):
            n = n.head.head
        else:
            break
    return n.dep_, n.head


def is_light_object(t: Token) -> bool:
    """The object of a light verb: "hours" in "held 12 hours of talks"."""
    return t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubjpass", "attr") and t.head.lemma_.lower() in LIGHT_VERBS


def participation(n: Token) -> list[Token]:
    """The parties of a gathering "with the participation of A, B and C", the phrase on the noun
    or on the verb that holds it ("a summit held with the participation of ...")."""
    out = []
    for h in (n, *(c for c in n.children if c.dep_ in ("acl", "relcl"))):
        for w in (c for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
            for p in (o for o in w.children if o.dep_ == "pobj" and o.lemma_.lower() in PARTICIPATION):
                out += prep_objects(p, ("of",))
                out += [c for c in p.conjuncts if c.pos_ in ("NOUN", "PROPN")]  # "of A, B, and C presidents",
                # the list's last member hung on "participation" by the parser
    return out


def copula(n: Token) -> Token | None:
    """The "be" a noun hangs on through a preposition: "is" in "X is in Brazil on his first visit"."""
    return n.head.head if n.dep_ == "pobj" and n.head.head.lemma_ == "be" else None
