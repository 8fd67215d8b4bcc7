"""The records parley extracts, one dataclass per table row (see CONTRACT.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timex:
    """A TimeML TIMEX3 temporal expression, with the calendar interval a DATE denotes."""

    start: int
    end: int
    text: str
    sentence_id: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # 2019-05-17, 2019-W20, P1M, PAST_REF, XXXX-05-17 ...
    mod: str = ""  # START | MID | END | APPROX | BEFORE | AFTER | ...
    date_start: dt.date | None = None
    date_end: dt.date | None = None


@dataclass
class Mention:
    """A span of the body that refers to an actor, and how it does (name, title, pronoun…)."""

    start: int
    end: int
    text: str
    sentence_id: int
    how: str  # name | title | demonym | capital | pronoun | other
    actor_id: str = ""


@dataclass
class Actor:
    """One real-world actor: a person, a state, an organisation, a place or a group."""

    actor_id: str
    name: str
    kind: str  # person | country | organization | place | group
    country: str = ""  # ISO 3166-1 alpha-3
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    cameo_code: str = ""  # CAMEO actor code (IRNGOV, IGOUNO), from the dictionaries and the text


@dataclass
class Event:
    """One thing that happened, or was planned, requested, denied (CAMEO-coded)."""

    start: int  # the trigger's span
    end: int
    trigger: str
    sentence_id: int
    cameo_code: str
    event_label: str
    goldstein: float
    quad_class: int
    source_id: str = ""
    target_id: str = ""
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_basis: str = "undated"  # explicit | inferred | publication | undated
    modality: str = "asserted"  # asserted | planned | requested | negated | hypothetical
    channel: str = ""
    location: str = ""
    text: str = ""  # the sentence
    participant_ids: tuple[str, ...] = ()
    event_id: str = ""
    ordinal: int = 0  # n-th contact of a series between the same parties ("the second call" -> 2), 0 unknown
    held_at: int = -1  # start of the trigger of the gathering it was held at ("talks at the summit"), -1 none


@dataclass
class Contact:
    """One distinct diplomatic contact, however many events mention it."""

    contact_id: str
    channel: str
    participant_ids: tuple[str, ...]
    countries: tuple[str, ...]
    date_start: dt.date | None
    date_end: dt.date | None
    location: str
    modality: str
    event_ids: tuple[str, ...]
    sentence_ids: tuple[int, ...]


@dataclass(frozen=True)
class Quote:
    """A direct quotation with its speaker and the cue that introduces it."""

    start: int
    end: int
    sentence_id: int
    quote: str
    speaker_id: str = ""
    cue: str = ""
    channel: str = ""
