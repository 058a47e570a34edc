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
SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*$")
DATEISH = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}[/.:]\d{1,2}\b")
LONG_LINE_WORDS = 25
JOINED_TITLE = re.compile(r"[a-z?!'’][A-Z][a-z]+ [a-z]")
WINDOW = 4

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "clean"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _shape(line: Line) -> dict[str, float | str]:
    text = line.text
    words = text.split()
    n = len(words)
    alpha = [w for w in words if w[:1].isalpha()]
    caps = sum(1 for w in alpha if w[:1].isupper())
    f: dict[str, float | str] = {
        "len": _bucket(n, (1, 2, 3, 5, 8, 12, 20, 35, 60)),
        "end_sentence": float(bool(SENTENCE_END.search(text))),
        "end_colon": float(text.endswith(":")),
        "end_comma": float(text.endswith(",")),
        # a dash opens a list item, but also Russian dialogue and tweet attributions
        "bullet": float(text[:1] in "-•*·►»>" or (text[:1] in "–—" and n < 8)),
        "dash_prose": float(text[:1] in "–—" and n >= 8),
        "caps": _bucket(int(10 * caps / len(alpha)) if alpha else 11, (2, 5, 8, 10, 11)),
        "upper": float(text.isupper() and n > 0),
        "dateish": float(bool(DATEISH.search(text))),
        "pipe": float("|" in text or "»" in text or " / " in text),
        "url": float("http" in text or "www." in text or ".com" in text),
        "symbol": float(bool(re.search(r"[©@#]", text))),
        "quote": float(text[:1] in "\"“'‘"),
        "digit_start": float(text[:1].isdigit()),
        "comma_count": _bucket(text.count(","), (0, 1, 3)),
        # "SteakhouseA party of six": a teaser card's title run into its blurb
        "joined_title": float(bool(JOINED_TITLE.search(text))),
        "lower_share": _bucket(int(10 * (len(alpha) - caps) / len(alpha)) if alpha else 11, (2, 5, 7, 10, 11)),
    }
    kind = rule_kind(text)
    if kind:
        f["rule=" + kind] = 1.0
    if line.tag:
        f["tag=" + line.tag] = 1.0
        f["link"] = _bucket(int(10 * line.link_ratio), (0, 3, 7, 10))
        for h in line.hints:
            f["hint=" + h] = 1.0
    return f


def line_features(lines: list[Line], extra: list[dict[str, float]] | None = None) -> list[dict]:
    """Feature dicts for a page's lines, with context from neighbours and the page as a whole."""
    shapes = [_shape(l) for l in lines]
    n = len(lines)
    counts: dict[str, int] = {}
    for l in lines:
        counts[l.text] = counts.get(l.text, 0) + 1
    lengths = sorted((len(l.text.split()) for l in lines), reverse=True)
    long_words = LONG_LINE_WORDS
    # Length relative to the page's third-longest line as well: Indonesian portals write one-
    # or two-sentence paragraphs, so a page whose longest lines have 15 words still has its
    # article in those lines.
    reference = lengths[min(2, len(lengths) - 1)] if lengths else 1
    long_idx = [i for i, l in enumerate(lines) if len(l.text.split()) >= long_words]
    first_long = long_idx[0] if long_idx else -1
    last_long = long_idx[-1] if long_idx else -1
    total_words = sum(len(l.text.split()) for l in lines) or 1
    main = _main_run(lines)
    prose = [1.0 if _is_prose(l.text) else 0.0 for l in lines]
    prose_sums = [0.0, *itertools.accumulate(prose)]
    words_before = 0
    out = []
    seen: dict[str, int] = {}  # rule kinds met so far: after "Comments" the page rarely returns to the article
    for i, line in enumerate(lines):
        f = dict(shapes[i])
        for kind, where in seen.items():
            f["after_rule=" + kind] = 1.0
            f["since_rule=" + kind] = _bucket(i - where, (1, 3, 8, 20))
        for key in shapes[i]:
            if key.startswith("rule="):
                seen[key[5:]] = i
        f["bias"] = 1.0
        f["pos"] = _bucket(int(10 * i / max(1, n)), (0, 1, 2, 4, 6, 8, 9))
        f["wpos"] = _bucket(int(10 * words_before / total_words), (0, 1, 2, 4, 6, 8, 9))
        words_before += len(line.text.split())
        f["repeated"] = float(counts[line.text] > 1)
        f["rel_len"] = _bucket(int(10 * len(line.text.split()) / max(1, reference)), (0, 1, 2, 4, 6, 8, 10))
        f["in_main_run"] = float(main[0] <= i <= main[1])
        f["before_main_run"] = float(i < main[0])
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        f["prose_window"] = _bucket(int(10 * (prose_sums[hi] - prose_sums[lo]) / (hi - lo)), (0, 2, 4, 6, 8, 10))
        if long_idx:
            f["inside_long_span"] = float(first_long <= i <= last_long)
            k = bisect.bisect_left(long_idx, i)
            d = min(abs(i - long_idx[m]) for m in (k - 1, k) if 0 <= m < len(long_idx))
            f["dist_long"] = _bucket(d, (0, 1, 2, 4, 8, 16))
            f["before_first_long"] = float(i < first_long)
            f["after_last_long"] = float(i > last_long)
        else:
            f["no_long_line"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                s = shapes[j]
                for key in ("len", "end_sentence", "caps", "bullet", "link"):
                    if key in s:
                        f[f"{off}:{key}"] = s[key]
                for key in s:
                    if key.startswith("rule="):
                        f[f"{off}:{key}"] = 1.0
            else:
                f[f"{off}:edge"] = 1.0
        if extra:
            f.update(extra[i])
        out.append(_as_crf(f))
    return out


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 8 and bool(SENTENCE_END.search(text))


def _main_run(lines: list[Line]) -> tuple[int, int]:
    """The stretch of lines with the most prose words, allowing short interruptions (a
    subheading, a caption): the likeliest place of the article on a page."""
    best, best_span = 0, (-1, -1)
    start, total, gap = None, 0, 0
    for i, line in enumerate(lines):
        if _is_prose(line.text):
            if start is None:
                start, total = i, 0
            total += len(line.text.split())
            gap = 0
            if total > best:
                best, best_span = total, (start, i)
        elif start is not None:
            gap += 1
            if gap > 2:
                start, gap = None, 0
    return best_span


def _as_crf(f: dict) -> dict[str, float]:
    # crfsuite takes string features with value 1 or numeric features; categorical values become
    # "name=value" indicators so each bucket gets its own weight.
    out = {}
    for k, v in f.items():
        if isinstance(v, str):
            out[f"{k}={v}"] = 1.0
        else:
            out[k] = float(v)
    return out


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
