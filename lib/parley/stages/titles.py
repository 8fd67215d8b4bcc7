"""Titles: the role titles of an article ("Foreign Minister", "the envoy to Beijing"), and the
title phrases that describe a name, with the role and state they state.

Read by the people finder (``stages/people.py``) for a person's role and state, and for the
later mentions of a person by title.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Container

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .. import lexicon
from .cast import Cast, covering_code, phrase_patterns
from .countries import States

ARTICLES = {"the", "a", "an"}


@functools.cache
def role_matcher(vocab: Vocab) -> PhraseMatcher:
    """A phrase matcher (any case) for every role title of ``roles.csv``, built once."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    titles = list(lexicon.roles())
    plurals = [t + "s" for t in titles if not t.endswith("s") and t.isascii()]  # "Foreign Ministers X and Y"
    matcher.add("ROLE", phrase_patterns(titles + plurals))
    return matcher


def _title_case(text: str) -> str:
    """ "foreign minister" -> "Foreign Minister"; small words and elisions stay ("Chargé d’Affaires")."""
    small = lexicon.words("actor_title_small_words")
    words = []
    for w in text.split():
        if w.lower() in small and words:
            words.append(w.lower())
        elif w[:2].lower() in {"d'", "d’"}:
            words.append(w[:2].lower() + w[2:3].upper() + w[3:])
        else:
            words.append(w if w.isupper() else w[:1].upper() + w[1:])
    return " ".join(words)


class TitlePhrases:
    """The role titles of an article, and the title phrases that describe a name: before it
    ("Iran's Foreign Minister X"), set off before it ("the envoy to Beijing, X") or after it
    ("X, Qatar's foreign minister,"). ``named``: the tokens known to name a person."""

    def __init__(self, cast: Cast, states: States):
        self.doc = cast.doc
        self.country_at = states.at
        self.honorifics = lexicon.honorifics()
        self.kinds = lexicon.roles()
        self.portfolios = lexicon.words("actor_portfolios")
        self.qualifiers = lexicon.words("actor_role_qualifiers")
        self.cast = cast
        found = filter_spans([self.doc[s:e] for _, s, e in role_matcher(self.doc.vocab)(self.doc)])
        # a title whose last word is a title word plus "s" is a plural one ("Foreign Ministers")
        last_words = {re.split(r"[\s-]", t)[-1] for t in self.kinds}
        self.plurals = {r.start: r.end for r in found
                        if r[-1].lower_ not in last_words and r[-1].lower_[:-1] in last_words}
        self.spans: list[Span] = [self._with_portfolio(r) for r in found]
        self.tokens = {i for r in self.spans for i in range(r.start, r.end)}  # the tokens of ``spans``
        self.context_words = lexicon.words("actor_context_words")
        self.openers = lexicon.words("actor_phrase_openers")
        self.apposition_openers = ARTICLES | lexicon.words("actor_pronouns")

    def _with_portfolio(self, role: Span) -> Span:
        """A title with the portfolio after it: "Minister" + "of Energy and Natural Resources"."""
        end = role.end
        if end + 1 >= len(self.doc) or self.doc[end].lower_ not in {"of", "for"}:
            return role
        i, last = end + 1, None
        while i < len(self.doc):
            t = self.doc[i]
            if t.lower_ in self.portfolios and t.i not in self.country_at:
                last = i
            elif not (t.lower_ in {"and", ",", "&"} and last == i - 1):
                break
            i += 1
        return self.doc[role.start : last + 1] if last is not None else role

    def plural(self, role: Span) -> bool:
        """Is a title plural ("Foreign Ministers")?"""
        return role.start in self.plurals

    def in_role(self, tok: Token) -> bool:
        """Is ``tok`` part of a role title?"""
        return tok.i in self.tokens

    def context(self, first: Token, named: Container[int]) -> list[Token]:
        """The tokens before a name in its noun phrase: "Iran's Foreign Minister", "his Turkish counterpart"."""
        out, i = [], first.i - 1
        while i >= 0:
            t = self.doc[i]
            after_title = t.lower_ in {"to", "in", "of"} and i > 0 and self.in_role(self.doc[i - 1])  # "Ambassador to Australia"
            # "Iraqi and Syrian Foreign Ministers": states coordinated before a plural title
            between_states = t.lower_ in {"and", ","} and i > 0 and i - 1 in self.country_at and (
                out and out[0].i in self.country_at and any(s <= x.i < e for x in out for s, e in self.plurals.items())
            )
            if t.i in self.country_at or self.in_role(t) or t.lower_ in self.context_words or between_states or (
                t.pos_ in {"ADJ", "PROPN"} and t.i not in named
            ) or (t.pos_ == "NOUN" and t.dep_ == "compound") or after_title or t.lemma_ in {"counterpart", "colleague"} or (
                t.text in self.honorifics
            ) or (t.lower_ in self.qualifiers and out and self.in_role(out[0])):
                out.insert(0, t)
                i -= 1
                continue
            break
        return out

    def describe(self, tokens: list[Token]) -> tuple[str, str, bool]:
        """(role, ISO3, is a "counterpart") that a run of context tokens states."""
        ids = {t.i for t in tokens}
        roles = [r for r in self.spans if ids.issuperset(range(r.start, r.end))]
        role = ""
        if roles:
            best = max(roles, key=len)
            start = best.start  # "External Affairs Minister": capitalised words before a title are part of it
            while start - 1 in ids and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].is_title and (
                start - 1 not in self.country_at and self.doc[start - 1].text not in self.honorifics
            ):
                start -= 1
            while start - 1 in ids and self.doc[start - 1].lower_ in self.qualifiers:  # "acting foreign minister"
                start -= 1
            role = self.doc[start : best.end].text
            if self.plural(best):  # "Foreign Ministers X and Y": each is a Foreign Minister
                role = role[:-1]
        countries = self.states(tokens)
        counterpart = any(t.lemma_ == "counterpart" for t in tokens)
        return _title_case(role), countries[0] if countries else "", counterpart

    def states(self, tokens: list[Token]) -> list[str]:
        """The states a title phrase names, in order, one per mention; else the state of a
        group it names that the actor dictionaries place in one ("the Taliban foreign minister")."""
        countries, previous = [], None
        for t in tokens:
            if t.i in self.country_at and not (previous is not None and previous == t.i - 1
                                               and self.country_at[previous] == self.country_at[t.i]):
                countries.append(self.country_at[t.i])
            if t.i in self.country_at:
                previous = t.i
        if countries:
            return countries
        runs: list[list[Token]] = []  # runs of proper nouns: "Taliban", "White House"
        for t in tokens:
            if t.pos_ == "PROPN" and not self.in_role(t) and t.text not in self.honorifics:
                if runs and runs[-1][-1].i == t.i - 1:
                    runs[-1].append(t)
                else:
                    runs.append([t])
        for run in runs:
            for words in ([run] if len(run) == 1 else [run, *([t] for t in run)]):
                code = covering_code(self.cast.dictionaries, " ".join(t.text for t in words), on=self.cast.published)[:3]
                if code in self.cast.gazetteer.countries:
                    return [code]
        return []

    def of_state(self, last: Token) -> str:
        """The state named in "of COUNTRY" right after a name: "President Lula of Brazil"."""
        i = last.i + 1
        if i + 1 >= len(self.doc) or self.doc[i].lower_ != "of":
            return ""
        i += 1 + (self.doc[i + 1].lower_ == "the")
        return self.country_at.get(i, "") if i < len(self.doc) else ""

    def listed_after(self, first: Token, named: dict[int, object]) -> tuple[Token, int]:
        """The first name of a list "A and B" (or "A, B and C") that a name ends, and the name's
        place in it: (the first name's first token, 0 for the first name)."""
        tok, position = first, 0
        while tok.i >= 2 and self.doc[tok.i - 1].lower_ in {"and", ","} and tok.i - 2 in named:
            j = tok.i - 2
            while j - 1 in named and named[j - 1] is named[j]:
                j -= 1
            tok, position = self.doc[j], position + 1
        return tok, position

    def apposed(self, first: Token, named: Container[int]) -> list[Token]:
        """The title phrase set off by a comma before a name: "the Iranian ambassador to Baku, NAME"."""
        i = first.i - 1
        while i >= 0 and self.doc[i].text in self.honorifics:
            i -= 1
        if i < 1 or self.doc[i].text != ",":
            return []
        comma = i
        heads = self.spans + [self.doc[t.i : t.i + 1] for t in self.doc[max(0, comma - 4) : comma] if t.lemma_ == "counterpart"]
        roles = sorted(r for r in heads if comma - 10 <= r.start and r.end <= comma)
        if not roles:
            return []
        role = roles[-1]
        between = self.doc[role.end : comma]
        if any(t.is_punct or t.pos_ == "VERB" or t.i in named for t in between):
            return []  # "Foreign Minister A, B raised": the title is A's, B is someone else
        return self.context(role[0], named) + list(role) + list(between)

    def before_comma(self, tok: Token, named: Container[int]) -> list[Token]:
        """The short noun phrase before a comma that opens an apposition: "his Paraguayan host,"."""
        if tok.i < 2 or self.doc[tok.i - 1].text != ",":
            return []
        phrase = []
        for t in reversed(self.doc[max(0, tok.i - 7) : tok.i - 1]):
            if t.is_punct or t.pos_ in {"VERB", "AUX", "ADP"} or t.i in named:
                break
            phrase.insert(0, t)
            if t.lower_ in self.openers:
                break
        return phrase

    def apposed_after(self, last: Token) -> list[Token]:
        """The title phrase after a name and a comma: "NAME, Qatar's foreign minister,"; or
        right after the name when a state's possessive opens it: "NAME Afghanistan's foreign minister,"."""
        i = last.i + 1
        if i >= len(self.doc) - 2:
            return []
        j = i
        while j < len(self.doc) - 1 and j in self.country_at:  # "NAME Sri Lanka's foreign minister"
            j += 1
        possessive = j > i and self.doc[j].lower_ in {"'s", "’s"}
        if self.doc[i].text != "," and not possessive:
            return []
        phrase, closed = [], False
        for t in self.doc[i + (not possessive) : i + 12]:
            if t.is_punct or (t.pos_ in {"VERB", "AUX"} and t.lower_ not in self.qualifiers) or t.is_sent_start:
                closed = t.is_punct  # "NAME, Qatar's foreign minister, said": closed by punctuation, not a verb
                break
            phrase.append(t)
        if not phrase or not closed or not any(self.in_role(t) for t in phrase) or (
            phrase[0].lower_ not in self.apposition_openers and phrase[0].i not in self.country_at
            and not self.in_role(phrase[0])
        ):
            return []
        after = max(k for k, t in enumerate(phrase) if self.in_role(t)) + 1
        if after < len(phrase) and phrase[after].pos_ == "PROPN" and phrase[after].i not in self.country_at \
                and phrase[after].ent_type_ == "PERSON":
            return []  # "Africa, ambassador A B": the title of the name right after it, not an apposition
        return phrase
