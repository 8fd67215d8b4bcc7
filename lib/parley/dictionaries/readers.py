"""Readers for the PETRARCH dictionary files, each returning plain JSON-ready data.

The formats are PETRARCH2's (``lib/parley/data/petrarch2/README.md`` says how parley reads
them). Every reader takes the file's text and returns lists and dicts of strings and
numbers only, so that a compiled dictionary set can be cached on disk as JSON.
"""
from __future__ import annotations

import re

_CODE = re.compile(r"\[([^\]]*)\]")
_HYPHENATED = re.compile(r"(?<=[A-Z0-9])-(?=[A-Z0-9])")


def words_of(phrase: str) -> list[str]:
    """The upper-case words of a dictionary phrase, split as spaCy splits text.

    Blanks and underscores separate words; an inner hyphen is a word of its own, as spaCy
    makes it (``AL-QAEDA`` -> ``["AL", "-", "QAEDA"]``); a trailing ``_`` (PETRARCH's "no
    stem") is dropped, since parley never matches stems.
    """
    text = _HYPHENATED.sub(" - ", phrase.upper().replace("_", " "))
    return text.split()


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("<"):
        return ""
    return line.rstrip("\n").split("#")[0].rstrip()


def _date(text: str) -> int | None:
    """``YYMMDD`` or ``YYYYMMDD`` as the integer ``YYYYMMDD`` (two-digit years: <= 30 is 20YY)."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        year = int(text[:2])
        return (2000 + year if year <= 30 else 1900 + year) * 10000 + int(text[2:])
    return int(text)


def date_restriction(text: str) -> list:
    """``"HOBGOV 19950601 - 19990815"`` -> ``["HOBGOV", 19950601, 19990815]`` (open ends None)."""
    text = text.strip()
    match = re.match(r"([^\s<>\d][^\s<>]*)?\s*(.*)$", text)
    code, bounds = (match.group(1) or ""), match.group(2).replace(" ", "")
    if not bounds:
        return [code, None, None]
    if bounds.startswith("<"):
        return [code, None, _date(bounds[1:])]
    if bounds.startswith(">"):
        return [code, _date(bounds[1:]), None]
    low, _, high = bounds.partition("-")
    return [code, _date(low), _date(high)]


def read_actors(text: str) -> list[dict]:
    """Actor records: ``{"phrases": [[word, ...], ...], "code": default, "dated": [[code, from, to]]}``.

    A record is a primary phrase line (optionally ``[CODE]``), ``+synonym`` lines, and
    indented ``[CODE date-restriction]`` lines; ``#`` and ``;`` start comments.
    """
    records: list[dict] = []
    current: dict | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw).split(";")[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("[") and current is not None:
            for inner in _CODE.findall(stripped):
                restriction = date_restriction(inner)
                if restriction[1] is None and restriction[2] is None:
                    current["code"] = restriction[0] or None
                elif restriction[0]:
                    current["dated"].append(restriction)
            continue
        synonym = stripped.startswith("+")
        phrase = _CODE.sub("", stripped.lstrip("+")).strip()
        codes = _CODE.findall(stripped)
        if not phrase:
            continue
        if synonym and current is not None:
            current["phrases"].append(words_of(phrase))
            continue
        current = {"phrases": [words_of(phrase)], "code": None, "dated": []}
        for inner in codes:
            restriction = date_restriction(inner)
            if restriction[1] is None and restriction[2] is None:
                current["code"] = restriction[0] or None
            else:
                current["dated"].append(restriction)
        records.append(current)
    for k in range(len(records) - 2, -1, -1):  # a record with no code shares the next one's
        if records[k]["code"] is None and not records[k]["dated"]:
            records[k]["code"], records[k]["dated"] = records[k + 1]["code"], records[k + 1]["dated"]
    return records


def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def read_agents(text: str) -> list[list]:
    """Agent entries ``[[word, ...], code]`` with ``code`` like ``"~GOV"`` or ``"NGO~"``.

    ``PHRASE {PLURAL ...} [~CODE]``: without ``{}`` a regular plural of the last word is
    added; ``{}`` means no plural; ``!NAME! = A, B`` lines define substitution sets used as
    ``CONGRESS!PERSON!``.
    """
    substitutions: dict[str, list[str]] = {}
    entries: list[list] = []
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        sub = re.match(r"\s*(![A-Z]+!)\s*=\s*(.*)$", line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[-1].replace(" ", "")
        head = line[: line.index("[")]
        plural_match = re.search(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", "", head).strip()
        if not phrase:
            continue
        marker = re.search(r"![A-Z]+!", phrase)
        if marker and marker.group(0) in substitutions:
            for option in substitutions[marker.group(0)]:
                entries.append([words_of(phrase.replace(marker.group(0), option)), code])
            continue
        words = words_of(phrase)
        entries.append([words, code])
        if plural_match is None:
            entries.append([words[:-1] + [_plural(words[-1])], code])
        else:
            for plural in plural_match.group(1).split():
                entries.append([words_of(plural), code])
    return entries


def read_discards(text: str) -> list[list]:
    """Discard phrases ``[phrase, whole_word, story_level]``, upper case."""
    discards = []
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        story = line.startswith("+")
        phrase = line.lstrip("+").strip().upper()
        discards.append([phrase.rstrip("_").replace("_", " "), phrase.endswith("_"), story])
    return discards


def _units(text: str) -> tuple[list[list], bool, list[list]]:
    """One pattern's words as ``(pre_units, verb_follows_last_pre, post_units)``.

    A unit is ``[kind, value, adjacent]``: kind ``w`` (a word), ``s`` (a synset name), ``$``
    (the source actor), ``+`` (the target actor), ``%`` (an actor), ``^`` (any word);
    ``adjacent`` says the unit must follow the previous one (or the verb) with no word
    between, as ``_`` asks in the dictionary.
    """
    flat = re.sub(r"[{}()]", " ", text)
    pre: list[list] = []
    post: list[list] = []
    side, joined, verb_joined = pre, False, False
    for part in re.findall(r"\s+|_|[^\s_]+", flat):
        if part.isspace():
            joined = False
        elif part == "_":
            joined = True
        elif part == "*":
            verb_joined, side, joined = joined, post, False
        else:
            if part[0] in "$+%^" and len(part) == 1:
                side.append([part, part, joined])
            elif part.startswith("&"):
                side.append(["s", part[1:].rstrip("_"), joined])
            else:
                for k, word in enumerate(words_of(part)):
                    side.append(["w", word, joined or k > 0])
            joined = False
    return pre, verb_joined, post


def regular_forms(verb: str) -> list[str]:
    """The regular forms PETRARCH generates for a verb: ``STAGE`` -> STAGES, STAGED, STAGING."""
    consonant_y = verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU"
    if consonant_y:
        third, past = verb[:-1] + "IES", verb[:-1] + "IED"
    elif verb.endswith(("S", "SH", "CH", "X", "Z", "O")):
        third, past = verb + "ES", verb + "ED"
    else:
        third, past = verb + "S", (verb + "D" if verb.endswith("E") else verb + "ED")
    ing = verb[:-1] + "ING" if verb.endswith("E") and not verb.endswith("EE") else verb + "ING"
    return [third, past, ing]


def _verb_entry(line: str) -> tuple[list[list], str | None]:
    """A verb line's forms ``[[before, verb, after], ...]`` and its own code, if any."""
    codes = _CODE.findall(line)
    head = line.split("[")[0]
    irregular = re.search(r"\{([^}]*)\}", head)
    main = re.sub(r"\{[^}]*\}", "", head).strip()
    forms = []
    for phrase in [main] + (irregular.group(1).split() if irregular else []):
        words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
        if not words:
            continue
        at = next((k for k, w in enumerate(words) if w.startswith("+")), 0)
        words = [w.lstrip("+").upper() for w in words]
        forms.append([words[:at], words[at], words[at + 1:]])
    if forms and irregular is None:
        before, verb, after = forms[0]
        forms.extend([before, form, after] for form in regular_forms(verb))
    return forms, (codes[-1].strip() if codes else None)


def read_verbs(text: str) -> dict:
    """The verb dictionary as ``{"synsets", "blocks", "index"}`` (see the data README).

    ``synsets``: name -> phrases (word lists, plurals added); ``blocks``: one per
    ``--- NAME [CODE] ---`` synonym block, with its patterns; ``index``: lower-case verb
    word -> ``[[block, own code, words before, words after], ...]``. Transformation lines
    (``~``) are read past.
    """
    synsets: dict[str, list[list[str]]] = {}
    plural_of: dict[str, bool] = {}
    blocks: list[dict] = []
    index: dict[str, list] = {}
    synset: str | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw)
        stripped = line.strip()
        if not stripped or stripped.startswith("~"):
            continue
        if stripped.startswith("---"):
            match = re.match(r"---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*---", stripped)
            name, code = (match.group(1), match.group(2)) if match else (stripped.strip("- "), None)
            blocks.append({"name": name, "code": (code or "---").strip(), "patterns": []})
            synset = None
        elif stripped.startswith("&"):
            label = stripped.split()[0]
            synset = label[1:].rstrip("_")
            synsets[synset] = []
            plural_of[synset] = not label.endswith("_")
        elif stripped.startswith("+") and synset is not None:
            member = stripped[1:].strip()
            if member.startswith("&"):
                synsets[synset].extend(synsets.get(member[1:].rstrip("_"), []))
                continue
            words = words_of(member)
            synsets[synset].append(words)
            if plural_of[synset] and not member.endswith("_") and words:
                synsets[synset].append(words[:-1] + [_plural(words[-1])])
        elif stripped.startswith("-") and blocks:
            body = stripped[1:]
            codes = _CODE.findall(body)
            if not codes:
                continue
            pre, verb_joined, post = _units(body[: body.rindex("[")])
            blocks[-1]["patterns"].append(
                {"pre": pre, "pre_joined": verb_joined, "post": post, "code": codes[-1].strip(),
                 "text": "- " + " ".join(body.split("#")[0].split())}
            )
        elif blocks:
            forms, code = _verb_entry(stripped)
            for before, verb, after in forms:
                entry = [len(blocks) - 1, code, before, after]
                if entry not in index.setdefault(verb.lower(), []):
                    index[verb.lower()].append(entry)
    return {"synsets": synsets, "blocks": blocks, "index": index}
