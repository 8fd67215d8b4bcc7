"""Quotations: the text inside each pair of quotation marks, its speaker, speech verb and channel.

A quotation is tied to the speech verb next to it in its sentence ("said", "according to") or,
with none, to the quotation just before; the verb's subject is the speaker, resolved to an actor.
The speech verbs are those of the CAMEO statement row (``data/cameo.csv``).
"""
from __future__ import annotations

import bisect
import re

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from ..nlp import text_of
from ..cameo import trigger_table
from ..lexicon import words
from ..models import Actor, Mention, Quote
from ..syntax import agents, is_passive, prep_objects, subjects
from .references import References

MIN_QUOTE_WORDS = 4  # shorter quoted stretches are scare quotes (“frank”), not quotations
LIGHT_VERBS = words("light_verbs")  # "the statement issued by X": X issued it
_QUOTE_MARK = re.compile("[“”\"]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quotation marks, curly or straight."""
    spans, curly, straight = [], None, None
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group()
        if mark == "“":
            curly = m.end()
        elif mark == "”":
            if curly is not None:
                spans.append((curly, m.start()))
            curly = None
        elif straight is None:
            straight = m.end()
        else:
            spans.append((straight, m.start()))
            straight = None
    return sorted(spans)


class _Quoter:
    """Quotation marks paired over the text, each quotation tied to the verb that introduces it."""

    def __init__(self, doc: Doc, mentions: list[Mention], actors: list[Actor] = ()):
        self.doc = doc
        self.table = trigger_table()
        self.res = References(doc, mentions, actors)
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self.statements = self._statements()

    def sent_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def _issuer(self, n: Token) -> list[str]:
        head = n.head
        if n.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in LIGHT_VERBS:
            found = [x for s in (agents(head) if is_passive(head) else subjects(head)) for x in self.res.refs(s)]
            if found:
                return found
        for child in n.children:
            if child.dep_ == "acl":
                for t in child.subtree:
                    if t.lower_ == "by" and t.dep_ in ("prep", "agent"):
                        found = [x for o in t.children if o.dep_ == "pobj" for x in self.res.refs(o)]
                        if found:
                            return found
            if child.dep_ in ("poss", "compound", "nmod", "amod"):
                found = self.res.refs(child)
                if found:
                    return found
        return []

    def _statements(self) -> list[tuple[int, str]]:
        out = []
        lemmas = self.doc.to_array(LEMMA).tolist()  # the lemmas' ids: a Token only for a statement noun
        nouns = {i for i in set(lemmas) if self.doc.vocab.strings[i].lower() in self.table.statement_nouns}
        for t in (self.doc[i] for i, lemma in enumerate(lemmas) if lemma in nouns):
            if t.pos_ in ("NOUN", "PROPN"):
                issuer = self._issuer(t)
                if issuer:
                    out.append((t.i, issuer[0]))
        return out

    def _last_statement(self, before: int) -> str:
        found = [who for i, who in self.statements if i <= before]
        return found[-1] if found else ""

    def _cue(self, tokens: list[Token]) -> Token | None:
        for t in tokens:
            if t.pos_ == "VERB" and ({t.lemma_.lower(), t.lower_} & self.table.speech):
                return t
            if t.lemma_ == "accord" and any(c.lower_ == "to" for c in t.children):
                return t
        return None

    def _speaker(self, cue: Token) -> tuple[str, str, str]:
        """(speaker, cue text, channel) for a speech verb or 'according to'."""
        doc = self.doc
        if cue.lemma_ == "accord":
            to = next(c for c in cue.children if c.lower_ == "to")
            cue_text = doc[cue.i : to.i + 1].text
            for o in (c for c in to.children if c.dep_ == "pobj"):
                found = self.res.refs(o)
                if found:
                    return found[0], cue_text, ""
                if o.lemma_.lower() in self.table.statement_nouns:
                    issuer = self._issuer(o) or [self._last_statement(o.i)]
                    return issuer[0], cue_text, "statement"
            return "", cue_text, ""
        channel = ""
        if any(o.lower_ in self.res.platforms for o in prep_objects(cue, ("on", "via", "in"))):
            channel = "social_media"
        for subj in subjects(cue):
            if subj.lemma_.lower() in self.table.statement_nouns or subj.lower_ == "it":
                issuer = self._issuer(subj) if subj.lower_ != "it" else []
                return (issuer or [self._last_statement(subj.i)])[0], cue.text, channel or "statement"
            found = self.res.refs(subj)
            if found:
                return found[0], cue.text, channel
        return "", cue.text, channel

    def _stands_alone(self, sid: int, start: int, end: int) -> bool:
        """Is the quotation its whole sentence, but for the marks and a bare cue ("“…,” added.")?"""
        sent = self.sents[sid]
        rest = [t for t in sent if not start <= t.idx < end and not (t.is_punct or t.is_quote or t.is_space)]
        return all(t.pos_ == "VERB" and ({t.lemma_.lower(), t.lower_} & self.table.speech) for t in rest)

    def _protagonist(self, sid: int) -> str:
        """The person the sentence before a free-standing quotation is about: the subject of its
        main verb. News prose gives a quotation paragraph of its own to the one just written about."""
        if sid < 0:
            return ""
        root = self.sents[sid].root
        for subj in subjects(root):
            found = [x for x in self.res.refs(subj) if self.res.kind(x) == "person"]
            if found:
                return found[0]
        return ""

    def run(self) -> list[Quote]:
        text = text_of(self.doc)
        spans = quote_spans(text)
        out: list[Quote] = []
        last: Quote | None = None
        last_sent = -2
        for s, e in spans:
            content = text[s:e]
            lead = len(content) - len(content.lstrip())
            content = content.strip()
            if len(content.split()) < MIN_QUOTE_WORDS:
                continue
            start, end = s + lead, s + lead + len(content)
            first_sent, end_sent = self.sent_at(s), self.sent_at(max(s, e - 1))
            after = [t for t in self.sents[end_sent] if t.idx > e and not _within(t.idx, spans)]
            before = [t for t in reversed(list(self.sents[first_sent])) if t.idx < s and not _within(t.idx, spans)]
            cue = self._cue(after) or self._cue(before)
            if cue is None and not any(t.pos_ in ("VERB", "AUX") for t in self.doc.char_span(
                    start, end, alignment_mode="expand") or ()):
                continue  # a quoted phrase with no verb and no one saying it: a scare quote
            speaker, cue_text, channel = self._speaker(cue) if cue is not None else ("", "", "")
            if not speaker and last is not None and first_sent <= last_sent + 1:
                speaker, channel = last.speaker_id, last.channel  # "…,” he added." or no cue at all
            if not speaker and self._stands_alone(first_sent, start, end):
                speaker = self._protagonist(first_sent - 1)
            quote = Quote(start=start, end=end, sentence_id=first_sent, quote=content,
                          speaker_id=speaker, cue=cue_text, channel=channel)
            out.append(quote)
            last, last_sent = quote, end_sent
        return out


def _within(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in spans)


def quotes(doc: Doc, *, mentions: list[Mention], actors: list[Actor] = ()) -> list[Quote]:
    """Direct quotations of four words or more, with their speaker, speech verb and channel.
    ``actors`` tell people from states: only a person speaks a quotation that has no cue."""
    return _Quoter(doc, mentions, actors).run()
