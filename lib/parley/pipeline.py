"""The whole analysis, top to bottom as the data flows: text -> actors -> dates -> events -> contacts -> tables."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from .article import Article
from .dictionaries import Dictionaries
from .dictionaries import load as load_dictionaries
from .models import Actor, Mention
from .nlp import parse
from .stages.actors import actors, dateline_country, government_state
from .stages.contacts import contacts
from .stages.events import events
from .stages.quotes import quotes
from .schema import TABLES, validate
from .stages.timexes import timexes
from .tables import frame, numbered, sentence_rows, sentences


@dataclass(frozen=True)
class Result:
    """The six contract tables of one article, as pandas DataFrames."""

    article: Article
    actors: pd.DataFrame
    mentions: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    contacts: pd.DataFrame
    quotes: pd.DataFrame
    sentences: pd.DataFrame  # sentence_id, start, end, text: for provenance in figures

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> DataFrame, in the contract's order."""
        return {name: getattr(self, name) for name in TABLES}

    def validate(self) -> None:
        """Check every table against the contract's schema (raises pandera's SchemaError)."""
        for name, table in self.tables().items():
            validate(name, table)


def records(doc: Doc, *, text_start: int = 0, dateline: str = "", published: dt.date | None = None,
            dictionaries: Dictionaries | None = None, title: str = "", publisher: str = "",
            credits: tuple[tuple[int, int], ...] = ()) -> dict[str, list]:
    """The six tables' records of a parsed article body: the stages in the order the data flows.

    ``dictionaries`` is the CAMEO dictionary set actors and events are coded with (default:
    the vendored Phoenix set); ``title`` is the headline (a call it names gives a channel);
    ``publisher`` who published it (a government's unnamed office holders are its people);
    ``credits`` the ``(start, end)`` of credited names (a reporter's), never actors."""
    found: dict[str, list] = {}
    found["actors"], found["mentions"] = actors(doc, start=text_start, dateline=dateline, published=published,
                                                dictionaries=dictionaries, publisher=publisher, credits=credits)
    found["timexes"] = timexes(doc, published=published)  # dateline dates included
    # found once: events use them to attribute speech
    found["quotes"] = quotes(doc, mentions=found["mentions"], actors=found["actors"])
    home = dateline_country(dateline) or government_state(load_dictionaries(dictionaries), publisher, published)
    found["events"] = numbered("events", events(doc, mentions=found["mentions"], actors=found["actors"],
                                                timexes=found["timexes"], published=published,
                                                quotes=found["quotes"], dictionaries=dictionaries,
                                                title=title, home=home))
    found["contacts"] = numbered("contacts", contacts(found["events"], actors=found["actors"]))
    return found


def article_options(article: Article) -> dict:
    """What the stages read of an article besides its text: its dateline, date, title and publisher."""
    return {"dateline": article.dateline.text if article.dateline else "", "published": article.published,
            "title": article.title, "publisher": str(article.meta.get("publisher", ""))}


def credit_spans(article: Article, *, shift: int = 0) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the names in an article's credit lines, moved by ``shift`` (a chunk's offset)."""
    return tuple((c.start + shift, c.end + shift) for c in article.credits)


def analyze_doc(article: Article, doc: Doc, *, dictionaries: str | Path | Dictionaries | None = None) -> Result:
    """The tables of an article whose body is already parsed (by ``parse`` or ``nlp.pipe``)."""
    found = records(doc, text_start=article.text_start, dictionaries=load_dictionaries(dictionaries),
                    credits=credit_spans(article), **article_options(article))
    return Result(article=article, **{name: frame(name, found[name]) for name in TABLES},
                  sentences=sentences(sentence_rows(doc)))


def analyze(article: Article, *, dictionaries: str | Path | Dictionaries | None = None) -> Result:
    """Parse an article and extract every table of the contract (a long one in chunks).

    ``dictionaries`` is a CAMEO dictionary set in PETRARCH2's formats (its folder, or one
    ``parley.dictionaries.load`` gave), replacing the vendored Phoenix set."""
    dictionaries = load_dictionaries(dictionaries)
    text = article.body[: article.text_end]
    if len(text) > CHUNK_CHARS:
        return analyze_in_chunks(article, size=CHUNK_CHARS, dictionaries=dictionaries)
    doc = parse(text, paragraph_starts=tuple(p.start for p in article.paragraphs))
    return analyze_doc(article, doc, dictionaries=dictionaries)



# ---- long articles: parsed a chunk at a time, the records merged

# Memory for a parse grows with the text (en_core_web_sm: about 3 MB per 1,000 characters on
# top of the ~220 MB model), so a longer text is parsed in chunks of at most this many
# characters, cut at paragraph starts: the peak stays near 0.5 GB however long the article.
# 100,000 characters (about 15,000 words) hold any real news article, long reads included, so
# only pathological inputs lose the links a chunk boundary cuts (see ``analyze_in_chunks``).
CHUNK_CHARS = 100_000
# Where to cut a paragraph longer than a chunk: after a sentence's final punctuation, else at a space.
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s+""")
_SPACE = re.compile(r"\s+")


def chunks(article: Article, *, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive stretches of the news text, each at most ``size``
    characters, cut at paragraph starts (inside a longer paragraph: after a sentence, else at a space)."""
    if size < 1:
        raise ValueError(f"chunk size {size}: give 1 or more characters")
    end = article.text_end
    cuts = [p.start for p in article.paragraphs if 0 < p.start < end]
    bounds, start = [], 0
    while end - start > size:
        i = bisect.bisect_right(cuts, start + size) - 1  # the furthest paragraph start that fits
        cut = cuts[i] if i >= 0 and cuts[i] > start else _cut_inside(article.body, start, start + size)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, end))
    return bounds


def _cut_inside(body: str, start: int, limit: int) -> int:
    """Where to end a chunk of a paragraph longer than a chunk: the last sentence end before
    ``limit`` in the chunk's second half, else the last white space there, else ``limit``."""
    half = start + (limit - start + 1) // 2  # no chunk shorter than half a chunk, unless the text ends
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(body, half, limit):
            pass
        if last is not None:
            return last.end()  # the next chunk starts at the next word
    return limit  # no space in half a chunk: not words, cut anywhere


def analyze_in_chunks(article: Article, *, size: int = CHUNK_CHARS,
                      dictionaries: str | Path | Dictionaries | None = None) -> Result:
    """The tables of an article parsed ``size`` characters at a time (see ``chunks``), in
    memory bounded by one chunk's parse plus the records found so far.

    Each chunk is parsed and run through the stages alone, its Doc dropped before the next;
    offsets and sentence ids are shifted to index the whole body, and the records merged:
    one actor row per ``actor_id``, ids renumbered in text order, contacts found again over
    all the events. What a chunk boundary cuts stays cut: a pronoun or title cannot refer to
    a person named only in an earlier chunk, "the next day" cannot lean on an earlier
    chunk's date, and an event cannot take its parties from an earlier chunk's contact.
    """
    dictionaries = load_dictionaries(dictionaries)
    options = article_options(article)
    starts = [p.start for p in article.paragraphs]
    found: dict[str, list] = {name: [] for name in TABLES}
    by_id: dict[str, Actor] = {}  # each actor once, merged across chunks
    rows: list[tuple[int, int, int, str]] = []  # the sentences table's
    for start, end in chunks(article, size=size):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        doc = parse(article.body[start:end], paragraph_starts=tuple(s - start for s in starts[first:last]))
        part = records(doc, text_start=max(article.text_start - start, 0), dictionaries=dictionaries,
                       credits=credit_spans(article, shift=-start), **options)
        shift = {"start": start, "sentence": len(rows)}
        rows.extend(sentence_rows(doc, start=start, first=shift["sentence"]))
        del doc  # only the records are kept: the parse of one chunk at a time
        for name in ("mentions", "timexes", "quotes", "events"):
            found[name].extend(_shifted(r, **shift) for r in part[name])
        for actor in part["actors"]:
            _merge_actor(by_id, actor)
    numbered("events", found["events"])
    found["actors"] = _actor_order(by_id, found["mentions"])
    found["contacts"] = numbered("contacts", contacts(found["events"], actors=found["actors"]))
    return Result(article=article, **{name: frame(name, found[name]) for name in TABLES}, sentences=sentences(rows))


def _shifted(record, *, start: int, sentence: int):
    """A chunk's record with its offsets and sentence id made the whole body's."""
    shifted = replace(record, start=record.start + start, end=record.end + start,
                      sentence_id=record.sentence_id + sentence)
    if getattr(record, "held_at", -1) >= 0:  # an event's venue: an offset of the same text
        shifted = replace(shifted, held_at=record.held_at + start)
    return shifted


def _merge_actor(by_id: dict[str, Actor], actor: Actor) -> None:
    """Fold one chunk's actor into the article's: the first chunk's name and kind, the first
    country and role any chunk gives, every alias in order of appearance, mentions summed."""
    seen = by_id.get(actor.actor_id)
    if seen is None:
        by_id[actor.actor_id] = replace(actor, aliases=list(actor.aliases))
        return
    seen.country = seen.country or actor.country
    seen.role = seen.role or actor.role
    seen.cameo_code = seen.cameo_code or actor.cameo_code
    names = [actor.name] if actor.name != seen.name else []
    seen.aliases = list(dict.fromkeys(a for a in [*seen.aliases, *names, *actor.aliases] if a != seen.name))
    seen.mentions += actor.mentions


def _actor_order(by_id: dict[str, Actor], mentions: list[Mention]) -> list[Actor]:
    """Actors by first mention in the whole text, as the actors stage orders one text's."""
    firsts: dict[str, int] = {}
    for m in mentions:
        firsts.setdefault(m.actor_id, m.start)
    return sorted(by_id.values(), key=lambda a: (firsts.get(a.actor_id, 1 << 30), a.actor_id))
