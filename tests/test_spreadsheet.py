"""parley.spreadsheet: text that looks like a formula stays text in the .xlsx; numbers stay numbers."""
from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from parley.errors import ParleyError
from parley.spreadsheet import sheet_names, write_xlsx

INJECTIONS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "=1+1", " =1", "\t=1",
              "'quoted", "", "0012", "1e5", "TRUE", "2021-10-24"]


def read_back(path) -> dict[str, list[list]]:
    book = load_workbook(path)  # not data_only: a formula would show as one
    cells = {ws.title: [[c for c in row] for row in ws.iter_rows()] for ws in book.worksheets}
    assert all(c.data_type != "f" for rows in cells.values() for row in rows for c in row)
    return {name: [[c.value for c in row] for row in rows] for name, rows in cells.items()}


def test_formula_like_text_is_written_as_text(tmp_path):
    events = pd.DataFrame({
        "event_id": [f"e{i}" for i in range(len(INJECTIONS))], "text": INJECTIONS,
        "goldstein": [1.5, -2.0, 0.0, 3.4, -10.0, 7.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        "sentence_id": list(range(len(INJECTIONS))),
    })
    actors = pd.DataFrame({"=actor_id": ["@x"], "name": ["-Y"], "mentions": [3]})
    path = write_xlsx({"events": events, "actors": actors}, tmp_path / "tables.xlsx")
    assert path == tmp_path / "tables.xlsx"
    book = read_back(path)
    assert list(book) == ["events", "actors"]  # the given order
    assert book["events"][0] == ["event_id", "text", "goldstein", "sentence_id"]
    rows = book["events"][1:]
    # empty text reads back as an empty cell (None): Excel stores no empty strings
    assert [r[1] for r in rows] == [t if t else None for t in INJECTIONS]
    # numbers stay numbers (an .xlsx has one number type: -2.0 reads back as -2)
    assert [r[2] for r in rows] == list(events["goldstein"]) and all(type(r[2]) in (int, float) for r in rows)
    assert [r[3] for r in rows] == list(range(len(INJECTIONS))) and all(type(r[3]) is int for r in rows)
    assert book["actors"] == [["=actor_id", "name", "mentions"], ["@x", "-Y", 3]]


def test_pandas_string_and_missing_values(tmp_path):
    frame = pd.DataFrame({"a": pd.array(["=1", None], dtype="string"), "b": [1.0, float("nan")],
                          "c": pd.array([1, None], dtype="Int64"), "d": [True, False]})
    book = read_back(write_xlsx({"t": frame}, tmp_path / "t.xlsx"))
    assert book["t"] == [["a", "b", "c", "d"], ["=1", 1.0, 1, True], [None, None, None, False]]


def test_sheet_names_fit_excel():
    names = sheet_names(["contacts", "a" * 40, "a" * 40, "x/y:z?", "CONTACTS"])
    assert names == ["contacts", "a" * 31, "a" * 29 + "~2", "x_y_z_", "CONTACTS~2"]
    assert all(len(n) <= 31 for n in names)


def test_a_cell_too_long_for_excel_is_refused(tmp_path):
    with pytest.raises(ParleyError, match="over Excel's 32,767: write csv or parquet instead"):
        write_xlsx({"events": pd.DataFrame({"text": ["x" * 40_000]})}, tmp_path / "t.xlsx")


def test_a_control_character_is_replaced_with_a_warning(tmp_path):
    with pytest.warns(UserWarning, match="control character"):
        path = write_xlsx({"events": pd.DataFrame({"text": ["a\x0bb"]})}, tmp_path / "t.xlsx")
    assert read_back(path)["events"][1] == ["a\ufffdb"]


def test_the_seed_tables_read_back_equal(tmp_path, seed_result):
    tables = {**seed_result.tables(), "empty": pd.DataFrame(columns=["a", "b"])}
    book = read_back(write_xlsx(tables, tmp_path / "seed.xlsx"))
    assert list(book) == list(tables)
    for name, frame in tables.items():
        assert book[name][0] == list(frame.columns)
        expected = [[None if v == "" else v for v in row] for row in frame.itertuples(index=False, name=None)]
        assert book[name][1:] == expected, name
