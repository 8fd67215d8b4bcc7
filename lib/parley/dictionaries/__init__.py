"""Events and actors coded with the field's own dictionaries: PETRARCH2's CAMEO verb
patterns and the Phoenix actor and agent dictionaries (vendored in ``data/petrarch2``).

``load()`` a dictionary set (a folder), then ``events(doc, dictionaries=...)`` for the
CAMEO-coded events of a parsed document, ``actor_code()`` for one phrase's actor code on a
date, ``plover()`` for a CAMEO code's PLOVER type.
"""
from __future__ import annotations

from .actors import actor_code, country_of, sector_of
from .coder import CodedEvent, events
from .plover import plover
from .store import Dictionaries, load

__all__ = [
    "CodedEvent", "Dictionaries", "actor_code", "country_of", "events", "load", "plover", "sector_of",
]
