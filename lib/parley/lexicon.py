"""The one reader of ``data/``: the small tables that drive parley's stages.

Every data file is read here, once per process, into plain Python values; the stages ask
for what they need by name (``roles()``, ``contact_vocabulary()``) and never open a file.
``data/README.md`` gives the format of each file, with an example row.
"""
from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


def data_bytes(name: str) -> bytes:
    """The raw bytes of ``data/NAME`` (for cache keys)."""
    return resources.files("parley").joinpath("data", name).read_bytes()


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the CSV file ``data/NAME``, as dicts keyed by its header."""
    text = data_bytes(name).decode("utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


@functools.cache
def document(name: str) -> dict:
    """The JSON file ``data/NAME``."""
    return json.loads(data_bytes(name).decode("utf-8"))


# --- actors ------------------------------------------------------------------------------
@functools.cache
def roles() -> dict[str, str]:
    """Role title (lower case) -> kind of office (``foreign minister`` -> ``diplomat``)."""
    return {r["title"]: r["kind"] for r in rows("roles.csv")}


@functools.cache
def honorifics() -> dict[str, str]:
    """Honorific (``Mr.``, ``Sheikh``) -> kind."""
    return {r["word"]: r["kind"] for r in rows("honorifics.csv")}


@functools.cache
def nouns() -> dict[str, str]:
    """Collective or institutional noun (``ministry``) -> the kind of actor it names."""
    return {r["noun"]: r["kind"] for r in rows("nouns.csv")}


@functools.cache
def platforms() -> dict[str, str]:
    """Platform name as written (``Twitter``) -> kind (``social_media``)."""
    return {r["name"]: r["kind"] for r in rows("platforms.csv")}


@functools.cache
def countries_extra() -> tuple[dict[str, str], ...]:
    """States the country packages lack (Kosovo), as rows of ``countries_extra.csv``."""
    return rows("countries_extra.csv")


def country_forms() -> tuple[dict[str, str], ...]:
    """Names, demonyms and capitals news uses for states the packages know but not by that form
    ("Britain", "Saudi officials", "Kiev"), as rows of ``country_forms.csv``."""
    return rows("country_forms.csv")


# --- time --------------------------------------------------------------------------------
@functools.cache
def temporal() -> dict:
    """The temporal lexicon (``timex.json``): months, units, numbers, cue words."""
    return document("timex.json")


@dataclass(frozen=True)
class Modal:
    """What a modal auxiliary says of its clause: its tense for dating, its modality for events."""

    word: str
    tense: str  # FUTURE | NEAREST | "" (no tense of its own)
    modality: str  # planned | hypothetical | ""


@functools.cache
def modals() -> dict[str, Modal]:
    """Modal auxiliary (lower case, as spaCy tokenises it) -> ``Modal``."""
    return {r["word"]: Modal(r["word"], r["tense"], r["modality"]) for r in rows("modals.csv")}


def modal_words(*, tense: str = "", modality: str = "") -> frozenset[str]:
    """The modal auxiliaries of a tense (``FUTURE``) or of a modality (``planned``)."""
    return frozenset(m.word for m in modals().values()
                     if (not tense or m.tense == tense) and (not modality or m.modality == modality))


# --- contacts ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ContactVocabulary:
    """The contact channels and how they relate (``channels.csv``)."""

    channels: tuple[str, ...]  # most specific first: the channel a merged contact takes
    face_to_face: frozenset[str]
    directed: frozenset[str]  # who summoned, visited or wrote to whom matters
    companions: frozenset[frozenset[str]]  # two channels one contact can be mentioned by
    unnamed_codes: frozenset[str]  # CAMEO codes of contacts on a channel the text does not name
    default_channel: str  # the channel of such a contact

    def together(self, a: str, b: str) -> bool:
        """Can mentions on channels ``a`` and ``b`` be one contact (the same, or companions)?"""
        return a == b or frozenset({a, b}) in self.companions


# Consultations (040) and negotiations (046) are contacts whose channel the text may not name.
UNNAMED_CHANNEL_CODES = frozenset({"040", "046"})


@functools.cache
def contact_vocabulary() -> ContactVocabulary:
    """The contact channels, their precedence and companions, read from ``channels.csv``."""
    table = sorted(rows("channels.csv"), key=lambda r: int(r["precedence"]))
    return ContactVocabulary(
        channels=tuple(r["channel"] for r in table),
        face_to_face=frozenset(r["channel"] for r in table if r["face_to_face"] == "yes"),
        directed=frozenset(r["channel"] for r in table if r["directed"] == "yes"),
        companions=frozenset(frozenset({r["channel"], r["companion"]}) for r in table if r["companion"]),
        unnamed_codes=UNNAMED_CHANNEL_CODES,
        default_channel="meeting",
    )


# --- events ------------------------------------------------------------------------------
@functools.cache
def cameo_rows() -> tuple[dict[str, str], ...]:
    """The rows of the CAMEO table (``cameo.csv``): code, label, Goldstein weight, quad class,
    trigger items, default channel, note. The trigger grammar is compiled by the events stage."""
    return rows("cameo.csv")


@functools.cache
def words(name: str) -> frozenset[str]:
    """A closed list of English words a stage reasons with (``words.json``: ``light_verbs``…)."""
    return frozenset(document("words.json")[name])


@functools.cache
def goldstein_weights() -> dict[str, float]:
    """CAMEO code -> Goldstein weight, for every code of the codebook (GDELT's lookup table)."""
    lines = data_bytes("gdelt/CAMEO.goldsteinscale.txt").decode("utf-8").splitlines()[1:]
    return {code: float(weight) for code, weight in (line.split("\t") for line in lines if line.strip())}


@functools.cache
def word_values(name: str) -> dict:
    """A closed table of English words with a value each (``words.json``: ``ordinals``, ``portfolio_names``)."""
    return dict(document("words.json")[name])


def data_path(name: str) -> Path:
    """The path of ``data/NAME`` (a folder a reader of its own takes: ``petrarch2``)."""
    return Path(str(resources.files("parley").joinpath("data", name)))


@functools.cache
def plover_crosswalk() -> dict[str, tuple[str, str, str, str]]:
    """The OEDA CAMEO->PLOVER crosswalk (``plover/CAMEO2PLOVER-2021.txt``): every listed CAMEO
    code -> (PLOVER event type, mode, context, CAMEO label), blanks as empty strings."""
    table: dict[str, tuple[str, str, str, str]] = {}
    for line in data_bytes("plover/CAMEO2PLOVER-2021.txt").decode("utf-8").splitlines():
        body, _, label = line.partition("#")
        if ":" not in body or line.lstrip().startswith("#"):
            continue
        code, _, rest = body.partition(":")
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        table[code.strip()] = (parts[0], parts[1], parts[2], label.strip())
    return table


def cameo_labels() -> dict[str, str]:
    """CAMEO code -> its label, for every code the PLOVER crosswalk lists with one
    (the comment after ``#``: ``0841`` -> "Return, release person(s)")."""
    return {code: row[3] for code, row in plover_crosswalk().items() if row[3]}
