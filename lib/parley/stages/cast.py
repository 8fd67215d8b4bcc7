"""The cast of one article: the actors found so far and their mentions, shared by the actor finders.

The finders (states, people, organisations, places) run in turn over one parsed article; each
adds the actors it recognises to one ``Cast``, where the first finder to name an actor fixes
its kind, and reads the mentions the finders before it left.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..article import slugify
from ..dictionaries import Dictionaries
from ..dictionaries import load as load_dictionaries
from ..dictionaries.actors import combine, phrase_mentions, record_code, surname_codes
from ..dictionaries.readers import words_of
from ..gazetteer import Gazetteer, gazetteer
from ..models import Actor, Mention
from ..nlp import load


class Cast:
    """The actors of one parsed article found so far, every mention of them, and the lookups
    the finders share (the sentence of a token, the tokens of given words, the actor
    dictionaries on the publication date)."""

    def __init__(self, doc: Doc, *, start: int = 0, published: dt.date | None = None,
                 dictionaries: Dictionaries | None = None, credits: tuple[tuple[int, int], ...] = ()):
        self.doc = doc
        self.start = start  # the news text starts here (after the dateline)
        self.credits = tuple(credits)  # (start, end) of the names in credit lines: no actors there
        self.published = published  # the day the dictionaries' date-bounded entries are read for
        self.gazetteer: Gazetteer = gazetteer()
        self.dictionaries: Dictionaries = dictionaries or load_dictionaries()
        self.sentence_of = {t: i for i, sent in enumerate(doc.sents) for t in range(sent.start, sent.end)}
        # The words' ids, to find the few tokens a finder wants without making a Token of every word.
        self.columns = dict(zip((ORTH, LOWER, LEMMA, POS), doc.to_array([ORTH, LOWER, LEMMA, POS]).T.tolist()))
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []

    def mention(self, span: Span, actor_id: str, how: str) -> Mention:
        """Record that ``span`` mentions the actor ``actor_id`` (``how``: name | demonym | capital | other)."""
        m = Mention(span.start_char, span.end_char, span.text, self.sentence_of[span.start], how, actor_id)
        self.mentions.append(m)
        return m

    def actor(self, actor_id: str, name: str, kind: str, country: str = "", role: str = "") -> Actor:
        """The actor ``actor_id``, made with these fields unless a finder made it before."""
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(actor_id, name, kind, country, role)
        return self.actors[actor_id]

    def country_actor(self, iso3: str) -> str:
        """The id of the state ``iso3`` as an actor (``"iran"``), made if new."""
        c = self.gazetteer.countries[iso3]
        actor_id = slugify(c.name)
        self.actor(actor_id, c.name, "country", iso3)
        return actor_id

    def listed_code(self, name: str) -> str:
        """The actor dictionaries' code of the person ``name`` on the publication date ("" if none)."""
        return listed_code(self.dictionaries, name, on=self.published) if self.published else ""

    def in_text(self, span: Span) -> bool:
        """Is ``span`` in the news text (not in the dateline before it, nor a credited name)?"""
        return span.start_char >= self.start and not any(
            a < span.end_char and span.start_char < b for a, b in self.credits)

    def outside(self, idx: int) -> bool:
        """Is the character at ``idx`` outside the news text (a dateline, a credited name)?"""
        return idx < self.start or any(a <= idx < b for a, b in self.credits)

    def tokens_where(self, attr: int, values: Iterable[str]) -> list[Token]:
        """The tokens whose ``attr`` (ORTH, LOWER, LEMMA: strings; POS: tag names) is one of
        ``values``, in text order."""
        ids = {POS_IDS[v] if attr == POS else get_string_id(v) for v in values}
        return [self.doc[i] for i, value in enumerate(self.columns[attr]) if value in ids]


def phrase_patterns(texts: list[str]) -> list[Doc]:
    """``PhraseMatcher`` patterns for ``texts``, each also with a curly apostrophe if it has one."""
    # The patterns are split by the tokenizer that splits the text: the pipeline's, already
    # loaded (a fresh English() would be built for nothing). A pattern is only its tokens'
    # string ids, so it matches docs of any vocab.
    return list(load().tokenizer.pipe(texts + [t.replace("'", "’") for t in texts if "'" in t]))


def dictionary_words(text: str) -> list[str]:
    """A name as the dictionaries' words: upper case, accents dropped ("Peña" -> ``["PENA"]``)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return words_of(plain.replace("’", "'").replace(".", ". ").strip())


def listed_code(dictionaries: Dictionaries, name: str, *, on: dt.date | None) -> str:
    """The code of the person ``name`` on date ``on`` in the actor dictionaries: their own
    entry (a form of it ending with the name: "Vladimir Putin" -> ``RUSGOV``), else, for a
    surname alone, the one state whose listed people of that surname hold a date-bounded entry
    then ("Obama" on 2014-06-19 -> ``USAGOV``); "" when the dictionaries do not say, or not then."""
    words = dictionary_words(name)
    if not words:
        return ""
    for m in phrase_mentions(words, dictionaries.actor_index):
        if m.end == len(words) and m.end - m.start >= 2:
            return record_code(dictionaries.actors[m.value], on) or ""
    if len(words) > 1:  # a full name the dictionaries lack: its surname may be anyone's
        return ""
    codes = surname_codes(dictionaries, words[-1], on=on)
    if len({c[:3] for c in codes}) != 1:
        return ""
    return codes.pop() if len(codes) == 1 else next(iter(codes))[:3]


def covering_code(dictionaries: Dictionaries, phrase: str, *, on: dt.date | None) -> str:
    """The code of a phrase that actor and agent entries cover word for word ("" if a word is
    left over: "World Trade Organization" is not the one group a word of it names)."""
    words = [w for w in dictionary_words(phrase) if w not in lexicon.words("actor_code_skipped_words")]
    found = [m for m in phrase_mentions(words, dictionaries.actor_index) if record_code(dictionaries.actors[m.value], on)]
    taken = {i for m in found for i in range(m.start, m.end)}
    agents = [m for m in phrase_mentions(words, dictionaries.agent_index)
              if not any(i in taken for i in range(m.start, m.end))]
    covered = taken | {i for m in agents for i in range(m.start, m.end)}
    if not words or len(covered) < len(words):
        return ""
    sectors = [str(m.value) for m in agents]
    if not found:
        return combine("---", sectors)
    return combine((record_code(dictionaries.actors[found[0].value], on) or "").split("/")[0], sectors)
