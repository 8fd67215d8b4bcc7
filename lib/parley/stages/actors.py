"""Actors: who the article is about, one row per real-world actor, with every mention.

The spaCy NER labels are a starting point only: a state is recognised from the country
gazetteer (``stages/countries.py``), a person from a name the NER or a preceding title gives,
and later mentions (surname alone, "the Iranian foreign minister", "his Azerbaijani
counterpart", "he") are resolved to the person they refer to (``stages/people.py``). Then
come organisations and groups described by a state ("the Iranian foreign ministry"),
platforms, and the organisations and places the NER names.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from .. import lexicon
from ..article import slugify
from ..models import Actor, Mention
from .cast import Cast
from .countries import States, states
from .people import People, people

PLACE_LABELS = {"GPE", "LOC", "FAC"}
COLLECTIVE_KINDS = {"organization", "group"}
MODIFIERS = {"amod", "compound", "poss", "nmod", "npadvmod"}  # dependents of a noun that may name its state


class OtherActors:
    """The actors that are neither states nor people: organisations and groups of a state,
    platforms, and the organisations and places the NER names."""

    def __init__(self, cast: Cast, states: States, people: People):
        self.cast = cast
        self.doc = cast.doc
        self.gaz = cast.gazetteer
        self.country_at = states.at
        self.person_at = people.at
        self.nouns = lexicon.nouns()
        self.platforms = lexicon.platforms()

    def __call__(self) -> None:
        """Add them to the cast, collectives first."""
        self.collectives()
        self.named_others()

    def collectives(self) -> None:
        """Organisations and groups described by a noun and a state ("the Iranian foreign ministry")."""
        by_head: dict[str, str] = {}
        for tok in self.cast.tokens_where(LOWER, [n for n, k in self.nouns.items() if k in COLLECTIVE_KINDS]):
            kind = self.nouns.get(tok.lower_)
            if kind not in COLLECTIVE_KINDS or tok.idx < self.cast.start or tok.i in self.person_at:
                continue
            left = [t for t in tok.lefts if t.dep_ in MODIFIERS]
            mods = [x for t in left for x in t.subtree]
            tail = self._of_phrase(tok)
            isos = list(dict.fromkeys(self.country_at[t.i] for t in mods + tail if t.i in self.country_at))
            if not isos and not (kind == "organization" and tok.head.lemma_ != "of" and self._the(tok)):
                continue
            start = min([t.i for t in mods] + [tok.i])
            end = max([t.i for t in tail] + [tok.i]) + 1
            span = self.doc[start:end]
            if not isos:  # "the ministry": the organisation of that kind named last
                actor_id = by_head.get(tok.lower_)
                if actor_id:
                    self.cast.mention(self.doc[tok.i - 1 : tok.i + 1], actor_id, "other")
                continue
            name = span.text.replace("’s ", "'s ")
            country = isos[0] if len(isos) == 1 else ""
            if kind == "organization":
                words = [t.text.lower() for t in span if t.i not in self.country_at and t.lower_ not in {"'s", "’s"}]
                base = f"{self.gaz.countries[country].name} {' '.join(words)}" if country and not tail else name
                actor_id = slugify(base)
            else:
                actor_id = slugify(f"{self.gaz.countries[country].demonym} {tok.lower_}") if country else slugify(name)
            actor = self.cast.actor(actor_id, name, kind, country)
            if len(name) > len(actor.name):
                actor.name = name
            by_head[tok.lower_] = actor_id
            self.cast.mention(span, actor_id, "name")

    @staticmethod
    def _of_phrase(tok: Token) -> list[Token]:
        """The "of"/"in" phrase after a noun, up to punctuation or an apposition ("ministry of Iran")."""
        tail: list[Token] = []
        for prep in [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"of", "in"}]:
            for t in prep.subtree:
                if t.is_punct or t.dep_ == "appos":
                    break
                tail.append(t)
        return tail

    def _the(self, tok: Token) -> bool:
        return tok.i > 0 and self.doc[tok.i - 1].lower_ == "the"

    def named_others(self) -> None:
        """Platforms, NER organisations and places that are not people or states."""
        place_names = {(e[1:] if e[0].lower_ == "the" else e).text for e in self.doc.ents if e.label_ in PLACE_LABELS}
        taken = {i for m in self.cast.mentions for i in range(m.start, m.end)}
        for ent in self.doc.ents:
            if not self.cast.in_text(ent) or any(t.i in self.person_at or t.i in self.country_at for t in ent):
                continue
            span = ent[1:] if ent[0].lower_ == "the" else ent
            if not len(span) or span.text in self.gaz.official_prefixes:  # an ambiguous "Islamic Republic"
                continue
            # The NER may label one name differently at each mention ("Karabakh": ORG, GPE):
            # a name ever labelled a place is a place.
            if span.text in self.platforms:
                kind = "organization"
            elif ent.label_ in PLACE_LABELS or span.text in place_names:
                kind = "place"
            elif ent.label_ == "ORG":
                kind = "organization"
            else:
                continue
            if span.start_char in taken:
                continue
            actor = self.cast.actor(slugify(span.text), span.text, kind)
            self.cast.mention(span, actor.actor_id, "name")
            taken.update(range(span.start_char, span.end_char))
        for tok in self.cast.tokens_where(ORTH, self.platforms):  # platforms the NER missed or called people
            if tok.text in self.platforms and tok.idx >= self.cast.start and tok.idx not in taken:
                actor = self.cast.actor(slugify(tok.text), tok.text, "organization")
                self.cast.mention(self.doc[tok.i : tok.i + 1], actor.actor_id, "name")


def actors(doc: Doc, *, start: int = 0, dateline: str = "") -> tuple[list[Actor], list[Mention]]:
    """The actors of a parsed article and every mention of them, in order of appearance.

    ``start`` is where the news text begins (after a dateline), so a dateline's city is not
    taken for an actor; the dateline's place (``"TEHRAN"``) is the fallback home state of
    officials the text gives no nationality.
    """
    cast = Cast(doc, start=start)
    place = _dateline_place(dateline)
    home = cast.gazetteer.lookup(place.title()) if place else None
    found_states = states(cast)
    found_people = people(cast, found_states, dateline_country=home[0] if home else "")
    OtherActors(cast, found_states, found_people)()
    return _cast_rows(cast, found_people)


def _cast_rows(cast: Cast, found: People) -> tuple[list[Actor], list[Mention]]:
    """The actor rows (people added last) and the mentions, each in order of first appearance."""
    for person in found.persons:
        actor = cast.actor(person.actor_id, person.name, "person", person.country, person.role)
        for m in person.mentions:
            m.actor_id = person.actor_id
            cast.mentions.append(m)
        actor.aliases = list(dict.fromkeys(person.aliases))
    forms = defaultdict(list)
    for m in sorted(cast.mentions, key=lambda m: (m.start, m.end)):
        if m.how != "pronoun":
            forms[m.actor_id].append(m.text)
    counts = Counter(m.actor_id for m in cast.mentions)
    for actor in cast.actors.values():
        actor.aliases = [a for a in dict.fromkeys(actor.aliases + forms[actor.actor_id]) if a != actor.name]
        actor.mentions = counts[actor.actor_id]
    mentions = sorted(cast.mentions, key=lambda m: (m.start, m.end, m.actor_id))
    firsts: dict[str, int] = {}
    for m in mentions:
        firsts.setdefault(m.actor_id, m.start)
    actors = sorted(cast.actors.values(), key=lambda a: (firsts.get(a.actor_id, 1 << 30), a.actor_id))
    return actors, mentions


def _dateline_place(dateline: str) -> str:
    match = re.match(r"[A-Z][A-Z .'’-]*[A-Z]", dateline or "")
    return match.group().strip() if match else ""
