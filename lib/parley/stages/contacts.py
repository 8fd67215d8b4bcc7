"""Contacts: the distinct diplomatic contacts (calls, meetings, visits, summonses, notes).

Every mention of a contact is an event; a contact is the set of events that mention the
same one. Events are merged in text order into the most recently mentioned contact they
fit: the same channel (or none named), participants that nest (the same people, or the
people of the same countries), overlapping dates, the same modality and no conflicting
ordinal ("the second call" is not the call "earlier this month"). Anaphora ("in this
conversation", "the meeting") was already resolved by the events step, which copied the
referred contact's channel, parties and date into the anaphoric mention. A public
statement, a tweet or the recall of one's own ambassador is not a contact, nor a call between
people of one state (a president and his own ambassador), nor two mentions of one party each.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from collections.abc import Callable

from ..lexicon import contact_vocabulary
from ..models import Actor, Contact, Event

HOST = "043"  # CAMEO "host a visit": the target is the visitor
REPEATED = "repeated"  # the date basis of a contact held repeatedly or at no one time in the past


@dataclass
class _Contact:
    events: list[Event] = field(default_factory=list)
    channels: set[str] = field(default_factory=set)
    participants: list[str] = field(default_factory=list)
    date: tuple[dt.date, dt.date] | None = None
    ordinal: int = 0
    modality: str = "asserted"
    location: str = ""
    source: str = ""  # the state that summoned, visited, wrote
    told: bool = False  # the date is one the text gives, not the publication day or an inference

    @property
    def repeated(self) -> bool:
        return any(e.date_basis == REPEATED for e in self.events)

    @property
    def sentences(self) -> set[int]:
        return {e.sentence_id for e in self.events}

    def add(self, event: Event) -> None:
        self.events.append(event)
        if event.channel:
            self.channels.add(event.channel)
        for actor_id in event.participant_ids:
            if actor_id and actor_id not in self.participants:
                self.participants.append(actor_id)
        span = _span(event)
        told = event.date_basis == "explicit"
        if span is not None and told and not self.told:
            self.date = span  # "I visited X on Monday and Tuesday" beats the day the visit was reported
        elif span is not None and (told or not self.told):
            self.date = span if self.date is None else _intersect(self.date, span) or self.date
        self.told = self.told or told and span is not None
        self.ordinal = self.ordinal or event.ordinal
        self.location = self.location or event.location
        if len(self.events) == 1:
            self.modality = event.modality


def _span(event: Event) -> tuple[dt.date, dt.date] | None:
    if event.date_start is None or event.date_end is None:
        return None
    return event.date_start, event.date_end


def _intersect(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def _precision(contact: _Contact, event: Event) -> int:
    """How well a contact's date matches an event's: 2 the same or narrower, 1 broader, 0 unknown."""
    span = _span(event)
    if span is None or contact.date is None:
        return 0
    return 2 if span[0] <= contact.date[0] and contact.date[1] <= span[1] else 1


def is_contact(cameo_code: str, channel: str) -> bool:
    """Does an event so coded, on this channel, mention a contact between parties (not a
    statement, a tweet or a recall)?"""
    vocabulary = contact_vocabulary()
    if channel in vocabulary.channels:
        return True
    return cameo_code in vocabulary.unnamed_codes and channel == ""


def parties_fit(a, b, *, country_of: Callable[[str], str], kind_of: Callable[[str], str]) -> bool:
    """Two participant lists can be the same contact: people and countries nest, never
    conflict ({minister A, minister B} fits {A's country, B's country})."""
    if not a or not b:
        return True
    # the people of one state nest ("the minister" of one mention is the other's); people of two
    # different states are the two sides of one contact, each known to one mention
    people_a = {x for x in a if kind_of(x) == "person"}
    people_b = {x for x in b if kind_of(x) == "person"}
    for state in {country_of(x) or x for x in people_a} & {country_of(x) or x for x in people_b}:
        mine = {x for x in people_a if (country_of(x) or x) == state}
        theirs = {x for x in people_b if (country_of(x) or x) == state}
        if not (mine <= theirs or theirs <= mine):
            return False
    ca = {country_of(x) or x for x in a if country_of(x) or kind_of(x) != "person"}  # a person of no known
    cb = {country_of(x) or x for x in b if country_of(x) or kind_of(x) != "person"}  # state conflicts with none
    return ca <= cb or cb <= ca


class _Merger:
    def __init__(self, actors: list[Actor]):
        self.country = {a.actor_id: a.country for a in actors}
        self.kind = {a.actor_id: a.kind for a in actors}
        self.vocabulary = contact_vocabulary()

    def parties_fit(self, a, b) -> bool:
        return parties_fit(a, b, country_of=lambda x: self.country.get(x, ""), kind_of=lambda x: self.kind.get(x, ""))

    def direction(self, event: Event) -> str:
        """The state that summoned, wrote or visited (the guest of a hosted visit, 043)."""
        who = event.target_id if event.cameo_code == HOST else event.source_id
        return self.country.get(who, "")

    def fits(self, contact: _Contact, event: Event) -> bool:
        if contact.modality != event.modality:
            return False
        if contact.repeated != (event.date_basis == REPEATED):
            return False  # "have met numerous times in the past" is not the day's meeting
        if event.channel and contact.channels and event.channel not in contact.channels:
            if not any(self.vocabulary.together(event.channel, c) for c in contact.channels):
                return False
        span = _span(event)
        if span is not None and contact.date is not None and _intersect(span, contact.date) is None:
            return False
        if event.ordinal and contact.ordinal and event.ordinal != contact.ordinal:
            return False
        source = self.direction(event)
        if contact.source and source and source != contact.source and event.channel in self.vocabulary.directed | {""}:
            return False  # Poland's summons of Belarus's envoy and Belarus's of Poland's: two
        if not self.parties_fit(contact.participants, event.participant_ids) and not self._stop_on_a_trip(contact, event):
            return False
        if len(contact.participants) == 1 and event.participant_ids and not self._same_side(
                contact.participants[0], event.participant_ids):
            return False  # two mentions of one party each, a party apiece: no text says they met
        if contact.channels == {"visit"} and len(contact.participants) == 1 and event.channel != "visit" \
                and set(event.participant_ids) - set(contact.participants):
            return False  # a trip no one hosts ("his visit to New York for the UN General Assembly") is not
            # the meeting with someone told after it
        if any(event.held_at == e.start or e.held_at == event.start for e in contact.events):
            return False  # the talks held at a summit are not the summit
        if event.channel == "phone" and self._third_person(contact.participants, event.participant_ids):
            return False  # a call joins two people: "spoke by phone with A and B" is two calls
        # a mention may name fewer states than the contact, not more: trilateral talks are not the
        # bilateral visit of the same week; a contact known by one side only ("in his meeting with the
        # envoy") grows into the mention that names both
        mine = self.states(event.participant_ids)
        theirs = self.states(contact.participants)
        return len(theirs) < 2 or mine <= theirs

    def _same_side(self, party: str, ids) -> bool:
        """Is ``party``, or another actor of its state, among ``ids``?"""
        state = self.country.get(party, "")
        return party in ids or bool(state) and any(self.country.get(x) == state for x in ids)

    def _stop_on_a_trip(self, contact: _Contact, event: Event) -> bool:
        """'X is in Brazil on a State visit ... He also visited the National Congress': the visitor's
        call at institutions of no state named is a stop on the visit, not a contact of its own."""
        others = [x for x in event.participant_ids if x != event.source_id]
        return event.channel == "visit" and "visit" in contact.channels and event.source_id in contact.participants \
            and bool(others) and all(self.kind.get(x) == "organization" and not self.country.get(x) for x in others)

    def _third_person(self, a, b) -> bool:
        """Do two participant lists name three people or more, each side one the other does not?"""
        people_a = {x for x in a if self.kind.get(x) == "person"}
        people_b = {x for x in b if self.kind.get(x) == "person"}
        return bool(people_a - people_b) and bool(people_b - people_a) and len(people_a | people_b) > 2

    def domestic(self, ids) -> bool:
        """Are all the parties people (or the state) of one state: a president calling his own
        ambassador, not a contact between states?"""
        return len(self.states(ids)) == 1 and all(self.country.get(x) for x in ids) \
            and all(self.kind.get(x) in ("person", "country") for x in ids)

    def states(self, ids) -> set[str]:
        return {self.country[x] for x in ids if self.country.get(x)}

    def merge(self, events: list[Event]) -> list[_Contact]:
        found: list[_Contact] = []
        touched: list[_Contact] = []  # most recently mentioned last
        for event in events:
            if not is_contact(event.cameo_code, event.channel) or event.modality != "asserted" and not event.channel \
                    and not (event.date_basis == "explicit" and len(event.participant_ids) > 1):
                continue  # "agreed to continue consultations" names no contact yet; "next week's talks with X" does
            fitting = [c for c in touched if self.fits(c, event)]
            if not event.participant_ids or not event.source_id and not event.channel:
                # "Note Verbal was submitted", "the court heard the two countries' arguments" (no one
                # on one side): part of the contact this sentence is about, if any
                fitting = [c for c in fitting if event.sentence_id in c.sentences
                           or event.ordinal and event.ordinal == c.ordinal]
                if not fitting:
                    continue
            if fitting:
                held = {e.held_at for c in fitting for e in c.events}  # a summit and the talks held at it
                fitting = [c for c in fitting if not any(e.start in held for e in c.events)] or fitting  # the talks
                contact = max(fitting, key=lambda c: (_precision(c, event), touched.index(c)))
                touched.remove(contact)
            else:
                contact = _Contact()
                found.append(contact)
            contact.add(event)
            if event.channel in self.vocabulary.directed and not contact.source:
                contact.source = self.direction(event)
            touched.append(contact)
        self.order(found)
        return found

    def order(self, found: list[_Contact]) -> None:
        """The n-th contact of a series ended before the (n+1)-th began."""
        for a in found:
            for b in found:
                if a.ordinal and b.ordinal == a.ordinal + 1 and a.date and b.date and a.date[1] >= b.date[0] \
                        and self.parties_fit(a.participants, b.participants):
                    narrowed = (a.date[0], b.date[0] - dt.timedelta(days=1))
                    if narrowed[0] <= narrowed[1]:
                        a.date = narrowed

    def row(self, contact: _Contact) -> Contact:
        channel = next((c for c in self.vocabulary.channels if c in contact.channels),
                       self.vocabulary.default_channel)
        countries = sorted({self.country.get(x, "") for x in contact.participants} - {""})
        people = [x for x in contact.participants if self.kind.get(x) != "country"]
        represented = {self.country.get(x) for x in people}
        participants = [x for x in contact.participants
                        if self.kind.get(x) != "country" or self.country.get(x) not in represented]
        return Contact(
            contact_id="",  # numbered with the table's other ids (``tables.numbered``)
            channel=channel,
            participant_ids=tuple(participants),
            countries=tuple(countries),
            date_start=contact.date[0] if contact.date else None,
            date_end=contact.date[1] if contact.date else None,
            location=contact.location,
            modality=contact.modality,
            event_ids=tuple(e.event_id for e in contact.events),
            sentence_ids=tuple(sorted(contact.sentences)),
        )


def contacts(events: list[Event], *, actors: list[Actor]) -> list[Contact]:
    """One row per distinct diplomatic contact, merging every event that mentions it, by first
    mention; ``contact_id`` is left for the table to number."""
    merger = _Merger(actors)
    rows = [merger.row(c) for c in merger.merge(events)]
    return [r for r in rows if len(r.participant_ids) >= 2  # a contact is between parties,
            and not merger.domestic(r.participant_ids)]  # of two sides, not of one state's own people
