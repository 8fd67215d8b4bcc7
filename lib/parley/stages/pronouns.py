"""Pronouns: he, his, she, her, resolved to the person they refer to, in text order.

Called by the people stage once names and titles are known (``people.LaterMentions``); each
pronoun resolved is a mention of its person, and is an antecedent in turn ("He met Y. He also ...").
"""
from __future__ import annotations

import bisect

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from ..models import Mention
from ..nlp import text_of
from ..syntax import clause_verb
from .cast import Cast

SUBJECT = {"nsubj", "nsubjpass"}


def is_subject(doc: Doc, m: Mention) -> bool:
    """Is the mention the subject of its clause?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause ``tok`` is in, up through infinitives ("X called Y to update him": X)."""
    head = tok.head
    while True:
        subjects = [c for c in head.children if c.dep_ in SUBJECT and c.i != tok.i]
        if subjects:
            return subjects[0]
        if head.head.i == head.i:
            return None
        head = head.head


def _after_opening(tok: Token, known: list) -> object | None:
    """The first person named after the comma that closes the sentence's opening phrase ``tok`` is in."""
    sent = tok.sent
    comma = next((t for t in sent if t.text == "," and t.i > tok.i), None)
    if comma is None or any(t.text == "," for t in sent if t.i < tok.i):
        return None
    after = [p for m, p in known if comma.idx < m.start < sent.end_char]
    return after[0] if after else None


def resolve(cast: Cast, holders: list, pronouns: frozenset[str], *, home: str = "") -> None:
    """he/his/she/her (``pronouns``) among the mentions of ``holders`` (people, and the unnamed
    holders of an office): a possessive, the subject of its clause ("X called Y to express his
    condolences"); else the person named before in the sentence (not one its own clause talks
    "with"), else the previous sentence's subject. An object pronoun is never its own clause's
    subject ("X called Y to update him"). An unnamed holder's pronouns count only where the
    publisher is a state's government (``home``)."""
    # a transcript's speaker label ("MR. SMITH: He said ...") speaks in the first person: no antecedent
    doc = cast.doc
    text = text_of(doc)
    known = sorted(((m, p) for p in holders for m in p.mentions
                    if text[m.end : m.end + 2].strip()[:1] != ":"), key=lambda x: x[0].start)
    referent: dict[int, object] = {}  # a mention's root token -> the person it names
    for m, p in known:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            referent[span.root.i] = p
    for tok in cast.tokens_where(LOWER, pronouns):
        if cast.outside(tok.idx):
            continue
        sid = cast.sentence_of[tok.i]
        subject = _clause_subject(tok)
        bound = referent.get(subject.i) if subject is not None and tok not in subject.subtree else None
        before = [(m, p) for m, p in known if m.end <= tok.idx and m.sentence_id >= sid - 1]
        same = [(m, p) for m, p in before if m.sentence_id == sid]
        possessive = tok.lower_ in {"his", "hers"} or tok.dep_ == "poss"
        if tok.dep_ in SUBJECT:  # "With Y, she discussed trade": not Y, a party of her own clause
            same = [(m, p) for m, p in same
                    if clause_verb(doc.char_span(m.start, m.end, alignment_mode="expand").root) != tok.head]
        if possessive and bound is not None:
            pick = bound
        elif not same:
            prev = [(m, p) for m, p in before if m.sentence_id == sid - 1]
            subj = [x for x in prev if is_subject(doc, x[0])]
            first = tok.dep_ in SUBJECT or possessive or subj  # the previous sentence's topic
            pick = (subj or prev or [(None, None)])[0 if first else -1][1]
            if pick is None and possessive:  # "In his meeting with Y, the Iranian minister said"
                pick = _after_opening(tok, known)
        else:
            pick = same[-1][1]
        if pick is not None and pick is bound and not possessive and tok.dep_ not in SUBJECT:
            others = [p for _, p in same if p is not bound] or [p for _, p in before if p is not bound]
            pick = others[-1] if others else None  # "X called the President to update him": not X
        if pick is None:
            continue
        referent[tok.i] = pick
        if pick.name or home:  # an unnamed holder ("the President") is no one, or its state
            mention = Mention(tok.idx, tok.idx + len(tok), tok.text, sid, "pronoun")
            pick.mentions.append(mention)
            bisect.insort(known, (mention, pick), key=lambda x: x[0].start)  # "He met Y. He also ...": the same
