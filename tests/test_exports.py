"""parley.exports: PLOVER JSON lines, GDELT 1.0 rows and GraphML on a small hand-made case."""
from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest

from parley.article import article_from_text
from parley.exports import (GDELT_COLUMNS, cameo_actor_code, contact_graphml, gdelt_rows, plover_context,
                            plover_jsonl, plover_mode, plover_type)

TEXT = """---
title: Ministers talk
published: 2021-03-03
url: https://example.org/a
---
MOSCOW — Russian Foreign Minister Sergei Lavrov spoke by phone with Wang Yi on Tuesday.

Russia also criticised the sanctions.
"""

ACTORS = pd.DataFrame(
    [("russia", "Russia", "country", "RUS", "", "Russian", 2, "RUS"),
     ("sergei-lavrov", "Sergei Lavrov", "person", "RUS", "Foreign Minister", "Lavrov", 1, "RUSGOV"),
     ("wang-yi", "Wang Yi", "person", "CHN", "", "", 1, "CHN")],
    columns=["actor_id", "name", "kind", "country", "role", "aliases", "mentions", "cameo_code"],
)
EVENTS = pd.DataFrame(
    [("e1", 0, 42, 47, "spoke", "041", "Discuss by telephone", 1.0, 1, "sergei-lavrov", "wang-yi",
      "2021-03-02", "2021-03-02", "explicit", "asserted", "phone", "", "Russian Foreign Minister ..."),
     ("e2", 1, 94, 104, "criticised", "111", "Criticize or denounce", -2.0, 3, "russia", "",
      "", "", "undated", "asserted", "", "", "Russia also criticised the sanctions."),
     ("e3", 1, 80, 84, "said", "010", "Make statement", 0.0, 1, "russia", "",
      "", "", "undated", "asserted", "statement", "", "Russia said.")],
    columns=["event_id", "sentence_id", "start", "end", "trigger", "cameo_code", "event_label", "goldstein",
             "quad_class", "source_id", "target_id", "date_start", "date_end", "date_basis", "modality",
             "channel", "location", "text"],
)


@pytest.fixture
def article():
    return article_from_text(TEXT, path="2021-03-03-ministers-talk.md")


def test_plover_jsonl(article):
    lines = plover_jsonl(EVENTS, ACTORS, article).splitlines()
    assert len(lines) == 2  # the statement (CAMEO 01) has no PLOVER type
    first, second = (json.loads(line) for line in lines)
    assert first == {
        "id": "2021-03-03-ministers-talk-e1", "date": "2021-03-02", "date_basis": "explicit",
        "event_type": "CONSULT", "mode": "phone", "context": ["diplomatic"],
        "actor": "Sergei Lavrov", "actor_country": "RUS", "recipient": "Wang Yi", "recipient_country": "CHN",
        "cameo_code": "041", "modality": "asserted", "text": "Russian Foreign Minister ...", "span": [42, 47],
        "trigger": "spoke", "url": "https://example.org/a",
    }
    assert (second["event_type"], second["mode"], second["date"], second["recipient"]) == (
        "ACCUSE", "disapprove", "2021-03-03", "")


@pytest.mark.parametrize(("code", "plover"), [("041", "CONSULT"), ("0841", "RETREAT"), ("163", "COERCE"),
                                               ("1123", "ACCUSE"), ("057", "SUPPORT"), ("010", "")])
def test_plover_types(code, plover):
    assert plover_type(code) == plover


@pytest.mark.parametrize(("code", "channel", "mode", "context"), [
    ("0311", "", "", ["economic"]), ("1123", "", "allege", ["military"]), ("040", "phone", "phone", ["diplomatic"]),
    ("042", "visit", "visit", ["diplomatic"]), ("173", "", "arrest", ["legal"]), ("010", "statement", "", ["diplomatic"])])
def test_plover_modes_and_contexts_come_from_the_crosswalk(code, channel, mode, context):
    assert (plover_mode(code, channel), plover_context(code, channel)) == (mode, context)


@pytest.mark.parametrize(("actor", "codes"), [
    ({"cameo_code": "IRNGOV", "country": "IRN"}, ("IRNGOV", "GOV")),
    ({"cameo_code": "IGOUNO", "country": ""}, ("IGOUNO", "IGO")),
    ({"cameo_code": "IRN", "country": "IRN"}, ("IRN", "")),
    ({"country": "IRN"}, ("IRN", "")),  # a table written before actors had CAMEO codes
    (None, ("", ""))])
def test_gdelt_actor_codes_come_from_the_actors_table(actor, codes):
    assert cameo_actor_code(actor) == codes


def test_gdelt_rows(article):
    rows = gdelt_rows(EVENTS, ACTORS, article)
    assert list(rows.columns[:58]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 58
    assert GDELT_COLUMNS[-1] == "SOURCEURL"
    first = rows.iloc[0]
    assert {c: first[c] for c in ["SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
                                  "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name",
                                  "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
                                  "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "DATEADDED",
                                  "SOURCEURL"]} == {
        "SQLDATE": "20210302", "MonthYear": "202103", "Year": "2021", "FractionDate": "2021.1644",
        "Actor1Code": "RUSGOV", "Actor1Name": "SERGEI LAVROV", "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV",
        "Actor2Code": "CHN", "Actor2Name": "WANG YI", "Actor2CountryCode": "CHN", "IsRootEvent": "1",
        "EventCode": "041", "EventBaseCode": "041", "EventRootCode": "04", "QuadClass": "1",
        "GoldsteinScale": "1", "NumMentions": "1", "DATEADDED": "20210303", "SOURCEURL": "https://example.org/a",
    }
    second = rows.iloc[1]
    assert (second["SQLDATE"], second["Year"], second["Actor1Code"], second["Actor2Code"], second["IsRootEvent"],
            second["EventBaseCode"], second["EventRootCode"], second["GoldsteinScale"]) == (
        "", "", "RUS", "", "0", "111", "11", "-2")
    assert rows["GLOBALEVENTID"].str.fullmatch(r"\d{1,12}").all() and rows["GLOBALEVENTID"].is_unique
    assert list(rows["parley_event_id"]) == ["e1", "e2", "e3"]


def test_contact_graphml(tmp_path):
    contacts = pd.DataFrame(
        [("c1", "phone", "sergei-lavrov|wang-yi"), ("c2", "meeting", "sergei-lavrov|wang-yi"),
         ("c3", "summons", "russia|wang-yi")],
        columns=["contact_id", "channel", "participant_ids"],
    )
    graph = contact_graphml(contacts, ACTORS, tmp_path / "contacts.graphml")
    back = nx.read_graphml(tmp_path / "contacts.graphml")
    assert sorted(back.nodes) == ["russia", "sergei-lavrov", "wang-yi"]
    assert back.nodes["sergei-lavrov"] == {"name": "Sergei Lavrov", "kind": "person", "country": "RUS"}
    assert back.edges["sergei-lavrov", "wang-yi"] == {"weight": 2, "channels": "phone|meeting"}
    assert back.edges["russia", "wang-yi"]["weight"] == 1
    assert graph.number_of_edges() == 2
