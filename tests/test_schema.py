"""Every table against the contract's schema, and the schema able to catch a broken table."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pandera.errors
import pytest

from parley.schema import CHECKS, COLUMNS, CONTRACT, SCHEMAS, TABLES, fits, validate

from conftest import ROOT

# pandera raises SchemaErrors (plural, not a subclass) for some broken frames even when not lazy
REFUSED = (pandera.errors.SchemaError, pandera.errors.SchemaErrors)

BAD = [
    ("actors", "kind", "politician"),
    ("actors", "country", "Iran"),
    ("mentions", "how", "guess"),
    ("timexes", "date_start", "23/10/2021"),
    ("events", "cameo_code", "talk"),
    ("events", "modality", "maybe"),
    ("contacts", "channel", "telepathy"),
]


def test_the_seed_tables_fit_the_contract(seed_result):
    seed_result.validate()
    for name in TABLES:
        assert list(getattr(seed_result, name).columns) == COLUMNS[name]


def test_the_seed_tables_take_the_quick_check(seed_result):
    # Were the quick check to refuse a good table, validate would still be right, only slow.
    assert all(fits(name, frame) for name, frame in seed_result.tables().items())


@pytest.mark.parametrize("check", ["pandera", "validate"])
@pytest.mark.parametrize("table, column, bad", BAD)
def test_the_schema_rejects_a_wrong_value(seed_result, check, table, column, bad):
    frame = getattr(seed_result, table).copy()
    assert len(frame) > 0
    frame.loc[frame.index[0], column] = bad
    with pytest.raises(pandera.errors.SchemaError):
        SCHEMAS[table].validate(frame) if check == "pandera" else validate(table, frame)


def test_the_schema_rejects_a_missing_column(seed_result):
    with pytest.raises(pandera.errors.SchemaError):
        SCHEMAS["actors"].validate(seed_result.actors.drop(columns="role"))
    with pytest.raises(pandera.errors.SchemaError):
        validate("actors", seed_result.actors.drop(columns="role"))


def _odd_values(dtype) -> list:
    """Values at and beyond the edges of every check in the contract, for a column of ``dtype``."""
    if dtype == "int64":
        return [-1, 0, 5, 10**12]
    if dtype == "float64":
        return [np.nan, -10.0, 10.0, -10.5, 10.5, np.inf]
    return [None, "", " ", "x", "X", "a-", "-a", "a--b", "a_b", "e1", "IRN", "IR", "IRN|TUR", "IRN|", "12", "12\n",
            "1|2", "1|", "2021-10-24", "2021-10-24\n", "24/10/2021", "phone", "Phone", "DATE", "person", "asserted"]


def _mutations(name: str, frame: pd.DataFrame):
    """The seed table ``name`` broken (or not) in one way at a time: a cell, a dtype, a column, an id."""
    for column in frame.columns:
        checked = CONTRACT[name].columns[column].check  # a column without a check takes any value of its type
        for value in _odd_values(frame[column].dtype) if checked else [None, np.nan]:
            changed = frame.copy()
            try:
                changed.loc[changed.index[0], column] = value
            except (TypeError, ValueError):  # pandas refuses the value in this dtype
                continue
            yield f"{column}={value!r}", changed
        yield f"{column} as object", frame.astype({column: object})
        yield f"{column} as float", frame.astype({column: float}) if frame[column].dtype == "int64" else frame
    yield "columns reversed", frame[frame.columns[::-1]]
    yield "a column more", frame.assign(extra="")
    yield "a column less", frame.drop(columns=frame.columns[-1])
    yield "a repeated row", pd.concat([frame, frame.iloc[:1]], ignore_index=True)
    yield "no rows", frame.iloc[:0]


@pytest.mark.parametrize("name", TABLES)
def test_the_quick_check_never_passes_what_pandera_refuses(seed_result, name):
    frame = getattr(seed_result, name)
    assert len(frame) > 1
    quick_only = []
    for label, changed in _mutations(name, frame):
        if fits(name, changed):  # else validate asks pandera itself
            try:
                SCHEMAS[name].validate(changed)
            except REFUSED:
                quick_only.append(label)
    assert quick_only == []


def test_a_valid_table_the_quick_check_refuses_goes_to_pandera(seed_result):
    strings_as_objects = seed_result.actors.astype({"name": object})
    assert not fits("actors", strings_as_objects)
    validate("actors", strings_as_objects)


def test_the_pandera_schemas_and_the_quick_check_read_the_same_contract():
    for name, table in CONTRACT.items():
        schema = SCHEMAS[name]
        assert list(schema.columns) == COLUMNS[name]
        assert schema.strict and schema.ordered and schema.unique == [table.unique]
        for column, spec in table.columns.items():
            checks = schema.columns[column].checks
            if not spec.check:
                assert checks == [], (name, column)
                continue
            assert len(checks) == 1 and spec.check in CHECKS, (name, column)
            assert all(checks[0].statistics[k] == v for k, v in spec.args.items()), (name, column)


def test_reading_the_contract_does_not_import_pandera():
    code = "import sys\nimport parley.schema\nassert 'pandera' not in sys.modules and 'hypothesis' not in sys.modules"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "lib")})
    assert run.returncode == 0, run.stderr
