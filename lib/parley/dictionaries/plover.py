"""CAMEO codes as PLOVER event types, modes and contexts, from the 2021 crosswalk.

The crosswalk (``data/plover/CAMEO2PLOVER-2021.txt``, CC BY-SA 4.0) lists
``CODE: TYPE, MODE, CONTEXT # label``; a code takes the line of its longest listed prefix,
so an unlisted ``0234`` falls back to ``023`` and then to the root ``02``.
"""
from __future__ import annotations

from ..lexicon import plover_crosswalk


def plover(cameo_code: str) -> tuple[str, str, str] | None:
    """The PLOVER (event type, mode, context) of a CAMEO code: ``"0311"`` -> ``("AGREE", "", "economic")``."""
    table = plover_crosswalk()
    code = cameo_code.strip()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]][:3]
    return None
