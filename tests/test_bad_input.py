"""Whatever an analyst scraped: each bad input is one clear line and exit 2, or a correct result."""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib

import pandas as pd
import pytest

from parley import cli
from parley.article import article_from_text, read_article
from parley.errors import ParleyError
from parley.schema import COLUMNS, TABLES

from conftest import ROOT, SEED

FRONT = "---\ntitle: T\npublished: 2021-10-24\n---\n"
CALL = "Iran's Foreign Minister Ali Rezaei called his Turkish counterpart on Saturday."


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def run(capsys, *args) -> tuple[int, str]:
    """``python -m parley`` in this process (the model stays loaded): exit code and stderr."""
    code = cli.main([str(a) for a in args])
    return code, capsys.readouterr().err


def tables(out) -> dict[str, pd.DataFrame]:
    return {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False) for t in TABLES}


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
COPY = ("Iran's Foreign Minister Ali Rezaei called his Turkish counterpart Mehmet Demir on Saturday.\n\n"
        "Rezaei told him: \u201cWe will talk again next week.\u201d\n\n"
        "Demir met the Azerbaijani ambassador in Ankara on Sunday.\n\n")
SPANS = [("mentions", "text"), ("timexes", "text"), ("events", "trigger"), ("quotes", "quote")]


def assert_whole_article(result) -> None:
    """Offsets index the whole body, ids are unique, every id referred to exists, sentences
    number the whole text in order, and each actor's count is its mention rows."""
    body = result.article.body
    for table, column in SPANS:
        for row in getattr(result, table).itertuples():
            assert body[row.start : row.end] == getattr(row, column), (table, row)
    for name, frame in result.tables().items():
        assert frame.iloc[:, 0].is_unique, name
    sentences = result.sentences
    assert list(sentences.sentence_id) == list(range(len(sentences)))
    assert (sentences.start.diff().dropna() > 0).all() and sentences.end.max() <= len(body)
    for table, _ in SPANS:
        for row in getattr(result, table).itertuples():
            sentence = sentences.iloc[row.sentence_id]
            assert sentence.start <= row.start < sentence.end, (table, row)
    actors = set(result.actors.actor_id)
    assert set(result.mentions.actor_id) <= actors and set(result.quotes.speaker_id) - {""} <= actors
    assert set(result.events.source_id) - {""} <= actors and set(result.events.target_id) - {""} <= actors
    events = set(result.events.event_id)
    for row in result.contacts.itertuples():
        assert set(row.event_ids.split("|")) <= events and set(row.participant_ids.split("|")) <= actors
        assert set(map(int, row.sentence_ids.split("|"))) <= set(sentences.sentence_id)
    counts = result.mentions.actor_id.value_counts()
    assert {a: counts.get(a, 0) for a in result.actors.actor_id} == dict(zip(result.actors.actor_id,
                                                                           result.actors.mentions))
    result.validate()


def test_a_long_article_is_analysed_in_chunks_and_merged(nlp, monkeypatch):
    from parley import analyze, pipeline

    article = article_from_text(COPY * 4, published="2021-10-24")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", len(COPY))  # one copy a chunk
    assert pipeline.chunks(article, size=len(COPY)) == [(0, 202), (202, 404), (404, 606), (606, 808)]
    result = analyze(article)
    assert_whole_article(result)
    # each actor once, its mentions summed over the chunks: four times one copy's
    assert list(zip(result.actors.actor_id, result.actors.mentions)) == [
        ("iran", 4), ("ali-rezaei", 16), ("turkey", 4), ("mehmet-demir", 8), ("azerbaijan", 4), ("ankara", 4)]
    assert result.actors.set_index("actor_id").at["ali-rezaei", "aliases"] == "Iran's Foreign Minister|Rezaei"
    assert (len(result.mentions), len(result.timexes), len(result.events), len(result.quotes),
            len(result.sentences)) == (40, 12, 12, 4, 12)
    assert list(result.mentions.mention_id) == [f"m{i}" for i in range(1, 41)]
    assert list(result.timexes.start) == [82, 130, 193, 284, 332, 395, 486, 534, 597, 688, 736, 799]
    assert list(result.quotes.sentence_id) == [1, 4, 7, 10]
    assert list(result.events.event_id) == [f"e{i}" for i in range(1, 13)]
    # the same call and the same meeting in every copy: one contact each, across the chunks
    assert list(zip(result.contacts.channel, result.contacts.event_ids, result.contacts.sentence_ids)) == [
        ("phone", "e1|e4|e7|e10", "0|3|6|9"), ("meeting", "e3|e6|e9|e12", "2|5|8|11")]
    # here no pronoun, title or date leans across a chunk boundary: the whole-text analysis agrees
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 100_000)
    whole = analyze(article)
    for name in [*pipeline.TABLES, "sentences"]:
        assert getattr(whole, name).equals(getattr(result, name)), name


def test_chunks_cut_at_paragraphs_then_sentences_then_spaces():
    from parley.pipeline import chunks

    article = article_from_text("Aaa bbb. Ccc ddd eee. Fff ggg hhh iii jjj kkk lll.\n\nMmm nnn.", published="2021-10-24")
    # after "eee. " (a sentence end in the chunk's second half), then at the paragraph "Mmm"
    assert chunks(article, size=30) == [(0, 22), (22, 52), (52, 60)]
    assert chunks(article, size=12)[:2] == [(0, 9), (9, 17)]  # no sentence end fits: at a space
    assert chunks(article_from_text("x" * 25, published="2021-10-24"), size=10) == [(0, 10), (10, 20), (20, 25)]  # no space at all
    assert chunks(article, size=1000) == [(0, 60)]


def test_one_chunk_is_the_unchunked_analysis(seed_result):
    from parley.pipeline import TABLES, analyze_in_chunks

    article = seed_result.article
    chunked = analyze_in_chunks(article, size=article.text_end)
    for name in [*TABLES, "sentences"]:
        assert getattr(chunked, name).equals(getattr(seed_result, name)), name


def test_an_article_of_several_chunks_through_the_command_line(tmp_path, capsys, monkeypatch):
    from parley import pipeline

    # chunks of 20,000 characters keep this test quick; the 10 MB article is in `make bench`
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 20_000)
    seed = read_article(SEED)
    block = seed.body[: seed.text_end].strip() + "\n\n"
    path = tmp_path / "long.md"
    path.write_text(FRONT + block * (60_000 // len(block)), encoding="utf-8")
    article = read_article(path)
    assert len(pipeline.chunks(article, size=20_000)) == 3
    code, err = run(capsys, "extract", path, "--out", tmp_path / "out")
    assert code == 0, err
    out = tables(tmp_path / "out")
    for table, column in SPANS:
        for row in out[table].itertuples():
            assert article.body[int(row.start) : int(row.end)] == getattr(row, column), (table, row)
    assert out["actors"].actor_id.is_unique and out["mentions"].mention_id.is_unique
    counts = out["mentions"].actor_id.value_counts()
    assert all(counts[a] == int(n) for a, n in zip(out["actors"].actor_id, out["actors"].mentions))
    sentence_ids = out["mentions"].sentence_id.astype(int)
    assert sentence_ids.is_monotonic_increasing and sentence_ids.max() > 300


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


@pytest.fixture
def previous(tmp_path):
    """An output folder holding the tables of an earlier run (marked) and a file of the user's."""
    out = tmp_path / "out"
    out.mkdir()
    for name in TABLES:
        (out / f"{name}.csv").write_text(f"old {name}\n")
    (out / "notes.txt").write_text("mine")
    return out


def _snapshot(folder):
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fail_at", [1, 3, 6])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk-full", "ctrl-c"])
def test_failure_while_moving_tables_in_leaves_the_previous_ones(previous, monkeypatch, fail_at, error):
    before = _snapshot(previous)
    frames = {name: pd.DataFrame({"a": [1]}) for name in TABLES}
    real, calls = os.replace, []

    def flaky(src, dst):
        if "old" not in str(dst):  # a new table moving into place
            calls.append(dst)
            if len(calls) == fail_at:
                raise error
        return real(src, dst)

    monkeypatch.setattr(cli.os, "replace", flaky)
    with pytest.raises(ParleyError if isinstance(error, OSError) else KeyboardInterrupt) as info:
        cli.write_tables(frames, previous)
    if isinstance(error, OSError):
        assert str(info.value) == f"cannot write to {previous}: No space left on device"
    assert _snapshot(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["out"]  # no temporary folder left


def test_failure_while_writing_a_table_leaves_the_previous_ones(previous, monkeypatch):
    before = _snapshot(previous)
    frames = {name: pd.DataFrame({"a": [1]}) for name in TABLES}
    real = cli._write_table

    def fail_on_events(frame, path, fmt):
        if path.stem == "events":
            raise OSError(5, "Input/output error")
        return real(frame, path, fmt)

    monkeypatch.setattr(cli, "_write_table", fail_on_events)
    with pytest.raises(ParleyError, match="Input/output error"):
        cli.write_tables(frames, previous)
    assert _snapshot(previous) == before
    fresh = previous.parent / "fresh"
    with pytest.raises(ParleyError):
        cli.write_tables(frames, fresh)
    assert not fresh.exists()  # a new folder is not left behind, empty or half full


def test_a_successful_write_replaces_the_tables_and_keeps_other_files(previous):
    cli.write_tables({name: pd.DataFrame({"a": [1]}) for name in TABLES}, previous)
    after = _snapshot(previous)
    assert after.pop("notes.txt") == "mine"
    assert after == {f"{name}.csv": "a\n1\n" for name in TABLES}
    assert sorted(p.name for p in previous.parent.iterdir()) == ["out"]


def test_an_internal_error_is_one_line_exit_1(tmp_path, capsys, monkeypatch):
    import parley.pipeline

    def broken(article):
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
