"""What normalising a timex needs besides the match: the tense of its clause, the publication
date, and the dates the text has mentioned so far (the anchors anaphora count from).

Names without a year ("August 11", "Saturday", "in the spring") take the occurrence the tense
points to: the last one before publication in a past clause, the next one in a future clause,
the nearest one in a clause that looks forward from a past viewpoint.
"""
from __future__ import annotations

import bisect
import datetime as dt

from spacy.attrs import IDX, LOWER, SENT_START
from spacy.tokens import Doc, Token

from ...nlp import text_of
from ...lexicon import modal_words, temporal
from ...syntax import present_perfect
from .calendar import calendar_span, monday

PAST, PRESENT, FUTURE, NEAREST = "PAST", "PRESENT", "FUTURE", "NEAREST"

_FUTURE_MODALS = modal_words(tense=FUTURE)
_NEAREST_MODALS = modal_words(tense=NEAREST)
_FUTURE_VERBS = set(temporal()["future_verbs"])
_PROSPECTIVE_VERBS = set(temporal()["prospective_verbs"])
_PROSPECTIVE_PHRASES = temporal()["prospective_phrases"]  # "look" -> "forward"
_FORWARD_CUES = set(temporal()["forward_cues"])
_DEFERRAL_VERBS = set(temporal()["deferral_verbs"])
_DEFERRAL_CUES = set(temporal()["deferral_cues"])
_TIMEX_LINKS = ("npadvmod", "compound", "nummod", "appos")  # "until [15:00 GMT] Saturday": still the cue's object


# --- resolving names without a year against the publication date -----------------------
def weekday_value(dct: dt.date | None, weekday: int, tense: str | None, rel: int | None) -> str:
    """``XXXX-WXX-6`` or the date: last/next/this, else by tense (the publication day counts)."""
    if dct is None:
        return f"XXXX-WXX-{weekday}"
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if rel == 0:
        day = monday(dct) + dt.timedelta(days=weekday - 1)
    elif rel == -1:
        day = dct - dt.timedelta(days=back or 7)
    elif rel == 1:
        day = dct + dt.timedelta(days=ahead or 7)
    elif tense == FUTURE or (tense == NEAREST and ahead < back):
        day = dct + dt.timedelta(days=ahead)
    else:
        day = dct - dt.timedelta(days=back)
    return day.isoformat()


def month_year(dct: dt.date, month: int, tense: str | None, rel: int | None) -> int:
    """The year of a month named without one: the nearest past one, or future one if future."""
    if rel == 0:
        return dct.year
    if rel == -1:
        return dct.year - (month >= dct.month)
    if rel == 1:
        return dct.year + (month <= dct.month)
    if tense == FUTURE:
        return dct.year + (month < dct.month)
    if tense == NEAREST:
        return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs((y - dct.year) * 12 + month - dct.month))
    return dct.year - (month > dct.month)


def day_year(dct: dt.date, month: int, day: int, tense: str | None) -> int | None:
    """The year of "August 11": the last one on or before publication, the next if future."""
    candidates = []
    for year in range(dct.year - 8, dct.year + 9):  # eight years either way finds any February 29
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if tense == NEAREST:
        return min(candidates, key=lambda d: abs((d - dct).days)).year
    if tense == FUTURE:
        return min(d for d in candidates if d >= dct).year
    return max(d for d in candidates if d <= dct).year


def season_year(dct: dt.date, code: str, tense: str | None, rel: int | None) -> int:
    """The year of a season named without one (``YYYY-WI`` runs December YYYY to February)."""
    def bounds(year: int) -> tuple[dt.date, dt.date]:
        return calendar_span(f"{year}-{code}")[1:]

    years = range(dct.year - 2, dct.year + 2)
    if rel == 0:
        return next((y for y in years if bounds(y)[0] <= dct <= bounds(y)[1]), dct.year)
    if rel == -1:
        return max(y for y in years if bounds(y)[1] < dct)
    if rel == 1 or tense == FUTURE:
        return min(y for y in years if (bounds(y)[0] > dct if rel == 1 else bounds(y)[1] >= dct))
    if tense == NEAREST:
        return min(years, key=lambda y: max((bounds(y)[0] - dct).days, (dct - bounds(y)[1]).days, 0))
    return max(y for y in years if bounds(y)[0] <= dct)


# --- tense ------------------------------------------------------------------------------
def _is_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def verb_tense(verb: Token) -> str | None:
    """PAST, PRESENT, FUTURE or NEAREST for one verb, from its tag, auxiliaries and governor."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_MODALS for a in auxes):
        return FUTURE
    if any(a.lower_ in _NEAREST_MODALS for a in auxes):
        return NEAREST
    if any(c.lower_ == _PROSPECTIVE_PHRASES.get(verb.lemma_) for c in verb.children):
        return NEAREST if _is_past(verb) else FUTURE  # "looks forward to meeting him in July"
    if _is_past(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not auxes):
        return PAST  # "an investigation launched in August"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _PROSPECTIVE_VERBS:
        return NEAREST if _is_past(verb.head) else FUTURE  # "had agreed to meet on April 2"
    if _infinitive(verb) and verb.head.i != verb.i and _present(verb.head):
        return NEAREST  # "it has chosen two firms for the scheme to run through June": the June nearest now
    if verb.lemma_ in _FUTURE_VERBS:
        return FUTURE
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return FUTURE  # present progressive: "Iran is hosting the talks on Tuesday"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return PRESENT
    return None


def _cue(token: Token) -> str | None:
    """The preposition whose object the timex is: "until" for "Saturday" in "until 15:00 GMT Saturday"
    (not "by" for "Friday" in "by Friday's storm": a possessive is no object)."""
    for _ in range(4):
        if token.dep_ not in _TIMEX_LINKS:
            break
        token = token.head
    return token.head.lower_ if token.dep_ == "pobj" and token.head.dep_ == "prep" else None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _present(verb: Token) -> bool:
    """A clause that looks from publication: a verb in the present or the present perfect, or a
    to-infinitive under one ("has picked two firms for the scheme to last until October")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _infinitive(verb):
        return verb.head.i != verb.i and _present(verb.head)
    return verb_tense(verb) == PRESENT or present_perfect(verb)


def looks_ahead(tense: str, verb: Token, cue: str | None) -> str:
    """A date after "until", "till" or "by" in a present or present-perfect clause lies ahead: "the
    embassy remains closed until Monday", "the final has been postponed until Saturday" (FUTURE). After
    a verb of deferral, "to" counts too, and a past clause looks forward from its own time: "the vote
    was postponed to Friday" is the Friday nearest publication (NEAREST)."""
    if cue is None or tense == FUTURE:
        return tense
    deferred = verb.lemma_ in _DEFERRAL_VERBS and cue in _DEFERRAL_CUES
    if not (deferred or cue in _FORWARD_CUES):
        return tense
    if tense == PRESENT or _present(verb):
        return FUTURE
    return NEAREST if deferred and tense == PAST else tense


class NormalisingContext:
    """What normalising needs: the doc, the publication date and the dates mentioned so far."""

    def __init__(self, doc: Doc, published: dt.date | None):
        self.doc = doc
        self.text = text_of(doc)
        self.dct = published
        columns = doc.to_array([LOWER, IDX, SENT_START])
        self.lower = columns[:, 0].tolist()  # string ids, as the trigger table keys them
        self.starts = columns[:, 1].tolist()
        self.sentence_starts = columns[columns[:, 2] == 1, 1].tolist() or [0]
        self.anchors: dict[str, dt.date] = {}
        self.clock: str | None = None  # the last time stamp ("1:52 P.M. EST"): what "ten minutes ago" counts from

    def next_token(self, end: int) -> Token | None:
        i = bisect.bisect_left(self.starts, end)
        return self.doc[i] if i < len(self.doc) else None

    def prev_token(self, start: int) -> Token | None:
        i = bisect.bisect_left(self.starts, start) - 1
        return self.doc[i] if i >= 0 else None

    def token(self, start: int) -> Token:
        return self.doc[max(bisect.bisect_right(self.starts, start) - 1, 0)]

    def sentence_id(self, start: int) -> int:
        """The index of the sentence the character offset ``start`` falls in."""
        return bisect.bisect_right(self.sentence_starts, start) - 1

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the clause the span belongs to: climb the parse to a finite verb; a date after
        "until" or "by" in a present clause lies ahead (``looks_ahead``)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        token = span.root if span is not None and len(span) else self.token(start)
        cue = _cue(token)
        for _ in range(len(self.doc)):
            if token.pos_ in ("VERB", "AUX"):
                found = verb_tense(token)
                if found:
                    return looks_ahead(found, token, cue)
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def ref(self, granularity: str) -> dt.date | None:
        """The anchor for anaphora: the last mentioned date at that granularity, else publication."""
        if granularity in self.anchors:
            return self.anchors[granularity]
        if self.dct is None:
            return None
        return {"day": self.dct, "week": monday(self.dct), "month": self.dct.replace(day=1),
                "year": self.dct.replace(month=1, day=1)}[granularity]

    def remember(self, value: str) -> None:
        """Make a resolved DATE the anchor for the anaphora that follow it."""
        found = calendar_span(value)
        if not found or found[0] in ("decade", "century"):
            return
        granularity, start, _ = found
        if granularity == "day":
            self.anchors.update(day=start, week=monday(start), month=start.replace(day=1))
        elif granularity in ("week", "weekend"):
            self.anchors["week"] = monday(start)
        elif granularity == "month":
            self.anchors["month"] = start
        self.anchors["year"] = start.replace(month=1, day=1)
