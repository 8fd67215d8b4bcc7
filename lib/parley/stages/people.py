"""People: one per real person, however the text names them, with a role and a home state.

A person is a name the NER gives, or one after a title, an honorific or "counterpart"; a
shorter form ("Lavrov") joins the fuller name ("Sergei Lavrov"). Roles and states come from
titles ("Iranian Foreign Minister X"), appositions ("X, Qatar's foreign minister,"), a
counterpart ("his Turkish counterpart X" holds the other's office) and, failing those, the
state the narrative is about. Later references are resolved to the person meant: titles
("the Iranian foreign minister") and pronouns ("he").
"""
from __future__ import annotations

import calendar
import unicodedata
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, POS
from spacy.tokens import Span, Token

from ..nlp import text_of
from .. import lexicon
from ..article import slugify
from ..models import Mention
from .cast import Cast, covering_code
from .countries import States
from .pronouns import is_subject, resolve
from .rosters import Listing, Rosters
from .titles import TitlePhrases

CALENDAR_WORDS = {*calendar.month_name[1:], *calendar.day_name}  # not abbreviations: "Thu", "Jun" are names too
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUBJECT = {"nsubj", "nsubjpass"}
POSSESSIVE = {"'s", "’s"}
GENERIC_DIPLOMAT = {"diplomat", "top diplomat"}  # titles that say a person is a diplomat, not which office
PATRONYMIC = {"bin", "ibn", "bint"}  # "X bin Y": the word before is a given name, even a title's ("Sultan")
NO_ONE: frozenset[int] = frozenset()  # no token is known to name a person yet


@dataclass
class Person:
    """A person the text names, with what it says of them (an actor row once the text is read)."""

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

    @property
    def actor_id(self) -> str:
        return slugify(self.name)

    @property
    def country(self) -> str:
        """The state the text gives most often; ties go to the one it gave first."""
        return max(self.countries, key=lambda c: (self.countries.count(c), -self.countries.index(c)), default="")


@dataclass(frozen=True)
class People:
    """The people of an article, in the order they were recognised, and where each is named."""

    persons: list[Person]
    at: dict[int, Person]  # token index -> the person named there

    def previous(self, tok: Token, sentence_of: dict[int, int], *, exclude: Person | None = None) -> Person | None:
        """The nearest person named before ``tok`` in its sentence, else in the sentence before."""
        sid = sentence_of[tok.i]
        for i in range(tok.i - 1, -1, -1):
            if sentence_of[i] < sid - 1:
                break
            p = self.at.get(i)
            if p is not None and p is not exclude:
                return p
        return None


class NameFinder:
    """Named people, one per real person, however the text abbreviates them."""

    def __init__(self, cast: Cast, states: States, titles: TitlePhrases):
        self.cast = cast
        self.doc = cast.doc
        self.gaz = cast.gazetteer
        self.country_at = states.at
        self.titles = titles
        self.honorifics = lexicon.honorifics()
        self.platforms = lexicon.platforms()
        self.particles = lexicon.words("actor_name_particles")
        self.lead = lexicon.words("actor_name_lead")
        self.locative = lexicon.words("actor_locative") - {"to", "from"}
        self.nouns = lexicon.nouns()
        # capitals named as places ("Ambassador to Ankara X"): context before a name, not part of it
        spans = [cast.doc.char_span(m.start, m.end) for m in cast.mentions if cast.actors[m.actor_id].kind == "place"]
        self.places = {t.i for span in spans if span is not None for t in span}

    def __call__(self) -> People:
        """The people named in the news text."""
        return self.people(self.candidates())

    def candidates(self) -> list[tuple[list[Token], bool]]:
        """(name tokens, strong) of every name that may be a person's, in text order; only a
        strong one can make a person, a weak one can only be a known person's shorter form."""
        candidates: list[tuple[list[Token], bool]] = []
        covered: set[int] = set()
        place_names = {e.text for e in self.doc.ents if e.label_ in PLACE_LABELS}
        person_ands = {t.i for e in self.doc.ents if e.label_ == "PERSON"  # an "and" a few words after a PERSON
                       for t in self.doc[e.end : min(e.end + 4, e.sent.end)] if t.lower_ == "and"}
        for ent in self.doc.ents:
            if ent.label_ not in NAME_LABELS or not self.cast.in_text(ent):
                continue
            # a title before the entity belongs to the context: "Foreign Minister Sergei Lavrov"
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
            ) or (  # tagged ORG, a name of words no institution has with a bracketed portfolio after it ("A
                # (Finance), B (Agriculture)"), or a state's possessive before it that no dictionary names
                # as an institution ("Nepal’s Narayan Khadka")
                ent.label_ == "ORG" and len(name) > 1
                and not any(t.lower_ in self.nouns or self.titles.in_role(t) for t in name)
                and (self._portfolio_after(name[-1]) or self._possessed(name[0]) and not covering_code(
                    self.cast.dictionaries, " ".join(t.text for t in name), on=self.cast.published)
                    or ent.start - 1 in person_ands)  # "(A in 1976 and B in 1997 ...)": listed with a person
            )
            candidates.append((name, strong))
            covered.update(t.i for t in ent)
        proper = self.cast.tokens_where(POS, ["PROPN"])
        for tok in proper:  # a name the NER missed, after a title or honorific
            if tok.i in covered or tok.i in self.country_at or self.cast.outside(tok.idx):
                continue
            possessed = self._possessed(tok) and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN"
            if self._evidence([tok]) or tok.text in self.honorifics or possessed:
                run = [tok]
                while run[-1].i + 1 < len(self.doc) and self.doc[run[-1].i + 1].pos_ == "PROPN":
                    run.append(self.doc[run[-1].i + 1])
                _, name = self._name_tokens(run)
                if possessed and any(t.lower_ in self.nouns or self.titles.in_role(t) for t in name):  # "Iran's Foreign Ministry"
                    continue
                if self._looks_like_name(name) and not self._is_not_person(name):
                    candidates.append((name, True))
                    covered.update(t.i for t in run)
        for tok in proper:  # a surname alone that the NER did not mark
            if tok.i not in covered and not self.cast.outside(tok.idx) and tok.i not in self.country_at:
                candidates.append(([tok], False))
        candidates.sort(key=lambda c: c[0][0].i)
        return candidates

    def people(self, candidates: list[tuple[list[Token], bool]]) -> People:
        """The people the candidates name: strong candidates first make people; the rest can
        only be a known person's alias."""
        found = People([], {})
        for strong_pass in (True, False):
            for name, strong in candidates:
                if strong != strong_pass or name[0].i in found.at:
                    continue
                key = self._key(name)
                if not key:
                    continue
                person = _find_person(found.persons, key)
                text = self.doc[name[0].i : name[-1].i + 1].text
                if person is None and strong:
                    person = Person(key, text)
                    found.persons.append(person)
                if person is None:
                    continue
                if len(key) > len(person.key):
                    person.key, person.name = key, text
                for t in name:
                    found.at[t.i] = person
                span = self.doc[name[0].i : name[-1].i + 1]
                person.mentions.append(
                    Mention(span.start_char, span.end_char, span.text, self.cast.sentence_of[span.start], "name")
                )
        return found

    def _name_tokens(self, tokens: list[Token]) -> tuple[list[Token], list[Token]]:
        """Split a candidate into (leading context: titles, states, honorifics; the name)."""
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t.i in self.country_at or t.i in self.places or t.lower_ in self.lead or (
                (self.honorifics.get(t.text) == "title" or self.titles.in_role(t)) and not self._given(t)
            ):
                i += 1
                continue
            break
        name = tokens[i:]
        cut = next((k for k, t in enumerate(name) if t.text == "("), None)
        if cut is not None:
            name = name[:cut]  # "Ana Duarte (Foreign Relations": the NER ran into a bracketed portfolio
        while name and (name[-1].lower_ in POSSESSIVE | {"'"} or not name[-1].text[0].isalpha()):
            name = name[:-1]
        return tokens[:i], name

    def _widen(self, ent: Span) -> list[Token]:
        """A PERSON entity with the name parts the NER left out: "Sameh" + "Shoukry", "Yoon Suk" + "Yeol"."""
        def part(t: Token) -> bool:
            return t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in self.country_at and (
                not self.titles.in_role(t) and self.honorifics.get(t.text) != "title"
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
            elif end + 1 < len(self.doc) and self.doc[end].is_title and self.doc[end].is_alpha \
                    and part(self.doc[end + 1]) and self.gaz.lookup(self.doc[end].text) is None:
                end += 2  # "Luís Carlos Martins Ferreira": a surname the tagger took for a common word
            else:
                break
        return list(self.doc[start:end])

    def _looks_like_name(self, name: list[Token]) -> bool:
        joined = {t.i for t in name if t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_}
        return bool(name) and name[0].text[:1].isupper() and all(
            t.text[:1].isupper() or t.lower_ in self.particles or t.i in joined or t.text.startswith(("al-", "el-"))
            for t in name
        ) and not all(t.is_stop for t in name) and not (len(name) == 1 and name[0].text in CALENDAR_WORDS)

    def _is_not_person(self, name: list[Token]) -> bool:
        text = " ".join(t.text for t in name)
        return (
            text in self.platforms
            or self.gaz.lookup(text) is not None
            or any(t.i in self.country_at for t in name)
            or all(self.titles.in_role(t) for t in name)
            or any(t.is_title and t.lower_ in self.nouns and self.nouns[t.lower_] == "organization" for t in name)
        )  # the last: an institution's name ("UN General Assembly"), not a person's

    def _key(self, name: list[Token]) -> tuple[str, ...]:
        """The name's words for matching: lower case, accents dropped ("Chavez" is "Chávez")."""
        return tuple(_folded(t.lower_) for t in name
                     if (self.honorifics.get(t.text) != "title" or self._given(t)) and t.text != "-")

    def _given(self, tok: Token) -> bool:
        """A title word that is a given name: "Sultan bin Mohammed" (a word before "bin" is one)."""
        return tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ in PATRONYMIC

    def _possessed(self, tok: Token) -> bool:
        """ "Egypt's Shoukry": a state's possessive right before the token."""
        return tok.i > 1 and self.doc[tok.i - 1].lower_ in POSSESSIVE and tok.i - 2 in self.country_at

    def _locative(self, span: Span) -> bool:
        """ "in Siem Reap", "at Camp David": a name governed by a locative preposition."""
        return span.root.dep_ == "pobj" and span.root.head.lower_ in self.locative

    def _portfolio_after(self, last: Token) -> bool:
        """Is the name followed by a bracketed portfolio: "Antonio Palocci (Finance)"?"""
        doc = self.doc
        return last.i + 2 < len(doc) and doc[last.i + 1].text == "(" and doc[last.i + 2].is_title

    def _evidence(self, name: list[Token]) -> bool:
        """A title, an honorific, "counterpart", an apposition or a state's possessive at the name."""
        before = self.doc[name[0].i - 1] if name[0].i > 0 else None
        place = before.i if before is not None else 0
        while place > 0 and (place - 1 in self.country_at) and place in self.country_at:
            place -= 1  # to the start of a state's long name: "President of the People's Republic of China X"
        while place > 0 and self.doc[place - 1].lower_ == "the" and place in self.country_at:
            place -= 1
        posted = before is not None and before.pos_ == "PROPN" and place > 1 and (  # "Ambassador to Tehran X", "President of Chile X"
            self.doc[place - 1].lower_ in {"to", "in", "of"} and self.titles.in_role(self.doc[place - 2])
        )
        split = before is not None and before.text == "." and before.i > 0 and (  # "MR. X", tokenised "MR" "."
            self.doc[before.i - 1].text + "." in self.honorifics and not self.doc[before.i - 1].whitespace_
        )
        return before is not None and (
            posted
            or split
            or self.titles.in_role(before)
            or before.text in self.honorifics
            or before.lemma_ in {"counterpart", "colleague"}
            or bool(self.titles.apposed(name[0], NO_ONE))
            or bool(self.titles.apposed_after(name[-1]))
        )


def _folded(word: str) -> str:
    """A word without accents, with a straight apostrophe: "chávez" -> "chavez"."""
    plain = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _find_person(persons: list[Person], key: tuple[str, ...]) -> Person | None:
    """The person whose name contains ``key`` as a run at its start or end (latest first)."""
    for person in reversed(persons):
        p, n = person.key, len(key)
        if any(p[i : i + n] == key for i in range(len(p) - n + 1)) and (key[-1] == p[-1] or key[0] == p[0]):
            return person
    for person in reversed(persons):  # Spanish usage: the first surname alone ("Restrepo" of "Jaime Restrepo Ochoa")
        if len(key) == 1 and len(person.key) >= 3 and person.key[-2] == key[0]:
            return person
    for person in reversed(persons):  # an earlier short form, now given in full
        p, n = person.key, len(person.key)
        if any(key[i : i + n] == p for i in range(len(key) - n + 1)):
            return person
    return None


class RoleReader:
    """Each person's role and state, from titles before the name, appositions and counterparts;
    a home state from the narrative for an official the titles give none."""

    def __init__(self, cast: Cast, states: States, titles: TitlePhrases, people: People, *, dateline_country: str = "",
                 home: str = ""):
        self.cast = cast
        self.doc = cast.doc
        self.subjects = states.subjects
        self.country_at = states.at
        self.titles = titles
        self.people = people
        self.dateline_country = dateline_country  # kept only if the text names that state too
        self.home = home  # ISO3 of the state whose government published the text ("" if none)
        self.honorifics = lexicon.honorifics()
        self.kinds = lexicon.roles()
        self.past = lexicon.words("actor_past_office")

    def __call__(self) -> set[int]:
        """Set each person's roles, states and title aliases; the title tokens that described them."""
        described: set[int] = set()
        counterparts: list[tuple[Person, Token]] = []
        named = self.people.at
        rosters = Rosters(self.doc, self.titles, self.country_at, named)
        shared, groups = rosters.shared_titles(), rosters.groups()
        for person in self.people.persons:
            for m in person.mentions:
                span = self.doc.char_span(m.start, m.end)
                first = span[0]
                if first.i in shared:  # "the presidents A from Venezuela and B from Colombia"
                    person.roles.append((3, -m.start, shared[first.i].role))
                    person.countries.extend([shared[first.i].country] if shared[first.i].country else [])
                    continue
                head, position = self.titles.listed_after(first, named)
                context, weight = self.titles.context(head, named), 3
                if position and not any(self.titles.plural(r) for r in self.titles.spans if r.start in {t.i for t in context}):
                    context, position = self.titles.context(first, named), 0
                if not context or all(t.text in self.honorifics for t in context):
                    after = self.titles.apposed_after(span[-1])
                    if any(t.i in named for t in after):  # "A, Minister of the Court General B,": B's title
                        after = []
                    context = self.titles.apposed(first, named) or after or context
                    weight = 2
                role, country, counterpart = self.titles.describe(context)
                if position:  # "Iraqi and Syrian Foreign Ministers A and B": B is the Syrian one
                    states = self.titles.states(context)
                    country = states[position] if position < len(states) else ""
                if context and not country:  # "President Lula of Brazil"; "his Paraguayan host, President NAME"
                    country = self.titles.of_state(span[-1]) or self.titles.describe(
                        self.titles.before_comma(context[0], named))[1]
                if context and not country and weight == 3:  # "Ambassador A, U.S. Ambassador to Kabul,"
                    after = self.titles.apposed_after(span[-1])
                    country = "" if any(t.i in named for t in after) else self.titles.describe(after)[1]
                if position:
                    context = []  # the shared title was the first name's: no alias, not described twice
                described.update(t.i for t in context)
                if any(t.lower_ in self.past for t in context):
                    continue  # "a former guerrilla commander" is not the office held now
                if role:
                    generic = self.kinds.get(role.lower()) == "generic"
                    person.roles.append((1 if generic else weight, -m.start, role))
                if country:
                    person.countries.append(country)
                if counterpart:
                    counterparts.append((person, first))
                if context and (role or counterpart):
                    self._alias(person, context)
        self._lead_titles(rosters.lead_titles())
        for person, first in counterparts:  # a counterpart holds the office of the one it is the counterpart of
            other = self.people.previous(first, self.cast.sentence_of, exclude=person) or self._last_official(first)
            if other is not None and other.role and not any(w >= 3 for w, _, _ in person.roles):
                person.roles.append((3, -first.idx, other.role))
        for person in self.people.persons:
            listing = next((groups[named_at] for named_at in self._firsts(person) if named_at in groups), None)
            if listing is not None and listing.role and not person.roles:  # "Brazilian ministers: A (Economy)"
                person.roles.append((2, 0, listing.role))
            if not person.countries:
                group = [self._group_country(listing)] if listing is not None else []
                person.countries.extend([c for c in group if c] or self._listed_country(person)
                                        or self._speaker_country(person) or self._home_country(person))
        self._counterparts_from()
        return described

    def _lead_titles(self, leads: list[tuple[int, str, list[str]]]) -> None:
        """'The foreign ministers of Iran and Kenya discussed ... X and his Kenyan counterpart Y held
        a call': the people with no office the lead's sentence or the next two name first hold the
        lead's title, one per state; one whose state the text leaves unsaid takes the state left."""
        for start, role, states in leads:
            sid = self.cast.sentence_of[start]
            named = [p for p in self.people.persons if not p.roles and p.mentions
                     and sid <= min(m.sentence_id for m in p.mentions) <= sid + 2]
            if not named or len(named) > len(states):
                continue
            for person in named:
                person.roles.append((1, 0, role))
            left = [s for s in states if s not in {c for p in named for c in p.countries}]
            unknown = [p for p in named if not p.countries]
            if len(unknown) == 1 and len(left) == 1:
                unknown[0].countries.append(left[0])

    def _counterparts_from(self) -> None:
        """ "X held talks with his counterparts from A, B and C": the first person of each of
        those states named after it, given no office, holds X's."""
        for tok in self.cast.tokens_where(LEMMA, ["counterpart"]):
            if tok.tag_ != "NNS" or tok.i + 1 >= len(self.doc) or self.doc[tok.i + 1].lower_ not in {"from", "of", "in"}:
                continue
            holder = self.people.previous(tok, self.cast.sentence_of)
            states, i = [], tok.i + 2
            while i < len(self.doc) and (i in self.country_at or self.doc[i].lower_ in {",", "and"}):
                if i in self.country_at and self.country_at[i] not in states:
                    states.append(self.country_at[i])
                i += 1
            if holder is None or not holder.role or len(states) < 2:
                continue
            for iso3 in states:
                after = [p for p in self.people.persons if p is not holder and p.country == iso3
                         and min(m.start for m in p.mentions) > tok.idx]
                first = min(after, key=lambda p: min(m.start for m in p.mentions), default=None)
                if first is not None and not first.roles:
                    first.roles.append((2, -tok.idx, holder.role))

    def _lead_place(self, first: Mention) -> str:
        """The state of the capital a sentence opens with: "In Beijing, X, a foreign ministry
        spokesman, said" speaks for China, whatever state the sentences before were about."""
        span = self.doc.char_span(first.start, first.end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        if sent is None or len(sent) < 3 or sent[0].lower_ != "in":
            return ""
        for m in self.cast.mentions:
            actor = self.cast.actors.get(m.actor_id)
            if m.start == sent[1].idx and actor is not None and actor.kind == "place" and actor.country:
                after = self.doc.char_span(m.end, m.end + 1, alignment_mode="expand")
                return actor.country if after is not None and after.text == "," else ""
        return ""

    def _group_country(self, listing: Listing) -> str:
        """The state of a listed group: its own, else its owner's ("President X's aides")."""
        owner = self.people.at.get(listing.owner)
        return listing.country or (owner.country if owner is not None else "")

    def _speaker_country(self, person: Person) -> list[str]:
        """The publishing government's state for a speaker of its transcript ("MR. SMITH:" in a
        White House briefing speaks for the USA)."""
        text = text_of(self.doc)
        label = any(text[m.end : m.end + 2].strip()[:1] == ":" for m in person.mentions)
        return [self.home] if label and self.home else []

    def _last_official(self, tok: Token) -> Person | None:
        """The last person with a role named before ``tok``: whose counterpart "his counterpart" is,
        when no one is named in its sentence or the one before."""
        before = [(m.start, p) for p in self.people.persons for m in p.mentions if m.start < tok.idx and p.roles]
        return max(before, key=lambda x: x[0])[1] if before else None

    def _firsts(self, person: Person) -> list[int]:
        """The index of the first token of each mention of the person by name."""
        return [span[0].i for m in person.mentions if (span := self.doc.char_span(m.start, m.end)) is not None]

    def _listed_country(self, person: Person) -> list[str]:
        """The state of a person the text gives none, from their date-bounded entry in the
        actor dictionaries on the publication date ("President Obama" in 2014: USA)."""
        code = self.cast.listed_code(person.name)[:3]  # ISO3 for all states but a few (KSV): those stay unknown
        return [code] if code in self.cast.gazetteer.countries else []

    def _alias(self, person: Person, context: list[Token]) -> None:
        """The title phrase as an alias of the person ("Russian Foreign Minister")."""
        span = self.doc[context[0].i : context[-1].i + 1]
        while len(span) and (span[0].lower_ == "the" or span[-1].is_punct):
            span = span[1:] if span[0].lower_ == "the" else span[:-1]
        if len(span):
            person.aliases.append(span.text)

    def _home_country(self, person: Person) -> list[str]:
        """A state the narrative gives an official with no nationality in their title.

        "Poland summoned the envoy. Deputy Foreign Minister X told him ...": the state that is
        the subject of the person's sentence or the two before it; else the dateline's state.
        """
        if not person.roles:
            return []
        first = min(person.mentions, key=lambda m: m.start)
        lead = self._lead_place(first)
        if lead:
            return [lead]
        for sid in (first.sentence_id, first.sentence_id - 1, first.sentence_id - 2):
            for iso3, tok in self.subjects.get(sid, []):
                if sid < first.sentence_id or tok.idx < first.start:
                    return [iso3]
        if not self.dateline_country:
            return []
        state = slugify(self.cast.gazetteer.countries[self.dateline_country].name)
        return [self.dateline_country] if any(m.actor_id == state for m in self.cast.mentions) else []


class LaterMentions:
    """Later references to named people: a title ("the Iranian foreign minister", "his
    Azerbaijani counterpart") or a pronoun ("he"), added to the person's mentions.

    A bare title used before anyone holding it is named ("The President spoke with President
    X" in a readout) is an unnamed holder of the office: it and every later bare use of that
    title, and the pronouns that refer to it, get no person; when the publisher is a state's
    government (``home``: a White House readout's "the President"), they mention that state.
    """

    def __init__(self, cast: Cast, titles: TitlePhrases, people: People, described: set[int], *, home: str = ""):
        self.cast = cast
        self.doc = cast.doc
        self.titles = titles
        self.people = people
        self.described = described  # tokens of titles already attached to a named person
        self.honorifics = lexicon.honorifics()
        self.kinds = lexicon.roles()
        self.pronouns = lexicon.words("actor_pronouns")
        self.unnamed: dict[str, Person] = {}  # bare title -> its unnamed holder (never a person actor)
        self.home = home  # ISO3 of the state whose government published the text ("" if none)

    def __call__(self) -> None:
        self.by_title()
        self.by_pronoun()
        self.holders()

    def holders(self) -> None:
        """The publishing government's unnamed office holders ("the President" of a White House
        readout) stand for its state: their mentions are the state's (a person is someone named)."""
        if not self.home:
            return
        state = self.cast.country_actor(self.home)
        for holder in self.unnamed.values():
            for m in holder.mentions:
                m.actor_id = state
                self.cast.mentions.append(m)

    def by_title(self) -> None:
        """ "the Iranian foreign minister", "his Azerbaijani counterpart": the person meant."""
        named = {m.start for p in self.people.persons for m in p.mentions}
        at = self.people.at
        counterparts = self.cast.tokens_where(LEMMA, ["counterpart"])
        heads = list(self.titles.spans) + [self.doc[t.i : t.i + 1] for t in counterparts]
        for span in sorted(heads, key=lambda s: s.start):
            root = span[-1]
            nxt = self.doc[root.i + 1] if root.i + 1 < len(self.doc) else None
            if root.tag_ in {"NNS", "NNPS"} or (nxt is not None and nxt.i in at) or not self.cast.in_text(span):
                continue
            if nxt is not None and nxt.text in self.honorifics:
                continue
            left = [t for t in root.subtree if t.i <= root.i]
            if any(t.i in at or t.i in self.described for t in left) or span.start_char in named:
                continue
            role, country, counterpart = self.titles.describe(left)
            country = country or self.titles.of_state(root)  # "the President of Russia"
            if counterpart and not country:
                continue
            # "the President": the article's own, unnamed head of state once a bare use came first
            bare = not country and not counterpart and left[0].lower_ == "the" and left[1].i == span.start
            title = role.lower()
            person = None if bare and title in self.unnamed else self._match_title(title, country, counterpart, span[0])
            if person is None and country and not counterpart:  # "In his meeting with ..., the Iranian Foreign Minister"
                person = self._named_later(title, country, span[0]) or self._untitled(country, span[0])
            phrase = self.doc[left[0].i : root.i + 1]
            if phrase[0].lower_ == "the":
                phrase = phrase[1:]
            mention = Mention(phrase.start_char, phrase.end_char, phrase.text, self.cast.sentence_of[phrase.start], "title")
            if person is None:
                if bare:
                    self.unnamed.setdefault(title, self._holder(role)).mentions.append(mention)
                continue
            if self._refines(person.role.lower(), title, country) or not person.role:
                person.roles.append((2, -phrase.start_char, role))
            person.mentions.append(mention)

    def _holder(self, role: str) -> Person:
        """The unnamed holder of the office ``role``: no actor of its own (see ``holders``)."""
        return Person(("the", role.lower()), "")

    def _refines(self, role: str, title: str, country: str) -> bool:
        """Does a later title with a state name the office a generic one hid ("Iran's top
        diplomat X" ... "the Iranian foreign minister")?"""
        return bool(country) and role in GENERIC_DIPLOMAT and self.kinds.get(title) == "diplomat"

    def _same_office(self, role: str, title: str, country: str, counterpart: bool) -> bool:
        """Does a title ("the minister", "the top diplomat", "the envoy") name the office ``role``?"""
        return role == title or (
            title in GENERIC_DIPLOMAT and self.kinds.get(role) == "diplomat"
        ) or (title == "minister" and role.endswith("minister")) or (counterpart and not title) or (
            title == "envoy" and "ambassador" in role
        ) or self._refines(role, title, country)

    def _match_title(self, title: str, country: str, counterpart: bool, tok: Token) -> Person | None:
        """The person named before ``tok`` whom the title fits: the subject of this sentence or
        the one before if one fits, else the one named last."""
        if counterpart:
            other = self.people.previous(tok, self.cast.sentence_of)
            title = other.role.lower() if other is not None else ""
        fits = [p for p in self.people.persons
                if (not country or country in p.countries) and p.mentions and p.mentions[0].start < tok.idx
                and self._same_office(p.role.lower(), title, country, counterpart)]
        sid = self.cast.sentence_of[tok.i]
        subjects = [p for p in fits if any(
            sid - 1 <= m.sentence_id <= sid and m.start < tok.idx and self._subject(m) for m in p.mentions)]
        if len(subjects) == 1 and len(fits) > 1:
            return subjects[0]
        if not fits:
            return None
        return max(fits, key=lambda p: max(m.start for m in p.mentions if m.start < tok.idx))

    def _named_later(self, title: str, country: str, tok: Token) -> Person | None:
        """The one person of the state ``country`` holding the office the title names, named
        after it: a lead that gives the title before the name."""
        fits = [p for p in self.people.persons if country in p.countries and p.mentions
                and p.mentions[0].start > tok.idx and self._same_office(p.role.lower(), title, country, False)]
        return fits[0] if len(fits) == 1 else None

    def _untitled(self, country: str, tok: Token) -> Person | None:
        """The one person of the state named before ``tok`` with no office: "Vladimir Putin had a
        telephone conversation ... The President of Russia congratulated ..." names his office."""
        fits = [p for p in self.people.persons if not p.role and country in p.countries and p.mentions
                and p.mentions[0].start < tok.idx]
        return fits[0] if len(fits) == 1 else None

    def _subject(self, m: Mention) -> bool:
        return is_subject(self.doc, m)

    def by_pronoun(self) -> None:
        """he/his/she/her: see ``pronouns.resolve``."""
        resolve(self.cast, [*self.people.persons, *self.unnamed.values()], self.pronouns, home=self.home)


def people(cast: Cast, states: States, *, dateline_country: str = "", publisher_country: str = "") -> People:
    """The people the article names, with their roles and states and every mention of them:
    by name, by title and by pronoun. ``dateline_country`` is the fallback home state of
    officials the text gives no nationality, if the text names it too; ``publisher_country``
    the state whose government published the text, which its unnamed office holders ("the
    President") stand for."""
    titles = TitlePhrases(cast, states)
    found = NameFinder(cast, states, titles)()
    described = RoleReader(cast, states, titles, found, dateline_country=dateline_country, home=publisher_country)()
    LaterMentions(cast, titles, found, described, home=publisher_country)()
    return found
