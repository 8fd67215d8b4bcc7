"""The on-disk JSON cache: a value comes back only under the key it was stored with."""
from __future__ import annotations

from pathlib import Path

import pytest

from parley import cache

KEY = {"package": "1.2.3", "rules.csv": "ab12"}


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_the_cache_lives_under_xdg_cache_home(cache_home):
    assert cache.cache_path("rules.json") == cache_home / "parley" / "rules.json"


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.cache_path("rules.json") == Path.home() / ".cache" / "parley" / "rules.json"


def test_round_trip(cache_home):
    value = {"forms": [["Iran", "IRN", "name"]], "count": 1, "name": "Curaçao"}
    cache.store("rules.json", KEY, value)
    assert cache.load("rules.json", KEY) == value
    assert cache.load("rules.json", dict(reversed(KEY.items()))) == value  # a key is a dict: order does not matter
    assert [p.name for p in (cache_home / "parley").iterdir()] == ["rules.json"]  # no temporary file left


def test_a_value_stored_again_replaces_the_old_one(cache_home):
    cache.store("rules.json", KEY, [1])
    cache.store("rules.json", KEY, [2])
    assert cache.load("rules.json", KEY) == [2]


@pytest.mark.parametrize(
    "other",
    [
        {"package": "1.2.4", "rules.csv": "ab12"},  # one input changed
        {"package": "1.2.3"},  # one input fewer
        KEY | {"python": "3.11"},  # one input more
    ],
)
def test_a_value_under_another_key_is_ignored(cache_home, other):
    cache.store("rules.json", KEY, [1, 2, 3])
    assert cache.load("rules.json", other) is None


def test_a_missing_file_is_no_value(cache_home):
    assert cache.load("never-stored.json", KEY) is None


@pytest.mark.parametrize("text", ['{"key": {"package": ', "[]", '{"value": 1}', "\udcff"])
def test_a_corrupt_file_is_no_value(cache_home, text):
    path = cache_home / "parley" / "rules.json"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    assert cache.load("rules.json", KEY) is None


def test_an_unwritable_directory_is_tolerated(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.store("rules.json", KEY, [1]) is None
    assert cache.load("rules.json", KEY) is None
    assert blocker.read_text(encoding="utf-8") == "a file where the cache directory would go"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-directory"]


def test_a_value_json_cannot_hold_is_an_error_and_writes_nothing(cache_home):
    with pytest.raises(TypeError):
        cache.store("rules.json", KEY, {"when": object()})
    assert not (cache_home / "parley" / "rules.json").exists()
