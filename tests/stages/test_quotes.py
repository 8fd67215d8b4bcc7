"""Direct quotations: their extent, their speaker, the verb that cues them, and the channel."""
from __future__ import annotations

import re

import pytest

from parley.nlp import parse
from parley.pipeline import records
from parley.stages.quotes import quotes
from test_events import PUBLISHED, mentions_of


def run(nlp, text):
    doc = nlp(text)
    return quotes(doc, mentions=mentions_of(doc, text))


@pytest.mark.parametrize(
    "text, quote, speaker, cue, channel",
    [
        # trailing attribution, curly quotes, several sentences, on social media
        ("“Iran and Azerbaijan are Muslim neighbors with a lot in common. I had a frank and constructive "
         "conversation with Jeyhun Bayramov,” Amir Abdollahian said on Twitter.",
         "Iran and Azerbaijan are Muslim neighbors with a lot in common. I had a frank and constructive "
         "conversation with Jeyhun Bayramov,", "hossein-amir-abdollahian", "said", "social_media"),
        # leading attribution, straight quotes
        ('Jeyhun Bayramov said: "We are ready to resolve all issues through dialogue."',
         "We are ready to resolve all issues through dialogue.", "jeyhun-bayramov", "said", ""),
        # "said X"
        ("“The border will stay open to all trucks,” said Jeyhun Bayramov.",
         "The border will stay open to all trucks,", "jeyhun-bayramov", "said", ""),
        # according to a statement issued by an organisation
        ("The two sides “noted the need to resolve all differences through dialogue,” according to a statement "
         "issued by the Azerbaijani foreign ministry.",
         "noted the need to resolve all differences through dialogue,", "azerbaijan-foreign-ministry",
         "according to", "statement"),
        # a pronoun speaker
        ("Amir Abdollahian spoke to reporters. He said, “Our relations with Baku are deep and diverse.”",
         "Our relations with Baku are deep and diverse.", "", "said", ""),
    ],
)
def test_quotation(nlp, text, quote, speaker, cue, channel):
    found = run(nlp, text)
    assert len(found) == 1
    q = found[0]
    assert (q.quote, q.speaker_id, q.cue, q.channel) == (quote, speaker, cue, channel)
    assert text[q.start : q.end] == q.quote


def test_pronoun_speaker_resolved_by_the_actor_step(nlp):
    text = "Amir Abdollahian spoke to reporters. He said, “Our relations with Baku are deep and diverse.”"
    doc = nlp(text)
    ms = mentions_of(doc, text)
    from test_events import mention

    ms.append(mention(doc, text, "He", "hossein-amir-abdollahian", "pronoun"))
    (q,) = quotes(doc, mentions=ms)
    assert (q.speaker_id, q.sentence_id) == ("hossein-amir-abdollahian", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Amir Abdollahian described the talks as “frank” and “constructive”.",
        "The ambassador was “invited” to the ministry over the “issue of the trucks”.",
        "Jeyhun Bayramov spoke of a 'new page' in relations.",
    ],
)
def test_scare_quotes_are_not_quotations(nlp, text):
    assert run(nlp, text) == []


def test_the_statement_said_is_the_organisation_that_issued_it(nlp):
    text = ("On August 11, the Azerbaijani foreign ministry issued a statement on the trucks. "
            "“During the meeting, a protest note was handed to the Iranian side,” the statement said. "
            "“Our dissatisfaction was raised once again in front of the ambassador.”")
    found = run(nlp, text)
    assert [(q.sentence_id, q.speaker_id, q.cue, q.channel) for q in found] == [
        (1, "azerbaijan-foreign-ministry", "said", "statement"),
        # a quotation that follows with no verb of its own continues the last speaker's
        (2, "azerbaijan-foreign-ministry", "", "statement"),
    ]


def test_it_added_after_a_statement(nlp):
    text = ("The ministers spoke, according to a statement issued by the Azerbaijani foreign ministry. "
            "It added, “The ministers stressed the importance of respecting territorial integrity.”")
    (q,) = run(nlp, text)
    assert (q.speaker_id, q.cue, q.channel) == ("azerbaijan-foreign-ministry", "added", "statement")


def test_quotes_in_text_order(nlp):
    text = ("“We will reopen the road to all trucks next week,” Jeyhun Bayramov said. "
            "Amir Abdollahian said: “Iran welcomes every step toward better relations.”")
    found = run(nlp, text)
    assert [q.speaker_id for q in found] == ["jeyhun-bayramov", "hossein-amir-abdollahian"]
    assert [q.start for q in found] == sorted(q.start for q in found)


def pipeline_quotes(text):
    """Every stage over ``text``, its blank lines paragraph breaks as in an article."""
    starts = tuple(m.end() for m in re.finditer(r"\n\n", text))
    found = records(parse(text, paragraph_starts=starts), published=PUBLISHED)
    return [(q.speaker_id, q.cue) for q in found["quotes"]]


def test_a_quotation_paragraph_with_no_cue_is_the_person_just_written_about():
    text = ("Kenyan Foreign Minister Amina Odhiambo praised the ties between Nairobi and Kampala.\n\n"
            "“As always, I came to Kampala to consult with our Ugandan friends on regional issues.”\n\n"
            "“Kenya and Uganda have always been close neighbours,” added.")
    # the second one's bare "added" has no subject either: the speaker goes on
    assert pipeline_quotes(text) == [("amina-odhiambo", ""), ("amina-odhiambo", "added")]


def test_a_quotation_paragraph_after_a_state_s_act_has_no_speaker():
    text = ("Kenya praised the ties between Nairobi and Kampala on Monday.\n\n"
            "“As always, we came to Kampala to consult with our Ugandan friends on regional issues.”")
    assert pipeline_quotes(text) == [("", "")]


def test_a_quotation_inside_a_sentence_with_more_than_a_cue_does_not_take_the_last_subject():
    text = ("Kenyan Foreign Minister Amina Odhiambo praised the ties between Nairobi and Kampala.\n\n"
            "Officials in Kampala replied that “the border will stay open to all trucks from Kenya”.")
    assert pipeline_quotes(text) == [("", "")]
