"""Scoring against gold: key events typed and dated, misses grouped by kind."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from parley.evaluate import grouped, score_events

BODY = "Iran summoned the envoy on Monday. The ministers spoke by phone."


def _result(events: list[dict]) -> SimpleNamespace:
    sentences = pd.DataFrame({"sentence_id": [0, 1], "start": [0, 35], "end": [34, 64]})
    columns = ["sentence_id", "cameo_code", "date_start", "date_end"]
    return SimpleNamespace(article=SimpleNamespace(body=BODY), sentences=sentences,
                           events=pd.DataFrame(events, columns=columns))


def test_a_key_event_counts_when_its_sentence_has_the_root_and_the_interval():
    gold = [{"evidence": "summoned the envoy", "cameo": "114", "date_start": "2021-10-18", "date_end": "2021-10-18"},
            {"evidence": "spoke by phone", "cameo": "040"}]
    right = _result([{"sentence_id": 0, "cameo_code": "112", "date_start": "2021-10-18", "date_end": "2021-10-18"},
                     {"sentence_id": 1, "cameo_code": "041", "date_start": "", "date_end": ""}])
    score = score_events(gold, right)
    assert (score.events_right, score.events, score.misses) == (2, 2, [])
    wrong = _result([{"sentence_id": 0, "cameo_code": "114", "date_start": "2021-10-11", "date_end": "2021-10-11"},
                     {"sentence_id": 0, "cameo_code": "041", "date_start": "", "date_end": ""}])
    score = score_events(gold, wrong)
    assert (score.events_right, score.events) == (0, 2)
    assert score.misses == ["event date: 114 'summoned the envoy' 2021-10-11..2021-10-11 != 2021-10-18..2021-10-18",
                            "event missed: 040 'spoke by phone' (found none)"]


def test_misses_are_grouped_by_kind_commonest_first():
    misses = [("a", "country: Obama '' != 'USA'"), ("b", "person missed: Jamali"), ("b", "country: Putin '' != 'RUS'")]
    assert grouped(misses) == ("  country (2)\n    a: Obama '' != 'USA'\n    b: Putin '' != 'RUS'\n"
                               "  person missed (1)\n    b: Jamali")
