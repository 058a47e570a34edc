"""One TF-IDF space for all sentences of a story, built once per brief.

Outlets name the same thing differently ("China", "Tiongkok", "RRT"); annotation already linked
those mentions to one canonical entity, so before vectorising each mention is replaced by a token
of its entity id. Two outlets' wordings of one fact then share the entity tokens, which carry most
of a news sentence's meaning, and a near-paraphrase is a plain cosine threshold away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from kabar.brief.sentences import Sentence
from kabar.records import Article

# Cosine at or above which two sentences state the same fact (tuned on the dev stories, see
# bench/brief.py): low enough for a paraphrase, high enough that a shared name is not a match.
SAME_FACT = 0.38
# Below this cosine two sentences share little more than a word or two. All sentence pairs above
# it are computed once per story (one sparse product) and every thresholded question is a lookup.
NEAR = 0.12


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    # Sastrawi ships the usual Indonesian stop-word list; scikit-learn the English one.
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = frozenset(StopWordRemoverFactory().get_stop_words()) | ENGLISH_STOP_WORDS
    # Hyphenated entries ("baik-baiknya") can never equal a token; the vectoriser warns about them.
    return frozenset(w for w in words if re.fullmatch(r"\w+", w))


def _entity_pattern(article: Article, token_of: dict[str, str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    surface_to_token: dict[str, str] = {}
    for entity in article.entities:
        token = token_of.setdefault(entity.id, f"zent{len(token_of)}z")
        for form in (*entity.mentions, entity.name):
            if form and len(form) > 1:
                surface_to_token.setdefault(form.lower(), token)
    if not surface_to_token:
        return None, surface_to_token
    forms = sorted(surface_to_token, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)
    return pattern, surface_to_token


class SentenceSpace:
    """TF-IDF rows (L2-normalised) for a list of sentences, plus which article each belongs to."""

    def __init__(self, sentences: Sequence[Sentence], articles: dict[str, Article]):
        self.sentences = list(sentences)
        token_of: dict[str, str] = {}
        patterns: dict[str, tuple[re.Pattern[str] | None, dict[str, str]]] = {}
        texts = []
        for sentence in self.sentences:
            if sentence.article_id not in patterns:
                patterns[sentence.article_id] = _entity_pattern(articles[sentence.article_id], token_of)
            pattern, surface_to_token = patterns[sentence.article_id]
            text = sentence.text
            if pattern is not None:
                text = pattern.sub(lambda m: f" {surface_to_token[m.group(0).lower()]} ", text)
            texts.append(text)
        self._pairs: sparse.csr_matrix | None = None
        vectorizer = TfidfVectorizer(
            lowercase=True, stop_words=list(stop_words()), sublinear_tf=True,
            token_pattern=r"(?u)\b\w\w+\b", dtype=np.float32,
        )
        try:
            self.matrix = vectorizer.fit_transform(texts).tocsr()
            is_entity = np.char.startswith(vectorizer.get_feature_names_out().astype(str), "zent")
        except ValueError:  # nothing but stop words: every sentence is its own fact
            self.matrix = sparse.csr_matrix((len(texts), 1), dtype=np.float32)
            is_entity = np.zeros(1, dtype=bool)
        # How many distinct named things each sentence mentions: a sentence naming who, where and
        # with whom usually states more than one that names nobody.
        self.entity_counts = np.asarray((self.matrix[:, np.flatnonzero(is_entity)] > 0).sum(axis=1)).ravel()
        article_ids = sorted({s.article_id for s in self.sentences})
        self.article_index = {a: i for i, a in enumerate(article_ids)}
        self.article_ids = article_ids
        self.row_article = np.array([self.article_index[s.article_id] for s in self.sentences], dtype=np.int64)

    def _near_pairs(self) -> sparse.csr_matrix:
        if self._pairs is None:
            product = (self.matrix @ self.matrix.T).tocsr()
            product.data[product.data < NEAR] = 0
            product.eliminate_zeros()
            self._pairs = product
        return self._pairs

    def similarity(self, rows: Sequence[int] | np.ndarray, columns: Sequence[int] | np.ndarray | None = None,
                   threshold: float = 0.0) -> sparse.csr_matrix:
        """Cosines of some rows against some (or all) rows, those below ``threshold`` dropped."""
        if threshold >= NEAR:
            block = self._near_pairs()[np.asarray(rows, dtype=np.int64)]
            if columns is not None:
                block = block[:, np.asarray(columns, dtype=np.int64)]
            if threshold > NEAR:
                block = block.copy()
                block.data[block.data < threshold] = 0
                block.eliminate_zeros()
            return block.tocsr()
        left = self.matrix[np.asarray(rows, dtype=np.int64)]
        right = self.matrix if columns is None else self.matrix[np.asarray(columns, dtype=np.int64)]
        product = (left @ right.T).tocsr()
        if threshold > 0:
            product.data[product.data < threshold] = 0
            product.eliminate_zeros()
        return product

    def supporting_articles(self, product: sparse.csr_matrix, columns: Sequence[int] | np.ndarray | None = None
                            ) -> list[set[int]]:
        """For each row of a thresholded product: the articles (indexes) with a matching sentence."""
        col_article = self.row_article if columns is None else self.row_article[np.asarray(columns, dtype=np.int64)]
        result = []
        for i in range(product.shape[0]):
            cols = product.indices[product.indptr[i]:product.indptr[i + 1]]
            result.append(set(col_article[cols].tolist()))
        return result
