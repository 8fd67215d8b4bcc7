"""An event in the making: what each step of the events stage fills in."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Token

from ...cameo import TriggerItem
from ..contacts import is_contact


@dataclass
class EventDraft:
    """An event as the steps build it: a trigger, then its arguments, modality, date, anaphora."""

    tok: Token  # the trigger's syntactic head
    first: int  # token span of the trigger
    last: int
    item: TriggerItem
    code: str
    anchor: Token  # the clause the trigger's arguments, modality and date come from
    sid: int
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    channel: str = ""
    location: str = ""
    location_actors: list[str] = field(default_factory=list)
    modality: str = "asserted"
    date: tuple[dt.date, dt.date] | None = None
    basis: str = "undated"
    ordinal: int = 0
    suppressed: bool = False
    anaphora: str = ""  # "demonstrative" | "definite" | ""
    chain: int = -1
    own_timex: str = ""
    own_source: bool = False  # the noun names its own source ("X's visit", "a visit by X")
    venue: EventDraft | None = None  # the gathering it was held at ("talks on the sidelines of the summit")
    named_parties: bool = False  # its compound names both sides ("the Iran-US talks"): it refers to no other

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys([*self.sources, *self.targets]))

    @property
    def contact(self) -> bool:
        """Does it mention a contact between parties (not a statement, a tweet, a recall)?"""
        return is_contact(self.code, self.channel)
