"""The command line: ``python -m parley extract ARTICLE --out DIR``.

Errors the user can fix (a missing file, a bad date, an unwritable folder) are one line on
stderr and exit code 2, never a traceback; tables are written to a temporary folder and
moved into place, so a failed run never leaves a half-written set that looks complete.
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from pathlib import Path

from .errors import ParleyError
from .tables import FORMATS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m parley", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract the six tables from one article")
    extract.add_argument("article", help="a UTF-8 text file, optionally with YAML front matter")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (overrides the front matter)")
    extract.add_argument("--out", required=True, help="output folder")
    extract.add_argument("--format", choices=FORMATS, default="csv")
    extract.add_argument("--dictionaries", help="a folder of CAMEO dictionaries in PETRARCH2's formats (default: Phoenix)")
    batch = sub.add_parser("batch", help="the six tables of every article in a corpus, combined")
    batch.add_argument("corpus", help="a folder of articles (*.md, *.txt) or a glob")
    batch.add_argument("--published", help="publication date YYYY-MM-DD for articles whose front matter has none")
    batch.add_argument("--out", required=True, help="output folder")
    batch.add_argument("--format", choices=FORMATS, default="csv")
    batch.add_argument("--dictionaries", help="a folder of CAMEO dictionaries in PETRARCH2's formats (default: Phoenix)")
    batch.add_argument("--jobs", type=int, default=1, help="processes for the parse (nlp.pipe n_process)")
    batch.add_argument("--engine", choices=("local", "dask"), default="local")
    batch.add_argument("--scheduler", help="a Dask scheduler address (tcp://HOST:8786); implies --engine dask")
    return parser


def _extract(args: argparse.Namespace) -> int:
    from .article import read_article

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the article's notes are printed once, below
        article = read_article(args.article, published=args.published)
    for note in article.warnings:
        print(f"parley: warning: {note}", file=sys.stderr)
    from .nlp import load
    from .pipeline import analyze  # spaCy loads only once the input is known to be good
    from .tables import write_tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party chatter (spaCy, pandas) is not the user's business
        load()  # and out of the garbage collector's sight (``nlp.load``)
        result = analyze(article, dictionaries=args.dictionaries)
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
        result = batch(articles(args.corpus), jobs=args.jobs, engine=engine, scheduler=args.scheduler,
                       default_published=args.published, dictionaries=args.dictionaries)
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
