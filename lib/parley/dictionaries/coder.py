"""CAMEO events coded with a PETRARCH verb dictionary over spaCy's dependency parse.

For each verb of a sentence whose written form or lemma is in the dictionary, the patterns
of every synonym block listing it are tried against the words before the verb (in the
sentence) and after it (in the verb's own dependency subtree, less coordinated clauses); the
pattern matching the most words (then the most nouns) gives the code, else the verb's own
code, else the block's.
The source is the verb's subject (climbing through ``xcomp``/``conj``/``acomp``/``prep``
heads when the verb has none); the target is the first actor among its objects and
prepositional objects, then in its complement clauses, then anywhere in its subtree. In a
passive, the ``by`` agent is the source and the subject the target. A code ``A:B`` codes
source->target ``A`` and target->source ``B``. Sentences holding a discard phrase give
nothing. How the dictionary's pattern grammar is read: ``lib/parley/data/petrarch2/README.md``.
"""
from __future__ import annotations

from collections.abc import Collection

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from .actors import NULL_CODES, SentenceActors
from .store import Dictionaries, load

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_CLIMB = ("xcomp", "conj", "acomp", "prep", "pcomp", "aux")
_OBJECTS = ("dobj", "dative", "attr", "oprd", "iobj", "obj")
_NOT_IN_SCOPE = ("conj", "cc", "parataxis")


@dataclass(frozen=True)
class CodedEvent:
    """One coded event: who did what to whom, and which dictionary line said so."""

    verb: int  # index in the Doc of the verb token
    code: str  # CAMEO code as the dictionary gives it: "042", "1123", "174K"
    source: str  # actor code, e.g. "IRNGOV"; "---GOV" for an agent with no country
    target: str | None  # None only when events() is asked for non-dyadic events too
    source_tokens: tuple[int, int]  # [start, end) of the source noun phrase in the Doc
    target_tokens: tuple[int, int] | None
    negated: bool  # the verb has a negation (not, n't, never) no pattern consumed
    pattern: str  # the pattern line, or "VERB [code]" when no pattern matched


@dataclass(frozen=True)
class _Match:
    code: str
    text: str
    score: tuple[int, int]  # (words matched, nouns among them): more words win, then more nouns
    roles: dict  # "$" / "+" -> token
    consumed: frozenset  # indices of words the pattern used


def _is_discarded(words: list[str], dictionaries: Dictionaries) -> bool:
    """Whether a sentence (its upper-case words) holds a discard phrase (sport, history...).

    A phrase starts at a word; its last word is a stem (``BASEBALL`` voids "baseballs")
    unless the dictionary ended it with ``_``.
    """
    stems, phrases = dictionaries.discard_index
    longest = max(map(len, stems), default=0)
    for i, word in enumerate(words):
        if any(word[:k] in stems for k in range(1, min(len(word), longest) + 1)):
            return True
        for phrase, whole_word in phrases.get(word, ()):
            n = len(phrase)
            got = words[i : i + n]
            if len(got) == n and got[:-1] == phrase[:-1] and (
                got[-1] == phrase[-1] or (not whole_word and got[-1].startswith(phrase[-1]))
            ):
                return True
    return False


def _verb_entries(token: Token, sent_words: list[str], sent_start: int, dictionaries: Dictionaries) -> list:
    """The dictionary entries a verb token matches, multi-word verbs (particles) first."""
    index = dictionaries.verbs["index"]
    keys = dict.fromkeys([token.lower_, token.lemma_.lower()])  # the word as written first
    found = []
    start = token.i - sent_start
    for key in keys:
        for entry in index.get(key, ()):
            block, code, before, after = entry
            if before and sent_words[max(0, start - len(before)) : start] != before:
                continue
            if after and sent_words[start + 1 : start + 1 + len(after)] != after:
                particles = [c.text.upper() for c in token.children if c.dep_ == "prt"]
                if particles != after:
                    continue
            found.append(entry)
    found.sort(key=lambda e: -(len(e[2]) + len(e[3])))
    return found


def _unit_matches(unit: list, seq: list[Token], words: list[str], lemmas: list[str], p: int,
                  dictionaries: Dictionaries, ctx: SentenceActors, reverse: bool) -> list[int]:
    """How many words unit ``unit`` can take at ``p`` (several for synset phrases)."""
    kind, value, _adjacent = unit
    if kind == "w":
        return [1] if words[p] == value or lemmas[p] == value else []
    if kind == "s":
        lengths = []
        for phrase in dictionaries.synset_phrases(value, words[p], backwards=reverse):
            n = len(phrase)
            if words[p : p + n] == phrase and n not in lengths:
                lengths.append(n)
        return sorted(lengths, reverse=True)
    if kind == "^":
        return [1]
    return [1] if seq[p].i in ctx.actor_at else []  # $ + %: an actor


def _match_units(units: list[list], seq: list[Token], words: list[str], lemmas: list[str],
                 where: dict[str, list[int]],
                 dictionaries: Dictionaries, ctx: SentenceActors, reverse: bool, adjacent_first: bool):
    """Match ``units`` in order along ``seq``: ``(words matched, roles, token indices)`` or None.

    Gaps are allowed unless a unit is adjacent to the one before it (the first unit: to the
    verb, as ``adjacent_first`` says). Going ``reverse`` (the words before the verb, nearest
    first), the units come last first and a unit's own flag says whether the next one
    (the one before it in the pattern) must touch it. Memoised: no exponential search.
    """

    def next_adjacent(k: int) -> bool:
        if reverse:
            return units[k][2]
        return units[k + 1][2] if k + 1 < len(units) else False

    memo: dict = {}

    def go(k: int, pos: int, adjacent: bool):
        key = (k, pos, adjacent)
        if key not in memo:
            memo[key] = attempt(k, pos, adjacent)
        return memo[key]

    def attempt(k: int, pos: int, adjacent: bool):
        if k == len(units):
            return 0, {}, ()
        kind, value = units[k][0], units[k][1]
        if adjacent:
            positions = range(pos, min(pos + 1, len(seq)))
        elif kind == "w":
            positions = [p for p in where.get(value, ()) if p >= pos]
        else:
            positions = range(pos, len(seq))
        for p in positions:
            for n in _unit_matches(units[k], seq, words, lemmas, p, dictionaries, ctx, reverse):
                rest = go(k + 1, p + n, next_adjacent(k))
                if rest is not None:
                    score, roles, used = rest
                    roles = dict(roles)
                    if kind in "$+":
                        roles[kind] = seq[p]
                    taken = tuple(seq[q].i for q in range(p, p + n))
                    return score + n, roles, taken + used
        return None

    return go(0, 0, adjacent_first)


def _noun_lemmas(tokens: list[Token], words: list[str]) -> list[str]:
    """Each word's lemma if it is a noun (a pattern's RESTRICTION matches "restrictions"), else the word."""
    return [t.lemma_.upper() if t.pos_ in ("NOUN", "PROPN") else w for t, w in zip(tokens, words)]


def _positions(words: list[str], lemmas: list[str]) -> dict[str, list[int]]:
    """Word (or noun lemma) -> its positions."""
    where: dict[str, list[int]] = {}
    for p, (word, lemma) in enumerate(zip(words, lemmas)):
        where.setdefault(word, []).append(p)
        if lemma != word:
            where.setdefault(lemma, []).append(p)
    return where


def _best_pattern(entry: list, ctx: SentenceActors, pre: list[Token], post: list[Token],
                  dictionaries: Dictionaries, plurals: bool) -> _Match | None:
    """The pattern of the entry's block matching the most words around the verb, if any."""
    block = entry[0]
    start = ctx.sent.start
    pre_words = [ctx.upper[t.i - start] for t in pre]
    post_words = [ctx.upper[t.i - start] for t in post]
    pre_lemmas, post_lemmas = pre_words, post_words
    if plurals:
        pre_lemmas, post_lemmas = _noun_lemmas(pre, pre_words), _noun_lemmas(post, post_words)
    pre_where = _positions(pre_words, pre_lemmas)
    post_where = _positions(post_words, post_lemmas)
    vocabulary = pre_where.keys() | post_where.keys()
    best = None
    needs = dictionaries.pattern_words[block]
    index = dictionaries.pattern_index[block]
    numbers = sorted({
        n for word in vocabulary | {""} for n in index.get(word, ())
        if all(not words.isdisjoint(vocabulary) for words in needs[n])
    })
    patterns = dictionaries.verbs["blocks"][block]["patterns"]
    for number in numbers:
        pattern = patterns[number]
        found_pre = (0, {}, ())
        if pattern["pre"]:
            units = pattern["pre"][::-1]
            found_pre = _match_units(units, pre, pre_words, pre_lemmas, pre_where, dictionaries, ctx, True, pattern["pre_joined"])
            if found_pre is None:
                continue
        found_post = (0, {}, ())
        if pattern["post"]:
            found_post = _match_units(pattern["post"], post, post_words, post_lemmas, post_where, dictionaries, ctx, False,
                                      pattern["post"][0][2])
            if found_post is None:
                continue
        used = found_pre[2] + found_post[2]
        doc = ctx.sent.doc
        score = (found_pre[0] + found_post[0], sum(doc[i].pos_ in ("NOUN", "PROPN") for i in used))
        if best is None or score > best.score:
            best = _Match(pattern["code"], pattern["text"], score, {**found_pre[1], **found_post[1]},
                          frozenset(found_pre[2]) | frozenset(found_post[2]))
    return best


def _scope(verb: Token, last: Token) -> list[Token]:
    """The words after the verb in its own subtree, less coordinated clauses."""
    out = []
    stack = [c for c in verb.children if c.i > last.i and c.dep_ not in _NOT_IN_SCOPE]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return sorted((t for t in out if t.i > last.i and t.dep_ != "punct"), key=lambda t: t.i)


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """The verb's subjects (climbing to the governing verb when it has none) and whether passive.

    A verb with no subject of its own takes its governor's (``is about to restore``,
    ``was seen to break``), and a pronoun subject gives way to the governor's subject
    (``Ethiopia indicated it would act``).
    """
    t = verb
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    fallback: list[Token] = []
    for _ in range(8):
        subjects = [c for c in t.children if c.dep_ in _SUBJECTS]
        if subjects:
            if t.i == verb.i:
                passive = any(c.dep_.endswith("pass") for c in subjects)
            if subjects[0].tag_ in ("WP", "WDT") and t.dep_ == "relcl":
                return [t.head], passive
            if all(s.pos_ == "PRON" for s in subjects) and t.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
                fallback = fallback or subjects
                t = t.head
                continue
            return subjects, passive
        if t.dep_ in _CLIMB and t.head.i != t.i:
            t = t.head
        else:
            break
    return fallback, passive


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _span(token: Token) -> tuple[int, int]:
    return (token.left_edge.i, token.right_edge.i + 1)


def _targets(verb: Token, ctx: SentenceActors, post: list[Token], avoid: set[int]) -> tuple[list[str], Token | None]:
    """The first actor after the verb: objects and prepositional objects, then clauses, then any."""
    firsts: list[Token] = []
    later: list[Token] = []
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in _OBJECTS:
            firsts.append(c)
        elif c.dep_ in ("prep", "agent"):
            firsts.extend(o for o in c.children if o.dep_ in ("pobj", "pcomp"))
        elif c.dep_ in ("ccomp", "xcomp"):
            later.extend(s for s in c.children if s.dep_ in _SUBJECTS + _OBJECTS)
    for head in sorted(firsts, key=lambda t: t.i) + later:
        if head.i in avoid:
            continue
        codes = ctx.phrase_codes(head, exclude=avoid)
        if codes:
            return codes, head
    for t in post:
        if t.i in ctx.actor_at and t.i not in avoid and not _in_adverbial_clause(t, verb):
            head = ctx.root_of(ctx.actor_at[t.i])
            codes = ctx.phrase_codes(head, exclude=avoid)
            if codes:
                return codes, head
    return [], None


def _in_adverbial_clause(token: Token, verb: Token) -> bool:
    """Whether ``token`` sits in an adverbial or relative clause under ``verb``."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("advcl", "relcl") and token.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False


def _split_code(code: str) -> tuple[str | None, str | None]:
    """``"032:033"`` -> ``("032", "033")``; null codes (``---``) are None."""
    forward, _, backward = code.partition(":")
    forward, backward = forward.strip(), backward.strip()
    return (None if forward in NULL_CODES else forward), (None if backward in NULL_CODES else backward)


def _choose(verb: Token, words: list[str], ctx: SentenceActors, dictionaries: Dictionaries, plurals: bool):
    """The entry, pattern match (or None) and scope for a verb: the best pattern of any entry."""
    entries = _verb_entries(verb, words, ctx.sent.start, dictionaries)
    if not entries:
        return None
    pre = ctx.tokens[: verb.i - ctx.sent.start][::-1]  # nearest first
    scopes: dict[int, list[Token]] = {}
    best = None
    for entry in entries:
        last = verb.i + len(entry[3]) if entry[3] and verb.i + len(entry[3]) < ctx.sent.end else verb.i
        if last not in scopes:
            scopes[last] = _scope(verb, ctx.sent.doc[last])
        match = _best_pattern(entry, ctx, pre, scopes[last], dictionaries, plurals)
        if match is not None and (best is None or match.score > best[1].score):
            best = (entry, match, scopes[last])
    if best is not None:
        return best
    blocks = dictionaries.verbs["blocks"]
    for entry in entries:
        if any(_split_code(entry[1] or blocks[entry[0]]["code"])):
            last = verb.i + len(entry[3]) if entry[3] and verb.i + len(entry[3]) < ctx.sent.end else verb.i
            return entry, None, scopes.get(last) or _scope(verb, ctx.sent.doc[last])
    return None


def _code_verb(verb: Token, words: list[str], ctx: SentenceActors, dictionaries: Dictionaries,
               dyadic: bool, plurals: bool) -> list[CodedEvent]:
    """The events one verb codes: its code, then its source and target actors."""
    chosen = _choose(verb, words, ctx, dictionaries, plurals)
    if chosen is None:
        return []
    entry, match, post = chosen
    block = dictionaries.verbs["blocks"][entry[0]]
    if match is not None:
        code, text, roles, consumed = match.code, match.text, match.roles, match.consumed
        if code.strip() == "+++":  # a pattern that only vouches for the verb: the verb's code
            code = entry[1] or block["code"]
    else:
        code = entry[1] or block["code"]
        text, roles, consumed = f"{block['name']} [{code}]", {}, frozenset()
    forward, backward = _split_code(code)
    if forward is None and backward is None:
        return []
    negated = any(c.dep_ == "neg" and c.i not in consumed for c in verb.children)
    subjects, passive = _subjects(verb)
    source_head = None
    if passive:
        source_head = _agent(verb)
    else:
        source_head = next((s for s in subjects if ctx.phrase_codes(s)), None)
    if "$" in roles:
        source_head = ctx.root_of(ctx.actor_at[roles["$"].i])
    sources = ctx.phrase_codes(source_head) if source_head is not None else []
    avoid = set(range(*_span(source_head))) if source_head is not None else set()
    if "+" in roles:
        target_head = ctx.root_of(ctx.actor_at[roles["+"].i])
        targets = ctx.phrase_codes(target_head)
    elif passive and subjects:
        target_head = subjects[0]
        targets = ctx.phrase_codes(target_head)
    else:
        targets, target_head = _targets(verb, ctx, post, avoid)
    if passive and source_head is None and targets:
        sources, source_head = _targets(verb, ctx, post, set(range(*_span(target_head))))
    pairs: list[tuple[str, str | None]] = [(s, t) for s in sources for t in targets if s != t]
    if not targets and len(sources) > 1:
        pairs = [(s, t) for s in sources for t in sources if s != t]
        target_head = source_head
    if not pairs and not dyadic and sources:
        pairs = [(s, None) for s in sources]
    events = []
    for s, t in pairs:
        target_tokens = _span(target_head) if t is not None else None
        events.append(CodedEvent(verb.i, forward, s, t, _span(source_head), target_tokens, negated, text))
        if t is not None and backward is not None:
            events.append(CodedEvent(verb.i, backward, t, s, target_tokens, _span(source_head), negated, text))
    events = [e for e in events if e.code is not None]
    return events


def events(doc: Doc | Span, *, dictionaries: Dictionaries | None = None, on: date | None = None,
           dyadic: bool = True, plurals: bool = False, verbs: Collection[int] | None = None) -> list[CodedEvent]:
    """The CAMEO events of a parsed document (or of one sentence), in order of their verbs.

    ``dictionaries`` defaults to the vendored Phoenix set; ``on`` is the date actor codes are
    chosen for (the publication date; None: today). With ``dyadic=False``
    an event whose target no dictionary names is kept, with ``target=None`` (PETRARCH's
    ``require_dyad = False``). With ``plurals=True`` a pattern's noun also matches a noun
    whose lemma it is (``* RESTRICTION`` fires on "restrictions"); PETRARCH does not do this
    (its unit tests check that ``* EFFORT`` leaves "efforts" alone), so it is off by default.
    ``verbs`` (token indices) limits the coding to those verbs: the ones another coder left.
    """
    dictionaries = dictionaries or load()
    sentences = [doc] if isinstance(doc, Span) else doc.sents
    found: list[CodedEvent] = []
    index = dictionaries.verbs["index"]
    for sent in sentences:
        tokens = list(sent)
        candidates = [
            t for t in tokens
            if (verbs is None or t.i in verbs) and (t.pos_ == "VERB" or t.tag_.startswith("VB"))
            and (t.lower_ in index or t.lemma_.lower() in index)
        ]
        if not candidates:
            continue
        ctx = SentenceActors(sent, dictionaries, on, tokens)
        if _is_discarded(ctx.upper, dictionaries):
            continue
        for verb in candidates:
            found.extend(_code_verb(verb, ctx.upper, ctx, dictionaries, dyadic, plurals))
    return found
