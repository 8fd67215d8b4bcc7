"""Write the notebooks' cells (sources only); `make notebooks` then executes them in place.

Kept so the three notebooks share one set-up cell and stay thin; edit here, re-run, re-execute.
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

PARAMS = '''articles = "../seeds/*.md"  # one article, a folder of articles or a glob ("../corpus/2023-*.md")
published = None  # "YYYY-MM-DD": the publication date of articles whose front matter has none
renderer = "plotly_mimetype"  # "notebook" embeds plotly.js (for HTML reports)'''
SETUP = '''import pandas as pd
from parley import corpus, plots

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.max_rows", 200)
pd.set_option("display.width", 200)
plots.use_renderer(renderer)
result = corpus.analyze_corpus(articles, published=published)
result.articles[["article_id", "title", "publisher", "published"]]'''


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
        "Who the articles are about: people with their roles and countries, states, organisations and groups, "
        "and how often each is mentioned (names, titles and pronouns resolved). Over several articles, the "
        "same person is one row (`n_articles` says in how many articles).",
        "",
        [
            md("## The actors table"),
            code('actors = corpus.merge_actors(result)\nmentions = corpus.merge_mentions(result)\n'
                 'actors[["actor_id", "name", "kind", "country", "role", "mentions", "n_articles", "aliases"]]'),
            md("## Mentions per actor\nHover a bar for the first sentence that mentions the actor."),
            code('plots.mentions_bar(actors, mentions, result.sentences)'),
            md("## People by country and role"),
            code('actors.query("kind == \'person\'")[["name", "country", "role", "mentions", "n_articles"]]'),
            code('pd.crosstab(actors["country"].replace("", "—"), actors["kind"])'),
            md("## Who appears with whom\nActors named in the same sentence; edge width = number of sentences. "
               "Hover an edge for one of those sentences."),
            code('pairs = plots.cooccurrence(actors, mentions)\npairs[["a", "b", "sentences"]].head(15)'),
            code('plots.network(actors, pairs, result.sentences, title="Actors named in the same sentence", weight="sentences")'),
        ],
    ),
    "02-truck-dispute-chronology.ipynb": notebook(
        "The dispute's chronology",
        "What happened when: the articles' events with the dates the text supports. Intervals (\"early August\") "
        "are drawn as bars, exact days as points; colour is the event's Goldstein weight (green cooperation, red conflict).",
        '\ntopic = "truck|driver|border|road|highway|transit|vehicle"  # regex: sentences about the dispute',
        [
            md("## Events about the dispute, dated"),
            code('dispute = result.events[result.events["text"].str.contains(topic, case=False, regex=True)]\n'
                 'dispute[dispute["date_start"] != ""].sort_values(["date_start", "article_id", "start"])[["date_start", "date_end", "date_basis", "cameo_code", "event_label", "goldstein", "source_id", "target_id", "modality", "trigger", "article_id"]]'),
            code('plots.timeline(dispute, result.actors, title=f"Dated events in sentences matching {topic!r}")'),
            md("## Every dated event, and the trend\nThe mean Goldstein weight of the events that happened, by day: "
               "below zero the relationship is in conflict, above it cooperating."),
            code('plots.timeline(result.events, result.actors, title="All dated events")'),
            code('plots.goldstein_curve(result.events)'),
            md("## Undated events\nNothing in the text pins these to a date; they are listed, not placed on the axis."),
            code('result.events[result.events["date_start"] == ""][["article_id", "cameo_code", "event_label", "source_id", "target_id", "modality", "trigger", "text"]]'),
            md("## The temporal expressions behind the dates"),
            code('result.timexes[["article_id", "text", "type", "value", "mod", "date_start", "date_end"]]'),
        ],
    ),
    "03-contact-frequency.ipynb": notebook(
        "Diplomatic contact frequency",
        "Who talked to whom, how and how often: one row per distinct contact. A call mentioned five times in "
        "an article is one contact, and so is a call reported by three outlets (same participants, channel and "
        "compatible dates; `n_articles` says how many articles report it).",
        "",
        [
            md("## The contacts table"),
            code('contacts = corpus.merge_contacts(result)\nactors = corpus.merge_actors(result)\n'
                 'contacts[["contact_id", "channel", "participant_ids", "countries", "date_start", "date_end", "location", "modality", "n_articles", "articles"]]'),
            code('pd.Series({"articles": len(result.articles), "contacts reported, article by article": len(result.contacts), '
                 '"distinct contacts": len(contacts)}, name="count")'),
            md("## Counts by pair, channel and month"),
            code('pairs = plots.contact_pairs(contacts)\npairs.groupby(["pair", "channel"]).size().rename("contacts").reset_index()'),
            code('plots.counts_bar(pairs, "pair", contacts, result.events, title="Contacts per pair of countries")'),
            code('plots.counts_bar(pairs, "channel", contacts, result.events, title="Contacts per channel")'),
            code('plots.counts_bar(pairs, "month", contacts, result.events, title="Contacts per month")'),
            md("## Pair × month"),
            code('plots.heatmap(pairs, contacts, result.events)'),
            md("## Over time\nThe running count of contacts that happened, and the Goldstein curve of all events: "
               "the de-escalation shows as the curve climbing above zero."),
            code('plots.cumulative_contacts(contacts, result.events)'),
            code('plots.goldstein_curve(result.events)'),
            md("## Who met whom\nParticipants joined by their contacts; edge width = number of contacts."),
            code('plots.network(actors, plots.contact_edges(contacts), result.sentences, title="Contact network", weight="contacts")'),
        ],
    ),
}

if __name__ == "__main__":
    folder = Path(__file__).resolve().parent.parent / "notebooks"
    for name, nb in NOTEBOOKS.items():
        nbformat.write(nb, folder / name)
        print(folder / name)
