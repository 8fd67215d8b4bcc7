"""Rosters: people named in a list that says, once for all of them, what they hold.

- A plural title over names each given a state: "the presidents A from Venezuela and B from
  Colombia" (each a President, of the state after the name), "the presidents of Chile, A,
  Peru, B, and Bolivia, C" (each of the state before the name).
- A group of a state that a list spells out after "including" or a colon: "senior Omani
  officials, including A, B and C", "Some Brazilian ministers were present: A (Economy),
  B (Agriculture)": each one listed is of the group's state, and one listed in a group a
  title names holds that title, with the portfolio in brackets ("Minister of Economy"). A
  person's group ("President X's top aides are involved, including A") is of that person's state.

Read by the role reader (``stages/people.py``): a shared title is as good as one before the
name; a group's state and title only fill what the person's own titles leave open.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import lexicon
from .titles import TitlePhrases

LIST_CUES = {"including", ":"}  # what opens a list that spells out a group
GROUP_REACH = 10  # how many tokens before the cue the group's noun may stand


@dataclass(frozen=True)
class Listing:
    """What a list says of one name in it: the office and the state (either may be "")."""

    role: str
    country: str
    owner: int = -1  # the token of the person whose group it is ("President X's aides"), -1 if none


class Rosters:
    """The lists of an article and what each says of the names in it, keyed by the index of
    the token a name starts at. ``named``: token index -> the person named there."""

    def __init__(self, doc: Doc, titles: TitlePhrases, country_at: Mapping[int, str], named: Mapping[int, object]):
        self.doc = doc
        self.titles = titles
        self.country_at = country_at
        self.named = named
        self.portfolios = lexicon.words("actor_portfolios")

    def shared_titles(self) -> dict[int, Listing]:
        """The names a plural title shares out, each with its own state."""
        found: dict[int, Listing] = {}
        for span in self.titles.spans:
            if not self.titles.plural(span) or span.end >= len(self.doc):
                continue
            role = self.titles.describe(list(span))[0]
            if self.doc[span.end].lower_ == "of":
                items = self._state_name_pairs(span.end + 1)
            else:
                items = self._names_from_states(span.end)
            if len(items) >= 2 and any(state for _, state in items):
                found.update((first, Listing(role, state)) for first, state in items)
        return found

    def lead_titles(self) -> list[tuple[int, str, list[str]]]:
        """'The foreign ministers of Iran and Kenya discussed ...': a plural title of several states
        that names no one, as (its first token, its role, the states); the people the next
        sentences name may hold it (``people.RoleReader``)."""
        out = []
        for span in self.titles.spans:
            if not self.titles.plural(span) or span.end + 1 >= len(self.doc) or self.doc[span.end].lower_ != "of":
                continue
            states, i = [], span.end + 1
            while i < len(self.doc) and (i in self.country_at or self.doc[i].lower_ in {",", "and", "the"}):
                if i in self.country_at and self.country_at[i] not in states:
                    states.append(self.country_at[i])
                i += 1
            if len(states) >= 2 and i not in self.named:
                out.append((span.start, self.titles.describe(list(span))[0], states))
        return out

    def groups(self) -> dict[int, Listing]:
        """The names a list spells a group of a state out with: the group's state, and its title."""
        found: dict[int, Listing] = {}
        for cue in self.doc:
            if cue.lower_ not in LIST_CUES:
                continue
            noun = self._group_noun(cue)
            if noun is None:
                continue
            state = next((self.country_at[t.i] for t in noun.lefts if t.i in self.country_at), "")
            owner = next((t.i for t in noun.lefts if t.dep_ == "poss" and t.i in self.named), -1)
            role = self.titles.describe([noun])[0] if self.titles.in_role(noun) else ""
            for tok in self._listed(cue):
                found[tok.i] = Listing(role and self._with_portfolio(role, tok), state, owner)
        return found

    def _name_end(self, i: int) -> int:
        """The index after the name that starts at ``i``."""
        j = i
        while j < len(self.doc) and self.named.get(j) is self.named[i]:
            j += 1
        return j

    def _state_end(self, i: int) -> int | None:
        """The index after the state named at ``i`` (after "the"), None if none is named there."""
        i += i < len(self.doc) and self.doc[i].lower_ == "the"
        if i not in self.country_at:
            return None
        while i in self.country_at:
            i += 1
        return i

    def _separator(self, i: int) -> int:
        """The index after a list's ", ", " and " or ", and " at ``i`` (``i`` if none)."""
        for word in (",", "and"):
            if i < len(self.doc) and self.doc[i].lower_ == word:
                i += 1
        return i

    def _state_name_pairs(self, i: int) -> list[tuple[int, str]]:
        """ "Chile, A, Peru, B, and Bolivia, C": (first token of each name, its state); a place
        the gazetteer lacks, in its spot, leaves that name's state open ("Bolívia")."""
        items = []
        while i < len(self.doc):
            end = self._state_end(i)
            if end is None and self.doc[i].pos_ == "PROPN" and i not in self.named:
                end = i + 1
            if end is None or end + 1 >= len(self.doc) or self.doc[end].text != "," or end + 1 not in self.named:
                break
            items.append((end + 1, self.country_at.get(end - 1, "")))
            i = self._separator(self._name_end(end + 1))
        return items

    def _names_from_states(self, i: int) -> list[tuple[int, str]]:
        """ "A from Venezuela and B from Colombia": (first token of each name, its state or "")."""
        items = []
        while i in self.named:
            end, state = self._name_end(i), ""
            if end < len(self.doc) and self.doc[end].lower_ in {"from", "of"}:
                after = self._state_end(end + 1)
                if after is not None:
                    state, end = self.country_at[after - 1], after
            items.append((i, state))
            i = self._separator(end)
        return items

    def _group_noun(self, cue: Token) -> Token | None:
        """The plural noun of a state's or a person's group just before a list cue ("senior
        Omani officials", "President X's top advisers")."""
        for tok in reversed(self.doc[max(cue.sent.start, cue.i - GROUP_REACH) : cue.i]):
            if tok.i in self.named:
                return None
            if tok.tag_ in {"NNS", "NNPS"} and any(
                t.i in self.country_at or (t.dep_ == "poss" and t.i in self.named) for t in tok.lefts
            ):
                return tok
        return None

    def _listed(self, cue: Token) -> list[Token]:
        """The first token of each name listed after the cue, up to the next verb or the sentence's end."""
        firsts = []
        for tok in self.doc[cue.i + 1 : cue.sent.end]:
            if tok.pos_ in {"VERB", "AUX"}:
                break
            if tok.i in self.named and self.named.get(tok.i - 1) is not self.named[tok.i]:
                firsts.append(tok)
        return firsts

    def _with_portfolio(self, role: str, first: Token) -> str:
        """ "Minister" and "A (Economy)": "Minister of Economy"; the role alone without a portfolio."""
        i = self._name_end(first.i)
        if i >= len(self.doc) or self.doc[i].text != "(":
            return role
        for tok in self.doc[i + 1 : i + 8]:
            if tok.text == ")":
                break
            if tok.lower_ not in self.portfolios | {"and", ",", "&"}:
                return role
        else:
            return role
        return f"{role} of {self.doc[i + 1 : tok.i].text}" if tok.i > i + 1 else role
