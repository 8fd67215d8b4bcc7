"""Many articles at once: the six tables of a whole corpus, and the same contact or person
reported by several articles merged into one row.

``batch`` parses with spaCy's ``nlp.pipe(n_process=N)`` and runs parley's stages inside the
same worker processes (two pipeline components added for the run), so N cores do all the
work; ``engine="dask"`` sends one task per article to a Dask cluster instead. Both give the
same tables as ``analyze`` run article by article, each row tagged with its ``article_id``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import math
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from ..article import Article, parse_date, read_article
from ..dictionaries import load as load_dictionaries
from ..errors import ParleyError
from ..schema import COLUMNS, TABLES
from ..tables import SENTENCE_COLUMNS, column_types, columns, sentence_rows, write_tables

ARTICLE_COLUMNS = ["article_id", "title", "publisher", "published", "path", "sha256", "url"]
SUFFIXES = (".md", ".txt")

# Text -> its job, for the run of batch(): worker processes forked by nlp.pipe inherit it, so
# an article travels to a worker as its bare text (as in plain nlp.pipe) rather than as a
# tokenised Doc, which costs the parent more to serialise than tokenising costs a worker.
_JOBS: dict[str, dict] = {}

if not Doc.has_extension("parley_batch"):
    Doc.set_extension("parley_batch", default=None)  # in: what the stages need besides the doc
if not Doc.has_extension("parley_tables"):
    Doc.set_extension("parley_tables", default=None)  # out: the article's tables, msgpack-safe


# ---- which files


def articles(spec: str | Path) -> list[Path]:
    """The article files a folder (every ``*.md``/``*.txt`` in it but README.md) or a glob names, sorted."""
    path = Path(spec)
    if path.is_dir():
        found = [p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES]
    elif path.is_file():
        found = [path]
    else:
        found = [Path(p) for p in glob.glob(str(spec), recursive=True) if Path(p).is_file()]
        if not glob.has_magic(str(spec)) and not found:
            raise ParleyError(f"no such folder or file: {spec}: give a folder of articles or a glob ('corpus/*.md')")
    found = sorted(p for p in found if p.name.lower() != "readme.md")
    if not found:
        raise ParleyError(f"no articles in {spec}: expected *.md or *.txt files (a folder or a glob like 'corpus/*.md')")
    return found


# ---- the result


@dataclass
class CorpusResult:
    """The corpus's tables: ``articles`` plus the contract's six, each row with its ``article_id``."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    contacts: pd.DataFrame
    quotes: pd.DataFrame
    sentences: pd.DataFrame  # article_id, sentence_id, start, end, text: provenance for figures (not written)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, message): files not analysed
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, note) from reading the articles

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> DataFrame: ``articles`` first, then the contract's order."""
        return {"articles": self.articles, **{name: getattr(self, name) for name in TABLES}}

    def write(self, out: str | Path, fmt: str = "csv") -> list[Path]:
        """Write every table to ``out/NAME.FMT`` (csv or json: one file per table; parquet: the
        six tables partitioned by article, ``NAME.parquet/ARTICLE_ID.parquet``), all together or
        not at all: written to a temporary folder, then renamed into place."""
        ids = list(self.articles["article_id"])
        partitions = {name: ("article_id", ids) for name in TABLES} if fmt == "parquet" else None
        return write_tables(self.tables(), out, fmt=fmt, partitions=partitions)


# ---- the worker side of nlp.pipe: two components, active only on docs batch() marks


@Language.component("parley_batch_in")
def _batch_in(doc: Doc) -> Doc:
    """Put the job's paragraph starts on the doc before the parser reads them (they cannot
    travel to a worker process inside the doc: spaCy serialises docs with msgpack)."""
    job = doc._.parley_batch
    if job is None:
        job = _JOBS.get(doc.text)  # sent as a bare text: the job came with the forked worker
        doc._.parley_batch = job
    if job is not None:
        doc._.paragraph_starts = job["paragraph_starts"]
    return doc


@Language.component("parley_batch_tables")
def _batch_tables(doc: Doc) -> Doc:
    """Run parley's stages on the parsed doc; return an empty doc carrying only the tables.

    The parse stays in the worker process: spaCy would otherwise serialise every parsed doc
    back to the parent, which then spends as long decoding them as a worker spends parsing.
    """
    job = doc._.parley_batch
    if job is None:
        return doc
    from ..pipeline import records

    out = Doc(doc.vocab, words=[])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            options = dict(job["options"], published=dt.date.fromisoformat(job["published"]) if job["published"]
                           else None)
            found = records(doc, text_start=job["text_start"], dictionaries=load_dictionaries(job["dictionaries"]),
                            credits=tuple(tuple(c) for c in job["credits"]), **options)
        out._.parley_tables = {name: columns(name, found[name]) for name in TABLES}
        out._.parley_tables["sentences"] = _sentence_columns(doc)
    except Exception as exc:  # a bug on one article must not sink the corpus: reported as a failure
        where = traceback.extract_tb(exc.__traceback__)[-1]
        out._.parley_tables = {"error": f"internal error: {type(exc).__name__}: {exc} "
                                        f"({Path(where.filename).name}:{where.lineno})"}
    return out


def _sentence_columns(doc: Doc) -> list[list]:
    """The sentences table column by column, without building its DataFrame."""
    rows = sentence_rows(doc)
    return [list(column) for column in zip(*rows)] if rows else [[], [], [], []]


def _encode(frame: pd.DataFrame) -> list[list]:
    """A table as plain lists, column by column (msgpack- and pickle-friendly)."""
    return [frame[c].tolist() for c in frame.columns]


@contextlib.contextmanager
def _batch_pipes(nlp: Language):
    """The pipeline with parley's batch components added for the duration of a run."""
    added = []
    try:
        if "parley_batch_in" not in nlp.pipe_names:
            nlp.add_pipe("parley_batch_in", first=True)
            added.append("parley_batch_in")
        if "parley_batch_tables" not in nlp.pipe_names:
            nlp.add_pipe("parley_batch_tables", last=True)
            added.append("parley_batch_tables")
        yield nlp
    finally:
        for name in added:
            nlp.remove_pipe(name)


# ---- batch


@dataclass
class _Queued:
    path: Path
    article: Article
    article_id: str
    sha256: str


def batch(
    paths: Iterable[str | Path] | str,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    published: str | dt.date | None = None,
    default_published: str | dt.date | None = None,
    dictionaries: str | Path | None = None,
) -> CorpusResult:
    """Analyse every article; the tables combined in article order, each row with its ``article_id``.

    A file ``read_article`` refuses is listed in ``failures`` (path, message) and the rest are
    analysed; the caller decides the exit code. ``jobs`` worker processes parse with
    ``nlp.pipe(n_process=jobs)`` (``engine="local"``) or, with ``engine="dask"``, run one task
    per article on the Dask cluster at ``scheduler`` (default: a LocalCluster of ``jobs``
    single-threaded worker processes). A progress bar is shown on a terminal unless
    ``progress`` says otherwise. ``published`` overrides every article's publication date;
    ``default_published`` is the date of articles whose front matter gives none;
    ``dictionaries`` a folder of CAMEO dictionaries replacing the vendored Phoenix set.
    """
    if isinstance(paths, (str, Path)):
        paths = articles(paths)
    if engine not in ("local", "dask"):
        raise ParleyError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    if jobs < 1:
        raise ParleyError(f"--jobs {jobs}: give 1 or more")
    if progress is None:
        progress = sys.stderr.isatty()
    # a bad date is the caller's one error, not a failure of every file
    if published is not None:
        published = parse_date(published, what="published")
    if default_published is not None:
        default_published = parse_date(default_published, what="--published")
    # a folder that is not a dictionary set is the caller's one error; workers load the set by its path
    folder = str(Path(dictionaries).resolve()) if dictionaries is not None else None
    if folder is not None:
        load_dictionaries(folder)
    items, failures, notes = _read(paths, published=published, default=default_published)
    if engine == "dask":
        encoded = _run_dask(items, jobs=jobs, scheduler=scheduler, progress=progress, dictionaries=folder)
    else:
        encoded = _run_local(items, jobs=jobs, progress=progress, dictionaries=folder)
    return _combine(items, encoded, failures, notes)


def analyze_corpus(spec: str | Path, *, published: str | dt.date | None = None, jobs: int = 1) -> CorpusResult:
    """The tables of one article or a corpus (a file, a folder or a glob), for a notebook:
    like ``batch``, but a file that cannot be analysed is an error, not a skipped row, so a
    report never silently leaves an article out."""
    result = batch(spec, jobs=jobs, published=published, progress=False)
    if result.failures:
        path, message = result.failures[0]
        more = f" (and {len(result.failures) - 1} more)" if len(result.failures) > 1 else ""
        raise ParleyError((message if path in message else f"{path}: {message}") + more)
    return result


def _read(paths: Iterable[str | Path], *, published: dt.date | None = None, default: dt.date | None = None,
          ) -> tuple[list[_Queued], list[tuple[str, str]], list[tuple[str, str]]]:
    items: list[_Queued] = []
    failures: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    taken: set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # kept on the article, reported in .warnings
                article = read_article(path, published=published)
                if article.published is None and default is not None:  # its notes say so: read it dated
                    article = read_article(path, published=default)
        except ParleyError as exc:
            failures.append((str(path), str(exc)))
            continue
        notes.extend((str(path), note) for note in article.warnings)
        article_id, n = article.slug, 1
        while article_id in taken:  # the same file name in two folders of a glob
            n += 1
            article_id = f"{article.slug}-{n}"
        taken.add(article_id)
        items.append(_Queued(path, article, article_id, hashlib.sha256(path.read_bytes()).hexdigest()))
    return items, failures, notes


def _bar(iterable, *, total: int, progress: bool):
    if not progress:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, unit="article", desc="parley", file=sys.stderr)


def _run_local(items: list[_Queued], *, jobs: int, progress: bool, dictionaries: str | None) -> list[dict]:
    from ..nlp import load
    from ..pipeline import CHUNK_CHARS

    import multiprocessing

    # An article longer than a chunk is analysed in chunks by ``analyze``, in this process,
    # after the others: nlp.pipe would parse it whole (memory grows with the text).
    long = {i for i, item in enumerate(items) if item.article.text_end > CHUNK_CHARS}
    encoded = _run_pipe([item for i, item in enumerate(items) if i not in long], jobs=jobs, progress=progress,
                        nlp=load(), inherited=jobs == 1 or multiprocessing.get_start_method() == "fork",
                        dictionaries=dictionaries)
    done = iter(encoded)
    return [_analyze_one(item.article, dictionaries) if i in long else next(done) for i, item in enumerate(items)]


def _run_pipe(items: list[_Queued], *, jobs: int, progress: bool, nlp: Language, inherited: bool,
              dictionaries: str | None = None) -> list[dict]:
    """Each article's tables, parsed by ``nlp.pipe`` with parley's stages run in its workers."""
    from ..pipeline import article_options, credit_spans

    jobs_of: dict[str, list[dict]] = {}
    inputs: list[tuple[str, dict]] = []
    for item in items:
        article = item.article
        text = article.body[: article.text_end]
        # plain values only: a job may travel to a worker on the doc, which spaCy serialises with msgpack
        options = {k: v for k, v in article_options(article).items() if k != "published"}
        job = {
            "published": article.published.isoformat() if article.published else None,
            "text_start": article.text_start,
            "credits": [list(c) for c in credit_spans(article)],
            "options": options,
            "paragraph_starts": [p.start for p in article.paragraphs],
            "dictionaries": dictionaries,
        }
        jobs_of.setdefault(text, []).append(job)
        inputs.append((text, job))

    def docs():
        for text, job in inputs:
            if inherited and all(j == job for j in jobs_of[text]):
                yield text  # the worker finds its job in _JOBS
            else:  # no fork, or one text with two publication dates: the job rides on the doc
                doc = nlp.make_doc(text)
                doc._.parley_batch = job
                yield doc

    if inherited:
        _JOBS.update((text, js[0]) for text, js in jobs_of.items() if all(j == js[0] for j in js))
    # Small batches keep both workers busy to the end (spaCy's default of 256 docs a batch
    # would give a 300-article corpus to one worker and most of the rest to the other).
    size = max(1, min(32, math.ceil(len(inputs) / (4 * jobs))))
    encoded = []
    try:
        with _batch_pipes(nlp), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for doc in _bar(nlp.pipe(docs(), n_process=jobs, batch_size=size), total=len(inputs), progress=progress):
                encoded.append(doc._.parley_tables)
    finally:
        _JOBS.clear()
    return encoded


def _analyze_one(article: Article, dictionaries: str | None = None) -> dict:
    """``analyze`` one article, its tables encoded: a Dask task (the model loads once per worker
    process), or a long article in the local engine."""
    from ..pipeline import analyze

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = analyze(article, dictionaries=dictionaries)
        return {name: _encode(getattr(result, name)) for name in (*TABLES, "sentences")}
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return {"error": f"internal error: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"}


def _run_dask(items: list[_Queued], *, jobs: int, scheduler: str | None, progress: bool,
              dictionaries: str | None) -> list[dict]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ParleyError("--engine dask needs dask.distributed: pip install 'dask[distributed]'") from None
    import logging

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except OSError as exc:
                raise ParleyError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            ))
            client = stack.enter_context(Client(cluster))
        futures = [client.submit(_analyze_one, item.article, dictionaries, key=f"parley-{i}-{item.article_id}",
                                 pure=False)
                   for i, item in enumerate(items)]
        results: dict[str, dict] = {}
        for future in _bar(as_completed(futures), total=len(futures), progress=progress):
            results[future.key] = future.result()
        return [results[f.key] for f in futures]


def _combine(items: list[_Queued], encoded: list[dict], failures: list, notes: list) -> CorpusResult:
    """Each article's tables -> one table per kind, ``article_id`` first, in article order."""
    names_of = {**{name: ["article_id", *COLUMNS[name]] for name in TABLES},
                "sentences": ["article_id", *SENTENCE_COLUMNS]}
    columns = {name: [[] for _ in names] for name, names in names_of.items()}
    meta_rows = []
    for item, tables in zip(items, encoded):
        if "error" in tables:
            failures.append((str(item.path), tables["error"]))
            continue
        article = item.article
        meta_rows.append([item.article_id, article.title, str(article.meta.get("publisher", "")),
                          article.published.isoformat() if article.published else "", str(item.path),
                          item.sha256, str(article.meta.get("url", ""))])
        for name in names_of:
            data, into = tables[name], columns[name]
            into[0].extend([item.article_id] * (len(data[0]) if data else 0))
            for cells, values in zip(into[1:], data):
                cells.extend(values)
    out = {"articles": pd.DataFrame(meta_rows, columns=ARTICLE_COLUMNS).astype(str)}
    types = {name: column_types(name) for name in names_of}
    for name, names in names_of.items():
        frame = pd.DataFrame(dict(zip(names, columns[name])), columns=names)
        if not len(frame):
            frame = frame.astype(object)
        out[name] = frame.astype({"article_id": str, **types[name]})
    failures.sort(key=lambda f: f[0])
    return CorpusResult(**out, failures=failures, warnings=notes)
