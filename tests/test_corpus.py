"""parley.corpus: batch over a small corpus equals per-article analyze; Dask equals local;
bad files are reported; the same call from several outlets is one merged contact."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from parley.schema import TABLES
from parley.corpus import (CorpusResult, analyze_corpus, articles, batch, merge_actors, merge_contacts,
                           merge_mentions)
from parley.errors import ParleyError

CORPUS = Path(__file__).resolve().parent / "corpus"
CALL = "2023-03-05-baltic-wire-ministers-call"
CALL_2 = "2023-03-06-nordic-daily-tamm-virtanen-talks"
CALL_3 = "2023-03-07-gulf-courier-ferry-fees-call"


@pytest.fixture(scope="module")
def paths():
    return articles(CORPUS)


@pytest.fixture(scope="module")
def expected(paths, nlp):
    """Every table of every article from per-article ``analyze``, with ``article_id`` first."""
    from parley import analyze, read_article

    tables = {name: [] for name in (*TABLES, "sentences")}
    for path in paths:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = analyze(read_article(path))
        for name in tables:
            frame = getattr(result, name).copy()
            frame.insert(0, "article_id", result.article.slug)
            tables[name].append(frame)
    return {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()}


@pytest.fixture(scope="module")
def local(paths, nlp):
    return {jobs: batch(paths, jobs=jobs, progress=False) for jobs in (1, 2)}


def test_articles_of_a_folder_and_a_glob(paths):
    assert len(paths) == 7
    assert all(p.suffix == ".md" and p.name != "README.md" for p in paths)
    assert paths == sorted(paths)
    assert articles(str(CORPUS / "2023-03-*.md")) == paths[:3]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("table", [*TABLES, "sentences"])
def test_batch_equals_per_article_analyze(local, expected, jobs, table):
    got = getattr(local[jobs], table)
    assert list(got.columns)[0] == "article_id"
    pd.testing.assert_frame_equal(got, expected[table])


def test_articles_table(local, paths):
    arts = local[1].articles
    assert list(arts.columns[:6]) == ["article_id", "title", "publisher", "published", "path", "sha256"]
    assert list(arts["article_id"]) == [p.stem for p in paths]
    assert arts.loc[0, "publisher"] == "Baltic Wire" and arts.loc[0, "published"] == "2023-03-05"
    assert all(len(h) == 64 for h in arts["sha256"])
    assert not local[1].failures and not local[2].failures


def test_dask_local_cluster_equals_single_process(paths, local):
    pytest.importorskip("dask.distributed")
    got = batch(paths, jobs=2, engine="dask", progress=False)
    assert not got.failures
    for name, frame in local[1].tables().items():
        pd.testing.assert_frame_equal(getattr(got, name), frame)


def test_a_bad_file_is_reported_and_the_rest_processed(tmp_path, paths, nlp):
    for path in paths[:2]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "2023-03-05-empty.md").write_text("")
    (tmp_path / "2023-03-05-zz-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = batch(articles(tmp_path), progress=False)
    assert [Path(p).name for p, _ in result.failures] == ["2023-03-05-empty.md", "2023-03-05-zz-binary.txt"]
    assert "is empty" in result.failures[0][1] and "binary" in result.failures[1][1]
    assert list(result.articles["article_id"]) == [p.stem for p in paths[:2]]
    assert set(result.contacts["article_id"]) == {p.stem for p in paths[:2]}


def test_write_csv_and_parquet(local, tmp_path):
    written = local[1].write(tmp_path / "csv", "csv")
    assert sorted(p.name for p in written) == sorted(f"{n}.csv" for n in ["articles", *TABLES])
    back = pd.read_csv(tmp_path / "csv" / "contacts.csv", dtype=str, keep_default_na=False)
    assert list(back["contact_id"]) == list(local[1].contacts["contact_id"])
    local[1].write(tmp_path / "pq", "parquet")
    ids = list(local[1].articles["article_id"])
    assert sorted(p.name for p in (tmp_path / "pq" / "quotes.parquet").iterdir()) == [f"{a}.parquet" for a in ids]
    for name in TABLES:  # one partition per article, read back whole as the table
        back = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        pd.testing.assert_frame_equal(back, getattr(local[1], name))
    first = pd.read_parquet(tmp_path / "pq" / "events.parquet" / f"{ids[0]}.parquet")
    assert set(first["article_id"]) == {ids[0]} and len(first) == (local[1].events["article_id"] == ids[0]).sum()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_merge_contacts_one_call_three_outlets(local):
    merged = merge_contacts(local[1])
    call = merged[merged["date_start"] == "2023-03-04"]
    assert len(call) == 1
    row = call.iloc[0]
    assert (row["channel"], row["participant_ids"], row["countries"], row["date_end"]) == (
        "phone", "elina-virtanen|margus-tamm", "EST|FIN", "2023-03-04")
    assert row["articles"] == f"{CALL}|{CALL_2}|{CALL_3}"
    assert row["n_articles"] == 3
    # the June call is another call between the same ministers: not merged with March's
    assert list(merged[merged["channel"] == "phone"]["date_start"]) == ["2023-03-04", "2023-06-02"]
    # every report's sentences stay reachable, qualified by article
    firsts = [ids.split("|")[0] for ids in row["sentence_ids"].split(f"|{CALL_2}:")[0:1]]
    assert firsts == [f"{CALL}:0"]
    reports = {key.split(":")[0] for key in row["event_ids"].split("|")}
    assert reports == {CALL, CALL_2, CALL_3}
    for key in row["sentence_ids"].split("|"):
        article, sentence = key.split(":")
        assert sentence in set(local[1].contacts.query("article_id == @article")["sentence_ids"].str.split("|").sum())


def test_merge_mentions_takes_the_merged_ids(local):
    mentions = merge_mentions(local[1])
    merged = set(merge_actors(local[1])["actor_id"])
    assert len(mentions) == len(local[1].mentions) and set(mentions["actor_id"]) <= merged
    assert list(mentions.columns) == list(local[1].mentions.columns)


def test_analyze_corpus_refuses_a_bad_file_and_overrides_the_date(tmp_path, paths, nlp):
    shutil.copy(paths[0], tmp_path / paths[0].name)
    (tmp_path / "empty.md").write_text(" \n")
    with pytest.raises(ParleyError, match="empty.md.*empty"):
        analyze_corpus(tmp_path)
    (tmp_path / "empty.md").unlink()
    body = paths[0].read_text().split("---\n", 2)[2]
    (tmp_path / "undated.md").write_text(body)  # no front matter: the date comes from the caller
    with pytest.raises(ParleyError, match="2021-13-45"):
        analyze_corpus(tmp_path, published="2021-13-45")
    got = analyze_corpus(tmp_path, published="2023-03-05")
    assert list(got.articles["published"]) == ["2023-03-05", "2023-03-05"]
    calls = got.contacts[got.contacts["channel"] == "phone"]
    assert list(calls["date_start"]) == ["2023-03-04", "2023-03-04"]  # "on Saturday", against the given date
    with pytest.raises(ParleyError, match="no such folder or file"):
        analyze_corpus(tmp_path / "missing")


# ---- the merge rules on hand-made tables


def _corpus(actors: list[tuple], contacts: list[tuple]) -> CorpusResult:
    acols = ["article_id", "actor_id", "name", "kind", "country", "role", "aliases", "mentions"]
    ccols = ["article_id", "contact_id", "channel", "participant_ids", "countries", "date_start", "date_end",
             "location", "modality", "event_ids", "sentence_ids"]
    ids = list(dict.fromkeys([a[0] for a in actors] + [c[0] for c in contacts]))
    empty = pd.DataFrame()
    return CorpusResult(articles=pd.DataFrame({"article_id": ids}), actors=pd.DataFrame(actors, columns=acols),
                        mentions=empty, timexes=empty, events=empty,
                        contacts=pd.DataFrame(contacts, columns=ccols), quotes=empty, sentences=empty)


PEOPLE = [
    ("a", "sergei-lavrov", "Sergei Lavrov", "person", "RUS", "Foreign Minister", "Lavrov|his Russian counterpart", 3),
    ("a", "wang-yi", "Wang Yi", "person", "CHN", "Foreign Minister", "Wang", 2),
    ("b", "lavrov", "Lavrov", "person", "RUS", "", "", 1),
    ("b", "wang-yi", "Wang Yi", "person", "CHN", "", "", 1),
    ("c", "wang", "Wang", "person", "CHN", "", "", 1),
    ("c", "wang-wenbin", "Wang Wenbin", "person", "CHN", "Spokesman", "Wang", 1),
    ("c", "russia", "Russia", "country", "RUS", "", "Russian", 4),
]


def test_merge_actors_by_id_and_unambiguous_alias():
    merged = merge_actors(_corpus(PEOPLE, []))
    rows = {r.actor_id: r for r in merged.itertuples(index=False)}
    assert set(rows) == {"sergei-lavrov", "wang-yi", "wang", "wang-wenbin", "russia"}
    assert (rows["sergei-lavrov"].actor_ids, rows["sergei-lavrov"].articles, rows["sergei-lavrov"].mentions) == (
        "sergei-lavrov|lavrov", "a|b", 4)
    assert rows["sergei-lavrov"].role == "Foreign Minister"
    assert (rows["wang-yi"].articles, rows["wang-yi"].n_articles) == ("a|b", 2)
    assert rows["wang"].actor_ids == "wang"  # "Wang" is an alias of two people: left alone


def _contact(article, cid, participants, start, end, channel="phone", modality="asserted", countries="CHN|RUS"):
    return (article, cid, channel, participants, countries, start, end, "", modality, "e1", "0")


@pytest.mark.parametrize(("b_contact", "merged"), [
    (_contact("b", "c1", "lavrov|wang-yi", "2021-03-01", "2021-03-07"), True),  # alias + overlapping week
    (_contact("b", "c1", "russia|china", "2021-03-02", "2021-03-02"), True),  # no people named: countries decide
    (_contact("b", "c1", "lavrov|wang-yi", "2021-03-03", "2021-03-03"), False),  # another day
    (_contact("b", "c1", "lavrov|wang-yi", "", ""), False),  # undated: nothing says it is the same
    (_contact("b", "c1", "lavrov|wang-yi", "2021-03-02", "2021-03-02", channel="meeting"), False),
    (_contact("b", "c1", "lavrov|wang-yi", "2021-03-02", "2021-03-02", modality="negated"), False),
    (_contact("b", "c1", "lavrov|wang-yi", "2021-03-02", "2021-03-02", modality="planned"), True),
    (_contact("c", "c1", "russia|wang-wenbin", "2021-03-02", "2021-03-02"), False),  # another Chinese official
    (_contact("a", "c2", "sergei-lavrov|wang-yi", "2021-03-02", "2021-03-02"), False),  # same article: distinct
])
def test_merge_contacts_rule(b_contact, merged):
    a_contact = _contact("a", "c1", "sergei-lavrov|wang-yi", "2021-03-02", "2021-03-02")
    result = merge_contacts(_corpus(PEOPLE, [a_contact, b_contact]))
    assert len(result) == (1 if merged else 2)
    if merged:
        row = result.iloc[0]
        assert row["articles"] == f"a|{b_contact[0]}" and row["date_start"] == row["date_end"] == "2021-03-02"
        assert row["modality"] == "asserted"
        assert row["participant_ids"].startswith("sergei-lavrov|wang-yi")


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_text_two_publication_dates(tmp_path, nlp, jobs):
    """The same wire text republished on another day resolves its dates against its own date."""
    from parley import analyze, read_article

    body = (CORPUS / f"{CALL}.md").read_text().split("---\n", 2)[2]
    for day in ("05", "12"):
        (tmp_path / f"2023-03-{day}-wire.md").write_text(f"---\npublished: 2023-03-{day}\n---\n{body}")
    got = batch(articles(tmp_path), jobs=jobs, progress=False)
    for path in articles(tmp_path):
        want = analyze(read_article(path)).timexes
        have = got.timexes[got.timexes["article_id"] == path.stem].drop(columns="article_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(have, want)
    assert list(got.contacts[got.contacts["channel"] == "phone"]["date_start"]) == ["2023-03-04", "2023-03-11"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_long_article_is_analysed_in_chunks_among_the_others(tmp_path, paths, nlp, monkeypatch, jobs):
    """An article longer than a chunk goes to ``analyze`` (parsed in chunks), the rest to nlp.pipe;
    the rows come out in article order, as analyze gives them."""
    import parley.pipeline
    from parley import analyze, read_article

    monkeypatch.setattr(parley.pipeline, "CHUNK_CHARS", 1500)
    shutil.copy(paths[0], tmp_path / paths[0].name)
    body = paths[1].read_text().split("---\n", 2)[2]
    (tmp_path / "2023-03-05-long.md").write_text("---\npublished: 2023-03-06\n---\n" + "\n\n".join([body.strip()] * 4))
    shutil.copy(paths[2], tmp_path / paths[2].name)
    got = batch(articles(tmp_path), jobs=jobs, progress=False)
    assert list(got.articles["article_id"]) == [paths[0].stem, "2023-03-05-long", paths[2].stem]
    long = analyze(read_article(tmp_path / "2023-03-05-long.md"))
    assert len(long.sentences) == 4 * len(analyze(read_article(paths[1])).sentences)
    for path in articles(tmp_path):
        want = analyze(read_article(path))
        for name in (*TABLES, "sentences"):
            have = getattr(got, name)
            have = have[have["article_id"] == path.stem].drop(columns="article_id").reset_index(drop=True)
            pd.testing.assert_frame_equal(have, getattr(want, name))
