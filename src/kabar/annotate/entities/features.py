"""Token features for the CRF tagger.

Speed matters (the tagger must do tens of thousands of tokens a second in pure Python), so the
features of a word that do not depend on its neighbours are computed once per word form and
cached; a token's feature list is then its own features plus a few of its neighbours'.

Measured on the dev splits (bench/results/ner.json): the place of a token in its run of
capitalised words, being inside quotes, and being an Indonesian dictionary word (PySastrawi's
root list, with common affixes) each helped; suffixes/prefixes of the neighbours, a separate
sentence-initial capital feature and a second bigram did not, and are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kabar.annotate.entities.gazetteer import MAX_PHRASE_TOKENS, Gazetteer
from kabar.annotate.entities.subwords import PieceClusters

_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_OFFSET_PREFIXES = ("-1", "+1", "-2", "+2")
CONTEXT_WINDOW = 2  # neighbours on each side whose features a token sees
_REPEATS = re.compile(r"(.)\1+")


def word_shape(word: str) -> str:
    shape = word.translate(_SHAPE_MAP)
    # Letters outside ASCII (é, ñ) still count as upper/lower.
    if not shape.isascii():
        shape = "".join("X" if c.isupper() else "x" if c.islower() else c for c in shape)
    return shape


@lru_cache(maxsize=200_000)
def short_shape(word: str) -> str:
    return _REPEATS.sub(r"\1", word_shape(word))


class FeatureExtractor:
    """Turns a tokenised sentence into crfsuite feature strings."""

    def __init__(self, gazetteer: Gazetteer, role_words: frozenset[str] = frozenset(),
                 clusters: dict[str, tuple[str, ...]] | None = None,
                 known_attributes: frozenset[str] | None = None,
                 pieces: PieceClusters | None = None):
        self.gazetteer = gazetteer
        # Clusters of the word's subword pieces in a pretrained model (see subwords.py).
        self.pieces = pieces
        # Attributes the trained model has weights for: the rest are dropped once per word form
        # (crfsuite would ignore them, but only after paying to convert them).
        self.known_attributes = known_attributes
        self.role_words = frozenset(w.lower() for w in role_words)
        self.clusters = clusters or {}
        # First words of listed phrases: most capitalised words open none, and need no lookups.
        self._phrase_openers = frozenset(p.split(" ", 1)[0] for p in gazetteer.phrases)
        self._own = lru_cache(maxsize=200_000)(self._word_features)
        self._context = lru_cache(maxsize=200_000)(self._context_features)
        self._near = lru_cache(maxsize=200_000)(self._neighbour_features)

    def _word_features(self, word: str) -> tuple[str, ...]:
        feats = self._all_word_features(word)
        # The first two stay in place: sentence_features reads the word form at index 1.
        return tuple(feats[:2]) + self._known(feats[2:])

    def _all_word_features(self, word: str) -> list[str]:
        lower = word.lower()
        shape = short_shape(word)
        feats = [
            "b", "w=" + lower, "sh=" + shape, "p2=" + lower[:2], "p3=" + lower[:3],
            "s2=" + lower[-2:], "s3=" + lower[-3:], "s4=" + lower[-4:],
        ]
        if word[:1].isupper():
            feats.append("title")
        if word.isupper() and len(word) > 1:
            feats.append("upper")
        if "-" in word:
            feats.append("hyph")
        if len(word) <= 2:
            feats.append("short")
        gaz = self.gazetteer.tokens.get(lower)
        if gaz:
            feats.append("gt=" + gaz)
        if lower in self.role_words:
            feats.append("role")
        root = dictionary_root(lower)
        if root:
            feats.append("kd=" + root)
        cluster = self.clusters.get(lower)
        if cluster:
            feats.extend(f"c{level}={cid}" for level, cid in enumerate(cluster))
        if self.pieces is not None:
            feats.extend(self.pieces.features(word))
        return feats

    def _known(self, feats) -> tuple[str, ...]:
        if self.known_attributes is None:
            return tuple(feats)
        known = self.known_attributes
        return tuple([f for f in feats if f in known])  # a list first: faster than a generator

    def _context_features(self, word: str) -> tuple[str, ...]:
        """What a token tells its neighbours: its form, shape and list membership."""
        lower = word.lower()
        feats = ["w=" + lower, "sh=" + short_shape(word)]
        gaz = self.gazetteer.tokens.get(lower)
        if gaz:
            feats.append("gt=" + gaz)
        if lower in self.role_words:
            feats.append("role")
        cluster = self.clusters.get(lower)
        if cluster:
            feats.append("c1=" + cluster[1])
        return tuple(feats)

    def _phrase_tags(self, tokens: list[str], lowered: list[str]) -> list[str | None]:
        """Longest gazetteer phrase matches as B-/I- labels over capitalised runs."""
        out: list[str | None] = [None] * len(tokens)
        phrases = self.gazetteer.phrases
        openers = self._phrase_openers
        free_from = 0  # words inside a matched phrase open no other
        for i, token in enumerate(tokens):
            if i < free_from or lowered[i] not in openers or not token[:1].isupper():
                continue
            for n in range(min(MAX_PHRASE_TOKENS, len(tokens) - i), 0, -1):
                types = phrases.get(" ".join(lowered[i:i + n]))
                if types:
                    out[i] = "B-" + types
                    for j in range(i + 1, i + n):
                        out[j] = "I-" + types
                    free_from = i + n
                    break
        return out

    def _neighbour_features(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The word's context features already prefixed for each offset (-1, +1, -2, +2)."""
        ctx = self._context(word)
        return tuple([self._known([prefix + f for f in ctx]) for prefix in _OFFSET_PREFIXES])

    def sentence_features(self, tokens: list[str], positions=None) -> list[tuple[str, ...]]:
        """Feature lists of the tokens at ``positions`` (all by default), seen in the whole
        sentence."""
        return self._assemble(tokens, positions, self._own, self._near, _AS_FEATURE)

    def use_rows(self, rows: dict[str, int]) -> None:
        """Let ``sentence_rows`` map feature strings to the model's weight rows (``rows``);
        features the model has no weights for are dropped."""
        self._rows = rows
        # Straight from all of a word's features to rows: the rows already leave out what the
        # model has no weight for, so the string-level pruning (and its caches) is skipped.
        self._own_rows = lru_cache(maxsize=200_000)(
            lambda word: self._encode(self._all_word_features(word)))
        self._near_rows = lru_cache(maxsize=200_000)(self._neighbour_rows)
        self._row_of = _RowsOf(rows)

    def sentence_rows(self, tokens: list[str], positions=None) -> list[tuple[int, ...]]:
        """``sentence_features`` as weight rows of the model given to ``use_rows``: the same
        features in the same order, with the strings looked up once per word form."""
        return self._assemble(tokens, positions, self._own_rows, self._near_rows, self._row_of)

    def _neighbour_rows(self, word: str) -> tuple[tuple[int, ...], ...]:
        context = self._context_features(word)
        return tuple([self._encode([prefix + f for f in context]) for prefix in _OFFSET_PREFIXES])

    def _encode(self, features) -> tuple[int, ...]:
        rows = self._rows
        return tuple([rows[f] for f in features if f in rows])

    def _assemble(self, tokens, positions, own_of, near_of, extra):
        """The one place that decides a token's features: ``own_of``/``near_of`` give a word's
        cached own and neighbour features, ``extra[feature string]`` is a tuple of zero or one
        feature (the string itself, or a model row)."""
        if positions is None or len(positions) == len(tokens):
            own = [own_of(t) for t in tokens]
            near = [near_of(t) for t in tokens]
        else:
            # Only the tagged stretches (about 70% of news tokens) and 2 words around them are
            # looked at: the rest of the sentence needs no features.
            own = [None] * len(tokens)
            for i in positions:
                own[i] = own_of(tokens[i])
            first, last = max(0, positions[0] - 2), min(len(tokens), positions[-1] + 3)
            near = [None] * first + [near_of(t) for t in tokens[first:last]]
        lowered = [t.lower() for t in tokens]
        phrase = self._phrase_tags(tokens, lowered)
        n = len(tokens)
        wide = CONTEXT_WINDOW > 1
        runs = _capital_runs(tokens)
        quoted = _inside_quotes(tokens)
        at_start = tuple(x for feature in _AT_START for x in extra[feature])
        at_end = tuple(x for feature in _AT_END for x in extra[feature])
        inside_quotes = extra["inq"]
        # Tuples concatenated once per token: this loop is the tagger's hottest Python code.
        out = []
        last = n - 1
        for i in (range(n) if positions is None else positions):
            feats = own[i] + extra[runs[i]]
            if quoted[i]:
                feats += inside_quotes
            if phrase[i]:
                feats += extra["gp=" + phrase[i]]
            if i > 0:
                feats += near[i - 1][0]
                if phrase[i - 1]:
                    feats += extra["-1gp=" + phrase[i - 1]]
                feats += extra["bi=" + lowered[i - 1] + "|" + lowered[i]]
                if wide and i > 1:
                    feats += near[i - 2][2]
            else:
                feats += at_start
            if i < last:
                feats += near[i + 1][1]
                if phrase[i + 1]:
                    feats += extra["+1gp=" + phrase[i + 1]]
                if wide and i + 1 < last:
                    feats += near[i + 2][3]
            else:
                feats += at_end
            out.append(feats)
        return out


class _AsFeature(dict):
    """feature -> (feature,), stored nowhere: training sees every string once or twice."""

    def __missing__(self, feature: str) -> tuple[str, ...]:
        return (feature,)


_AS_FEATURE = _AsFeature()


class _RowsOf(dict):
    """feature -> its model row as a 1-tuple (or () when the model has none), computed on
    first use: a plain dict lookup is the cheapest call in the hot loop."""

    def __init__(self, model_rows: dict[str, int]):
        super().__init__()
        self._model_rows = model_rows

    def __missing__(self, feature: str) -> tuple[int, ...]:
        # Most bigrams of new text are new, so this runs often on a first pass: kept minimal.
        if len(self) > 500_000:  # bigrams of a long ingest: bounded like the word caches
            self.clear()
        row = self._model_rows.get(feature)
        rows = self[feature] = () if row is None else (row,)
        return rows


_AT_START = ("BOS", "-1pad")
_AT_END = ("+1pad",)
_QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»", "``", "''"}


def _capital_runs(tokens: list[str]) -> list[str]:
    """Where a token sits in its run of capitalised words, and how long the run is: names are
    runs, and their ends are where the tagger most often errs."""
    out = ["run=O"] * len(tokens)
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i][:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < n and tokens[j + 1][:1].isupper():
            j += 1
        length = min(j - i + 1, 4)
        for k in range(i, j + 1):
            where = "S" if i == j else "B" if k == i else "E" if k == j else "I"
            out[k] = f"run={where}{length}"
        i = j + 1
    return out


def _inside_quotes(tokens: list[str]) -> list[bool]:
    out, inside = [], False
    for token in tokens:
        if token in _QUOTES:
            inside = not inside
            out.append(False)
        else:
            out.append(inside)
    return out


_PREFIXES = ("memper", "diper", "mem", "men", "meng", "meny", "me", "ber", "ter", "di", "pe", "pen", "pem", "peng", "per", "ke", "se")
_SUFFIXES = ("kannya", "annya", "nya", "kan", "an", "i", "lah", "kah")


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    """Indonesian root words from the dictionary PySastrawi ships: a capitalised word that is
    a common word (or one with its affixes) is seldom a name."""
    from importlib.resources import files

    text = files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.split() if len(w.strip()) > 2)


def _by_end(affixes: tuple[str, ...], key) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for affix in affixes:
        out[key(affix)] = out.get(key(affix), ()) + (affix,)
    return out


# The affixes a word can carry, found by its first two / last letter instead of trying all
# 18 x 9 pairs: this runs once per new word form, a large part of a first pass over new text.
_PREFIXES_BY_START = _by_end(_PREFIXES, lambda p: p[:2])
_SUFFIXES_BY_END = _by_end(_SUFFIXES, lambda s: s[-1])


def dictionary_root(lower: str) -> str | None:
    """"w" when the word itself is a root word, "a" when it is one with common affixes."""
    roots = _root_words()
    if lower in roots:
        return "w"
    prefixes = ("",) + tuple(p for p in _PREFIXES_BY_START.get(lower[:2], ()) if lower.startswith(p))
    suffixes = ("",) + tuple(s for s in _SUFFIXES_BY_END.get(lower[-1:], ()) if lower.endswith(s))
    for prefix in prefixes:
        stem = lower[len(prefix):]
        for suffix in suffixes:
            if (prefix or suffix) and stem.endswith(suffix) and stem[:len(stem) - len(suffix)] in roots:
                return "a"
    return None
