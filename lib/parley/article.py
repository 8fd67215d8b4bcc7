"""Reading an article: front matter, body, paragraphs, dateline and boilerplate footer.

Offsets everywhere in parley are indices into ``Article.body`` (the file's text after the
front matter, nothing else changed), so ``body[start:end]`` is always the item's text.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .errors import ParleyError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# A paragraph break: a run of white space holding a blank line (two newlines), or (as in text
# flattened to one line) a run of two or more spaces / non-breaking spaces. Runs are found
# whole and classified in Python: a backtracking pattern is quadratic on long runs of "\r".
_WHITE_RUN = re.compile(r"\s{2,}")
_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")
# Read no more of a file than this (a saved web page carries markup). A long text is fine:
# pipeline.analyze parses it in chunks; the limit only keeps a stray huge file out of memory.
MAX_BYTES = 64 * 2**20
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
    """Bytes -> text: UTF-8 (BOM or not), UTF-16/32 with a BOM, else cp1252 with a warning."""
    if not raw.strip():
        raise ParleyError(f"{path} is empty: nothing to analyse")
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                raise ParleyError(f"{path} starts with a {codec.upper()} byte-order mark but is not "
                                  f"valid {codec.upper()}: save it again as UTF-8") from None
            break
    else:
        if b"\x00" in raw[:8192]:
            raise ParleyError(f"{path} looks like a binary file, not text: give a UTF-8 text file")
        try:
            text, notes = raw.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            notes = [f"{path} is not valid UTF-8; read it as Windows-1252 (cp1252)"]
        sample = text[:8192]
        controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f" or c == "\ufffd")
        if controls > len(sample) // 20:
            raise ParleyError(f"{path} looks like a binary file, not text: give a UTF-8 text file")
        return text, notes
    if not text.strip():
        raise ParleyError(f"{path} is empty: nothing to analyse")
    return text, []


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    first_line = text.split("\n", 1)[0]
    if first_line.rstrip(" \t\r") != "---":  # "-----" or "--- text" is a rule or a dash, not front matter
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
    for brk in [*_paragraph_breaks(body), None]:
        end = brk[0] if brk else len(body)
        chunk = body[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            spans.append(Span(start + lead, start + lead + len(chunk), chunk))
        start = brk[1] if brk else len(body)
    return tuple(spans)


def _paragraph_breaks(body: str):
    """(start, end) of each paragraph break: a white-space run holding a blank line, else a
    run of two or more spaces, tabs or no-break spaces inside it."""
    for run in _WHITE_RUN.finditer(body):
        if run.group().count("\n") >= 2:
            yield run.span()
        else:
            for spaces in _SPACE_RUN.finditer(body, run.start(), run.end()):
                yield spaces.span()


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
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)  # bounded: a huge file is refused, not loaded whole
    except FileNotFoundError:
        raise ParleyError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ParleyError(f"{path} is a folder, not an article file") from None
    except OSError as exc:
        raise ParleyError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ParleyError(
            f"{path} is over {MAX_BYTES // 2**20} MB, too big for an article: "
            "give the article's text alone, or split it into several articles"
        )
    return article_from_text(*_decode(raw, path), path=path, published=published)


def article_from_text(
    text: str, notes: list[str] | None = None, *, path: str = "<text>", published: str | dt.date | None = None
) -> Article:
    """Build an Article from text already in memory (the same rules as ``read_article``)."""
    notes = list(notes or [])
    if _HTML_START.match(text):
        meta, body = html_article(text, path)
        notes.append(f"{path} is an HTML page: analysed the text of its <p> paragraphs (offsets index that text)")
    else:
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
    if date is not None and date > dt.date.today():
        notes.append(f"{path}: publication date {date.isoformat()} is in the future: check it")
    language = _not_english(body)
    if language:
        notes.append(f"{path} does not look like English ({language}): parley's model reads English only")
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


# ---- saved web pages

_HTML_START = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_PUBLISHED_META = ("article:published_time", "datepublished", "date", "pubdate", "dc.date")


class _PageText(HTMLParser):
    """Collects the <title>, the text of each <p> and the publication date of a saved page.

    Only text is read: scripts, styles and everything else are skipped, nothing is executed.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.paragraphs: list[str] = []
        self.published = ""
        self._in_title = False
        self._para: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "p":
            self._close()
            self._para = []
        elif tag == "br" and self._para is not None:
            self._para.append(" ")
        elif tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key in _PUBLISHED_META and not self.published:
                self.published = values.get("content", "")[:10]
        elif tag == "time" and self._para is None and not self.published:
            self.published = dict(attrs).get("datetime", "") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in ("p", "div", "article", "section", "body", "html"):
            self._close()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title.append(data)
        elif self._para is not None:
            self._para.append(data)

    def _close(self) -> None:
        if self._para is not None:
            text = " ".join("".join(self._para).split())  # one line: runs of spaces would split it
            if text:
                self.paragraphs.append(text)
            self._para = None

    def close(self) -> None:
        super().close()
        self._close()


def html_article(page: str, path: str = "<text>") -> tuple[dict, str]:
    """A saved HTML page -> (meta, body): the title from <title>, the body from the <p>
    elements joined by blank lines, the date from a ``article:published_time`` meta tag."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    if not parser.paragraphs:
        raise ParleyError(f"{path} is an HTML page with no <p> paragraphs: save the article's text as a text file")
    meta = {"title": " ".join("".join(parser.title).split())}
    if re.fullmatch(r"\d{4}-\d\d-\d\d", parser.published[:10]):
        meta["published"] = parser.published[:10]
    return meta, "\n\n".join(parser.paragraphs)


# ---- language

def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from its data file without importing spaCy (1 s)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("spacy")
        where = Path(spec.submodule_search_locations[0]) / "lang" / "en" / "stop_words.py"
        module = importlib.util.spec_from_file_location("parley._en_stop_words", where)
        loaded = importlib.util.module_from_spec(module)
        module.loader.exec_module(loaded)
        return frozenset(loaded.STOP_WORDS)
    except (AttributeError, ImportError, OSError, TypeError, ValueError):
        return frozenset()


_STOP_WORDS: frozenset[str] | None = None
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _not_english(body: str, *, sample: int = 20_000) -> str:
    """Why the body does not look like English ("" if it does or is too short to tell):
    mostly non-Latin letters, or too few English stop words (English news: 35–50 %)."""
    global _STOP_WORDS
    text = body[:sample]
    words = _WORD.findall(text)
    letters = sum(len(w) for w in words)
    if letters >= 40:
        latin = sum(1 for w in words for c in w if c.isascii())
        if latin < letters / 2:
            return f"{100 * (letters - latin) // letters}% of its letters are not Latin"
    if len(words) < 20:
        return ""
    if _STOP_WORDS is None:
        _STOP_WORDS = _stop_words()
    if not _STOP_WORDS:
        return ""
    share = sum(1 for w in words if w.lower() in _STOP_WORDS) / len(words)
    if share < 0.15:
        return f"only {round(100 * share)}% of its words are English stop words"
    return ""
