"""The whole analysis, top to bottom as the data flows: text -> actors -> dates -> events -> contacts -> tables."""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
from spacy.tokens import Doc

from .actors import actors as find_actors
from .article import Article
from .stages.contacts import contacts as find_contacts
from .stages.timexes import timexes as find_timexes
from .events import events as find_events
from .events import quotes as find_quotes
from .models import Actor, Mention
from .nlp import parse
from .schema import COLUMNS, TABLES, validate


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
        for name, frame in self.tables().items():
            validate(name, frame)


ID_PREFIXES = {"mentions": "m", "timexes": "t", "quotes": "q"}  # tables whose ids are numbered here


def records(doc: Doc, *, text_start: int = 0, dateline: str = "", published: dt.date | None = None) -> dict[str, list]:
    """The six tables' records of a parsed article body: the stages in the order the data flows."""
    actors, mentions = find_actors(doc, start=text_start, dateline=dateline)
    timexes = find_timexes(doc, published=published)  # dateline dates included
    quotes = find_quotes(doc, mentions=mentions)  # found once: events use them to attribute speech
    events = find_events(doc, mentions=mentions, actors=actors, timexes=timexes, published=published, quotes=quotes)
    for i, event in enumerate(events, 1):
        event.event_id = f"e{i}"
    contacts = find_contacts(events, actors=actors)
    return {"actors": actors, "mentions": mentions, "timexes": timexes, "events": events, "contacts": contacts,
            "quotes": quotes}


SENTENCE_COLUMNS = ["sentence_id", "start", "end", "text"]


def sentence_rows(doc: Doc, *, start: int = 0, first: int = 0) -> list[tuple[int, int, int, str]]:
    """``(sentence_id, start, end, text)`` of every sentence, ids from ``first`` and offsets
    shifted by ``start`` (a chunk's place in the body)."""
    text = doc.text  # a sentence's text is a slice of it: cheaper than one Span.text per sentence
    return [(first + i, start + s.start_char, start + s.end_char, text[s.start_char : s.end_char].strip())
            for i, s in enumerate(doc.sents)]


def sentences(doc: Doc) -> pd.DataFrame:
    """``sentence_id, start, end, text`` of every sentence, for provenance in figures."""
    return pd.DataFrame(sentence_rows(doc), columns=SENTENCE_COLUMNS)


def analyze_doc(article: Article, doc: Doc) -> Result:
    """The tables of an article whose body is already parsed (by ``parse`` or ``nlp.pipe``)."""
    found = records(
        doc, text_start=article.text_start, dateline=article.dateline.text if article.dateline else "",
        published=article.published,
    )
    tables = {name: _frame(name, found[name], prefix=ID_PREFIXES.get(name, "")) for name in TABLES}
    return Result(article=article, **tables, sentences=sentences(doc))


def analyze(article: Article) -> Result:
    """Parse an article and extract every table of the contract (a long one in chunks)."""
    text = article.body[: article.text_end]
    if len(text) > CHUNK_CHARS:
        return analyze_in_chunks(article, size=CHUNK_CHARS)
    doc = parse(text, paragraph_starts=tuple(p.start for p in article.paragraphs))
    return analyze_doc(article, doc)


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


def analyze_in_chunks(article: Article, *, size: int = CHUNK_CHARS) -> Result:
    """The tables of an article parsed ``size`` characters at a time (see ``chunks``), in
    memory bounded by one chunk's parse plus the records found so far.

    Each chunk is parsed and run through the stages alone, its Doc dropped before the next;
    offsets and sentence ids are shifted to index the whole body, and the records merged:
    one actor row per ``actor_id``, ids renumbered in text order, contacts found again over
    all the events. What a chunk boundary cuts stays cut: a pronoun or title cannot refer to
    a person named only in an earlier chunk, "the next day" cannot lean on an earlier
    chunk's date, and an event cannot take its parties from an earlier chunk's contact.
    """
    dateline = article.dateline.text if article.dateline else ""
    starts = [p.start for p in article.paragraphs]
    found: dict[str, list] = {name: [] for name in TABLES}
    actors: dict[str, Actor] = {}
    rows: list[tuple[int, int, int, str]] = []  # the sentences table's
    for start, end in chunks(article, size=size):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        doc = parse(article.body[start:end], paragraph_starts=tuple(s - start for s in starts[first:last]))
        part = records(doc, text_start=max(article.text_start - start, 0), dateline=dateline,
                       published=article.published)
        shift = {"start": start, "sentence": len(rows)}
        rows.extend(sentence_rows(doc, start=start, first=shift["sentence"]))
        del doc  # only the records are kept: the parse of one chunk at a time
        for name in ("mentions", "timexes", "quotes", "events"):
            found[name].extend(_shifted(r, **shift) for r in part[name])
        for actor in part["actors"]:
            _merge_actor(actors, actor)
    for i, event in enumerate(found["events"], 1):
        event.event_id = f"e{i}"
    found["actors"] = _actor_order(actors, found["mentions"])
    found["contacts"] = find_contacts(found["events"], actors=found["actors"])
    tables = {name: _frame(name, found[name], prefix=ID_PREFIXES.get(name, "")) for name in TABLES}
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return Result(article=article, **tables, sentences=frame)


def _shifted(record, *, start: int, sentence: int):
    """A chunk's record with its offsets and sentence id made the whole body's."""
    return replace(record, start=record.start + start, end=record.end + start,
                   sentence_id=record.sentence_id + sentence)


def _merge_actor(actors: dict[str, Actor], actor: Actor) -> None:
    """Fold one chunk's actor into the article's: the first chunk's name and kind, the first
    country and role any chunk gives, every alias in order of appearance, mentions summed."""
    seen = actors.get(actor.actor_id)
    if seen is None:
        actors[actor.actor_id] = replace(actor, aliases=list(actor.aliases))
        return
    seen.country = seen.country or actor.country
    seen.role = seen.role or actor.role
    names = [actor.name] if actor.name != seen.name else []
    seen.aliases = list(dict.fromkeys(a for a in [*seen.aliases, *names, *actor.aliases] if a != seen.name))
    seen.mentions += actor.mentions


def _actor_order(actors: dict[str, Actor], mentions: list[Mention]) -> list[Actor]:
    """Actors by first mention in the whole text, as the actors stage orders one text's."""
    firsts: dict[str, int] = {}
    for m in mentions:
        firsts.setdefault(m.actor_id, m.start)
    return sorted(actors.values(), key=lambda a: (firsts.get(a.actor_id, 1 << 30), a.actor_id))


def column_types(name: str) -> dict[str, type]:
    """The Python type of each of a table's columns."""
    columns = COLUMNS[name]
    types: dict[str, type] = {c: str for c in columns}
    types.update({c: int for c in ("sentence_id", "start", "end", "mentions", "quad_class") if c in columns})
    if "goldstein" in columns:
        types["goldstein"] = float
    return types


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    return value


# What ``astype`` makes of each column type (pandas' string dtype for str), looked up once.
_DTYPES = {kind: pd.api.types.pandas_dtype(kind) for kind in (str, int, float)}


def _column(cells: list, kind: type):
    """One column's cells as the array ``astype(kind)`` would make of them."""
    if kind is not str:
        return np.array(cells, dtype=_DTYPES[kind])
    if all(type(c) is str for c in cells):  # already text: no object column to convert
        if _DTYPES[str].storage == "pyarrow":  # the arrow array as pd.array would make it, minus its checks
            return pd.arrays.ArrowStringArray(pa.array(cells, type=pa.large_string()), dtype=_DTYPES[str])
        return pd.array(cells, dtype=_DTYPES[str])
    return pd.Series(cells, dtype=object).astype(str).array


def _frame(name: str, records: list, *, prefix: str = "") -> pd.DataFrame:
    """Records -> a DataFrame with exactly the contract's columns, ids numbered in text order.

    Built column by column from typed arrays: a DataFrame of row dicts followed by ``astype``
    cost more than parley's stages (a cell a record lacks is NaN, as it was in that frame)."""
    columns = COLUMNS[name]
    types = column_types(name)
    data = {}
    for column in columns:
        if prefix and column == columns[0]:  # every table's first column is its id
            cells = [f"{prefix}{i}" for i in range(1, len(records) + 1)]
        else:
            cells = [_cell(getattr(r, column, math.nan)) for r in records]
        data[column] = _column(cells, types[column])
    return pd.DataFrame(data, copy=False)  # the columns in ``data``'s order: no list to turn into an Index
