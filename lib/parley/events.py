"""Events and quotations: what the actors did, said, planned or asked for, CAMEO-coded.

A verb or event noun whose lemma the CAMEO table (``data/cameo.csv``) lists is a trigger.
Its arguments come from the dependency parse: the subject (or the ``by`` agent of a
passive, a noun's possessor, ``between A and B``, the subject of a light verb such as
``held``) is the source; the object, ``with B``, ``to B``, ``on B`` the target. The clause
around the trigger gives its modality, its date, its place and its channel.

The table's ``trigger_lemmas`` column is a ``|``-separated list of items:

``lemma``            a verb or event noun (``discuss``, ``conversation``)
``lemma:v``/``:n``   only as a verb / only as a noun
``lemma word``       a phrasal verb or two-word noun: ``word`` is a particle or preposition
                     of the lemma, or the next word (``call for``, ``note verbal``)
``lemma@word``       only when the object (direct object, passive subject, ``of``/``to``/
                     ``on`` complement) is ``word``: its lemma, a word of the title of the
                     actor it names, or ``actor`` for any actor (``invite@ambassador``)
``lemma>X``          only when the lemma governs an event coded ``X…`` or the verb ``X``
                     (``report>17``: reporting coercion by someone accuses them)
``>X``               refines any trigger of the row's root code in the same way
                     (``>04`` in 036: an intent to hold talks is an intent to meet)
``~word``            refines any trigger of the row's root code that ``word`` modifies,
                     also through its place (``~telephone`` in 041, ``~sideline`` in 044)
``lemma~word``       the lemma is a trigger only when ``word`` modifies it (``speak~phone``)
``…=channel``        the channel the item names (``note:n=note``); else the row's channel

Lemmas of the appeal, demand, intent and refusal rows double as modality cues: what they
govern is ``requested``, ``planned`` or ``negated``; what an offer to meet (row 036: "proposed
that officials meet", "invited X to visit") governs is ``requested``, put to the other side. The
statement row's verbs cue quotes. A verb done "by telephone" or "over the phone" is a call
(041), whatever it would code otherwise ("agreed by telephone on a plan").
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .cameo import Cameo, cameo_table
from .cameo import TriggerItem as _Item
from .cameo import trigger_table as _table
from .models import Actor, Event, Mention, Quote, Timex
from .stages.quotes import quotes
from .stages.references import References as _Resolver
from .syntax import agents as _agents
from .syntax import is_passive as _is_passive
from .syntax import objects as _objects
from .syntax import patients as _patients
from .syntax import prep_objects as _prep_objects
from .syntax import subjects as _subjects

STATEMENT = "010"  # CAMEO "make statement": its verbs cue quotations and attribute reported events
CONSULT = "040"  # CAMEO "consult, not specified": refined by channel and place, or by what it refers to
CONTACT_CHANNELS = frozenset({"phone", "meeting", "visit", "summons", "letter", "note"})
UNNAMED_CHANNEL = frozenset({CONSULT, "046"})  # consultations and negotiations: contacts on a channel not named
FACE_TO_FACE = frozenset({"meeting", "visit", "summons"})
MIN_QUOTE_WORDS = 4  # shorter quoted stretches are scare quotes (“frank”), not quotations

# Closed-class words of English grammar, not domain data.
_LIGHT_VERBS = frozenset(
    {"hold", "have", "conduct", "make", "continue", "resume", "start", "begin", "launch", "pay",
     "give", "issue", "release", "host", "attend", "join", "publish", "send", "submit", "deliver", "hand", "open"}
)
# Verbs of a contact's course: their subject is the one who visits or talks ("wrapped up a state visit").
_ASPECTUAL = frozenset({"wrap", "end", "conclude", "complete", "finish", "cut", "round", "cap", "kick", "embark"})
# Light verbs that open a contact not yet held: "ask X to open talks" is a request for a new contact.
_OPENING = frozenset({"open", "hold", "start", "begin", "launch", "resume", "convene", "have"})
# Nouns for people that "the two ..." can refer to whatever their office ("the two men").
_PEOPLE = frozenset({"man", "woman", "leader", "official", "minister", "diplomat", "envoy", "president",
                     "counterpart", "politician", "statesman", "premier"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_MODAL = frozenset({"should", "would", "could", "may", "might", "must", "ca", "can"})
_CONDITIONAL = frozenset({"if", "unless"})
_NEGATIVE = frozenset({"not", "n't", "never", "no"})
_PROSPECTIVE = frozenset({"upcoming", "forthcoming", "future", "next", "planned", "proposed", "scheduled", "expected",
                          "due", "set", "slated", "poised"})
_DEMONSTRATIVE = frozenset({"this", "that", "these", "those", "same"})
_DEFINITE = frozenset({"the"})
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_EARLIER = frozenset({"earlier", "previously", "previous", "prior", "before"})
_HABITUAL = frozenset({"always", "ever", "never", "long", "repeatedly", "often", "since", "traditionally"})
_SIMULTANEOUS = frozenset({"when", "as", "while"})
_BOUNDARY = frozenset({"since", "until", "till", "before", "after", "by", "from", "over", "for", "through",
                       "throughout", "within"})
_TEMPORAL = frozenset({"when", "as", "while", "once", "after", "before", "until"})
_LOCATIVE = frozenset({"in", "at", "on", "near", "outside", "inside"})
_MEETING_PLACE = frozenset({"in", "during", "at", "over", "on", "by", "via", "through"})
_INSTRUMENT = frozenset({"by", "over", "via"})
_ADJUNCT = frozenset({"in", "during", "at", "after", "for"})
_SOURCE_PREPS = frozenset({"by", "from"})
_TARGET_PREPS = ("with", "to", "toward", "towards", "against", "on")
_NOUN_TARGET_PREPS = ("with", "to", "toward", "towards", "against", "on", "of", "for")
_PARTICIPANT_PREPS = frozenset({"between", "among", "amongst"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "acl", "relcl"})
_ACT_ROOTS = frozenset({"02", "03", "10", "12"})  # appeals, intents, demands, refusals: they govern an event
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_STATES = frozenset({"country", "nation", "state", "side", "government", "capital", "neighbour", "neighbor"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_QUOTE_MARK = re.compile("[“”\"]")


def _overtaken(g: Token) -> bool:
    """'had been due / scheduled / expected to': a plan the text reports as overtaken, not kept."""
    if g.lower_ not in _PROSPECTIVE:
        return False
    v = g.head if g.dep_ in ("acomp", "amod") else g
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lower_ == "had" for c in aux) and (v.lemma_ == "be" or any(c.lemma_ == "be" for c in aux))


def _slot(n: Token) -> tuple[str, Token]:
    """The dependency and head of a phrase: those of its first conjunct, and of the measure
    it counts ("12 hours of talks", "a round of talks")."""
    while n.head != n:
        if n.dep_ == "conj":
            n = n.head
        elif n.dep_ == "pobj" and n.head.lower_ == "of" and _is_light_object(n.head.head):
            n = n.head.head
        else:
            break
    return n.dep_, n.head


def _is_light_object(t: Token) -> bool:
    """The object of a light verb: "hours" in "held 12 hours of talks"."""
    return t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubjpass", "attr") and t.head.lemma_.lower() in _LIGHT_VERBS


def _agents(v: Token) -> list[Token]:
    out = []
    for child in v.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _objects(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in ("dobj", "dative", "oprd")]


def _patients(v: Token) -> list[Token]:
    if v.dep_ == "acl" and v.tag_ == "VBN":
        return [v.head]
    return [c for c in v.children if c.dep_ == "nsubjpass"]


# --------------------------------------------------------------------------- events


@dataclass
class _Ev:
    tok: Token  # the trigger's syntactic head
    first: int  # token span of the trigger
    last: int
    item: _Item
    code: str
    anchor: Token  # the clause the trigger's arguments, modality and date come from
    sid: int
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    channel: str = ""
    location: str = ""
    location_actors: list[str] = field(default_factory=list)
    modality: str = "asserted"
    date: tuple[dt.date, dt.date] | None = None
    basis: str = "undated"
    ordinal: int = 0
    suppressed: bool = False
    anaphora: str = ""  # "demonstrative" | "definite" | ""
    chain: int = -1
    own_timex: str = ""
    own_source: bool = False  # the noun names its own source ("X's visit", "a visit by X")

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys([*self.sources, *self.targets]))

    @property
    def contact(self) -> bool:
        return self.channel in CONTACT_CHANNELS or (self.code in UNNAMED_CHANNEL and self.channel == "")


class _Extractor:
    """One pass over a parsed article: triggers, their arguments, modality, dates, anaphora."""

    def __init__(self, doc, mentions, actors, timexes, published, found_quotes=None):
        self.doc = doc
        self.table = _table()
        self.timexes = [t for t in timexes if t.type == "DATE" and t.date_start and t.date_end]
        self.published = published
        if found_quotes is None:
            found_quotes = quotes(doc, mentions=mentions)
        self.res = _Resolver(doc, mentions, actors, found_quotes)
        self.sents = list(doc.sents)
        self.sent_of = {t: i for i, sent in enumerate(self.sents) for t in range(sent.start, sent.end)}
        self._cue_keys = self.table.planned | self.table.requested | self.table.refused
        self._cues: dict[int, set[str]] = {}
        self._complement_cache: dict[int, list[Token]] = {}
        # Each token's children's indices, read off the heads once: Token.children scans the
        # token's whole span each time it is asked.
        self.heads = [i + offset for i, offset in enumerate(doc.to_array([HEAD]).astype("int64").tolist())]
        self.children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self.phone_cues = {i.cue: i for i in self.table.refinements.get("04", ())
                           if i.cue and (i.channel or self.table.codes[i.code].channel) == "phone"}

    # ---- trigger matching

    def _pos_ok(self, tok: Token, item: _Item) -> bool:
        if item.second:
            return tok.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")
        if tok.pos_ == "VERB":
            return item.pos != "n" and tok.dep_ not in ("amod", "compound", "nmod")
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ == "pobj" and tok.head.lower_ in _INSTRUMENT:
                return False  # "by phone": a channel, not an event
            return item.pos != "v" and tok.dep_ not in ("compound", "amod", "nmod")
        if tok.pos_ == "ADJ":
            return item.pos == "" and tok.dep_ in ("acomp", "ROOT", "conj", "xcomp", "ccomp")
        return False

    def _second(self, tok: Token, word: str) -> Token | None:
        for child in tok.children:
            if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ == word:
                return child
        if tok.i + 1 < len(self.doc):
            nxt = self.doc[tok.i + 1]
            if nxt.lower_ == word or nxt.lemma_.lower() == word:
                return nxt
        return None

    def _object_tokens(self, tok: Token) -> list[Token]:
        out = [*_objects(tok), *_patients(tok)]
        out += _prep_objects(tok, ("of", "to", "on"))
        for o in list(out):
            out.extend(c for c in o.children if c.dep_ == "appos")
        return out

    def _obj_ok(self, tok: Token, word: str, prep: Token | None = None) -> bool:
        if prep is not None and prep.dep_ in ("prep", "dative"):  # "call on X": X is the object
            objects = [c for c in prep.children if c.dep_ == "pobj"]
        else:
            objects = self._object_tokens(tok)
        for o in objects:
            if word == "actor":
                if self.res.refs(o, strict=True):
                    return True
                continue
            if o.lemma_.lower() == word or o.lower_ == word:
                return True
            if any(word in self.res.titles(a) for a in self.res.refs(o)):
                return True
        return False

    def _complements(self, tok: Token) -> list[Token]:
        if tok.i in self._complement_cache:  # asked per refinement item, and again for arguments
            return self._complement_cache[tok.i]
        out = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj", "pcomp")]
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to", "on", "of"):
                out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
        for c in list(out):
            if c.lemma_.lower() in _LIGHT_VERBS or c.lemma_.lower() in self.table.planned:
                out.extend(o for o in c.children if o.dep_ in ("dobj", "xcomp"))
        self._complement_cache[tok.i] = out
        return out

    def _comp_ok(self, tok: Token, comp: str, codes: dict[int, str]) -> bool:
        for c in self._complements(tok):
            if comp.isdigit():
                if codes.get(c.i, "").startswith(comp):
                    return True
            elif c.lemma_.lower() == comp:
                return True
        return False

    def _items(self, lemma: str, word: str) -> tuple[_Item, ...]:
        """The table's items for a token's lemma (lower case) or its form, the most specific first."""
        items = self.table.by_lemma.get(lemma, ())
        if word != lemma and word in self.table.by_lemma:
            items = tuple(sorted((*items, *self.table.by_lemma[word]), key=lambda i: (-i.rank, i.order)))
        return items

    def _match(self, tok: Token, codes: dict[int, str] | None,
               items: tuple[_Item, ...]) -> tuple[_Item, int, int] | None:
        for item in items:
            if item.comp and codes is None:
                continue
            if not self._pos_ok(tok, item):
                continue
            first = last = tok.i
            other = None
            if item.second:
                other = self._second(tok, item.second)
                if other is None:
                    continue
                if abs(other.i - tok.i) == 1:
                    first, last = min(first, other.i), max(last, other.i)
            if item.obj and not self._obj_ok(tok, item.obj, other):
                continue
            if item.comp and not self._comp_ok(tok, item.comp, codes):
                continue
            if item.cue and item.cue not in self._cue_words(tok):
                continue
            return item, first, last
        return None

    def _refine(self, tok: Token, code: str, codes: dict[int, str]) -> tuple[str, _Item | None]:
        """The more specific code of the same root that a complement or a modifier calls for."""
        for item in self.table.refinements.get(code[:2], ()):
            if item.comp and self._comp_ok(tok, item.comp, codes):
                return item.code, item
        cues = self._cue_words(tok)
        for item in self.table.refinements.get(code[:2], ()):
            if item.cue and item.cue in cues:
                return item.code, item
        return code, None

    def _cue_words(self, tok: Token) -> set[str]:
        if tok.i in self._cues:  # asked per item of the token's lemma, and again to refine its code
            return self._cues[tok.i]
        words = self._cues[tok.i] = set()
        heads = [tok]
        if tok.head != tok and (tok.head.lemma_.lower() in _LIGHT_VERBS or tok.dep_ == "pobj"):
            heads.append(tok.head.head if tok.dep_ == "pobj" else tok.head)
        for h in heads:
            for child in h.children:
                if child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                    words.add(child.lemma_.lower())
                if child.dep_ in ("prep", "agent") and child.lower_ in _MEETING_PLACE:
                    for o in child.children:
                        if o.dep_ == "pobj":
                            words.add(o.lemma_.lower())
                            words.update(c.lemma_.lower() for c in o.children if c.dep_ == "compound")
        return words

    def _by_phone(self, tok: Token) -> _Item | None:
        """A verb done 'by telephone' or 'over the phone' ("agreed by telephone on a plan") is a
        phone call, whatever it would code otherwise: the 041 row's phone cues, after "by"/"over"."""
        if tok.pos_ != "VERB":
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # the parse may hang it on the object
        for o in (o for h in heads for o in _prep_objects(h, _INSTRUMENT)):
            item = self.phone_cues.get(o.lemma_.lower())
            if item is not None:
                return item
        return None

    def triggers(self) -> list[_Ev]:
        doc = self.doc
        # Only a token the table lists can match, and only a verb with "by"/"over"/"via" on it or
        # on its object be done "by phone" (see _by_phone): both passes look at those alone, found
        # on the doc's arrays rather than on a Token made of every word.
        strings, verb = doc.vocab.strings, POS_IDS["VERB"]
        rows = doc.to_array([LEMMA, LOWER, POS, DEP]).tolist()
        instruments = {get_string_id(w) for w in _INSTRUMENT}
        links = {get_string_id(d) for d in ("prep", "agent", "dative")}
        dobj, phoned = get_string_id("dobj"), set()
        for i, (_, lower, _, dep) in enumerate(rows):
            head = self.heads[i]
            if lower in instruments and dep in links and head != i:
                phoned.add(head)
                if rows[head][3] == dobj and self.heads[head] != head:
                    phoned.add(self.heads[head])
        listed: dict[tuple[int, int], tuple[_Item, ...]] = {}  # (lemma, lower) ids -> items
        candidates = []
        for i, (lemma, lower, pos, _) in enumerate(rows):
            if (lemma, lower) not in listed:
                listed[lemma, lower] = self._items(strings[lemma].lower(), strings[lower])
            if listed[lemma, lower] or (pos == verb and i in phoned):
                candidates.append((doc[i], listed[lemma, lower]))
        first_pass, matched = {}, {}
        for tok, items in candidates:
            m = matched[tok.i] = self._match(tok, None, items)
            if m:
                first_pass[tok.i] = m[0].code
        out = []
        codes = dict(first_pass)
        for tok, items in candidates:
            # the first pass's codes change the match only of an item that needs a complement
            m = self._match(tok, first_pass, items) if any(i.comp for i in items) else matched[tok.i]
            phone = self._by_phone(tok)
            if not m and phone is None:
                continue
            if m:
                item, first, last = m
                code, refined = self._refine(tok, item.code, first_pass)
            else:
                first = last = tok.i
            if phone is not None and (not m or code[:2] != "04" or code == CONSULT):  # "agreed by telephone"
                item = refined = phone
                code = phone.code
            codes[tok.i] = code
            head = tok
            if item.second and last != first:
                pair = doc[first : last + 1]
                head = pair.root
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i in (first, head.i) \
                    and head.pos_ in ("NOUN", "PROPN"):
                first -= 1
            if out and out[-1].first <= tok.i <= out[-1].last:
                continue  # "protest note": the phrase already took "note"
            ev = _Ev(tok=head, first=first, last=last, item=item, code=code, anchor=head, sid=self.sent_of[head.i])
            if refined is not None and refined.cue:
                ev.channel = refined.channel if refined.channel is not None else self.table.codes[code].channel
            out.append(ev)
        self.codes = codes
        return out

    # ---- clause structure

    def attach(self, events: list[_Ev]) -> list[_Ev]:
        """Light verbs and consultation verbs hand their clause to the event noun they govern."""
        by_tok = {e.tok.i: e for e in events}
        drop = set()
        for e in events:
            n = e.tok
            if n.pos_ not in ("NOUN", "PROPN"):
                continue
            dep, head = _slot(n)
            if dep == "dobj" and head.i in by_tok and by_tok[head.i].code == e.code:
                drop.add(n.i)  # "imposed sanctions": one event, the verb's
                continue
            if self._venue(n, by_tok):
                drop.add(n.i)  # "on the sidelines of the summit": a place, not another meeting
                continue
            aspectual = e.root == "04" and head.lemma_.lower() in _ASPECTUAL  # "wrapped up a visit"
            if dep in ("dobj", "nsubjpass", "attr") and (head.lemma_.lower() in _LIGHT_VERBS | {"be"} or aspectual):
                e.anchor = head
                if head.i in by_tok and head.i != n.i:
                    light = by_tok[head.i]
                    if light.root == e.root and light.code != e.code and e.code == CONSULT:
                        e.code = light.code
                    drop.add(head.i)
                elif e.root == "04":
                    for item in self.table.by_lemma.get(head.lemma_.lower(), ()):
                        if item.code[:2] == "04" and not item.comp:
                            if e.code == CONSULT:
                                e.code = item.code
                            break
            elif dep == "pobj" and head.lower_ in _MEETING_PLACE | {"for"} and head.head.i in by_tok:
                verb = by_tok[head.head.i]
                if verb.root == "04" and e.root in ("04", "11") and verb.tok.pos_ == "VERB":
                    e.anchor = verb.tok
                    if e.code == CONSULT and verb.code != CONSULT:
                        e.code = verb.code
                    drop.add(verb.tok.i)
        nouns = {e.anchor.i for e in events if e.root == "04" and e.tok.i not in drop}
        nouns |= {e.tok.i for e in events if e.root == "04" and e.tok.pos_ in ("NOUN", "PROPN")}
        for e in events:
            if e.root == "04" and e.tok.pos_ == "VERB" and e.tok.dep_ in ("acl", "advcl", "relcl") \
                    and e.tok.head.i in nouns:
                drop.add(e.tok.i)  # "held a conversation to discuss ...": one consultation
        return [e for e in events if e.tok.i not in drop]

    def _empty_act(self, e: _Ev) -> bool:
        """'welcomed the decision': a decision, plan or request of nobody, about nothing, is no event."""
        if e.root not in _ACT_ROOTS or e.tok.pos_ not in ("NOUN", "PROPN") or e.sources:
            return False
        return not any(c.i in self.by_tok or c.i in self.by_anchor for c in self._complements(e.tok)) and \
            not any(c.dep_ == "acl" for c in e.tok.children)

    def _venue(self, n: Token, by_tok: dict[int, _Ev]) -> bool:
        if n.lemma_.lower() not in self.table.venues:
            return False
        t = n
        for _ in range(4):
            if t.head == t:
                return False
            if t.dep_ == "prep" and t.lower_ in _LOCATIVE and t.head.i in by_tok and t.head.i != n.i:
                return True
            t = t.head
        return False

    # ---- arguments

    def arguments(self, e: _Ev) -> None:
        res = self.res
        n, a = e.tok, e.anchor
        sources: list[Token] = []
        targets: list[Token] = []
        between: list[Token] = []
        if n.pos_ in ("NOUN", "PROPN"):
            sources += [c for c in n.children if c.dep_ == "poss"]
            sources += _prep_objects(n, _SOURCE_PREPS)
            if n.dep_ == "dobj" and not _is_passive(n.head):  # "to prepare a visit to X by Y": Y's visit
                sources += [o for o in _prep_objects(n.head, ("by",)) if o.i > n.i]
            between += _prep_objects(n, _PARTICIPANT_PREPS)
            targets += _prep_objects(n, _NOUN_TARGET_PREPS)
            own = [x for t in sources for x in res.refs(t)]
            e.own_source = bool(own)
            if a != n and a.lemma_.lower() != "be":
                if not own:
                    sources += _agents(a) if _is_passive(a) else _subjects(a)
                targets += [o for o in _objects(a) if o != n]
                targets += _prep_objects(a, _TARGET_PREPS)
            dep, head = _slot(n)
            if a == n and e.root == "04" and not own and dep == "pobj" and head.lower_ in _ADJUNCT \
                    and head.head.pos_ in ("VERB", "AUX"):
                sources += _subjects(head.head)  # "In this conversation, X said": X took part
            if n.dep_ == "pobj" and n.head.lower_ == "for" and n.head.head.pos_ == "VERB":
                sources += _objects(n.head.head)  # praised X for the release -> X released
            for child in n.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":  # a statement issued by X
                    sources += [o for t in child.subtree if t.lower_ == "by" for o in t.children if o.dep_ == "pobj"]
        else:
            if _is_passive(a):
                sources += _agents(a)
                targets += _patients(a)
            else:
                sources += _subjects(a)
                targets += _objects(a)
            targets += _prep_objects(a, _TARGET_PREPS)
            for o in _objects(a):
                targets += _prep_objects(o, ("on", "with", "to", "against") if e.root == "01" else
                                         ("on", "with", "to", "against", "of"))
                if e.root in ("16", "17"):  # "recalled its ambassador from Rabat"
                    targets += _prep_objects(o, ("from",))
            if e.root in ("16", "17"):
                targets += _prep_objects(a, ("from",))
        src = [x for t in sources for x in res.refs(t)]
        tgt = [x for t in targets for x in res.refs(t)]
        if any(t.pos_ == "NOUN" and res.delegates(t) for t in sources):
            e.own_source = True  # "officials from the two countries" are not the people who proposed it
        btw = [x for t in between for x in res.refs(t)]
        if btw:
            if not src:
                src, btw = btw[:1], btw[1:]
            tgt = btw + tgt
        if e.root == "11":  # reporting X's abuse accuses X
            for c in self._complements(n):
                inner = self.by_tok.get(c.i)
                if inner is not None and inner is not e:
                    self.arguments(inner)
                    tgt = list(inner.sources) or tgt
        if not tgt and e.root in _ACT_ROOTS:  # "plans to sign a deal with X"
            for c in self._complements(n):
                inner = self.by_tok.get(c.i) or self.by_anchor.get(c.i)
                if inner is not None and inner is not e:
                    self.arguments(inner)
                    tgt = [x for x in inner.participants if x not in src]
        if not src and e.channel == "summons":
            src = [x for t in _prep_objects(a, ("to",)) for x in res.refs(t) if res.kind(x) != "person"]
            tgt = [x for x in tgt if x not in src]
        if not tgt:
            tgt = self._reached(n, a)
        src = list(dict.fromkeys(x for x in src if x))
        tgt = [x for x in dict.fromkeys(tgt) if x and x not in src]
        if (e.contact or e.root == "19") and len(src) > 1 and not tgt:  # "A and B held talks"
            src, tgt = src[:1], src[1:]
        e.sources, e.targets = src, tgt

    def _reached(self, n: Token, anchor: Token | None = None) -> list[str]:
        """An actor reached through 'to'/'with'/'against' deeper in the trigger's clause."""
        top = anchor if anchor is not None and anchor.lemma_.lower() in _LIGHT_VERBS else n
        for t in self._outside_triggers(top, n):
            if t.dep_ == "prep" and t.lower_ in ("to", "with", "against", "toward", "towards") and t.head != n \
                    and t.head.lemma_ != "accord":
                for o in t.children:
                    if o.dep_ == "pobj":
                        found = self.res.refs(o)
                        if found:
                            return found
        return []

    def _outside_triggers(self, top: Token, n: Token):
        """``top.subtree`` in its order, less the subtrees of triggers other than ``n``: one walk
        that skips what is under another trigger, not a walk to find it and another to read."""
        stack = [(top.i, False)]  # (token index, its own children already stacked)
        while stack:
            i, expanded = stack.pop()
            if expanded:
                yield self.doc[i]
                continue
            if i in self.by_tok and i != n.i:
                continue
            children = self.children[i]
            stack.extend((c, False) for c in reversed(children) if c > i)
            stack.append((i, True))
            stack.extend((c, False) for c in reversed(children) if c < i)

    # ---- place, channel, modality, ordinal

    def place(self, e: _Ev) -> None:
        parts: list[tuple[int, str]] = []
        actors: list[str] = []
        heads = [e.tok, e.anchor]
        for h in (e.tok, e.anchor):  # "met X in Paris" where the parse hangs "in Paris" on X
            heads += [o for o in (*_objects(h), *_prep_objects(h, ("with",))) if o.pos_ in ("PROPN", "NOUN")]
        for h in dict.fromkeys(heads):
            argument = h != e.tok and h != e.anchor
            for prep in h.children:
                if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE or argument and prep.lower_ == "on":
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
                    nested = [sub for sub in o.subtree if sub.dep_ == "prep" and sub.lower_ in _LOCATIVE]
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

    def relocate(self, e: _Ev) -> None:
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

    def channel(self, e: _Ev) -> None:
        if e.channel:
            return
        if e.item.channel is not None:
            e.channel = e.item.channel
        else:
            e.channel = self.table.codes[e.code].channel
        heads = [e.tok, e.anchor, *_objects(e.anchor)]
        for h in heads:
            for o in _prep_objects(h, ("on", "via", "in")):
                if o.lower_ in self.res.platforms:
                    e.channel = "social_media"
                    return

    def _governor(self, t: Token) -> Token | None:
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
            if t.pos_ in ("VERB", "NOUN", "ADJ") and t.lemma_.lower() not in _LIGHT_VERBS:
                if prep is not None and prep.head == t and dep == "prep" and \
                        f"{t.lemma_.lower()} {prep.lower_}" not in self._cue_keys:
                    return None  # "In their first call, they agreed": an adjunct, not what was agreed
                return t
        return None

    def _keys(self, t: Token) -> set[str]:
        keys = {t.lemma_.lower(), t.lower_}
        keys.update(f"{t.lemma_.lower()} {c.lower_}" for c in t.children if c.dep_ in ("prep", "prt"))
        return keys

    def modality(self, e: _Ev) -> None:
        heads = list(dict.fromkeys((e.anchor, e.tok)))
        dep, head = _slot(e.tok)
        if e.anchor == e.tok and dep in ("nsubj", "nsubjpass") and head.i not in self.by_tok:
            heads.append(head)  # "a visit could follow", "talks will take place"
        for h in heads:
            for c in h.children:
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in _NEGATIVE):
                    e.modality = "negated"
                    return
        governor = self._governor(e.anchor)
        if governor is not None and (self._keys(governor) & self.table.refused or _overtaken(governor)):
            e.modality = "negated"  # "a planned meeting was called off", "they had been due to meet"
            return
        deferred = False
        for h in heads:
            if deferred:
                break
            for c in h.children:
                if c.dep_ == "aux" and c.lower_ in _MODAL:
                    governor = self._governor(e.anchor)
                    keys = self._keys(governor) if governor is not None else set()
                    if c.lower_ == "would" and keys & self._cue_keys:
                        deferred = True  # "agreed that their deputies would meet": as the governing verb says
                        break
                    if c.lower_ == "would" and keys & self.table.speech:
                        e.modality = "planned"
                    else:
                        e.modality = "hypothetical"
                    return
                if c.dep_ == "mark" and c.lower_ in _CONDITIONAL:
                    e.modality = "hypothetical"
                    return
                if c.dep_ == "aux" and c.lower_ in _FUTURE:
                    e.modality = "planned"
                    return
                if c.dep_ == "amod" and (c.lower_ in _PROSPECTIVE or c.lemma_.lower() in self.table.planned):
                    e.modality = "planned"
                    return
        if not deferred and e.anchor.dep_ == "xcomp" and e.anchor.head.lemma_ == "be":
            e.modality = "planned"  # "is to visit"
            return
        temporal = e.anchor.dep_ == "advcl" and e.anchor.tag_ not in ("VBD", "VBN") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL for c in e.anchor.children
        )  # "will be raised when she meets him", not "will restore supplies after they agreed"
        if temporal or e.anchor.dep_ == "pcomp" and e.anchor.head.lower_ in _TEMPORAL:
            clause = e.anchor.head if temporal else e.anchor.head.head  # "would answer after consulting X"
            main = [c.lower_ for c in clause.children if c.dep_ == "aux"]
            if any(w in _FUTURE or w == "would" for w in main):
                e.modality = "planned"  # "will be raised when she meets him"
                return
        governor = self._governor(e.anchor)
        if governor is None:
            return
        keys = self._keys(governor)
        if keys & self.table.refused or any(c.dep_ == "neg" for c in governor.children):
            e.modality = "negated"
        elif keys & self.table.requested:
            e.modality = "requested"
        elif keys & self.table.planned or keys & _PROSPECTIVE:
            e.modality = "planned"
        elif any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in governor.children):
            e.modality = "planned"

    def opening(self, e: _Ev) -> None:
        """'asked Brazil to open talks': talks not yet held, that someone plans, asks for or refuses,
        are a contact of their own (channel meeting, unless named), between the asker and the asked."""
        if e.code not in UNNAMED_CHANNEL or e.channel or e.modality == "asserted" or e.anchor == e.tok \
                or e.anchor.lemma_.lower() not in _OPENING:
            return
        e.channel = "meeting"
        governor = self._governor(e.anchor)
        if governor is None or not self._keys(governor) & (self.table.requested | self.table.planned):
            return
        askers = [x for s in _subjects(governor) for x in self.res.refs(s)]
        if askers and not set(askers) & set(e.participants):
            e.sources, e.targets = askers, [x for x in e.participants if x not in askers]

    def ordinal(self, e: _Ev) -> None:
        if e.tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ == "first" for c in e.tok.children):
            e.ordinal = 1  # "they had first discussed it by phone": the first of a series
            return
        for c in e.tok.lefts:
            if c.dep_ in ("amod", "nummod") and (c.ent_type_ == "ORDINAL" or c.lower_ in _ORDINALS):
                word = c.lower_
                if word in _ORDINALS:
                    e.ordinal = _ORDINALS.index(word) + 1
                elif word[:-2].isdigit():
                    e.ordinal = int(word[:-2])

    def anaphoric(self, e: _Ev) -> None:
        if e.tok.pos_ not in ("NOUN", "PROPN") or e.ordinal:
            return
        dets = {c.lower_ for c in e.tok.lefts if c.dep_ in ("det", "poss")}
        if dets & _DEMONSTRATIVE:
            e.anaphora = "demonstrative"
        elif dets & _DEFINITE or any(c.dep_ == "poss" for c in e.tok.lefts):
            e.anaphora = "definite"

    # ---- dates

    def dates(self, events: list[_Ev]) -> None:
        by_anchor = {}
        for e in events:
            by_anchor.setdefault(e.tok.i, e)
        for e in events:
            by_anchor.setdefault(e.anchor.i, e)
        own: dict[int, list[Timex]] = defaultdict(list)
        clause: dict[int, list[Timex]] = defaultdict(list)
        for tx in self.timexes:
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None:
                continue
            t = span.root
            if t.head.dep_ in ("prep", "mark") and t.head.lower_ in _BOUNDARY:
                continue  # "since October", "until June", "after Tuesday's talks": a bound, not the date
            for _ in range(8):
                if t.head == t:
                    clause[t.i].append(tx)
                    break
                t = t.head
                if t.i in by_anchor:
                    own[id(by_anchor[t.i])].append(tx)
                    break
                if t.pos_ in ("VERB", "AUX"):
                    clause[t.i].append(tx)
                    break
        for e in events:
            found = own.get(id(e)) or clause.get(e.anchor.i)
            if not found and e.anchor.dep_ == "advcl" and any(
                c.lower_ in _SIMULTANEOUS for c in e.anchor.children if c.dep_ in ("mark", "advmod")
            ):
                head = e.anchor.head
                found = clause.get(head.i) or (own.get(id(by_anchor[head.i])) if head.i in by_anchor else None)
            if found:
                tx = min(found, key=lambda x: (x.date_end - x.date_start, x.start))
                e.date, e.basis, e.own_timex = (tx.date_start, tx.date_end), "explicit", tx.text

    def reported(self, events: list[_Ev]) -> None:
        """An undated event reported by a dated statement took place by then: inferred."""
        speech = {}
        for e in events:
            if e.code == STATEMENT:
                speech[e.tok.i] = e
                speech.setdefault(e.anchor.i, e)
        for e in events:
            if e.date or e.code == STATEMENT:
                continue
            t = e.anchor
            for _ in range(5):
                if t.head == t or t.dep_ not in _CLAUSAL | {"conj"}:
                    break
                t = t.head
                s = speech.get(t.i)
                if s is not None and s.date:
                    e.date, e.basis = s.date, "inferred"
                    break

    def suppress(self, events: list[_Ev]) -> None:
        """Speech verbs that only attribute another event, and 'according to' cues, are not events."""
        for e in events:
            n = e.tok
            if e.code == STATEMENT and n.dep_ == "pobj" and n.head.lower_ == "to" and n.head.head.lemma_ == "accord":
                e.suppressed = True
        live = [e for e in events if not e.suppressed]
        event_toks = {e.tok.i for e in live} | {e.anchor.i for e in live if e.anchor != e.tok}
        for e in live:
            if e.code != STATEMENT:
                continue
            n = e.tok
            if n.dep_ == "advcl" and n.head.i in event_toks and self.codes.get(n.head.i) == STATEMENT:
                e.suppressed = True
                continue
            for child in n.children:
                if child.dep_ in ("ccomp", "xcomp", "acl", "relcl") or (
                    child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children)
                ):
                    if any(t.i in event_toks for t in child.subtree if t.i != n.i):
                        e.suppressed = True
                        break

    # ---- anaphora across events

    @staticmethod
    def _dates_fit(a: _Ev, b: _Ev) -> bool:
        return not (a.date and b.date and (a.date[1] < b.date[0] or b.date[1] < a.date[0]))

    def _compatible(self, a: _Ev, b: _Ev) -> bool:
        if a.modality != b.modality:
            return False
        if a.channel and b.channel and a.channel != b.channel:
            both = {a.channel, b.channel}
            if not both <= FACE_TO_FACE and both != {"note", "summons"}:
                return False
        if not self._dates_fit(a, b):
            return False
        if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
            return False
        return _parties_fit(a.participants, b.participants, self.res)

    def resolve(self, events: list[_Ev]) -> None:
        """Link 'this conversation', 'the meeting', 'the second call' to the contact they refer to."""
        seen: list[_Ev] = []
        sizes: dict[int, int] = defaultdict(int)
        for e in events:
            if not e.contact or e.suppressed:
                continue
            candidates = [p for p in seen if p.modality == "asserted" and self._compatible(e, p)]
            if e.channel in FACE_TO_FACE | {"note"} and e.anaphora:
                candidates = [p for p in candidates if p.channel in FACE_TO_FACE | {"note"}]
            if e.channel and any(p.channel == e.channel and p.participants for p in candidates):
                candidates = [p for p in candidates if p.channel == e.channel]  # "the call": a call
            ante = None
            if e.ordinal:
                same = [p for p in candidates if p.ordinal == e.ordinal]
                ante = same[-1] if same else None
            elif e.anaphora == "demonstrative" and not e.participants and self._enacted(e, events):
                pass  # "due to sign a protocol with X on the 31st; that meeting was called off"
            elif e.anaphora == "demonstrative" and candidates:
                ante = candidates[-1]
            elif e.anaphora == "definite" and candidates:
                ante = max(candidates, key=lambda p: (sizes[p.chain], seen.index(p)))
            elif e.anaphora and seen and seen[-1].sid >= e.sid - 1 and seen[-1].modality == e.modality == "asserted":
                near = seen[-1]  # "The meeting ... was hosted by X": the one just mentioned, X joins it
                if (not e.channel or not near.channel or e.channel == near.channel
                        or {e.channel, near.channel} <= FACE_TO_FACE) and self._dates_fit(e, near):
                    ante = near
                    e.targets += [x for x in near.participants if x not in e.participants]
            if ante is None:
                e.chain = len(seen)
            else:
                e.chain = ante.chain
                self._inherit(e, ante)
            sizes[e.chain] += 1
            seen.append(e)
        for e in events:  # "the release of the drivers": the release mentioned before
            if e.contact or e.anaphora != "definite" or e.sources and e.targets:
                continue
            lemma = e.tok.lemma_.lower()
            for p in reversed(events):
                if p.tok.i >= e.tok.i or p.code != e.code or p.tok.lemma_.lower() != lemma:
                    continue
                if _parties_fit(e.participants, p.participants, self.res) and (p.sources or p.targets):
                    e.sources = e.sources or [x for x in p.sources if x not in e.targets]
                    e.targets = e.targets or [x for x in p.targets if x not in e.sources]
                    if e.date is None and p.date is not None:
                        e.date, e.basis = p.date, "inferred"
                    break

    def _enacted(self, e: _Ev, events: list[_Ev]) -> bool:
        """'that meeting' after a joint act earlier in its sentence and no contact close by: the
        meeting that act was (to be) done at. It takes the act's parties and date."""
        if any(p.contact and p.participants and e.sid - 1 <= p.sid and p.tok.i < e.tok.i for p in events):
            return False
        acts = [p for p in events if p.sid == e.sid and p.tok.i < e.tok.i and not p.contact
                and p.sources and p.targets and p.root in ("03", "05", "06", "07", "08")]
        if not acts:
            return False
        act = acts[-1]
        e.sources, e.targets = list(act.sources), list(act.targets)
        if e.date is None and act.date is not None:
            e.date, e.basis = act.date, "inferred"
        return True

    def _inherit(self, e: _Ev, ante: _Ev) -> None:
        if e.code == CONSULT or ante.channel == "summons" and e.channel in ("", "meeting"):
            e.code = ante.code
        if e.channel == "" or e.channel == "meeting" and ante.channel in FACE_TO_FACE:
            e.channel = ante.channel or e.channel
        mine = set(e.participants)
        theirs = set(ante.participants)
        states = {self.res.country(x) for x in ante.participants}
        if not mine or mine <= theirs or all(self.res.kind(x) == "country" and self.res.country(x) in states
                                             for x in mine):
            e.sources, e.targets = list(ante.sources), list(ante.targets)  # who is who, as first said
            if e.channel == ante.channel:
                e.code = ante.code  # "the visit" after "X welcomed Y": the same hosted visit
        elif not e.targets:
            e.targets = [x for x in ante.participants if x not in e.sources]
        if e.date is None and ante.date is not None:
            e.date, e.basis = ante.date, "inferred"
        e.ordinal = e.ordinal or ante.ordinal
        e.location = e.location or ante.location

    def context(self, events: list[_Ev]) -> None:
        """'In this conversation, the two sides agreed': the parties of the contact around a clause."""
        by_tok = {e.tok.i: e for e in events}
        for e in events:
            if e.suppressed or any(self.res.kind(x) != "country" for x in e.sources):
                continue
            host = None
            for prep in e.anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at", "after"):
                    continue
                for o in prep.children:
                    for t in (o, *_prep_objects(o, ("of",))):
                        if t.i in by_tok and by_tok[t.i].contact and by_tok[t.i] is not e:
                            host = by_tok[t.i]
            if host is None and not e.own_source:  # "agreed to continue consultations": the parties that agreed
                governor = self._governor(e.anchor)
                host = by_tok.get(governor.i) if governor is not None else None
                if host is not None and host.root not in _ACT_ROOTS:
                    host = None
            if host is not None and host.participants:
                parts = host.participants
                states = {self.res.country(x) for x in parts}
                if e.sources and not {self.res.country(x) for x in e.sources} <= states:
                    continue
                e.sources = parts[:1]  # "the two sides", the people of that contact
                e.targets = [x for x in e.targets if self.res.kind(x) != "country"] or \
                    [x for x in parts[1:] if x not in e.sources] or [x for x in e.targets if x not in e.sources]

    def earlier(self, events: list[_Ev]) -> None:
        """'Earlier this month, they had held a call' next to 'the second call': the first one."""
        contacts = [e for e in events if e.contact and not e.suppressed]
        for e in contacts:  # "in their first call" next to "the second call between A and B": A and B
            if e.ordinal and not e.participants:
                series = [o for o in contacts if o.ordinal and o.ordinal != e.ordinal and o.participants
                          and (not o.channel or not e.channel or o.channel == e.channel)]
                if series:
                    e.sources, e.targets = list(series[0].sources), list(series[0].targets)
        for e in contacts:
            if e.ordinal:
                continue
            words = {w.lower() for w in e.own_timex.split()[:1]}
            words.update(c.lower_ for c in e.anchor.children if c.dep_ == "advmod")
            if not words & _EARLIER:
                continue
            later = [o.ordinal for o in contacts if o.ordinal > 1 and o is not e
                     and (not o.channel or not e.channel or o.channel == e.channel)
                     and _parties_fit(o.participants, e.participants, self.res)]
            if later:
                e.ordinal = min(later) - 1

    def publication(self, e: _Ev) -> None:
        """Present perfect with no date of its own ('has sought'): the publication day."""
        if e.date or self.published is None or e.modality != "asserted":
            return
        a = e.anchor
        if a.tag_ != "VBN" or not any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have"
                                      for c in a.children):
            return
        if any(c.lower_ in _HABITUAL for c in a.children if c.dep_ in ("advmod", "prep", "npadvmod")):
            return
        e.date, e.basis = (self.published, self.published), "publication"

    def run(self) -> list[Event]:
        events = self.attach(self.triggers())
        self.by_tok = {e.tok.i: e for e in events}
        self.by_anchor = {e.anchor.i: e for e in events}
        for e in events:
            self.place(e)
            self.channel(e)
        for e in events:
            self.arguments(e)
            self.relocate(e)
            self.modality(e)
            self.ordinal(e)
        for e in events:
            self.opening(e)
        events = [e for e in events if not self._empty_act(e)]
        self.dates(events)
        for e in events:
            self.anaphoric(e)
        self.suppress(events)
        self.reported(events)
        self.earlier(events)
        self.resolve(events)
        self.context(events)
        out, text = [], self.doc.text  # Doc.text joins every token: read it once
        for e in events:
            if e.suppressed:
                continue
            self.publication(e)
            entry = self.table.codes[e.code]
            sent = self.sents[e.sid]  # its text is a slice of the doc's: cheaper than Span.text
            start, end = self.doc[e.first].idx, self.doc[e.last].idx + len(self.doc[e.last])
            out.append(Event(
                start=start, end=end, trigger=text[start:end], sentence_id=e.sid,
                cameo_code=e.code, event_label=entry.label, goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                source_id=e.sources[0] if e.sources else "",
                target_id=e.targets[0] if e.targets else "",
                date_start=e.date[0] if e.date else None, date_end=e.date[1] if e.date else None,
                date_basis=e.basis, modality=e.modality,
                channel=e.channel if e.channel in CONTACT_CHANNELS | {"statement", "social_media"} else "",
                location=e.location, text=text[sent.start_char : sent.end_char].strip(),
                participant_ids=tuple(e.participants), ordinal=e.ordinal,
            ))
        out.sort(key=lambda ev: (ev.start, ev.end))
        for i, ev in enumerate(out, 1):
            ev.event_id = f"e{i}"
        return out


def _parties_fit(a: list[str], b: list[str], res: _Resolver | None = None, countries=None) -> bool:
    """Two participant lists can be the same contact: people and countries nest, never conflict."""
    if not a or not b:
        return True
    country = (lambda x: res.country(x)) if res is not None else (lambda x: countries.get(x, ""))
    kind = (lambda x: res.kind(x)) if res is not None else (lambda x: "")
    people_a = {x for x in a if kind(x) == "person"}
    people_b = {x for x in b if kind(x) == "person"}
    if people_a and people_b and not (people_a <= people_b or people_b <= people_a):
        return False
    ca = {country(x) or x for x in a if country(x) or kind(x) != "person"}  # a person of no known state
    cb = {country(x) or x for x in b if country(x) or kind(x) != "person"}  # conflicts with none
    return ca <= cb or cb <= ca


def events(
    doc: Doc, *, mentions: list[Mention], actors: list[Actor], timexes: list[Timex], published: dt.date | None,
    quotes: list[Quote] | None = None,
) -> list[Event]:
    """Every CAMEO-coded event in the text, with source, target, modality, date, place, in text order.

    ``quotes`` are the article's quotations (``quotes(doc, ...)``), found here when not given.
    """
    return _Extractor(doc, mentions, actors, timexes, published, quotes).run()
