"""Arguments: who is the source and who the target of each trigger, read off its clause.

The subject (or the ``by`` agent of a passive, a noun's possessor, ``between A and B``, the
subject of a light verb such as ``held``) is the source; the object, ``with B``, ``to B``,
``on B`` the target. A consultation held in a participant's home is a visit (042/043).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...cameo import CONSULT, VISIT
from ...lexicon import contact_vocabulary, words
from ...syntax import agents, is_passive, objects, patients, prep_objects, subjects
from .draft import EventDraft
from .grammar import (ACT_ROOTS, ADJUNCT, LIGHT_VERBS, NOUN_TARGET_PREPS, OPENING, PARTICIPANT_PREPS,
                      SOURCE_PREPS, TARGET_PREPS, TOPIC_PREPS, TOPIC_VERBS, Grammar, copula, participation, slot)


DISTRIBUTED = frozenset({"phone", "letter"})
RECEIVING = words("receiving_verbs")  # channels that join two parties, never a round table
ANSWERING = words("answering_verbs")


class Arguments:
    """Sources and targets of the triggers of one article, once the triggers are known."""

    def __init__(self, grammar: Grammar, events: list[EventDraft]):
        self.grammar = grammar
        self.doc = grammar.doc
        self.res = grammar.res
        self.table = grammar.table
        self.children = grammar.children
        self.vocabulary = contact_vocabulary()
        self.by_tok = {e.tok.i: e for e in events}
        self.by_anchor = {e.anchor.i: e for e in events}

    def assign(self, e: EventDraft) -> None:
        res = self.res
        n, a = e.tok, e.anchor
        target_preps, noun_target_preps = self._target_prepositions(e)
        sources: list[Token] = []
        targets: list[Token] = []
        between: list[Token] = []
        # "discussed Iran": what was talked about, not who was talked with
        topical = e.root == "04" and a.lemma_.lower() in TOPIC_VERBS
        named = self._compound_parties(n) if e.root == "04" and n.pos_ in ("NOUN", "PROPN") else []
        if len(named) > 1:  # "the Iran-US talks": the compound names the talks' own parties
            e.sources, e.targets, e.own_source, e.named_parties = named[:1], named[1:], True, True
            return
        joined = participation(n) if e.root == "04" and n.pos_ in ("NOUN", "PROPN") else []
        if joined:  # "a summit held with the participation of A, B and C": they alone, no one else's summit
            between, e.own_source, e.named_parties = joined, True, True
        elif n.pos_ in ("NOUN", "PROPN"):
            sources, targets, between = self._noun_phrases(e, target_preps, noun_target_preps)
        else:
            if is_passive(a):
                sources += agents(a)
                targets += patients(a)
            else:
                sources += subjects(a)
                targets += [] if topical else objects(a)
            targets += prep_objects(a, target_preps)
            for o in ([] if topical else objects(a)):
                targets += prep_objects(o, ("on", "with", "to", "against") if e.root == "01" else
                                         ("on", "with", "to", "against", "of"))
                if e.root in ("16", "17"):  # "recalled its ambassador from Rabat"
                    targets += prep_objects(o, ("from",))
            if e.root in ("16", "17"):
                targets += prep_objects(a, ("from",))
        src = [x for t in sources for x in res.refs(t)]
        tgt = [x for t in targets for x in res.refs(t)]
        if any(t.pos_ == "NOUN" and res.delegates(t) for t in sources):
            e.own_source = True  # "officials from the two countries" are not the people who proposed it
        btw = [x for t in between for x in res.refs(t)]
        owner = n.head if n.dep_ == "compound" else n  # "their meeting schedule": the schedule's owner
        plural = n.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ == "their" for c in owner.children)
        if e.root == "04" and plural and not btw and len(src) + len(tgt) < 2:
            btw = res.both_sides(n)  # "discussed it in their meeting in Ankara": the two sides'
        if btw:
            if not src:
                src, btw = btw[:1], btw[1:]
            tgt = btw + tgt
        if e.root == "11":  # reporting X's abuse accuses X
            for c in self.grammar.complements(n):
                inner = self.by_tok.get(c.i)
                if inner is not None and inner is not e:
                    self.assign(inner)
                    tgt = [x for x in inner.sources if x not in src] or tgt  # not the accuser's own act
        if not tgt and e.root in ACT_ROOTS:  # "plans to sign a deal with X"
            for c in self.grammar.complements(n):
                inner = self.by_tok.get(c.i) or self.by_anchor.get(c.i)
                if inner is not None and inner is not e:
                    self.assign(inner)
                    tgt = [x for x in inner.participants if x not in src]
        if not src and e.channel == "summons":
            src = [x for t in prep_objects(a, ("to",)) for x in res.refs(t) if res.kind(x) != "person"]
            tgt = [x for x in tgt if x not in src]
        if not tgt:  # what a topic verb talked about names no one it talked with ("discussed the costs to X")
            tgt = self._reached(n, a, topic=objects(a) if topical else ())
        src = list(dict.fromkeys(x for x in src if x))
        tgt = [x for x in dict.fromkeys(tgt) if x and x not in src]
        # "A and B held talks"; but "phone calls by A and B" are each one's call, to someone unnamed
        several_calls = e.own_source and n.tag_ == "NNS" and e.channel in DISTRIBUTED
        if (e.contact or e.root == "19") and len(src) > 1 and not tgt and not several_calls:
            src, tgt = src[:1], src[1:]
        e.sources, e.targets = src, tgt

    def _noun_phrases(self, e: EventDraft, target_preps: frozenset[str], noun_target_preps: frozenset[str],
                      ) -> tuple[list[Token], list[Token], list[Token]]:
        """The phrases naming the sources, targets and joint parties of an event noun: its possessor,
        "by"/"from", "between", "with"/"to", and the clause it sits in."""
        res, n, a = self.res, e.tok, e.anchor
        sources: list[Token] = []
        targets: list[Token] = []
        between: list[Token] = []
        if n.dep_ == "dobj" and n.head.lemma_.lower() in ANSWERING:  # "A returned B's call": A called B
            e.own_source = True
            return subjects(n.head), [c for c in n.children if c.dep_ == "poss"], []
        sources += [c for c in n.children if c.dep_ == "poss"]
        sources += prep_objects(n, SOURCE_PREPS)
        if e.code == VISIT:  # "the visit of the Chilean minister to Lima": the visitor
            sources += prep_objects(n, ("of",))
        if e.code == VISIT and copula(n) is not None:  # "X will be in Y on a visit"
            sources += subjects(copula(n))
        if a != n and a.lemma_.lower() in LIGHT_VERBS:  # "delivered a message from X to Y": X's message
            sources += prep_objects(a, ("from",))
        if n.dep_ == "dobj" and n.head.lemma_.lower() in RECEIVING:  # "X received a letter from Y": to X
            targets += subjects(n.head)
        if n.dep_ == "dobj" and not is_passive(n.head):  # "to prepare a visit to X by Y": Y's visit
            sources += [o for o in prep_objects(n.head, ("by",)) if o.i > n.i]
        between += prep_objects(n, PARTICIPANT_PREPS)
        if n.dep_ in ("nsubj", "nsubjpass"):  # "Meetings are scheduled for Monday between A and B"
            between += prep_objects(n.head, PARTICIPANT_PREPS)
        targets += prep_objects(n, noun_target_preps)
        own = [x for t in sources for x in res.refs(t)]
        e.own_source = bool(own)
        if a != n and a.lemma_.lower() != "be":
            if not own:
                sources += agents(a) if is_passive(a) else subjects(a)
            targets += [o for o in objects(a) if o != n]
            targets += prep_objects(a, target_preps)
        dep, head = slot(n)
        if a == n and e.root == "04" and not own and dep == "pobj" and head.lower_ in ADJUNCT \
                and head.head.pos_ in ("VERB", "AUX"):
            sources += subjects(head.head)  # "In this conversation, X said": X took part
        clause = self._subject_of(n)
        if a == n and e.root == "04" and clause is not None:  # "With X, talks focused on", "one meeting was with X"
            targets += prep_objects(clause, ("with",))
        if n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head.pos_ == "VERB":
            sources += objects(n.head.head)  # praised X for the release -> X released
        for child in n.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":  # a statement issued by X
                sources += [o for t in child.subtree if t.lower_ == "by" for o in t.children if o.dep_ == "pobj"]
            if child.dep_ == "relcl" and child.lemma_.lower() in LIGHT_VERBS:  # "the talks that X held with Y"
                sources += [t for t in subjects(child) if t != n]
                targets += prep_objects(child, ("with",))
        return sources, targets, between

    @staticmethod
    def _target_prepositions(e: EventDraft) -> tuple[frozenset[str], frozenset[str]]:
        """The prepositions that name the target of the trigger as a verb and as a noun: not a
        consultation's topic ("talked with X on Y's sanctions"), nor a visit's visitor ("the visit of X")
        or purpose ("for the summit")."""
        verb, noun = TARGET_PREPS, NOUN_TARGET_PREPS
        if e.root == "04":
            verb, noun = verb - TOPIC_PREPS, noun - TOPIC_PREPS
        if e.code == VISIT:  # "his visit to Geneva for the Council's session": "for" names a purpose
            noun = noun - {"of", "for"}
        return verb, noun

    @staticmethod
    def _subject_of(n: Token) -> Token | None:
        """The verb an event noun is the subject of ("talks focused"), also as one of several
        ("one of the meetings was"); None if it is none's."""
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.dep_ in ("nsubj", "nsubjpass"):
            n = n.head.head
        if n.dep_ in ("nsubj", "nsubjpass") and n.head.pos_ in ("VERB", "AUX"):
            return n.head
        return None

    def _compound_parties(self, n: Token) -> list[str]:
        """The actors a noun's compound modifiers name, in text order ("Iran-US talks": Iran, US)."""
        found: list[str] = []
        stack, words = [c for c in n.lefts if c.dep_ == "compound"], []
        while stack:
            t = stack.pop()
            words.append(t)
            stack += [c for c in t.lefts if c.dep_ == "compound"]
        for t in sorted(words, key=lambda t: t.i):
            for x in self.res.refs(t, strict=True):
                if x not in found:
                    found.append(x)
        return found

    def _reached(self, n: Token, anchor: Token | None = None, topic=()) -> list[str]:
        """An actor reached through 'to'/'with'/'against' deeper in the trigger's clause; inside the
        ``topic`` phrases (what was discussed) only 'with' (the parse may hang it there)."""
        top = anchor if anchor is not None and anchor.lemma_.lower() in LIGHT_VERBS else n
        about = {t.i for o in topic for t in o.subtree}
        for t in self._outside_triggers(top, n):
            if t.dep_ == "prep" and t.lower_ in ("to", "with", "against", "toward", "towards") and t.head != n \
                    and t.head.lemma_ != "accord" and (t.i not in about or t.lower_ == "with"):
                for o in t.children:
                    if o.dep_ == "pobj":
                        found = self.res.refs(o)
                        if found:
                            return found
        return []

    def _outside_triggers(self, top: Token, n: Token) -> Iterator[Token]:
        """``top.subtree`` in its order, less the subtrees of triggers other than ``n``: one walk
        that skips what is under another trigger, not a walk to find it and another to read."""
        stack = [(top.i, False)]  # (token index, its own children already stacked)
        while stack:
            i, expanded = stack.pop()
            if expanded:
                yield self.doc[i]
                continue
            if i != n.i and (i in self.by_tok or self.doc[i].lemma_.lower() in self.table.venues):
                continue  # another event's phrase, or a venue's ("the summit held with the participation of X")
            children = self.children[i]
            stack.extend((c, False) for c in reversed(children) if c > i)
            stack.append((i, True))
            stack.extend((c, False) for c in reversed(children) if c < i)

    def relocate(self, e: EventDraft) -> None:
        """040 held in a participant's home is a visit (042/043); elsewhere, a third location (044)."""
        if e.code == "042" and not e.targets:  # "arrived in Baku": the host
            e.targets = [x for x in e.location_actors if x and x not in e.sources][:1]
        if e.root == "17" and not e.sources:  # "detained in Azerbaijan": by its authorities
            e.sources = [x for x in e.location_actors if x and x not in e.targets][:1]
        if e.code != CONSULT or not e.location or e.channel == "phone":
            return
        hosts = {self.res.country(x) or x for x in e.location_actors if x}
        if not hosts:
            return
        src = {self.res.country(x) for x in e.sources} - {""}
        tgt = {self.res.country(x) for x in e.targets} - {""}
        if src & hosts:
            e.code = "043"
        elif tgt & hosts:
            e.code = "042"
        elif src and tgt:
            e.code = "044"
        elif src:  # "X held talks in Riyadh": X went there
            e.code = "042"
            e.targets = e.targets or [x for x in e.location_actors if x][:1]
        else:
            return
        if not e.channel:
            e.channel = self.table.codes[e.code].channel

    def opening(self, e: EventDraft) -> None:
        """'asked Brazil to open talks': talks not yet held, that someone plans, asks for or refuses,
        are a contact of their own (channel meeting, unless named), between the asker and the asked."""
        if e.code not in self.vocabulary.unnamed_codes or e.channel or e.modality == "asserted" or e.anchor == e.tok \
                or e.anchor.lemma_.lower() not in OPENING:
            return
        e.channel = self.vocabulary.default_channel
        governor = self.grammar.governor(e.anchor)
        if governor is None or not self.grammar.keys(governor) & (self.table.requested | self.table.planned):
            return
        askers = [x for s in subjects(governor) for x in self.res.refs(s)]
        if askers and not set(askers) & set(e.participants):
            e.sources, e.targets = askers, [x for x in e.participants if x not in askers]

    def is_empty_act(self, e: EventDraft) -> bool:
        """'welcomed the decision': a decision, plan or request of nobody, about nothing, is no event."""
        if e.root not in ACT_ROOTS or e.tok.pos_ not in ("NOUN", "PROPN") or e.sources:
            return False
        if e.item.cue or e.code != e.item.code:
            return False  # "an aid request", "continuing cooperation": its modifier says what is asked or meant
        return not any(c.i in self.by_tok or c.i in self.by_anchor for c in self.grammar.complements(e.tok)) and \
            not any(c.dep_ == "acl" for c in e.tok.children)
