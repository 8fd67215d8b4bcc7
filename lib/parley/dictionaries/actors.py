"""Actor codes from the actor and agent dictionaries, as PETRARCH forms them.

An actor phrase (``VLADIMIR_PUTIN``, ``IRAN``, ``IRANIAN``) gives a code, chosen by date when
the record has date restrictions. Agent nouns (``FOREIGN_MINISTER [~GOVFRM]``) add a sector
to the actor of the same noun phrase: ``Arnor foreign minister`` -> ``ARN`` + ``GOVFRM``.
A ``~CODE`` agent is appended, a ``CODE~`` one prefixed (``MSF Arnor`` -> ``NGOARN``); an
agent code the actor code already holds is not repeated (``White House officials`` ->
``USAGOV``). ``former`` turns the agents into ``ELI`` (PETRARCH's former elites). An agent
with no actor gives ``---`` + agent (``officials`` -> ``---GOV``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from . import readers
from .store import Dictionaries

NULL_CODES = {"", "---", "+++", "###"}
_NOT_IN_PHRASE = {"relcl", "advcl", "ccomp", "appos", "parataxis", "punct", "cc", "conj", "mark"}


def day_number(on: date | None) -> int:
    """A date as the integer ``YYYYMMDD`` the dictionaries' restrictions use (None: today)."""
    on = on or date.today()
    return on.year * 10000 + on.month * 100 + on.day


@functools.lru_cache(maxsize=4096)
def _restrictions(record: str) -> tuple[str, tuple[tuple[str, int | None, int | None], ...]]:
    default, *dated = record.split("|")
    bounds = []
    for restriction in dated:
        code, low, high = restriction.split(":")
        bounds.append((code, int(low) if low else None, int(high) if high else None))
    return default, tuple(bounds)


def record_code(record: str, on: date | None) -> str | None:
    """The code of one actor record valid on ``on``: the first date restriction holding, else the default.

    ``record`` is the compiled form ``"DEFAULT|CODE:FROM:TO|..."``, dates as ``YYYYMMDD``.
    """
    day = day_number(on)
    default, dated = _restrictions(record)
    for code, low, high in dated:
        if (low is None or day >= low) and (high is None or day <= high):
            return None if code in NULL_CODES else code
    return None if default in NULL_CODES else default


def surname_codes(dictionaries: Dictionaries, surname: str, *, on: date | None) -> set[str]:
    """The codes, valid on ``on``, of the states' people in office whose dictionary phrase ends
    in ``surname`` (upper case, as the dictionaries write it): ``OBAMA`` in 2014 -> ``{"USAGOV"}``."""
    day = day_number(on)
    codes = set()
    for record in _surnames(dictionaries).get(surname, ()):
        for code, low, high in _restrictions(dictionaries.actors[record])[1]:
            if (low is None or day >= low) and (high is None or day <= high) and code[:3] in dictionaries.countries:
                codes.add(code)
    return codes


_SURNAMES: dict[int, tuple[Dictionaries, dict[str, tuple[int, ...]]]] = {}  # id of a set -> (the set, its index)


def _surnames(dictionaries: Dictionaries) -> dict[str, tuple[int, ...]]:
    """Last word of a phrase -> the records with date restrictions (people in office) it ends,
    built once per dictionary set."""
    built = _SURNAMES.get(id(dictionaries))
    if built is not None and built[0] is dictionaries:
        return built[1]
    index: dict[str, set[int]] = {}
    for phrase, record in dictionaries.actor_index["phrases"].items():
        if isinstance(record, int) and _restrictions(dictionaries.actors[record])[1]:
            index.setdefault(phrase.rsplit(" ", 1)[-1], set()).add(record)
    surnames = {word: tuple(sorted(records)) for word, records in index.items()}
    _SURNAMES[id(dictionaries)] = (dictionaries, surnames)
    return surnames


def _normal(text: str) -> str:
    return text.upper().replace("’", "'")


@dataclass(frozen=True)
class Mention:
    """A dictionary phrase found in a word list: words ``start:end``, and its record or agent code."""

    start: int
    end: int
    value: int | str  # actor record number, or agent code such as "~GOV"


def phrase_mentions(words: list[str], index: dict) -> list[Mention]:
    """Longest-first, left-to-right, non-overlapping matches of an index's phrases in ``words``."""
    found = []
    lengths, phrases = index["lengths"], index["phrases"]
    i = 0
    while i < len(words):
        for n in lengths.get(words[i], ()):
            if i + n > len(words):
                continue
            value = phrases.get(words[i] if n == 1 else " ".join(words[i : i + n]))
            if value is not None:
                found.append(Mention(i, i + n, value))
                i += n
                break
        else:
            i += 1
    return found


class SentenceActors:
    """The actor and agent mentions of one sentence, by token, for noun-phrase coding."""

    def __init__(self, sent: Span, dictionaries: Dictionaries, on: date | None,
                 tokens: list[Token] | None = None) -> None:
        self.sent = sent
        self.tokens = tokens if tokens is not None else list(sent)
        self.upper = [t.text.upper() for t in self.tokens]  # the words patterns are matched against
        self.dictionaries = dictionaries
        self.on = on
        words: list[str] = []
        owner: list[int] = []  # the token each word comes from ("Dol_Amroth" is two words)
        for i, text in enumerate(self.upper, start=sent.start):
            if "_" in text or "-" in text or "’" in text or " " in text:
                parts = readers.words_of(_normal(text)) or [text]
                words.extend(parts)
                owner.extend([i] * len(parts))
            else:
                words.append(text)
                owner.append(i)
        self.actor_at: dict[int, Mention] = {}
        for m in phrase_mentions(words, dictionaries.actor_index):
            if record_code(dictionaries.actors[m.value], on) is None:
                continue
            mention = Mention(owner[m.start], owner[m.end - 1] + 1, m.value)
            for i in range(mention.start, mention.end):
                self.actor_at[i] = mention
        self.agent_at: dict[int, Mention] = {}
        for m in phrase_mentions(words, dictionaries.agent_index):
            mention = Mention(owner[m.start], owner[m.end - 1] + 1, m.value)
            if any(i in self.actor_at for i in range(mention.start, mention.end)):
                continue
            for i in range(mention.start, mention.end):
                self.agent_at[i] = mention

    def codes_of(self, mention: Mention) -> list[str]:
        """The codes of an actor mention (``ELR/GAL`` is two actors)."""
        code = record_code(self.dictionaries.actors[mention.value], self.on) or ""
        return [c for c in code.split("/") if c and c not in NULL_CODES]

    def root_of(self, mention: Mention) -> Token:
        """The token of a mention whose head lies outside it."""
        doc = self.sent.doc
        for i in range(mention.start, mention.end):
            head = doc[i].head.i
            if head < mention.start or head >= mention.end or head == i:
                return doc[i]
        return doc[mention.end - 1]

    def phrase_codes(self, head: Token, *, exclude: set[int] = frozenset()) -> list[str]:
        """The actor codes of the noun phrase headed by ``head``, one per coordinated actor."""
        conjuncts = [head] + [c for c in head.conjuncts if c.i > head.i]
        for c in list(conjuncts):  # "Mordor, the Shire, Fornost and Bree": an actor in apposition
            for a in c.children:
                if (a.dep_ == "appos" and a.conjuncts and a.i in self.actor_at
                        and self.root_of(self.actor_at[a.i]) == a):
                    conjuncts.extend([a] + [x for x in a.conjuncts if x.i > a.i and x not in conjuncts])
        groups = [_phrase_tokens(c) for c in conjuncts]
        codes: list[str] = []
        shared = self._shared(groups)
        for tokens in groups:
            tokens = [t for t in tokens if t.i not in exclude]
            found = self._tokens_codes(tokens)
            if shared and all(c.startswith("---") for c in found) and any(t.i in self.agent_at for t in tokens):
                found = self._tokens_codes(tokens + shared) or found
            codes.extend(c for c in found if c not in codes)
        return codes

    @staticmethod
    def _shared(groups: list[list[Token]]) -> list[Token]:
        """Modifiers coordinated nouns share: left of the first conjunct, right of the last."""
        if len(groups) < 2:
            return []
        first, last = groups[0], groups[-1]
        return [t for t in first[1:] if t.i < first[0].i] + [t for t in last[1:] if t.i > last[0].i]

    def _tokens_codes(self, tokens: list[Token]) -> list[str]:
        if not tokens:
            return []
        head = tokens[0]
        tokens = sorted(tokens, key=lambda t: t.i)
        inside = {t.i for t in tokens}
        mentions = []
        for t in tokens:
            m = self.actor_at.get(t.i)
            if m is not None and m not in mentions and self.root_of(m).i in inside:
                mentions.append(m)
        agents = []
        for t in tokens:
            m = self.agent_at.get(t.i)
            if m is not None and m not in agents and self.root_of(m).i in inside:
                agents.append(m)
        former = any(t.lower_ == "former" for t in tokens)
        agent_codes = [str(m.value) for m in agents]
        if not mentions:
            if not agent_codes:
                return []
            return [combine("---", agent_codes, former=former)]
        primary = self.actor_at.get(head.i) if head.i in self.actor_at and self.actor_at[head.i] in mentions else mentions[0]
        root = self.root_of(primary)
        chosen = [primary] + [
            m for m in mentions if m != primary and self.root_of(m) in root.conjuncts
        ]
        codes = []
        for m in chosen:
            for code in self.codes_of(m):
                combined = combine(code, agent_codes, former=former)
                if combined not in codes:
                    codes.append(combined)
        return codes


def _phrase_tokens(head: Token) -> list[Token]:
    """``head`` first, then the rest of its noun phrase: no clauses, appositions or conjuncts."""
    out = [head]
    stack = [c for c in head.children if _in_phrase(c, _NOT_IN_PHRASE)]
    inner = _NOT_IN_PHRASE - {"conj", "cc"}
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if _in_phrase(c, inner))
    return [head] + sorted(out[1:], key=lambda t: t.i)


def _in_phrase(token: Token, excluded: set[str]) -> bool:
    """Whether a dependent stays in its head's phrase; a "relative clause" headed by a noun
    is a misparse ("an anti- Gondor parade") and stays."""
    if token.dep_ == "relcl" and token.pos_ not in ("VERB", "AUX"):
        return True
    return token.dep_ not in excluded


def combine(code: str, agents: list[str], *, former: bool = False) -> str:
    """An actor code with agent codes: ``("IRN", ["~GOV"])`` -> ``"IRNGOV"``; ``NGO~`` is prefixed."""
    prefix, suffix = "", ""
    if former:
        return code + ("ELI" if not code.endswith("ELI") else "")
    for agent in agents:
        if agent.endswith("~"):
            part = agent.rstrip("~")
            if not _holds(code, part) and not _holds(prefix, part):
                prefix += part
        else:
            part = agent.lstrip("~")
            if not _holds(code, part) and not _holds(suffix, part):
                suffix += part
    return prefix + code + suffix


def _holds(code: str, part: str) -> bool:
    """Whether ``part`` is in ``code`` on a three-letter boundary (GMWGOV holds GOV, not WGO)."""
    return any(code[i : i + len(part)] == part for i in range(0, len(code) - len(part) + 1, 3))


def actor_code(dictionaries: Dictionaries, text: str | Span, *, on: date | None = None) -> str | None:
    """The code of an actor phrase on a date: ``"Iranian foreign minister"`` -> ``"IRNGOVFRM"``.

    The first actor phrase found gives the country or organisation; every agent phrase not
    inside it adds its sector. None when the phrase holds neither.
    """
    raw = [t.text for t in text] if isinstance(text, Span) else re.findall(r"[\w.]+|'s|[^\w\s]", text)
    words = [w for part in raw for w in (readers.words_of(part) or [_normal(part)])]
    actors = [m for m in phrase_mentions(words, dictionaries.actor_index)
              if record_code(dictionaries.actors[m.value], on)]
    taken = {i for m in actors for i in range(m.start, m.end)}
    agents = [
        str(m.value) for m in phrase_mentions(words, dictionaries.agent_index)
        if not any(i in taken for i in range(m.start, m.end))
    ]
    former = "FORMER" in words
    if actors:
        code = record_code(dictionaries.actors[actors[0].value], on) or ""
        return combine(code.split("/")[0], agents, former=former)
    return combine("---", agents, former=former) if agents else None


def country_of(dictionaries: Dictionaries, name: str, *, on: date | None = None) -> str | None:
    """The state (three-letter code) an actor phrase belongs to on a date, e.g. a head of state's name."""
    code = actor_code(dictionaries, name, on=on)
    if code and code[:3] in dictionaries.countries:
        return code[:3]
    return None


def sector_of(dictionaries: Dictionaries, phrase: str) -> str | None:
    """The sector of a noun phrase from its last agent noun: ``"the defence minister"`` -> ``"GOV"``."""
    words = [w for part in phrase.split() for w in readers.words_of(part)]
    agents = [str(m.value) for m in phrase_mentions(words, dictionaries.agent_index)]
    if not agents:
        return None
    return agents[-1].strip("~")[:3] or None
