"""Everything clustering needs of one article that does not depend on the index: computed anywhere.

``StoryIndex.add`` must run in arrival order, but most of its cost per article (tokenising,
stemming, finding names, the MinHash signature of the word 5-grams) reads only the article.
``article_features`` does that part as a pure function, so it can run ahead of time on another
core or a Spark worker, and ``StoryIndex.add(article, features)`` then does only the part that
reads and changes the index (idf weighting, candidate scoring, bookkeeping). The result is the
same whether the features were computed beforehand or by ``add`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kabar.records import Article

from .duplicates import shingles, signature
from .profile import ArticleProfile, build_profile
from .text import Stemmer

# Bumped when what ``article_features`` computes changes, so features made by an older kabar
# (a worker on another version) are recomputed instead of trusted.
FEATURES_VERSION = 1

_shared_stemmer: Stemmer | None = None


@dataclass(frozen=True, eq=False)
class ArticleFeatures:
    """The index-independent part of clustering one article; small and picklable.

    ``profile`` holds raw term counts, names, entities, dates (its tf-idf vectors stay empty:
    idf belongs to the index); ``signature`` is the MinHash of the body's word 5-grams (None
    for an empty body) and ``shingle_count`` how many 5-grams there were.
    """

    article_id: str
    profile: ArticleProfile
    signature: np.ndarray | None
    shingle_count: int
    version: int = FEATURES_VERSION

    def __eq__(self, other: object) -> bool:
        # By value; the signature is a numpy array, which == compares element by element.
        if not isinstance(other, ArticleFeatures):
            return NotImplemented
        same_signature = (self.signature is None) == (other.signature is None) and (
            self.signature is None or np.array_equal(self.signature, other.signature))
        return (same_signature and self.article_id == other.article_id and self.version == other.version
                and self.shingle_count == other.shingle_count and self.profile == other.profile)

    __hash__ = None  # mutable contents (the profile's counters): not a dict key

    def fresh_profile(self) -> ArticleProfile:
        """A copy of the profile for the index to weigh, leaving these features reusable."""
        # What ``dataclasses.replace`` gives (the same field values, the counters shared, the
        # four below fresh) by one dict copy instead of its field-by-field __init__: a third
        # of the time, on the in-order path.
        profile = ArticleProfile.__new__(ArticleProfile)
        profile.__dict__.update(self.profile.__dict__, vec={}, lead_vec={}, name_vec={}, own=None)
        return profile


def article_features(article: Article, stem: Stemmer | None = None) -> ArticleFeatures:
    """Profile, MinHash signature and shingle count of one article.

    ``stem`` is a word stemmer whose cache may be shared between calls (stems depend on the
    word alone, so sharing changes speed, never results); by default one per process.
    """
    global _shared_stemmer
    if stem is None:
        if _shared_stemmer is None:
            _shared_stemmer = Stemmer()
        stem = _shared_stemmer
    profile = build_profile(article, stem)
    grams = shingles(profile.shingle_tokens)
    sig = signature(profile.shingle_tokens, grams)
    # The tokens were only needed for the signature: dropping them keeps the record small
    # enough to ship from a worker beside the article. (The profile was built just now for
    # these features alone: emptied in place, not copied field by field.)
    profile.shingle_tokens = []
    return ArticleFeatures(article_id=article.id, profile=profile, signature=sig, shingle_count=len(grams))


def usable(features: ArticleFeatures | None, article: Article) -> bool:
    """Whether ``features`` were computed for this article by this version of kabar."""
    return (features is not None and features.version == FEATURES_VERSION
            and features.article_id == article.id)
