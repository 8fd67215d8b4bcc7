"""Events: what the actors did, said, planned or asked for, CAMEO-coded (``data/cameo.csv``).

The stage reads like a pipeline of its own, top to bottom: find the triggers, hand light verbs'
clauses to the nouns they govern, read each trigger's place, channel, arguments and modality,
date the events, resolve the anaphora between them, and write one row per event in text order.
A verb done "by telephone" or "over the phone" is a call (041), whatever it would code otherwise.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.tokens import Doc

from ...dictionaries import Dictionaries
from ...dictionaries import load as load_dictionaries
from ...lexicon import contact_vocabulary
from ...models import Actor, Event, Mention, Quote, Timex
from ..quotes import quotes as find_quotes
from .anaphora import Anaphora
from .arguments import Arguments
from .clauses import Clauses
from .dates import Dates
from .dictionary import dictionary_events
from .draft import EventDraft
from .grammar import Grammar
from .triggers import Triggers, attach

__all__ = ["events"]


def events(
    doc: Doc, *, mentions: list[Mention], actors: list[Actor], timexes: list[Timex], published: dt.date | None,
    quotes: list[Quote] | None = None, dictionaries: Dictionaries | str | Path | None = None,
) -> list[Event]:
    """Every CAMEO-coded event in the text, with source, target, modality, date, place, in text order.

    ``quotes`` are the article's quotations (``stages.quotes.quotes``), found here when not given.
    ``dictionaries`` is the CAMEO dictionary set (a ``parley.dictionaries.Dictionaries`` or its
    folder) that codes the verbs parley's own table does not; None: the vendored Phoenix set.
    The rows have no ids yet: the pipeline numbers them.
    """
    if quotes is None:
        quotes = find_quotes(doc, mentions=mentions)
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
    found = [e for e in found if not arguments.is_empty_act(e)]
    dates = Dates(grammar, timexes=timexes, published=published)
    dates.dates(found)
    for e in found:
        clauses.anaphoric(e)
    anaphora = Anaphora(grammar, codes)
    anaphora.suppress(found)
    dates.reported(found)
    anaphora.earlier(found)
    anaphora.resolve(found)
    anaphora.context(found)
    dates.publications([e for e in found if not e.suppressed])
    dates.readout([e for e in found if not e.suppressed])
    return _rows(grammar, [e for e in found if not e.suppressed])


def _rows(grammar: Grammar, found: list[EventDraft]) -> list[Event]:
    """One row per event, in text order."""
    doc, text = grammar.doc, grammar.doc.text  # Doc.text joins every token: read it once
    named = {*contact_vocabulary().channels, "statement", "social_media"}
    out = []
    for e in found:
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
        ))
    out.sort(key=lambda ev: (ev.start, ev.end))
    return out
