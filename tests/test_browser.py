"""The HTML reports in a real browser: every figure renders, no script error, article markup inert.

Needs Debian's chromium (`apt-get install chromium`; .ci/run installs it). The reports are
built from a small article whose text carries `<script>` and `<img onerror>` markup.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HOSTILE = """---
title: Ministers <script>alert('title')</script> talk
published: 2022-03-10
---
ANKARA – Turkish Foreign Minister Kemal Aydin spoke by phone on Tuesday with his Greek counterpart Nikos Petrou, \
the Turkish foreign ministry said. <script>alert('body')</script> The two ministers agreed to meet in Geneva later \
this month. <img src=x onerror="alert('img')"> Earlier this month, Greece summoned the Turkish ambassador, Ahmet Yilmaz, \
to protest against a flight over its islands.
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    assert CHROMIUM, "the browser test needs Chromium: apt-get install chromium"
    from parley.report import main

    seeds = tmp_path_factory.mktemp("seeds")
    for seed in sorted((ROOT / "seeds").glob("*.md")):  # papermill over every seed article, as make report does
        shutil.copy(seed, seeds / seed.name)
    (seeds / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("reports")
    assert main(["--seeds", str(seeds), "--corpus", str(ROOT / "tests" / "corpus"), "--notebooks", str(ROOT / "notebooks"),
                 "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


RENDERED = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => ({
    traces: (el._fullData || []).length,
    marks: el.querySelectorAll('g.trace, .point, image').length,
    title: ((el.layout || {}).title || {}).text || '',
}))"""


LANDING = """() => ({
    sections: document.querySelectorAll('section').length,
    charts: document.querySelectorAll('section svg.chart').length,
    no_chart: document.querySelectorAll('section p.none').length,
    figures: Array.from(document.querySelectorAll('ul.figures')).map(el => el.innerText),
    links: Array.from(document.querySelectorAll('ul.links a')).map(a => a.getAttribute('href')),
})"""


def test_every_report_renders_without_errors(reports, browser):
    pages = sorted(reports.rglob("*.html"))
    notebooks = ["01-actors.html", "02-truck-dispute-chronology.html", "03-contact-frequency.html"]
    articles = sorted(p.stem for p in (ROOT / "seeds").glob("*.md")) + ["hostile", "corpus"]  # the corpus: its folder's name
    assert sorted(p.relative_to(reports).as_posix() for p in pages) == sorted(
        [f"{a}/{n}" for a in articles for n in notebooks] + ["index.html"]
    )
    shots = ROOT / "reports" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for page_path in pages:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        errors, dialogs = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        figures = page.evaluate(RENDERED)
        landing = page.evaluate(LANDING) if page_path.name == "index.html" else None
        page.screenshot(path=str(shots / f"{page_path.parent.name}-{page_path.stem}.png"), full_page=True)
        page.close()
        assert errors == [], page_path.name
        assert dialogs == [], page_path.name  # the article's <script> and onerror never ran
        if landing is not None:  # the landing page: a summary and a chart per report, links that resolve
            assert landing["sections"] == len(articles) == landing["charts"] + landing["no_chart"], landing
            assert all("distinct contacts" in t for t in landing["figures"]), landing
            assert sorted(landing["links"]) == sorted(p.relative_to(reports).as_posix() for p in pages if p.name != "index.html")
        else:
            assert len(figures) >= 2, page_path.name
            # a figure has marks, or says plainly that it has nothing to show
            assert all(f["traces"] > 0 and f["marks"] > 0 or "nothing to show" in f["title"] for f in figures), (
                page_path.name, figures,
            )
            assert sum(f["marks"] > 0 for f in figures) >= 2, page_path.name


def test_article_markup_shows_as_text(reports):
    pages = [p.read_text(encoding="utf-8") for p in sorted((reports / "hostile").glob("*.html"))]
    assert all("<script>alert(" not in page and "<img src=x onerror" not in page for page in pages)
    assert any("&lt;script&gt;alert(" in page for page in pages)  # the text is shown, as text
    assert any("&lt;img src=x onerror=" in page for page in pages)
    corpus = (reports / "corpus" / "03-contact-frequency.html").read_text(encoding="utf-8")
    assert "distinct contacts" in corpus and "2023-03-05-baltic-wire-ministers-call" in corpus
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "<script>alert('title')" not in index and "&lt;script&gt;alert(" in index
