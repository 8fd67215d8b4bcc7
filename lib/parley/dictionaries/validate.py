"""PETRARCH's unit-test records, coded by parley: how many come out exactly as expected.

Run ``python -m parley.dictionaries.validate [--misses] [FOLDER]``. FOLDER holds
``PETR.UnitTest.records.xml`` and the ``PETR.Validate.*`` dictionaries (default: the copy in
``tests/dictionaries/petrarch_validation``). Each record's text is parsed with spaCy (the
record's own Treebank parse is not used) and coded with ``events()`` on the record's date.

A record is *exact* when the set of ``(source, target, code)`` triples parley codes equals
the set the record expects. A record expecting ``noevents`` or an ``error`` (a discard, a
bad parse) expects the empty set. Codes are compared as strings; a quoted actor
(``'"INJURY TOLL"'``, PETRARCH's text of an uncoded actor) never equals a parley code.
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .coder import events
from .store import Dictionaries, load

RECORDS = "PETR.UnitTest.records.xml"


@dataclass(frozen=True)
class Record:
    """One unit-test record: its id, category, date, text and expected triples."""

    id: str
    category: str
    on: date
    text: str
    expected: frozenset[tuple[str, str, str]]


@dataclass(frozen=True)
class Outcome:
    """A record with what parley coded and the kind of miss (``exact`` when none)."""

    record: Record
    coded: frozenset[tuple[str, str, str]]
    kind: str


def records(folder: Path) -> list[Record]:
    """The records of ``PETR.UnitTest.records.xml`` in ``folder``, in file order."""
    root = ET.parse(folder / RECORDS).getroot()
    out = []
    for sentence in root.iter("Sentence"):
        day = sentence.get("date").strip()
        expected = set()
        for coding in sentence.iter("EventCoding"):
            if coding.get("eventcode") is not None:
                expected.add((coding.get("sourcecode"), coding.get("targetcode"), coding.get("eventcode")))
        text = " ".join((sentence.findtext("Text") or "").split())
        out.append(Record(
            id=sentence.get("id").strip(), category=sentence.get("category").strip(),
            on=date(int(day[:4]), int(day[4:6]), int(day[6:8])), text=text,
            expected=frozenset(expected),
        ))
    return out


def kind_of_miss(expected: frozenset, coded: frozenset) -> str:
    """Name what went wrong, first that applies: exact | none coded | spurious | missing events |
    extra events | wrong code | wrong actors | partial | wrong code and actors."""
    if expected == coded:
        return "exact"
    if not coded:
        return "none coded"
    if not expected:
        return "spurious"
    if coded < expected:
        return "missing events"
    if expected < coded:
        return "extra events"
    if {(s, t) for s, t, _ in expected} == {(s, t) for s, t, _ in coded}:
        return "wrong code"
    if {c for _, _, c in expected} == {c for _, _, c in coded}:
        return "wrong actors"
    return "partial" if expected & coded else "wrong code and actors"


def outcomes(folder: Path, *, dictionaries: Dictionaries | None = None) -> list[Outcome]:
    """Every record of ``folder`` coded with the set's own dictionaries."""
    from parley import nlp

    dictionaries = dictionaries or load(folder)
    pipeline = nlp.load()
    out = []
    for record in records(folder):
        doc = pipeline(record.text)
        coded = frozenset((e.source, e.target, e.code) for e in events(doc, dictionaries=dictionaries, on=record.on))
        out.append(Outcome(record, coded, kind_of_miss(record.expected, coded)))
    return out


def default_folder() -> Path:
    """The validation set copied into the repository's tests."""
    return Path(__file__).resolve().parents[3] / "tests" / "dictionaries" / "petrarch_validation"


def report(results: list[Outcome], *, misses: bool = False) -> str:
    """The exact count, misses by kind and by record category, and optionally every miss."""
    exact = sum(r.kind == "exact" for r in results)
    lines = [f"exact: {exact} / {len(results)} ({100 * exact / len(results):.1f}%)"]
    kinds = Counter(r.kind for r in results if r.kind != "exact")
    lines.append("misses by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    totals = Counter(r.record.category for r in results)
    good = Counter(r.record.category for r in results if r.kind == "exact")
    lines.append("exact by category: " + ", ".join(f"{c} {good[c]}/{n}" for c, n in sorted(totals.items())))
    if misses:
        for kind, _ in kinds.most_common():
            lines.append(f"\n## {kind}")
            for r in results:
                if r.kind == kind:
                    lines.append(f"{r.record.id} [{r.record.category}] {r.record.text}")
                    lines.append(f"    expected {sorted(r.record.expected)}")
                    lines.append(f"    coded    {sorted(r.coded)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the figure (and the misses with ``--misses``)."""
    parser = argparse.ArgumentParser(prog="python -m parley.dictionaries.validate", description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="list every record not coded exactly")
    args = parser.parse_args(argv)
    folder = args.folder or default_folder()
    if not (folder / RECORDS).exists():
        print(f"no {RECORDS} in {folder}: pass the folder holding the records", file=sys.stderr)
        return 2
    print(report(outcomes(folder), misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
