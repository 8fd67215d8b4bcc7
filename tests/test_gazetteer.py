"""The states gazetteer: the forms it knows, and its on-disk cache (which may only ever change the speed)."""
from __future__ import annotations

import pytest

import parley.gazetteer as gazetteer_module
from parley import cache
from parley.gazetteer import Gazetteer, build, cache_key, gazetteer


@pytest.mark.parametrize(
    "form, iso3, how",
    [
        ("Iranians", "IRN", "demonym"),
        ("Chinese", "CHN", "demonym"),
        ("U.S.", "USA", "name"),
        ("Republic of Korea", "KOR", "name"),
        ("Addis Ababa", "ETH", "capital"),
        ("IR", None, None),
        # forms news uses that the packages lack (country_forms.csv)
        ("Britain", "GBR", "name"),
        ("Saudi", "SAU", "demonym"),
        ("Kiev", "UKR", "capital"),
    ],
)
def test_gazetteer_forms(form, iso3, how):
    hit = gazetteer().lookup(form)
    assert (hit or (None, None)) == (iso3, how)


@pytest.mark.parametrize("iso3, name, capital, demonym", [
    ("GBR", "United Kingdom", "London", "British"),  # not Wales, which shares its code in countryinfo
    ("MMR", "Myanmar", "Naypyidaw", "Burmese"),  # not Burma
    ("PSE", "Palestine", "Ramallah", "Palestinian"),  # not "Palestine, State of", which has no demonym
])
def test_a_code_several_entries_share_is_the_state_s_own_record(iso3, name, capital, demonym):
    c = build().countries[iso3]
    assert (c.name, c.capital, c.demonym) == (name, capital, demonym)


def test_states_the_packages_lack_come_from_the_extra_file():
    assert gazetteer().lookup("Kosovar") == ("XKX", "demonym")
    assert gazetteer().countries["XKX"].capital == "Pristina"


# The gazetteer's on-disk cache: it may only ever change the speed, never the gazetteer.
@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "parley" / "gazetteer.json"


def _fresh():
    """The gazetteer as ``gazetteer()`` in a new process would return it (past the per-process cache)."""
    return gazetteer.__wrapped__()


def test_gazetteer_cache_is_written_and_read_back_unchanged(cache_home, monkeypatch):
    built = build()
    assert _fresh() == built and cache_home.exists()
    monkeypatch.setattr(gazetteer_module, "build", lambda: pytest.fail("the cache was not used"))
    cached = _fresh()
    assert cached == built and list(cached.forms) == list(built.forms)


def test_gazetteer_round_trips_through_json():
    built = build()
    again = Gazetteer.from_json(built.as_json())
    assert again == built and list(again.forms) == list(built.forms)


def test_corrupt_gazetteer_cache_is_rebuilt(cache_home, monkeypatch):
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text('{"key": {"countryinfo": ', encoding="utf-8")
    assert _fresh() == build()
    assert Gazetteer.from_json(cache.load("gazetteer.json", cache_key())) == build()  # rewritten whole
    monkeypatch.setattr(gazetteer_module, "build", lambda: pytest.fail("the rewritten cache was not used"))
    assert _fresh().lookup("Iranians") == ("IRN", "demonym")


def test_gazetteer_cache_that_is_json_but_no_gazetteer_is_rebuilt(cache_home):
    cache.store("gazetteer.json", cache_key(), {"countries": "not a gazetteer"})
    assert _fresh() == build()


def test_gazetteer_cache_under_another_key_is_not_used(cache_home):
    key = cache_key() | {"countryinfo": "0.0.0"}
    stale = Gazetteer(countries={}, forms={"Atlantis": ("ATL", "name")}, official_prefixes={})
    cache.store("gazetteer.json", key, stale.as_json())
    gaz = _fresh()
    assert gaz.lookup("Atlantis") is None and gaz == build()


def test_unwritable_gazetteer_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _fresh() == build()
    assert blocker.read_text(encoding="utf-8") == "a file where the cache directory would go"
