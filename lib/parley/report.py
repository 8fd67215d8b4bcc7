"""``python -m parley.report``: every notebook over every seed article, into reports/.

Each article gets ``reports/<article-slug>/NN-name.ipynb`` (executed by papermill) and a
self-contained ``NN-name.html`` next to it (plotly.js embedded, opens offline). Each
``--corpus FOLDER`` gets the same over all its articles at once, in ``reports/<folder>/``:
there ``03-contact-frequency`` is the main view. ``reports/index.html``, the page to open
first, sums up each report (articles, dates, counts, top pairs, contacts per month) above
its links.
"""
from __future__ import annotations

import argparse
import html
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import read_article
from .errors import ParleyError


def render(notebook: Path, article: Path, out_dir: Path, *, kernel: str) -> Path:
    """Execute one notebook on one article (or a folder of them) with papermill, then export it to HTML."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    from traitlets.config import Config

    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / notebook.name
    with tempfile.TemporaryDirectory(prefix="parley-kernel-") as sockets:
        # The kernel talks over local IPC sockets, not TCP: nothing listens on a port, and
        # ipykernel has no "running over TCP without encryption" warning to print per notebook.
        config = Config()
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(Path(sockets) / "kernel")
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters={"articles": str(article.resolve()), "renderer": "notebook"},
            kernel_name=kernel,
            cwd=str(notebook.parent),
            progress_bar=False,
            config=config,
        )
    exporter = HTMLExporter(exclude_input=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    page = executed.with_suffix(".html")
    page.write_text(body, encoding="utf-8")
    return page


# ---- the landing page


@dataclass(frozen=True)
class Summary:
    """What the landing page says about one report, before its links."""

    articles: list[tuple[str, str]]  # (title, published) in the corpus's order
    published: tuple[str, str]  # first and last publication date, "" if none
    dated: tuple[str, str]  # first and last day an event is dated to, "" if none
    actors: int
    events: int
    contacts: int  # distinct contacts, merged across articles
    top_pairs: list[tuple[str, int]]  # ("EST–FIN", contacts), most contacts first
    months: list[tuple[str, int]]  # ("2023-03", contacts dated to start that month), in order
    undated: int = 0  # contacts with no date


def summary(*, articles: pd.DataFrame, actors: pd.DataFrame, events: pd.DataFrame, contacts: pd.DataFrame,
            top: int = 5) -> Summary:
    """A report's figures from its tables (actors and contacts already merged across articles)."""
    from .plots import contact_pairs

    def span(values) -> tuple[str, str]:
        days = sorted(v for v in values if v)
        return (days[0], days[-1]) if days else ("", "")

    pairs = contact_pairs(contacts)
    ranked = (pairs.groupby("pair")["contact_id"].nunique().reset_index(name="n")
              .sort_values(["n", "pair"], ascending=[False, True]) if not pairs.empty else pd.DataFrame(columns=["pair", "n"]))
    starts = [d[:7] for d in contacts["date_start"] if d]
    return Summary(
        articles=[(str(t) or str(a), str(p)) for a, t, p in zip(articles["article_id"], articles["title"], articles["published"])],
        published=span(articles["published"]),
        dated=span([*events["date_start"], *events["date_end"]]),
        actors=len(actors),
        events=len(events),
        contacts=len(contacts),
        top_pairs=[(str(p), int(n)) for p, n in zip(ranked["pair"][:top], ranked["n"][:top])],
        months=monthly_counts(starts),
        undated=sum(1 for d in contacts["date_start"] if not d),
    )


def summarise(spec: str | Path) -> Summary:
    """``summary`` of one article or a corpus, analysed as its notebooks analyse it."""
    from . import corpus

    result = corpus.analyze_corpus(spec)
    return summary(articles=result.articles, actors=corpus.merge_actors(result), events=result.events,
                   contacts=corpus.merge_contacts(result))


def monthly_counts(starts: list[str], *, most: int = 36) -> list[tuple[str, int]]:
    """Contacts per month, every month of the span (a gap shows as a gap), or only the months
    with contacts when the span is longer than ``most`` months."""
    if not starts:
        return []
    counts = pd.Series(starts).value_counts()
    first, last = pd.Period(min(starts), "M"), pd.Period(max(starts), "M")
    months = [str(m) for m in pd.period_range(first, last, freq="M")]
    if len(months) > most:
        months = sorted(counts.index)
    return [(m, int(counts.get(m, 0))) for m in months]


def month_chart(months: list[tuple[str, int]], *, width: int = 360, height: int = 120) -> str:
    """Contacts per month as a small inline SVG bar chart (no script, opens offline)."""
    if not months:
        return '<p class="none">No dated contacts.</p>'
    top = max(n for _, n in months) or 1
    left, bottom, gap = 24, 22, 2
    step = min((width - left) / len(months), 48)  # a few months: bars of a readable width, not the whole chart
    bars, labels = [], []
    for i, (month, n) in enumerate(months):
        h = (height - bottom - 14) * n / top
        x = left + i * step
        bars.append(
            f'<rect x="{x + gap / 2:.1f}" y="{height - bottom - h:.1f}" width="{max(step - gap, 1):.1f}" height="{h:.1f}">'
            f"<title>{html.escape(month)}: {n} contact{'s' if n != 1 else ''}</title></rect>"
        )
        if n:
            bars.append(f'<text class="n" x="{x + step / 2:.1f}" y="{height - bottom - h - 3:.1f}">{n}</text>')
    ends = [(0, "middle", left + 0.5 * step)] if len(months) == 1 else [  # the first and last month, inside the chart
        (0, "start", left), (len(months) - 1, "end", left + step * len(months))]
    for i, anchor, x in ends:
        labels.append(f'<text class="m" x="{x:.1f}" y="{height - 6}" style="text-anchor: {anchor}">'
                      f'{html.escape(months[i][0])}</text>')
    axis = f'<line x1="{left}" y1="{height - bottom}" x2="{left + step * len(months):.1f}" y2="{height - bottom}"/>'
    total = sum(n for _, n in months)
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="Contacts per month: {total} dated contacts, {html.escape(months[0][0])} to {html.escape(months[-1][0])}">'
        + axis + "".join(bars) + "".join(labels) + "</svg>"
    )


def _country_pair(pair: str) -> str:
    """``EST–FIN`` -> ``Estonia – Finland`` (the code where pycountry has no name)."""
    import pycountry

    def name(code: str) -> str:
        country = pycountry.countries.get(alpha_3=code)
        return getattr(country, "common_name", None) or getattr(country, "name", None) or code

    return " – ".join(name(code) for code in pair.split("–"))


def _link_name(page: Path) -> str:
    """``01-actors.html`` -> ``Actors``."""
    words = page.stem.split("-", 1)[-1].replace("-", " ")
    return words[:1].upper() + words[1:]


STYLE = """
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #1d2330; background: #f6f7f9; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; } .lede { color: #555; margin: 0 0 2rem; }
section { background: #fff; border: 1px solid #e1e4ea; border-radius: 10px; padding: 1.25rem 1.5rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.3rem; margin: 0 0 .5rem; } h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #667; margin: 1rem 0 .35rem; }
.figures { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: .25rem 0 .5rem; padding: 0; list-style: none; }
.figures b { font-size: 1.5rem; display: block; line-height: 1.1; font-variant-numeric: tabular-nums; }
.figures li { color: #555; font-size: .9rem; }
.cols { display: flex; flex-wrap: wrap; gap: 0 2.5rem; } .cols > div { flex: 1 1 16rem; }
ol, ul { margin: .25rem 0; padding-left: 1.3rem; } .articles li { margin: .1rem 0; } .date { color: #667; font-variant-numeric: tabular-nums; }
.links { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin-top: 1rem; }
.links a { display: inline-block; padding: .35rem .8rem; border-radius: 6px; background: #2f5fb3; color: #fff; text-decoration: none; }
.links a:hover, .links a:focus { background: #1e4590; } .links .main a { background: #1b7837; }
.chart rect { fill: #4c72b0; } .chart line { stroke: #999; } .chart text { font-size: 11px; fill: #444; text-anchor: middle; }
.none { color: #667; }
"""


@dataclass
class Report:
    """One report on the landing page: a title, its pages and (when analysed) its summary."""

    title: str
    pages: list[Path] = field(default_factory=list)
    summary: Summary | None = None
    main: str = ""  # the stem of the page to open first, if one is


def index(pages: dict[str, list[Path]] | dict[str, Report], out: Path) -> Path:
    """``reports/index.html``, the page to open first: for each report, its articles, dates,
    counts, top pairs and contacts per month, then the links to its pages.

    ``pages`` maps a title to a ``Report`` (or, as before, to a bare list of pages)."""
    sections = []
    for title, report in pages.items():
        if not isinstance(report, Report):
            report = Report(title, list(report))
        sections.append(_section(report, out))
    n = len(pages)
    page = out / "index.html"
    page.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'><title>parley reports</title>"
        f"<style>{STYLE}</style></head><body><main><h1>parley reports</h1>"
        f"<p class='lede'>{n} report{'s' if n != 1 else ''}: who talked to whom, and when. "
        "Each page opens offline; every mark's hover shows the sentence it comes from.</p>"
        + "".join(sections) + "</main></body></html>\n",
        encoding="utf-8",
    )
    return page


def _section(report: Report, out: Path) -> str:
    e = html.escape
    parts = [f"<section><h2>{e(report.title)}</h2>"]
    s = report.summary
    if s is not None:
        when = f"published {e(s.published[0])}" + (f" – {e(s.published[1])}" if s.published[1] != s.published[0] else "")
        dated = f"events dated {e(s.dated[0])} – {e(s.dated[1])}" if s.dated[0] else "no dated events"
        parts.append(f"<p class='date'>{when if s.published[0] else 'no publication date'}; {dated}</p>")
        figures = [(len(s.articles), "articles" if len(s.articles) != 1 else "article"), (s.actors, "actors"),
                   (s.events, "events"), (s.contacts, "distinct contacts")]
        parts.append("<ul class='figures'>" + "".join(f"<li><b>{n}</b>{label}</li>" for n, label in figures) + "</ul>")
        pairs = "".join(
            f"<li>{e(_country_pair(p))} <span class='date'>({e(p)})</span>: {n} contact{'s' if n != 1 else ''}</li>"
            for p, n in s.top_pairs
        ) or "<li class='none'>no contacts between two countries</li>"
        undated = f"<p class='date'>and {s.undated} undated</p>" if s.undated else ""
        parts.append(
            "<div class='cols'><div><h3>Top pairs by contacts</h3><ol>" + pairs + "</ol></div>"
            f"<div><h3>Contacts per month</h3>{month_chart(s.months)}{undated}</div></div>"
        )
        if len(s.articles) > 1:
            parts.append("<h3>Articles</h3><ul class='articles'>" + "".join(
                f"<li><span class='date'>{e(p) or 'undated'}</span> {e(t)}</li>" for t, p in s.articles) + "</ul>")
    links = "".join(
        f"<li{' class=main' if p.stem == report.main else ''}><a href=\"{e(p.relative_to(out).as_posix())}\">"
        f"{e(_link_name(p))}{' (main view)' if p.stem == report.main else ''}</a></li>"
        for p in report.pages
    )
    parts.append(f"<ul class='links'>{links}</ul></section>")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parley.report", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--notebooks", default="notebooks")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--kernel", default="parley")
    parser.add_argument("--corpus", action="append", default=[], help="a folder of articles reported on as one corpus")
    args = parser.parse_args(argv)
    out = Path(args.out)
    reports: dict[str, Report] = {}
    from .corpus import articles  # the same files `batch` and the notebooks take

    notebooks = sorted(Path(args.notebooks).glob("[0-9][0-9]-*.ipynb"))
    try:
        runs = []
        for path in articles(args.seeds):
            article = read_article(path)
            runs.append((article.title or article.slug, path, out / article.slug, ""))
        taken = {folder for _, _, folder, _ in runs}
        for folder in map(Path, args.corpus):
            found = articles(folder)
            target = out / folder.resolve().name  # the corpus report is named after its folder
            if target in taken:
                target = out / f"{folder.resolve().name}-corpus"
            taken.add(target)
            runs.append((f"{folder.resolve().name}/: a corpus of {len(found)} articles", folder, target, "03-contact-frequency"))
        for title, path, target, main_view in runs:
            report = reports.setdefault(target.as_posix(), Report(title, main=main_view))
            for notebook in notebooks:
                report.pages.append(render(notebook, path, target, kernel=args.kernel))
                print(f"  {report.pages[-1]}", file=sys.stderr)
            report.summary = summarise(path)
    except ParleyError as exc:
        print(f"parley: error: {exc}", file=sys.stderr)
        return 2
    print(f"reports written: {index(reports, out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
