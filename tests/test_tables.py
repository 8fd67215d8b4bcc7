"""Tables: records to DataFrames, ids, and writing every table of a run together or not at all."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from parley.errors import ParleyError
from parley.schema import TABLES
from parley.tables import write_tables


@pytest.fixture
def previous(tmp_path):
    """An output folder holding the tables of an earlier run (marked) and a file of the user's."""
    out = tmp_path / "out"
    out.mkdir()
    for name in TABLES:
        (out / f"{name}.csv").write_text(f"old {name}\n")
    (out / "notes.txt").write_text("mine")
    return out


def _snapshot(folder):
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fail_at", [1, 3, 6])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk-full", "ctrl-c"])
def test_failure_while_moving_tables_in_leaves_the_previous_ones(previous, monkeypatch, fail_at, error):
    before = _snapshot(previous)
    frames = {name: pd.DataFrame({"a": [1]}) for name in TABLES}
    real, calls = os.replace, []

    def flaky(src, dst):
        if "old" not in str(dst):  # a new table moving into place
            calls.append(dst)
            if len(calls) == fail_at:
                raise error
        return real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(ParleyError if isinstance(error, OSError) else KeyboardInterrupt) as info:
        write_tables(frames, previous)
    if isinstance(error, OSError):
        assert str(info.value) == f"cannot write to {previous}: No space left on device"
    assert _snapshot(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["out"]  # no temporary folder left


def test_failure_while_writing_a_table_leaves_the_previous_ones(previous, monkeypatch):
    before = _snapshot(previous)
    frames = {name: pd.DataFrame({"a": [1]}) for name in TABLES}
    real = pd.DataFrame.to_csv

    def fail_on_events(frame, path, *args, **kwargs):
        if Path(path).stem == "events":
            raise OSError(5, "Input/output error")
        return real(frame, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", fail_on_events)
    with pytest.raises(ParleyError, match="Input/output error"):
        write_tables(frames, previous)
    assert _snapshot(previous) == before
    fresh = previous.parent / "fresh"
    with pytest.raises(ParleyError):
        write_tables(frames, fresh)
    assert not fresh.exists()  # a new folder is not left behind, empty or half full


def test_a_successful_write_replaces_the_tables_and_keeps_other_files(previous):
    write_tables({name: pd.DataFrame({"a": [1]}) for name in TABLES}, previous)
    after = _snapshot(previous)
    assert after.pop("notes.txt") == "mine"
    assert after == {f"{name}.csv": "a\n1\n" for name in TABLES}
    assert sorted(p.name for p in previous.parent.iterdir()) == ["out"]


def test_ids_are_numbered_in_order_with_the_tables_prefix():
    from parley.models import Contact, Event
    from parley.tables import ids, numbered

    assert ids("mentions", 3) == ["m1", "m2", "m3"]
    assert ids("quotes", 0) == []
    events = [Event(start=i, end=i + 1, trigger="met", sentence_id=0, cameo_code="040", event_label="Consult",
                    goldstein=1.0, quad_class=1) for i in range(2)]
    assert [e.event_id for e in numbered("events", events)] == ["e1", "e2"]
    contact = Contact("", "phone", ("a", "b"), ("AZE", "IRN"), None, None, "", "asserted", ("e1",), (0,))
    assert numbered("contacts", [contact])[0].contact_id == "c1"


def test_a_frame_has_the_contracts_columns_and_types_and_numbers_records_without_ids():
    import datetime as dt

    from parley.models import Timex
    from parley.tables import frame

    timex = Timex(start=5, end=13, text="Saturday", sentence_id=0, type="DATE", value="2021-10-23",
                  date_start=dt.date(2021, 10, 23), date_end=dt.date(2021, 10, 23))
    table = frame("timexes", [timex, timex])
    assert list(table.columns) == ["timex_id", "sentence_id", "start", "end", "text", "type", "value", "mod",
                                   "date_start", "date_end"]
    assert table.to_dict("records")[1] == {
        "timex_id": "t2", "sentence_id": 0, "start": 5, "end": 13, "text": "Saturday", "type": "DATE",
        "value": "2021-10-23", "mod": "", "date_start": "2021-10-23", "date_end": "2021-10-23"}
    assert [str(t) for t in table.dtypes] == ["str", "int64", "int64", "int64", "str", "str", "str", "str", "str",
                                              "str"]


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(ParleyError, match="unknown format 'xls': use csv, json, parquet"):
        write_tables({"actors": pd.DataFrame({"a": [1]})}, tmp_path / "out", fmt="xls")
