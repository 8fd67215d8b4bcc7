"""References: noun phrases of the parse mapped to the actors they name."""
from __future__ import annotations

from spacy.tokens import Doc

from parley.models import Actor, Mention
from parley.pipeline import records
from parley.stages.references import References


def test_a_person_the_parser_apposed_after_and_is_coordinated(nlp):
    # "Minister Anna Lind and Minister Kofi Mensah held talks": the parser may hang the second name
    # on the first as an appositive, after the "and"; both are the subject
    words = ["Minister", "Lind", "and", "Minister", "Mensah", "held", "talks"]
    heads = [1, 5, 1, 4, 1, 5, 5]
    deps = ["compound", "nsubj", "cc", "compound", "appos", "ROOT", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    actors = [Actor("anna-lind", "Anna Lind", "person", "SWE"), Actor("kofi-mensah", "Kofi Mensah", "person", "GHA")]
    lind, mensah = doc[0:2], doc[3:5]
    mentions = [Mention(start=lind.start_char, end=lind.end_char, text=lind.text, sentence_id=0, actor_id="anna-lind", how="name"),
                Mention(start=mensah.start_char, end=mensah.end_char, text=mensah.text, sentence_id=0, actor_id="kofi-mensah",
                        how="name")]
    res = References(doc, mentions, actors)
    assert res.refs(doc[1]) == ["anna-lind", "kofi-mensah"]


def test_an_appositive_with_no_and_is_the_same_party(nlp):
    words = ["Lind", ",", "Minister", "Mensah", ",", "held", "talks"]
    heads = [5, 0, 3, 0, 0, 5, 5]
    deps = ["nsubj", "punct", "compound", "appos", "punct", "ROOT", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    actors = [Actor("anna-lind", "Anna Lind", "person", "SWE"), Actor("kofi-mensah", "Kofi Mensah", "person", "GHA")]
    mentions = [Mention(start=0, end=4, text="Lind", sentence_id=0, actor_id="anna-lind", how="name")]
    assert References(doc, mentions, actors).refs(doc[0]) == ["anna-lind"]


def test_an_appositive_after_a_named_conjunct_stays_the_conjuncts(nlp):
    # "Lind and Mensah, the minister Okafor, ..." with the appositive hung on Lind: Lind and Mensah only
    words = ["Lind", "and", "Mensah", ",", "Okafor", ",", "signed"]
    heads = [6, 0, 0, 0, 0, 0, 6]
    deps = ["nsubj", "cc", "conj", "punct", "appos", "punct", "ROOT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    actors = [Actor("anna-lind", "Anna Lind", "person", "SWE"), Actor("kofi-mensah", "Kofi Mensah", "person", "GHA"),
              Actor("ada-okafor", "Ada Okafor", "person", "NGA")]
    mentions = [Mention(start=t.idx, end=t.idx + len(t), text=t.text, sentence_id=0, actor_id=a, how="name")
                for t, a in ((doc[0], "anna-lind"), (doc[2], "kofi-mensah"), (doc[4], "ada-okafor"))]
    assert References(doc, mentions, actors).refs(doc[0]) == ["anna-lind", "kofi-mensah"]


def test_officials_of_several_states_stand_for_those_states(nlp):
    # "The leaders of Chile and Peru met": the states; "the leader of Chile" alone is no such phrase
    text = "The leaders of Chile and Peru met. The leader of Chile spoke."
    doc = nlp(text)
    actors = [Actor("chile", "Chile", "country", "CHL"), Actor("peru", "Peru", "country", "PER")]
    mentions = [Mention(start=i, end=i + len(name), text=name, sentence_id=0 if i < 35 else 1, actor_id=name.lower(),
                        how="name")
                for name in ("Chile", "Peru") for i in [j for j in range(len(text)) if text.startswith(name, j)]]
    res = References(doc, mentions, actors)
    leaders = [t for t in doc if t.lower_ == "leaders"][0]
    leader = [t for t in doc if t.lower_ == "leader"][0]
    assert res.refs(leaders) == ["chile", "peru"]
    assert res.refs(leader) == []


def two_countries(nlp, text: str) -> list[str]:
    """What "the two countries" refers to in ``text``, among Ghana, Togo and Benin wherever named."""
    doc = nlp(text)
    actors = [Actor("ghana", "Ghana", "country", "GHA"), Actor("togo", "Togo", "country", "TGO"),
              Actor("benin", "Benin", "country", "BEN")]
    mentions = [Mention(start=i, end=i + len(name), text=name, sentence_id=0, actor_id=name.lower(), how="name")
                for name in ("Ghana", "Togo", "Benin") for i in [j for j in range(len(text)) if text.startswith(name, j)]]
    countries = [t for t in doc if t.lower_ == "countries"][0]
    return References(doc, mentions, actors).refs(countries)


def test_the_two_countries_with_one_named_before_are_the_two_the_text_names_most(nlp):
    # "between the two countries" after only Ghana is known: Ghana and Togo, named most in the text,
    # not Benin, named once
    text = "Ghana sent envoys. Talks between the two countries began. Togo and Ghana agreed. Togo thanked Benin."
    assert two_countries(nlp, text) == ["ghana", "togo"]


def test_the_two_countries_with_a_tie_for_second_is_no_one(nlp):
    text = "Ghana sent envoys. Talks between the two countries began. Togo thanked Benin."
    assert two_countries(nlp, text) == []


def test_an_unnamed_envoy_of_an_organisation_stands_for_it(nlp):
    found = records(nlp("Foreign Minister Celso Amorim will meet with the representative of the African Union."))
    assert [(c.channel, c.participant_ids, c.modality) for c in found["contacts"]] == [
        ("meeting", ("celso-amorim", "african-union"), "planned")]
