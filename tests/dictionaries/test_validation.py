"""PETRARCH's own unit-test records, coded by parley from spaCy parses."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from parley.dictionaries import validate

VALIDATION = Path(__file__).resolve().parent / "petrarch_validation"


@pytest.fixture(scope="module")
def outcomes(validation):
    return validate.outcomes(VALIDATION, dictionaries=validation)


def test_records_are_read():
    records = validate.records(VALIDATION)
    assert len(records) == 284
    first = records[0]
    assert (first.id, first.category, str(first.on)) == ("DEMO-00", "DEMO", "1995-01-01")
    assert first.expected == {("ARN", "GON", "064")}
    assert next(r for r in records if r.id == "DISCARD-01").expected == frozenset()


def test_exact_records(outcomes):
    exact = sum(o.kind == "exact" for o in outcomes)
    assert exact >= 232  # of 284; the floor reached when this test was written


def test_every_synset_record_is_exact(outcomes):
    kinds = Counter(o.kind for o in outcomes if o.record.category == "SYNSET")
    assert kinds == {"exact": 52}


@pytest.mark.parametrize(
    ("expected", "coded", "kind"),
    [
        ({("A", "B", "1")}, {("A", "B", "1")}, "exact"),
        ({("A", "B", "1")}, set(), "none coded"),
        (set(), {("A", "B", "1")}, "spurious"),
        ({("A", "B", "1")}, {("A", "B", "2")}, "wrong code"),
        ({("A", "B", "1")}, {("A", "C", "1")}, "wrong actors"),
        ({("A", "B", "1"), ("A", "C", "1")}, {("A", "B", "1")}, "missing events"),
        ({("A", "B", "1")}, {("A", "B", "1"), ("A", "C", "1")}, "extra events"),
        ({("A", "B", "1"), ("A", "C", "1")}, {("A", "B", "1"), ("A", "D", "2")}, "partial"),
        ({("A", "B", "1")}, {("A", "D", "2")}, "wrong code and actors"),
    ],
)
def test_kind_of_miss(expected, coded, kind):
    assert validate.kind_of_miss(frozenset(expected), frozenset(coded)) == kind
