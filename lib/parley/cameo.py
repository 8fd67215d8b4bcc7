"""The CAMEO table (``data/cameo.csv``) and its trigger grammar, compiled once.

Each row's ``trigger_lemmas`` is a ``|``-separated list of trigger items; ``data/README.md``
gives their grammar, with a row that fires. The quotes stage reads the statement row's
speech verbs, the events stage everything: so the table sits below both.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from .lexicon import cameo_labels, cameo_rows, goldstein_weights

STATEMENT = "010"  # CAMEO "make statement": its verbs cue quotations and attribute reported events
CONSULT = "040"  # CAMEO "consult, not specified": refined by channel and place, or by what it refers to
VISIT = "042"  # CAMEO "make a visit": the source is the visitor


def quad_class(code: str) -> int:
    """The quad class of a CAMEO code, from its root: 01-05 verbal cooperation (1), 06-08 material
    cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class Cameo:
    """One row of the CAMEO table: code, label, Goldstein weight, quad class, default channel."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    channel: str
    note: str

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class TriggerItem:
    """One item of a row's ``trigger_lemmas``: a lemma and the conditions it fires under."""

    code: str
    lemma: str = ""
    pos: str = ""
    second: str = ""
    obj: str = ""
    comp: str = ""
    cue: str = ""
    channel: str | None = None
    order: int = 0

    @property
    def rank(self) -> int:
        """How many conditions the item sets: the most specific item of a lemma is tried first."""
        return bool(self.second) + bool(self.obj) + bool(self.comp) + bool(self.lemma and self.cue)

    @property
    def key(self) -> str:
        """The lemma and its second word ("call for")."""
        return f"{self.lemma} {self.second}".strip()


@dataclass(frozen=True)
class TriggerTable:
    """The compiled table: codes, items by lemma, refinements by root code, and the cue sets."""

    codes: dict[str, Cameo]
    by_lemma: dict[str, tuple[TriggerItem, ...]]
    refinements: dict[str, tuple[TriggerItem, ...]]  # root code -> ">X" and "~word" items
    speech: frozenset[str]
    statement_nouns: frozenset[str]
    planned: frozenset[str]
    requested: frozenset[str]
    refused: frozenset[str]
    venues: frozenset[str]


def trigger_item(code: str, text: str, order: int) -> TriggerItem:
    """One item of the trigger grammar (``call on@actor``, ``~telephone``, ``note:n=note``) as a ``TriggerItem``."""
    channel = None
    if "=" in text:
        text, channel = text.split("=", 1)
    if text.startswith(">"):
        return TriggerItem(code, comp=text[1:], channel=channel, order=order)
    if text.startswith("~"):
        return TriggerItem(code, cue=text[1:], channel=channel, order=order)
    comp = obj = pos = cue = ""
    if "~" in text:
        text, cue = text.split("~", 1)
    if ">" in text:
        text, comp = text.split(">", 1)
    if "@" in text:
        text, obj = text.split("@", 1)
    if text.endswith((":v", ":n")):
        text, pos = text[:-2], text[-1]
    words = text.split()
    return TriggerItem(code, words[0], pos, " ".join(words[1:]), obj, comp, cue, channel, order)


@functools.cache
def trigger_table() -> TriggerTable:
    """The CAMEO table with its trigger items compiled, read once per process."""
    codes: dict[str, Cameo] = {}
    by_lemma: dict[str, list[TriggerItem]] = defaultdict(list)
    refinements: dict[str, list[TriggerItem]] = defaultdict(list)
    order = 0
    for row in cameo_rows():
        entry = Cameo(row["code"], row["label"], float(row["goldstein"]), int(row["quad_class"]),
                      row["channel"], row["note"])
        codes[entry.code] = entry
        for text in filter(None, row["trigger_lemmas"].split("|")):
            order += 1
            item = trigger_item(entry.code, text.strip(), order)
            if item.lemma:
                by_lemma[item.lemma].append(item)
            else:
                refinements[entry.root].append(item)
    _complete(codes)
    plain = [i for items in by_lemma.values() for i in items if not i.comp]  # "call on@actor" cues too

    def cue_set(*roots: str) -> frozenset[str]:
        return frozenset(i.key for i in plain if i.code[:2] in roots)

    # an offer or proposal to meet is put to the other side: what it governs is asked of them
    offers = frozenset(i.key for items in by_lemma.values() for i in items if i.code == "036")
    return TriggerTable(
        codes=codes,
        by_lemma={k: tuple(sorted(v, key=lambda i: (-i.rank, i.order))) for k, v in by_lemma.items()},
        refinements={k: tuple(v) for k, v in refinements.items()},
        speech=frozenset(i.key for i in plain if i.code == STATEMENT and i.pos != "n" and i.channel is None
                         and not i.obj),
        statement_nouns=frozenset(i.lemma for i in plain if i.channel == "statement" and i.pos == "n"),
        # "expand@relation" codes an intent to cooperate, but "expanded sanctions" is no plan
        planned=frozenset(i.key for i in plain if i.code[:2] == "03" and not i.obj),
        requested=cue_set("02", "10") | offers,
        refused=cue_set("12"),
        venues=frozenset(i.cue for i in refinements.get("04", ()) if i.cue and codes[i.code].channel == "meeting"),
    )


def _complete(codes: dict[str, Cameo]) -> None:
    """Every other code of the codebook (GDELT's Goldstein table), so that an event coded by the
    field's dictionaries has a label, a weight and a quad class: the label the PLOVER crosswalk
    gives it, else that of its nearest parent code (``0214`` -> ``021``, ``14`` -> ``140``)."""
    labels = cameo_labels()
    for code, weight in sorted(goldstein_weights().items(), key=lambda cw: (len(cw[0]), cw[0])):
        if code in codes:
            continue
        parents = [code[:n] for n in range(len(code) - 1, 2, -1)] + ([code + "0"] if len(code) == 2 else [])
        label = labels.get(code) or next((codes[p].label for p in parents if p in codes), "")
        codes[code] = Cameo(code, label, weight, quad_class(code), "", "")


def known_code(code: str) -> str:
    """The code itself if the codebook has it, else its longest listed prefix (``080!`` -> ``080``),
    else ``""``."""
    codes = trigger_table().codes
    for n in range(len(code), 1, -1):
        if code[:n] in codes:
            return code[:n]
    return ""


def cameo_table() -> dict[str, Cameo]:
    """The CAMEO codes parley knows, by code, as read from ``data/cameo.csv``."""
    return dict(trigger_table().codes)
