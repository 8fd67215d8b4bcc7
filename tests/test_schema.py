"""Every table against the contract's schema, and the schema able to catch a broken table."""
from __future__ import annotations

import pandera.errors
import pytest

from parley.schema import COLUMNS, SCHEMAS, TABLES


def test_the_seed_tables_fit_the_contract(seed_result):
    seed_result.validate()
    for name in TABLES:
        assert list(getattr(seed_result, name).columns) == COLUMNS[name]


@pytest.mark.parametrize(
    "table, column, bad",
    [
        ("actors", "kind", "politician"),
        ("actors", "country", "Iran"),
        ("mentions", "how", "guess"),
        ("timexes", "date_start", "23/10/2021"),
        ("events", "cameo_code", "talk"),
        ("events", "modality", "maybe"),
        ("contacts", "channel", "telepathy"),
    ],
)
def test_the_schema_rejects_a_wrong_value(seed_result, table, column, bad):
    frame = getattr(seed_result, table).copy()
    assert len(frame) > 0
    frame.loc[frame.index[0], column] = bad
    with pytest.raises(pandera.errors.SchemaError):
        SCHEMAS[table].validate(frame)


def test_the_schema_rejects_a_missing_column(seed_result):
    with pytest.raises(pandera.errors.SchemaError):
        SCHEMAS["actors"].validate(seed_result.actors.drop(columns="role"))
