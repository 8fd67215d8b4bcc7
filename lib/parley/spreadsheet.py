"""Tables as an Excel workbook that cannot run anything: every text cell is a string cell.

A CSV opened in a spreadsheet turns ``=HYPERLINK(...)``, ``+1+1`` or ``@SUM(A1)`` from an
article's text into formulas (CSV injection). An ``.xlsx`` says each cell's type itself, so
here text is always written as text, never as a formula, whatever it starts with, and
numbers stay numbers. The values read back are exactly the values written (but for the
control characters an .xlsx cannot hold, written as U+FFFD with a warning).
"""
from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .errors import ParleyError

# Excel's limits: a sheet name (31 characters, none of []:*?/\) and a cell's text.
MAX_SHEET_NAME = 31
MAX_CELL_CHARS = 32_767
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_names(names: list[str]) -> list[str]:
    """Excel-safe, distinct sheet names for ``names``, in order: forbidden characters made
    ``_``, cut to 31 characters, a repeat numbered (``contacts~2``)."""
    out: list[str] = []
    for name in names:
        base = _SHEET_BAD.sub("_", str(name)).strip("'") or "sheet"
        candidate, n = base[:MAX_SHEET_NAME], 1
        while candidate.casefold() in (o.casefold() for o in out):  # Excel compares sheet names case-blind
            n += 1
            suffix = f"~{n}"
            candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        out.append(candidate)
    return out


def cell_value(value: object) -> object:
    """A table value as openpyxl should store it: ``None`` for missing, a Python number or
    bool as itself, anything else as its text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool) or hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "b":
        return bool(value)
    if isinstance(value, int) or hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iu":
        return int(value)
    if isinstance(value, float) or hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "f":
        return None if math.isnan(float(value)) else float(value)
    return str(value)


def write_xlsx(tables: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """Write each table to its own sheet of an ``.xlsx`` workbook, in the given order: a header
    row, then one row per table row; text as string cells (never formulas), numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    path = Path(path)
    for table, frame in tables.items():  # before writing: a write-only workbook cannot stop half-way cleanly
        _check_lengths(table, frame)
    workbook = Workbook(write_only=True)
    for name, (table, frame) in zip(sheet_names(list(tables)), tables.items()):
        sheet = workbook.create_sheet(title=name)
        sheet.freeze_panes = "A2"
        sheet.append([_text_cell(sheet, str(column), ILLEGAL_CHARACTERS_RE, table) for column in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_cell(sheet, cell_value(v), ILLEGAL_CHARACTERS_RE, table) for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _check_lengths(table: str, frame: pd.DataFrame) -> None:
    """ParleyError if a text cell (or header) of ``frame`` is longer than Excel can hold."""
    longest = max((len(v) for c in frame.columns for v in (c, *frame[c]) if isinstance(v, str)), default=0)
    if longest > MAX_CELL_CHARS:
        raise ParleyError(f"a cell of table '{table}' holds {longest:,} characters, over Excel's "
                          f"{MAX_CELL_CHARS:,}: write csv or parquet instead")


def _cell(sheet, value: object, illegal: re.Pattern, table: str):
    return _text_cell(sheet, value, illegal, table) if isinstance(value, str) else value


def _text_cell(sheet, text: str, illegal: re.Pattern, table: str):
    """A string cell holding ``text`` exactly; openpyxl would make ``=…`` a formula."""
    from openpyxl.cell import WriteOnlyCell

    if illegal.search(text):
        warnings.warn(f"table '{table}': a control character an .xlsx cannot store was written as \ufffd "
                      "(csv and parquet keep it)", stacklevel=4)
        text = illegal.sub("\ufffd", text)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # after the value: openpyxl infers "f" for text starting with "="
    return cell
