"""Body-or-boilerplate for every line of a page: a linear-chain CRF over line features.

A CRF suits the job because boilerplate comes in runs (a menu, a list of related links) and
the body is one or a few contiguous stretches: the transition weights learn that a short line
between two body paragraphs is body while the same line among menu items is not. Features are
language-neutral shapes (length, punctuation, case, position, nearness to long paragraphs); the
language modules add only through ``rules.rule_kind``. Models are trained by
``python -m kabar.clean.train`` from ../shared/data and shipped in ``kabar/data/clean/``.
"""

from __future__ import annotations

import bisect
import itertools
import re
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
LONG_LINE_WORDS = 25
JOINED_TITLE = re.compile(r"[a-z?!'’][A-Z][a-z]+ [a-z]")
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
SINCE = _Buckets(1, 3, 8, 20)
POS = _Buckets(0, 1, 2, 4, 6, 8, 9)
REL_LEN = _Buckets(0, 1, 2, 4, 6, 8, 10)
PROSE_WINDOW = _Buckets(0, 2, 4, 6, 8, 10)
DIST = _Buckets(0, 1, 2, 4, 8, 16)
SYMBOL = re.compile(r"[©@#]")
BULLETS = frozenset("-•*·►»>")
DASHES = frozenset("–—")
QUOTES = frozenset("\"“'‘")
OFFSETS = (-2, -1, 1, 2)


def word_count(text: str, words: list[str] | None = None) -> int:
    n = len(words if words is not None else text.split())
    if n * 12 < len(text):  # few spaces for its length: count CJK characters too
        n = max(n, len(CJK.findall(text)) // 2)
    return n


def _shape(line: Line) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    return _shape_of(line.text, line.tag, line.link_ratio, line.hints)


@lru_cache(maxsize=16384)  # an outlet's menus, share bars and footers recur on every page
def _shape_of(text: str, tag: str | None, link_ratio: float, hints: frozenset[str]):
    own, seen_by_neighbours, kind = _line_shape(Line(text, tag, link_ratio, hints))
    return tuple(own), tuple(seen_by_neighbours), kind


def _line_shape(line: Line) -> tuple[list[str], list[str], str | None]:
    """A line's own features (present indicators, in a fixed order), the few of them its
    neighbours also see, and its rule kind."""
    text = line.text
    words = text.split()
    n = word_count(text, words)
    alpha = list(filter(str.isalpha, [w[0] for w in words]))  # the words' first letters
    caps = sum(map(str.isupper, alpha))
    first = text[:1]
    length = "len=" + LEN(n)
    caps_f = "caps=" + CAPS(int(10 * caps / len(alpha)) if alpha else 11)
    end_sentence = SENTENCE_END.search(text) is not None
    # a dash opens a list item, but also Russian dialogue and tweet attributions
    bullet = first in BULLETS or (first in DASHES and n < 8) if first else False
    own = [length]
    if end_sentence:
        own.append("end_sentence")
    if text.endswith(":"):
        own.append("end_colon")
    if text.endswith(","):
        own.append("end_comma")
    if bullet:
        own.append("bullet")
    if first and first in DASHES and n >= 8:
        own.append("dash_prose")
    own.append(caps_f)
    if n > 0 and text.isupper():
        own.append("upper")
    if DATEISH.search(text):
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
    own.append("comma_count=" + COMMAS(text.count(",")))
    # "SteakhouseA party of six": a teaser card's title run into its blurb
    if JOINED_TITLE.search(text):
        own.append("joined_title")
    own.append("lower_share=" + LOWER(int(10 * (len(alpha) - caps) / len(alpha)) if alpha else 11))
    seen_by_neighbours = [length]
    if end_sentence:
        seen_by_neighbours.append("end_sentence")
    seen_by_neighbours.append(caps_f)
    if bullet:
        seen_by_neighbours.append("bullet")
    if "joined_title" in own:
        seen_by_neighbours.append("joined_title")
    kind = rule_kind(text)
    if kind:
        own.append("rule=" + kind)
    if line.tag:
        own.append("tag=" + line.tag)
        link = "link=" + LINK(int(10 * line.link_ratio))
        own.append(link)
        seen_by_neighbours.append(link)
        own.extend("hint=" + h for h in line.hints)
    if kind:
        seen_by_neighbours.append("rule=" + kind)
    return own, seen_by_neighbours, kind


POS_NAME, WPOS_NAME = POS.named("pos="), POS.named("wpos=")
REL_LEN_NAME = REL_LEN.named("rel_len=")
PROSE_WINDOW_NAME = PROSE_WINDOW.named("prose_window=")
DIST_NAME = DIST.named("dist_long=")
EDGE_NAMES = {off: f"{off}:edge" for off in OFFSETS}


@lru_cache(maxsize=4096)  # a page's lines share a few dozen neighbour views
def _neighbour_names(seen: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """What a line shows its neighbours, named as each neighbour sees it ("-1:len=8")."""
    return {off: tuple(f"{off}:{s}" for s in seen) for off in OFFSETS}


@lru_cache(maxsize=1024)
def _rule_names(kind: str, since: str) -> tuple[str, str]:
    return "after_rule=" + kind, f"since_rule={kind}={since}"


def line_features(lines: list[Line], extra: list[dict[str, float]] | None = None) -> list:
    """Features of a page's lines, with context from neighbours and the page as a whole: one
    list of indicator names per line, or (with ``extra`` values) one name -> value dict."""
    shapes = [_shape(l) for l in lines]
    n = len(lines)
    word_counts = [word_count(l.text) for l in lines]
    counts: dict[str, int] = {}
    for l in lines:
        counts[l.text] = counts.get(l.text, 0) + 1
    lengths = sorted(word_counts, reverse=True)
    # Length relative to the page's third-longest line as well: Indonesian portals write one-
    # or two-sentence paragraphs, so a page whose longest lines have 15 words still has its
    # article in those lines.
    reference = max(1, lengths[min(2, len(lengths) - 1)]) if lengths else 1
    long_idx = [i for i, w in enumerate(word_counts) if w >= LONG_LINE_WORDS]
    first_long = long_idx[0] if long_idx else -1
    last_long = long_idx[-1] if long_idx else -1
    total_words = sum(word_counts) or 1
    prose = [w >= 8 and SENTENCE_END.search(l.text) is not None for l, w in zip(lines, word_counts)]
    # The likeliest place of the article: the most prose words, through short interruptions
    # (a subheading, a caption).
    main = heaviest_run([w if p else 0 for p, w in zip(prose, word_counts)], max_gap=2)
    prose_sums = [0, *itertools.accumulate(prose)]
    neighbour_views = [_neighbour_names(tuple(shape[1])) for shape in shapes]
    words_before = 0
    out = []
    seen: dict[str, int] = {}  # rule kinds met so far: after "Comments" the page rarely returns to the article
    for i in range(n):
        own, _, kind = shapes[i]
        f = list(own)
        for k, where in seen.items():
            f.extend(_rule_names(k, SINCE(i - where)))
        if kind:
            seen[kind] = i
        f.append("bias")
        f.append(POS_NAME(int(10 * i / max(1, n))))
        f.append(WPOS_NAME(int(10 * words_before / total_words)))
        words_before += word_counts[i]
        if counts[lines[i].text] > 1:
            f.append("repeated")
        f.append(REL_LEN_NAME(int(10 * word_counts[i] / reference)))
        if main[0] <= i <= main[1]:
            f.append("in_main_run")
        if i < main[0]:
            f.append("before_main_run")
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        f.append(PROSE_WINDOW_NAME(int(10 * (prose_sums[hi] - prose_sums[lo]) / (hi - lo))))
        if long_idx:
            if first_long <= i <= last_long:
                f.append("inside_long_span")
            k = bisect.bisect_left(long_idx, i)
            d = long_idx[k] - i if k < len(long_idx) else n  # nearest long line below or at i ...
            if k > 0:
                d = min(d, i - long_idx[k - 1])  # ... or above it
            f.append(DIST_NAME(d))
            if i < first_long:
                f.append("before_first_long")
            if i > last_long:
                f.append("after_last_long")
        else:
            f.append("no_long_line")
        for off in OFFSETS:
            j = i + off
            if 0 <= j < n:
                f.extend(neighbour_views[j][off])
            else:
                f.append(EDGE_NAMES[off])
        if extra:
            d = dict.fromkeys(f, 1.0)
            d.update(extra[i])
            out.append(d)
        else:
            out.append(f)
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
