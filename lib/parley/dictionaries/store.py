"""A dictionary set: the files of one folder, read, compiled into lookup tables and cached.

A set is a folder. Its ``.txt`` files are recognised by name (case-insensitive):

- verbs: a name containing ``verbs`` or starting with ``CAMEO`` (exactly one);
- agents: a name containing ``agents`` (at most one);
- actors: every name containing ``actors`` (read in name order; the first phrase wins);
- discards: a name containing ``discards`` (at most one).

Anything else (``Phoenix.IssueCoding.txt``, the validation records) is not read. The
compiled set is plain data, kept in parley's on-disk cache (``parley.cache``: a JSON file
per folder under ``~/.cache/parley/``), keyed by parley's version and the SHA-1 of every
file read, and once per process.
"""
from __future__ import annotations

import functools
import hashlib
import os
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .. import cache
from ..errors import ParleyError
from ..lexicon import data_path
from . import readers

FORMAT = 5  # bump when the compiled layout changes
NON_STATE = {"IGO", "IMG", "MNC", "NGM", "NGO", "UIS"}  # CAMEO's transnational actor types


@dataclass(frozen=True)
class Dictionaries:
    """One compiled dictionary set (see the module doc for how a folder's files are found)."""

    folder: str
    verbs: dict  # readers.read_verbs(): synsets, blocks, index
    actors: list[str]  # per record "DEFAULT|CODE:FROM:TO|..." (actors.record_code reads it), files in order
    actor_index: dict  # {"lengths": {first word: [n_words, ...] longest first}, "phrases": {"W1 W2": record}}
    agent_index: dict  # the same, with agent codes ("~GOV", "NGO~") for values
    discards: list[list]  # readers.read_discards()
    countries: frozenset[str]  # the three-letter codes that stand alone (less NON_STATE): states
    synsets_by_word: dict = field(init=False, repr=False)  # (name, first or last word) -> phrases
    discard_index: tuple = field(init=False, repr=False)  # (single-word stems, first word -> phrases)
    pattern_words: list = field(init=False, repr=False)  # per block, per pattern: word sets it needs
    pattern_index: list = field(init=False, repr=False)  # per block: word -> patterns it may start

    def __post_init__(self) -> None:
        by_word: dict[tuple[str, str, bool], list[list[str]]] = {}
        for name, phrases in self.verbs["synsets"].items():
            for phrase in phrases:
                if phrase:
                    by_word.setdefault((name, phrase[0], False), []).append(phrase)
                    by_word.setdefault((name, phrase[-1], True), []).append(phrase[::-1])
        object.__setattr__(self, "synsets_by_word", by_word)
        stems: set[str] = set()
        phrases: dict[str, list[tuple[list[str], bool]]] = {}
        for phrase, whole_word, _story in self.discards:
            words = phrase.split()
            if len(words) == 1 and not whole_word:
                stems.add(words[0])
            elif words:
                phrases.setdefault(words[0], []).append((words, whole_word))
        object.__setattr__(self, "discard_index", (frozenset(stems), phrases))
        first_words = {name: frozenset(p[0] for p in phrases if p) for name, phrases in self.verbs["synsets"].items()}
        needs = []  # per block, per pattern: one set of words per unit, of which the sentence must hold one
        index = []  # per block: word -> the patterns that word lets in ("" -> patterns needing no word)
        for block in self.verbs["blocks"]:
            block_needs, by_word = [], {}
            for number, pattern in enumerate(block["patterns"]):
                need = [
                    frozenset([u[1]]) if u[0] == "w" else first_words.get(u[1], frozenset())
                    for u in pattern["pre"] + pattern["post"] if u[0] in "ws"
                ]
                block_needs.append(need)
                for word in min(need, key=len) if need else [""]:
                    by_word.setdefault(word, []).append(number)
            needs.append(block_needs)
            index.append(by_word)
        object.__setattr__(self, "pattern_words", needs)
        object.__setattr__(self, "pattern_index", index)

    def synset_phrases(self, name: str, word: str, *, backwards: bool = False) -> list[list[str]]:
        """The phrases of synset ``name`` starting (or, backwards, ending) with ``word``."""
        return self.synsets_by_word.get((name, word, backwards), [])



def default_folder() -> Path:
    """The vendored Phoenix set: ``lib/parley/data/petrarch2``."""
    return data_path("petrarch2")


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


def _by_first_word(entries: list[list]) -> dict:
    """``[[words, value], ...]`` as ``{"lengths": {first word: [n, ...]}, "phrases": {"W1 W2": value}}``.

    The first phrase listed for a text wins; lengths run longest first, so that matching
    tries the longest phrase first.
    """
    lengths: dict[str, set[int]] = {}
    phrases: dict[str, object] = {}
    for words, value in entries:
        if words:
            lengths.setdefault(words[0], set()).add(len(words))
            phrases.setdefault(" ".join(words), value)
    return {"lengths": {w: sorted(ns, reverse=True) for w, ns in lengths.items()}, "phrases": phrases}


def _record_text(record: dict) -> str:
    """An actor record as ``"DEFAULT|CODE:FROM:TO|..."`` (empty for none): one string loads fast."""
    dated = "".join(f"|{c}:{lo or ''}:{hi or ''}" for c, lo, hi in record["dated"])
    return (record["code"] or "") + dated


def _compile(folder: Path, roles: dict[str, list[Path]]) -> dict:
    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8", errors="replace")

    verbs = readers.read_verbs(text(roles["verbs"][0]))
    actors: list[dict] = []
    for path in roles["actors"]:
        actors.extend(readers.read_actors(text(path)))
    phrases = [[words, number] for number, record in enumerate(actors) for words in record["phrases"]]
    agents = readers.read_agents(text(roles["agents"][0])) if roles["agents"] else []
    discards = readers.read_discards(text(roles["discards"][0])) if roles["discards"] else []
    codes = {r["code"] for r in actors} | {d[0] for r in actors for d in r["dated"]}
    countries = sorted(
        c for c in codes if c and len(c) == 3 and c.isalpha() and c.isupper() and c not in NON_STATE
    )
    return {
        "folder": str(folder),
        "verbs": verbs,
        "actors": [_record_text(r) for r in actors],
        "actor_index": _by_first_word(phrases),
        "agent_index": _by_first_word(agents),
        "discards": discards,
        "countries": countries,
    }


def _cache_key(roles: dict[str, list[Path]]) -> dict[str, str]:
    """Everything a compiled set is built from: the format, parley's and Python's versions, and
    each file's role, name and hash (a cache written under any other key is not used)."""
    try:
        version = metadata.version("parley")
    except metadata.PackageNotFoundError:
        version = "0"
    key = {"format": str(FORMAT), "parley": version, "python": "%d.%d" % sys.version_info[:2]}
    for role in sorted(roles):
        for path in roles[role]:
            key[f"{role}/{path.name}"] = hashlib.sha1(path.read_bytes()).hexdigest()
    return key


def compiled(folder: Path, *, use_cache: bool = True) -> dict:
    """The compiled plain data of the set in ``folder``, from the on-disk cache (``parley.cache``,
    one file per folder) when it was built from the same files."""
    roles = dictionary_files(folder)
    key = _cache_key(roles)
    name = f"dictionaries-{hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:12]}.json"
    data = cache.load(name, key) if use_cache else None
    if data is None:
        data = _compile(folder, roles)
        if use_cache:
            cache.store(name, key, data)
    return data


@functools.cache
def _load(folder: str) -> Dictionaries:
    data = compiled(Path(folder))
    data["countries"] = frozenset(data["countries"])
    return Dictionaries(**data)


def load(path: str | os.PathLike | Dictionaries | None = None) -> Dictionaries:
    """The dictionary set in folder ``path`` (default: the vendored Phoenix set), compiled once;
    a set already loaded is returned as it is."""
    if isinstance(path, Dictionaries):
        return path
    folder = Path(path) if path is not None else default_folder()
    if not folder.is_dir():
        raise ParleyError(f"no dictionary folder at {folder}: give a folder holding a *verbs*.txt or CAMEO*.txt")
    try:
        return _load(str(folder.resolve()))
    except ValueError as exc:  # a folder that is not a dictionary set: the user's to fix
        raise ParleyError(f"dictionaries {folder}: {exc}") from None
