"""What the world's states are called: names, official names, demonyms and capitals.

Built from the ``countryinfo`` data package (names, alternative spellings, capitals,
demonyms, ISO codes) and ``pycountry`` (ISO 3166 official names), never a hand list, plus the
few states they lack (``lexicon.countries_extra()``). The build reads every JSON file of
``countryinfo`` (outlines included), slower than the rest of an article's analysis, so the
result is kept in the on-disk cache (``cache.py``), keyed by everything it is built from.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

from . import cache, lexicon

CACHE_FILE = "gazetteer.json"


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str  # the common English name: "Iran", "Azerbaijan"
    capital: str
    demonym: str


@dataclass(frozen=True)
class Gazetteer:
    """Surface form -> (ISO3, how), with ``how`` one of name | demonym | capital."""

    countries: dict[str, Country]  # by ISO3
    forms: dict[str, tuple[str, str]]  # exact surface form -> (iso3, how)
    official_prefixes: dict[str, tuple[str, ...]]  # "Islamic Republic" -> ("IRN", "PAK", ...)

    def lookup(self, text: str) -> tuple[str, str] | None:
        """The state a surface form names, and how (``"Iranians"`` -> ``("IRN", "demonym")``)."""
        return self.forms.get(_normalise(text))

    def as_json(self) -> dict:
        """The gazetteer as plain JSON values (for the cache), in a form ``from_json`` reads back."""
        return {
            "countries": [[c.iso3, c.name, c.capital, c.demonym] for c in self.countries.values()],
            "forms": [[form, iso3, how] for form, (iso3, how) in self.forms.items()],
            "official_prefixes": [[prefix, list(isos)] for prefix, isos in self.official_prefixes.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> Gazetteer:
        """The gazetteer ``as_json`` gave."""
        return cls(
            countries={iso3: Country(iso3, name, capital, demonym) for iso3, name, capital, demonym in data["countries"]},
            forms={form: (iso3, how) for form, iso3, how in data["forms"]},
            official_prefixes={prefix: tuple(isos) for prefix, isos in data["official_prefixes"]},
        )


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _normalise(text: str) -> str:
    text = text.replace("’", "'").strip()
    return _THE.sub("", text)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _is_code(form: str, names: list[str]) -> bool:
    """An all-caps alternative spelling that is an ISO code, not an abbreviation readers use."""
    return form.isupper() and form.replace(".", "") not in {_initials(n) for n in names}


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of every state in ``countryinfo`` (built once, then kept per process and on disk)."""
    key = cache_key()
    gaz = _cached(key) if key else None
    if gaz is None:
        gaz = build()
        # a gazetteer that would not read back equal is never stored
        if key and Gazetteer.from_json(json.loads(json.dumps(gaz.as_json()))) == gaz:
            cache.store(CACHE_FILE, key, gaz.as_json())
    return gaz


def build() -> Gazetteer:
    """The gazetteer, from the data packages, ``countries_extra.csv`` and ``country_forms.csv``."""
    countries: dict[str, Country] = {}
    population: dict[str, int] = {}
    candidates: dict[str, list[tuple[str, str]]] = {}
    prefixes: dict[str, set[str]] = {}
    best: dict[str, tuple] = {}
    for info in CountryInfo.all().values():
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        record = pycountry.countries.get(alpha_3=iso3)
        names = [info["name"], *(info.get("altSpellings") or [])]
        if record is not None:
            names += [getattr(record, a) for a in ("name", "common_name", "official_name") if hasattr(record, a)]
        # Keep the forms English news uses: no "Iran, Islamic Republic of", no native scripts.
        names = [n for n in dict.fromkeys(names) if n == info["name"] or (n and "," not in n and n.isascii())]
        capitals = info.get("capital") or []
        capitals = [capitals] if isinstance(capitals, str) else list(capitals)
        # Several entries may share a code (the United Kingdom and Wales, Myanmar and Burma): the state's
        # record is the one with a capital and a demonym, named as the standard names it, most populous.
        standard = {getattr(record, a) for a in ("name", "common_name", "official_name") if hasattr(record, a)}
        rank = (bool(capitals and info.get("demonym")), info["name"] in standard, int(info.get("population") or 0))
        if iso3 not in best or rank > best[iso3]:
            best[iso3] = rank
            countries[iso3] = Country(iso3, info["name"], capitals[0] if capitals else "", info.get("demonym") or "")
            population[iso3] = int(info.get("population") or 0)
        for name in names:
            if not _is_code(name, names):
                candidates.setdefault(name, []).append((iso3, "name"))
                if name.isupper() and len(name) <= 3:
                    candidates.setdefault(".".join(name) + ".", []).append((iso3, "name"))
            words = name.split()
            for i, word in enumerate(words[:-1]):
                if word == "Republic" and i > 0:
                    prefixes.setdefault(" ".join(words[: i + 1]), set()).add(iso3)
        demonym = info.get("demonym") or ""
        if demonym:
            candidates.setdefault(demonym, []).append((iso3, "demonym"))
            if not demonym.endswith(("ese", "ish", "ch", "s")):
                candidates.setdefault(demonym + "s", []).append((iso3, "demonym"))
        for capital in capitals:
            candidates.setdefault(capital, []).append((iso3, "capital"))
    for row in lexicon.countries_extra():  # states the packages lack (Kosovo), from a small documented file
        iso3 = row["iso3"]
        countries[iso3] = Country(iso3, row["name"], row["capital"], row["demonym"])
        population[iso3] = 0
        for name in [row["name"], *filter(None, row["alt_names"].split("|"))]:
            candidates.setdefault(name, []).append((iso3, "name"))
        candidates.setdefault(row["capital"], []).append((iso3, "capital"))
        candidates.setdefault(row["demonym"], []).append((iso3, "demonym"))
    for row in lexicon.country_forms():  # forms news uses that the packages lack ("Britain", "Kiev")
        candidates.setdefault(row["form"], []).append((row["iso3"], row["how"]))
    # A form shared by several entries ("Chinese", "American") goes to the most populous.
    forms = {
        _normalise(form): max(options, key=lambda o: (o[1] == "name", population[o[0]], o[0]))
        for form, options in candidates.items()
    }
    return Gazetteer(
        countries=countries,
        forms=forms,
        official_prefixes={p: tuple(sorted(isos)) for p, isos in prefixes.items()},
    )


# --- the on-disk cache: invisible apart from speed --------------------------------------
def cache_key() -> dict[str, str] | None:
    """Everything the gazetteer is built from (a cache written under any other key is not used);
    None if that cannot be told, and then there is no cache."""
    try:
        return {
            "countryinfo": metadata.version("countryinfo"),
            "pycountry": metadata.version("pycountry"),
            "python": "%d.%d" % sys.version_info[:2],  # str.isupper() and friends follow its Unicode tables
            "countries_extra.csv": hashlib.sha256(lexicon.data_bytes("countries_extra.csv")).hexdigest(),
            "country_forms.csv": hashlib.sha256(lexicon.data_bytes("country_forms.csv")).hexdigest(),
            "gazetteer.py": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        }
    except (OSError, metadata.PackageNotFoundError):
        return None


def _cached(key: dict[str, str]) -> Gazetteer | None:
    """The gazetteer the cache holds under ``key``, or None (none, or not a gazetteer)."""
    data = cache.load(CACHE_FILE, key)
    try:
        return Gazetteer.from_json(data) if data is not None else None
    except (ValueError, LookupError, TypeError):  # a file that is JSON but not a gazetteer: build afresh
        return None
