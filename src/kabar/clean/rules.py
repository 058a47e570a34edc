"""The boilerplate patterns of every language module, compiled once and asked one line at a time.

Language knowledge stays in ``kabar/lang/*_boilerplate.py``; this module only merges them, so a
new language is a new file there and nothing here changes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as sre
import re._parser as sre_parse
from functools import lru_cache

import kabar.lang


@lru_cache(maxsize=1)
def _modules():
    mods = []
    for info in pkgutil.iter_modules(kabar.lang.__path__):
        if info.name.endswith("_boilerplate"):
            mods.append(importlib.import_module(f"kabar.lang.{info.name}"))
    return tuple(mods)


def _collect(attr: str) -> tuple:
    out = []
    for mod in _modules():
        out.extend(getattr(mod, attr, ()))
    return tuple(out)


@lru_cache(maxsize=1)
def line_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(p, re.I)) for kind, p in _collect("LINE_PATTERNS"))


@lru_cache(maxsize=1)
def related_header() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _collect("RELATED_HEADERS")), re.I)


@lru_cache(maxsize=1)
def byline_keys() -> tuple[str, ...]:
    # Longest first so "laporan wartawan" wins over "wartawan"; ties alphabetically, so the
    # compiled pattern does not depend on the set's (hash-seeded) order.
    return _longest_first(_collect("BYLINE_KEYS"))


@lru_cache(maxsize=1)
def byline_line() -> re.Pattern:
    keys = "|".join(re.escape(k) for k in byline_keys())
    # "Redaktur : Lili Lestari", "Editor: X", "By Jane Doe", "Oleh: X"
    return re.compile(rf"^\s*(?P<key>{keys})\s*[:|]?\s+(?P<value>[^:]{{2,80}})$", re.I)


@lru_cache(maxsize=1)
def cite_cues() -> tuple[str, ...]:
    return _collect("CITE_CUES")


@lru_cache(maxsize=1)
def source_descriptors() -> tuple[str, ...]:
    return _longest_first(_collect("SOURCE_DESCRIPTORS"))


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda word: (-len(word), word)))


# Characters re.IGNORECASE equates with a letter other than their lowercase (sre's extra case
# equivalences: dotless i, long s, ...; Greek has many, and a final sigma lowercases by
# context): text holding one is matched the slow way.
_FOLDS_APART = re.compile("[\u0131\u017f\u1e9b\ufb05\ufb06\u0345\u0370-\u03ff\u1f00-\u1fff]")
# Escapes that can name an uppercase letter, and inline flags: such a pattern keeps re.I.
_CASE_UNSAFE = re.compile(r"\\[uUxN0-7]|\(\?[a-zA-Z-]*[iI-]")


def lowered(text: str) -> str | None:
    """``text.lower()`` where matching it case-sensitively with a lowercase-only pattern finds
    exactly what the same pattern finds in ``text`` under re.IGNORECASE, at the same positions
    (every character lowercases to one character, none of them folds specially); else None.
    Callers asking several patterns of one text lower it once and pass it on."""
    low = text.lower()
    if len(low) != len(text) or (not low.isascii() and _FOLDS_APART.search(low)):
        return None
    return low


class Caseless:
    """A pattern matched whatever the case, asked with the text's ``lowered`` form where there
    is one: without re.IGNORECASE, Python's re skips ahead to a literal or the possible first
    characters, where with it it tries every alternative at every position (3-4 times slower
    over a paragraph). The positions it returns are the text's own."""

    __slots__ = ("ignorecase", "plain")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.ignorecase = re.compile(pattern, flags | re.I)
        unescaped = re.sub(r"\\.", "", pattern)
        lowercase_only = not _CASE_UNSAFE.search(pattern) and not any(c.isupper() or c.istitle() for c in unescaped)
        self.plain = re.compile(pattern, flags) if lowercase_only else None

    def _pick(self, text: str, low: str | None | bool):
        if low is True:  # not given: a caller asking one pattern once
            low = lowered(text)
        if low is None or self.plain is None:
            return self.ignorecase, text
        return self.plain, low

    def search(self, text: str, low: str | None | bool = True):
        pattern, subject = self._pick(text, low)
        return pattern.search(subject)

    def match(self, text: str, low: str | None | bool = True):
        pattern, subject = self._pick(text, low)
        return pattern.match(subject)

    def finditer(self, text: str, low: str | None | bool = True):
        pattern, subject = self._pick(text, low)
        return pattern.finditer(subject)


_WIDEST_CLASS = 512  # a character class larger than this is taken as "any character"


def first_characters(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` (case-sensitive) can begin with, read from
    Python's own parse of it; None when it could begin with nearly anything or be empty."""
    chars, can_be_empty = _first_of(sre_parse.parse(pattern))
    return None if chars is None or can_be_empty else chars


def _first_of(items) -> tuple[set[str] | None, bool]:
    """(characters the sequence can begin with or None for any, whether it can match empty)."""
    found: set[str] = set()
    for op, av in items:
        if op is sre.AT:  # ^, \b: zero width, the next item decides
            continue
        if op is sre.LITERAL:
            return found | {chr(av)}, False
        if op is sre.IN:
            chars = _class_characters(av)
            return (None if chars is None else found | chars), False
        if op is sre.SUBPATTERN:
            chars, empty = _first_of(av[-1])
        elif op is sre.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                branch_chars, branch_empty = _first_of(branch)
                if branch_chars is None:
                    chars = None
                    break
                chars |= branch_chars
                empty = empty or branch_empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            chars, empty = _first_of(av[2])
            empty = empty or av[0] == 0
        else:  # any character, a category, a look-around, a back-reference: do not guess
            return None, False
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _class_characters(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _WIDEST_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # negated classes, categories (\w, \d), wide ranges
            return None
    return chars


def joinable(pattern: str, separator: str) -> bool:
    """Is searching texts joined by ``separator`` (one character, not a word character) the
    same as searching each text on its own? So when no part of the pattern, look-arounds
    included, can match the separator, and it asserts no text start or end (^, $, \\A, \\Z),
    while \\b sees the separator as it sees a text's end. Anything this does not know is
    taken as matching."""
    return not re.match(r"\w", separator) and not _can_match(sre_parse.parse(pattern), ord(separator))


_WORD_BOUNDARIES = (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY, sre.AT_UNI_BOUNDARY, sre.AT_UNI_NON_BOUNDARY)
_CATEGORY_TESTS = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}


def _can_match(items, code: int) -> bool:
    for op, av in items:
        if op is sre.LITERAL:
            hit = av == code
        elif op is sre.NOT_LITERAL:
            hit = av != code
        elif op is sre.IN:
            hit = _class_has(av, code)
        elif op is sre.AT:
            hit = av not in _WORD_BOUNDARIES
        elif op is sre.SUBPATTERN:
            hit = _can_match(av[-1], code)
        elif op is sre.BRANCH:
            hit = any(_can_match(branch, code) for branch in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            hit = _can_match(av[2], code)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            hit = _can_match(av[1], code)
        else:  # any character, back-references, atomic groups, ...: do not guess
            hit = True
        if hit:
            return True
    return False


def _class_has(items, code: int) -> bool:
    negated = bool(items) and items[0][0] is sre.NEGATE
    char = chr(code)
    for op, av in items[negated:]:
        if op is sre.LITERAL:
            member = av == code
        elif op is sre.RANGE:
            member = av[0] <= code <= av[1]
        elif op is sre.CATEGORY and av in _CATEGORY_TESTS:
            member = re.match(_CATEGORY_TESTS[av], char) is not None
        else:
            return True
        if member:
            return not negated
    return negated


def guarded(pattern: str) -> str:
    """``pattern`` behind a look-ahead that the text holds a character every match of it must
    hold (a digit, or a rare punctuation mark such as "|" or "›"), scanned possessively: the
    same matches, and a text without one is refused in one quick pass."""
    needed = _needed_class(sre_parse.parse(pattern))
    if needed is None:
        return pattern
    return f"(?=[^{needed}]*+[{needed}])(?:{pattern})"


def _needed_class(items) -> str | None:
    """A character class (its inside, escaped) one character of which every match of the
    sequence holds: a digit, else the smallest set of punctuation and symbols; None if the
    parse shows neither."""
    found: list[str] = []
    for op, av in items:
        if op is sre.SUBPATTERN:
            inner = _needed_class(av[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            inner = _needed_class(av[2])
        elif op is sre.IN and av == [(sre.CATEGORY, sre.CATEGORY_DIGIT)]:
            inner = _DIGIT
        elif op in (sre.LITERAL, sre.IN):
            chars = {chr(av)} if op is sre.LITERAL else _class_characters(av)
            rare = chars and not any(c.isalnum() or c.isspace() for c in chars)
            inner = "".join(re.escape(c) for c in sorted(chars)) if rare else None
        else:  # optional parts, alternatives, look-arounds: nothing certain
            inner = None
        if inner is not None:
            found.append(inner)
    if _DIGIT in found:  # fewer short lines hold a digit than a full stop or a colon
        return _DIGIT
    return min(found, key=len) if found else None


_DIGIT = r"\d"


class AnchoredAlternation:
    """Alternatives all tried at the start of a text, only those that can begin with its
    first character: re tries each of ~100 alternatives in turn, where most lines begin with a
    letter only a handful of them can."""

    def __init__(self, alternatives: list[str]) -> None:
        never = r"(?!)"
        self.whole = Caseless("|".join(alternatives) or never)
        self.by_first: dict[str, re.Pattern] = {}
        self.others = self.whole.plain
        if self.whole.plain is None:
            return
        firsts = [first_characters(alt) for alt in alternatives]
        # an alternative that can begin anywhere is tried on every text: behind a guard (a
        # character every match of it holds is somewhere in the text) most texts skip it
        alternatives = [alt if chars is not None else guarded(alt) for alt, chars in zip(alternatives, firsts)]
        anywhere = [alt for alt, chars in zip(alternatives, firsts) if chars is None]
        self.others = re.compile("|".join(anywhere) or never)
        for char in set().union(*(chars for chars in firsts if chars is not None)):
            chosen = [alt for alt, chars in zip(alternatives, firsts) if chars is None or char in chars]
            self.by_first[char] = re.compile("|".join(chosen))

    def match(self, text: str, low: str | None | bool = True):
        if low is True:
            low = lowered(text)
        if low is None or self.whole.plain is None or not low:
            return self.whole.match(text, low)
        return self.by_first.get(low[0], self.others).match(low)


MAX_RULE_WORDS = 14  # a pattern hit on a longer line is more likely a body sentence quoting it

# Shapes that need no language: symbols only.
NEUTRAL_PATTERNS: tuple[tuple[str, str], ...] = (
    # breadcrumbs: "Beranda › Daerah › Sulawesi Utara", "Lensapos.example > Regional > Jawa Tengah"
    ("navigation", r"^[^!?›»>/]{1,40}(\s[›»>/]\s[^.!?›»>/]{1,40}){1,5}$"),
    # section labels joined by pipes: "Asia | Indonesia" (bylines "Penulis X | Editor Y" are parsed first)
    ("navigation", r"^[\w.&' -]{1,25}(\s\|\s[\w.&' -]{1,25}){1,12}$"),
    # a photo credit alone in brackets: "(LENSAPOS.example/SLAMET WIDODO)", "[Foto: Dok. Kemenlu]"
    ("caption", r"^[(\[][^()\[\]]{2,60}/[^()\[\]]{2,60}[)\]]$"),
    ("ad", r"^\[?gambas:"),
)


@lru_cache(maxsize=1)
def _neutral_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(p, re.I)) for kind, p in NEUTRAL_PATTERNS)


@lru_cache(maxsize=1)
def any_length_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(p, re.I)) for kind, p in _collect("ANY_LENGTH_PATTERNS"))


def _outside_classes(pattern: str):
    """(position, character, group depth) of each character of a regex outside escapes and
    character classes: where its alternatives and groups are."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1 + (pattern[i + 1:i + 2] == "^")
            i += pattern[i:i + 1] == "]"  # "[]...]" and "[^]...]": a literal "]" first
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        depth += ch == "("
        depth -= ch == ")"
        yield i, ch, depth
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """"^a|b(c|d)" -> ["^a", "b(c|d)"]: the pattern's alternatives outside any group or class."""
    cuts = [i for i, ch, depth in _outside_classes(pattern) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1:b] for a, b in zip(bounds, bounds[1:])]


def group_inner(alt: str) -> str | None:
    """"(?:x|y)" -> "x|y" when one non-capturing group is the whole alternative, else None."""
    if not (alt.startswith("(?:") and alt.endswith(")")):
        return None
    inner = alt[3:-1]
    # the group spans the whole alternative only if its inside is balanced on its own
    depths = [depth for _, _, depth in _outside_classes(inner)]
    return inner if min(depths, default=0) >= 0 and (not depths or depths[-1] == 0) else None


def _any_of(patterns) -> tuple[AnchoredAlternation, Caseless]:
    """Two alternations that together match where any of the patterns would: the parts anchored
    at the start, tried once at position 0, and the rest, searched. Most lines match none, and
    two searches are far cheaper than one per pattern."""
    anchored, floating = [], []
    pending = [p.pattern for p in patterns]
    while pending:
        for alt in top_level_alternatives(pending.pop()):
            inner = group_inner(alt)
            if inner is not None:  # "(?:^a|^b)": look inside
                pending.append(inner)
            else:
                (anchored if alt.startswith("^") else floating).append(f"(?:{alt})")
    never = r"(?!)"
    return AnchoredAlternation(anchored), Caseless("|".join(floating) or never)


def _matches(prefilter: tuple[AnchoredAlternation, Caseless], text: str, low: str | None) -> bool:
    return prefilter[0].match(text, low) is not None or prefilter[1].search(text, low) is not None


@lru_cache(maxsize=1)
def _prefilters():
    short_only = [p for _, p in line_patterns()] + [related_header()] + [p for _, p in _neutral_patterns()]
    return _any_of(p for _, p in any_length_patterns()), _any_of(short_only)


@lru_cache(maxsize=8192)  # every line is asked several times (judge, features, title)
def rule_kind(text: str) -> str | None:
    """The boilerplate kind a single line shows on its face, or None."""
    any_length, short_only = _prefilters()
    low = lowered(text)
    if not _matches(any_length, text, low) and (len(text.split()) > MAX_RULE_WORDS or not _matches(short_only, text, low)):
        return None
    return kind_by_patterns(text)


def kind_by_patterns(text: str) -> str | None:
    """The kind as the rules' patterns define it, one pattern at a time: what ``rule_kind`` gives
    once its prefilters let the line through (and what they must never change)."""
    for kind, pattern in any_length_patterns():
        if pattern.search(text):
            return kind
    if len(text.split()) > MAX_RULE_WORDS:
        return None
    for kind, pattern in line_patterns():
        if pattern.search(text):
            return kind
    if related_header().search(text):
        return "related-links"
    for kind, pattern in _neutral_patterns():
        if pattern.search(text):
            return kind
    return None


@lru_cache(maxsize=1)
def byline_not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _collect("BYLINE_NOT_NAMES"))


@lru_cache(maxsize=1)
def caption_marker() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _collect("CAPTION_MARKERS")), re.I)


@lru_cache(maxsize=1)
def byline_medium_first() -> frozenset[str]:
    return frozenset(k.lower() for k in _collect("BYLINE_MEDIUM_FIRST"))


@lru_cache(maxsize=1)
def error_page() -> re.Pattern:
    """What an error page says in place of an article, in any language module, or an HTTP
    error code standing as a heading ("404", "Error 500")."""
    parts = [*_collect("ERROR_PAGE_PATTERNS"), r"^(error\s*)?[45]\d\d(\s*[-:]?\s*(error|not found|forbidden))?\s*[.!]?$"]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)
