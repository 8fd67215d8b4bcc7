"""The article reader: front matter, paragraphs, dateline, footer, and every bad input."""
from __future__ import annotations

import datetime as dt
import warnings

import pytest

from parley.article import article_from_text, paragraphs, read_article
from parley.errors import ParleyError

from conftest import ROOT, SEED

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
        # an agency's place in title case, before a spaced dash
        ("Brasília - The president of Argentina is in Brazil.", "Brasília -"),
        ("New York – During his visit, the minister met others.", "New York –"),
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


# ---- saved web pages: trafilatura's main text, htmldate's date, nothing executed or fetched

PAGES = ROOT / "tests" / "pages"


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("parley tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def page(name: str):
    with pytest.warns(UserWarning, match="is an HTML page: analysed its main text"):
        return read_article(PAGES / name)


def assert_paragraphs_index_the_body(article):
    assert article.body == "\n\n".join(p.text for p in article.paragraphs)
    for p in article.paragraphs:
        assert article.body[p.start : p.end] == p.text


def test_page_story_without_nav_cookies_captions_related_or_comments(offline):
    article = page("jsonld-date-with-boilerplate.html")
    assert [p.text for p in article.paragraphs] == [
        "TEHRAN \u2013 Iran\u2019s Foreign Minister Ali Rezaei called his Turkish counterpart Mehmet Demir on Saturday, "
        "the foreign ministry said.",
        "The two ministers discussed the stalled trade talks and agreed that their deputies would meet in Ankara next week.",
        "\u201cWe want this border to be a bridge, not a wall,\u201d Rezaei told reporters after the call.",
    ]
    assert_paragraphs_index_the_body(article)
    assert article.meta == {
        "title": "Iran and Turkey agree to resume trade talks",  # not the <title>'s "| Gulf Courier", nor repeated in the body
        "author": "Sara Karimi",
        "url": "https://gulfcourier.example/world/iran-turkey-trade-talks",
        "published": "2021-10-24",  # from JSON-LD datePublished only, not dateModified
    }
    assert article.published == dt.date(2021, 10, 24)
    assert article.dateline.text == "TEHRAN \u2013"


def test_page_date_from_a_time_element_not_the_sidebar_or_masthead(offline):
    article = page("time-element-date.html")
    assert article.published == dt.date(2022, 3, 10)  # not the masthead's 11 March, nor "most read" 2021/2022 dates
    assert [p.text for p in article.paragraphs] == [
        "ATHENS \u2013 Greece summoned the Turkish ambassador, Ahmet Yilmaz, on Thursday to protest against what it "
        "called repeated violations of its airspace over the eastern Aegean islands.",
        "Foreign Minister Nikos Petrou said the flights were \u201cunacceptable\u201d and that Athens would raise the "
        "matter with its NATO allies.",
        "Talks planned",  # a subhead of the story is part of its text
        "The two countries\u2019 deputy foreign ministers are still expected to meet in Ankara later this month, "
        "a ministry official said.",
    ]
    assert article.meta["author"] == "Eleni Pappas"
    assert_paragraphs_index_the_body(article)


def test_page_date_only_in_its_canonical_url(offline):
    article = page("url-date.html")
    assert article.published == dt.date(2021, 8, 25)
    assert article.meta["url"] == "https://www.maghreb-daily.example/news/2021/08/25/algeria-recalls-ambassador/"
    assert [p.text for p in article.paragraphs] == [
        "ALGIERS \u2014 Algeria recalled its ambassador to Morocco on Tuesday and said it was cutting diplomatic "
        "relations with its neighbour, citing what it called hostile actions.",
        "Foreign Minister Ramtane Lamamra told a news conference that the decision took effect immediately, but that "
        "consulates in both countries would remain open.",
        "Morocco\u2019s foreign ministry said it regretted the decision and rejected its justifications as "
        "\u201ccompletely unfounded\u201d.",
    ]  # the comments ("This was expected for months.") are not the story


def test_page_date_only_in_its_og_url(offline):
    text = (PAGES / "url-date.html").read_text(encoding="utf-8").replace(
        '<link rel="canonical" href="https://www.maghreb-daily.example/news/2021/08/25/algeria-recalls-ambassador/">',
        '<meta property="og:url" content="https://www.maghreb-daily.example/world/2021/08/24/algeria-morocco.html">',
    )
    with pytest.warns(UserWarning, match="HTML page"):
        article = article_from_text(text)
    assert article.published == dt.date(2021, 8, 24)


def test_page_without_a_date_takes_none_from_related_stories(offline):
    text = (PAGES / "time-element-date.html").read_text(encoding="utf-8").replace(
        '<time datetime="2022-03-10T14:05:00+02:00" class="published">10 March 2022</time>', "")
    with pytest.warns(UserWarning) as caught:
        article = article_from_text(text)
    assert article.published is None and "published" not in article.meta
    assert any("has no publication date" in str(w.message) for w in caught)


def test_page_scripts_execute_nothing(offline, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where the page's script would write its file
    article = page("script.html")
    assert article.body == (
        "ANKARA \u2013 Turkish Foreign Minister Kemal Aydin spoke by phone on Tuesday with his Greek counterpart "
        "Nikos Petrou, the Turkish foreign ministry said.\n\nThe two ministers agreed to meet in Geneva later this month."
    )  # no "Injected paragraph", no <noscript> text
    assert article.published == dt.date(2022, 3, 10)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("markup", [
    "<!DOCTYPE html>",
    "<html>",
    "<!DOCTYPE html><html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><body><script>document.write('<p>A long paragraph written by a script at load time.</p>')</script></body></html>",
])
def test_page_without_article_text_is_one_clear_error(markup, offline):
    with pytest.raises(ParleyError, match="is an HTML page with no article text: save the article's text") as info:
        article_from_text(markup)
    assert "\n" not in str(info.value)


# ---- a plain text file that opens with its headline

STORY = "TEHRAN \u2013 Iran's Foreign Minister Ali Rezaei called his Turkish counterpart on Saturday."


@pytest.mark.parametrize("text, title, body", [
    (f"Iran and Turkey ministers hold phone talks\n\n{STORY}", "Iran and Turkey ministers hold phone talks", STORY),
    (f"  Iran, Turkey agree to talk \u2018soon\u2019 \r\n \r\n\r\n{STORY}\n\nMore.", "Iran, Turkey agree to talk \u2018soon\u2019",
     f"{STORY}\n\nMore."),
    (f"# Iran and Turkey talk again\n\n{STORY}", "Iran and Turkey talk again", STORY),  # a Markdown heading
    (f"Rezaei: \u201cWe will talk\u201d\n\n{STORY}", "Rezaei: \u201cWe will talk\u201d", STORY),
    # not headlines: a sentence, a dateline alone, a first line running on, one word, nothing after it
    (f"Iran's minister called his Turkish counterpart.\n\n{STORY}", "", None),
    (f"TEHRAN, Oct. 24 \u2013\n\n{STORY}", "", None),
    (f"Iran and Turkey ministers hold\nphone talks on Saturday\n\n{STORY}", "", None),
    (f"Update\n\n{STORY}", "", None),
    ("Iran and Turkey ministers hold phone talks\n\n", "", None),
    (f"Iran and Turkey ministers hold phone talks {STORY}", "", None),
])
def test_a_first_line_headline_is_the_title_not_the_body(text, title, body):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = article_from_text(text, published="2021-10-24")
    assert article.title == title
    assert article.body == (text if body is None else body)
    for p in article.paragraphs:
        assert article.body[p.start : p.end] == p.text


def test_front_matter_title_wins_over_a_headline_line():
    article = article_from_text(FRONT + f"Iran and Turkey ministers hold phone talks\n\n{STORY}")
    assert article.title == "T" and article.body.startswith("Iran and Turkey ministers")


def test_a_txt_file_with_a_headline(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(f"Iran and Turkey ministers hold phone talks\n\n{STORY}\n", encoding="utf-8")
    article = read_article(path, published="2021-10-24")
    assert article.meta == {"title": "Iran and Turkey ministers hold phone talks"}
    assert article.body == STORY + "\n" and article.dateline.text == "TEHRAN \u2013"


# ---- an agency's credit lines: kept in the text, kept out of the actors

AGENCY = ("07/03/2011 - 11h20\n\nMarta Quintela\nReporter - Radio Sul\n\nLima – The foreign ministers of Peru and "
          "Chile met on Monday.\n\nThey agreed to meet again.\n\nTranslation: Rui Pestana\n")


@pytest.mark.parametrize("body, header, credits, dateline, footer", [
    (AGENCY, "07/03/2011 - 11h20\n\nMarta Quintela\nReporter - Radio Sul", ["Marta Quintela"], "Lima –",
     "Translation: Rui Pestana"),
    ("Marta Quintela\nCorrespondent in Lima\n\nPeru and Chile met.\n\nEdition: Rui Pestana\nPhoto: Ana Souto",
     "Marta Quintela\nCorrespondent in Lima", ["Marta Quintela"], None, "Edition: Rui Pestana\nPhoto: Ana Souto"),
    ("By Tomas Wirth, Alpine Wire\n\nBERN – Swiss envoys met.\n\nThey agreed.", "By Tomas Wirth, Alpine Wire",
     ["Tomas Wirth"], "BERN –", None),
    ("BY TOMAS WIRTH\nBERN – Swiss envoys met.\nThey agreed.\nTranslator: Ines Vogt", "BY TOMAS WIRTH",
     ["TOMAS WIRTH"], "BERN –", "Translator: Ines Vogt"),
    # a reporter's line with the name on it; closing credits on lines of their own, after a licence
    ("Marta Quintela - Reporter da Radio Sul\n\nPeru and Chile met.\n\nEditor: Rui Pestana\n\n© Radio Sul",
     "Marta Quintela - Reporter da Radio Sul", ["Marta Quintela"], None, "Editor: Rui Pestana\n\n© Radio Sul"),
    ("Marta Quintela and Rui Pestana\nReporters - Radio Sul\n\nPeru and Chile met.", "Marta Quintela and Rui Pestana"
     "\nReporters - Radio Sul", ["Marta Quintela and Rui Pestana"], None, None),
    # not credits: a sentence opening with "By", a name with no reporter line, a credit that is all the text
    ("By Tuesday, the envoys had left.\n\nThey agreed.", None, [], None, None),
    ("Marta Quintela\n\nPeru and Chile met.", None, [], None, None),
    ("By Tomas Wirth", None, [], None, None),
    ("Translator: Ines Vogt", None, [], None, None),
])
def test_credit_lines_are_a_header_and_a_footer(body, header, credits, dateline, footer):
    article = article_from_text(FRONT + body)
    assert article.body == body  # nothing deleted: offsets index the text as written
    for part, expected in ((article.header, header), (article.dateline, dateline), (article.footer, footer)):
        assert (part.text if part else None) == expected
        if part:
            assert article.body[part.start:part.end] == part.text
    assert [c.text for c in article.credits] == credits
    assert all(article.body[c.start:c.end] == c.text for c in article.credits)


def test_a_byline_or_a_time_stamp_is_not_a_headline():
    for first in ("By Tomas Wirth, Alpine Wire", "07/03/2011 - 11h20"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = article_from_text(f"{first}\n\nPeru and Chile met in Lima.", published="2011-03-07")
        assert article.title == "" and article.body.startswith(first)


def test_credit_names_are_not_actors(nlp):
    from parley import analyze

    result = analyze(article_from_text("---\ntitle: T\npublished: 2011-03-07\n---\n" + AGENCY))
    assert list(result.actors.name) == ["Peru", "Chile"]  # no credited name, as a person or anything else
    stamp = result.timexes.iloc[0]
    assert (stamp.text, stamp.type, stamp.value) == ("07/03/2011 - 11h20", "TIME", "2011-03-07T11:20")
