"""Figures for the notebooks: each returns a ``plotly.graph_objects.Figure`` and never shows it.

Every mark carries, on hover, the sentence it came from, so a reader can check any point
against the text.
"""
from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

QUAD_COLOURS = {1: "#1a9850", 2: "#66bd63", 3: "#f46d43", 4: "#d73027"}
LAYOUT = dict(template="plotly_white", font=dict(size=13), margin=dict(l=10, r=10, t=60, b=10), hoverlabel=dict(align="left"))


def use_renderer(renderer: str) -> None:
    """Set plotly's renderer: ``plotly_mimetype`` for committed notebooks (stable output), ``notebook`` for HTML reports (plotly.js embedded)."""
    pio.renderers.default = renderer


def wrap(text: str, width: int = 80) -> str:
    """A sentence wrapped for a hover label."""
    return "<br>".join(textwrap.wrap(str(text), width)) or " "


def sentence_of(frame: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The text of each row's sentence (by ``sentence_id``)."""
    return frame["sentence_id"].map(sentences.set_index("sentence_id")["text"]).fillna("")


def mentions_bar(actors: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame) -> go.Figure:
    """Mentions per actor, most mentioned first; hover shows the first sentence naming it."""
    first = mentions.drop_duplicates("actor_id").set_index("actor_id")
    data = actors.sort_values(["mentions", "actor_id"], ascending=[True, False])
    hover = [wrap(sentences.set_index("sentence_id")["text"].get(first["sentence_id"].get(a), "")) for a in data["actor_id"]]
    fig = go.Figure(
        go.Bar(
            x=data["mentions"], y=data["name"], orientation="h", customdata=hover,
            marker_color=[_kind_colour(k) for k in data["kind"]],
            hovertemplate="<b>%{y}</b>: %{x} mentions<br>first: %{customdata}<extra></extra>",
        )
    )
    fig.update_layout(title="Mentions per actor", height=max(300, 22 * len(data) + 80), **LAYOUT)
    return fig


def _kind_colour(kind: str) -> str:
    return {"person": "#4c72b0", "country": "#dd8452", "organization": "#55a868", "group": "#8172b3", "place": "#937860"}.get(kind, "#999")


def cooccurrence(actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence: ``a, b, sentences, sentence_ids`` (a < b)."""
    rows = []
    for sid, group in mentions.groupby("sentence_id", sort=True):
        for a, b in itertools.combinations(sorted(set(group["actor_id"])), 2):
            rows.append((a, b, sid))
    frame = pd.DataFrame(rows, columns=["a", "b", "sentence_id"])
    if frame.empty:
        return pd.DataFrame(columns=["a", "b", "sentences", "sentence_ids"])
    return (
        frame.groupby(["a", "b"], sort=True)["sentence_id"]
        .agg(sentences="count", sentence_ids=lambda s: list(s))
        .reset_index()
        .sort_values(["sentences", "a", "b"], ascending=[False, True, True], ignore_index=True)
    )


def network(actors: pd.DataFrame, edges: pd.DataFrame, sentences: pd.DataFrame, *, title: str, weight: str) -> go.Figure:
    """A network of actors (nodes coloured by country) joined by ``edges`` (``a, b, <weight>, sentence_ids``)."""
    import networkx as nx

    graph = nx.Graph()
    names = actors.set_index("actor_id")
    for row in edges.itertuples():
        graph.add_edge(row.a, row.b, weight=getattr(row, weight), sentence=int(row.sentence_ids[0]))
    if not graph:
        return _empty(title)
    pos = nx.spring_layout(graph, seed=7, weight="weight")
    text = sentences.set_index("sentence_id")["text"]
    countries = sorted({names.at[n, "country"] or "—" for n in graph})
    fig = go.Figure()
    top = max(d["weight"] for _, _, d in graph.edges(data=True))
    for a, b, d in sorted(graph.edges(data=True)):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        fig.add_trace(go.Scatter(
            x=[x0, (x0 + x1) / 2, x1], y=[y0, (y0 + y1) / 2, y1], mode="lines", showlegend=False,
            line=dict(width=1 + 7 * d["weight"] / top, color="#bbb"),
            hovertemplate=f"{names.at[a, 'name']} – {names.at[b, 'name']}: {d['weight']}<br>{wrap(text.get(d['sentence'], ''))}<extra></extra>",
        ))
    for country in countries:
        nodes = sorted(n for n in graph if (names.at[n, "country"] or "—") == country)
        fig.add_trace(go.Scatter(
            x=[round(pos[n][0], 6) for n in nodes], y=[round(pos[n][1], 6) for n in nodes], mode="markers+text", name=country,
            text=[names.at[n, "name"] for n in nodes], textposition="top center",
            marker=dict(size=[10 + 2 * min(int(names.at[n, "mentions"]), 15) for n in nodes]),
            customdata=[f"{names.at[n, 'kind']}, {names.at[n, 'role'] or 'no role'}" for n in nodes],
            hovertemplate="<b>%{text}</b><br>%{customdata}<extra>" + country + "</extra>",
        ))
    fig.update_layout(title=title, height=560, xaxis=dict(visible=False), yaxis=dict(visible=False), legend_title="country", **LAYOUT)
    return fig


def _empty(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=f"{title} (nothing to show)", height=200, **LAYOUT)
    return fig


def _day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def timeline(events: pd.DataFrame, actors: pd.DataFrame, *, title: str = "Chronology") -> go.Figure:
    """Dated events on a time axis: intervals as bars, exact days as points, coloured by quad class."""
    dated = events[events["date_start"] != ""].copy()
    if dated.empty:
        return _empty(title)
    names = actors.set_index("actor_id")["name"].to_dict()
    dated["who"] = dated["source_id"].map(names).fillna("") + " → " + dated["target_id"].map(names).fillna("")
    dated["label"] = dated["event_label"] + " (" + dated["cameo_code"] + ")"
    dated = dated.sort_values(["date_start", "start"], ignore_index=True)
    fig = go.Figure()
    for row in dated.itertuples():
        start, end = _day(row.date_start), _day(row.date_end)
        hover = (
            f"<b>{row.label}</b><br>{row.who}<br>{row.date_start} – {row.date_end} ({row.date_basis}, {row.modality})"
            f"<br>Goldstein {row.goldstein:+.1f}<br>{wrap(row.text)}<extra></extra>"
        )
        colour = QUAD_COLOURS.get(int(row.quad_class), "#999")
        if end is not None and end > start:
            fig.add_trace(go.Scatter(
                x=[start, end + dt.timedelta(days=1)], y=[row.label, row.label], mode="lines", showlegend=False,
                line=dict(width=12, color=colour), opacity=0.55, hovertemplate=hover,
            ))
        else:
            fig.add_trace(go.Scatter(
                x=[start], y=[row.label], mode="markers", showlegend=False,
                marker=dict(size=13, color=colour, line=dict(width=1, color="#333")), hovertemplate=hover,
            ))
    for quad, name in ((1, "verbal cooperation"), (2, "material cooperation"), (3, "verbal conflict"), (4, "material conflict")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, marker=dict(size=11, color=QUAD_COLOURS[quad])))
    fig.update_layout(title=title, height=max(320, 32 * dated["label"].nunique() + 140), xaxis_title="date", **LAYOUT)
    return fig


def contact_pairs(contacts: pd.DataFrame) -> pd.DataFrame:
    """One row per contact and pair of countries on it: ``pair, channel, month, contact_id``."""
    rows = []
    for row in contacts.itertuples():
        countries = sorted(set(filter(None, row.countries.split("|"))))
        for a, b in itertools.combinations(countries, 2):
            rows.append((f"{a}–{b}", row.channel, row.date_start[:7] or "undated", row.contact_id, row.modality))
    return pd.DataFrame(rows, columns=["pair", "channel", "month", "contact_id", "modality"])


def heatmap(pairs: pd.DataFrame, contacts: pd.DataFrame, events: pd.DataFrame, *, title: str = "Contacts per pair and month") -> go.Figure:
    """Pair × month counts of contacts; hover lists the contacts' sentences."""
    if pairs.empty:
        return _empty(title)
    table = pairs.pivot_table(index="pair", columns="month", values="contact_id", aggfunc="count", fill_value=0)
    table = table.reindex(sorted(table.columns), axis=1)
    said = evidence(contacts, events)
    hover = [
        [
            "<br>".join(
                f"{c}: {wrap(said.get(c, ''))}" for c in pairs[(pairs["pair"] == p) & (pairs["month"] == m)]["contact_id"]
            ) or "none"
            for m in table.columns
        ]
        for p in table.index
    ]
    fig = go.Figure(go.Heatmap(
        z=table.values, x=list(table.columns), y=list(table.index), colorscale="Blues", text=table.values,
        texttemplate="%{text}", customdata=hover, hovertemplate="%{y}, %{x}: %{z}<br>%{customdata}<extra></extra>",
    ))
    fig.update_layout(title=title, height=max(260, 60 * len(table) + 120), xaxis_type="category", **LAYOUT)
    return fig


def evidence(contacts: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """contact_id -> the sentence of the contact's first mention."""
    text = events.set_index("event_id")["text"]
    return pd.Series({c.contact_id: text.get(c.event_ids.split("|")[0], "") for c in contacts.itertuples()}, dtype=str)


def counts_bar(frame: pd.DataFrame, column: str, contacts: pd.DataFrame, events: pd.DataFrame, *, title: str) -> go.Figure:
    """Contacts counted by one column (``pair``, ``channel`` or ``month``); hover shows the contacts' sentences."""
    if frame.empty:
        return _empty(title)
    groups = frame.groupby(column, sort=True)["contact_id"].apply(lambda s: sorted(set(s)))
    said = evidence(contacts, events)
    hover = ["<br>".join(f"{c}: {wrap(said.get(c, ''))}" for c in ids) for ids in groups]
    fig = go.Figure(go.Bar(
        x=list(groups.index), y=[len(ids) for ids in groups], customdata=hover,
        hovertemplate="%{x}: %{y}<br>%{customdata}<extra></extra>", marker_color="#4c72b0",
    ))
    fig.update_layout(title=title, height=340, xaxis_type="category", yaxis_title="contacts", **LAYOUT)
    return fig
