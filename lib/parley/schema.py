"""The contract's six tables: names, order, types and allowed values, declared once.

The declaration (``CONTRACT``) is plain data read two ways. ``SCHEMAS`` turns it into pandera
schemas, built on first use: importing pandera (and the hypothesis it pulls in) and its first
validation cost the command line over half a second, an eighth of its run. ``validate`` checks a
table against the same declaration in plain Python, a few milliseconds, and hands any table that
does not pass to pandera, which has the last word and raises its ``SchemaError``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa


@dataclass(frozen=True)
class Field:
    """A column: its Python type and at most one check, named as pandera names its built-in checks."""

    type: type
    check: str = ""  # a pandera.Check constructor: str_matches, str_length, isin, ge, in_range
    args: dict = field(default_factory=dict)  # its keyword arguments


@dataclass(frozen=True)
class Table:
    """A table: its columns in order, and the column whose values are unique (its id)."""

    columns: dict[str, Field]
    unique: str


def _matches(pattern: str) -> Field:
    return Field(str, "str_matches", {"pattern": pattern})


def _one_of(*values: object, type: type = str) -> Field:
    return Field(type, "isin", {"allowed_values": list(values)})


_ID = _matches(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID_OR_EMPTY = _matches(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$")
_DATE = _matches(r"^(?:\d{4}-\d\d-\d\d)?$")
_OFFSET = Field(int, "ge", {"min_value": 0})
_TEXT = Field(str, "str_length", {"min_value": 1})  # not empty
_STR = Field(str)
_MODALITY = _one_of("asserted", "planned", "requested", "negated", "hypothetical")

CONTRACT: dict[str, Table] = {
    "actors": Table(
        {
            "actor_id": _ID,
            "name": _TEXT,
            "kind": _one_of("person", "country", "organization", "place", "group"),
            "country": _matches(r"^(?:[A-Z]{3})?$"),
            "role": _STR,
            "aliases": _STR,
            "mentions": Field(int, "ge", {"min_value": 0}),
            "cameo_code": _matches(r"^(?:[A-Z]{3})*$"),  # CAMEO actor code: IRNGOV, IGOUNO, "" if none
        },
        unique="actor_id",
    ),
    "mentions": Table(
        {
            "mention_id": _ID,
            "actor_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "text": _TEXT,
            "how": _one_of("name", "title", "demonym", "capital", "pronoun", "other"),
        },
        unique="mention_id",
    ),
    "timexes": Table(
        {
            "timex_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "text": _TEXT,
            "type": _one_of("DATE", "TIME", "DURATION", "SET"),
            "value": _TEXT,
            "mod": _STR,
            "date_start": _DATE,
            "date_end": _DATE,
        },
        unique="timex_id",
    ),
    "events": Table(
        {
            "event_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "trigger": _TEXT,
            "cameo_code": _matches(r"^\d{2,4}$"),
            "event_label": _STR,
            "goldstein": Field(float, "in_range", {"min_value": -10, "max_value": 10}),
            "quad_class": _one_of(1, 2, 3, 4, type=int),
            "source_id": _ID_OR_EMPTY,
            "target_id": _ID_OR_EMPTY,
            "date_start": _DATE,
            "date_end": _DATE,
            "date_basis": _one_of("explicit", "inferred", "publication", "undated"),
            "modality": _MODALITY,
            "channel": _one_of("", "phone", "meeting", "visit", "summons", "letter", "note", "statement", "social_media"),
            "location": _STR,
            "text": _STR,
        },
        unique="event_id",
    ),
    "contacts": Table(
        {
            "contact_id": _ID,
            "channel": _one_of("phone", "meeting", "visit", "summons", "letter", "note"),
            "participant_ids": _STR,
            "countries": _matches(r"^(?:[A-Z]{3}(?:\|[A-Z]{3})*)?$"),
            "date_start": _DATE,
            "date_end": _DATE,
            "location": _STR,
            "modality": _MODALITY,
            "event_ids": _TEXT,
            "sentence_ids": _matches(r"^\d+(?:\|\d+)*$"),
        },
        unique="contact_id",
    ),
    "quotes": Table(
        {
            "quote_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "speaker_id": _ID_OR_EMPTY,
            "cue": _STR,
            "channel": _STR,
            "quote": _TEXT,
        },
        unique="quote_id",
    ),
}

TABLES = tuple(CONTRACT)
COLUMNS = {name: list(table.columns) for name, table in CONTRACT.items()}


@cache
def _pandera_schema(name: str) -> pa.DataFrameSchema:
    import pandera.pandas as pa

    table = CONTRACT[name]
    columns = {
        column: pa.Column(spec.type, *([getattr(pa.Check, spec.check)(**spec.args)] if spec.check else []))
        for column, spec in table.columns.items()
    }
    return pa.DataFrameSchema(columns, name=name, strict=True, ordered=True, unique=[table.unique], coerce=False)


class _Schemas(Mapping):
    """Table name -> its pandera ``DataFrameSchema``; pandera is imported when one is first asked for."""

    def __getitem__(self, name: str) -> pa.DataFrameSchema:
        if name not in CONTRACT:
            raise KeyError(name)
        return _pandera_schema(name)

    def __iter__(self) -> Iterator[str]:
        return iter(CONTRACT)

    def __len__(self) -> int:
        return len(CONTRACT)


SCHEMAS: Mapping[str, pa.DataFrameSchema] = _Schemas()

# Each check as a test of one value, passing only what pandera's own check passes
# (pandera/backends/pandas/builtin_checks.py); plain Python over a column's values is several
# times quicker than pandas on tables this small. fullmatch, where pandera uses match: it is as strict
# whichever regex engine pandas picks (RE2's "$" is the end of the text, Python's also before a
# final newline).
CHECKS = {
    "str_matches": lambda *, pattern: re.compile(pattern).fullmatch,
    "str_length": lambda *, min_value: lambda v: len(v) >= min_value,
    "isin": lambda *, allowed_values: frozenset(allowed_values).__contains__,
    "ge": lambda *, min_value: lambda v: v >= min_value,
    "in_range": lambda *, min_value, max_value: lambda v: min_value <= v <= max_value,
}
# Each type's test of a value. Every column of the contract is non-nullable: a missing string
# is not a str, NaN is not equal to itself, and an int64 column holds no nulls.
_VALUES = {str: lambda v: isinstance(v, str), int: lambda v: True, float: lambda v: v == v}


def _dtype_fits(kind: type, dtype: object) -> bool:
    """Only the dtypes parley's tables have: a table in any other (say strings in an object column) goes to pandera."""
    import pandas as pd  # already imported by whoever made the frame

    if kind is str:
        return isinstance(dtype, pd.StringDtype)
    return dtype == {int: "int64", float: "float64"}[kind]


def fits(name: str, frame: pd.DataFrame) -> bool:
    """True if ``frame`` meets table ``name`` of the contract; never true where pandera would disagree.

    Stricter than pandera where that is simpler (dtypes, regex ends): a table it refuses may
    still be valid, which is why ``validate`` then asks pandera.
    """
    table = CONTRACT[name]
    if list(frame.columns) != list(table.columns):  # strict and ordered: these columns, in this order
        return False
    for column, spec in table.columns.items():
        series = frame[column]
        if not _dtype_fits(spec.type, series.dtype):
            return False
        value_fits = _VALUES[spec.type]
        check = CHECKS[spec.check](**spec.args) if spec.check else None
        if not all(value_fits(v) and (check is None or check(v)) for v in series.tolist()):
            return False
    ids = frame[table.unique].tolist()
    return len(set(ids)) == len(ids)


def validate(name: str, frame: pd.DataFrame) -> None:
    """Check ``frame`` against table ``name`` of the contract; raise pandera's ``SchemaError`` if it breaks it.

    (pandera raises ``SchemaErrors`` instead for some breaches, such as columns out of order.)
    """
    if not fits(name, frame):
        SCHEMAS[name].validate(frame)  # pandera decides, and says what is wrong
