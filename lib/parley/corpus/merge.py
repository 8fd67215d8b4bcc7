"""Merging across articles: the same contact or person reported by several articles as one row."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..lexicon import contact_vocabulary
from .run import CorpusResult


def _proper(alias: str) -> bool:
    """A name-like alias ("Lavrov", "Sergei Lavrov"), not a title or pronoun ("his counterpart")."""
    words = alias.replace("’", "'").split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0].lower() not in {
        "the", "his", "her", "their", "its", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"}


def merge_actors(result: CorpusResult) -> pd.DataFrame:
    """One row per actor across the corpus, with the articles that mention it.

    Rule: rows with the same ``actor_id`` are one actor. Then a person whose name is, in
    another article, the name-like alias of exactly one other person (``Lavrov`` in one
    article, ``Sergei Lavrov`` with alias ``Lavrov`` in another) joins that person, when their
    countries do not conflict (equal, or one unknown). An ambiguous short name (``Wang``
    alias of both ``Wang Yi`` and ``Wang Wenbin``) is left on its own. The merged row takes
    the id and name of the longest name, the most frequent country and role, all aliases,
    the summed mentions, and ``articles`` / ``actor_ids`` listing what was merged.
    """
    actors = result.actors
    groups: dict[str, dict] = {}
    for row in actors.itertuples(index=False):
        group = groups.setdefault(row.actor_id, {"rows": [], "names": set()})
        group["rows"].append(row)
        group["names"].add(row.name)
        group["names"].update(a for a in row.aliases.split("|") if a and _proper(a))

    def country(group: dict) -> str:
        found = [r.country for r in group["rows"] if r.country]
        return max(set(found), key=lambda c: (found.count(c), c)) if found else ""

    def kind(group: dict) -> str:
        return group["rows"][0].kind

    parent = {actor_id: actor_id for actor_id in groups}
    by_alias: dict[str, list[str]] = {}
    for actor_id, group in groups.items():
        for name in group["names"]:
            by_alias.setdefault(name.lower(), []).append(actor_id)
    for actor_id, group in groups.items():
        if kind(group) != "person":
            continue
        own = {r.name.lower() for r in group["rows"]}
        targets = {t for name in own for t in by_alias.get(name, []) if t != actor_id
                   and kind(groups[t]) == "person"
                   and max(len(r.name) for r in groups[t]["rows"]) > max(len(n) for n in own)
                   and (not country(group) or not country(groups[t]) or country(group) == country(groups[t]))}
        if len(targets) == 1:
            parent[actor_id] = targets.pop()

    def root(actor_id: str) -> str:
        while parent[actor_id] != actor_id:
            actor_id = parent[actor_id]
        return actor_id

    members: dict[str, list[str]] = {}
    for actor_id in groups:  # first appearance order
        members.setdefault(root(actor_id), []).append(actor_id)
    order = {a: i for i, a in enumerate(result.articles["article_id"])}
    rows = []
    for top, ids in members.items():
        all_rows = [r for i in ids for r in groups[i]["rows"]]
        best = max(all_rows, key=lambda r: len(r.name))
        roles = [r.role for r in all_rows if r.role]
        merged = {"rows": all_rows}
        aliases: list[str] = []
        for r in all_rows:
            for alias in [r.name, *r.aliases.split("|")]:
                if alias and alias != best.name and alias not in aliases:
                    aliases.append(alias)
        arts = sorted({r.article_id for r in all_rows}, key=lambda a: order.get(a, len(order)))
        rows.append({
            "actor_id": best.actor_id, "name": best.name, "kind": best.kind, "country": country(merged),
            "role": max(set(roles), key=lambda x: (roles.count(x), -roles.index(x))) if roles else "",
            "aliases": "|".join(aliases), "mentions": sum(int(r.mentions) for r in all_rows),
            "cameo_code": _commonest([c for r in all_rows if (c := getattr(r, "cameo_code", ""))]),  # older tables lack it
            "articles": "|".join(arts), "n_articles": len(arts), "actor_ids": "|".join(ids),
        })
    columns = ["actor_id", "name", "kind", "country", "role", "aliases", "mentions", "cameo_code", "articles",
               "n_articles", "actor_ids"]
    return pd.DataFrame(rows, columns=columns)


def _commonest(values: list[str]) -> str:
    """The value given most often (the first given, on a tie); "" for none."""
    return max(values, key=lambda v: (values.count(v), -values.index(v))) if values else ""


def actor_map(result: CorpusResult) -> dict[str, str]:
    """Every article-level actor id -> the id of its merged actor (see ``merge_actors``)."""
    merged = merge_actors(result)
    return {old: row.actor_id for row in merged.itertuples(index=False) for old in row.actor_ids.split("|")}


def merge_mentions(result: CorpusResult) -> pd.DataFrame:
    """The mentions table with each ``actor_id`` replaced by its merged actor's (``merge_actors``)."""
    ids = actor_map(result)
    return result.mentions.assign(actor_id=result.mentions["actor_id"].map(lambda a: ids.get(a, a)))


# A held and a planned contact may be one (the plan was carried out); a denied one is never a held one.
_COMPATIBLE_MODALITY = {frozenset({"asserted"}), frozenset({"planned"}), frozenset({"asserted", "planned"}),
                        frozenset({"requested"}), frozenset({"negated"}), frozenset({"hypothetical"})}


def merge_contacts(result: CorpusResult) -> pd.DataFrame:
    """One row per real contact across the corpus, with the articles that report it.

    Rule: contacts from *different* articles are the same contact when they have the same
    channel (or companion channels: a meeting and a visit, a note and a summons), the same set of participant countries (non-empty), people that agree (for every
    country where both name people, they share at least one, after ``merge_actors``'s
    cross-article identity), dated intervals that overlap (undated contacts are never merged:
    nothing says they are the same), and compatible modality (a planned and a held meeting
    may be one; a denied one is never merged with a held one). Contacts are clustered in
    article order; a contact joins the first cluster every member of which it matches and
    that holds no contact of its own article (``analyze`` already judged those distinct).
    The merged row's dates are the intersection of the intervals. Its ``event_ids`` and
    ``sentence_ids`` are those of every report, qualified by article (``ARTICLE_ID:e3``), so
    each merged contact points back to the sentences that report it.
    """
    contacts = result.contacts
    vocabulary = contact_vocabulary()
    ids = actor_map(result)
    kinds = {}
    countries_of = {}
    for row in result.actors.itertuples(index=False):
        kinds[(row.article_id, row.actor_id)] = row.kind
        countries_of[(row.article_id, row.actor_id)] = row.country
    order = {a: i for i, a in enumerate(result.articles["article_id"])}

    records = []
    for row in contacts.itertuples(index=False):
        parts = [p for p in row.participant_ids.split("|") if p]
        people: dict[str, set[str]] = {}
        for p in parts:
            if kinds.get((row.article_id, p)) == "person":
                people.setdefault(countries_of.get((row.article_id, p), ""), set()).add(ids.get(p, p))
        date = None
        if row.date_start and row.date_end:
            date = (dt.date.fromisoformat(row.date_start), dt.date.fromisoformat(row.date_end))
        records.append({"row": row, "countries": frozenset(c for c in row.countries.split("|") if c),
                        "people": people, "date": date, "parts": [ids.get(p, p) for p in parts]})

    def same(a: dict, b: dict) -> bool:
        ra, rb = a["row"], b["row"]
        # one outlet's "talks in Tallinn" is another's "visit to Tallinn"
        if ra.article_id == rb.article_id or not vocabulary.together(ra.channel, rb.channel):
            return False
        if not a["countries"] or a["countries"] != b["countries"]:
            return False
        if a["date"] is None or b["date"] is None or a["date"][0] > b["date"][1] or b["date"][0] > a["date"][1]:
            return False
        if frozenset({ra.modality, rb.modality}) not in _COMPATIBLE_MODALITY:
            return False
        for c in set(a["people"]) & set(b["people"]):
            if not a["people"][c] & b["people"][c]:
                return False
        return True

    clusters: list[list[dict]] = []
    for rec in sorted(records, key=lambda r: order.get(r["row"].article_id, len(order))):  # stable: text order kept
        for cluster in clusters:
            if all(same(rec, other) for other in cluster):
                cluster.append(rec)
                break
        else:
            clusters.append([rec])

    rows = []
    for i, cluster in enumerate(clusters, 1):
        first = cluster[0]["row"]
        parts: list[str] = []
        for rec in cluster:
            parts.extend(p for p in rec["parts"] if p not in parts)
        dated = [rec["date"] for rec in cluster if rec["date"]]
        start = max(d[0] for d in dated).isoformat() if dated else ""
        end = min(d[1] for d in dated).isoformat() if dated else ""
        modalities = [rec["row"].modality for rec in cluster]
        rows.append({
            "contact_id": f"k{i}", "channel": _channel([r["row"].channel for r in cluster], vocabulary.channels),
            "participant_ids": "|".join(parts),
            "countries": first.countries, "date_start": start, "date_end": end,
            "location": next((r["row"].location for r in cluster if r["row"].location), ""),
            "modality": "asserted" if "asserted" in modalities else first.modality,
            "articles": "|".join(r["row"].article_id for r in cluster), "n_articles": len(cluster),
            "contact_ids": "|".join(f"{r['row'].article_id}:{r['row'].contact_id}" for r in cluster),
            "event_ids": "|".join(_qualified(r["row"], "event_ids") for r in cluster),
            "sentence_ids": "|".join(_qualified(r["row"], "sentence_ids") for r in cluster),
        })
    columns = ["contact_id", "channel", "participant_ids", "countries", "date_start", "date_end", "location",
               "modality", "articles", "n_articles", "contact_ids", "event_ids", "sentence_ids"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame


def _qualified(row, column: str) -> str:
    """A row's ``|``-joined ids, each prefixed with its article: ``ARTICLE_ID:ID``."""
    return "|".join(f"{row.article_id}:{i}" for i in getattr(row, column).split("|") if i)


def _channel(channels: list[str], specific: tuple[str, ...]) -> str:
    """The channel most reports give; on a tie the more specific (a visit over a meeting)."""
    return min(set(channels), key=lambda c: (-channels.count(c), specific.index(c) if c in specific else 99))
