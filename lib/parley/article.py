"""Reading an article: front matter, body, paragraphs, credit header, dateline and boilerplate footer.

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
    r"\A\s*(?P<place>[A-ZÀ-Ý][A-Za-zÀ-ÿ.'’\- ]{1,40}?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{2,30})\))?"
    r"\s*(?:[–—]|--?|:)\s+"
)
# A first line alone above a blank line: a headline, if its wording says so (see ``headline``).
_HEADLINE = re.compile(r"\A[ \t]*([^\r\n]+?)[ \t]*\r?\n(?:[ \t]*\r?\n)+")
# Footer lines a publisher appends: licences, copyright, agency credits.
_FOOTER = re.compile(
    r"licen[cs]ed under|creative commons|all rights reserved|copyright|©|"
    r"^\(?(?:reporting|editing|writing) by|^this (?:story|article) (?:was|has been)",
    re.I,
)

# Credit lines, each a whole line: a byline ("By Jane Doe", "By JANE DOE, Reuters"), a
# reporter's name over (or before) a "Reporter - AGENCY" line, and closing credits
# ("Translator: Jane Doe", "Edition: ...", "Photo: ..."). Their names are no actors.
_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:[ \t]+(?:[A-ZÀ-Ý][\w'’.-]*|d[aeo]s?|d[ui]|van|von|der|al|bin|y|e|and|&))*"
_CREDIT_ROLE = (r"(?:(?:Special|Senior|Staff|Chief)[ \t]+)?(?:Reporters?|Repórter(?:es)?|Correspondents?|Journalists?|Writers?)\b"
                r"[^.!?\n]{0,60}")
_BYLINE = re.compile(rf"(?:By|BY)[ \t]+(?P<name>{_NAME})(?:[ \t]*[,|–—-][ \t]*{_NAME})?")
_REPORTER = re.compile(rf"(?:(?P<name>{_NAME})[ \t]*[,|–—-][ \t]*)?{_CREDIT_ROLE}")
_REPORTER_NAME = re.compile(_NAME)
_CLOSING_CREDIT = re.compile(
    r"\(?(?:additional[ \t]+)?(?:reporting|editing|writing)[ \t]+by\b[^\n]{1,300}|"
    r"(?:Translat(?:or|ion|ed[ \t]+by)s?|Edit(?:ion|or|ing|ed[ \t]+by)|Photo(?:graph)?s?(?:[ \t]+by)?)[ \t]*:[ \t]*"
    r"[^\n]{1,100}", re.I)
# A header line that only stamps the time: "16/09/2005 - 15h45", "2005-09-16 15:45".
_STAMP = re.compile(r"[\d/.:\-–—, \t]*\d[\d/.:\-–—, \t]*(?:[hH][ \t]*\d\d|[ap]\.?m\.?)?[ \t]*")
_LINE = re.compile(r"[^\r\n]+")


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
    header: Span | None = None  # the credit lines above the story (byline, reporter, time stamp)
    credits: tuple[Span, ...] = ()  # the names those lines credit (a reporter's): never actors
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


def headline(text: str) -> tuple[str, str]:
    """(title, the text after it) when the text opens with a headline, else ("", text).

    A headline is a first line of 3 to 25 words, under 150 characters, ending without
    sentence punctuation (``.!?:;,…``) or a dateline dash, and followed by a blank line and
    more text: ``Iran, Azerbaijan ministers hold phone talks`` above the story. The text
    after it starts at the story's first line, so offsets index the story alone.
    """
    match = _HEADLINE.match(text)
    if not match or not text[match.end():].strip():
        return "", text
    line = match.group(1).lstrip("#").strip()  # a Markdown "# Headline" too
    bare = line.rstrip("\"'”’»)]")
    if _STAMP.fullmatch(line) or _BYLINE.fullmatch(line):  # "By Jane Doe" over the story is a byline
        return "", text
    if not 3 <= len(line.split()) <= 25 or len(line) > 150 or not bare or bare[-1] in ".!?:;,…–—-":
        return "", text
    return line, text[match.end():]


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


def dateline(body: str, at: int | None) -> Span | None:
    """The wire-style dateline (``TEHRAN –``) that opens the news text at ``at``, if any."""
    if at is None:
        return None
    at += len(body[at:at + 200]) - len(body[at:at + 200].lstrip())
    match = _DATELINE.match(body[at:at + 200])  # a slice: ``\A`` only matches at a string's start
    if not match:
        return None
    place = match.group("place")
    titled = len(place.split()) <= 3 and all(w[0].isupper() for w in place.split()) \
        and re.match(r"\s+[–—-]\s", match.group()[len(place):])  # "Brasília - ", "New York – "
    if not place.replace(" ", "").isupper() and not match.group("date") and not titled:
        return None
    end = at + len(match.group().rstrip())
    return Span(at, end, body[at:end])


def footer(paras: tuple[Span, ...], body: str = "") -> Span | None:
    """The trailing licence and credit lines (never the first line): the last paragraph when
    its wording says so, and any closing credit lines before it ("Translator: Jane Doe",
    "Edition: ...", "By Jane Doe"), one paragraph each or one line each (``body`` given)."""
    if not paras:
        return None
    last = paras[-1]
    start = last.start if len(paras) > 1 and _FOOTER.search(last.text) and len(last.text) < 400 else None
    for line_start, _, line in _lines_back(body, last.end if start is None else start):
        if line_start <= paras[0].start or not (_CLOSING_CREDIT.fullmatch(line) or _BYLINE.fullmatch(line)):
            break
        start = line_start
    return None if start is None else Span(start, last.end, body[start:last.end] if body else last.text)


def header(body: str, end: int | None = None) -> tuple[Span | None, tuple[Span, ...]]:
    """The credit lines that head an agency's story, before ``end``, and the names they credit:
    a byline ("By Jane Doe, Wire": Jane Doe), a reporter's name over or before "Reporter -
    AGENCY", a "Photo: ..." line, and time stamps among them ("16/09/2005 - 15h45").
    (None, ()) when no credit line leads the text, or no news text follows."""
    lines = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
             for _, m in zip(range(12), _LINE.finditer(body, 0, len(body) if end is None else end))
             if m.group().strip()]
    lines = [(start, start + len(text), text) for start, text in lines]
    names, credit_end, i = [], None, 0
    while i < len(lines):
        start, stop, text = lines[i]
        credit = _BYLINE.fullmatch(text) or _REPORTER.fullmatch(text)
        if credit or _CLOSING_CREDIT.fullmatch(text):
            name = credit.span("name") if credit and credit["name"] else (0, 0) if credit else (0, len(text))
            names.append((start + name[0], start + name[1]))
            credit_end, i = stop, i + 1
        elif (i + 1 < len(lines) and len(text) <= 60 and _REPORTER_NAME.fullmatch(text)
              and _REPORTER.fullmatch(lines[i + 1][2])):
            names.append((start, stop))
            credit_end, i = lines[i + 1][1], i + 2
        elif _STAMP.fullmatch(text):
            i += 1
        else:
            break
    if credit_end is None or i == len(lines):
        return None, ()
    return (Span(lines[0][0], credit_end, body[lines[0][0]:credit_end]),
            tuple(Span(a, b, body[a:b]) for a, b in names if b > a))


def _lines_back(body: str, end: int):
    """(start, end, text) of each non-blank line of ``body[:end]``, last first, spaces trimmed."""
    while end > 0:
        start = max(body.rfind("\n", 0, end), body.rfind("\r", 0, end)) + 1
        text = body[start:end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            yield start + lead, start + lead + len(text.strip()), text.strip()
        end = start - 1


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
        notes.append(f"{path} is an HTML page: analysed its main text as trafilatura extracts it (offsets index that text)")
    else:
        meta, body = _front_matter(text, path)
        if "title" not in meta:
            title, body = headline(body)
            if title:
                meta["title"] = title
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
    end_matter = footer(paras, body)
    top, credits = header(body, end_matter.start if end_matter else None)
    for note in notes:
        warnings.warn(note, stacklevel=3)
    return Article(
        path=path,
        meta=meta,
        body=body,
        published=date,
        paragraphs=paras,
        dateline=dateline(body, top.end if top else paras[0].start if paras else None),
        footer=end_matter,
        header=top,
        credits=credits,
        warnings=tuple(notes),
    )


# ---- saved web pages

_HTML_START = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
# What a page's date is never read from: navigation, asides, related-story lists, comments,
# footers (their dates are other stories' dates), recognised by their tag, class or id.
_NOT_THE_STORY = re.compile(r"related|comment|sidebar|cookie|promo|newsletter|recommend|trending|most-?read|footer|nav", re.I)


def html_article(page: str, path: str = "<text>") -> tuple[dict, str]:
    """A saved HTML page -> (meta, body): the main text, title and author as trafilatura
    extracts them, the publication date as htmldate finds it.

    The body is the text of each extracted block (paragraph, subhead, list item), one line
    each, joined by blank lines, so offsets index that text. Nothing is executed and nothing
    is fetched: both libraries are given a parsed tree, never a URL.
    """
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):  # "Document is empty": a doctype and nothing else
        raise ParleyError(f"{path} is an HTML page with no article text: save the article's text as a text file") from None
    lxml.etree.strip_elements(tree, "noscript", "template", with_tail=False)  # shown only without scripts, or never
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, include_formatting=False,
    )
    title = " ".join(str(getattr(document, "title", None) or "").split())
    blocks = _blocks(document.body) if document is not None and document.body is not None else []
    while blocks and blocks[0][0] == "head" and blocks[0][1].casefold() == title.casefold():
        blocks.pop(0)  # the headline, repeated above the story: it is the title, not the body
    paras = [text for _, text in blocks]
    if not paras:
        raise ParleyError(f"{path} is an HTML page with no article text: save the article's text as a text file")
    meta = {"title": title}
    if document.author:
        meta["author"] = str(document.author)
    if document.url:
        meta["url"] = str(document.url)
    date = page_date(tree, url=document.url)
    if date:
        meta["published"] = date
    return meta, "\n\n".join(paras)


def _blocks(body) -> list[tuple[str, str]]:
    """(tag, one-line text) of each block of trafilatura's extracted tree: paragraphs,
    subheads, list items, quotes; a line break inside a block is a space."""
    out = []
    for element in body:
        parts = list(element.iter("item")) if element.tag == "list" else (
            list(element.iter("p")) or [element] if element.tag == "quote" else [element])
        for part in parts:
            for lb in part.iter("lb"):
                lb.tail = " " + (lb.tail or "")
            text = " ".join("".join(part.itertext()).split())  # one line: runs of spaces would split it
            if text:
                out.append((part.tag, text))
    return out


def page_date(tree, *, url: str | None = None) -> str:
    """A page's publication date (``YYYY-MM-DD``, or ""), by htmldate, the original date
    rather than an update, read from the page less its navigation, asides, related stories,
    comments and footers (their dates are other stories'): its date markup (meta tags,
    JSON-LD, ``<time>``) or canonical URL first, else its text. Never fetched: ``url`` is
    only read for a date in it."""
    from copy import deepcopy

    import htmldate

    story = deepcopy(tree)
    for element in list(story.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "head", "body", "main", "article"):
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        page_header = element.tag == "header" and not any(a.tag == "article" for a in element.iterancestors())
        if page_header or element.tag in ("nav", "aside", "footer", "form") or _NOT_THE_STORY.search(marks):
            element.drop_tree()
    found = (htmldate.find_date(deepcopy(story), extensive_search=False, original_date=True, url=url)
             or htmldate.find_date(story, extensive_search=True, original_date=True, url=url))
    return found if found and re.fullmatch(r"\d{4}-\d\d-\d\d", found) else ""


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
