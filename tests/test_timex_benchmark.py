"""tools/timex_benchmark.py: TimeML reading and TempEval-3 timex scoring, on hand-written TimeML (no data, no parley)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from timex_benchmark import Span, prf, read_timeml, score  # noqa: E402

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>He <EVENT class="OCCURRENCE" eid="e1">left</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> and will &quot;return&quot; <TIMEX3 tid="t2" type="DATE" value="2013-04" mod="START">early April</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT>
</TimeML>
"""


def test_read_timeml_strips_tags_and_keeps_offsets():
    doc = read_timeml(TIMEML, "tiny")
    assert doc.dct == "2013-03-22"
    assert doc.text == 'He left Thursday and will "return" early April for two weeks.'
    assert [(g.start, g.end, g.type, g.value, g.mod) for g in doc.gold] == [
        (8, 16, "DATE", "2013-03-21", ""), (35, 46, "DATE", "2013-04", "START"), (51, 60, "DURATION", "P2W", "")]
    assert [doc.text[g.start:g.end] for g in doc.gold] == ["Thursday", "early April", "two weeks"]  # the DCT is not gold


def test_score_counts_strict_relaxed_value_and_type():
    gold = read_timeml(TIMEML).gold
    system = [Span(8, 16, "Thursday", "DATE", "2013-03-21"),  # strict, value right
              Span(41, 46, "April", "DATE", "2013-04"),  # relaxed only, value right (mod is not scored)
              Span(51, 60, "two weeks", "DURATION", "P14D"),  # strict, type right, value wrong
              Span(0, 2, "He", "DATE", "XXXX")]  # spurious
    got = score(gold, system)
    assert (got.gold, got.system, got.strict, got.relaxed, got.value, got.type) == (3, 4, 2, 3, 2, 3)
    assert got.missed == [] and got.spurious == [system[3]] and got.wrong == [(gold[2], system[2])]
    assert prf(got.strict, got.system, got.gold) == pytest.approx((50.0, 200 / 3, 400 / 7))
    assert prf(got.relaxed, got.system, got.gold) == pytest.approx((75.0, 100.0, 600 / 7))
    assert prf(got.value, got.system, got.gold)[2] == pytest.approx(400 / 7)  # value F1 57.14
    assert prf(got.type, got.system, got.gold)[2] == pytest.approx(600 / 7)  # type F1 85.71


def test_matching_is_one_to_one_and_prefers_the_same_span():
    g2009, g2010 = Span(0, 4, "2009", "DATE", "2009"), Span(5, 9, "2010", "DATE", "2010")
    got = score([g2009, g2010], [Span(0, 9, "2009-2010", "DATE", "2009")])  # one system timex over two gold
    assert (got.relaxed, got.value, got.missed) == (1, 1, [g2010])
    gold = Span(10, 20, "last month", "DATE", "2013-02")
    partial, exact = Span(5, 12, "x", "DATE", "2013-02"), Span(10, 20, "last month", "DATE", "2013-02")
    got = score([gold], [partial, exact])
    assert (got.strict, got.relaxed, got.spurious) == (1, 1, [partial])


def test_no_timexes_scores_zero_not_an_error():
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    got = score([], [])
    assert (got.gold, got.system, got.relaxed) == (0, 0, 0)
