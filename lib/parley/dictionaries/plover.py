"""CAMEO codes as PLOVER event types, modes and contexts, from the 2021 crosswalk.

The crosswalk (``data/plover/CAMEO2PLOVER-2021.txt``, CC BY-SA 4.0) lists
``CODE: TYPE, MODE, CONTEXT # label``; a code takes the line of its longest listed prefix,
so an unlisted ``0234`` falls back to ``023`` and then to the root ``02``.
"""
from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def crosswalk() -> dict[str, tuple[str, str, str]]:
    """Every listed CAMEO code -> (event type, mode, context), empty strings for blanks."""
    table: dict[str, tuple[str, str, str]] = {}
    path = resources.files("parley").joinpath("data", "plover", "CAMEO2PLOVER-2021.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if ":" not in body:
            continue
        code, _, rest = body.partition(":")
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        table[code.strip()] = (parts[0], parts[1], parts[2])
    return table


def plover(cameo_code: str) -> tuple[str, str, str] | None:
    """The PLOVER (event type, mode, context) of a CAMEO code: ``"0311"`` -> ``("AGREE", "", "economic")``."""
    table = crosswalk()
    code = cameo_code.strip()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None
