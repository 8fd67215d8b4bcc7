"""Reading an article: front matter, body, paragraphs, dateline and boilerplate footer.

Offsets everywhere in parley are indices into ``Article.body`` (the file's text after the
front matter, nothing else changed), so ``body[start:end]`` is always the item's text.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ParleyError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# A paragraph break: a blank line, or (as in text flattened to one line) a run of two or
# more spaces / non-breaking spaces.
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*|[ \t\u00a0]{2,}")
# "TEHRAN –", "TEHRAN, Jan. 23 (MNA) –", "WASHINGTON (Reuters) -", "New Delhi, 5 May: "
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{2,30})\))?"
    r"\s*(?:[–—]|--?|:)\s+"
)
# Footer lines a publisher appends: licences, copyright, agency credits.
_FOOTER = re.compile(
    r"licen[cs]ed under|creative commons|all rights reserved|copyright|©|"
    r"^\(?(?:reporting|editing|writing) by|^this (?:story|article) (?:was|has been)",
    re.I,
)


@dataclass(frozen=True)
class Span:
    """A stretch of the body: ``body[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One article: its metadata, its body and the parts of the body that are not news text."""

    path: str
    meta: dict
    body: str
    published: dt.date | None
    paragraphs: tuple[Span, ...]
    dateline: Span | None = None
    footer: Span | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def slug(self) -> str:
        """A file-system-safe id for the article, from its file name."""
        return slugify(Path(self.path).stem)

    @property
    def text_end(self) -> int:
        """Where the news text ends: the footer's start, or the end of the body."""
        return self.footer.start if self.footer else len(self.body)

    @property
    def text_start(self) -> int:
        """Where the news text starts: after the dateline, if any."""
        return self.dateline.end if self.dateline else 0


def slugify(text: str) -> str:
    """``"Sergei Lavrov"`` -> ``"sergei-lavrov"``."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def parse_date(value: object, *, what: str) -> dt.date:
    """A publication date from a string ``YYYY-MM-DD`` (or a YAML date), else ParleyError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ParleyError(f"{what} {text!r} is not a date: use YYYY-MM-DD, e.g. 2024-03-15") from None


def _decode(raw: bytes, path: str) -> tuple[str, list[str]]:
    if not raw.strip():
        raise ParleyError(f"{path} is empty: nothing to analyse")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), []
    if b"\x00" in raw[:8192]:
        raise ParleyError(f"{path} looks like a binary file, not text: give a UTF-8 text file")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        note = f"{path} is not valid UTF-8; read it as Windows-1252 (cp1252)"
        return raw.decode("cp1252", errors="replace"), [note]


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ParleyError(f"{path}: front matter opened with '---' is never closed by a '---' line")
    try:
        # BaseLoader: every value a string, so a bad date is our error to report, not a crash
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise ParleyError(f"{path}: front matter is not valid YAML{line}: fix or remove it") from None
    if not isinstance(meta, dict):
        raise ParleyError(f"{path}: front matter must be 'key: value' lines, not {type(meta).__name__}")
    return meta, text[match.end():]


def paragraphs(body: str) -> tuple[Span, ...]:
    """The body's paragraphs, split at blank lines or runs of two or more spaces."""
    spans, start = [], 0
    for brk in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = brk.start() if brk else len(body)
        chunk = body[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            spans.append(Span(start + lead, start + lead + len(chunk), chunk))
        start = brk.end() if brk else len(body)
    return tuple(spans)


def dateline(body: str, first: Span | None) -> Span | None:
    """The wire-style dateline that opens the first paragraph (``TEHRAN –``), if any."""
    if first is None:
        return None
    match = _DATELINE.match(body, first.start)
    if not match or not match.group("place").replace(" ", "").isupper() and not match.group("date"):
        return None
    end = first.start + len(match.group().rstrip())
    return Span(first.start, end, body[first.start:end])


def footer(paras: tuple[Span, ...]) -> Span | None:
    """The trailing licence/credit paragraph, recognised by its wording (never the only one)."""
    if len(paras) < 2:
        return None
    last = paras[-1]
    return last if _FOOTER.search(last.text) and len(last.text) < 400 else None


def read_article(path: str | Path, published: str | dt.date | None = None) -> Article:
    """Read an article file; ``published`` overrides the front matter's date."""
    path = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ParleyError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ParleyError(f"{path} is a folder, not an article file") from None
    except OSError as exc:
        raise ParleyError(f"cannot read {path}: {exc.strerror or exc}") from None
    return article_from_text(*_decode(raw, path), path=path, published=published)


def article_from_text(
    text: str, notes: list[str] | None = None, *, path: str = "<text>", published: str | dt.date | None = None
) -> Article:
    """Build an Article from text already in memory (the same rules as ``read_article``)."""
    notes = list(notes or [])
    meta, body = _front_matter(text, path)
    if not body.strip():
        raise ParleyError(f"{path} has no article text after the front matter")
    if published is not None:
        date = parse_date(published, what="--published")
    elif meta.get("published") not in (None, ""):
        date = parse_date(meta["published"], what=f"{path}: front matter 'published'")
    else:
        date = None
        notes.append(
            f"{path} has no publication date: relative dates stay unresolved; "
            "pass --published or add 'published:' to the front matter"
        )
    paras = paragraphs(body)
    for note in notes:
        warnings.warn(note, stacklevel=3)
    return Article(
        path=path,
        meta=meta,
        body=body,
        published=date,
        paragraphs=paras,
        dateline=dateline(body, paras[0] if paras else None),
        footer=footer(paras),
        warnings=tuple(notes),
    )
