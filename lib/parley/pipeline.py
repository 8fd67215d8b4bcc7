"""The whole analysis, top to bottom as the data flows: text -> actors -> dates -> events -> contacts -> tables."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import pandas as pd
from spacy.tokens import Doc

from .actors import actors as find_actors
from .article import Article
from .contacts import contacts as find_contacts
from .events import events as find_events
from .events import quotes as find_quotes
from .nlp import parse
from .schema import COLUMNS, SCHEMAS, TABLES


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
            SCHEMAS[name].validate(frame)


ID_PREFIXES = {"mentions": "m", "timexes": "t", "quotes": "q"}  # tables whose ids are numbered here


def records(doc: Doc, *, text_start: int = 0, dateline: str = "", published: dt.date | None = None) -> dict[str, list]:
    """The six tables' records of a parsed article body: the stages in the order the data flows."""
    actors, mentions = find_actors(doc, start=text_start, dateline=dateline)
    timexes = doc._.timexes  # set by the "parley_timexes" component, dateline dates included
    quotes = find_quotes(doc, mentions=mentions)  # found once: events use them to attribute speech
    events = find_events(doc, mentions=mentions, actors=actors, timexes=timexes, published=published, quotes=quotes)
    for i, event in enumerate(events, 1):
        event.event_id = f"e{i}"
    contacts = find_contacts(events, actors=actors)
    return {"actors": actors, "mentions": mentions, "timexes": timexes, "events": events, "contacts": contacts,
            "quotes": quotes}


def sentences(doc: Doc) -> pd.DataFrame:
    """``sentence_id, start, end, text`` of every sentence, for provenance in figures."""
    return pd.DataFrame(
        [(i, s.start_char, s.end_char, s.text.strip()) for i, s in enumerate(doc.sents)],
        columns=["sentence_id", "start", "end", "text"],
    )


def analyze_doc(article: Article, doc: Doc) -> Result:
    """The tables of an article whose body is already parsed (by ``parse`` or ``nlp.pipe``)."""
    found = records(
        doc, text_start=article.text_start, dateline=article.dateline.text if article.dateline else "",
        published=article.published,
    )
    tables = {name: _frame(name, found[name], prefix=ID_PREFIXES.get(name, "")) for name in TABLES}
    return Result(article=article, **tables, sentences=sentences(doc))


def analyze(article: Article) -> Result:
    """Parse an article and extract every table of the contract."""
    text = article.body[: article.text_end]
    doc = parse(text, published=article.published, paragraph_starts=tuple(p.start for p in article.paragraphs))
    return analyze_doc(article, doc)


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


def _frame(name: str, records: list, *, prefix: str = "") -> pd.DataFrame:
    """Records -> a DataFrame with exactly the contract's columns, ids numbered in text order."""
    columns = COLUMNS[name]
    rows = [{f.name: _cell(getattr(r, f.name)) for f in fields(r)} for r in records]
    if prefix:
        for i, row in enumerate(rows, 1):
            row[columns[0]] = f"{prefix}{i}"  # every table's first column is its id
    frame = pd.DataFrame(rows, columns=columns)
    types = column_types(name)
    return frame.astype(types) if len(frame) else frame.astype({c: "object" for c in columns}).astype(types)
