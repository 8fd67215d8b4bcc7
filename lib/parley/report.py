"""``python -m parley.report``: every notebook over every seed article, into reports/.

Each article gets ``reports/<article-slug>/NN-name.ipynb`` (executed by papermill) and a
self-contained ``NN-name.html`` next to it (plotly.js embedded, opens offline). Each
``--corpus FOLDER`` gets the same over all its articles at once, in
``reports/corpus-<folder>/``: there ``03-contact-frequency`` is the main view.
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from .article import read_article
from .errors import ParleyError

def render(notebook: Path, article: Path, out_dir: Path, *, kernel: str) -> Path:
    """Execute one notebook on one article (or a folder of them) with papermill, then export it to HTML."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / notebook.name
    papermill.execute_notebook(
        str(notebook),
        str(executed),
        parameters={"articles": str(article.resolve()), "renderer": "notebook"},
        kernel_name=kernel,
        cwd=str(notebook.parent),
        progress_bar=False,
    )
    exporter = HTMLExporter(exclude_input=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    page = executed.with_suffix(".html")
    page.write_text(body, encoding="utf-8")
    return page


def index(pages: dict[str, list[Path]], out: Path) -> Path:
    """``reports/index.html``: a link to every report, grouped by article."""
    items = []
    for title, links in pages.items():
        lis = "".join(
            f'<li><a href="{html.escape(p.relative_to(out).as_posix())}">{html.escape(p.stem)}</a></li>' for p in links
        )
        items.append(f"<h2>{html.escape(title)}</h2><ul>{lis}</ul>")
    page = out / "index.html"
    page.write_text(
        "<!doctype html><meta charset='utf-8'><title>parley reports</title><h1>parley reports</h1>" + "".join(items),
        encoding="utf-8",
    )
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parley.report", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--notebooks", default="notebooks")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--kernel", default="parley")
    parser.add_argument("--corpus", action="append", default=[], help="a folder of articles reported on as one corpus")
    args = parser.parse_args(argv)
    out = Path(args.out)
    pages: dict[str, list[Path]] = {}
    from .corpus import articles  # the same files `batch` and the notebooks take

    try:
        for path in articles(args.seeds):
            article = read_article(path)
            links = pages.setdefault(article.title or article.slug, [])
            for notebook in sorted(Path(args.notebooks).glob("[0-9][0-9]-*.ipynb")):
                links.append(render(notebook, path, out / article.slug, kernel=args.kernel))
                print(f"  {links[-1]}", file=sys.stderr)
        for folder in map(Path, args.corpus):
            found = articles(folder)
            links = pages.setdefault(f"Corpus: {folder.as_posix()} ({len(found)} articles)", [])
            for notebook in sorted(Path(args.notebooks).glob("[0-9][0-9]-*.ipynb")):
                links.append(render(notebook, folder, out / f"corpus-{folder.resolve().name}", kernel=args.kernel))
                print(f"  {links[-1]}", file=sys.stderr)
    except ParleyError as exc:
        print(f"parley: error: {exc}", file=sys.stderr)
        return 2
    print(f"reports written: {index(pages, out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
