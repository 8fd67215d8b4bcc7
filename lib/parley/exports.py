"""parley's tables in the formats the event-data world reads: PLOVER-style JSON lines,
GDELT 1.0 event columns, and the contact network as GraphML for Gephi.

Each function takes one article's tables (``analyze``'s) or a corpus's (``batch``'s, whose
rows carry ``article_id``): with a corpus, ``article`` is the ``articles`` table.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .article import Article
from .dictionaries import plover

# A consultation the CAMEO code leaves unspecified (040) takes its PLOVER mode from parley's channel.
CHANNEL_MODES = {"phone": "phone", "visit": "visit"}

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                               "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                               "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
# After GDELT's 58 columns, what parley knows and GDELT has no place for.
PARLEY_COLUMNS = ["parley_article_id", "parley_event_id", "parley_modality", "parley_date_basis", "parley_channel"]


# ---- the article a row belongs to


def _article_info(article: Article | Mapping | pd.DataFrame | None, article_id: str | None) -> dict:
    """id, url, published (ISO) and the end of the lead paragraph, from whatever describes the article."""
    if isinstance(article, pd.DataFrame):
        rows = article[article["article_id"] == article_id] if article_id is not None else article
        article = rows.iloc[0].to_dict() if len(rows) else {}
    if isinstance(article, Article):
        lead = next((p.end for p in article.paragraphs if p.end > article.text_start), None)
        return {"id": article.slug, "url": str(article.meta.get("url", "")),
                "published": article.published.isoformat() if article.published else "", "lead_end": lead}
    article = dict(article or {})
    return {"id": str(article.get("article_id", article_id or "")), "url": str(article.get("url", "")),
            "published": str(article.get("published", "")), "lead_end": article.get("lead_end")}


def _rows(events: pd.DataFrame, actors: pd.DataFrame, article):
    """(event row, its article's info, actor lookup) for each event, in order."""
    corpus = "article_id" in events.columns
    lookup = {}
    for row in actors.to_dict("records"):
        lookup[(row.get("article_id"), row["actor_id"])] = row
    infos = {}
    for event in events.to_dict("records"):
        aid = event.get("article_id") if corpus else None
        if aid not in infos:
            infos[aid] = _article_info(article, aid)
        yield event, infos[aid], (lambda actor_id, _aid=aid: lookup.get((_aid, actor_id)) or lookup.get((None, actor_id)))


# ---- PLOVER


def plover_type(cameo_code: str) -> str:
    """The PLOVER event type of a CAMEO code, from the OEDA crosswalk ("" for statements,
    which PLOVER does not code)."""
    found = plover(cameo_code)
    return found[0] if found else ""


def plover_mode(cameo_code: str, channel: str = "") -> str:
    """The PLOVER mode of a CAMEO code from the crosswalk or, for an unspecified consultation, its channel."""
    found = plover(cameo_code)
    mode = found[1] if found else ""
    if not mode and cameo_code.startswith("04"):
        return CHANNEL_MODES.get(channel, "")
    return mode


def plover_context(cameo_code: str, channel: str = "") -> list[str]:
    """The PLOVER context of a CAMEO code from the crosswalk; a contact on a channel is diplomatic."""
    found = plover(cameo_code)
    if found and found[2]:
        return [found[2]]
    return ["diplomatic"] if channel else []


def plover_jsonl(events: pd.DataFrame, actors: pd.DataFrame, article: Article | Mapping | pd.DataFrame) -> str:
    """Events as PLOVER-style JSON lines (one object a line, keys in a fixed order).

    Keys: ``id`` (article id and event id), ``date`` (the event's first day, else the
    publication date, with ``date_basis`` saying which), ``event_type`` from the OEDA CAMEO->PLOVER crosswalk,
    ``mode``, ``context`` (``["diplomatic"]`` where the crosswalk says so), ``actor``/
    ``recipient`` names and ``actor_country``/``recipient_country`` (ISO alpha-3),
    ``cameo_code``, ``modality``, ``text`` (the sentence) with its ``span`` in the body, and
    ``url``. Events with no PLOVER type (CAMEO 01, statements) are left out.
    """
    lines = []
    for event, info, actor in _rows(events, actors, article):
        code = str(event["cameo_code"])
        event_type = plover_type(code)
        if not event_type:
            continue
        source, target = actor(event["source_id"]) or {}, actor(event["target_id"]) or {}
        record = {
            "id": f"{info['id']}-{event['event_id']}",
            "date": event["date_start"] or info["published"],
            "date_basis": event["date_basis"],
            "event_type": event_type,
            "mode": plover_mode(code, event.get("channel", "")),
            "context": plover_context(code, event.get("channel", "")),
            "actor": source.get("name", ""),
            "actor_country": source.get("country", ""),
            "recipient": target.get("name", ""),
            "recipient_country": target.get("country", ""),
            "cameo_code": code,
            "modality": event["modality"],
            "text": event["text"],
            "span": [int(event["start"]), int(event["end"])],
            "trigger": event["trigger"],
            "url": info["url"],
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


# ---- GDELT 1.0


def cameo_actor_code(actor: Mapping | None) -> tuple[str, str]:
    """(CAMEO actor code, its type code): the actors table's ``cameo_code`` (``IRNGOV``,
    ``IGOUNO``), the type being what follows a state's three letters (``GOV``)."""
    if not actor:
        return "", ""
    code = str(actor.get("cameo_code", "") or "")
    country = str(actor.get("country", ""))
    if not code:  # tables written before the dictionaries coded actors: the state alone
        return country, ""
    kind = code[3:6] if country and code.startswith(country) else code[:3]
    return code, kind


def _event_number(article_id: str, event_id: str) -> int:
    """A stable GLOBALEVENTID: 12 digits from a hash of the article and event ids."""
    return int(hashlib.sha256(f"{article_id}:{event_id}".encode()).hexdigest()[:15], 16) % 10**12


def gdelt_rows(events: pd.DataFrame, actors: pd.DataFrame, article: Article | Mapping | pd.DataFrame) -> pd.DataFrame:
    """Events as GDELT 1.0 event records (its 58 columns, in its order, then parley's own).

    SQLDATE/MonthYear/Year/FractionDate come from the event's ``date_start`` (empty when
    undated); DATEADDED is the publication date. IsRootEvent is 1 for events in the lead
    paragraph (when the article is an ``Article`` or says ``lead_end``); NumMentions,
    NumSources and NumArticles are 1 (one report); tone and geography are left empty.
    Every column is a string, as in GDELT's tab-separated files.
    """
    records = []
    for event, info, actor in _rows(events, actors, article):
        code = str(event["cameo_code"])
        date = str(event["date_start"] or "")
        row = dict.fromkeys(GDELT_COLUMNS, "")
        row["GLOBALEVENTID"] = str(_event_number(info["id"], event["event_id"]))
        if date:
            day = pd.Timestamp(date)
            row["SQLDATE"] = date.replace("-", "")
            row["MonthYear"] = date[:7].replace("-", "")
            row["Year"] = date[:4]
            row["FractionDate"] = f"{day.year + (day.dayofyear - 1) / (366 if day.is_leap_year else 365):.4f}"
        for n, actor_id in ((1, event["source_id"]), (2, event["target_id"])):
            found = actor(actor_id) if actor_id else None
            actor_code, type_code = cameo_actor_code(found)
            row[f"Actor{n}Code"] = actor_code
            row[f"Actor{n}Name"] = (found or {}).get("name", "").upper()  # GDELT's names are upper case
            row[f"Actor{n}CountryCode"] = (found or {}).get("country", "")
            row[f"Actor{n}Type1Code"] = type_code
        lead_end = info.get("lead_end")
        row["IsRootEvent"] = "1" if lead_end is not None and int(event["start"]) < int(lead_end) else "0"
        row["EventCode"] = code
        row["EventBaseCode"] = code[:3]
        row["EventRootCode"] = code[:2]
        row["QuadClass"] = str(int(event["quad_class"]))
        row["GoldsteinScale"] = f"{float(event['goldstein']):g}"
        row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
        row["ActionGeo_FullName"] = str(event.get("location", "")).removeprefix("in ").strip()
        row["DATEADDED"] = info["published"].replace("-", "")
        row["SOURCEURL"] = info["url"]
        row.update(parley_article_id=info["id"], parley_event_id=event["event_id"],
                   parley_modality=event["modality"], parley_date_basis=event["date_basis"],
                   parley_channel=event.get("channel", ""))
        records.append(row)
    return pd.DataFrame(records, columns=GDELT_COLUMNS + PARLEY_COLUMNS).astype(str)


# ---- the contact network


def contact_graph(contacts: pd.DataFrame, actors: pd.DataFrame):
    """The contact network: a node per participant (name, kind, country), an edge per pair
    that met, weighted by the number of contacts, with the channels used."""
    import networkx as nx

    graph = nx.Graph()
    info = {}
    for row in actors.to_dict("records"):
        info.setdefault(row["actor_id"], row)  # a corpus: the first article's description
    for row in contacts.to_dict("records"):
        parts = [p for p in str(row["participant_ids"]).split("|") if p]
        for p in parts:
            if p not in graph:
                a = info.get(p, {})
                graph.add_node(p, name=str(a.get("name", p)), kind=str(a.get("kind", "")),
                               country=str(a.get("country", "")))
        for a, b in itertools.combinations(sorted(set(parts)), 2):
            if graph.has_edge(a, b):
                edge = graph.edges[a, b]
                edge["weight"] += 1
                if row["channel"] not in edge["channels"].split("|"):
                    edge["channels"] += "|" + row["channel"]
            else:
                graph.add_edge(a, b, weight=1, channels=str(row["channel"]))
    return graph


def contact_graphml(contacts: pd.DataFrame, actors: pd.DataFrame, path: str | Path):
    """Write the contact network (``contact_graph``) as GraphML for Gephi, atomically; return the graph.

    With a corpus, pass ``merge_contacts``'s table so that a call three outlets report counts once.
    """
    import networkx as nx

    graph = contact_graph(contacts, actors)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as file:
            nx.write_graphml(graph, file)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return graph
