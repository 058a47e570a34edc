"""Turning article text into the terms clustering compares: tokens, stop words, stems, names.

Stop words come from the libraries that already keep them (PySastrawi for Indonesian,
scikit-learn for English) plus short news-specific lists in ``kabar/lang/*_stopwords.txt``.
Indonesian stems come from PySastrawi (slow per word, so every word is stemmed once and cached);
other languages get a light suffix stripper, which is enough for comparing bags of words.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
# The patterns below mean "\b[A-Z]...", "\b(19[5-9]\d|20[0-4]\d)\b" and "\b\d+(?:[.,]\d+)?\b"
# (``tests/cluster/test_fast_paths.py`` holds them to it), with the leading \b written as a
# look-behind after the first character: a pattern that opens with a character class lets the
# regex engine skip to the positions holding one, where a leading \b makes it try every
# position of the text (twice the time on news text).
# Runs of capitalised words that are not sentence-initial: names of people, places, bodies.
NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w'-]+(?:\s+(?:[A-Z][\w'-]+|bin|van|de|al))*")
SENTENCE_END = re.compile(r"(?:^|[.!?:\"“”]\s*|[-–—]\s*)$")
YEAR = re.compile(r"[12](?<!\w[12])(?:(?<=1)9[5-9]|(?<=2)0[0-4])\d\b")
NUMBER = re.compile(r"\d(?<!\w\d)\d*(?:[.,]\d+)?\b")

_STEM_CACHE_LIMIT = 600_000  # entries of the stem and content-term caches together


def _lang_word_file(name: str) -> set[str]:
    try:
        text = resources.files("kabar.lang").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}


@lru_cache(maxsize=None)
def stopwords(language: str) -> frozenset[str]:
    """Stop words of a language (the union of all known lists for an unknown one)."""
    if language == "id":
        from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

        return frozenset(StopWordRemoverFactory().get_stop_words()) | _lang_word_file("id_stopwords.txt")
    if language == "en":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS) | _lang_word_file("en_stopwords.txt")
    return stopwords("id") | stopwords("en")


# Indonesian particles and possessives glued to any word ("Jokowinya", "itulah"): all a name
# or a rare word needs to match its plain form.
ID_PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")


@lru_cache(maxsize=1)
def _id_stem_table() -> dict[str, str]:
    path = resources.files("kabar").joinpath("data", "cluster", "id_stems.json.gz")
    try:
        with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


@lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


class Stemmer:
    """Per-language word stemmer with a bounded cache.

    Indonesian: the shipped table of PySastrawi stems of common words (``kabar.cluster.stems``
    builds it), else PySastrawi itself (~0.3 ms a word, once per word thanks to the cache), else
    the particle stripper.
    """

    def __init__(self) -> None:
        # language -> {word: stem}; and {word: content term, "" for a dropped word} that
        # ``content_terms`` reads with one look-up a token instead of four checks and a call.
        self._stems: dict[str, dict[str, str]] = {}
        self._terms: dict[str, dict[str, str]] = {}
        self._size = 0

    def __call__(self, word: str, language: str) -> str:
        cache = self._stems.get(language)
        if cache is None:
            cache = self._stems[language] = {}
        stem = cache.get(word)
        if stem is None:
            self._reserve()
            stem = self._stem_id(word) if language == "id" else _strip_english_suffix(word)
            self._stems.setdefault(language, {})[word] = stem
        return stem

    def term_table(self, language: str) -> dict[str, str]:
        """The caller-filled cache of ``content_terms`` for one language."""
        table = self._terms.get(language)
        if table is None:
            table = self._terms[language] = {}
        return table

    def _reserve(self) -> None:
        # A stream's vocabulary never stops growing: both caches are emptied together when
        # full (stems depend on the word alone, so this changes speed, never results).
        self._size += 1
        if self._size > _STEM_CACHE_LIMIT:
            self._stems.clear()
            self._terms.clear()
            self._size = 1

    def content_term(self, token: str, language: str, stop: frozenset[str]) -> str:
        """The content term of one lower-cased token, "" when it is dropped; remembered."""
        if len(token) < 2 or token in stop or token.isdigit():
            term = ""
        else:
            term = self(token, language)
        self._reserve()
        self.term_table(language)[token] = term
        return term

    def _stem_id(self, word: str) -> str:
        stem = _id_stem_table().get(word)
        if stem is not None:
            return stem
        if len(word) > 3 and word.isalpha():
            # Words the table lacks: PySastrawi once per word (the cache keeps the answer).
            stem = _sastrawi().stem_word(word)
            if stem and stem != word:
                return stem
        if len(word) > 5 and word.isalpha():
            for particle in ID_PARTICLES:
                if word.endswith(particle) and len(word) - len(particle) >= 4:
                    return word[: -len(particle)]
        return word


def _strip_english_suffix(word: str) -> str:
    # A light stemmer: plural and verb endings only; bags of words need no more.
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)] + keep
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (hyphenated words kept whole)."""
    return TOKEN.findall(text.lower())


def content_terms(text: str, language: str, stem: Stemmer) -> list[str]:
    """Stemmed tokens without stop words, digits or one-letter words."""
    return terms_of(tokens(text), language, stem)


def terms_of(words: list[str], language: str, stem: Stemmer) -> list[str]:
    """``content_terms`` of text already split by ``tokens``."""
    known = stem.term_table(language)
    out = []
    append, lookup = out.append, known.get
    stop = None
    for tok in words:
        term = lookup(tok)
        if term is None:
            if stop is None:
                stop = stopwords(language)
            term = stem.content_term(tok, language, stop)
        if term:
            append(term)
    return out


def names(text: str, language: str) -> list[str]:
    """Capitalised word runs inside sentences, lower-cased: a stand-in for named entities
    that works on any text (the annotate stage's linked entities are used when present)."""
    return [" ".join(words) for words in _name_runs(text, language)]


def name_words(text: str, language: str) -> list[str]:
    """The words of ``names(text, language)``, run after run."""
    return [word for words in _name_runs(text, language) for word in words]


def _name_runs(text: str, language: str):
    stop = stopwords(language)
    sentence_end = SENTENCE_END.search
    for para in text.split("\n"):
        for match in NAME_RUN.finditer(para):
            run = match.group(0)
            # A lone capitalised word opening a sentence is usually an ordinary word.
            if " " not in run:
                start = match.start()
                if sentence_end(para[max(0, start - 3) : start]):
                    continue
            words = [w for w in run.lower().split() if w not in stop]
            if words:
                yield words


def years(text: str) -> set[str]:
    return set(YEAR.findall(text))


def numbers(text: str) -> set[str]:
    """Numbers other than years (counts of dead, scores, ages): they tell look-alike events apart."""
    return {n for n in NUMBER.findall(text) if not YEAR.fullmatch(n) and n not in {"1", "2"}}
