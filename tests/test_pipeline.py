"""The pipeline: analyze() over the stages, and long articles analysed in chunks."""
from __future__ import annotations


from parley.article import article_from_text, read_article

from conftest import SEED
from conftest import read_tables as tables
from conftest import run_cli as run

FRONT = "---\ntitle: T\npublished: 2021-10-24\n---\n"


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
    # each actor once, its mentions summed over the chunks: four times one copy's ("Rezaei told
    # him": an object pronoun is Demir, never its own clause's subject)
    assert list(zip(result.actors.actor_id, result.actors.mentions)) == [
        ("iran", 4), ("ali-rezaei", 12), ("turkey", 4), ("mehmet-demir", 12), ("azerbaijan", 4), ("ankara", 4)]
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
