"""The command line: ``python -m parley extract ARTICLE --out DIR``.

Errors the user can fix (a missing file, a bad date, an unwritable folder) are one line on
stderr and exit code 2, never a traceback; tables are written to a temporary folder and
moved into place, so a failed run never leaves a half-written set that looks complete.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
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
    return parser


def write_tables(tables: dict, out: str | Path, *, fmt: str = "csv") -> list[Path]:
    """Write each table to ``out/NAME.FMT`` atomically: all files appear together or none do."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ParleyError(f"--out {out} is a file, not a folder: give a folder path")
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise ParleyError(f"cannot write to {parent}: {exc.strerror or exc}") from None
    try:
        written = []
        for name, frame in tables.items():
            path = tmp / f"{name}.{fmt}"
            if fmt == "csv":
                frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
            elif fmt == "json":
                frame.to_json(path, orient="records", force_ascii=False, indent=1)
            else:
                try:
                    frame.to_parquet(path, index=False)
                except ImportError:
                    raise ParleyError("--format parquet needs pyarrow: pip install pyarrow") from None
            written.append(path)
        out.mkdir(exist_ok=True)
        final = []
        for path in written:
            os.replace(path, out / path.name)
            final.append(out / path.name)
        return final
    except OSError as exc:
        raise ParleyError(f"cannot write to {out}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _extract(args: argparse.Namespace) -> int:
    from .article import read_article

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the article's notes are printed once, below
        article = read_article(args.article, published=args.published)
    for note in article.warnings:
        print(f"parley: warning: {note}", file=sys.stderr)
    from .pipeline import analyze  # spaCy loads only once the input is known to be good

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party chatter (spaCy, pandas) is not the user's business
        result = analyze(article)
    result.validate()
    paths = write_tables(result.tables(), args.out, fmt=args.format)
    print(f"wrote {len(paths)} tables to {args.out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _extract(args)
    except ParleyError as exc:
        print(f"parley: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("parley: interrupted; nothing written", file=sys.stderr)
        return 130
