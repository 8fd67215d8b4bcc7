"""A dictionary set is a folder: which files are read, and the disk cache."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from parley.dictionaries import store

VALIDATION = Path(__file__).resolve().parent / "petrarch_validation"


def test_files_are_recognised_by_name():
    roles = store.dictionary_files(VALIDATION)
    assert {role: [p.name for p in paths] for role, paths in roles.items()} == {
        "verbs": ["PETR.Validate.verbs.txt"],
        "agents": ["PETR.Validate.agents.txt"],
        "actors": ["PETR.Validate.actors.txt"],
        "discards": ["PETR.Validate.discards.txt"],
    }


def test_the_default_set_is_the_vendored_phoenix_set():
    roles = store.dictionary_files(store.default_folder())
    assert [p.name for p in roles["verbs"]] == ["CAMEO.2.0.txt"]
    assert [p.name for p in roles["actors"]] == [
        "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
    ]


def test_a_folder_without_a_verb_file_is_refused(tmp_path):
    shutil.copy(VALIDATION / "PETR.Validate.actors.txt", tmp_path)
    with pytest.raises(ValueError, match=r"exactly one verb file \(\*verbs\*.txt or CAMEO\*.txt\)"):
        store.dictionary_files(tmp_path)


def test_compiled_set_is_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = store.compiled(VALIDATION)
    (cached_file,) = (tmp_path / "parley").glob("dictionaries-*.json")
    assert json.loads(cached_file.read_text())["value"] == fresh
    assert store.compiled(VALIDATION) == fresh


def test_an_edited_file_gets_a_new_cache_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "set"
    shutil.copytree(VALIDATION, folder)
    store.compiled(folder)
    with (folder / "PETR.Validate.actors.txt").open("a") as f:
        f.write("\nMIRKWOOD [MRK]\n")
    assert "MRK" in store.compiled(folder)["actors"]
    assert len(list((tmp_path / "cache" / "parley").glob("dictionaries-*.json"))) == 1  # one file per folder
