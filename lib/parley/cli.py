"""The command line: ``python -m parley extract ARTICLE --out DIR``.

Errors the user can fix (a missing file, a bad date, an unwritable folder) are one line on
stderr and exit code 2, never a traceback; tables are written to a temporary folder and
moved into place, so a failed run never leaves a half-written set that looks complete.
"""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import traceback
import warnings
from pathlib import Path

from .errors import ParleyError

FORMATS = ("csv", "json", "parquet")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m parley", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract the six tables from one article")
    extract.add_argument("article", help="a UTF-8 text file, optionally with YAML front matter")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (overrides the front matter)")
    extract.add_argument("--out", required=True, help="output folder")
    extract.add_argument("--format", choices=FORMATS, default="csv")
    batch = sub.add_parser("batch", help="the six tables of every article in a corpus, combined")
    batch.add_argument("corpus", help="a folder of articles (*.md, *.txt) or a glob")
    batch.add_argument("--out", required=True, help="output folder")
    batch.add_argument("--format", choices=FORMATS, default="csv")
    batch.add_argument("--jobs", type=int, default=1, help="processes for the parse (nlp.pipe n_process)")
    batch.add_argument("--engine", choices=("local", "dask"), default="local")
    batch.add_argument("--scheduler", help="a Dask scheduler address (tcp://HOST:8786); implies --engine dask")
    return parser


def write_tables(tables: dict, out: str | Path, *, fmt: str = "csv", partitions: dict | None = None) -> list[Path]:
    """Write each table to ``out/NAME.FMT`` atomically: all files appear together or none do.

    ``partitions`` (Parquet only) maps a table name to a column and its values: that table is
    written as a folder ``NAME.parquet/VALUE.parquet``, one file per value, even where the value
    has no rows (a corpus's tables, one partition per article, read back whole by
    ``pandas.read_parquet`` or ``dask.dataframe.read_parquet`` on the folder).

    The tables are written to a temporary folder beside ``out``; each old table is moved
    aside before its new one is renamed in, and put back if anything fails (or the run is
    interrupted), so ``out`` holds the previous set of tables or the new one, never a mix.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ParleyError(f"--out {out} is a file, not a folder: give a folder path")
    for above in out.parents:
        if above.exists() and not above.is_dir():
            raise ParleyError(f"--out {out}: {above} is a file, not a folder: give a folder path")
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise ParleyError(f"cannot write to {parent}: {exc.strerror or exc}") from None
    created = not out.exists()
    placed: list[tuple[Path, Path | None]] = []  # (table in out, the old one moved aside)
    try:
        written = [_write_partitions(frame, tmp / f"{name}.{fmt}", *partitions[name]) if name in (partitions or {})
                   else _write_table(frame, tmp / f"{name}.{fmt}", fmt) for name, frame in tables.items()]
        out.mkdir(exist_ok=True)
        (tmp / "old").mkdir()
        for path in written:
            target = out / path.name
            backup = None
            if target.exists():
                backup = tmp / "old" / path.name
                os.replace(target, backup)
            placed.append((target, backup))
            os.replace(path, target)
        return [out / path.name for path in written]
    except BaseException as exc:
        for target, backup in reversed(placed):  # put the previous tables back
            try:
                if backup is not None:
                    os.replace(backup, target)
                else:
                    target.unlink(missing_ok=True)
            except OSError:
                pass
        if created:
            try:
                out.rmdir()
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise ParleyError(f"cannot write to {out}: {exc.strerror or exc}") from None
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _write_partitions(frame, path: Path, column: str, values: list[str]) -> Path:
    """``frame`` as a folder of Parquet files, one per value of ``column``, rows in order."""
    path.mkdir()
    rows = frame.groupby(column, sort=False).indices if len(frame) else {}
    for value in values:
        part = frame.iloc[rows.get(value, [])]
        _write_table(part.reset_index(drop=True), path / f"{value}.parquet", "parquet")
    return path


def _write_table(frame, path: Path, fmt: str) -> Path:
    if fmt == "csv":
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    elif fmt == "json":
        frame.to_json(path, orient="records", force_ascii=False, indent=1)
    else:
        try:
            frame.to_parquet(path, index=False)
        except ImportError:
            raise ParleyError("--format parquet needs pyarrow: pip install pyarrow") from None
    return path


def _extract(args: argparse.Namespace) -> int:
    from .article import read_article

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the article's notes are printed once, below
        article = read_article(args.article, published=args.published)
    for note in article.warnings:
        print(f"parley: warning: {note}", file=sys.stderr)
    from .nlp import load
    from .pipeline import analyze  # spaCy loads only once the input is known to be good

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party chatter (spaCy, pandas) is not the user's business
        load()
        # The model and the modules are alive until the process ends: moved out of the garbage
        # collector's sight, its full collections during the analysis stop rescanning them
        # (about 0.1 s each; the run otherwise spends more on them than on parley's stages).
        gc.freeze()
        result = analyze(article)
    result.validate()  # the contract; pandera is imported only if a table breaks it
    paths = write_tables(result.tables(), args.out, fmt=args.format)
    print(f"wrote {len(paths)} tables to {args.out}", file=sys.stderr)
    return 0


def _batch(args: argparse.Namespace) -> int:
    """Every article of a corpus; a bad file is reported and skipped, and the exit code says so."""
    from .corpus import articles, batch

    if args.jobs < 1:
        raise ParleyError(f"--jobs {args.jobs}: give 1 or more")
    engine = "dask" if args.scheduler else args.engine
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = batch(articles(args.corpus), jobs=args.jobs, engine=engine, scheduler=args.scheduler)
    for path, note in result.warnings:
        print(f"parley: warning: {path}: {note}", file=sys.stderr)
    paths = result.write(args.out, fmt=args.format)
    print(f"wrote {len(paths)} tables for {len(result.articles)} articles to {args.out}", file=sys.stderr)
    for path, message in result.failures:
        print(f"parley: error: {message if path in message else f'{path}: {message}'}", file=sys.stderr)
    return 2 if result.failures else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _batch(args) if args.command == "batch" else _extract(args)
    except ParleyError as exc:
        print(f"parley: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("parley: interrupted; the output folder is as it was", file=sys.stderr)
        return 130
    except MemoryError:
        print("parley: error: out of memory: analyse a shorter article", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug in parley, not the user's doing: one line, and how to see more
        if os.environ.get("PARLEY_DEBUG"):
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(
            f"parley: internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
            f"({Path(where.filename).name}:{where.lineno}); rerun with PARLEY_DEBUG=1 for the traceback "
            "and report it with the article",
            file=sys.stderr,
        )
        return 1
