"""Figures for the notebooks: each returns a ``plotly.graph_objects.Figure`` and never shows it.

Every mark carries, on hover, the sentence it came from, so a reader can check any point
against the text. The tables may be one article's (``analyze``) or a corpus's (``batch``:
every row has an ``article_id``); ids are then only unique within their article, so rows are
matched on keys ``ARTICLE_ID:ID`` (see ``key``).
"""
from __future__ import annotations

import datetime as dt
import html
import itertools
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

LAYOUT = dict(template="plotly_white", font=dict(size=13), margin=dict(l=10, r=10, t=60, b=10), hoverlabel=dict(align="left"))


def use_renderer(renderer: str) -> None:
    """Set plotly's renderer: ``plotly_mimetype`` for committed notebooks (stable output), ``notebook`` for HTML reports (plotly.js embedded)."""
    pio.renderers.default = renderer


def wrap(text: str, width: int = 80) -> str:
    """A sentence wrapped for a hover label, its markup escaped (article text is data, never HTML)."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(str(text), width)) or " "


def key(article_id: object, value: object) -> str:
    """An id made unique across a corpus: ``ARTICLE_ID:ID``; the bare id for a single article
    (no article id) or an id that is already qualified (merged contacts carry such ids)."""
    value = str(value)
    return f"{article_id}:{value}" if article_id and ":" not in value else value


def keys(frame: pd.DataFrame, column: str) -> list[str]:
    """``key`` of each row's ``column`` (its first id, for ``|``-joined lists)."""
    articles = frame["article_id"] if "article_id" in frame else [""] * len(frame)
    return [key(a, str(v).split("|")[0]) for a, v in zip(articles, frame[column])]


def texts(sentences: pd.DataFrame) -> dict[str, str]:
    """Sentence key -> its text."""
    return dict(zip(keys(sentences, "sentence_id"), sentences["text"]))


def sentence_of(frame: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The text of each row's sentence (by ``article_id`` and ``sentence_id``)."""
    text = texts(sentences)
    return pd.Series([text.get(k, "") for k in keys(frame, "sentence_id")], index=frame.index, dtype=str)


def mentions_bar(actors: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame) -> go.Figure:
    """Mentions per actor, most mentioned first, coloured by kind; hover shows the first sentence naming it."""
    first = dict(zip(mentions["actor_id"][::-1], keys(mentions, "sentence_id")[::-1]))  # reversed: the first wins
    text = texts(sentences)
    data = actors.sort_values(["mentions", "actor_id"], ascending=[True, False])
    fig = go.Figure()
    for kind in ("person", "country", "organization", "group", "place"):
        rows = data[data["kind"] == kind]
        if rows.empty:
            continue
        fig.add_trace(go.Bar(
            x=rows["mentions"], y=rows["name"], orientation="h", name=kind, marker_color=_kind_colour(kind),
            customdata=[wrap(text.get(first.get(a), "")) for a in rows["actor_id"]],
            hovertemplate="<b>%{y}</b>: %{x} mentions<br>first: %{customdata}<extra></extra>",
        ))
    fig.update_layout(title="Mentions per actor", height=max(300, 22 * len(data) + 80), legend_title="kind", **LAYOUT)
    fig.update_yaxes(categoryorder="array", categoryarray=list(data["name"]))
    return fig


def _kind_colour(kind: str) -> str:
    return {"person": "#4c72b0", "country": "#dd8452", "organization": "#55a868", "group": "#8172b3", "place": "#937860"}.get(kind, "#999")


def cooccurrence(actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence: ``a, b, sentences, sentence_ids`` (a < b;
    sentence ids as ``key``s)."""
    rows = []
    by_sentence: dict[str, set[str]] = {}
    for k, actor in zip(keys(mentions, "sentence_id"), mentions["actor_id"]):
        by_sentence.setdefault(k, set()).add(actor)
    for sid, group in by_sentence.items():
        for a, b in itertools.combinations(sorted(group), 2):
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
        graph.add_edge(row.a, row.b, weight=getattr(row, weight), sentence=row.sentence_ids[0])
    if not graph:
        return _empty(title)
    pos = nx.spring_layout(graph, seed=7, weight="weight")
    text = texts(sentences)
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


# An event dated to more days than this is an interval ("in 2020", "since August"): drawn,
# but it does not decide where the dispute is on the time axis.
SHORT_DAYS = 31
# The dispute: the shortest span holding this share of the short-dated events.
DISPUTE_SHARE = 0.8
LABEL_WIDTH = 34  # characters per line of a chronology row label


def dispute_range(events: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The x-range a chronology opens on: the shortest span holding ``DISPUTE_SHARE`` of the
    events dated to at most ``SHORT_DAYS`` days, grown to take in the short events near it,
    padded by a day (or 4 % of the span); None when that span is most of the whole range
    anyway, or nothing is short-dated.

    Returned as (first day shown, day after the last day shown): intervals are drawn to the day
    after their end, so the range ends where the last event's bar ends, plus the padding.
    """
    dated = events[events["date_start"] != ""]
    if dated.empty:
        return None
    starts = [_day(d) for d in dated["date_start"]]
    ends = [_day(e or s) + dt.timedelta(days=1) for s, e in zip(dated["date_start"], dated["date_end"])]
    short = sorted((a, b) for a, b in zip(starts, ends) if (b - a).days <= SHORT_DAYS)
    if not short:
        return None
    k = max(1, math.ceil(DISPUTE_SHARE * len(short)))
    first = min(range(len(short) - k + 1), key=lambda i: (short[i + k - 1][0] - short[i][0], i))
    window = short[first : first + k]
    lo, hi = window[0][0], max(b for _, b in window)
    grown = True
    while grown:  # take in the dispute's stragglers: short events within a span's length (or a week) of it
        reach = max(hi - lo, dt.timedelta(days=7))
        near = [(a, b) for a, b in short if lo - reach <= a and b <= hi + reach and (a < lo or b > hi)]
        grown = bool(near)
        lo, hi = min([lo, *(a for a, _ in near)]), max([hi, *(b for _, b in near)])
    whole = max(ends) - min(starts)
    if (hi - lo) * 2 > whole:  # the dense span is most of the chronology: nothing is squeezed
        return None
    pad = dt.timedelta(days=max(1, round(0.04 * (hi - lo).days)))
    return lo - pad, hi + pad


def short_name(name: str, kind: str = "", *, taken: frozenset[str] = frozenset()) -> str:
    """A person by surname (the last word of the name), unless another person on the chart
    has it too; anyone else by the name the text gives."""
    words = str(name).split()
    if kind != "person" or len(words) < 2 or words[-1] in taken:
        return str(name)
    return words[-1]


def wrap_label(text: str, width: int = LABEL_WIDTH) -> str:
    """A row label wrapped at spaces with ``<br>`` (never cut inside a word), escaped."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def timeline(events: pd.DataFrame, actors: pd.DataFrame, *, title: str = "Chronology") -> go.Figure:
    """Dated events on a time axis, one row each: intervals as bars, exact days as points.

    Colour is the Goldstein weight (green cooperation, red conflict), so escalation and
    de-escalation read at a glance; hover shows the sentence. The axis opens on the dispute
    (``dispute_range``): an interval reaching past it is clipped, with an arrow at the edge,
    and the buttons switch between "dispute" and "whole range".
    """
    dated = events[events["date_start"] != ""]
    if dated.empty:
        return _empty(title)
    names = dict(zip(actors["actor_id"], actors["name"]))
    kinds = dict(zip(actors["actor_id"], actors["kind"])) if "kind" in actors else {}
    dated = dated.sort_values(["date_start", *(["article_id"] if "article_id" in dated else []), "start"], ignore_index=True)
    numbers = {a: i for i, a in enumerate(dict.fromkeys(dated.get("article_id", [])), 1)}  # article 1, 2… by first date
    shown = {a for a in [*dated["source_id"], *dated["target_id"]] if a in names}
    surnames = [str(names[a]).split()[-1] for a in shown if kinds.get(a) == "person" and len(str(names[a]).split()) > 1]
    taken = frozenset(n for n in surnames if surnames.count(n) > 1)  # two people with one surname: full names
    view = dispute_range(dated)
    fig = go.Figure()
    rows, arrows = [], []
    for row in dated.itertuples():
        who = " → ".join(filter(None, [names.get(row.source_id, ""), names.get(row.target_id, "")]))
        brief = " → ".join(short_name(names[a], kinds.get(a, ""), taken=taken)
                           for a in (row.source_id, row.target_id) if a in names)
        article = getattr(row, "article_id", "")
        number = f"{numbers[article]}/" if article else ""  # event ids repeat across articles: a label must not
        label = wrap_label(f"{number}{row.event_id} {row.event_label}" + (f" ({brief})" if brief else ""))
        rows.append(label)
        start, end = _day(row.date_start), _day(row.date_end)
        source = f"<br>article {numbers[article]}: {html.escape(article)}" if article else ""
        hover = (
            f"<b>{row.event_label} ({row.cameo_code})</b><br>{who}<br>{row.date_start} – {row.date_end} "
            f"({row.date_basis}, {row.modality})<br>Goldstein {row.goldstein:+.1f}<br>{wrap(row.text)}{source}<extra></extra>"
        )
        colour = _goldstein_colour(row.goldstein)
        if end is not None and end > start:
            stop = end + dt.timedelta(days=1)
            fig.add_trace(go.Scatter(
                x=[start, stop], y=[label, label], mode="lines", showlegend=False,
                line=dict(width=14, color=colour), hovertemplate=hover,
            ))
            if view and start < view[0]:
                arrows.append((view[0], label, "triangle-left", colour, hover))
            if view and stop > view[1]:
                arrows.append((view[1], label, "triangle-right", colour, hover))
        else:
            fig.add_trace(go.Scatter(
                x=[start], y=[label], mode="markers", showlegend=False,
                marker=dict(size=13, color=colour, line=dict(width=1, color="#333")), hovertemplate=hover,
            ))
            if view and not view[0] <= start < view[1]:  # a day outside the view: an arrow toward it
                arrows.append((view[0] if start < view[0] else view[1], label,
                               "triangle-left" if start < view[0] else "triangle-right", colour, hover))
    for x, label, symbol, colour, hover in arrows:  # clipped: an arrow at the edge it is clipped at
        fig.add_trace(go.Scatter(
            x=[x], y=[label], mode="markers", showlegend=False, name="clipped", hovertemplate=hover, cliponaxis=False,
            marker=dict(symbol=symbol, size=15, color=colour, line=dict(width=1, color="#333")),
        ))
    fig.add_trace(go.Scatter(  # the colour scale, as a legend
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker=dict(colorscale=GOLDSTEIN_SCALE, cmin=-10, cmax=10, color=[0], showscale=True,
                    colorbar=dict(title="Goldstein", tickvals=[-10, 0, 10], ticktext=["-10 conflict", "0", "+10 cooperation"])),
    ))
    lines = sum(label.count("<br>") + 1 for label in rows)
    fig.update_layout(title=title, height=max(320, 18 * lines + 10 * len(rows) + 160), xaxis_title="date", **LAYOUT)
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], automargin=True)
    if view:
        n_arrows, n_traces = len(arrows), len(fig.data)
        first_arrow = n_traces - 1 - n_arrows
        arrow_visible = [first_arrow <= i < first_arrow + n_arrows for i in range(n_traces)]
        dispute = [view[0].isoformat(), view[1].isoformat()]
        inside = sum(1 for r in dated.itertuples() if _day(r.date_start) < view[1] and _day(r.date_end or r.date_start) >= view[0])
        fig.update_xaxes(range=dispute, autorange=False)
        fig.update_layout(updatemenus=[dict(
            type="buttons", direction="right", x=1, xanchor="right", y=1.02, yanchor="bottom", showactive=True, active=0,
            buttons=[
                dict(label="dispute", method="update",
                     args=[{"visible": [True] * n_traces}, {"xaxis.range": dispute, "xaxis.autorange": False}]),
                dict(label="whole range", method="update",
                     args=[{"visible": [not v for v in arrow_visible]}, {"xaxis.autorange": True}]),
            ],
        )], annotations=[dict(
            text=f"{view[0].isoformat()} – {(view[1] - dt.timedelta(days=1)).isoformat()}: {inside} of {len(dated)} dated events; "
                 "▸ marks an event beyond the edge",
            xref="paper", yref="paper", x=0, y=1.02, xanchor="left", yanchor="bottom", showarrow=False,
            font=dict(size=11, color="#555"),
        )])
    return fig


GOLDSTEIN_SCALE = [[0.0, "#b2182b"], [0.35, "#f4a582"], [0.5, "#dddddd"], [0.65, "#a6dba0"], [1.0, "#1b7837"]]


def _goldstein_colour(weight: float) -> str:
    """The colour of a Goldstein weight on GOLDSTEIN_SCALE (-10 red … +10 green)."""
    from plotly.colors import sample_colorscale

    return sample_colorscale(GOLDSTEIN_SCALE, [(float(weight) + 10) / 20])[0]


def goldstein_curve(events: pd.DataFrame, *, title: str = "Cooperation and conflict over time") -> go.Figure:
    """Mean Goldstein weight of the dated events, by the day each interval starts: the trend of the relationship."""
    dated = events[(events["date_start"] != "") & (events["modality"] == "asserted")]
    if dated.empty:
        return _empty(title)
    days = dated.assign(key=keys(dated, "event_id")).groupby("date_start", sort=True).agg(
        goldstein=("goldstein", "mean"), events=("key", "count"), ids=("key", lambda s: " ".join(s)),
        text=("text", "first"),
    ).reset_index()
    fig = go.Figure(go.Scatter(
        x=[_day(d) for d in days["date_start"]], y=days["goldstein"].round(2), mode="lines+markers",
        marker=dict(size=9 + 2 * days["events"], color=[_goldstein_colour(g) for g in days["goldstein"]], line=dict(width=1, color="#333")),
        line=dict(color="#999", dash="dot"),
        customdata=[f"{n} events ({ids})<br>{wrap(t)}" for n, ids, t in zip(days["events"], days["ids"], days["text"])],
        hovertemplate="%{x|%Y-%m-%d}: mean Goldstein %{y:+.2f}<br>%{customdata}<extra></extra>",
    ))
    fig.add_hline(y=0, line_color="#bbb")
    fig.update_layout(title=title, height=380, yaxis=dict(title="mean Goldstein", range=[-10.5, 10.5]), xaxis_title="date (start of interval)", **LAYOUT)
    return fig


def cumulative_contacts(contacts: pd.DataFrame, events: pd.DataFrame, *, title: str = "Contacts over time (cumulative)") -> go.Figure:
    """The running count of dated contacts that happened, by the day each starts."""
    dated = contacts[(contacts["date_start"] != "") & (contacts["modality"] == "asserted")]
    dated = dated.assign(key=keys(dated, "contact_id")).sort_values(["date_start", "key"])
    if dated.empty:
        return _empty(title)
    said = evidence(contacts, events)
    fig = go.Figure(go.Scatter(
        x=[_day(d) for d in dated["date_start"]], y=list(range(1, len(dated) + 1)), mode="lines+markers", line_shape="hv",
        customdata=[f"{c} ({ch})<br>{wrap(said.get(c, ''))}" for c, ch in zip(dated["key"], dated["channel"])],
        hovertemplate="%{x|%Y-%m-%d}: %{y} contacts<br>%{customdata}<extra></extra>",
    ))
    fig.update_layout(title=title, height=340, yaxis_title="contacts", **LAYOUT)
    return fig


def contact_edges(contacts: pd.DataFrame) -> pd.DataFrame:
    """Pairs of participants on the same contact: ``a, b, contacts, sentence_ids`` (a < b;
    each contact's first sentence, as a ``key``)."""
    rows = []
    for c, first in zip(contacts.itertuples(), keys(contacts, "sentence_ids")):
        for a, b in itertools.combinations(sorted(set(filter(None, c.participant_ids.split("|")))), 2):
            rows.append((a, b, first))
    frame = pd.DataFrame(rows, columns=["a", "b", "sentence_id"])
    if frame.empty:
        return pd.DataFrame(columns=["a", "b", "contacts", "sentence_ids"])
    return (
        frame.groupby(["a", "b"], sort=True)["sentence_id"].agg(contacts="count", sentence_ids=lambda s: list(s)).reset_index()
    )


def contact_pairs(contacts: pd.DataFrame) -> pd.DataFrame:
    """One row per contact and pair of countries on it: ``pair, channel, month, contact_id``
    (the contact's ``key``)."""
    rows = []
    for row, contact in zip(contacts.itertuples(), keys(contacts, "contact_id")):
        countries = sorted(set(filter(None, row.countries.split("|"))))
        for a, b in itertools.combinations(countries, 2):
            rows.append((f"{a}–{b}", row.channel, row.date_start[:7] or "undated", contact, row.modality))
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
        z=table.values, x=list(table.columns), y=list(table.index), colorscale="Blues", zmin=0, text=table.values,
        texttemplate="%{text}", customdata=hover, hovertemplate="%{y}, %{x}: %{z}<br>%{customdata}<extra></extra>",
    ))
    fig.update_layout(title=title, height=max(260, 60 * len(table) + 120), xaxis_type="category", **LAYOUT)
    return fig


def evidence(contacts: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Contact ``key`` -> the sentence of the contact's first mention."""
    text = dict(zip(keys(events, "event_id"), events["text"]))
    return pd.Series(dict(zip(keys(contacts, "contact_id"), (text.get(k, "") for k in keys(contacts, "event_ids")))),
                     dtype=str)


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
