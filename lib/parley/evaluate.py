"""Scoring parley against gold annotations (``tests/articles/gold/*.yaml``).

``python -m parley.evaluate tests/articles tests/realnews`` prints, per corpus, per article and
overall: person precision and recall, the share of matched people with the right country and
role, TempEval-3-style timex scores (relaxed span F1, value F1) and the share of gold dates
whose interval is right, contact precision and recall, and the share of key events found
typed (the gold CAMEO root) and dated (the gold interval). ``--misses`` lists every miss,
grouped by kind.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .article import read_article, slugify


@dataclass
class Counts:
    """True positives, predictions and gold items, from which P, R and F1 follow."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp, self.predicted, self.gold = self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    people: Counts = field(default_factory=Counts)
    country_right: int = 0
    role_right: int = 0
    timex_span: Counts = field(default_factory=Counts)
    timex_value: Counts = field(default_factory=Counts)
    interval_right: int = 0
    intervals: int = 0
    contacts: Counts = field(default_factory=Counts)
    events_right: int = 0
    events: int = 0
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: "Score") -> "Score":
        for name in ("people", "timex_span", "timex_value", "contacts"):
            getattr(self, name).__iadd__(getattr(other, name))
        for name in ("country_right", "role_right", "interval_right", "intervals", "events_right", "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        return self


def _tokens(name: str) -> list[str]:
    return slugify(name).split("-")


def same_person(gold: str, predicted: str) -> bool:
    """Names of one person: equal, or one's words inside the other's with the same last word."""
    g, p = _tokens(gold), _tokens(predicted)
    return g == p or (g[-1] == p[-1] and (set(g) <= set(p) or set(p) <= set(g)))


def same_role(gold: str, predicted: str) -> bool:
    """Roles agree when equal ignoring case, or one ends with the other ("Foreign Ministry Spokeswoman")."""
    g, p = (r.lower().replace("’", "'").strip() for r in (gold, predicted))
    return g == p or (bool(g) and bool(p) and (g.endswith(p) or p.endswith(g)))


def score_people(gold: list[dict], actors) -> Score:
    score = Score()
    predicted = actors[actors["kind"] == "person"]
    used: set[str] = set()
    for person in gold:
        match = next(
            (r for r in predicted.itertuples() if r.actor_id not in used and same_person(person["name"], r.name)), None
        )
        if match is None:
            score.misses.append(f"person missed: {person['name']}")
            continue
        used.add(match.actor_id)
        score.people.tp += 1
        if match.country == person.get("country", ""):
            score.country_right += 1
        else:
            score.misses.append(f"country: {person['name']} {match.country!r} != {person.get('country')!r}")
        if same_role(person.get("role", ""), match.role):
            score.role_right += 1
        else:
            score.misses.append(f"role: {person['name']} {match.role!r} != {person.get('role')!r}")
    score.people.predicted, score.people.gold = len(predicted), len(gold)
    score.misses += [f"not a gold person: {r.name}" for r in predicted.itertuples() if r.actor_id not in used]
    return score


def locate(body: str, texts: list[str]) -> list[tuple[int, int]]:
    """Offsets of each text in order, each found after the end of the previous one (so "this
    week" after "later this week" is the later one), else anywhere."""
    spans, at = [], 0
    for text in texts:
        i = body.find(text, at)
        if i < 0:
            i = body.find(text)
        spans.append((i, i + len(text)))
        if i >= 0:
            at = i + len(text)
    return spans


def score_timexes(gold: list[dict], timexes, body: str) -> Score:
    score = Score()
    spans = locate(body, [str(t["text"]) for t in gold])
    predicted = list(timexes.itertuples())
    used: set[int] = set()
    for item, (start, end) in zip(gold, spans):
        match = next((p for p in predicted if p.timex_id not in used and p.start < end and start < p.end), None)
        has_interval = bool(item.get("date_start"))
        score.intervals += has_interval
        if match is None:
            score.misses.append(f"timex missed: {item['text']!r}")
            continue
        used.add(match.timex_id)
        score.timex_span.tp += 1
        if str(match.value) == str(item["value"]):
            score.timex_value.tp += 1
        else:
            score.misses.append(f"timex value: {item['text']!r} {match.value} != {item['value']}")
        if has_interval and (match.date_start, match.date_end) == (str(item["date_start"]), str(item.get("date_end", item["date_start"]))):
            score.interval_right += 1
        elif has_interval:
            score.misses.append(f"interval: {item['text']!r} {match.date_start}..{match.date_end} != {item['date_start']}..{item.get('date_end')}")
    score.misses += [f"not a gold timex: {p.text!r}" for p in predicted if p.timex_id not in used]
    for counts in (score.timex_span, score.timex_value):
        counts.predicted, counts.gold = len(predicted), len(gold)
    return score


def score_contacts(gold: list[dict], result) -> Score:
    score = Score()
    body = result.article.body
    sentences = result.sentences
    used: set[str] = set()
    for item in gold:
        start = body.find(str(item["evidence"]))
        sid = sentences[(sentences["start"] <= start) & (start < sentences["end"])]["sentence_id"]
        sid = int(sid.iloc[0]) if len(sid) else -1
        match = next(
            (
                c
                for c in result.contacts.itertuples()
                if c.contact_id not in used and c.channel == item["channel"] and str(sid) in c.sentence_ids.split("|")
            ),
            None,
        )
        if match is None:
            score.misses.append(f"contact missed: {item['channel']} {item['evidence']!r}")
            continue
        used.add(match.contact_id)
        score.contacts.tp += 1
    score.contacts.predicted, score.contacts.gold = len(result.contacts), len(gold)
    score.misses += [
        f"not a gold contact: {c.contact_id} {c.channel} sentences {c.sentence_ids}"
        for c in result.contacts.itertuples()
        if c.contact_id not in used
    ]
    return score


def score_events(gold: list[dict], result) -> Score:
    """Key events typed and dated: an event in the gold evidence's sentence with the gold CAMEO
    root, and the gold interval (any date, where the gold gives none)."""
    score = Score()
    body, sentences, events = result.article.body, result.sentences, result.events
    for item in gold:
        start = body.find(str(item["evidence"]))
        sid = sentences[(sentences["start"] <= start) & (start < sentences["end"])]["sentence_id"]
        sid = int(sid.iloc[0]) if len(sid) else -1
        root = str(item["cameo"])[:2]
        interval = (str(item["date_start"]), str(item.get("date_end", item["date_start"]))) if item.get("date_start") \
            else None
        same = events[(events["sentence_id"] == sid) & (events["cameo_code"].str[:2] == root)]
        score.events += 1
        if any(interval is None or (e.date_start, e.date_end) == interval for e in same.itertuples()):
            score.events_right += 1
        elif len(same):
            dates = sorted({f"{e.date_start}..{e.date_end}" for e in same.itertuples()})
            score.misses.append(f"event date: {item['cameo']} {item['evidence']!r} {', '.join(dates)} != "
                                f"{interval[0]}..{interval[1]}")
        else:
            found = sorted(set(events[events["sentence_id"] == sid]["cameo_code"]))
            score.misses.append(f"event missed: {item['cameo']} {item['evidence']!r} (found {', '.join(found) or 'none'})")
    return score


def score_article(path: Path, gold_path: Path) -> Score:
    """Analyse one article and score it against its gold file."""
    from .pipeline import analyze

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    result = analyze(read_article(path))
    score = score_people(gold.get("people") or [], result.actors)
    score += score_timexes(gold.get("timexes") or [], result.timexes, result.article.body)
    score += score_contacts(gold.get("contacts") or [], result)
    score += score_events(gold.get("events") or [], result)
    return score


def corpus(folder: str | Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs of a folder laid out as ``NAME.md`` + ``gold/NAME.yaml``."""
    folder = Path(folder)
    return [(p, folder / "gold" / f"{p.stem}.yaml") for p in sorted(folder.glob("*.md")) if (folder / "gold" / f"{p.stem}.yaml").exists() and p.name != "README.md"]


def _row(name: str, s: Score) -> str:
    n = s.people.tp or 1
    return (
        f"{name:<38} {s.people.precision:5.2f} {s.people.recall:5.2f} {s.country_right / n:5.2f} {s.role_right / n:5.2f}"
        f"  {s.timex_span.f1 * 100:5.1f} {s.timex_value.f1 * 100:5.1f} {s.interval_right:3d}/{s.intervals:<3d}"
        f"  {s.contacts.precision:5.2f} {s.contacts.recall:5.2f}  {s.events_right / (s.events or 1):5.2f}"
    )


HEADER = (f"{'article':<38} {'per.P':>5} {'per.R':>5} {'ctry':>5} {'role':>5}  {'tx.F1':>5} {'val.F1':>5} "
          f"{'intervals':>7}  {'ct.P':>5} {'ct.R':>5}  {'event':>5}")


def kind_of(miss: str) -> str:
    """The kind of a miss: the words before its first colon (``person missed``, ``country``)."""
    return miss.split(":", 1)[0]


def grouped(misses: list[tuple[str, str]]) -> str:
    """``(article, miss)`` pairs as a report grouped by kind, the commonest kind first."""
    kinds: dict[str, list[str]] = {}
    for article, miss in misses:
        kinds.setdefault(kind_of(miss), []).append(f"{article}: {miss.split(':', 1)[1].strip()}")
    lines = []
    for kind, items in sorted(kinds.items(), key=lambda k: (-len(k[1]), k[0])):
        lines.append(f"  {kind} ({len(items)})")
        lines.extend(f"    {item}" for item in items)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parley.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=["tests/articles"], help="corpora: NAME.md + gold/NAME.yaml")
    parser.add_argument("--misses", action="store_true", help="list every miss, grouped by kind")
    args = parser.parse_args(argv)
    totals = {}
    for folder in args.folders:
        total, misses = Score(), []
        print(f"# {folder}\n{HEADER}")
        for path, gold in corpus(folder):
            score = score_article(path, gold)
            total += score
            misses += [(path.stem, m) for m in score.misses]
            print(_row(path.stem, score))
        print(_row("ALL", total))
        if args.misses and misses:
            print(f"misses, by kind:\n{grouped(misses)}")
        print()
        totals[folder] = total
    if len(totals) > 1:
        print(f"# every corpus\n{HEADER.replace('article', 'corpus ', 1)}")
        for folder, total in totals.items():
            print(_row(folder, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
