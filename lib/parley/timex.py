"""The ``parley_timexes`` component (the tagger itself is ``parley.stages.timexes``)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .stages.timexes import interval as _interval  # noqa: F401  tools/heideltime_compare.py reads it here
from .stages.timexes import timexes

if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)


class TimexTagger:
    """Pipeline component that sets ``doc._.timexes``; it needs the parser before it (tense)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = timexes(doc)
        return doc


@Language.factory("parley_timexes")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    """Build the ``parley_timexes`` component: ``nlp.add_pipe("parley_timexes")`` after the parser."""
    return TimexTagger()
