"""References: the actors a noun phrase of the parse refers to, from the mentions the actor step found.

Beyond the mentions themselves: "the two countries" or "both sides" (the two states named most
so far), "the two foreign ministers" (the last two people with that title), "officials from the
two countries", a title's demonym ("the Iranian foreign minister"), and first-person pronouns
inside a quotation (its speaker).
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from spacy.tokens import Doc, Token

from ..lexicon import nouns, platforms, word_values, words
from ..models import Actor, Mention, Quote
from ..syntax import prep_objects, stolen_subject

PAIR_NUMBERS = word_values("pair_numbers")
PEOPLE = words("people")
OFFICIALS = words("officials")
AGENTS = words("agents")
STATES = words("states")
FIRST_PERSON = words("first_person")
FIRST_PLURAL = words("first_plural")


class References:
    """Maps noun phrases of the parse to actor ids, using the mentions the actor step found."""

    def __init__(self, doc: Doc, mentions: list[Mention], actors: list[Actor] = (), quotes: list[Quote] = ()):
        self.doc = doc
        self.actors = {a.actor_id: a for a in actors}
        self.rooted: dict[int, list[tuple[int, str, str]]] = defaultdict(list)  # token -> (len, actor, how)
        self.positions: dict[str, list[int]] = defaultdict(list)
        self.first_seen: dict[str, int] = {}
        self.country_of = {a.country: a.actor_id for a in actors if a.kind == "country" and a.country}
        self.platforms = frozenset(name.lower() for name in platforms())
        self.governing = nouns()  # "government" -> "country": it acts for its state
        self.person_start: dict[int, int] = {}  # first token of a person's mention -> its root
        self.person_end: dict[int, int] = {}  # root of a person's mention -> the token after it
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not m.actor_id:
                continue
            self.rooted[span.root.i].append((len(span), m.actor_id, m.how))
            if self.kind(m.actor_id) == "person":
                self.person_start[span.start], self.person_end[span.root.i] = span.root.i, span.end
            self.first_seen[m.actor_id] = min(self.first_seen.get(m.actor_id, span.start), span.start)
            self.positions[self._usable(m.actor_id) or m.actor_id].append(span.root.i)
        for found in self.rooted.values():
            found.sort(key=lambda x: -x[0])
        self.aliases, self.surnames = _name_tables(actors)
        self.titles_known = {w for a in actors if a.kind == "person" for w in a.role.lower().split()}
        self.quotes = sorted((q.start, q.end, q.speaker_id) for q in quotes if q.speaker_id)
        self.quote_starts = [q[0] for q in self.quotes]
        self._refs: dict[tuple[int, bool], list[str]] = {}  # (token, strict) -> refs: asked again per trigger

    def kind(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.kind if actor else ""

    def country(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.country if actor else ""

    def titles(self, actor_id: str) -> set[str]:
        """Words of the actor's role and aliases ("ambassador", "minister")."""
        actor = self.actors.get(actor_id)
        if not actor:
            return set()
        words = set(actor.role.lower().split())
        for alias in actor.aliases:
            words.update(alias.lower().split())
        return words

    def refs(self, tok: Token | None, *, strict: bool = False) -> list[str]:
        """The actors a noun phrase (and the phrases coordinated with it) refers to.

        ``strict``: only what the phrase names, not the state its modifiers point to
        ("the Iranian trucks" is not Iran).
        """
        if tok is None:
            return []
        key = (tok.i, strict)
        if key not in self._refs:
            out: list[str] = []
            # "A and Minister B" parsed with B as A's appositive: B after the "and" is coordinated
            # (unless a conjunct names someone: "A and his host, B," apposes B to the host)
            after_and = [c for c in tok.rights if c.dep_ == "appos"
                         and any(cc.dep_ == "cc" and cc.lower_ == "and" and tok.i < cc.i < c.i for cc in tok.rights)]
            if any(self._ref(c, strict) for c in tok.conjuncts):
                after_and = []
            conjuncts = [c for c in tok.conjuncts if not self._possessor(c)]
            heads = [tok, *(c for c in tok.children if c.dep_ == "appos" and self._person(c))]  # "the presidents A ..."
            listed = [x for h in heads for x in listed_people(h, self.person_start, self.person_end)]
            opener = listed_before(tok, self.person_start, self.person_end)  # "with A and B", A hung on B
            lead = [opener, *listed_people(opener, self.person_start, self.person_end)] if opener is not None else []
            for t in (*lead, tok, *conjuncts, *after_and, *listed):
                for a in self._ref(t, strict):
                    if a not in out:
                        out.append(a)
            self._refs[key] = out
        return list(self._refs[key])  # a copy: callers may extend what they get

    def _person(self, t: Token) -> bool:
        found = self.rooted.get(t.i)
        return bool(found) and self.kind(found[0][1]) == "person"

    def _possessor(self, t: Token) -> bool:
        """'A and Pakistan's B' parsed with Pakistan as A's conjunct: a state whose "'s" comes right
        before a person's name is that person's state, not a party of its own."""
        case = next((c for c in t.children if c.tag_ == "POS"), None)
        return case is not None and case.i + 1 in self.person_start

    def _usable(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor is None:
            return actor_id
        if actor.name.lower() in self.platforms or actor.actor_id in self.platforms:
            return ""
        if actor.kind == "place":
            return self.country_of.get(actor.country, "")
        return actor_id

    def _ref(self, t: Token, strict: bool = False) -> list[str]:
        speaker = self._speaker_at(t)
        if speaker:
            return [speaker]
        states = self._officials_of(t)
        if states:
            return states
        found = self.rooted.get(t.i)
        if found:
            actor_id = self._usable(found[0][1])
            return [actor_id] if actor_id else []
        if t.text in self.surnames and t.dep_ not in ("compound", "amod") and not any(
                c.dep_ == "compound" for c in t.lefts):  # "Ocampos said": the one person so named
            return [self.surnames[t.text]]
        if t.lemma_.lower() in AGENTS and t.tag_ == "NN":  # "the representative of the Palestinian Authority"
            sent = [x for o in prep_objects(t, ("of",)) for x in self.refs(o) if self.kind(x) in ("country", "organization")]
            if sent:
                return sent[:1]
        for o in _objects_of(t) if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ else ():
            named = [c for c in (o, *o.children) if (c is o or c.dep_ == "appos") and self._person(c)]
            if named:  # "the Foreign Minister of Paraguay, Ana X,": the parse apposes her to the state;
                return self._ref(named[0])  # "President of the Republic of China X": hangs X on "of"
        state = self._title_of_state(t)
        if state:  # "the president of Chile": Chile's one president, whoever else "the president" is
            return [state]
        core = [c for c in t.lefts if c.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod")]
        if core and t.pos_ == "NOUN" and not t.is_upper:  # a description, not a dateline
            alias = self.aliases.get(_norm(self.doc[core[0].i : t.i + 1].text))
            if alias:
                return [alias]
        for child in t.children:
            if child.dep_ == "appos" and not self._stolen(child):
                found = self._ref(child)
                if found:
                    return found
        both = self._pair(t)
        if both or strict:
            return both
        if t.pos_ == "NOUN" and not t.ent_type_:
            groups = self.delegates(t)
            if groups:
                return groups
        out = []
        for child in t.lefts:
            if child.dep_ in ("amod", "compound", "nmod"):
                for mod in (child, *child.conjuncts):
                    for length, actor_id, how in self.rooted.get(mod.i, [])[:1]:
                        actor_id = self._upgrade(self._usable(actor_id), t)
                        if actor_id and actor_id not in out:
                            out.append(actor_id)
        if out and all(self.kind(x) == "organization" for x in out):  # "X's United Nations ambassador": X's
            out = [x for c in t.lefts if c.dep_ == "poss" for _, x, _ in self.rooted.get(c.i, [])[:1]
                   if self.kind(x) == "country"] or out
        if out:
            return out
        for child in t.lefts:
            if child.dep_ == "poss":
                for length, actor_id, how in self.rooted.get(child.i, [])[:1]:
                    if how != "pronoun" and self.kind(actor_id) in ("country", "organization", ""):
                        actor_id = self._usable(actor_id)
                        return [actor_id] if actor_id else []
                if child.tag_ in ("NNS", "NNPS"):  # "the two countries' leaders"
                    return self._pair(child)
        if self.governing.get(t.lemma_.lower()) == "country":  # "the regime in Iran", "the government of Iraq"
            for o in prep_objects(t, ("in", "of")):
                states = [self.country_of.get(self.country(x), "") if self.kind(x) == "place" else x
                          for x in self.refs(o)]
                states = [x for x in states if self.kind(x) == "country"]
                if states:
                    return states[:1]
        return []

    def _title_of_state(self, t: Token) -> str:
        """The one person whose role ``t`` names "of" a state ("the president of Chile"), else ""."""
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lemma_.lower() not in self.titles_known:
            return ""
        for o in prep_objects(t, ("of",)):
            for x in self.refs(o, strict=True)[:1]:
                person = self._upgrade(x, t) if self.kind(x) == "country" else ""
                if self.kind(person) == "person":
                    return person
        return ""

    def _upgrade(self, actor_id: str, head: Token) -> str:
        """A country named by a title's demonym -> the one person with that title and country."""
        if self.kind(actor_id) != "country":
            return actor_id
        words = {head.lemma_.lower()}  # "the Greek prime minister" is not the Greek foreign minister
        words.update(c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound") and c.i not in self.rooted)
        iso = self.country(actor_id)
        people = [a.actor_id for a in self.actors.values()
                  if a.kind == "person" and a.country == iso and words <= set(a.role.lower().split())]
        return people[0] if len(people) == 1 else actor_id

    def both_sides(self, t: Token) -> list[str]:
        """The two states a plural reference at ``t`` points to ("their meeting", "the two sides"):
        the two named most so far, or in the whole text (``_states``)."""
        return self._states(t, 2)

    def _pair(self, t: Token) -> list[str]:
        """'the two foreign ministers' -> the two people with that title mentioned so far;
        'the two countries', 'both sides' -> the two states mentioned most so far."""
        if t.tag_ not in ("NNS", "NNPS"):
            return []
        number = next((PAIR_NUMBERS[c.lower_] for c in t.lefts if c.lower_ in PAIR_NUMBERS), 0)
        word = t.lemma_.lower()
        if not number and word in PEOPLE and any(c.dep_ == "det" and c.lower_ == "the" for c in t.lefts) \
                and not any(c.dep_ in ("amod", "compound", "poss", "nummod") for c in t.lefts):
            number = 2  # "The ministers agreed": the two of the talks just reported
        if not number:
            return []
        if word in STATES:
            return self._states(t, number)
        people = [a.actor_id for a in self.actors.values()
                  if a.kind == "person" and word in self.titles(a.actor_id)
                  and self.first_seen.get(a.actor_id, len(self.doc)) < t.i]
        if len(people) < number and word in PEOPLE:  # "the two men": the last two people named
            people = [a.actor_id for a in self.actors.values()
                      if a.kind == "person" and self.first_seen.get(a.actor_id, len(self.doc)) < t.i]
        if len(people) < number:
            return []
        last = {a: max(i for i in self.positions[a] if i < t.i) for a in people
                if any(i < t.i for i in self.positions[a])}
        recent = sorted(last, key=lambda a: -last[a])[:number]
        return sorted(recent, key=lambda a: self.first_seen[a]) if len(recent) == number else []

    def _states(self, t: Token, number: int) -> list[str]:
        """'the two countries': the two states named most before it; when fewer are named before it
        ("between South and North Korea", "South" unknown), the two the whole text names most, if
        no third is named as often."""
        for before in (t.i, len(self.doc)):
            counts = {a: sum(1 for i in self.positions[a] if i < before) for a in self.country_of.values()}
            ranked = sorted((a for a in counts if counts[a]), key=lambda a: (-counts[a], self.first_seen[a]))
            if len(ranked) < number:
                continue
            if before == t.i or len(ranked) == number or counts[ranked[number - 1]] > counts[ranked[number]]:
                return sorted(ranked[:number], key=lambda a: self.first_seen[a])
        return []

    def _stolen(self, appos: Token) -> bool:
        """Is this 'appositive' the subject of the verb right after it (``syntax.stolen_subject``)?"""
        end = appos.right_edge.i + 1
        return end < len(self.doc) and stolen_subject(self.doc[end]) == appos

    def _officials_of(self, t: Token) -> list[str]:
        """'the leaders of Azerbaijan and Armenia', 'the top diplomats of A, B, C', 'Iranian and Turkish
        officials' (no one named): officials of several states stand for those states."""
        if t.tag_ not in ("NNS", "NNPS"):
            return []
        lemma, named = t.lemma_.lower(), []
        if lemma.split("-")[-1] in PEOPLE:
            named += [x for o in prep_objects(t, ("of",)) for x in self.refs(o)]
        if lemma in OFFICIALS:
            mods = [m for c in t.lefts if c.dep_ in ("amod", "compound") for m in (c, *c.conjuncts)]
            named += [x for m in mods for _, x, _ in self.rooted.get(m.i, [])[:1]]
        found = []
        for x in map(self._usable, named):  # a place stands for its state
            if self.kind(x) == "country" and x not in found:
                found.append(x)
        return found if len(found) > 1 else []

    def delegates(self, t: Token) -> list[str]:
        """People sent by states: 'senior officials from the two countries' -> the two states;
        'their deputies', where 'they' are the subject of the clause around -> their states."""
        found = []
        own = any(c.dep_ == "poss" for c in t.children)  # "recalled its ambassador from Rabat": not sent by Rabat
        for o in prep_objects(t, ("from",)) if t.tag_ == "NNS" and not own else ():
            for x in self.refs(o):
                if self.kind(x) in ("country", "organization") and x not in found:
                    found.append(x)
        if found:
            return found
        if not any(c.dep_ == "poss" and c.lower_ == "their" and c.i not in self.rooted for c in t.children):
            return []
        v = t.head
        for _ in range(4):  # "the ministers agreed that their deputies would meet"
            if v.head == v:
                break
            v = v.head
            for subj in (c for c in v.children if c.dep_ == "nsubj" and c != t):
                states = []
                for x in self.refs(subj):
                    state = self.country_of.get(self.country(x), x) if self.kind(x) == "person" else x
                    if state not in states:
                        states.append(state)
                if len(states) > 1:
                    return states
        return []

    def _speaker_at(self, t: Token) -> str:
        """First-person pronouns inside a direct quotation refer to its speaker."""
        word = t.lower_
        if word not in FIRST_PERSON and word not in FIRST_PLURAL or not self.quotes:
            return ""
        k = bisect.bisect_right(self.quote_starts, t.idx) - 1
        if k < 0 or not (self.quotes[k][0] <= t.idx < self.quotes[k][1]):
            return ""
        speaker = self.quotes[k][2]
        if word in FIRST_PLURAL and self.kind(speaker) == "person":
            return self.country_of.get(self.country(speaker), speaker)
        return speaker


def _objects_of(t: Token) -> list[Token]:
    """The objects of ``t``'s "of", and of theirs ("of the Republic of India X")."""
    found = prep_objects(t, ("of",))
    return found + [x for o in found for x in prep_objects(o, ("of",))]


def _name_tables(actors) -> tuple[dict[str, str], dict[str, str]]:
    """What names one actor alone: a normalised name or alias -> its actor; one word of a
    person's full name -> that person (where no other actor's name has it)."""
    aliases: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    kind = {a.actor_id: a.kind for a in actors}
    for a in actors:
        for alias in (a.name, *a.aliases):
            aliases[_norm(alias)].add(a.actor_id)
            for word in alias.split():
                if a.kind != "person" or len(word) > 2 and word[0].isupper():
                    names[word].add(a.actor_id)
    return ({k: next(iter(v)) for k, v in aliases.items() if len(v) == 1 and k},
            {w: next(iter(v)) for w, v in names.items() if len(v) == 1 and kind[next(iter(v))] == "person"})


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            return text[len(article):]
    return text


def listed_people(tok: Token, person_start: dict[int, int], person_end: dict[int, int]) -> list[Token]:
    """The people a list names after the person at ``tok``, read off the surface, not the parse (which
    may appose or conjoin them anywhere): "with President A of X, Prime Minister B of Y and President C".
    ``person_start`` maps the first token of each person's mention to its root, ``person_end`` a root
    to the token after the mention."""
    doc, out = tok.doc, []
    end = person_end.get(tok.i)
    sent_end, closed = tok.sent.end, False
    while end is not None:
        j = end
        if j < sent_end and doc[j].lower_ in ("of", "from"):  # their state: "of Brazil"
            j += 1
            while j < sent_end and doc[j].text != "," and doc[j].lower_ != "and" and doc[j].pos_ in ("PROPN", "DET"):
                j += 1
        mark = j
        j += j < sent_end and doc[j].text == ","
        j += j < sent_end and doc[j].lower_ == "and"
        if j == mark or closed:
            break  # no list, or past its last item: "A and B, the minister C" apposes C to B
        closed = doc[j - 1].lower_ == "and"
        for k in range(j, min(j + 5, sent_end)):  # past the title: "Prime Minister", never past a verb
            if k in person_start or doc[k].is_punct or doc[k].pos_ not in ("PROPN", "NOUN", "ADJ", "DET"):
                break
        root = person_start.get(k) if j < sent_end else None
        if root is None:
            break
        out.append(doc[root])
        end = person_end.get(root)
    return out


def listed_before(tok: Token, person_start: dict[int, int], person_end: dict[int, int]) -> Token | None:
    """The first person of a list that opens the prepositional phrase whose object ``tok`` is a
    later person of it ("with Minister A and Minister B", A misparsed as B's modifier): the root
    of A's mention. ``person_start``/``person_end`` as for ``listed_people``."""
    if tok.dep_ != "pobj" or tok.i not in person_end:
        return None
    doc, k = tok.doc, tok.head.i + 1
    while k < tok.i and k not in person_start and doc[k].dep_ in ("det", "amod", "compound"):
        k += 1  # "with the Turkish Foreign Minister A": past the title to the name
    root = person_start.get(k)
    return doc[root] if root is not None and root < tok.i and doc[root].head.i >= tok.i else None
