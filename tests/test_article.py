"""The article reader: front matter, paragraphs, dateline, footer, and every bad input."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.article import article_from_text, paragraphs, read_article
from parley.errors import ParleyError

from conftest import SEED

FRONT = "---\ntitle: T\npublished: 2021-10-24\n---\n"


def test_seed_front_matter_and_body():
    article = read_article(SEED)
    assert article.meta["title"] == "Iranian, Azerbaijani FMs hold phone talks"
    assert article.published == dt.date(2021, 10, 24)
    assert article.body.startswith("TEHRAN – Iranian and Azerbaijani foreign ministers")
    assert len(article.body) == 6932


def test_seed_paragraphs_split_at_runs_of_spaces():
    article = read_article(SEED)
    assert len(article.paragraphs) == 10
    assert article.paragraphs[1].text.startswith("But these tensions now seem to be fading away")
    for p in article.paragraphs:
        assert article.body[p.start : p.end] == p.text


def test_seed_dateline_and_footer_are_kept_out():
    article = read_article(SEED)
    assert article.dateline.text == "TEHRAN –"
    assert article.text_start == 8
    assert article.footer.text.startswith("All Content by Mehr News Agency is licensed under a Creative Commons")
    assert article.text_end == article.footer.start == 6825


@pytest.mark.parametrize(
    "body, expected",
    [
        ("One.\n\nTwo.\n\n\nThree.", ["One.", "Two.", "Three."]),
        ("One.  Two.\u00a0 Three.", ["One.", "Two.", "Three."]),
        ("One line\nstill one.", ["One line\nstill one."]),
        ("  Lead.  ", ["Lead."]),
    ],
)
def test_paragraphs(body, expected):
    assert [p.text for p in paragraphs(body)] == expected


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("TEHRAN – Iran said.", "TEHRAN –"),
        ("BEIJING, Jan. 23 (Xinhua) -- China said.", "BEIJING, Jan. 23 (Xinhua) --"),
        ("WASHINGTON (Reuters) - The US said.", "WASHINGTON (Reuters) -"),
        ("NEW DELHI — India said.", "NEW DELHI —"),
        ("Iran said on Monday - and meant it.", None),
    ],
)
def test_dateline(opening, dateline):
    article = article_from_text(FRONT + opening)
    assert (article.dateline.text if article.dateline else None) == dateline


def test_published_override_and_no_date_warning():
    assert article_from_text(FRONT + "Text.", published="2020-01-02").published == dt.date(2020, 1, 2)
    with pytest.warns(UserWarning, match="no publication date"):
        article = article_from_text("Just text.")
    assert article.published is None and article.meta == {}


def test_cp1252_falls_back_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("He said \u201cno\u201d.".encode("cp1252"))
    with pytest.warns(UserWarning, match="not valid UTF-8"):
        article = read_article(path, published="2021-01-01")
    assert article.body == "He said \u201cno\u201d."


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + FRONT + "Body.").encode("utf-16-le"))
    assert read_article(path).body == "Body."


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"---\ntitle: [unclosed\n---\nBody.", "front matter is not valid YAML"),
        (b"---\ntitle: T\nBody without a closing line.", "never closed"),
        (b"---\n- a\n- b\n---\nBody.", "must be 'key: value' lines"),
        (b"---\ntitle: T\n---\n   \n", "no article text"),
        (b"---\npublished: 2021-13-45\n---\nBody.", "'2021-13-45' is not a date"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(ParleyError, match=message) as info:
        read_article(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ParleyError, match="no such file"):
        read_article(tmp_path / "nope.md")
    with pytest.raises(ParleyError, match="is a folder"):
        read_article(tmp_path)


def test_bad_published_override():
    with pytest.raises(ParleyError, match="--published '2021-13-45' is not a date"):
        article_from_text(FRONT + "Body.", published="2021-13-45")
