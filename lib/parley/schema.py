"""The contract's six tables as pandera schemas: names, order, types and allowed values."""
from __future__ import annotations

import pandera.pandas as pa

_ID = pa.Column(str, pa.Check.str_matches(r"^[a-z0-9]+(?:-[a-z0-9]+)*$"))
_ID_OR_EMPTY = pa.Column(str, pa.Check.str_matches(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$"))
_DATE = pa.Column(str, pa.Check.str_matches(r"^(?:\d{4}-\d\d-\d\d)?$"))
_OFFSET = pa.Column(int, pa.Check.ge(0))


def _schema(name: str, columns: dict, *, unique: str) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, name=name, strict=True, ordered=True, unique=[unique], coerce=False)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "actors": _schema(
        "actors",
        {
            "actor_id": _ID,
            "name": pa.Column(str, pa.Check.str_length(min_value=1)),
            "kind": pa.Column(str, pa.Check.isin(["person", "country", "organization", "place", "group"])),
            "country": pa.Column(str, pa.Check.str_matches(r"^(?:[A-Z]{3})?$")),
            "role": pa.Column(str),
            "aliases": pa.Column(str),
            "mentions": pa.Column(int, pa.Check.ge(0)),
        },
        unique="actor_id",
    ),
    "mentions": _schema(
        "mentions",
        {
            "mention_id": _ID,
            "actor_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "how": pa.Column(str, pa.Check.isin(["name", "title", "demonym", "capital", "pronoun", "other"])),
        },
        unique="mention_id",
    ),
    "timexes": _schema(
        "timexes",
        {
            "timex_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "type": pa.Column(str, pa.Check.isin(["DATE", "TIME", "DURATION", "SET"])),
            "value": pa.Column(str, pa.Check.str_length(min_value=1)),
            "mod": pa.Column(str),
            "date_start": _DATE,
            "date_end": _DATE,
        },
        unique="timex_id",
    ),
    "events": _schema(
        "events",
        {
            "event_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "trigger": pa.Column(str, pa.Check.str_length(min_value=1)),
            "cameo_code": pa.Column(str, pa.Check.str_matches(r"^\d{2,4}$")),
            "event_label": pa.Column(str),
            "goldstein": pa.Column(float, pa.Check.in_range(-10, 10)),
            "quad_class": pa.Column(int, pa.Check.isin([1, 2, 3, 4])),
            "source_id": _ID_OR_EMPTY,
            "target_id": _ID_OR_EMPTY,
            "date_start": _DATE,
            "date_end": _DATE,
            "date_basis": pa.Column(str, pa.Check.isin(["explicit", "inferred", "publication", "undated"])),
            "modality": pa.Column(str, pa.Check.isin(["asserted", "planned", "requested", "negated", "hypothetical"])),
            "channel": pa.Column(
                str,
                pa.Check.isin(["", "phone", "meeting", "visit", "summons", "letter", "note", "statement", "social_media"]),
            ),
            "location": pa.Column(str),
            "text": pa.Column(str),
        },
        unique="event_id",
    ),
    "contacts": _schema(
        "contacts",
        {
            "contact_id": _ID,
            "channel": pa.Column(str, pa.Check.isin(["phone", "meeting", "visit", "summons", "letter", "note"])),
            "participant_ids": pa.Column(str),
            "countries": pa.Column(str, pa.Check.str_matches(r"^(?:[A-Z]{3}(?:\|[A-Z]{3})*)?$")),
            "date_start": _DATE,
            "date_end": _DATE,
            "location": pa.Column(str),
            "modality": pa.Column(str, pa.Check.isin(["asserted", "planned", "requested", "negated", "hypothetical"])),
            "event_ids": pa.Column(str, pa.Check.str_length(min_value=1)),
            "sentence_ids": pa.Column(str, pa.Check.str_matches(r"^\d+(?:\|\d+)*$")),
        },
        unique="contact_id",
    ),
    "quotes": _schema(
        "quotes",
        {
            "quote_id": _ID,
            "sentence_id": _OFFSET,
            "start": _OFFSET,
            "end": _OFFSET,
            "speaker_id": _ID_OR_EMPTY,
            "cue": pa.Column(str),
            "channel": pa.Column(str),
            "quote": pa.Column(str, pa.Check.str_length(min_value=1)),
        },
        unique="quote_id",
    ),
}

TABLES = tuple(SCHEMAS)
COLUMNS = {name: list(schema.columns) for name, schema in SCHEMAS.items()}
