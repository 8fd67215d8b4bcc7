"""Triggers: the tokens the CAMEO table lists, matched against its grammar and coded.

Two passes: the first codes every trigger whose items need no complement; the second matches
the items that do (``>04``: an intent to hold talks) against the first pass's codes. Then
``attach`` lets light verbs and consultation verbs hand their clause to the event noun they govern.
"""
from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Token

from ...cameo import CONSULT, STATEMENT, TriggerItem, TriggerTable
from ...syntax import objects, patients, prep_objects
from .draft import EventDraft
from .grammar import (ASPECTUAL, INSTRUMENT, LIGHT_VERBS, LOCATIVE, MEETING_PLACE, PLANNING, SCOURGES, TOPIC_VERBS,
                      Grammar, participation, slot)


class Triggers:
    """Finds the triggers of one article: the words the CAMEO table lists, in their context."""

    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        self.doc = grammar.doc
        self.table = grammar.table
        self.res = grammar.res
        self.heads = grammar.heads
        self.sent_of = grammar.sent_of
        self._verbs: dict[int, bool] = {}  # sentence start -> has a verb
        self.phone_cues = {i.cue: i for i in self.table.refinements.get("04", ())
                           if i.cue and (i.channel or self.table.codes[i.code].channel) == "phone"}

    def find(self) -> tuple[list[EventDraft], dict[int, str]]:
        """The triggers in text order, and the code found at each trigger token (also of those a
        longer phrase took)."""
        doc = self.doc
        # Only a token the table lists can match, and only a verb with "by"/"over"/"via" on it or
        # on its object be done "by phone" (see _by_phone): both passes look at those alone, found
        # on the doc's arrays rather than on a Token made of every word.
        strings, verb = doc.vocab.strings, POS_IDS["VERB"]
        rows = doc.to_array([LEMMA, LOWER, POS, DEP]).tolist()
        instruments = {get_string_id(w) for w in INSTRUMENT}
        links = {get_string_id(d) for d in ("prep", "agent", "dative")}
        dobj, phoned = get_string_id("dobj"), set()
        for i, (_, lower, _, dep) in enumerate(rows):
            head = self.heads[i]
            if lower in instruments and dep in links and head != i:
                phoned.add(head)
                if rows[head][3] == dobj and self.heads[head] != head:
                    phoned.add(self.heads[head])
        listed: dict[tuple[int, int], tuple[TriggerItem, ...]] = {}  # (lemma, lower) ids -> items
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
            ev = EventDraft(tok=head, first=first, last=last, item=item, code=code, anchor=head, sid=self.sent_of[head.i])
            if refined is not None and refined.cue:
                ev.channel = refined.channel if refined.channel is not None else self.table.codes[code].channel
            out.append(ev)
        return out, codes

    def _pos_ok(self, tok: Token, item: TriggerItem) -> bool:
        if item.code[:2] == "19" and _against_a_scourge(tok):
            return False  # "poverty combat", "the war on drugs": no armed conflict between parties
        return self._pos_fits(tok, item)

    def _pos_fits(self, tok: Token, item: TriggerItem) -> bool:
        if item.second:
            return tok.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")
        if tok.pos_ == "VERB":
            return item.pos != "n" and tok.dep_ not in ("amod", "compound", "nmod")
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ == "pobj" and tok.head.lower_ in INSTRUMENT and item.code[:2] == "04":
                return False  # "by phone": a channel, not an event ("over the violation of X" is one)
            if tok.pos_ == "PROPN" and not self._has_verb(tok.sent):
                return False  # a header line: "For Immediate Release", "Office of the Press Secretary"
            planning = tok.dep_ == "compound" and tok.head.lemma_.lower() in PLANNING  # "their meeting schedule"
            return item.pos != "v" and (tok.dep_ not in ("compound", "amod", "nmod") or planning)
        if tok.pos_ == "ADJ":
            return item.pos == "" and tok.dep_ in ("acomp", "ROOT", "conj", "xcomp", "ccomp", "oprd")
        return False

    def _has_verb(self, sent) -> bool:
        """Does the sentence have a verb (asked once per sentence, for each item of each trigger)?"""
        if sent.start not in self._verbs:
            self._verbs[sent.start] = any(t.pos_ in ("VERB", "AUX") for t in sent)
        return self._verbs[sent.start]

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
        out = [*objects(tok), *patients(tok)]
        out += prep_objects(tok, ("of", "to", "on"))
        if tok.dep_ == "relcl" and (not out or any(o.tag_ in ("WP", "WDT") for o in out)):
            out.append(tok.head)  # "a charge the government rejected", "citizens who were held": the noun it qualifies
        for o in list(out):
            out.extend(c for c in o.children if c.dep_ == "appos")
        return out

    def _obj_ok(self, tok: Token, word: str, prep: Token | None = None) -> bool:
        if prep is not None and prep.dep_ in ("prep", "dative"):  # "call on X": X is the object
            objects = [c for c in prep.children if c.dep_ == "pobj"]
        else:
            objects = self._object_tokens(tok)
        for o in objects:
            if word in ("actor", "person"):
                if tok.dep_ == "acl" and any(a.dep_ == "prep" and a.lower_ == "with" for a in o.ancestors):
                    continue  # "the talks with X, held in Moscow": the parse hangs the talks' participle on X
                found = self.res.refs(o, strict=True)
                if found and (word == "actor" or all(self.res.kind(x) in ("person", "group") for x in found)):
                    return True
                continue
            if o.lemma_.lower() == word or o.lower_ == word:
                return True
            if any(word in self.res.titles(a) for a in self.res.refs(o)):
                return True
        return False

    def _comp_ok(self, tok: Token, comp: str, codes: dict[int, str]) -> bool:
        for c in self.grammar.complements(tok):
            if comp.isdigit():
                if codes.get(c.i, "").startswith(comp):
                    return True
            elif c.lemma_.lower() == comp:
                return True
        return False

    def _items(self, lemma: str, word: str) -> tuple[TriggerItem, ...]:
        """The table's items for a token's lemma (lower case) or its form, the most specific first."""
        items = self.table.by_lemma.get(lemma, ())
        if word != lemma and word in self.table.by_lemma:
            items = tuple(sorted((*items, *self.table.by_lemma[word]), key=lambda i: (-i.rank, i.order)))
        return items

    def _match(self, tok: Token, codes: dict[int, str] | None,
               items: tuple[TriggerItem, ...]) -> tuple[TriggerItem, int, int] | None:
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
            if item.cue and item.cue not in self.grammar.cue_words(tok):
                continue
            return item, first, last
        return None

    def _refine(self, tok: Token, code: str, codes: dict[int, str]) -> tuple[str, TriggerItem | None]:
        """The more specific code of the same root that a complement or a modifier calls for."""
        for item in self.table.refinements.get(code[:2], ()):
            if item.comp and self._comp_ok(tok, item.comp, codes):
                return item.code, item
        cues = self.grammar.cue_words(tok)
        for item in self.table.refinements.get(code[:2], ()):
            if item.cue and item.cue in cues:
                return item.code, item
        return code, None

    def _by_phone(self, tok: Token) -> TriggerItem | None:
        """A verb done 'by telephone' or 'over the phone' ("agreed by telephone on a plan") is a
        phone call, whatever it would code otherwise: the 041 row's phone cues, after "by"/"over"."""
        if tok.pos_ != "VERB":
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # the parse may hang it on the object
        for o in (o for h in heads for o in prep_objects(h, INSTRUMENT)):
            item = self.phone_cues.get(o.lemma_.lower())
            if item is not None:
                return item
        return None


def attach(events: list[EventDraft], table: TriggerTable) -> list[EventDraft]:
    """Light verbs and consultation verbs hand their clause to the event noun they govern."""
    by_tok = {e.tok.i: e for e in events}
    drop = set()
    for e in events:
        n = e.tok
        if n.pos_ not in ("NOUN", "PROPN"):
            continue
        voiced = _voiced(n, table) if e.root == "02" else None
        if voiced is not None:
            e.anchor = voiced
            if voiced.i in by_tok and by_tok[voiced.i].code == STATEMENT:
                drop.add(voiced.i)  # "stressed the need for a ceasefire": the appeal is what was said
            continue
        dep, head = slot(n)
        if head.i in by_tok and head.i != n.i and (by_tok[head.i].item.channel or by_tok[head.i].channel) \
                and not e.item.channel and e.root != by_tok[head.i].root:
            continue  # "a message of congratulations was sent to X", "conveyed his demand by telephone": two events
        if dep == "dobj" and head.i in by_tok and by_tok[head.i].code == e.code \
                and not (e.root == "04" and head.lemma_.lower() in TOPIC_VERBS):  # "discussed the talks": two
            drop.add(n.i)  # "imposed sanctions": one event, the verb's
            continue
        if _venue(n, by_tok, table):
            drop.add(n.i)  # "on the sidelines of the summit": a place, not another meeting
            continue
        aspectual = e.root == "04" and head.lemma_.lower() in ASPECTUAL  # "wrapped up a visit"
        if aspectual and head.lemma_.lower() not in LIGHT_VERBS and head.i in by_tok and by_tok[head.i].root != "04":
            drop.add(n.i)  # "meetings were cut off": the table codes the verb (164), which keeps its code
            continue
        if dep in ("dobj", "nsubjpass", "attr") and (head.lemma_.lower() in LIGHT_VERBS | {"be"} or aspectual):
            e.anchor = head
            if head.i in by_tok and head.i != n.i:
                light = by_tok[head.i]
                if light.root == e.root and light.code != e.code and e.code == CONSULT:
                    e.code = light.code
                drop.add(head.i)
            elif e.root == "04":
                for item in table.by_lemma.get(head.lemma_.lower(), ()):
                    if item.code[:2] == "04" and not item.comp:
                        if e.code == CONSULT:
                            e.code = item.code
                        break
        elif dep == "pobj" and head.lower_ in MEETING_PLACE | {"for"} and head.head.i in by_tok:
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
        elif e.tok.dep_ in ("advcl", "xcomp") and e.tok.head.i in by_tok and by_tok[e.tok.head.i].code == e.code \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in e.tok.children):
            e.suppressed = True  # "summoned the envoy to protest": one complaint, and no verb left to recode
    return [e for e in events if e.tok.i not in drop]


def _against_a_scourge(tok: Token) -> bool:
    """Is the fight, war or combat ``tok`` names one against poverty, drugs or terrorism?"""
    fought = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    fought += prep_objects(tok, ("against", "on"))
    return any(t.lemma_.lower() in SCOURGES for t in fought)


def _voiced(n: Token, table: TriggerTable) -> Token | None:
    """'stressed the need for X', 'agreed on the need for X': an appeal noun of no one else's that a
    speaker voices, or the parties agree on, is theirs: the verb gives it its subject and date."""
    if any(c.dep_ == "poss" for c in n.children):
        return None
    if n.dep_ == "dobj" and n.head.lemma_.lower() in table.speech:
        return n.head
    if n.dep_ == "pobj" and n.head.lower_ == "on" and n.head.head.lemma_.lower() in table.planned:
        return n.head.head
    return None


def _venue(n: Token, by_tok: dict[int, EventDraft], table: TriggerTable) -> bool:
    """'met on the sidelines of the summit': the summit is where the consultation took place. Where
    another act took place at it ("agreed to end the boycott at a summit"), the summit is a meeting."""
    if n.lemma_.lower() not in table.venues or participation(n):
        return False  # "the sidelines of the summit held with the participation of A, B and C": a meeting too
    t = n
    for _ in range(4):
        if t.head == t:
            return False
        if t.dep_ == "prep" and t.lower_ in LOCATIVE and t.head.i in by_tok and t.head.i != n.i:
            return by_tok[t.head.i].root == "04"
        t = t.head
    return False
