"""Body-or-boilerplate for every line of a page: a linear-chain CRF over line features.

A CRF suits the job because boilerplate comes in runs (a menu, a list of related links) and
the body is one or a few contiguous stretches: the transition weights learn that a short line
between two body paragraphs is body while the same line among menu items is not. Features are
language-neutral shapes (length, punctuation, case, position, nearness to long paragraphs); the
language modules add only through ``rules.rule_kind``. Models are trained by
``python -m kabar.clean.train`` from ../shared/data and shipped in ``kabar/data/clean/``.
"""

from __future__ import annotations

import itertools
import re
from operator import itemgetter
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from kabar.clean.lines import Line
from kabar.clean.rules import rule_kind

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)」』]*$")
# Chinese and Japanese write no spaces: there a word is counted as about two characters.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
DATEISH = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}[/.:]\d{1,2}\b")
DIGIT = re.compile(r"\d")  # one fast scan that spares most lines DATEISH's slower one
LONG_LINE_WORDS = 25
# "[a-z?!'’][A-Z][a-z]+ [a-z]", written to start at the capital (re then skips ahead to the
# few capitals instead of trying at every lowercase letter) and look back for the letter before
JOINED_TITLE = re.compile(r"[A-Z](?<=[a-z?!'’][A-Z])[a-z]+ [a-z]")
WINDOW = 4

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "clean"


class _Buckets:
    """n -> the label of the first edge at or above it (">last" past the end), by table lookup:
    the features ask this a few dozen times per line."""

    def __init__(self, *edges: int) -> None:
        self.table = [next(str(e) for e in edges if n <= e) for n in range(edges[-1] + 1)]
        self.beyond = f">{edges[-1]}"

    def __call__(self, n: int) -> str:
        return self.table[n] if 0 <= n < len(self.table) else self.beyond if n > 0 else self.table[0]

    def named(self, prefix: str) -> "_Buckets":
        """The same buckets answering whole feature names ("pos=4"): no string built per line."""
        named = object.__new__(_Buckets)
        named.table = [prefix + label for label in self.table]
        named.beyond = prefix + self.beyond
        return named


LEN = _Buckets(1, 2, 3, 5, 8, 12, 20, 35, 60)
CAPS = _Buckets(2, 5, 8, 10, 11)
COMMAS = _Buckets(0, 1, 3)
LOWER = _Buckets(2, 5, 7, 10, 11)
LINK = _Buckets(0, 3, 7, 10)
SINCE_EDGES = (1, 3, 8, 20)
SINCE = _Buckets(*SINCE_EDGES)
POS = _Buckets(0, 1, 2, 4, 6, 8, 9)
REL_LEN = _Buckets(0, 1, 2, 4, 6, 8, 10)
PROSE_WINDOW = _Buckets(0, 2, 4, 6, 8, 10)
DIST = _Buckets(0, 1, 2, 4, 8, 16)
SYMBOL = re.compile(r"[©@#]")
BULLETS = frozenset("-•*·►»>")
DASHES = frozenset("–—")
QUOTES = frozenset("\"“'‘")
OFFSETS = (-2, -1, 1, 2)
LEN_NAME, CAPS_NAME, COMMAS_NAME, LOWER_NAME = LEN.named("len="), CAPS.named("caps="), COMMAS.named("comma_count="), LOWER.named("lower_share=")
# The shares (0..10, 11 for a line without letters) are always inside these tables: looked up
# without a call. Counts (words, commas) can run past the last edge.
CAPS_TABLE, LOWER_TABLE = CAPS_NAME.table, LOWER_NAME.table
LEN_TABLE, LEN_BEYOND, COMMAS_TABLE, COMMAS_BEYOND = LEN_NAME.table, LEN_NAME.beyond, COMMAS_NAME.table, COMMAS_NAME.beyond
assert len(CAPS_TABLE) == len(LOWER_TABLE) == 12
_FIRST = itemgetter(0)


def word_count(text: str, words: list[str] | None = None) -> int:
    n = len(words if words is not None else text.split())
    if n * 12 < len(text):  # few spaces for its length: count CJK characters too
        n = max(n, len(CJK.findall(text)) // 2)
    return n


def _shape(line: Line):
    return _shape_of(line.text, line.tag, line.link_ratio, line.hints)


@lru_cache(maxsize=16384)  # an outlet's menus, share bars and footers recur on every page
def _shape_of(text: str, tag: str | None, link_ratio: float, hints: frozenset[str]):
    """A line's own features, what it shows its neighbours (named as each of them sees it),
    its rule kind, its word count and whether it reads as prose: all a page needs per line."""
    own, seen_by_neighbours, kind, n, end_sentence = _text_shape(text, tag, link_ratio, hints)
    return tuple(own), _neighbour_names(tuple(seen_by_neighbours)), kind, n, n >= 8 and end_sentence


def _line_shape(line: Line) -> tuple[list[str], list[str], str | None, int, bool]:
    """A line's own features (present indicators, in a fixed order), the few of them its
    neighbours also see, its rule kind, its word count and whether it ends a sentence."""
    return _text_shape(line.text, line.tag, line.link_ratio, line.hints)


def _text_shape(text: str, tag: str | None, link_ratio: float, hints: frozenset[str]):
    """``_line_shape`` of a line given by its parts (no Line built per call)."""
    words = text.split()
    n = len(words)
    if n * 12 < len(text):  # as word_count: few spaces for its length, count CJK characters too
        n = max(n, len(CJK.findall(text)) // 2)
    initials = "".join(filter(str.isalpha, map(_FIRST, words)))  # the words' first letters
    letters = len(initials)
    caps = sum(map(str.isupper, initials))
    first = text[:1]
    length = LEN_TABLE[n] if n < len(LEN_TABLE) else LEN_BEYOND
    caps_f = CAPS_TABLE[10 * caps // letters if letters else 11]
    end_sentence = SENTENCE_END.search(text) is not None
    # a dash opens a list item, but also Russian dialogue and tweet attributions
    bullet = first in BULLETS or (first in DASHES and n < 8) if first else False
    own = [length]
    seen_by_neighbours = [length]
    if end_sentence:
        own.append("end_sentence")
        seen_by_neighbours.append("end_sentence")
    last = text[-1:]
    if last == ":":
        own.append("end_colon")
    elif last == ",":
        own.append("end_comma")
    if bullet:
        own.append("bullet")
    elif first in DASHES and n >= 8 and first:
        own.append("dash_prose")
    own.append(caps_f)
    seen_by_neighbours.append(caps_f)
    if bullet:
        seen_by_neighbours.append("bullet")
    if n > 0 and text.isupper():
        own.append("upper")
    has_digit = DIGIT.search(text) is not None
    if has_digit and DATEISH.search(text):
        own.append("dateish")
    if "|" in text or "»" in text or " / " in text:
        own.append("pipe")
    if "http" in text or "www." in text or ".com" in text:
        own.append("url")
    if SYMBOL.search(text):
        own.append("symbol")
    if first and first in QUOTES:
        own.append("quote")
    if first.isdigit():
        own.append("digit_start")
    commas = text.count(",")
    own.append(COMMAS_TABLE[commas] if commas < len(COMMAS_TABLE) else COMMAS_BEYOND)
    # "SteakhouseA party of six": a teaser card's title run into its blurb
    if JOINED_TITLE.search(text):
        own.append("joined_title")
        seen_by_neighbours.append("joined_title")
    own.append(LOWER_TABLE[10 * (letters - caps) // letters if letters else 11])
    kind = rule_kind(text)
    if kind:
        own.append("rule=" + kind)
    if tag:
        own.append("tag=" + tag)
        link = "link=" + LINK(int(10 * link_ratio))
        own.append(link)
        seen_by_neighbours.append(link)
        own.extend("hint=" + h for h in hints)
    if kind:
        seen_by_neighbours.append("rule=" + kind)
    return own, seen_by_neighbours, kind, n, end_sentence


POS_NAME, WPOS_NAME = POS.named("pos="), POS.named("wpos=")
REL_LEN_NAME = REL_LEN.named("rel_len=")
PROSE_WINDOW_NAME = PROSE_WINDOW.named("prose_window=")
DIST_NAME = DIST.named("dist_long=")
# What a missing neighbour looks like, in the order of OFFSETS.
EDGE_VIEW = tuple((f"{off}:edge",) for off in OFFSETS)


@lru_cache(maxsize=4096)  # a page's lines share a few dozen neighbour views
def _neighbour_names(seen: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """What a line shows its neighbours, named as each neighbour sees it ("-1:len=8"), in the
    order of OFFSETS."""
    return tuple(tuple(f"{off}:{s}" for s in seen) for off in OFFSETS)


@lru_cache(maxsize=1024)
def _rule_names(kind: str, since: str) -> tuple[str, str]:
    return "after_rule=" + kind, f"since_rule={kind}={since}"


def _names(named: _Buckets, values) -> list[str]:
    """The bucket names of many counts (all >= 0) at once: a table lookup each, no call."""
    table, beyond, size = named.table, named.beyond, len(named.table)
    return [table[v] if v < size else beyond for v in values]


# Distances from a rule line at which its since_rule bucket (SINCE) changes.
SINCE_CHANGES = tuple(edge + 1 for edge in SINCE_EDGES)


def _rule_context(kinds: list[str | None]) -> list[tuple[str, ...]]:
    """Per line, the rule kinds met above it and how far up ("after_rule=comments",
    "since_rule=comments=3"): after "Comments" the page rarely returns to the article. The
    names change only where a rule line passes or a distance crosses a bucket edge, so they are
    rebuilt there and shared by the lines in between."""
    out: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    current: tuple[str, ...] = ()
    rebuild_at = len(kinds)
    for i, kind in enumerate(kinds):
        if i >= rebuild_at:
            names: list[str] = []
            rebuild_at = len(kinds)
            for k, where in seen.items():
                distance = i - where
                names.extend(_rule_names(k, SINCE(distance)))
                for change in SINCE_CHANGES:
                    if change > distance:
                        rebuild_at = min(rebuild_at, where + change)
                        break
            current = tuple(names)
        out.append(current)
        if kind:
            seen[kind] = i
            rebuild_at = i + 1
    return out


def _long_line_context(word_counts: list[int]) -> list[tuple[str, ...]]:
    """Per line, where it sits against the page's long lines (the likely article paragraphs)."""
    n = len(word_counts)
    long_idx = [i for i, w in enumerate(word_counts) if w >= LONG_LINE_WORDS]
    if not long_idx:
        return [("no_long_line",)] * n
    first_long, last_long = long_idx[0], long_idx[-1]
    # distance to the nearest long line, from two sweeps (n where there is none below a line
    # before the first one, as the nearest-below rule had it)
    below, nearest = [n] * n, None
    for i in range(n - 1, -1, -1):
        if word_counts[i] >= LONG_LINE_WORDS:
            nearest = i
        if nearest is not None:
            below[i] = nearest - i
    dist, nearest = below, None
    for i in range(n):
        if nearest is not None and i - nearest < dist[i]:
            dist[i] = i - nearest
        if word_counts[i] >= LONG_LINE_WORDS:
            nearest = i
    dist_names = _names(DIST_NAME, dist)
    out = []
    for i, d in enumerate(dist_names):
        if i < first_long:
            out.append((d, "before_first_long"))
        elif i > last_long:
            out.append((d, "after_last_long"))
        else:
            out.append(("inside_long_span", d))
    return out


def line_features(lines: list[Line], extra: list[dict[str, float]] | None = None) -> list:
    """Features of a page's lines, with context from neighbours and the page as a whole: one
    list of indicator names per line, or (with ``extra`` values) one name -> value dict.

    Each kind of context is computed for the whole page as one column, and each line's list is
    then joined from the columns in one step: far fewer Python operations per line than
    appending feature by feature."""
    n = len(lines)
    if not n:
        return []
    shapes = [_shape_of(l.text, l.tag, l.link_ratio, l.hints) for l in lines]  # _shape, without a call per line
    own, views, kinds, word_counts, prose = (list(column) for column in zip(*shapes))
    counts: dict[str, int] = {}
    for l in lines:
        counts[l.text] = counts.get(l.text, 0) + 1
    lengths = sorted(word_counts, reverse=True)
    # Length relative to the page's third-longest line as well: Indonesian portals write one-
    # or two-sentence paragraphs, so a page whose longest lines have 15 words still has its
    # article in those lines.
    reference = max(1, lengths[min(2, len(lengths) - 1)])
    total_words = sum(word_counts) or 1
    # The likeliest place of the article: the most prose words, through short interruptions
    # (a subheading, a caption).
    main = heaviest_run([w if p else 0 for p, w in zip(prose, word_counts)], max_gap=2)
    prose_sums = [0, *itertools.accumulate(prose)]
    pages = max(1, n)
    positions = _names(POS_NAME, [int(10 * i / pages) for i in range(n)])
    words_before = [0, *itertools.accumulate(word_counts)]
    word_positions = _names(WPOS_NAME, [int(10 * words_before[i] / total_words) for i in range(n)])
    repeated = [("repeated",) if counts[l.text] > 1 else () for l in lines]
    relative = _names(REL_LEN_NAME, [int(10 * w / reference) for w in word_counts])
    # before the run, in it, after it: three stretches of one name each
    before = min(max(main[0], 0), n)
    inside = max(0, min(main[1] + 1, n) - before)
    main_run = [("before_main_run",)] * before + [("in_main_run",)] * inside + [()] * (n - before - inside)
    # the window [i - WINDOW, i + WINDOW] clipped to the page, its ends as two columns
    window_starts = [0] * min(WINDOW, n) + list(range(0, n - WINDOW))
    window_ends = list(range(WINDOW + 1, n + 1)) + [n] * min(WINDOW + 1, n)
    prose_windows = _names(PROSE_WINDOW_NAME, [int(10 * (prose_sums[hi] - prose_sums[lo]) / (hi - lo))
                                               for lo, hi in zip(window_starts, window_ends)])
    padded = [EDGE_VIEW, EDGE_VIEW, *views, EDGE_VIEW, EDGE_VIEW]
    out = [
        [*o, *r, "bias", p, wp, *rep, rl, *mr, pw, *lc, *m2[0], *m1[1], *p1[2], *p2[3]]
        for o, r, p, wp, rep, rl, mr, pw, lc, m2, m1, p1, p2 in zip(
            own, _rule_context(kinds), positions, word_positions, repeated, relative, main_run,
            prose_windows, _long_line_context(word_counts), padded, padded[1:], padded[3:], padded[4:])
    ]
    if extra:
        out = [dict.fromkeys(f, 1.0) | e for f, e in zip(out, extra)]
    return out


def heaviest_run(weights: list[int | None], max_gap: int) -> tuple[int, int]:
    """(first, last) line of the stretch with the largest total weight: a line of positive
    weight (prose) adds to the stretch, a line of weight 0 interrupts it (more than ``max_gap``
    in a row end it), a line of weight None is looked through. (0, -1) when there is none."""
    best, span = 0, (0, -1)
    start, total, gap = None, 0, 0
    for i, weight in enumerate(weights):
        if weight is None:
            continue
        if weight > 0:
            if start is None:
                start, total = i, 0
            total += weight
            gap = 0
            if total > best:
                best, span = total, (start, i)
        elif start is not None:
            gap += 1
            if gap > max_gap:
                start, gap = None, 0
    return span


_model_dir = MODEL_DIR


def use_model_dir(path: Path) -> None:
    """Read models from another folder (the benchmark's cross-validation trains its own)."""
    global _model_dir
    _model_dir = Path(path)
    _tagger.cache_clear()


@lru_cache(maxsize=4)
def _tagger(name: str) -> pycrfsuite.Tagger | None:
    path = _model_dir / name
    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def predict_body(features: list[dict], model: str) -> list[float] | None:
    """Probability of "body" for each line, or None when the model is not installed."""
    tagger = _tagger(model)
    if tagger is None or not features:
        return None
    tagger.set(features)
    tagger.tag()
    return [tagger.marginal("B", i) for i in range(len(features))]
