"""Dates: the date each event took place, from a timex of its own clause (or of the clause it
completes), the statement or readout that reports it, the plan it serves or the act it intends,
or the publication day (present perfect and progressive)."""
from __future__ import annotations

import bisect
import functools
import datetime as dt
import re
from collections import defaultdict

from spacy.tokens import Token

from ...nlp import text_of
from ...cameo import STATEMENT
from ...lexicon import word_values
from ...syntax import prep_objects, present_perfect
from ...models import Timex
from .draft import EventDraft
from .grammar import BOUNDARY, CLAUSAL, HABITUAL, LOCATIVE, SIMULTANEOUS, TOPIC_PREPS, TOPIC_VERBS, Grammar, copula

PAIR_NUMBERS = frozenset(word_values("pair_numbers"))  # "the two leaders", "both"
PLURAL_PRONOUNS = frozenset({"they", "we"})
VERBAL = frozenset({1, 3})  # CAMEO quad classes done by saying: verbal cooperation, verbal conflict
REASON_PREPS = frozenset({"over", "for", "after", "following"})  # "summoned X over / after an act"

# After a dateline's date: the agency in brackets, then a dash ("TEHRAN, Oct. 17 (MNA) –", "Nov. 27 --")
DATELINE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-–—])\s")


class Dates:
    """Dates the events of one article from its timexes (a DATE, or a TIME of day, with a span)."""

    def __init__(self, grammar: Grammar, *, timexes: list[Timex], published: dt.date | None):
        self.doc = grammar.doc
        text = text_of(self.doc)
        self.timexes = [t for t in timexes if t.type in ("DATE", "TIME") and t.date_start and t.date_end  # "on Monday evening" too
                        and not DATELINE_END.match(text, t.end)]  # the dateline dates the report, not an event
        self.published = published
        self.planned = grammar.table.planned
        self.speech = grammar.table.speech
        self.venues = grammar.table.venues
        self.codes = grammar.table.codes
        self.country = grammar.res.country
        starts = sorted(self.doc._.paragraph_starts)
        self.paragraph = [bisect.bisect_right(starts, s.start_char) for s in grammar.sents]

    def dates(self, events: list[EventDraft]) -> None:
        by_anchor = {}
        for e in events:
            by_anchor.setdefault(e.tok.i, e)
        for e in events:
            by_anchor.setdefault(e.anchor.i, e)
        own, clause, within = self._attached(by_anchor)
        for e in events:
            found = own.get(id(e)) or clause.get(e.anchor.i)
            host = None if found else host_verb(e.anchor)
            if host is not None and host.i not in by_anchor:
                found = clause.get(host.i)  # "resumed contacts with meetings last month"
            if not found and shares_subject(e.anchor):  # "recalled its envoy on Wednesday and handed a note"
                head = e.anchor.head
                found = clause.get(head.i) or (own.get(id(by_anchor[head.i])) if head.i in by_anchor else None)
            if not found and e.anchor.dep_ in ("advcl", "relcl") and any(
                c.lower_ in SIMULTANEOUS for c in e.anchor.children if c.dep_ in ("mark", "advmod")
            ):  # "met on Monday, when they discussed", "in July, when the two will discuss"
                head = e.anchor.head
                found = clause.get(head.i) or within.get(head.i) or \
                    (own.get(id(by_anchor[head.i])) if head.i in by_anchor else None)
            plan = e.tok.head
            if not found and e.tok.dep_ in ("nsubj", "nsubjpass") and plan.lemma_.lower() in self.planned:
                found = clause.get(plan.i) or (own.get(id(by_anchor[plan.i])) if plan.i in by_anchor else None)
                # "Meetings are scheduled for Monday and Tuesday": the meetings' days
            setting = not found and e.tok.dep_ == "pobj" and e.tok.head.lower_ in LOCATIVE | {"during"}
            if setting:
                found = _setting(e.tok.head, by_anchor, own)  # "discussed it in their meeting"
            if found and setting:
                tx = min(found, key=lambda x: (x.date_end - x.date_start, x.start))
                e.date, e.basis = (tx.date_start, tx.date_end), "inferred"
            elif found:
                tx = min(found, key=lambda x: (x.date_end - x.date_start, x.start))
                e.date, e.basis, e.own_timex = (tx.date_start, tx.date_end), "explicit", tx.text
                both = self._coordinated(tx, found)
                if both:  # "signed in 1952 and 1954", "scheduled for Monday and Tuesday": the span of both
                    e.date = (min(x.date_start for x in both), max(x.date_end for x in both))
        for e in events:
            e.venue = _venue_of(e, by_anchor, self.venues)
            if e.venue is not None and e.venue.date and not e.date:  # "talks on the sidelines of the summit
                e.date, e.basis = e.venue.date, "inferred"  # held on Tuesday": the summit's day
        _purposes(events, by_anchor)

    def _attached(self, by_anchor: dict) -> tuple[dict, dict, dict]:
        """Where each timex attaches: to the event it dates (``own``, by the event's id), to the
        clause of the verb it modifies (``clause``, by token), and the tokens it spans (``within``)."""
        within: dict[int, list[Timex]] = defaultdict(list)
        own: dict[int, list[Timex]] = defaultdict(list)
        clause: dict[int, list[Timex]] = defaultdict(list)
        for tx in self.timexes:
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                within[tok.i].append(tx)
            t = lead = span.root
            while lead.dep_ == "conj" and lead.head != lead:  # "until June and July"
                lead = lead.head
            if self._bound(lead.head):
                continue  # "since October", "until June", "after Tuesday's talks": a bound, not the date
            for _ in range(10):
                if t.head == t:
                    clause[t.i].append(tx)
                    break
                t = t.head
                if t.i in by_anchor:
                    reason = _reason_dated(t, tx, by_anchor, self.published)
                    own[id(reason or by_anchor[t.i])].append(tx)
                    break
                if t.pos_ in ("VERB", "AUX"):
                    if t.dep_ == "acl" and t.head.i in by_anchor:
                        own[id(by_anchor[t.head.i])].append(tx)  # "the summit held in Tehran on Tuesday"
                    elif t.dep_ == "acl" and t.head.lemma_.lower() in self.venues:
                        continue  # "talks on the sidelines of the summit held on Tuesday": the venue's date
                    clause[t.i].append(tx)
                    break
        return own, clause, within

    def _bound(self, prep) -> bool:
        """A preposition that makes its date a bound of the event ("since", "until", "for" a
        duration), not "for" after a plan ("scheduled for Monday": the date of what is planned)."""
        if prep.dep_ not in ("prep", "mark") or prep.lower_ not in BOUNDARY:
            return False
        return not (prep.lower_ == "for" and prep.head.lemma_.lower() in self.planned)

    def _coordinated(self, tx: Timex, found: list[Timex]) -> list[Timex]:
        """The timexes of ``found`` joined to ``tx`` by "and" or "to" ("1952 and 1954"), with it; [] if none."""
        joined = [tx]
        for other in sorted(found, key=lambda x: x.start):
            if other is tx or other.sentence_id != tx.sentence_id:
                continue
            first, second = sorted((tx, other), key=lambda x: x.start)
            between = text_of(self.doc)[first.end:second.start].strip().lower()
            if between in ("and", "to", "through", "-", "–"):
                joined.append(other)
        return joined if len(joined) > 1 else []

    def reported(self, events: list[EventDraft]) -> None:
        """An undated event reported by a dated statement took place by then: inferred."""
        speech = {}
        for e in events:
            if e.code == STATEMENT:
                speech[e.tok.i] = e
                speech.setdefault(e.anchor.i, e)
                if e.tok.dep_ == "nsubj":  # "a ministry statement says (that) ...": what it says
                    speech.setdefault(e.tok.head.i, e)
        for e in events:
            if e.date or e.code == STATEMENT:
                continue
            t = e.anchor
            for _ in range(5):
                if t.head == t or t.dep_ not in CLAUSAL | {"conj"}:
                    break
                t = t.head
                s = speech.get(t.i)
                if s is not None and s.date:
                    e.date, e.basis = s.date, "inferred"
                    break

    def occasions(self, events: list[EventDraft]) -> None:
        """'X and Y pledged on Tuesday to … . The two ministers met for an hour': a contact in the
        simple past with no date of its own, whose subject refers back ("The two ministers",
        "They") to the parties of an event the sentence before dates, is the occasion of that
        event: its date (inferred)."""
        for e in events:
            if e.date or not e.contact or e.modality != "asserted" or e.anchor.tag_ != "VBD" \
                    or not refers_back(e.anchor):
                continue
            before = next((o for o in events if o.sid == e.sid - 1 and o.date and o.basis == "explicit"
                           and o.sources and self._parties(o.sources, e.participants)), None)
            if before is not None:
                e.date, e.basis = before.date, "inferred"

    def publications(self, events: list[EventDraft]) -> None:
        """``publication`` for each event, but a lead that the text dates further on ("held phone
        talks", then "in a telephone conversation on Saturday") is left to that date."""
        dated = [o for o in events if o.contact and o.date and o.basis == "explicit" and o.modality == "asserted"
                 and len(o.participants) > 1]
        for e in events:
            if e.date is None and e.contact and len(e.participants) > 1 and any(
                    (not e.channel or not o.channel or o.channel == e.channel) and o.participants
                    and (set(e.participants) <= set(o.participants) or set(o.participants) <= set(e.participants))
                    for o in dated):
                continue
            told = self._lede(e, dated)
            if told is not None:
                e.date, e.basis = told.date, "inferred"
                continue
            self.publication(e)

    def _lede(self, e: EventDraft, dated: list[EventDraft]) -> EventDraft | None:
        """The dated contact a lede in the present perfect sums up: the lede of a report told
        before any date ("X and Y have stressed stronger ties"), the contact of its parties the
        next two sentences date ("The two held talks on Tuesday"); None if none."""
        if e.date or e.contact or not e.sources or e.modality != "asserted" or e.anchor.idx >= self.first_date:
            return None
        if not present_perfect(finite_verb(e.anchor)):
            return None
        return next((o for o in dated if 0 < o.sid - e.sid <= 2 and self._parties(e.sources, o.participants)), None)

    def publication(self, e: EventDraft) -> None:
        """The publication day, for an event with no date of its own that the article reports as
        the day's news: a present perfect ('has sought', 'talks have begun', 'have stressed
        expanding ties'), a present progressive
        ('are meeting', 'talks are being held'), or a contact in the simple past told
        before any date of the text ('The President spoke by phone with X'). Not a contact told
        after a date (the text has moved to another time), nor in the past perfect ('had met':
        background), nor a planned, requested or denied one."""
        if e.date or self.published is None or e.modality != "asserted":
            return
        a = e.anchor
        v = a.head if a.dep_ in ("nsubj", "nsubjpass") and a.head.pos_ in ("VERB", "AUX") else finite_verb(a)  # "talks have begun"
        if any(c.lower_ in HABITUAL for t in {a, v} for c in t.children if c.dep_ in ("advmod", "prep", "npadvmod")):
            return
        lead = e.contact and a.tag_ == "VBD" and a.dep_ in ("ROOT", "conj", "ccomp") \
            and a.idx < self.first_date and not self._under_past_perfect(a)
        be = copula(e.tok) if e.tok.dep_ == "pobj" else v
        now = e.contact and be is not None and be.lemma_ == "be" and be.tag_ in ("VBZ", "VBP") or (  # "X is in
            v.tag_ == "VBZ" and v.lemma_.lower() in self.speech)  # Brazil on a visit", "a ministry statement says"
        if present_perfect(v) or present_progressive(v) or lead or now:
            e.date, e.basis = (self.published, self.published), "publication"

    def reported_today(self, events: list[EventDraft]) -> None:
        """What the report tells in the simple past with no date of its own and no earlier event
        to take one from ("Chávez insisted", "Mr. Deby threatened to expel"), last of all: the
        publication day, the day a news report is about. Not a contact (its date is the
        contact's own), nor a material act's noun ("described the release"; "discussed continuing
        cooperation" is said then), nor the past perfect ('had met': background), nor a habit, nor
        just after a date told of another time (_in_the_past)."""
        for e in events:
            if e.date or e.contact or self.published is None or e.modality != "asserted":
                continue
            v = finite_above(e.anchor)
            material_noun = e.anchor.pos_ in ("NOUN", "PROPN") and self.codes[e.code].quad_class not in VERBAL
            main_past = v.tag_ == "VBD" and v.dep_ in ("ROOT", "conj", "ccomp") and not self._under_past_perfect(v)
            habit = any(c.lower_ in HABITUAL for t in {e.anchor, v} for c in t.children
                        if c.dep_ in ("advmod", "prep", "npadvmod"))
            if main_past and not material_noun and not habit and not self._in_the_past(e):
                e.date, e.basis = (self.published, self.published), "publication"
        self.reported(events)  # "declared that X is prepared to collaborate": said then

    def _in_the_past(self, e: EventDraft) -> bool:
        """Has the narrative moved to another time just before ``e``: is the last date told
        before it, in its sentence or the one before, one that does not hold the publication
        day ("The trucks had to pass through it during a 2020 war. Azerbaijan also imposed a tax")?"""
        before = [t for t in self.timexes if t.end <= e.tok.idx and t.sentence_id >= e.sid - 1]
        last = max(before, key=lambda t: t.start, default=None)
        return last is not None and not last.date_start <= self.published <= last.date_end

    @functools.cached_property
    def first_date(self) -> int:
        """Where the text first moves to another time: its first date (DATE or TIME) that does
        not hold the publication day ("2:50 P.M.", "this week" do; "on Tuesday" before it does not)."""
        other = [t.start for t in self.timexes if not t.date_start <= self.published <= t.date_end]
        return min(other, default=self.doc[-1].idx + len(self.doc[-1]) if len(self.doc) else 0)  # Doc.text joins every token

    @staticmethod
    def _under_past_perfect(a) -> bool:
        return any(c.dep_ == "aux" and c.lower_ == "had" for c in a.children)

    def readout(self, events: list[EventDraft]) -> None:
        """A readout: what the parties of a dated contact did after it, in the simple past and
        with no date of its own ('They also agreed…', 'He welcomed…'), happened during that
        contact: its date (inferred). The readout runs on for two sentences, or to the end of the
        paragraph, from the contact or from the last sentence in which a party did something on
        that date ("The two leaders also discussed…"); a party is one of the contact's
        participants or of their states."""
        last, since = None, -1
        for e in events:
            if e.contact and e.date and e.modality == "asserted" and len(e.participants) > 1 \
                    and not self._under_past_perfect(e.anchor) and not _topic(e):  # "X had called on Friday",
                last, since = e, e.sid  # "thanked him for the call": background, not the occasion of what follows
                continue
            if last is None or e.sid < last.sid:
                continue
            if e.date:
                if e.date == last.date and self._goes_on(e, last):
                    since = e.sid  # the readout goes on
                continue
            if e.modality != "asserted" or e.sid - since > 2 and self.paragraph[e.sid] != self.paragraph[since]:
                continue
            purpose = e.anchor.dep_ in ("advcl", "xcomp") and e.anchor.head == last.anchor  # "called to express"
            verb = finite_verb(e.anchor)  # "welcomed the opportunity to develop proposals": welcomed
            if verb.tag_ not in ("VBD", "VBG") and not purpose or self._under_past_perfect(verb):
                continue
            if self._parties(e.sources, last.participants):
                e.date, e.basis = last.date, "inferred"
                since = e.sid if self._goes_on(e, last) else since

    @staticmethod
    def intents(events: list[EventDraft]) -> None:
        """An intent (CAMEO 03: "agreed to meet", "offered to visit") with no date of its own is
        dated by the act it intends, when the text dates that act ("agreed to meet later this
        month", "agreed that their deputies would meet on May 6"), not by the readout or the day it was told (inferred)."""
        by_anchor = {e.anchor.i: e for e in events}
        for e in events:
            if e.root != "03" or e.basis == "explicit":
                continue
            acts = [by_anchor[c.i] for c in e.anchor.children if c.dep_ in ("xcomp", "ccomp") and c.i in by_anchor]
            act = next((o for o in acts if o.date and o.basis == "explicit"), None)
            if act is not None:
                e.date, e.basis = act.date, "inferred"

    def _goes_on(self, e: EventDraft, contact: EventDraft) -> bool:
        """Does ``e`` carry a readout on: done by the contact's parties, named ("The President
        also discussed…") or referred to ("They agreed…", "The two leaders discussed…")?"""
        if e.sources:
            return self._parties(e.sources, contact.participants)
        return refers_back(finite_verb(e.anchor))

    def _parties(self, sources: list[str], participants: list[str]) -> bool:
        """Is every source a participant, or an actor of a participant's state?"""
        states = {self.country(p) or p for p in participants}
        return all(s in participants or (self.country(s) or s) in states for s in sources)


def _reason_dated(verb: Token, tx: Timex, by_anchor: dict, published: dt.date | None) -> EventDraft | None:
    """'has summoned the ambassador over the violation of its territory on June 17': a present
    perfect takes no past date; the act it is over does (its event noun before the date)."""
    if not present_perfect(verb) or published is None or tx.date_start <= published <= tx.date_end:
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "summoned the envoy over ..."
    for prep in (c for h in heads for c in h.children
                 if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.idx < tx.start):
        for o in (c for c in prep.children if c.dep_ == "pobj" and c.i in by_anchor):
            return by_anchor[o.i]
    return None


def _topic(e: EventDraft) -> bool:
    """Is a contact noun only what another act is about ("his appreciation for the call")?"""
    return e.tok.dep_ == "pobj" and e.tok.head.lower_ in ("for", "about", "of", "over") and e.anchor == e.tok


def _purposes(events: list[EventDraft], by_anchor: dict) -> None:
    """What a dated plan or contact is to do ("will visit on Friday to discuss ...", "in July, when
    the two will discuss ...", "called on Friday to congratulate him") is done then: its date
    (inferred). Up through infinitives and their conjuncts only, not a finite clause."""
    for e in events:
        t = e.anchor
        for _ in range(4):
            if e.date or t.dep_ not in ("xcomp", "advcl", "conj") or t.tag_ not in ("VB", "VBG"):
                break
            t = t.head
            plan = by_anchor.get(t.i)
            if plan is not None and plan is not e and plan.date and (plan.modality == "planned" or plan.contact):
                e.date, e.basis = plan.date, "inferred"  # also "called on Friday to congratulate him": then


def _setting(prep, by_anchor: dict, own: dict) -> list[Timex] | None:
    """The dates of the event a meeting is the setting of ("discussed the plan in their
    meeting": the meeting is when it was discussed), up through the verb's object."""
    t = prep.head
    for _ in range(3):
        if t.i in by_anchor:
            return own.get(id(by_anchor[t.i]))
        if t.dep_ not in ("dobj", "pobj", "prep") or t.head == t:
            return None
        t = t.head
    return None


def _venue_of(e: EventDraft, by_anchor: dict, venues: frozenset[str]) -> EventDraft | None:
    """The gathering an event took place at: "talks at the summit", "met on the sidelines of the
    summit" (a venue noun of the trigger table; "during the meeting" is the meeting itself)."""
    for head in dict.fromkeys((e.tok, e.anchor)):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE | {"during"}):
            for o in (c for c in prep.children if c.dep_ == "pobj"):
                for t in (o, *prep_objects(o, ("of",))):
                    venue = by_anchor.get(t.i)
                    if venue is not None and venue is not e and venue.contact and t.lemma_.lower() in venues:
                        return venue
    return None


def host_verb(a: Token) -> Token | None:
    """The verb whose clause an event noun or a to-infinitive is part of: its object ("held
    meetings"), the object of its preposition ("resumed with meetings", "was in Brussels for
    talks", not "after meetings": a bound), its complement or purpose ("began to resume", "met to
    discuss"); None if none."""
    if a.dep_ == "pobj" and a.head.dep_ == "prep" and (a.head.lower_ not in BOUNDARY or a.head.lower_ == "for"):
        v = a.head.head
    elif a.dep_ == "dobj" or a.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                   for c in a.children):
        v = a.head
    else:
        return None
    return v if v.pos_ in ("VERB", "AUX") else None


def present_progressive(v: Token) -> bool:
    """'are meeting', 'are being held': what is under way as the article is written."""
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    now = any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in aux)
    return now and (v.tag_ == "VBG" or v.tag_ == "VBN" and any(c.lower_ == "being" for c in aux))


def refers_back(verb: Token) -> bool:
    """Is the subject of ``verb`` parties named before: "They", "The two leaders", "Both"?"""
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "discussed … and agreed": the subject of the first
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in PLURAL_PRONOUNS or any(
        n.lower_ in PAIR_NUMBERS for n in c.children if n.dep_ in ("nummod", "det", "predet")) or c.lower_ in PAIR_NUMBERS)
        for c in verb.children)


def finite_above(t: Token) -> Token:
    """The finite verb of the clause ``t`` is in, up through complements: "was ready to cooperate": was."""
    for _ in range(6):
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.head == t or t.dep_ not in (
                "xcomp", "acomp", "dobj", "pobj", "prep", "pcomp", "conj"):
            break
        t = t.head
    return t


def finite_verb(a: Token) -> Token:
    """The verb whose tense an event noun or a non-finite clause takes: up through objects,
    prepositions, infinitives, gerunds and their conjuncts to the first finite verb or
    participle clause ("stressed the need to pursue talks and prepare a roadmap": stressed;
    "have stressed bolstering ties": stressed); ``a`` if none, if ``a`` is a noun governed by
    that verb with no verb between ("criticized the summit"), or if ``a`` is what was talked
    about ("conferred about the talks", "discussed the talks")."""
    def finite(t: Token) -> bool:
        return t.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in t.children)
    t, verb = a, a.pos_ in ("VERB", "AUX")
    for _ in range(8):
        if t is not a and (finite(t) or t.tag_ == "VBG" and t.dep_ not in ("xcomp", "pcomp", "conj")):
            return t if verb else a  # "criticized the summit": the summit's own tense, not criticized's
        verb = verb or t.pos_ == "VERB"
        if t.head == t or finite(t) or t.dep_ not in ("dobj", "pobj", "prep", "xcomp", "acl", "advcl", "pcomp", "conj"):
            return a
        if t.tag_ == "VBG" and t.dep_ not in ("xcomp", "pcomp", "conj"):
            return a  # a participle clause ("agreeing that…") is its own
        if t.dep_ == "pobj" and t.head.lower_ in TOPIC_PREPS or \
                t.dep_ == "dobj" and t.head.lemma_.lower() in TOPIC_VERBS:
            return a
        t = t.head
    return a


def shares_subject(v: Token) -> bool:
    """A verb in the simple past joined to another with no subject of its own ("recalled its
    envoy on Wednesday and handed a note"): one actor's acts told together, at the first one's time."""
    return v.dep_ == "conj" and v.tag_ == "VBD" and v.head.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children)
