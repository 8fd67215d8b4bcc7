"""Whatever an analyst scraped: each bad input is one clear line and exit 2, or a correct result."""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib

import pytest

from parley.article import article_from_text, read_article
from parley.errors import ParleyError
from parley.schema import COLUMNS, TABLES

from conftest import ROOT, SEED
from conftest import read_tables as tables
from conftest import run_cli as run

FRONT = "---\ntitle: T\npublished: 2021-10-24\n---\n"
CALL = "Iran's Foreign Minister Ali Rezaei called his Turkish counterpart on Saturday."


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def assert_one_line_error(code: int, err: str, message: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("parley: error: ") and message in err, err
    assert "Traceback" not in err


# ---- files that are not articles


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty: nothing to analyse"),
        (b" \n\t\r\n  \n", "is empty: nothing to analyse"),
        (png_bytes(), "looks like a binary file, not text"),
        (b"\xff\xfe" + " \t \n".encode("utf-16-le"), "is empty"),
        (b"\xff\xfeB\x00o\x00d", "not valid UTF-16: save it again as UTF-8"),  # odd length: cut short
        (bytes(range(1, 32)) * 40, "looks like a binary file"),  # control bytes, no NUL
        (b"---\ntitle: [x\n---\nText.", "front matter is not valid YAML (line 2)"),
        (b"---\ntitle: T\nText.", "never closed by a '---' line"),
        (b"---\npublished: soon\n---\nText.", "front matter 'published' 'soon' is not a date"),
        (b"<!DOCTYPE html><html><head><title>T</title></head><body><div>menu</div></body></html>",
         "is an HTML page with no article text"),
    ],
    ids=["empty", "whitespace", "png", "utf16-blank", "utf16-cut", "control-bytes", "yaml", "unclosed",
         "bad-meta-date", "html-no-text"],
)
def test_bad_file_is_one_line_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "a.md"
    path.write_bytes(content)
    code, err = run(capsys, "extract", path, "--out", tmp_path / "out")
    assert_one_line_error(code, err, message)
    assert not (tmp_path / "out").exists()


def test_bad_published_and_missing_file(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text(CALL, encoding="utf-8")
    code, err = run(capsys, "extract", path, "--published", "2021-13-45", "--out", tmp_path / "out")
    assert_one_line_error(code, err, "--published '2021-13-45' is not a date: use YYYY-MM-DD")
    code, err = run(capsys, "extract", tmp_path / "nope.md", "--out", tmp_path / "out")
    assert_one_line_error(code, err, f"no such file: {tmp_path / 'nope.md'}")
    assert not (tmp_path / "out").exists()


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path):
    path = tmp_path / "a.png"
    path.write_bytes(png_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    proc = subprocess.run([sys.executable, "-m", "parley", "extract", str(path), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stderr == f"parley: error: {path} looks like a binary file, not text: give a UTF-8 text file\n"


# ---- encodings


def test_cp1252_curly_quotes_warn_and_read_right(tmp_path, capsys):
    text = FRONT + "Ali Rezaei said: \u201cWe will talk to Ankara.\u201d It\u2019s a start \u2013 nothing more."
    path = tmp_path / "a.md"
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(UserWarning, match="is not valid UTF-8; read it as Windows-1252"):
        article = read_article(path)
    assert article.body == text[len(FRONT):]
    code, err = run(capsys, "extract", path, "--out", tmp_path / "out")
    assert code == 0 and "parley: warning: " in err and "Windows-1252 (cp1252)" in err
    quotes = tables(tmp_path / "out")["quotes"]
    assert list(quotes["quote"]) == ["We will talk to Ankara."]  # inside the curly quotes


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_a_bom(tmp_path, capsys, codec):
    path = tmp_path / "a.md"
    path.write_bytes(("\ufeff" + FRONT + CALL).encode(codec))
    article = read_article(path)
    assert article.body == CALL and article.meta["title"] == "T"
    code, err = run(capsys, "extract", path, "--out", tmp_path / "out")
    assert code == 0, err
    assert "warning" not in err
    assert list(tables(tmp_path / "out")["timexes"]["date_start"]) == ["2021-10-23"]


# ---- a saved web page: its main text is extracted (never executed; see test_article.py for the boilerplate cases)

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Iran and Turkey talk &amp; agree</title>
<meta property="article:published_time" content="2021-10-24T09:30:00+03:30">
<script>document.write("<p>injected</p>"); alert("x")</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a></nav>
<article>
<p>TEHRAN &ndash; Iran&#8217;s Foreign Minister   Ali Rezaei
called his Turkish counterpart on <b>Saturday</b>.</p>
<p>The two sides discussed trade.<br>They agreed to meet again.</p>
<p>   </p>
</article>
<footer>Subscribe</footer>
</body></html>
"""


def test_html_page_text_comes_from_its_paragraphs(tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.warns(UserWarning, match="is an HTML page: analysed its main text"):
        article = read_article(path)
    assert article.title == "Iran and Turkey talk & agree"
    assert str(article.published) == "2021-10-24"
    assert article.body == (
        "TEHRAN \u2013 Iran\u2019s Foreign Minister Ali Rezaei called his Turkish counterpart on Saturday."
        "\n\nThe two sides discussed trade. They agreed to meet again."
    )
    assert article.dateline.text == "TEHRAN \u2013"
    code, err = run(capsys, "extract", path, "--out", tmp_path / "out")
    assert code == 0, err
    out = tables(tmp_path / "out")
    assert list(out["timexes"]["date_start"]) == ["2021-10-23"]
    for row in out["mentions"].itertuples():
        assert article.body[int(row.start) : int(row.end)] == row.text
    assert "ali-rezaei" in set(out["actors"]["actor_id"])


# ---- size


# A short article with no dateline and no footer: every copy of it reads the same.
def test_a_file_too_big_to_be_an_article_is_refused(tmp_path):
    from parley.article import MAX_BYTES

    path = tmp_path / "huge.md"
    with open(path, "wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no need to write 64 MB
    with pytest.raises(ParleyError, match=f"is over {MAX_BYTES // 2**20} MB, too big for an article"):
        read_article(path)


def test_one_five_thousand_word_sentence(nlp):
    from parley import analyze

    words = [w for w in read_article(SEED).body[8:6825].replace(".", ",").split() if w != "–"]
    body = " ".join(words[i % len(words)] for i in range(5000)) + "."
    assert body.count(".") == 1 and len(body.split()) == 5000
    result = analyze(article_from_text(FRONT + body))
    assert len(result.mentions) > 500 and len(result.events) > 100
    for row in result.mentions.itertuples():
        assert body[row.start : row.end] == row.text
    assert result.sentences["end"].max() <= len(body)


# ---- other languages, dates


@pytest.mark.parametrize(
    "body, why",
    [
        ("Le ministre iranien des Affaires étrangères s'est entretenu samedi par téléphone avec son homologue "
         "azerbaïdjanais. Les deux hommes ont évoqué les relations bilatérales et la situation régionale.",
         "only 0% of its words are English stop words"),
        ("Der iranische Außenminister hat am Samstag mit seinem aserbaidschanischen Amtskollegen telefoniert. "
         "Beide sprachen über die bilateralen Beziehungen und die Lage im Südkaukasus.",
         "only 5% of its words are English stop words"),
        ("Министр иностранных дел Ирана в субботу провел телефонный разговор со своим азербайджанским коллегой.",
         "100% of its letters are not Latin"),
    ],
    ids=["french", "german", "russian"],
)
def test_another_language_warns(body, why):
    with pytest.warns(UserWarning, match="does not look like English") as caught:
        article = article_from_text(FRONT + body)
    assert article.warnings == (f"<text> does not look like English ({why}): parley's model reads English only",)
    assert [str(w.message) for w in caught] == list(article.warnings)


@pytest.mark.filterwarnings("ignore:.*no publication date")
def test_english_articles_do_not_warn():
    for path in [SEED, *sorted((ROOT / "tests" / "articles").glob("*.md"))]:
        assert not [w for w in read_article(path).warnings if "English" in w], path


def test_future_publication_date_warns(tmp_path, capsys):
    with pytest.warns(UserWarning, match="publication date 2999-01-02 is in the future: check it"):
        article_from_text(FRONT + CALL, published="2999-01-02")
    path = tmp_path / "a.md"
    path.write_text(CALL, encoding="utf-8")
    code, err = run(capsys, "extract", path, "--published", "2999-01-02", "--out", tmp_path / "out")
    assert code == 0
    assert err.splitlines()[0] == f"parley: warning: {path}: publication date 2999-01-02 is in the future: check it"
    assert list(tables(tmp_path / "out")["timexes"]["date_start"]) == ["2998-12-29"]  # the Saturday before


def test_a_dashed_rule_is_not_front_matter():
    article = article_from_text("-----\nIran called Turkey on Monday.", published="2021-10-24")
    assert article.meta == {} and article.body == "-----\nIran called Turkey on Monday."


# ---- thin articles: correct empty tables, exit 0


@pytest.mark.parametrize(
    "body, empty",
    [
        ("Iran called Turkey to discuss trade. The talks went well.", {"timexes", "quotes"}),
        ("Prices of wheat rose on Monday. Markets were calm in the afternoon.",
         {"actors", "mentions", "events", "contacts", "quotes"}),
        ("Nothing happened.", set(TABLES)),
    ],
    ids=["no-dates", "no-people", "one-sentence"],
)
def test_thin_articles_give_empty_tables(tmp_path, capsys, body, empty):
    path = tmp_path / "a.md"
    path.write_text(FRONT + body, encoding="utf-8")
    code, err = run(capsys, "extract", path, "--out", tmp_path / "out")
    assert code == 0, err
    out = tables(tmp_path / "out")
    for name, frame in out.items():
        assert list(frame.columns) == COLUMNS[name]
        assert (len(frame) == 0) == (name in empty), (name, frame)
        assert (tmp_path / "out" / f"{name}.csv").read_text(encoding="utf-8").count("\n") >= 1  # header row


# ---- the output folder


def test_output_folder_under_a_file(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code, err = run(capsys, "extract", SEED, "--out", tmp_path / "file" / "out")
    assert_one_line_error(code, err, f"--out {tmp_path / 'file' / 'out'}: {tmp_path / 'file'} is a file, not a folder")
    assert (tmp_path / "file").read_text() == "x"


def test_output_folder_that_cannot_be_created(capsys):
    # root ignores chmod, so a read-only folder is one no one can write: under /proc
    code, err = run(capsys, "extract", SEED, "--out", "/proc/parley-out/tables")
    assert_one_line_error(code, err, "cannot write to /proc/parley-out")
    assert not os.path.exists("/proc/parley-out")


def test_an_internal_error_is_one_line_exit_1(tmp_path, capsys, monkeypatch):
    import parley.pipeline

    def broken(article, **options):
        raise KeyError("boom")

    monkeypatch.setattr(parley.pipeline, "analyze", broken)
    code, err = run(capsys, "extract", SEED, "--out", tmp_path / "out")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("parley: internal error: KeyError: 'boom' (test_bad_input.py:")
    assert "PARLEY_DEBUG=1" in err
    assert not (tmp_path / "out").exists()


# ---- a notebook with a bad parameter


def test_papermill_bad_article_fails_in_the_first_cell_readably(tmp_path):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(
            str(ROOT / "notebooks" / "01-actors.ipynb"), str(tmp_path / "out.ipynb"),
            parameters={"articles": "/nonexistent.md"}, kernel_name="parley", cwd=str(ROOT / "notebooks"),
            progress_bar=False,
        )
    assert info.value.ename == "ParleyError"
    assert info.value.evalue == ("no such folder or file: /nonexistent.md: "
                                 "give a folder of articles or a glob ('corpus/*.md')")
    assert info.value.exec_count == 3  # parameters, injected parameters, then the set-up cell
