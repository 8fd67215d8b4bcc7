"""States in the text: by name, official name, demonym or capital.

A capital stands for its government ("Tehran and Baku eased tensions") unless a locative
preposition governs it ("talks in Tehran": a place). An official-name prefix alone ("the
Islamic Republic") is the state it can only be: the one such state the article names.
Coordinated names that share a head noun name a state each: "South and North Korea" is
"South Korea" and "North Korea".
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .. import lexicon
from ..article import slugify
from ..gazetteer import gazetteer
from .cast import Cast, phrase_patterns

SUBJECT = {"nsubj", "nsubjpass"}


@functools.cache
def country_matcher(vocab: Vocab) -> PhraseMatcher:
    """A phrase matcher (exact case) for every form of a state and every official-name prefix, built once."""
    gaz = gazetteer()
    matcher = PhraseMatcher(vocab, attr="ORTH")
    matcher.add("COUNTRY", phrase_patterns(list(gaz.forms) + list(gaz.official_prefixes)))
    return matcher


@dataclass(frozen=True)
class States:
    """Where the text names states: what the people finder needs to know of them."""

    at: dict[int, str]  # token index -> ISO3 of the state named there
    subjects: dict[int, list[tuple[str, Token]]]  # sentence id -> (ISO3, token) of states that are a subject


class StateFinder:
    """Finds the states an article names and adds them (and capitals named as places) to the cast."""

    def __init__(self, cast: Cast):
        self.cast = cast
        self.doc = cast.doc
        self.gaz = cast.gazetteer
        self.matcher = country_matcher(cast.doc.vocab)
        self.locative = lexicon.words("actor_locative")

    def __call__(self) -> States:
        """Every state named in the news text, its mentions added to the cast."""
        return self.set_annotations(self.match())

    def match(self) -> list[tuple[Span, tuple[str, str]]]:
        """(span, (ISO3, how)) of every form of a state in the news text, in text order."""
        spans = filter_spans([self.doc[s:e] for _, s, e in self.matcher(self.doc)])
        hits = [self.gaz.lookup(s.text) for s in spans]  # looked up once: Span.text joins its tokens
        found = {hit[0] for hit in hits if hit}
        matches = []
        named_orgs = {t.i for e in self.doc.ents if e.label_ == "ORG"
                      for t in e if any(o.lower_ == "of" and o.i < t.i for o in e)}
        for span, hit in zip(spans, hits):
            if not self.cast.in_text(span):
                continue
            if hit is not None and hit[1] == "demonym" and span.start in named_orgs:
                continue  # "the Organization of American States": a word of an organisation's name
            if hit is None:  # "the Islamic Republic": the one state in the article it can be
                options = [iso for iso in self.gaz.official_prefixes.get(span.text, ()) if iso in found]
                if len(options) != 1:
                    continue
                hit = (options[0], "name")
            matches.append((span, hit))
        return sorted(matches + self.elided(matches), key=lambda m: m[0].start)

    def elided(self, matches: list[tuple[Span, tuple[str, str]]]) -> list[tuple[Span, tuple[str, str]]]:
        """ "South and North Korea": the word before "and" with the head noun of the state after
        it, when the gazetteer knows that name ("South Korea"), is a state of its own."""
        found, covered = [], {t.i for span, _ in matches for t in span}
        for span, (iso3, how) in matches:
            if how not in {"name", "demonym"} or len(span) < 2 or span.start < 2:
                continue
            word, conj = self.doc[span.start - 2], self.doc[span.start - 1]
            if conj.lower_ not in {"and", "or"} or not word.is_title or word.i in covered:
                continue
            hit = self.gaz.lookup(f"{word.text} {span[1:].text}")
            if hit and hit[0] != iso3 and not self.cast.outside(word.idx):
                found.append((self.doc[word.i : word.i + 1], hit))
        return found

    def set_annotations(self, matches: list[tuple[Span, tuple[str, str]]]) -> States:
        """Add each state (or capital as a place) to the cast; where the states are."""
        at: dict[int, str] = {}
        subjects: dict[int, list[tuple[str, Token]]] = {}
        for span, (iso3, how) in matches:
            head = span.root.head
            if how == "capital" and span.root.dep_ == "pobj" and head.lower_ in self.locative:
                place = self.cast.actor(slugify(span.text), span.text, "place", iso3)
                self.cast.mention(span, place.actor_id, "name")
                continue
            for tok in span:
                at[tok.i] = iso3
            root = span.root
            if root.dep_ in SUBJECT or (root.dep_ == "poss" and root.head.dep_ in SUBJECT):
                subjects.setdefault(self.cast.sentence_of[root.i], []).append((iso3, root))
            self.cast.mention(self._with_article(span), self.cast.country_actor(iso3), how)
        return States(at, subjects)

    def _with_article(self, span: Span) -> Span:
        """Widen "Republic of Azerbaijan" to "the Republic of Azerbaijan" for official names."""
        first = span[0]
        if first.i > 0 and self.doc[first.i - 1].lower_ == "the" and len(span) > 1:
            return self.doc[first.i - 1 : span.end]
        return span


def states(cast: Cast) -> States:
    """The states the article names, each mention added to ``cast``."""
    return StateFinder(cast)()
