"""A dictionary set: the files of one folder, read, compiled into lookup tables and cached.

A set is a folder. Its ``.txt`` files are recognised by name (case-insensitive):

- verbs: a name containing ``verbs`` or starting with ``CAMEO`` (exactly one);
- agents: a name containing ``agents`` (at most one);
- actors: every name containing ``actors`` (read in name order; the first phrase wins);
- discards: a name containing ``discards`` (at most one).

Anything else (``Phoenix.IssueCoding.txt``, the validation records) is not read. The
compiled set is plain data, cached as JSON under ``~/.cache/parley/dictionaries`` (or
``$XDG_CACHE_HOME/parley``), keyed by parley's version and the SHA-1 of every file read,
and kept once per process.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from . import readers

FORMAT = 1  # bump when the compiled layout changes


@dataclass(frozen=True)
class Dictionaries:
    """One compiled dictionary set (see the module doc for how a folder's files are found)."""

    folder: str
    verbs: dict  # readers.read_verbs(): synsets, blocks, index
    actors: list[dict]  # readers.read_actors() records, all actor files in order
    actor_index: dict[str, list[list]]  # first word -> [[words, record], ...], longest first
    agent_index: dict[str, list[list]]  # first word -> [[words, code], ...], longest first
    discards: list[list]  # readers.read_discards()
    countries: frozenset[str]  # the three-letter codes that stand alone: states

    def actor_record(self, number: int) -> dict:
        """The actor record ``number`` (an index into ``actors``)."""
        return self.actors[number]


def default_folder() -> Path:
    """The vendored Phoenix set: ``lib/parley/data/petrarch2``."""
    return Path(str(resources.files("parley").joinpath("data").joinpath("petrarch2")))


def dictionary_files(folder: Path) -> dict[str, list[Path]]:
    """The files of a set by role: ``verbs``, ``agents``, ``actors``, ``discards``."""
    roles: dict[str, list[Path]] = {"verbs": [], "agents": [], "actors": [], "discards": []}
    for path in sorted(folder.glob("*.txt"), key=lambda p: p.name.lower()):
        name = path.name.lower()
        if "verbs" in name or name.startswith("cameo"):
            roles["verbs"].append(path)
        elif "agents" in name:
            roles["agents"].append(path)
        elif "actors" in name:
            roles["actors"].append(path)
        elif "discards" in name:
            roles["discards"].append(path)
    if len(roles["verbs"]) != 1:
        found = ", ".join(p.name for p in roles["verbs"]) or "none"
        raise ValueError(
            f"a dictionary set needs exactly one verb file (*verbs*.txt or CAMEO*.txt) in {folder}; found {found}"
        )
    for role in ("agents", "discards"):
        if len(roles[role]) > 1:
            raise ValueError(f"more than one {role} file in {folder}: keep one *{role}*.txt")
    return roles


def _by_first_word(entries: list[list]) -> dict[str, list[list]]:
    index: dict[str, list[list]] = {}
    for words, value in entries:
        if words:
            index.setdefault(words[0], []).append([words, value])
    for options in index.values():
        options.sort(key=lambda option: -len(option[0]))
    return index


def _compile(folder: Path, roles: dict[str, list[Path]]) -> dict:
    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8", errors="replace")

    verbs = readers.read_verbs(text(roles["verbs"][0]))
    actors: list[dict] = []
    for path in roles["actors"]:
        actors.extend(readers.read_actors(text(path)))
    seen: set[tuple[str, ...]] = set()
    phrases = []
    for number, record in enumerate(actors):
        for words in record["phrases"]:
            if tuple(words) not in seen:
                seen.add(tuple(words))
                phrases.append([words, number])
    agents = readers.read_agents(text(roles["agents"][0])) if roles["agents"] else []
    discards = readers.read_discards(text(roles["discards"][0])) if roles["discards"] else []
    countries = sorted(
        {r["code"] for r in actors if r["code"] and len(r["code"]) == 3 and r["code"].isalpha()}
    )
    return {
        "folder": str(folder),
        "verbs": verbs,
        "actors": actors,
        "actor_index": _by_first_word(phrases),
        "agent_index": _by_first_word(agents),
        "discards": discards,
        "countries": countries,
    }


def _cache_dir() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "parley" / "dictionaries"


def _cache_key(roles: dict[str, list[Path]]) -> str:
    try:
        version = metadata.version("parley")
    except metadata.PackageNotFoundError:
        version = "0"
    digest = hashlib.sha1(f"{FORMAT}|{version}|{sys.version_info[:2]}".encode())
    for role in sorted(roles):
        for path in roles[role]:
            digest.update(f"|{role}|{path.name}|".encode())
            digest.update(hashlib.sha1(path.read_bytes()).digest())
    return digest.hexdigest()


def _read_cache(path: Path) -> dict | None:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def _write_cache(path: Path, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as f:
            json.dump(data, f, separators=(",", ":"))
        os.replace(f.name, path)
    except OSError:
        pass  # a read-only home: compile again next time


def compiled(folder: Path, *, use_cache: bool = True) -> dict:
    """The compiled plain data of the set in ``folder``, from the disk cache when it is current."""
    roles = dictionary_files(folder)
    key = _cache_key(roles)
    directory = _cache_dir()
    path = directory / f"{key}.json" if directory else None
    data = _read_cache(path) if (use_cache and path and path.exists()) else None
    if data is None:
        data = _compile(folder, roles)
        if use_cache and path:
            _write_cache(path, data)
    return data


@functools.cache
def _load(folder: str) -> Dictionaries:
    data = compiled(Path(folder))
    data["countries"] = frozenset(data["countries"])
    return Dictionaries(**data)


def load(path: str | os.PathLike | None = None) -> Dictionaries:
    """The dictionary set in folder ``path`` (default: the vendored Phoenix set), compiled once."""
    folder = Path(path) if path is not None else default_folder()
    if not folder.is_dir():
        raise ValueError(f"no dictionary folder at {folder}: pass a folder holding a *verbs*.txt or CAMEO*.txt")
    return _load(str(folder.resolve()))
