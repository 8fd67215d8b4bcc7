"""CAMEO codes as PLOVER types through the 2021 crosswalk."""
from __future__ import annotations

import pytest

from parley.dictionaries import plover


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("0311", ("AGREE", "", "economic")),  # listed
        ("042", ("CONSULT", "visit", "")),
        ("1414", ("PROTEST", "demo", "political_institutions")),
        ("204", ("ASSAULT", "unconventional", "cbrn")),
        ("0414", ("CONSULT", "phone", "")),  # not listed: its longest listed prefix, 041
        ("20", ("ASSAULT", "", "")),  # a root line
        ("012", None),  # PLOVER lists no 01 (statements) code
    ],
)
def test_plover(code, expected):
    assert plover(code) == expected
