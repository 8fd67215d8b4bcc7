"""Write the notebooks' cells (sources only); `make notebooks` then executes them in place.

Kept so the three notebooks share one set-up cell and stay thin; edit here, re-run, re-execute.
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SEED = "../seeds/2021-10-24-iranian-azerbaijani-fms-hold-phone-talks.md"
PARAMS = f'''article = "{SEED}"  # path to an article (front matter optional)
published = None  # "YYYY-MM-DD" to override the article's publication date
renderer = "plotly_mimetype"  # "notebook" embeds plotly.js (for HTML reports)'''
SETUP = '''import pandas as pd
from parley import analyze, read_article
from parley import plots

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.max_rows", 200)
pd.set_option("display.width", 200)
plots.use_renderer(renderer)
result = analyze(read_article(article, published=published))
print(result.article.title or result.article.path, "| published", result.article.published)'''


def notebook(title: str, intro: str, extra_params: str, cells: list) -> nbformat.NotebookNode:
    params = new_code_cell(PARAMS + extra_params)
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[new_markdown_cell(f"# {title}\n\n{intro}"), params, new_code_cell(SETUP), *cells])
    nb.metadata["kernelspec"] = {"name": "parley", "display_name": "parley (Python 3.11)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


md, code = new_markdown_cell, new_code_cell
NOTEBOOKS = {
    "01-actors.ipynb": notebook(
        "Actors",
        "Who the article is about: people with their roles and countries, states, organisations and groups, "
        "and how often each is mentioned (names, titles and pronouns resolved).",
        "",
        [
            md("## The actors table"),
            code('result.actors'),
            md("## Mentions per actor\nHover a bar for the first sentence that mentions the actor."),
            code('plots.mentions_bar(result.actors, result.mentions, result.sentences)'),
            md("## People by country and role"),
            code('result.actors.query("kind == \'person\'")[["name", "country", "role", "mentions", "aliases"]]'),
            code('pd.crosstab(result.actors["country"].replace("", "—"), result.actors["kind"])'),
            md("## Who appears with whom\nActors named in the same sentence; edge width = number of sentences. "
               "Hover an edge for one of those sentences."),
            code('pairs = plots.cooccurrence(result.actors, result.mentions)\npairs.head(15)'),
            code('plots.network(result.actors, pairs, result.sentences, title="Actors named in the same sentence", weight="sentences")'),
        ],
    ),
    "02-truck-dispute-chronology.ipynb": notebook(
        "The dispute's chronology",
        "What happened when: the article's events with the dates the text supports. Intervals (\"early August\") "
        "are drawn as bars, exact days as points; colour is the event's Goldstein weight (green cooperation, red conflict).",
        '\ntopic = "truck|driver|border|road|highway|transit|vehicle"  # regex: sentences about the dispute',
        [
            md("## Events about the dispute, dated"),
            code('dispute = result.events[result.events["text"].str.contains(topic, case=False, regex=True)]\n'
                 'dispute[dispute["date_start"] != ""][["date_start", "date_end", "date_basis", "cameo_code", "event_label", "goldstein", "source_id", "target_id", "modality", "trigger"]]'),
            code('plots.timeline(dispute, result.actors, title=f"Dated events in sentences matching {topic!r}")'),
            md("## Every dated event, and the trend\nThe mean Goldstein weight of the events that happened, by day: "
               "below zero the relationship is in conflict, above it cooperating."),
            code('plots.timeline(result.events, result.actors, title="All dated events")'),
            code('plots.goldstein_curve(result.events)'),
            md("## Undated events\nNothing in the text pins these to a date; they are listed, not placed on the axis."),
            code('result.events[result.events["date_start"] == ""][["cameo_code", "event_label", "source_id", "target_id", "modality", "trigger", "text"]]'),
            md("## The temporal expressions behind the dates"),
            code('result.timexes[["text", "type", "value", "mod", "date_start", "date_end"]]'),
        ],
    ),
    "03-contact-frequency.ipynb": notebook(
        "Diplomatic contact frequency",
        "Who talked to whom, how and how often: one row per distinct contact (a call mentioned five times is one contact).",
        "",
        [
            md("## The contacts table"),
            code('result.contacts'),
            md("## Counts by pair, channel and month"),
            code('pairs = plots.contact_pairs(result.contacts)\npairs.groupby(["pair", "channel"]).size().rename("contacts").reset_index()'),
            code('plots.counts_bar(pairs, "pair", result.contacts, result.events, title="Contacts per pair of countries")'),
            code('plots.counts_bar(pairs, "channel", result.contacts, result.events, title="Contacts per channel")'),
            code('plots.counts_bar(pairs, "month", result.contacts, result.events, title="Contacts per month")'),
            md("## Pair × month"),
            code('plots.heatmap(pairs, result.contacts, result.events)'),
            md("## Over time\nThe running count of contacts that happened, and the Goldstein curve of all events: "
               "the de-escalation shows as the curve climbing above zero."),
            code('plots.cumulative_contacts(result.contacts, result.events)'),
            code('plots.goldstein_curve(result.events)'),
            md("## Who met whom\nParticipants joined by their contacts; edge width = number of contacts."),
            code('plots.network(result.actors, plots.contact_edges(result.contacts), result.sentences, title="Contact network", weight="contacts")'),
        ],
    ),
}

if __name__ == "__main__":
    folder = Path(__file__).resolve().parent.parent / "notebooks"
    for name, nb in NOTEBOOKS.items():
        nbformat.write(nb, folder / name)
        print(folder / name)
