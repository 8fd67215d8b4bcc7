"""Records -> tables: the contract's DataFrames, the sentences table, ids, and atomic writing.

Every table parley hands out is built here, from the column types the contract declares
(``schema.CONTRACT``); every id is numbered here (``numbered``, ``frame``); every table
written to disk goes through ``write_tables``, all files of a run together or none.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ParleyError
from .schema import CONTRACT

if TYPE_CHECKING:  # pandas and spaCy load when a table is built: the command line checks its input first
    import pandas as pd
    from spacy.tokens import Doc

# The prefix of each table's ids: ``e3`` is the third event in text order.
ID_PREFIXES = {"mentions": "m", "timexes": "t", "events": "e", "contacts": "c", "quotes": "q"}
SENTENCE_COLUMNS = ["sentence_id", "start", "end", "text"]
SENTENCE_TYPES = {"sentence_id": int, "start": int, "end": int, "text": str}
FORMATS = ("csv", "json", "parquet", "xlsx")  # xlsx: one workbook, a sheet per table (``spreadsheet``)


# --- ids ---------------------------------------------------------------------------------
def ids(name: str, n: int) -> list[str]:
    """The ids of a table's ``n`` rows in text order (``m1``, ``m2`` …)."""
    prefix = ID_PREFIXES[name]
    return [f"{prefix}{i}" for i in range(1, n + 1)]


def numbered(name: str, records: list) -> list:
    """``records`` with their id field (the table's first column) numbered in order; records
    whose class has no such field keep none (their table numbers its rows: see ``frame``)."""
    field = CONTRACT[name].unique
    for record, value in zip(records, ids(name, len(records))):
        setattr(record, field, value)
    return records


# --- records -> DataFrames ------------------------------------------------------------------
def column_types(name: str) -> dict[str, type]:
    """The Python type of each of a table's columns, as the contract declares it."""
    if name == "sentences":
        return dict(SENTENCE_TYPES)
    return {column: spec.type for column, spec in CONTRACT[name].columns.items()}


def cell(value: object) -> object:
    """A record's value as a table cell: None empty, a date ISO, a list ``|``-joined."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    return value


def columns(name: str, records: list) -> list[list]:
    """A table's cells column by column (a cell a record lacks is NaN); the id column numbered
    when the records carry no ids of their own."""
    names = list(CONTRACT[name].columns)
    data: list[list] = [[] for _ in names]
    for record in records:
        present = {f.name for f in dataclasses.fields(record)}
        for cells, column in zip(data, names):
            cells.append(cell(getattr(record, column)) if column in present else math.nan)
    if records and names[0] not in {f.name for f in dataclasses.fields(records[0])}:
        data[0] = ids(name, len(records))
    return data


@functools.cache
def _dtypes() -> dict:
    """What ``astype`` makes of each column type (pandas' string dtype for str), looked up once."""
    import pandas as pd

    return {kind: pd.api.types.pandas_dtype(kind) for kind in (str, int, float)}


def _array(cells: list, kind: type):
    """One column's cells as the array ``astype(kind)`` would make of them."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    dtypes = _dtypes()
    if kind is not str:
        return np.array(cells, dtype=dtypes[kind])
    if all(type(c) is str for c in cells):  # already text: no object column to convert
        if dtypes[str].storage == "pyarrow":  # the arrow array as pd.array would make it, minus its checks
            return pd.arrays.ArrowStringArray(pa.array(cells, type=pa.large_string()), dtype=dtypes[str])
        return pd.array(cells, dtype=dtypes[str])
    return pd.Series(cells, dtype=object).astype(str).array


def frame(name: str, records: list) -> pd.DataFrame:
    """Records -> a DataFrame with exactly the contract's columns and types, built column by
    column from typed arrays (a frame of row dicts followed by ``astype`` costs more than the stages)."""
    import pandas as pd

    types = column_types(name)
    data = {column: _array(cells, types[column]) for column, cells in zip(types, columns(name, records))}
    return pd.DataFrame(data, copy=False)  # the columns in ``data``'s order


def sentence_rows(doc: Doc, *, start: int = 0, first: int = 0) -> list[tuple[int, int, int, str]]:
    """``(sentence_id, start, end, text)`` of every sentence, ids from ``first`` and offsets
    shifted by ``start`` (a chunk's place in the body)."""
    from .nlp import text_of  # here: the command line imports tables before it needs spaCy

    text = text_of(doc)  # a sentence's text is a slice of it: cheaper than one Span.text per sentence
    return [(first + i, start + s.start_char, start + s.end_char, text[s.start_char : s.end_char].strip())
            for i, s in enumerate(doc.sents)]


def sentences(rows: list[tuple[int, int, int, str]]) -> pd.DataFrame:
    """The sentences table (``sentence_id, start, end, text``), for provenance in figures."""
    import pandas as pd

    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


# --- writing -------------------------------------------------------------------------------
def write_tables(tables: dict, out: str | Path, *, fmt: str = "csv", partitions: dict | None = None) -> list[Path]:
    """Write each table to ``out/NAME.FMT`` atomically: all files appear together or none do.

    ``fmt="xlsx"`` writes one workbook, ``out/tables.xlsx``, a sheet per table, every text cell
    stored as text (never a formula: see ``spreadsheet``).

    ``partitions`` (Parquet only) maps a table name to a column and its values: that table is
    written as a folder ``NAME.parquet/VALUE.parquet``, one file per value, even where the value
    has no rows (a corpus's tables, one partition per article, read back whole by
    ``pandas.read_parquet`` or ``dask.dataframe.read_parquet`` on the folder).

    The tables are written to a temporary folder beside ``out``; each old table is moved
    aside before its new one is renamed in, and put back if anything fails (or the run is
    interrupted), so ``out`` holds the previous set of tables or the new one, never a mix.
    """
    if fmt not in FORMATS:
        raise ParleyError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    out = Path(out)
    tmp = _scratch_beside(out)
    created = not out.exists()
    placed: list[tuple[Path, Path | None]] = []  # (table in out, the old one moved aside)
    try:
        if fmt == "xlsx":
            from .spreadsheet import write_xlsx  # openpyxl only when asked for

            written = [write_xlsx(tables, tmp / "tables.xlsx")]
        else:
            written = [_write_partitions(table, tmp / f"{name}.{fmt}", *partitions[name])
                       if name in (partitions or {}) else _write_table(table, tmp / f"{name}.{fmt}", fmt)
                       for name, table in tables.items()]
        out.mkdir(exist_ok=True)
        (tmp / "old").mkdir()
        for path in written:
            target = out / path.name
            backup = None
            if target.exists():
                backup = tmp / "old" / path.name
                os.replace(target, backup)
            placed.append((target, backup))
            os.replace(path, target)
        return [out / path.name for path in written]
    except BaseException as exc:
        _restore(placed, out if created else None)
        if isinstance(exc, OSError):
            raise ParleyError(f"cannot write to {out}: {exc.strerror or exc}") from None
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _scratch_beside(out: Path) -> Path:
    """A new temporary folder beside ``out`` (on its file system, so renames are atomic)."""
    if out.exists() and not out.is_dir():
        raise ParleyError(f"--out {out} is a file, not a folder: give a folder path")
    for above in out.parents:
        if above.exists() and not above.is_dir():
            raise ParleyError(f"--out {out}: {above} is a file, not a folder: give a folder path")
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise ParleyError(f"cannot write to {parent}: {exc.strerror or exc}") from None


def _restore(placed: list[tuple[Path, Path | None]], created: Path | None) -> None:
    """Put the previous tables back after a failed write; remove ``created`` if it was made."""
    for target, backup in reversed(placed):
        try:
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        except OSError:
            pass
    if created is not None:
        try:
            created.rmdir()
        except OSError:
            pass


def _write_partitions(table: pd.DataFrame, path: Path, column: str, values: list[str]) -> Path:
    """``table`` as a folder of Parquet files, one per value of ``column``, rows in order."""
    path.mkdir()
    rows = table.groupby(column, sort=False).indices if len(table) else {}
    for value in values:
        part = table.iloc[rows.get(value, [])]
        _write_table(part.reset_index(drop=True), path / f"{value}.parquet", "parquet")
    return path


def _write_table(table: pd.DataFrame, path: Path, fmt: str) -> Path:
    if fmt == "csv":
        table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    elif fmt == "json":
        table.to_json(path, orient="records", force_ascii=False, indent=1)
    else:
        try:
            table.to_parquet(path, index=False)
        except ImportError:
            raise ParleyError("--format parquet needs pyarrow: pip install pyarrow") from None
    return path
