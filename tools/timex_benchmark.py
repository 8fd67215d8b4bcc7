"""parley's temporal tagger on a TimeML TIMEX3 benchmark, scored as TempEval-3 task A scores timexes.

For each ``.tml`` file of a folder: the DCT's value is the publication date, the ``<TEXT>`` with its
tags stripped is the article (the DCT itself is not part of it, as in TempEval-3), and the TIMEX3s
inside ``<TEXT>`` are the gold, with their character offsets in the stripped text. parley's
``stages.timexes`` runs on that plain text, and its timexes are matched to the gold one to one:

- strict match: the same span; relaxed match: any overlap (an exact span is preferred);
- strict / relaxed P, R, F1: matches over system timexes, over gold timexes;
- value F1 and type F1 (TempEval-3's attribute F1): a value (type) is right when the spans overlap and
  the values (types) are equal; precision = right / system timexes, recall = right / gold timexes.
  ``mod`` is not scored (TempEval-3 does not score it); ``--details`` shows it.

The benchmark is TempEval-3's platinum test set (TE3-Platinum: 20 news articles from March 2013,
138 timexes; HeidelTime's value F1 on it is 77.61). Its licence does not let us vendor it: it is not in
this repository. tools/README.md says where to get it.

    PYTHONPATH=lib .venv/bin/python tools/timex_benchmark.py /tmp/timex-data/te3-platinum [--details]
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))


@dataclass(frozen=True)
class Span:
    """A TIMEX3 at [start, end) of the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass
class Document:
    name: str
    dct: str  # the publication date, YYYY-MM-DD
    text: str  # <TEXT> without its tags
    gold: list[Span]


def read_timeml(xml: str, name: str = "") -> Document:
    """The DCT, the plain text of <TEXT> and its TIMEX3s (with offsets in that plain text)."""
    root = ET.fromstring(xml)
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise ValueError(f"{name or 'document'}: no DCT TIMEX3 or no TEXT")
    parts, gold, at = [body.text or ""], [], len(body.text or "")
    for child in body:
        inner = "".join(child.itertext())
        if child.tag == "TIMEX3":
            a = child.attrib
            gold.append(Span(at, at + len(inner), inner, a.get("type", ""), a.get("value", ""), a.get("mod", "")))
        parts += [inner, child.tail or ""]
        at += len(inner) + len(child.tail or "")
    return Document(name, dct.attrib["value"][:10], "".join(parts), gold)


@dataclass
class Score:
    """Counts over one or more documents, and what went wrong (for --details)."""

    gold: int = 0
    system: int = 0
    strict: int = 0  # pairs with the same span
    relaxed: int = 0  # pairs (overlapping spans)
    value: int = 0  # pairs with the same value
    type: int = 0  # pairs with the same type
    missed: list[Span] = field(default_factory=list)
    spurious: list[Span] = field(default_factory=list)
    wrong: list[tuple[Span, Span]] = field(default_factory=list)  # (gold, system) with another value or type

    def __iadd__(self, other: Score) -> Score:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.spurious += other.spurious
        self.wrong += other.wrong
        return self


def _same(a: Span, b: Span) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score(gold: list[Span], system: list[Span]) -> Score:
    """Match ``system`` to ``gold`` one to one (same span first, then first overlap in text order) and count."""
    pairs: dict[int, int] = {}  # gold index -> system index
    for fits in (_same, _overlap):
        for g, gs in enumerate(gold):
            s = next((s for s, ss in enumerate(system) if s not in pairs.values() and fits(gs, ss)), None)
            if g not in pairs and s is not None:
                pairs[g] = s
    out = Score(gold=len(gold), system=len(system), relaxed=len(pairs))
    for g, s in pairs.items():
        gs, ss = gold[g], system[s]
        out.strict += _same(gs, ss)
        out.value += gs.value == ss.value
        out.type += gs.type == ss.type
        if (gs.value, gs.type) != (ss.value, ss.type):
            out.wrong.append((gs, ss))
    out.missed = [gs for g, gs in enumerate(gold) if g not in pairs]
    out.spurious = [ss for s, ss in enumerate(system) if s not in pairs.values()]
    return out


def prf(right: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1, in percent."""
    p = right / system if system else 0.0
    r = right / gold if gold else 0.0
    return 100 * p, 100 * r, 200 * p * r / (p + r) if p + r else 0.0


def tag(doc: Document) -> list[Span]:
    """parley's timexes in the document's plain text, normalised against its DCT."""
    from parley.nlp import parse
    from parley.stages.timexes import timexes

    return [Span(t.start, t.end, t.text, t.type, str(t.value), t.mod or "")
            for t in timexes(parse(doc.text), published=doc.dct)]


def table(docs: int, total: Score) -> str:
    sp, sr, sf = prf(total.strict, total.system, total.gold)
    rp, rr, rf = prf(total.relaxed, total.system, total.gold)
    value_f1 = prf(total.value, total.system, total.gold)[2]
    type_f1 = prf(total.type, total.system, total.gold)[2]
    rows = [("docs", f"{docs}"), ("gold timexes", f"{total.gold}"), ("system timexes", f"{total.system}"),
            ("strict P / R / F1", f"{sp:.2f} / {sr:.2f} / {sf:.2f}"),
            ("relaxed P / R / F1", f"{rp:.2f} / {rr:.2f} / {rf:.2f}"),
            ("value F1", f"{value_f1:.2f}"), ("type F1", f"{type_f1:.2f}")]
    return "\n".join(f"{k:<20} {v}" for k, v in rows)


def show(span: Span) -> str:
    return f"{span.text!r} {span.type} {span.value}" + (f" mod={span.mod}" if span.mod else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of TimeML .tml files")
    ap.add_argument("--details", action="store_true", help="print every missed, spurious and wrong timex")
    args = ap.parse_args(argv)
    files = sorted(args.folder.glob("*.tml"))
    if not files:
        ap.error(f"no .tml files in {args.folder}")
    total = Score()
    for path in files:
        doc = read_timeml(path.read_text(encoding="utf-8"), path.stem)
        got = score(doc.gold, tag(doc))
        total += got
        if args.details:
            print(f"== {doc.name} (DCT {doc.dct}): gold {got.gold}, system {got.system}, value right {got.value}")
            for g, s in got.wrong:
                print(f"  wrong    gold {show(g)}  |  parley {show(s)}")
            for g in got.missed:
                print(f"  missed   gold {show(g)}")
            for s in got.spurious:
                print(f"  spurious parley {show(s)}")
    if args.details:
        print()
    print(table(len(files), total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
