"""The command line: the six tables with the contract's columns, errors as one line, exit 2."""
from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from parley.schema import COLUMNS, TABLES

from conftest import ROOT, SEED


def extract(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    return subprocess.run(
        [sys.executable, "-m", "parley", "extract", *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd
    )


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "out"
    run = extract(SEED, "--out", out)
    assert run.returncode == 0, run.stderr
    return out


def test_writes_six_tables_with_the_contract_columns(seed_out):
    assert sorted(p.name for p in seed_out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    for table in TABLES:
        frame = pd.read_csv(seed_out / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == COLUMNS[table]


def test_offsets_point_at_the_text(seed_out):
    from parley import read_article

    body = read_article(SEED).body
    for table, column in [("mentions", "text"), ("timexes", "text"), ("events", "trigger"), ("quotes", "quote")]:
        frame = pd.read_csv(seed_out / f"{table}.csv", dtype={"start": int, "end": int}, keep_default_na=False)
        assert len(frame) > 0, table
        for row in frame.itertuples():
            assert body[row.start : row.end] == str(getattr(row, column)), (table, row)


def test_same_input_same_output_byte_for_byte(seed_out, tmp_path):
    again = tmp_path / "again"
    assert extract(SEED, "--out", again).returncode == 0
    for table in TABLES:
        assert (again / f"{table}.csv").read_bytes() == (seed_out / f"{table}.csv").read_bytes()


def test_checks_the_contract_without_importing_pandera(tmp_path):
    # pandera and the hypothesis it imports cost the command line half a second; it needs them
    # only to report a broken table
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "parley", "extract", str(SEED), "--out",
                          str(tmp_path / "out")], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines() if "|" in line}
    assert "parley" in imported and not imported & {"pandera", "hypothesis"}


def test_a_table_that_breaks_the_contract_is_an_error_and_nothing_is_written(tmp_path, capsys, monkeypatch):
    from parley import cli, pipeline
    from parley.tables import column_types

    def broken(article, **options):
        tables = {name: pd.DataFrame([], columns=COLUMNS[name]).astype(column_types(name))
                  for name in TABLES}
        actor = {"actor_id": "iran", "name": "Iran", "kind": "politician", "country": "IRN", "role": "",
                 "aliases": "", "mentions": 1}
        tables["actors"] = pd.DataFrame([actor], columns=COLUMNS["actors"]).astype(column_types("actors"))
        return pipeline.Result(article=article, **tables, sentences=pd.DataFrame())

    monkeypatch.setattr(pipeline, "analyze", broken)
    assert cli.main(["extract", str(SEED), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parley: internal error: SchemaError") and "isin" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "content, extra, message",
    [
        (None, [], "no such file"),
        (b"", [], "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", [], "binary file"),
        (b"---\ntitle: [x\n---\nText.", [], "front matter is not valid YAML"),
        (b"Text.", ["--published", "2021-13-45"], "--published '2021-13-45' is not a date"),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path, content, extra, message):
    path = tmp_path / "a.md"
    if content is not None:
        path.write_bytes(content)
    run = extract(path, "--out", tmp_path / "out", *extra)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and message in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_output_folder_that_is_a_file(tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    run = extract(SEED, "--out", target)
    assert run.returncode == 2 and "is a file, not a folder" in run.stderr
    assert target.read_text() == "x"


def test_no_date_warns_and_leaves_relative_dates_unresolved(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Iran's Foreign Minister Ali Rezaei called his Turkish counterpart on Saturday.", encoding="utf-8")
    run = extract(path, "--out", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert "no publication date" in run.stderr
    timexes = pd.read_csv(tmp_path / "out" / "timexes.csv", dtype=str, keep_default_na=False)
    assert list(timexes["text"]) == ["Saturday"]
    assert list(timexes["date_start"]) == [""]


def test_batch_reports_a_bad_file_processes_the_rest_and_exits_2(tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "corpus", corpus)
    (corpus / "broken.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}
    run = subprocess.run(
        [sys.executable, "-m", "parley", "batch", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "2"],
        capture_output=True, text=True, env=env,
    )
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == f"parley: error: {corpus / 'broken.md'} looks like a binary file, not text: give a UTF-8 text file"
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert len(articles) == 7 and "broken" not in " ".join(articles["path"])
    for table in TABLES:
        frame = pd.read_csv(tmp_path / "out" / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == ["article_id", *COLUMNS[table]]


def test_batch_published_dates_the_articles_whose_front_matter_has_no_date(tmp_path, capsys):
    from conftest import run_cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    call = "Turkey's Foreign Minister Ali Demir called his Greek counterpart on Saturday.\n"
    (corpus / "dated.md").write_text("---\ntitle: Dated\npublished: 2020-05-04\n---\n" + call, encoding="utf-8")
    (corpus / "undated.txt").write_text(call, encoding="utf-8")
    code, err = run_cli(capsys, "batch", corpus, "--published", "2021-10-24", "--out", tmp_path / "out")
    assert code == 0, err
    assert "warning" not in err  # no article is left undated, so none is told to pass --published
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert list(zip(articles.article_id, articles.published)) == [("dated", "2020-05-04"), ("undated", "2021-10-24")]
    timexes = pd.read_csv(tmp_path / "out" / "timexes.csv", dtype=str, keep_default_na=False)
    assert list(zip(timexes.article_id, timexes.value)) == [("dated", "2020-05-02"), ("undated", "2021-10-23")]


def test_batch_with_a_bad_published_date_is_one_error(tmp_path, capsys):
    from conftest import run_cli

    code, err = run_cli(capsys, "batch", ROOT / "tests" / "corpus", "--published", "24/10/2021", "--out",
                        tmp_path / "out")
    assert code == 2 and err.count("\n") == 1 and err.startswith("parley: error: --published"), err


def test_format_xlsx_writes_one_workbook_with_no_formula_cell(tmp_path, capsys):
    import openpyxl

    from conftest import run_cli

    article = tmp_path / "inject.md"
    article.write_text('---\ntitle: "=HYPERLINK(\\"http://x\\",\\"y\\")"\npublished: 2021-10-24\n---\n'
                       "Turkey's Foreign Minister Ali Demir said: \"=cmd|' /C calc'!A0 is what they sent us.\"\n",
                       encoding="utf-8")
    code, err = run_cli(capsys, "batch", article, "--out", tmp_path / "out", "--format", "xlsx")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["tables.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "out" / "tables.xlsx")
    assert book.sheetnames == ["articles", "actors", "mentions", "timexes", "events", "contacts", "quotes"]
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert book["articles"]["B2"].value == '=HYPERLINK("http://x","y")'
    assert book["quotes"]["I2"].value == "=cmd|' /C calc'!A0 is what they sent us."


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_a_folder_that_is_not_a_dictionary_set_is_one_error(tmp_path, capsys, command):
    from conftest import run_cli

    (tmp_path / "dicts").mkdir()
    (tmp_path / "dicts" / "notes.txt").write_text("not a dictionary", encoding="utf-8")
    code, err = run_cli(capsys, command, SEED, "--dictionaries", tmp_path / "dicts", "--out", tmp_path / "out")
    assert code == 2 and err.count("\n") == 1, err
    assert err.startswith(f"parley: error: dictionaries {tmp_path / 'dicts'}: ") and "verb file" in err, err
    assert not (tmp_path / "out").exists()


def test_another_dictionary_set_codes_the_events(tmp_path, capsys):
    from conftest import VALIDATION, run_cli

    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2021-10-24\n---\nIran adopted the program on Saturday.\n", encoding="utf-8")
    found = {}
    for name, extra in (("phoenix", []), ("validation", ["--dictionaries", VALIDATION])):
        code, err = run_cli(capsys, "extract", article, *extra, "--out", tmp_path / name)
        assert code == 0, err
        events = pd.read_csv(tmp_path / name / "events.csv", dtype=str, keep_default_na=False)
        found[name] = list(zip(events.trigger, events.cameo_code))
    # PETRARCH's validation verbs code "ADOPT ... PROGRAM" as aid (073); the Phoenix set codes nothing
    assert found == {"phoenix": [], "validation": [("adopted", "073")]}
