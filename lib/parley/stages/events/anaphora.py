"""Anaphora between events: "this conversation", "the meeting", "the second call" take the
contact they refer to; speech verbs that only attribute another event are dropped."""
from __future__ import annotations

from collections import defaultdict

from ...cameo import CONSULT, STATEMENT
from ...lexicon import contact_vocabulary
from ...syntax import prep_objects, subjects
from ..contacts import parties_fit
from .draft import EventDraft
from .grammar import ACT_ROOTS, EARLIER, Grammar


class Anaphora:
    """Links the events of one article to those they refer to, given the codes the triggers found."""

    def __init__(self, grammar: Grammar, codes: dict[int, str]):
        self.grammar = grammar
        self.res = grammar.res
        self.codes = codes
        self.vocabulary = contact_vocabulary()

    def _parties_fit(self, a: list[str], b: list[str]) -> bool:
        return parties_fit(a, b, country_of=self.res.country, kind_of=self.res.kind)

    def suppress(self, events: list[EventDraft]) -> None:
        """Speech verbs that only attribute another event, and 'according to' cues, are not events."""
        for e in events:
            n = e.tok
            if e.code == STATEMENT and n.dep_ == "pobj" and n.head.lower_ == "to" and n.head.head.lemma_ == "accord":
                e.suppressed = True
        live = [e for e in events if not e.suppressed]
        event_toks = {e.tok.i for e in live} | {e.anchor.i for e in live if e.anchor != e.tok}
        for e in live:
            if e.code != STATEMENT:
                continue
            n = e.tok
            if n.dep_ == "advcl" and n.head.i in event_toks and self.codes.get(n.head.i) == STATEMENT:
                e.suppressed = True
                continue
            for child in n.children:
                if child.dep_ in ("ccomp", "xcomp", "acl", "relcl") or (
                    child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children)
                ):
                    if any(t.i in event_toks for t in child.subtree if t.i != n.i):
                        e.suppressed = True
                        break

    @staticmethod
    def _dates_fit(a: EventDraft, b: EventDraft) -> bool:
        return not (a.date and b.date and (a.date[1] < b.date[0] or b.date[1] < a.date[0]))

    def _compatible(self, a: EventDraft, b: EventDraft) -> bool:
        if a.modality != b.modality:
            return False
        if a.channel and b.channel and a.channel != b.channel:
            both = {a.channel, b.channel}
            if not both <= self.vocabulary.face_to_face and both != {"note", "summons"}:
                return False
        if not self._dates_fit(a, b):
            return False
        if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
            return False
        return self._parties_fit(a.participants, b.participants)

    def resolve(self, events: list[EventDraft]) -> None:
        """Link 'this conversation', 'the meeting', 'the second call' to the contact they refer to."""
        seen: list[EventDraft] = []
        sizes: dict[int, int] = defaultdict(int)
        for e in events:
            if not e.contact or e.suppressed:
                continue
            candidates = [p for p in seen if p.modality == "asserted" and p.basis != "repeated"
                          and self._compatible(e, p) and (len(p.participants) > 1 or not e.targets)]
            # a trip no one hosts ("his visit to New York for the UN General Assembly") is not the
            # meeting with someone told after it ("one of the meetings was with X")
            if e.channel in self.vocabulary.face_to_face | {"note"} and e.anaphora:
                candidates = [p for p in candidates if p.channel in self.vocabulary.face_to_face | {"note"}]
            # "held talks on the sidelines of the summit. During the meeting, ...": the talks, not the summit
            candidates = [p for p in candidates if not any(q.venue is p for q in candidates)] or candidates
            if e.channel and any(p.channel == e.channel and p.participants for p in candidates):
                candidates = [p for p in candidates if p.channel == e.channel]  # "the call": a call
            ante = None
            if e.ordinal:
                same = [p for p in candidates if p.ordinal == e.ordinal]
                ante = same[-1] if same else None
            elif e.anaphora == "demonstrative" and not e.participants and self._enacted(e, events):
                pass  # "due to sign a protocol with X on the 31st; that meeting was called off"
            elif e.anaphora == "demonstrative" and candidates:
                ante = candidates[-1]
            elif e.anaphora == "definite" and self._vague(e, seen):
                ante = [p for p in seen if p.channel == e.channel][-1]  # "During the phone call, the two sides…"
                e.sources, e.targets = [], []
            elif e.anaphora == "definite" and candidates:
                ante = max(candidates, key=lambda p: (sizes[p.chain], seen.index(p)))
            elif e.anaphora and seen and seen[-1].sid >= e.sid - 1 and seen[-1].modality == e.modality == "asserted":
                near = seen[-1]  # "The meeting ... was hosted by X": the one just mentioned, X joins it
                if (not e.channel or not near.channel or e.channel == near.channel
                        or {e.channel, near.channel} <= self.vocabulary.face_to_face) and self._dates_fit(e, near) \
                        and (len(near.participants) > 1 or not e.targets):
                    ante = near
                    e.targets += [x for x in near.participants if x not in e.participants]
            if ante is None:
                e.chain = len(seen)
            else:
                e.chain = ante.chain
                self._inherit(e, ante)
            sizes[e.chain] += 1
            seen.append(e)
        for e in events:  # "the release of the drivers": the release mentioned before
            if e.contact or e.anaphora != "definite" or e.sources and e.targets:
                continue
            lemma = e.tok.lemma_.lower()
            for p in reversed(events):
                if p.tok.i >= e.tok.i or p.code != e.code or p.tok.lemma_.lower() != lemma:
                    continue
                if self._parties_fit(e.participants, p.participants) and (p.sources or p.targets):
                    e.sources = e.sources or [x for x in p.sources if x not in e.targets]
                    e.targets = e.targets or [x for x in p.targets if x not in e.sources]
                    if e.date is None and p.date is not None:
                        e.date, e.basis = p.date, "inferred"
                    break

    def _vague(self, e: EventDraft, seen: list[EventDraft]) -> bool:
        """Does a definite contact noun, whose parties are only states ("the two sides"), follow a
        contact of the same channel in the sentence before that shares one of those states?"""
        same = [p for p in seen if p.channel == e.channel]
        if not same or not e.channel or not e.participants or any(self.res.kind(x) != "country" for x in e.participants):
            return False
        last = same[-1]
        states = {self.res.country(x) for x in last.participants} - {""}
        return last.sid == e.sid - 1 and last.channel == e.channel and last.modality == e.modality == "asserted" \
            and len(last.participants) > 1 and bool(states & {self.res.country(x) for x in e.participants}) \
            and not self._parties_fit(e.participants, last.participants) and self._dates_fit(e, last)

    def _enacted(self, e: EventDraft, events: list[EventDraft]) -> bool:
        """'that meeting' after a joint act earlier in its sentence and no contact close by: the
        meeting that act was (to be) done at. It takes the act's parties and date."""
        if any(p.contact and p.participants and e.sid - 1 <= p.sid and p.tok.i < e.tok.i for p in events):
            return False
        acts = [p for p in events if p.sid == e.sid and p.tok.i < e.tok.i and not p.contact
                and p.sources and p.targets and p.root in ("03", "05", "06", "07", "08")]
        if not acts:
            return False
        act = acts[-1]
        e.sources, e.targets = list(act.sources), list(act.targets)
        if e.date is None and act.date is not None:
            e.date, e.basis = act.date, "inferred"
        return True

    def _inherit(self, e: EventDraft, ante: EventDraft) -> None:
        if e.code == CONSULT or ante.channel == "summons" and e.channel in ("", "meeting"):
            e.code = ante.code
        if e.channel == "" or e.channel == "meeting" and ante.channel in self.vocabulary.face_to_face:
            e.channel = ante.channel or e.channel
        mine = set(e.participants)
        theirs = set(ante.participants)
        states = {self.res.country(x) for x in ante.participants}
        if not mine or mine <= theirs or all(self.res.kind(x) == "country" and self.res.country(x) in states
                                             for x in mine):
            e.sources, e.targets = list(ante.sources), list(ante.targets)  # who is who, as first said
            if e.channel == ante.channel:
                e.code = ante.code  # "the visit" after "X welcomed Y": the same hosted visit
        elif not e.targets:
            e.targets = [x for x in ante.participants if x not in e.sources]
        if e.date is None and ante.date is not None:
            e.date, e.basis = ante.date, "inferred"
        e.ordinal = e.ordinal or ante.ordinal
        e.location = e.location or ante.location

    def context(self, events: list[EventDraft]) -> None:
        """'In this conversation, the two sides agreed': the parties of the contact around a clause."""
        by_tok = {e.tok.i: e for e in events}
        for e in events:
            if e.suppressed or any(self.res.kind(x) != "country" for x in e.sources):
                continue
            host = None
            for prep in e.anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at", "after"):
                    continue
                for o in prep.children:
                    for t in (o, *prep_objects(o, ("of",))):
                        if t.i in by_tok and by_tok[t.i].contact and by_tok[t.i] is not e:
                            host = by_tok[t.i]
            if host is None and not e.own_source:  # "agreed to continue consultations": the parties that agreed
                governor = self.grammar.governor(e.anchor)
                host = by_tok.get(governor.i) if governor is not None else None
                if host is not None and host.root not in ACT_ROOTS:
                    host = None
            if host is not None and host.sources:  # a host known by its other side only tells no one's part
                parts = host.participants
                states = {self.res.country(x) for x in parts}
                if e.sources and not {self.res.country(x) for x in e.sources} <= states:
                    continue
                e.sources = parts[:1]  # "the two sides", the people of that contact
                e.targets = [x for x in e.targets if self.res.kind(x) != "country"] or \
                    [x for x in parts[1:] if x not in e.sources] or [x for x in e.targets if x not in e.sources]

    def protagonist(self, events: list[EventDraft]) -> None:
        """'X met several ministers in New York. With Y, talks focused on trade': a contact told with
        its other party only is held by whoever held the contact just before, within two sentences
        (the paragraph's protagonist), when that one is of another state than the party named: a
        person, or a party "with" the event noun."""
        last = None
        for e in events:
            if e.suppressed or not e.contact:
                continue
            named = any(self.res.kind(x) == "person" for x in e.targets) or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in e.tok.children)  # "talks with Iran", not "of"
            fronted = [x for c in e.anchor.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < e.anchor.i
                       for o in c.children if o.dep_ == "pobj" for x in self.res.refs(o)]
            if fronted and last is not None and e.sid - last.sid <= 2 and any(
                    s.lower_ == "they" or s.tag_ == "NNS" for s in subjects(e.anchor)):
                e.sources, e.targets = [], fronted  # "And with X, they (the two leaders) also discussed": X and
                named = True  # the one who talked with each in turn, not the last two named
            if not e.sources and named and last is not None and e.sid - last.sid <= 2:
                host = last.sources[0]
                others = [x for x in e.targets if x != host]  # a mention may have taken in its host already
                if self.res.country(host) not in {self.res.country(x) for x in others}:
                    e.sources, e.targets = [host], others
            if e.sources:
                last = e

    def earlier(self, events: list[EventDraft]) -> None:
        """'Earlier this month, they had held a call' next to 'the second call': the first one."""
        contacts = [e for e in events if e.contact and not e.suppressed]
        for e in contacts:  # "in their first call" next to "the second call between A and B": A and B
            if e.ordinal and not e.participants:
                series = [o for o in contacts if o.ordinal and o.ordinal != e.ordinal and o.participants
                          and (not o.channel or not e.channel or o.channel == e.channel)]
                if series:
                    e.sources, e.targets = list(series[0].sources), list(series[0].targets)
        for e in contacts:
            if e.ordinal:
                continue
            words = {w.lower() for w in e.own_timex.split()[:1]}
            words.update(c.lower_ for c in e.anchor.children if c.dep_ == "advmod")
            if not words & EARLIER:
                continue
            later = [o.ordinal for o in contacts if o.ordinal > 1 and o is not e
                     and (not o.channel or not e.channel or o.channel == e.channel)
                     and self._parties_fit(o.participants, e.participants)]
            if later:
                e.ordinal = min(later) - 1
