"""The seed article end to end: what an analyst checks first."""
from __future__ import annotations


def test_five_people_once_each_with_country_and_role(seed_result):
    people = seed_result.actors[seed_result.actors.kind == "person"]
    assert sorted(zip(people.actor_id, people.country, people.role)) == [
        ("hossein-amir-abdollahian", "IRN", "Foreign Minister"),
        ("jeyhun-bayramov", "AZE", "Foreign Minister"),
        ("mevlut-cavusoglu", "TUR", "Foreign Minister"),
        ("seyed-abbas-mousavi", "IRN", "Ambassador"),
        ("seyed-ali-khamenei", "IRN", "Leader"),
    ]


def test_the_four_states(seed_result):
    states = seed_result.actors[seed_result.actors.kind == "country"]
    assert sorted(states.country) == ["ARM", "AZE", "IRN", "TUR"]


def test_every_form_of_one_minister_is_one_actor(seed_result):
    aliases = seed_result.actors.set_index("actor_id").at["hossein-amir-abdollahian", "aliases"].split("|")
    assert {"Amir Abdollahian", "Abdollahian", "Iran’s Foreign Minister", "Iranian foreign minister"} <= set(aliases)
    bayramov = seed_result.actors.set_index("actor_id").at["jeyhun-bayramov", "aliases"].split("|")
    assert {"his Azerbaijani counterpart", "Bayramov", "top Azerbaijani diplomat"} <= set(bayramov)


def test_platforms_and_demonyms_are_not_people(seed_result):
    kinds = seed_result.actors.set_index("name")["kind"]
    assert kinds["Twitter"] == "organization" and kinds["Facebook"] == "organization"
    assert "Azerbaijani" not in kinds.index


def test_the_dispute_dates(seed_result):
    t = seed_result.timexes
    saturdays = t[t.text == "Saturday"]
    assert list(saturdays.value) == ["2021-10-23"] * 3
    row = t.set_index("text")
    assert (row.at["early August", "date_start"], row.at["early August", "date_end"]) == ("2021-08-01", "2021-08-10")
    assert row.at["August 11", "value"] == "2021-08-11"
    assert (row.at["Earlier this month", "date_start"], row.at["Earlier this month", "date_end"]) == ("2021-10-01", "2021-10-24")


def test_every_offset_points_at_its_text(seed_result):
    body = seed_result.article.body
    for table, column in [("mentions", "text"), ("timexes", "text"), ("events", "trigger"), ("quotes", "quote")]:
        for row in getattr(seed_result, table).itertuples():
            assert body[row.start : row.end] == getattr(row, column)
