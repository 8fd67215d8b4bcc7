"""Events: what the actors did, said, planned or asked for, CAMEO-coded (``data/cameo.csv``).

The stage reads like a pipeline of its own, top to bottom: find the triggers, hand light verbs'
clauses to the nouns they govern, read each trigger's place, channel, arguments and modality,
date the events, resolve the anaphora between them, and write one row per event in text order.
A verb done "by telephone" or "over the phone" is a call (041), whatever it would code otherwise.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from ...nlp import text_of
from ...dictionaries import Dictionaries
from ...dictionaries import load as load_dictionaries
from ...lexicon import contact_vocabulary, words
from ...models import Actor, Event, Mention, Quote, Timex
from ...cameo import VISIT
from ...syntax import agents, is_passive, prep_objects, repeated
from ..quotes import quotes as find_quotes
from .anaphora import Anaphora
from .arguments import DISTRIBUTED, Arguments
from .clauses import Clauses
from .dates import Dates
from .dictionary import dictionary_events
from .draft import EventDraft
from .grammar import Grammar
from .triggers import Triggers, attach

__all__ = ["events"]

SEPARATE = words("separate_contacts")
TOGETHER = words("joint_contacts")
SPEECH = words("speech_contacts")
TITLE_PARTNERS = words("title_partners")
TRIP_VERBS = words("trip_verbs")
BODIES = frozenset({"commission", "committee"})  # what two sides set up to meet in (cameo.csv, 036)


def events(
    doc: Doc, *, mentions: list[Mention], actors: list[Actor], timexes: list[Timex], published: dt.date | None,
    quotes: list[Quote] | None = None, dictionaries: Dictionaries | str | Path | None = None, title: str = "",
    home: str = "",
) -> list[Event]:
    """Every CAMEO-coded event in the text, with source, target, modality, date, place, in text order.

    ``quotes`` are the article's quotations (``stages.quotes.quotes``), found here when not given.
    ``dictionaries`` is the CAMEO dictionary set (a ``parley.dictionaries.Dictionaries`` or its
    folder) that codes the verbs parley's own table does not; None: the vendored Phoenix set.
    ``title`` is the article's headline: a call it names ("Readout of the President's Call with
    X") tells the channel of the body's talk with X that names none. ``home`` is the ISO3 of
    the dateline's state, or of the government that published the text: a visit the text places
    nowhere is to it.
    The rows have no ids yet: the pipeline numbers them.
    """
    if quotes is None:
        quotes = find_quotes(doc, mentions=mentions, actors=actors)
    grammar = Grammar(doc, mentions=mentions, actors=actors, quotes=quotes)
    found, codes = Triggers(grammar).find()
    found = attach(found, grammar.table)
    more = dictionary_events(grammar, found, dictionaries=load_dictionaries(dictionaries), published=published)
    codes.update((e.tok.i, e.code) for e in more)
    found = sorted([*found, *more], key=lambda e: e.tok.i)
    arguments = Arguments(grammar, found)
    clauses = Clauses(grammar, arguments.by_tok)
    for e in found:
        clauses.place(e)
        clauses.channel(e)
    for e in found:
        arguments.assign(e)
        arguments.relocate(e)
        clauses.modality(e)
        clauses.ordinal(e)
    for e in found:
        arguments.opening(e)
    _proposed_bodies(found)
    _calls_nearby(found)
    _titled_call(grammar, found, title)
    _hosted_at_home(grammar, found, home)
    _sent_from_home(grammar, found, home)
    found = [e for e in found if not arguments.is_empty_act(e)]
    dates = Dates(grammar, timexes=timexes, published=published)
    dates.dates(found)
    _repeated(found)
    for e in found:
        clauses.anaphoric(e)
        if e.named_parties:
            e.anaphora = ""  # "the Iran-US talks" are the talks its compound names, not the call just mentioned
    anaphora = Anaphora(grammar, codes)
    anaphora.suppress(found)
    dates.reported(found)
    dates.occasions([e for e in found if not e.suppressed])
    anaphora.earlier(found)
    anaphora.resolve(found)
    anaphora.context(found)
    anaphora.protagonist(found)
    dates.publications([e for e in found if not e.suppressed])
    dates.readout([e for e in found if not e.suppressed])
    dates.intents([e for e in found if not e.suppressed])
    dates.reported_today([e for e in found if not e.suppressed])
    _repeated(found)
    _intent_to_meet(grammar, found)
    return _rows(grammar, [e for e in found if not e.suppressed])


def _repeated(found: list[EventDraft]) -> None:
    """'have met numerous times in the past': contacts held repeatedly or at no one time before the
    news are undated (basis ``repeated``), never the day's contact nor dated by the one beside them."""
    for e in found:
        if e.contact and e.basis != "explicit" and repeated(e.anchor):
            e.date, e.basis = None, "repeated"


def _intent_to_meet(grammar: Grammar, found: list[EventDraft]) -> None:
    """'will meet', 'talks are scheduled for Monday', 'when she meets': a planned meeting or call is
    CAMEO's intent to meet (036), unless a verb of intent governing it carries that code already
    ("agreed to meet"); it stays a contact on its channel. A planned trip the text calls one
    ("will visit", "will travel to Beijing for talks") stays a visit (042/043); "will meet in Kiev" is 036."""
    intents = {e.tok.i for e in found if e.code.startswith("03")}
    for e in found:
        trip = e.code in ("042", "043") and (e.item.code in ("042", "043") or e.anchor.lemma_.lower() in TRIP_VERBS)
        if e.modality != "planned" or e.root != "04" or trip or not e.channel:
            continue
        governor = grammar.governor(e.anchor)
        if governor is None or governor.i not in intents:
            e.code = "036"


def _calls_nearby(found: list[EventDraft]) -> None:
    """'X spoke with Y' next to a sentence about X's calls: talk on no named channel, beside a call
    of one of its parties in the sentence before, the same or the next, was on the phone."""
    calls = [e for e in found if e.channel == "phone"]
    for e in found:
        if e.channel or e.root != "04" or e.tok.lemma_.lower() not in SPEECH or not e.participants \
                or e.named_parties:  # "the Iran-US talks": talks of their own, not the call beside them
            continue
        if any(abs(c.sid - e.sid) <= 1 and set(c.participants) & set(e.participants) for c in calls):
            e.channel = "phone"


def _titled_call(grammar: Grammar, found: list[EventDraft], title: str) -> None:
    """'Readout of the President's Call with Prime Minister X', 'Phone conversation with X': a
    headline naming a call with a party tells the channel of the body's talk on no named channel
    ("spoke with X") between that party and another."""
    table = grammar.table
    cues = "|".join(sorted(i.cue for i in table.refinements.get("04", ())
                           if i.cue and (i.channel or table.codes[i.code].channel) == "phone"))
    links = "|".join(sorted(TITLE_PARTNERS))
    if not title or not re.search(rf"\b(?:{cues})s?\b(?:\s+\w+)?\s+(?:{links})\b", title, re.IGNORECASE):
        return
    def named(actor_id: str) -> bool:
        actor = grammar.res.actors.get(actor_id)
        if actor is None:
            return False
        forms = {actor.name, *actor.aliases} | ({actor.name.split()[-1]} if actor.kind == "person" else set())
        return any(re.search(rf"\b{re.escape(f)}\b", title) for f in forms if len(f) > 2)
    for e in found:
        if e.channel or e.root != "04" or e.tok.lemma_.lower() not in SPEECH or len(e.participants) < 2 \
                or e.modality != "asserted":  # "the two will discuss" is not the call the readout reports
            continue
        if any(named(x) for x in e.participants):
            e.channel = "phone"


def _proposed_bodies(found: list[EventDraft]) -> None:
    """A commission or committee one only proposes or imagines is no meeting planned yet."""
    for e in found:
        if e.item.obj in BODIES and e.modality in ("requested", "hypothetical"):
            e.channel = ""


def _hosted_at_home(grammar: Grammar, found: list[EventDraft], home: str) -> None:
    """'BRASÍLIA - To mark the State visit by the president of Chile, ...', a White House text's
    'the upcoming visit of Prime Minister X': a visit the text names no host or place of is to
    the state it is reported from, if the text names that state and the visitor is of another."""
    host = grammar.res.country_of.get(home, "")
    for e in found:
        if e.code == VISIT and e.sources and not e.targets and not e.location and host \
                and not prep_objects(e.tok, ("to",)) and grammar.res.country(e.sources[0]) not in ("", home):
            e.targets = [host]


def _sent_from_home(grammar: Grammar, found: list[EventDraft], home: str) -> None:
    """'A message of congratulations was also sent to X' in a government's release: a contact told
    in the passive with no one named as its author is the publishing state's."""
    host = grammar.res.country_of.get(home, "")
    for e in found:
        if host and e.contact and not e.sources and e.targets and is_passive(e.anchor) and not agents(e.anchor) \
                and home not in {grammar.res.country(x) for x in e.targets}:
            e.sources = [host]


def _distributed(grammar: Grammar, e: EventDraft) -> list[EventDraft]:
    """'A and B called C', 'sent separate messages to C', 'spoke by phone with A and B': calls and
    messages are two-party, so one side naming several parties of different states is one contact
    per party (unless the text says they were held together); a visit to several states is a tour,
    a visit to each; "meetings of" several organisations, a meeting of each."""
    words = {t.lower_ for t in (*e.tok.children, *e.anchor.children, e.tok, e.anchor)}
    if e.channel == "visit" and len(e.targets) > 1 and not words & TOGETHER \
            and all(grammar.res.kind(t) == "country" for t in e.targets):  # a tour of A, B and C: a visit each
        return [replace(e, targets=[t]) for t in e.targets]
    if e.channel == "meeting" and e.tok.tag_ == "NNS" and len(e.targets) > 1 and not words & TOGETHER \
            and all(grammar.res.kind(t) == "organization" for t in e.targets):  # "meetings of the OAS and the AU"
        return [replace(e, targets=[t]) for t in e.targets]
    if e.channel not in DISTRIBUTED and not words & SEPARATE or words & TOGETHER:
        return [e]
    def states(ids: list[str]) -> set[str]:
        return {grammar.res.country(x) or x for x in ids}
    if len(e.sources) > 1 and (e.targets or e.channel in DISTRIBUTED) and len(states(e.sources)) == len(e.sources):
        return [replace(e, sources=[s]) for s in e.sources]
    if len(e.targets) > 1 and e.sources and len(states(e.targets)) == len(e.targets) \
            and not states(e.sources) & states(e.targets):
        return [replace(e, targets=[t]) for t in e.targets]
    return [e]


def _rows(grammar: Grammar, found: list[EventDraft]) -> list[Event]:
    """One row per event, in text order."""
    doc, text = grammar.doc, text_of(grammar.doc)
    named = {*contact_vocabulary().channels, "statement", "social_media"}
    out = []
    for e in [part for e in found for part in _distributed(grammar, e)]:
        entry = grammar.table.codes[e.code]
        sent = grammar.sents[e.sid]  # its text is a slice of the doc's: cheaper than Span.text
        start, end = doc[e.first].idx, doc[e.last].idx + len(doc[e.last])
        out.append(Event(
            start=start, end=end, trigger=text[start:end], sentence_id=e.sid,
            cameo_code=e.code, event_label=entry.label, goldstein=entry.goldstein,
            quad_class=entry.quad_class,
            source_id=e.sources[0] if e.sources else "",
            target_id=e.targets[0] if e.targets else "",
            date_start=e.date[0] if e.date else None, date_end=e.date[1] if e.date else None,
            date_basis=e.basis, modality=e.modality,
            channel=e.channel if e.channel in named else "",
            location=e.location, text=text[sent.start_char : sent.end_char].strip(),
            participant_ids=tuple(e.participants), ordinal=e.ordinal,
            held_at=doc[e.venue.first].idx if e.venue is not None else -1,
        ))
    out.sort(key=lambda ev: (ev.start, ev.end))
    return out
