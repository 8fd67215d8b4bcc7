"""Actors: who the article is about, one row per real-world actor, with every mention.

The spaCy NER labels are a starting point only: a state is recognised from the country
gazetteer (``stages/countries.py``), a person from a name the NER or a preceding title gives,
and later mentions (surname alone, "the Iranian foreign minister", "his Azerbaijani
counterpart", "he") are resolved to the person they refer to (``stages/people.py``). Then
come organisations and groups described by a state ("the Iranian foreign ministry"),
platforms, and the organisations and places the NER names.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from .. import lexicon
from ..article import slugify
from ..cameo import trigger_table
from ..dictionaries import Dictionaries
from ..gazetteer import gazetteer
from ..dictionaries.actors import actor_code, sector_of
from ..dictionaries.store import NON_STATE
from ..models import Actor, Mention
from .cast import Cast, covering_code
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
        self.portfolios = lexicon.words("actor_portfolios")
        self.events_nouns = frozenset(trigger_table().by_lemma)
        self.portfolio_names = lexicon.word_values("portfolio_names")

    def __call__(self) -> None:
        """Add them to the cast, collectives first."""
        self.collectives()
        self.named_others()

    def collectives(self) -> None:
        """Organisations and groups described by a noun and a state ("the Iranian foreign ministry")."""
        by_head: dict[str, str] = {}
        for tok in self.cast.tokens_where(LOWER, [n for n, k in self.nouns.items() if k in COLLECTIVE_KINDS]):
            kind = self.nouns.get(tok.lower_)
            if kind not in COLLECTIVE_KINDS or self.cast.outside(tok.idx) or tok.i in self.person_at:
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
            portfolio = self._portfolio(tail)
            if kind == "organization" and country and (not tail or portfolio):  # "Ministry of Foreign Affairs
                words = [t.text.lower() for t in self.doc[start : tok.i + 1]  # of Iran": Iran's foreign ministry
                         if t.i not in self.country_at and t.lower_ not in {"'s", "’s", "the"}]
                actor_id = slugify(f"{self.gaz.countries[country].name} {portfolio} {' '.join(words)}")
            elif kind == "organization":
                actor_id = slugify(name)
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

    def _portfolio(self, tail: list[Token]) -> str:
        """The portfolio an "of" phrase names, as the word before the noun would ("of Foreign Affairs
        of Iran": foreign), its states left out; "" if the phrase names something else or nothing."""
        words = [t.lower_ for t in tail if t.i not in self.country_at and t.lower_ not in {"of", "the", "in"}]
        for n in (3, 2, 1):
            if " ".join(words[:n]) in self.portfolio_names:
                return self.portfolio_names[" ".join(words[:n])]
        if words and all(w in self.portfolios or w in {"and", ","} for w in words):  # "of Energy", "of Oil and Gas"
            return " ".join(w for w in words if w != ",")
        return ""

    def _the(self, tok: Token) -> bool:
        return tok.i > 0 and self.doc[tok.i - 1].lower_ == "the"

    def _transnational(self, name: str) -> bool:
        """Is ``name`` an international organisation's in the dictionaries ("United Nations": ``IGOUNO``)?"""
        return covering_code(self.cast.dictionaries, name, on=self.cast.published)[:3] in NON_STATE

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
            if all(t.lower_ in self.portfolios for t in span) and span.start > 0 and self.doc[span.start - 1].lower_ == "of":
                continue  # a title's portfolio: "Minister of State", "Minister of Foreign Affairs"
            if len(span) == 1 and span[0].dep_ == "compound" and span[0].head.lemma_.lower() in self.events_nouns:
                continue  # "a State visit", "the Summit meeting": a kind of event, no one's name
            # The NER may label one name differently at each mention ("Karabakh": ORG, GPE):
            # a name ever labelled a place is a place.
            if span.text in self.platforms:
                kind = "organization"
            elif (ent.label_ in PLACE_LABELS or span.text in place_names) and not self._transnational(span.text):
                kind = "place"
            elif ent.label_ in {"ORG", *PLACE_LABELS}:  # "at the United Nations": an organisation the NER placed
                kind = "organization"
            else:
                continue
            if span.start_char in taken:
                continue
            actor = self.cast.actor(slugify(span.text), span.text, kind)
            self.cast.mention(span, actor.actor_id, "name")
            taken.update(range(span.start_char, span.end_char))
        for tok in self.cast.tokens_where(ORTH, self.platforms):  # platforms the NER missed or called people
            if tok.text in self.platforms and not self.cast.outside(tok.idx) and tok.idx not in taken:
                actor = self.cast.actor(slugify(tok.text), tok.text, "organization")
                self.cast.mention(self.doc[tok.i : tok.i + 1], actor.actor_id, "name")


class ActorCodes:
    """Each actor's CAMEO actor code, from the Phoenix actor and agent dictionaries and the
    text: a state's country code (``IRN``), a person's state and the sector of their role
    (``Foreign Minister`` -> ``IRNGOV``), an organisation's own entry (``IGOUNO``) or its
    state and sector ("the Iranian foreign ministry" -> ``IRNGOV``)."""

    def __init__(self, cast: Cast):
        self.cast = cast
        self.dictionaries = cast.dictionaries
        self.on = cast.published
        self.military = lexicon.words("actor_military_roles")

    def __call__(self, actors: list[Actor]) -> None:
        """Set ``cameo_code`` on each actor (people, states, organisations and groups; places have none)."""
        for actor in actors:
            if actor.kind == "country":
                actor.cameo_code = self.state(actor.country)
            elif actor.kind == "person":
                actor.cameo_code = self.person(actor)
            elif actor.kind in COLLECTIVE_KINDS:
                actor.cameo_code = self.collective(actor)

    def state(self, iso3: str) -> str:
        """The dictionaries' code of a state: its name's entry (ISO3 for almost all: ``IRN``;
        Kosovo ``KSV``), else the ISO3 code itself."""
        if not iso3:
            return ""
        country = self.cast.gazetteer.countries.get(iso3)
        for form in (country.name, country.demonym) if country else ():
            code = self.whole(form)
            if code and code[:3] in self.dictionaries.countries:
                return code[:3]
        return iso3

    def person(self, actor: Actor) -> str:
        """A person's state and the sector of their role; the dictionaries' own entry for what
        the text does not say (``USAGOV`` for an unqualified "President Obama" in 2014)."""
        listed = self.cast.listed_code(actor.name)
        country = self.state(actor.country) if actor.country else ""
        if not country:  # an official of an international organisation: "UN Secretary-General X"
            codes = [actor_code(self.dictionaries, alias, on=self.on) or "" for alias in actor.aliases]
            return next((c for c in codes + [listed] if c[:3] in NON_STATE), "")
        # the fullest title phrase first: "rebel commander" is REB where "Commander" alone is MIL
        titles = [a for a in actor.aliases if actor.role and actor.role.lower() in a.lower()] + [actor.role]
        sector = self.sector(*titles, *actor.aliases)
        if not sector and listed[:3] == country:
            return listed
        return country + sector

    def sector(self, *titles: str) -> str:
        """The sector of the first title an agent noun codes ("Foreign Minister": ``GOV``);
        ``MIL`` for a military rank the agents lack ("General")."""
        for title in titles:
            if not title:
                continue
            code = sector_of(self.dictionaries, title)
            if code:
                return code
            if title.lower() in self.military or title.lower().rsplit(" ", 1)[-1] in self.military:
                return "MIL"
        return ""

    def collective(self, actor: Actor) -> str:
        """An organisation's or group's own entry when it names the whole of it ("United
        Nations": ``IGOUNO``), else its state's code and sector ("Iranian foreign ministry": ``IRNGOV``)."""
        code = self.whole(actor.name)
        if code and not code.startswith("---"):
            return code
        country = self.state(actor.country)
        if not country:
            return ""
        return country + (code[3:6] if code else self.sector(actor.name))

    def whole(self, phrase: str) -> str:
        return covering_code(self.dictionaries, phrase, on=self.on)

def actors(doc: Doc, *, start: int = 0, dateline: str = "", published: dt.date | None = None,
           dictionaries: Dictionaries | None = None, publisher: str = "",
           credits: tuple[tuple[int, int], ...] = ()) -> tuple[list[Actor], list[Mention]]:
    """The actors of a parsed article and every mention of them, in order of appearance.

    ``start`` is where the news text begins (after a dateline), so a dateline's city is not
    taken for an actor; the dateline's place (``"TEHRAN"``) is the fallback home state of
    officials the text gives no nationality. ``published`` is the day the actor dictionaries'
    date-bounded entries are read for (who held an office then); ``dictionaries`` is the set
    (``parley.dictionaries.load(PATH)``), the vendored Phoenix set by default. ``publisher``
    is who published the text: a state's government ("The White House", ``USAGOV``) makes
    the unnamed office holders of its releases ("the President") people of that state.
    ``credits`` are the ``(start, end)`` of names in credit lines (a byline, a reporter's
    line: ``Article.credits``): no actor is taken from them.
    """
    cast = Cast(doc, start=start, published=published, dictionaries=dictionaries, credits=credits)
    found_states = states(cast)
    found_people = people(cast, found_states, dateline_country=dateline_country(dateline),
                          publisher_country=publisher_country(cast, publisher))
    OtherActors(cast, found_states, found_people)()
    rows, mentions = _cast_rows(cast, found_people)
    ActorCodes(cast)(rows)
    return rows, mentions


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


def publisher_country(cast: Cast, publisher: str) -> str:
    return government_state(cast.dictionaries, publisher, cast.published)


def government_state(dictionaries: Dictionaries, publisher: str, published: dt.date | None) -> str:
    """The state whose government the actor dictionaries say published the text ("The White
    House, Office of the Press Secretary": ``USAGOV`` -> ``USA``); "" for anyone else (a news
    agency, a state broadcaster: ``Voice of America`` is ``USA``, not its government)."""
    code = (actor_code(dictionaries, publisher, on=published) or "") if publisher else ""
    # the dictionaries' state codes are ISO3 for all states but a few (Kosovo ``KSV``): those stay unknown
    return code[:3] if code[3:6] == "GOV" and code[:3] in gazetteer().countries else ""


def dateline_country(dateline: str) -> str:
    """ISO3 of the state of the place a dateline names ("Brasília -": BRA), "" if none."""
    place = _dateline_place(dateline)
    home = gazetteer().lookup(place.title()) if place else None
    return home[0] if home else ""


def _dateline_place(dateline: str) -> str:
    """The place a dateline opens with: "WARSAW (Reuters) -" and "Brasília -" both name one."""
    match = re.match(r"[A-ZÀ-Ý][\w .'’-]*?(?=\s*(?:,|\(|[–—]|:|$)|\s+-)", dateline or "")
    return match.group().strip() if match else ""
