"""parley.report's landing page: each report's figures, top pairs and contacts per month, then its links."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from parley import report

ARTICLES = pd.DataFrame({
    "article_id": ["a", "b", "c"], "title": ["Ministers <b>talk</b>", "", "Envoy summoned"],
    "published": ["2023-03-05", "2023-05-20", ""],
})
ACTORS = pd.DataFrame({"actor_id": ["est", "fin", "swe", "tamm", "virtanen"]})
EVENTS = pd.DataFrame({
    "date_start": ["2023-03-04", "", "2020-01-01", "2023-05-19"], "date_end": ["2023-03-04", "", "2020-12-31", "2023-05-19"],
})
CONTACTS = pd.DataFrame({
    "contact_id": ["k1", "k2", "k3", "k4", "k5", "k6"],
    "channel": ["phone", "meeting", "summons", "phone", "phone", "meeting"],
    "countries": ["EST|FIN", "EST|FIN", "EST|FIN", "FIN|SWE", "EST|FIN|SWE", "FIN"],
    "date_start": ["2023-03-04", "2023-03-20", "2023-05-19", "2023-05-02", "", "2023-06-01"],
    "modality": ["asserted"] * 6,
})


def test_summary_counts_spans_top_pairs_and_months():
    s = report.summary(articles=ARTICLES, actors=ACTORS, events=EVENTS, contacts=CONTACTS)
    assert (s.actors, s.events, s.contacts, s.undated) == (5, 4, 6, 1)
    assert s.articles == [("Ministers <b>talk</b>", "2023-03-05"), ("b", "2023-05-20"), ("Envoy summoned", "")]
    assert s.published == ("2023-03-05", "2023-05-20")
    assert s.dated == ("2020-01-01", "2023-05-19")
    # a contact of three countries counts for each of its pairs; one of one country for none
    assert s.top_pairs == [("EST–FIN", 4), ("FIN–SWE", 2), ("EST–SWE", 1)]
    assert s.months == [("2023-03", 2), ("2023-04", 0), ("2023-05", 2), ("2023-06", 1)]  # April's gap shows


def test_months_of_a_long_span_are_only_those_with_contacts():
    assert report.monthly_counts(["1990-01", "2021-10", "2021-10"]) == [("1990-01", 1), ("2021-10", 2)]
    assert report.monthly_counts([]) == []


def test_month_chart_is_an_inline_svg_with_a_bar_per_month():
    svg = report.month_chart([("2023-03", 2), ("2023-04", 0), ("2023-05", 1)])
    assert svg.startswith("<svg") and "<script" not in svg
    assert svg.count("<rect") == 3
    assert "<title>2023-03: 2 contacts</title>" in svg and "<title>2023-05: 1 contact</title>" in svg
    assert 'aria-label="Contacts per month: 3 dated contacts, 2023-03 to 2023-05"' in svg
    assert report.month_chart([]) == '<p class="none">No dated contacts.</p>'


def test_index_page_sums_up_each_report_above_its_links(tmp_path):
    pages = [tmp_path / "corpus" / f"{n}.html" for n in ("01-actors", "02-truck-dispute-chronology", "03-contact-frequency")]
    s = report.summary(articles=ARTICLES, actors=ACTORS, events=EVENTS, contacts=CONTACTS)
    reports = {"corpus": report.Report("corpus/: a corpus of 3 articles", pages, s, main="03-contact-frequency"),
               "old": [tmp_path / "x" / "01-actors.html"]}  # a bare list of pages, as index() took before
    page = report.index(reports, tmp_path).read_text(encoding="utf-8")
    assert page.count("<section>") == 2
    assert "<h2>corpus/: a corpus of 3 articles</h2>" in page
    assert "<li><b>3</b>articles</li><li><b>5</b>actors</li><li><b>4</b>events</li><li><b>6</b>distinct contacts</li>" in page
    assert "published 2023-03-05 – 2023-05-20; events dated 2020-01-01 – 2023-05-19" in page
    assert ("<ol><li>Estonia – Finland <span class='date'>(EST–FIN)</span>: 4 contacts</li>"
            "<li>Finland – Sweden <span class='date'>(FIN–SWE)</span>: 2 contacts</li>"
            "<li>Estonia – Sweden <span class='date'>(EST–SWE)</span>: 1 contact</li></ol>") in page
    assert "and 1 undated" in page and page.count("<svg") == 1
    assert "Ministers &lt;b&gt;talk&lt;/b&gt;" in page and "<b>talk" not in page  # titles are text
    # the links come after the summary, named for what they show, the main view marked
    assert page.index("Top pairs by contacts") < page.index('href="corpus/01-actors.html"')
    assert '<a href="corpus/01-actors.html">Actors</a>' in page
    assert '<li class=main><a href="corpus/03-contact-frequency.html">Contact frequency (main view)</a>' in page
    assert '<a href="x/01-actors.html">Actors</a>' in page
    assert "<script" not in page and "http" not in page  # nothing to load: opens offline


def test_render_runs_a_notebook_quietly(tmp_path, capfd):
    """A kernel over IPC: no "running over TCP without encryption" warning for each notebook."""
    import nbformat

    cell = nbformat.v4.new_code_cell('articles = ""\nrenderer = ""')
    cell.metadata["tags"] = ["parameters"]
    notebook = tmp_path / "01-echo.ipynb"
    nb = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_code_cell("print(articles.endswith('seeds'), renderer)")])
    nb.metadata["kernelspec"] = {"name": "parley", "display_name": "parley", "language": "python"}
    nbformat.write(nb, notebook)
    page = report.render(notebook, Path("seeds"), tmp_path / "out", kernel="parley")
    assert page == tmp_path / "out" / "01-echo.html"
    assert "True notebook" in page.read_text(encoding="utf-8")
    err = capfd.readouterr().err
    assert "without encryption" not in err and "WARNING" not in err, err
