"""Actors: who the article is about, one row per real-world actor, with every mention.

The spaCy NER labels are a starting point only: a state is recognised from the country
gazetteer (names, official names, demonyms, capitals), a person from a name the NER or a
preceding title gives, and later mentions (surname alone, "the Iranian foreign minister",
"his Azerbaijani counterpart", "he") are resolved to the person they refer to. Roles and
countries come from titles and appositions in the text.
"""
from __future__ import annotations

import calendar
import csv
import re
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .article import slugify
from .gazetteer import gazetteer
from .models import Actor, Mention
from .nlp import load

CALENDAR_WORDS = {*calendar.month_name[1:], *calendar.day_name}  # not abbreviations: "Thu", "Jun" are names too
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
LOCATIVE = {"in", "at", "from", "to", "into", "near", "outside", "inside", "via", "through", "across"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


def _table(name: str) -> list[dict[str, str]]:
    with resources.files("parley").joinpath("data").joinpath(name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@functools.cache
def lexicon() -> dict[str, dict[str, str]]:
    """The small data tables that drive actor recognition (roles, honorifics, nouns, platforms)."""
    return {
        "roles": {r["title"]: r["kind"] for r in _table("roles.csv")},
        "honorifics": {r["word"]: r["kind"] for r in _table("honorifics.csv")},
        "nouns": {r["noun"]: r["kind"] for r in _table("nouns.csv")},
        "platforms": {r["name"]: r["kind"] for r in _table("platforms.csv")},
    }


@functools.cache
def _matchers(vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for country forms (exact case) and role titles (any case), built once."""
    # The patterns are split by the tokenizer that splits the text: the pipeline's, already
    # loaded (building a fresh English() for them took ~0.1 s). A pattern is only its
    # tokens' string ids, so it matches docs of any vocab.
    def make(texts: list[str]) -> list[Doc]:
        return list(load().tokenizer.pipe(texts + [t.replace("'", "’") for t in texts if "'" in t]))

    countries = PhraseMatcher(vocab, attr="ORTH")
    gaz = gazetteer()
    countries.add("COUNTRY", make(list(gaz.forms) + list(gaz.official_prefixes)))
    roles = PhraseMatcher(vocab, attr="LOWER")
    roles.add("ROLE", make(list(lexicon()["roles"])))
    return countries, roles


@dataclass
class _Person:
    key: tuple[str, ...]  # name tokens, lower case, honorifics removed
    name: str
    roles: list[tuple[int, int, str]] = field(default_factory=list)  # (weight, -position, role)
    countries: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def role(self) -> str:
        """The office the text gives most explicitly (a title before the name beats a generic "diplomat")."""
        return max(self.roles)[2] if self.roles else ""


class _Resolver:
    """One pass over a parsed article; collects actors and their mentions."""

    def __init__(self, doc: Doc, *, start: int = 0, dateline: str = ""):
        self.doc = doc
        self.start = start  # the news text starts here (after the dateline)
        self.lex = lexicon()
        self.gaz = gazetteer()
        self.sent_of = {t: i for i, sent in enumerate(doc.sents) for t in range(sent.start, sent.end)}
        # The words' ids, to find the few tokens a pass wants without making a Token of every word.
        self.columns = dict(zip((ORTH, LOWER, LEMMA, POS), doc.to_array([ORTH, LOWER, LEMMA, POS]).T.tolist()))
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self.people: list[_Person] = []
        self.person_at: dict[int, _Person] = {}  # token index -> person named there
        self.country_at: dict[int, str] = {}  # token index -> ISO3 of a country form there
        self.role_spans: list[Span] = []
        self.role_tokens: set[int] = set()  # the tokens of ``role_spans``
        self.described: set[int] = set()  # tokens of titles already attached to a named person
        self.subjects: dict[int, list[tuple[str, Token]]] = defaultdict(list)  # sentence -> states as subjects
        place = self.gaz.lookup(dateline.title()) if dateline else None
        self.dateline_country = place[0] if place else ""  # kept only if the text names that state too

    # -- helpers -------------------------------------------------------------------------
    def mention(self, span: Span, actor_id: str, how: str) -> Mention:
        m = Mention(span.start_char, span.end_char, span.text, self.sent_of[span.start], how, actor_id)
        self.mentions.append(m)
        return m

    def actor(self, actor_id: str, name: str, kind: str, country: str = "", role: str = "") -> Actor:
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(actor_id, name, kind, country, role)
        return self.actors[actor_id]

    def country_actor(self, iso3: str) -> str:
        c = self.gaz.countries[iso3]
        actor_id = slugify(c.name)
        self.actor(actor_id, c.name, "country", iso3)
        return actor_id

    def in_text(self, span: Span) -> bool:
        return span.start_char >= self.start

    def tokens_where(self, attr: int, values) -> list[Token]:
        """The tokens whose ``attr`` (ORTH, LOWER, LEMMA: strings; POS: tag names) is one of
        ``values``, in text order."""
        ids = {POS_IDS[v] if attr == POS else get_string_id(v) for v in values}
        return [self.doc[i] for i, value in enumerate(self.columns[attr]) if value in ids]

    # -- states ----------------------------------------------------------------------------
    def countries(self) -> None:
        """Every state named, by name, official name, demonym or capital."""
        cmatch, rmatch = _matchers(self.doc.vocab)
        from spacy.util import filter_spans

        spans = filter_spans([self.doc[s:e] for _, s, e in cmatch(self.doc)])
        self.role_spans = filter_spans([self.doc[s:e] for _, s, e in rmatch(self.doc)])
        self.role_tokens = {i for r in self.role_spans for i in range(r.start, r.end)}
        hits = [self.gaz.lookup(s.text) for s in spans]  # looked up once: Span.text joins its tokens
        found = {hit[0] for hit in hits if hit}
        for span, hit in zip(spans, hits):
            if not self.in_text(span):
                continue
            if hit is None:  # "the Islamic Republic": the one state in the article it can be
                options = [iso for iso in self.gaz.official_prefixes.get(span.text, ()) if iso in found]
                if len(options) != 1:
                    continue
                hit = (options[0], "name")
            iso3, how = hit
            head = span.root.head
            if how == "capital" and span.root.dep_ == "pobj" and head.lower_ in LOCATIVE:
                place = self.actor(slugify(span.text), span.text, "place", iso3)
                self.mention(span, place.actor_id, "name")
                continue
            for tok in span:
                self.country_at[tok.i] = iso3
            root = span.root
            if root.dep_ in {"nsubj", "nsubjpass"} or (root.dep_ == "poss" and root.head.dep_ in {"nsubj", "nsubjpass"}):
                self.subjects[self.sent_of[root.i]].append((iso3, root))
            self.mention(self._with_article(span), self.country_actor(iso3), how)

    def _with_article(self, span: Span) -> Span:
        """Widen "Republic of Azerbaijan" to "the Republic of Azerbaijan" for official names."""
        first = span[0]
        if first.i > 0 and self.doc[first.i - 1].lower_ == "the" and len(span) > 1:
            return self.doc[first.i - 1 : span.end]
        return span

    # -- people ----------------------------------------------------------------------------
    def _name_tokens(self, tokens: list[Token]) -> tuple[list[Token], list[Token]]:
        """Split a candidate into (leading context: titles, states, honorifics; the name)."""
        hon = self.lex["honorifics"]
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t.i in self.country_at or t.lower_ in {"the", "'s", "’s", "his", "her", "their", "my"} or (
                hon.get(t.text) == "title" or self._in_role(t)
            ):
                i += 1
                continue
            break
        name = tokens[i:]
        while name and (name[-1].lower_ in {"'s", "’s", "'"} or not name[-1].text[0].isalpha()):
            name = name[:-1]
        return tokens[:i], name

    def _widen(self, ent: Span) -> list[Token]:
        """A PERSON entity with the name parts the NER left out: "Sameh" + "Shoukry", "Yoon Suk" + "Yeol"."""
        def part(t: Token) -> bool:
            return t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in self.country_at and not self._in_role(t) and (
                self.lex["honorifics"].get(t.text) != "title"
            )

        def hyphen(i: int) -> bool:  # "Wieczorek-Nowak", "Jin-woo": one name across a hyphen
            return (
                i + 1 < len(self.doc) and self.doc[i].text == "-" and not self.doc[i - 1].whitespace_
                and not self.doc[i].whitespace_ and self.doc[i + 1].is_alpha
            )

        start, end = ent.start, ent.end
        while start > 0 and part(self.doc[start - 1]):
            start -= 1
        while end < len(self.doc):
            if hyphen(end):
                end += 2
            elif part(self.doc[end]) and self.gaz.lookup(self.doc[end].text) is None:
                end += 1
            else:
                break
        return list(self.doc[start:end])

    def _in_role(self, tok: Token) -> bool:
        return tok.i in self.role_tokens

    @staticmethod
    def _looks_like_name(name: list[Token]) -> bool:
        particles = {"bin", "bint", "al", "el", "van", "von", "der", "de", "da", "di", "du", "la", "le", "ibn", "-"}
        joined = {t.i for t in name if t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_}
        return bool(name) and name[0].text[:1].isupper() and all(
            t.text[:1].isupper() or t.lower_ in particles or t.i in joined or t.text.startswith(("al-", "el-"))
            for t in name
        ) and not all(t.is_stop for t in name) and not (len(name) == 1 and name[0].text in CALENDAR_WORDS)

    def _key(self, name: list[Token]) -> tuple[str, ...]:
        hon = self.lex["honorifics"]
        return tuple(t.lower_.replace("’", "'") for t in name if hon.get(t.text) != "title" and t.text != "-")

    def _find_person(self, key: tuple[str, ...]) -> _Person | None:
        """The person whose name contains ``key`` as a run at its start or end (latest first)."""
        for person in reversed(self.people):
            p, n = person.key, len(key)
            if any(p[i : i + n] == key for i in range(len(p) - n + 1)) and (key[-1] == p[-1] or key[0] == p[0]):
                return person
        for person in reversed(self.people):  # Spanish usage: the first surname alone ("Restrepo" of "Jaime Restrepo Ochoa")
            if len(key) == 1 and len(person.key) >= 3 and person.key[-2] == key[0]:
                return person
        for person in reversed(self.people):  # an earlier short form, now given in full
            p, n = person.key, len(person.key)
            if any(key[i : i + n] == p for i in range(len(key) - n + 1)):
                return person
        return None

    def _possessed(self, tok: Token) -> bool:
        """ "Egypt's Shoukry": a state's possessive right before the token."""
        return tok.i > 1 and self.doc[tok.i - 1].lower_ in {"'s", "’s"} and tok.i - 2 in self.country_at

    def _locative(self, span: Span) -> bool:
        """ "in Siem Reap", "at Camp David": a name governed by a locative preposition."""
        return span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE - {"to", "from"}

    def _evidence(self, name: list[Token]) -> bool:
        """A title, an honorific, "counterpart", an apposition or a state's possessive at the name."""
        before = self.doc[name[0].i - 1] if name[0].i > 0 else None
        return before is not None and (
            self._in_role(before)
            or before.text in self.lex["honorifics"]
            or before.lemma_ in {"counterpart", "colleague"}
            or bool(self._apposed(name[0]))
            or bool(self._apposed_after(name[-1]))
        )

    def people_(self) -> None:
        """Named people, one per real person, however the text abbreviates them."""
        candidates: list[tuple[list[Token], bool]] = []
        covered: set[int] = set()
        place_names = {e.text for e in self.doc.ents if e.label_ in {"GPE", "LOC", "FAC"}}
        for ent in self.doc.ents:
            if ent.label_ not in NAME_LABELS or not self.in_text(ent):
                continue
            # a title before the entity belongs to the context: "Foreign Minister Jeyhun Bayramov"
            _, name = self._name_tokens(self._widen(ent) if ent.label_ == "PERSON" else list(ent))
            if not self._looks_like_name(name) or self._is_not_person(name):
                continue
            # The NER's PERSON alone is weak evidence for one word ("Ukrgazprom"), a name it calls a
            # place elsewhere ("Kiev"), or a name after "in" ("in Siem Reap"): those need a title.
            strong = self._evidence(name) or (
                ent.label_ == "PERSON"
                and (len(name) > 1 or self._possessed(name[0]))  # "Egypt's Shoukry"
                and ent.text not in place_names
                and not self._locative(ent)
            )
            candidates.append((name, strong))
            covered.update(t.i for t in ent)
        proper = self.tokens_where(POS, ["PROPN"])
        for tok in proper:  # a name the NER missed, after a title or honorific
            if tok.i in covered or tok.i in self.country_at or tok.idx < self.start:
                continue
            if self._evidence([tok]) or tok.text in self.lex["honorifics"]:
                run = [tok]
                while run[-1].i + 1 < len(self.doc) and self.doc[run[-1].i + 1].pos_ == "PROPN":
                    run.append(self.doc[run[-1].i + 1])
                _, name = self._name_tokens(run)
                if self._looks_like_name(name) and not self._is_not_person(name):
                    candidates.append((name, True))
                    covered.update(t.i for t in run)
        for tok in proper:  # a surname alone that the NER did not mark
            if tok.i not in covered and tok.idx >= self.start and tok.i not in self.country_at:
                candidates.append(([tok], False))
        candidates.sort(key=lambda c: c[0][0].i)
        # Strong candidates first make people; the rest can only be a known person's alias.
        for strong_pass in (True, False):
            for name, strong in candidates:
                if strong != strong_pass or name[0].i in self.person_at:
                    continue
                key = self._key(name)
                if not key:
                    continue
                person = self._find_person(key)
                text = self.doc[name[0].i : name[-1].i + 1].text
                if person is None and strong:
                    person = _Person(key, text)
                    self.people.append(person)
                if person is None:
                    continue
                if len(key) > len(person.key):
                    person.key, person.name = key, text
                for t in name:
                    self.person_at[t.i] = person
                span = self.doc[name[0].i : name[-1].i + 1]
                person.mentions.append(Mention(span.start_char, span.end_char, span.text, self.sent_of[span.start], "name"))

    def _is_not_person(self, name: list[Token]) -> bool:
        text = " ".join(t.text for t in name)
        return (
            text in self.lex["platforms"]
            or self.gaz.lookup(text) is not None
            or any(t.i in self.country_at for t in name)
            or all(self._in_role(t) for t in name)
        )

    # -- roles and countries ----------------------------------------------------------------
    def _context(self, first: Token) -> list[Token]:
        """The tokens before a name in its noun phrase: "Iran's Foreign Minister", "his Turkish counterpart"."""
        out, i = [], first.i - 1
        while i >= 0:
            t = self.doc[i]
            after_title = t.lower_ in {"to", "in"} and i > 0 and self._in_role(self.doc[i - 1])  # "Ambassador to Australia"
            if t.i in self.country_at or self._in_role(t) or t.lower_ in {"'s", "’s", "the", "his", "her", "my", "their", "its"} or (
                t.pos_ in {"ADJ", "PROPN"} and t.i not in self.person_at
            ) or (t.pos_ == "NOUN" and t.dep_ == "compound") or after_title or t.lemma_ in {"counterpart", "colleague"} or (
                t.text in self.lex["honorifics"]
            ):
                out.insert(0, t)
                i -= 1
                continue
            break
        return out

    def _describe(self, tokens: list[Token]) -> tuple[str, str, bool]:
        """(role, ISO3, is a "counterpart") that a run of context tokens states."""
        ids = {t.i for t in tokens}
        roles = [r for r in self.role_spans if ids.issuperset(range(r.start, r.end))]
        role = ""
        if roles:
            best = max(roles, key=len)
            start = best.start  # "External Affairs Minister": capitalised words before a title are part of it
            while start - 1 in ids and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].is_title and (
                start - 1 not in self.country_at and self.doc[start - 1].text not in self.lex["honorifics"]
            ):
                start -= 1
            role = self.doc[start : best.end].text
        countries = [self.country_at[t.i] for t in tokens if t.i in self.country_at]
        counterpart = any(t.lemma_ == "counterpart" for t in tokens)
        return _title_case(role), countries[0] if countries else "", counterpart

    def roles(self) -> None:
        """Each person's role and country, from titles before the name and appositions."""
        counterparts: list[tuple[_Person, Token]] = []
        for person in self.people:
            for m in person.mentions:
                span = self.doc.char_span(m.start, m.end)
                first = span[0]
                context, weight = self._context(first), 3
                if not context or all(t.text in self.lex["honorifics"] for t in context):
                    context, weight = self._apposed(first) or self._apposed_after(span[-1]) or context, 2
                role, country, counterpart = self._describe(context)
                if context and not country:  # "his Paraguayan host, President NAME"
                    country = self._describe(self._before_comma(context[0]))[1]
                self.described.update(t.i for t in context)
                if any(t.lower_ in {"former", "ex", "late", "then"} for t in context):
                    continue  # "a former guerrilla commander" is not the office held now
                if role:
                    generic = self.lex["roles"].get(role.lower()) == "generic"
                    person.roles.append((1 if generic else weight, -m.start, role))
                if country:
                    person.countries.append(country)
                if counterpart:
                    counterparts.append((person, first))
                if context and (role or counterpart):
                    span = self.doc[context[0].i : context[-1].i + 1]
                    while len(span) and (span[0].lower_ == "the" or span[-1].is_punct):
                        span = span[1:] if span[0].lower_ == "the" else span[:-1]
                    if len(span):
                        person.aliases.append(span.text)
        for person, first in counterparts:  # a counterpart holds the office of the one it is the counterpart of
            other = self._previous_person(first, exclude=person)
            if other is not None and other.role and not any(w >= 3 for w, _, _ in person.roles):
                person.roles.append((3, -first.idx, other.role))
        for person in self.people:
            if not person.countries:
                person.countries.extend(self._home_country(person))

    def _home_country(self, person: _Person) -> list[str]:
        """A state the narrative gives an official with no nationality in their title.

        "Poland summoned the envoy. Deputy Foreign Minister X told him ...": the state that is
        the subject of the person's sentence or the two before it; else the dateline's state.
        """
        if not person.roles:
            return []
        first = min(person.mentions, key=lambda m: m.start)
        for sid in (first.sentence_id, first.sentence_id - 1, first.sentence_id - 2):
            for iso3, tok in self.subjects.get(sid, []):
                if sid < first.sentence_id or tok.idx < first.start:
                    return [iso3]
        if not self.dateline_country:
            return []
        state = slugify(self.gaz.countries[self.dateline_country].name)
        return [self.dateline_country] if any(m.actor_id == state for m in self.mentions) else []

    def _apposed(self, first: Token) -> list[Token]:
        """The title phrase set off by a comma before a name: "the Iranian ambassador to Baku, NAME"."""
        i = first.i - 1
        while i >= 0 and self.doc[i].text in self.lex["honorifics"]:
            i -= 1
        if i < 1 or self.doc[i].text != ",":
            return []
        comma = i
        heads = self.role_spans + [self.doc[t.i : t.i + 1] for t in self.doc[max(0, comma - 4) : comma] if t.lemma_ == "counterpart"]
        roles = sorted(r for r in heads if comma - 10 <= r.start and r.end <= comma)
        if not roles:
            return []
        role = roles[-1]
        between = self.doc[role.end : comma]
        if any(t.is_punct or t.pos_ == "VERB" for t in between):
            return []
        return self._context(role[0]) + list(role) + list(between)

    def _before_comma(self, tok: Token) -> list[Token]:
        """The short noun phrase before a comma that opens an apposition: "his Paraguayan host,"."""
        if tok.i < 2 or self.doc[tok.i - 1].text != ",":
            return []
        phrase = []
        for t in reversed(self.doc[max(0, tok.i - 7) : tok.i - 1]):
            if t.is_punct or t.pos_ in {"VERB", "AUX", "ADP"} or t.i in self.person_at:
                break
            phrase.insert(0, t)
            if t.lower_ in {"the", "a", "an", "his", "her", "their"}:
                break
        return phrase

    def _apposed_after(self, last: Token) -> list[Token]:
        """The title phrase after a name and a comma: "NAME, Qatar's foreign minister,"."""
        i = last.i + 1
        if i >= len(self.doc) - 1 or self.doc[i].text != ",":
            return []
        phrase, closed = [], False
        for t in self.doc[i + 1 : i + 12]:
            if t.is_punct or t.pos_ in {"VERB", "AUX"} or t.is_sent_start:
                closed = t.is_punct  # "NAME, Qatar's foreign minister, said": closed by punctuation, not a verb
                break
            phrase.append(t)
        if not phrase or not closed or not any(self._in_role(t) for t in phrase) or phrase[0].lower_ not in {"the", "a", "an"} | set(
            PRONOUNS
        ) and phrase[0].i not in self.country_at and not self._in_role(phrase[0]):
            return []
        return phrase

    def _previous_person(self, tok: Token, *, exclude: _Person | None = None) -> _Person | None:
        """The nearest person named before ``tok`` in its sentence, else in the sentence before."""
        sid = self.sent_of[tok.i]
        for i in range(tok.i - 1, -1, -1):
            if self.sent_of[i] < sid - 1:
                break
            p = self.person_at.get(i)
            if p is not None and p is not exclude:
                return p
        return None

    # -- later references: titles and pronouns ---------------------------------------------
    def _person_mentions(self) -> list[tuple[Mention, _Person]]:
        return sorted(((m, p) for p in self.people for m in p.mentions), key=lambda x: x[0].start)

    def titles(self) -> None:
        """ "the Iranian foreign minister", "his Azerbaijani counterpart": the person meant."""
        named = {m.start for p in self.people for m in p.mentions}
        counterparts = self.tokens_where(LEMMA, ["counterpart"])
        heads = [r for r in self.role_spans] + [self.doc[t.i : t.i + 1] for t in counterparts]
        for span in sorted(heads, key=lambda s: s.start):
            root = span[-1]
            nxt = self.doc[root.i + 1] if root.i + 1 < len(self.doc) else None
            if root.tag_ in {"NNS", "NNPS"} or (nxt is not None and nxt.i in self.person_at) or not self.in_text(span):
                continue
            if nxt is not None and nxt.text in self.lex["honorifics"]:
                continue
            left = [t for t in root.subtree if t.i <= root.i]
            if any(t.i in self.person_at or t.i in self.described for t in left) or span.start_char in named:
                continue
            role, country, counterpart = self._describe(left)
            if counterpart and not country:
                continue
            person = self._match_title(role.lower(), country, counterpart, span[0])
            if person is None:
                continue
            phrase = self.doc[left[0].i : root.i + 1]
            if phrase[0].lower_ == "the":
                phrase = phrase[1:]
            person.mentions.append(
                Mention(phrase.start_char, phrase.end_char, phrase.text, self.sent_of[phrase.start], "title")
            )

    def _match_title(self, title: str, country: str, counterpart: bool, tok: Token) -> _Person | None:
        kinds = self.lex["roles"]
        if counterpart:
            other = self._previous_person(tok)
            title = other.role.lower() if other is not None else ""
        fits = []
        for person in self.people:
            role = person.role.lower()
            if country and country not in person.countries:
                continue
            same = role == title or (
                title in {"diplomat", "top diplomat"} and kinds.get(role) == "diplomat"
            ) or (title == "minister" and role.endswith("minister")) or (counterpart and not title)
            if same and person.mentions and person.mentions[0].start < tok.idx:
                fits.append(person)
        if not fits:
            return None
        return max(fits, key=lambda p: max(m.start for m in p.mentions if m.start < tok.idx))

    def pronouns(self) -> None:
        """he/his/she/her: the person named before in the sentence, else the previous subject."""
        known = self._person_mentions()
        for tok in self.tokens_where(LOWER, PRONOUNS):
            if tok.idx < self.start:
                continue
            sid = self.sent_of[tok.i]
            before = [(m, p) for m, p in known if m.end <= tok.idx and m.sentence_id >= sid - 1]
            same = [(m, p) for m, p in before if m.sentence_id == sid]
            if tok.dep_ in {"nsubj", "nsubjpass"} and not same:
                prev = [(m, p) for m, p in before if m.sentence_id == sid - 1]
                subj = [x for x in prev if self.doc.char_span(x[0].start, x[0].end).root.dep_ in {"nsubj", "nsubjpass"}]
                pick = (subj or prev or [None])[0]
            else:
                pick = (same or before or [None])[-1]
            if pick is not None:
                pick[1].mentions.append(Mention(tok.idx, tok.idx + len(tok), tok.text, sid, "pronoun"))

    # -- organisations, groups, places -----------------------------------------------------
    def collectives(self) -> None:
        """Organisations and groups described by a noun and a state ("the Iranian foreign ministry")."""
        nouns = self.lex["nouns"]
        by_head: dict[str, str] = {}
        for tok in self.tokens_where(LOWER, [n for n, k in nouns.items() if k in {"organization", "group"}]):
            kind = nouns.get(tok.lower_)
            if kind not in {"organization", "group"} or tok.idx < self.start or tok.i in self.person_at:
                continue
            left = [t for t in tok.lefts if t.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"}]
            mods = [x for t in left for x in t.subtree]
            of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"of", "in"}]
            tail: list[Token] = []
            for prep in of:
                for t in prep.subtree:
                    if t.is_punct or t.dep_ == "appos":
                        break
                    tail.append(t)
            isos = list(dict.fromkeys(self.country_at[t.i] for t in mods + tail if t.i in self.country_at))
            if not isos and not (kind == "organization" and tok.head.lemma_ != "of" and self._the(tok)):
                continue
            start = min([t.i for t in mods] + [tok.i])
            end = max([t.i for t in tail] + [tok.i]) + 1
            span = self.doc[start:end]
            if not isos:  # "the ministry": the organisation of that kind named last
                actor_id = by_head.get(tok.lower_)
                if actor_id:
                    self.mention(self.doc[tok.i - 1 : tok.i + 1], actor_id, "other")
                continue
            name = span.text.replace("’s ", "'s ")
            country = isos[0] if len(isos) == 1 else ""
            if kind == "organization":
                words = [t.text.lower() for t in span if t.i not in self.country_at and t.lower_ not in {"'s", "’s"}]
                base = f"{self.gaz.countries[country].name} {' '.join(words)}" if country and not tail else name
                actor_id = slugify(base)
            else:
                actor_id = slugify(f"{self.gaz.countries[country].demonym} {tok.lower_}") if country else slugify(name)
            actor = self.actor(actor_id, name, kind, country)
            if len(name) > len(actor.name):
                actor.name = name
            by_head[tok.lower_] = actor_id
            self.mention(span, actor_id, "name")

    def _the(self, tok: Token) -> bool:
        return tok.i > 0 and self.doc[tok.i - 1].lower_ == "the"

    def named_others(self) -> None:
        """Platforms, NER organisations and places that are not people or states."""
        place_names = {(e[1:] if e[0].lower_ == "the" else e).text for e in self.doc.ents if e.label_ in {"GPE", "LOC", "FAC"}}
        taken = {i for m in self.mentions for i in range(m.start, m.end)}
        for ent in self.doc.ents:
            if not self.in_text(ent) or any(t.i in self.person_at or t.i in self.country_at for t in ent):
                continue
            span = ent[1:] if ent[0].lower_ == "the" else ent
            if not len(span) or span.text in self.gaz.official_prefixes:  # an ambiguous "Islamic Republic"
                continue
            # The NER may label one name differently at each mention ("Karabakh": ORG, GPE):
            # a name ever labelled a place is a place.
            if span.text in self.lex["platforms"]:
                kind = "organization"
            elif ent.label_ in {"GPE", "LOC", "FAC"} or span.text in place_names:
                kind = "place"
            elif ent.label_ == "ORG":
                kind = "organization"
            else:
                continue
            if span.start_char in taken:
                continue
            actor = self.actor(slugify(span.text), span.text, kind)
            self.mention(span, actor.actor_id, "name")
            taken.update(range(span.start_char, span.end_char))
        for tok in self.tokens_where(ORTH, self.lex["platforms"]):  # platforms the NER missed or called people
            if tok.text in self.lex["platforms"] and tok.idx >= self.start and tok.idx not in taken:
                actor = self.actor(slugify(tok.text), tok.text, "organization")
                self.mention(self.doc[tok.i : tok.i + 1], actor.actor_id, "name")

    # -- the tables ------------------------------------------------------------------------
    def run(self) -> tuple[list[Actor], list[Mention]]:
        self.countries()
        self.people_()
        self.roles()
        self.titles()
        self.pronouns()
        self.collectives()
        self.named_others()
        for person in self.people:
            actor_id = slugify(person.name)
            # the most frequent state; ties go to the one the text gave first
            country = max(person.countries, key=lambda c: (person.countries.count(c), -person.countries.index(c)), default="")
            actor = self.actor(actor_id, person.name, "person", country, person.role)
            for m in person.mentions:
                m.actor_id = actor_id
                self.mentions.append(m)
            actor.aliases = list(dict.fromkeys(person.aliases))
        forms = defaultdict(list)
        for m in sorted(self.mentions, key=lambda m: (m.start, m.end)):
            if m.how != "pronoun":
                forms[m.actor_id].append(m.text)
        counts = Counter(m.actor_id for m in self.mentions)
        for actor in self.actors.values():
            actor.aliases = [a for a in dict.fromkeys(actor.aliases + forms[actor.actor_id]) if a != actor.name]
            actor.mentions = counts[actor.actor_id]
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.actor_id))
        firsts = {}
        for m in mentions:
            firsts.setdefault(m.actor_id, m.start)
        actors = sorted(self.actors.values(), key=lambda a: (firsts.get(a.actor_id, 1 << 30), a.actor_id))
        return actors, mentions


def _title_case(text: str) -> str:
    """ "foreign minister" -> "Foreign Minister"; small words and elisions stay ("Chargé d’Affaires")."""
    small = {"of", "to", "for", "the", "and", "in", "on"}
    words = []
    for w in text.split():
        if w.lower() in small and words:
            words.append(w.lower())
        elif w[:2].lower() in {"d'", "d’"}:
            words.append(w[:2].lower() + w[2:3].upper() + w[3:])
        else:
            words.append(w if w.isupper() else w[:1].upper() + w[1:])
    return " ".join(words)


def actors(doc: Doc, *, start: int = 0, dateline: str = "") -> tuple[list[Actor], list[Mention]]:
    """The actors of a parsed article and every mention of them, in order of appearance.

    ``start`` is where the news text begins (after a dateline), so a dateline's city is not
    taken for an actor; the dateline's place (``"TEHRAN"``) is the fallback home state of
    officials the text gives no nationality.
    """
    return _Resolver(doc, start=start, dateline=_dateline_place(dateline)).run()


def _dateline_place(dateline: str) -> str:
    match = re.match(r"[A-Z][A-Z .'’-]*[A-Z]", dateline or "")
    return match.group().strip() if match else ""
