"""The online story index: each new article joins the best recent story or starts one.

Arrival order is the only order: nothing already assigned is ever revisited. The active set
holds the stories of a time window (and of a bounded number of recent undated articles); an
inverted index from each story's heaviest terms, names and entities to the story keeps the
candidates of a new article few, so adding costs the same at 1,000 stories or 100,000.
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import pickle
import zlib
from array import array
from collections import Counter
from importlib import resources
from itertools import compress, repeat, takewhile

import numpy as np

from kabar.records import Article, Assignment

from .duplicates import DuplicateFinder
from .features import ArticleFeatures, article_features, usable
from .postings import DROP_ALL_FROM, Posting, position_of
from .profile import QUANTUM, FEATURES, ArticleProfile, StoryState, count_into, weigh_idfs
from .profile import features as comparison
from .storylines import SUMMARY_TERMS, SALIENT, StorylineIndex
from .text import Stemmer

STATE_VERSION = 1
QUERY_TERMS = 30  # the article's heaviest terms scored against every active story's centroid
POSTING_NAMES = 10
TEXT_CANDIDATES = 8  # the nearest by text cosine get the full comparison ...
NAME_CANDIDATES = 4  # ... and so do those sharing the most names and entities
# A key shared by more active stories than this ("jakarta", "presiden") tells none of them
# apart and would make retrieval cost grow with the active set: it is not scanned.
MAX_POSTING_SCAN = 400
EVICT_EVERY = 64  # articles between sweeps of the active set
PRUNE_DF_EVERY = 20_000  # articles between decays of the document frequencies
# Document frequencies are counts over a sliding window of arrivals, not over the archive: every
# PRUNE_DF_EVERY arrivals all counts (and the document count) are multiplied by DF_DECAY and
# those under one dropped, so the vocabulary kept is that of the last ~PRUNE_DF_EVERY /
# (1 - DF_DECAY) arrivals (200k) and the idf of a steady word stays what it was.
DF_DECAY = 0.9

DEFAULT_PARAMS = {
    "weights": {"cos_text": 6.0, "cos_lead": 2.0, "cos_names": 1.0},
    "bias": -3.0,
    "threshold": 0.5,
    "duplicate_jaccard": 0.5,
    "window_days": 7,
    # Candidates whose trusted publication dates are further apart than this are not compared
    # (None: the window). Per language model when learned: ECB+ groups follow-ups months
    # after an event with it, so the English model may look further back than the window.
    "max_gap_days": None,
    "idle_articles": 50_000,
    # Also kept: whatever was touched in the last this-many arrivals, so an archive ingested
    # out of date order does not lose its stories to a clock that jumped ahead.
    "recent_articles": 5_000,
    "storyline_min_shared": 2,
    # How long a story's summary is kept for later stories to continue it (the seeds' two
    # visits are fourteen months apart), and, for undated stories, how many arrivals.
    "storyline_days": 548,
    "storyline_articles": 1_000_000,
    "storyline_min_similarity": 0.15,
}


def load_params() -> dict:
    """The learned parameters shipped with the package (see ``kabar.cluster.tune``)."""
    path = resources.files("kabar").joinpath("data", "cluster", "params.json")
    try:
        learned = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return dict(DEFAULT_PARAMS)
    return {**DEFAULT_PARAMS, **learned}


def story_id(first_article: str) -> str:
    return "s" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


class StoryIndex:
    """Online event clustering with near-duplicate detection and storyline linking."""

    def __init__(self, params: dict | None = None) -> None:
        self.params = {**DEFAULT_PARAMS, **(params or load_params())}
        if "models" in self.params:  # learned per-language models replace the defaults
            for key in ("weights", "bias", "threshold"):
                self.params.pop(key, None)
        models = self.params.get("models") or {"*": self.params}
        # language -> (weights in FEATURES order, bias, threshold, max gap); "*" for other languages
        default_gap = self.params.get("max_gap_days") or self.params["window_days"]
        self._models = {
            lang: ([float(m["weights"].get(f, 0.0)) for f in FEATURES], float(m["bias"]), float(m["threshold"]),
                   int(m.get("max_gap_days") or default_gap))
            for lang, m in models.items()
        }
        self._fallback = self._models.get("*") or next(iter(self._models.values()))
        self._stem = Stemmer()
        self.seq = 0
        self.clock: int | None = None  # latest article day seen
        self.doc_count = 0
        self.df: dict[str, int] = {}
        self.stories: dict[str, StoryState] = {}
        self.article_meta: dict[str, tuple[int | None, int, str]] = {}  # id -> (day, seq, story)
        self.duplicates = DuplicateFinder(self.params["duplicate_jaccard"])
        self.storylines = StorylineIndex(
            self.params["storyline_min_shared"], self.params["storyline_min_similarity"]
        )
        # name or entity key -> the slots of the stories holding it (array("q"): joined as
        # bytes for numpy, like the term postings; each story at most once)
        self._postings: dict[str, array] = {}
        # term -> the story slots whose centroid holds it, with the centroid weight over the
        # centroid's norm, as flat arrays (see ``postings``): retrieval sums them in numpy.
        self._term_postings: dict[str, Posting] = {}
        self._slot_of: dict[str, int] = {}
        self._story_at: list[str | None] = []
        self._free_slots: list[int] = []
        self._story_terms: dict[str, tuple[str, ...]] = {}
        self._storyline_changes: dict[str, str] = {}
        self._story_keys: dict[str, tuple[str, ...]] = {}
        # Eviction reads these instead of sweeping every active story and window article:
        # active stories by their last arrival (least recent first), and the arrival order
        # of each story's creation (the sweep's order, that of ``stories``).
        self._touched: dict[str, None] = {}
        self._born: dict[str, int] = {}

    # -- the public API -----------------------------------------------------------------
    def add(self, article: Article, features: ArticleFeatures | None = None) -> Assignment:
        """Assign one article, in arrival order, and update the index.

        ``features`` are ``article_features(article)`` when computed beforehand (elsewhere, in
        parallel); the assignment is the same either way. Features of another article or of
        another kabar version are ignored and recomputed.
        """
        if not usable(features, article):
            features = article_features(article, self._stem)
        self.seq += 1
        profile = features.fresh_profile()
        if profile.time is not None:
            self.clock = profile.time if self.clock is None else max(self.clock, profile.time)
        if self.seq % EVICT_EVERY == 0:
            self._evict()
        if self.seq % PRUNE_DF_EVERY == 0:
            # Words seen once are dropped at the first decay, as before; others once they fade.
            self.doc_count *= DF_DECAY
            self.df = {t: d for t, c in self.df.items() if (d := c * DF_DECAY) >= 1.0}
            oldest_day = None if self.clock is None else self.clock - self.params["storyline_days"]
            self.storylines.forget(oldest_day, self.seq - self.params["storyline_articles"])
        self._count_document(profile)
        profile.vec = weigh_idfs(profile.text_terms, self._idfs(profile.text_terms))
        profile.lead_vec = weigh_idfs(profile.lead_terms, self._idfs(profile.lead_terms))
        profile.name_vec = weigh_idfs(profile.names, self._idfs(profile.names))

        sig, size = features.signature, features.shingle_count
        duplicate_of, _ = self.duplicates.find(sig, size)
        story = None
        if duplicate_of is not None:
            story = self.stories.get(self.article_meta[duplicate_of][2])
        if story is None:
            story = self._best_story(profile)
        new_story = story is None
        if new_story:
            story = StoryState(id=story_id(article.id), first_article=article.id)
            self.stories[story.id] = story
            self._born.setdefault(story.id, self.seq)
        story.absorb(profile, self.seq)
        touched = self._touched
        touched.pop(story.id, None)
        touched[story.id] = None
        self._index_story(story)
        # Refresh the storyline summary while the story is young, then at doubling sizes.
        if story.n <= 3 or story.n & (story.n - 1) == 0:
            self._update_storyline(story)

        self.duplicates.add(article.id, sig, size)
        # Re-inserted, not updated in place: ``article_meta`` stays in arrival order, which
        # lets eviction read only its oldest entries.
        self.article_meta.pop(article.id, None)
        self.article_meta[article.id] = (profile.time, self.seq, story.id)
        return Assignment(
            article_id=article.id,
            story=story.id,
            duplicate_of=duplicate_of,
            storyline=story.storyline,
            new_story=new_story,
        )

    def storyline_of(self, story: str) -> str | None:
        """The storyline of any story seen so far: an older story gets one when a newer story
        is found to continue it, after its own articles were assigned."""
        active = self.stories.get(story)
        if active is not None:
            return active.storyline
        return self.storylines.storyline_of(story)

    def pop_storyline_changes(self) -> dict[str, str]:
        """Stories whose storyline was set since the last call, {story id: storyline id}.

        A storyline starts when a new story is found to continue an older one, so the older
        story (whose articles were assigned long ago) joins it then; the store should update
        both after each batch.
        """
        changes, self._storyline_changes = self._storyline_changes, {}
        return changes

    def replay(self, article: Article, story: str, duplicate_of: str | None = None,
               features: ArticleFeatures | None = None) -> Assignment:
        """Update the index with an article exactly as ``add`` did when it assigned it to
        ``story`` (and ``duplicate_of``), without deciding anything again.

        The store keeps every article with its assignment, so the index of a checkpoint plus
        the articles stored after it, replayed in arrival order, is the index after them: the
        pipeline saves the whole index only now and then. ``add`` itself runs, with its two
        decisions (the near-duplicate and the best story) answered from the stored ones, so
        every other update (counts, centroids, postings, storylines, evictions) is the same
        code; a result that still differs from the stored assignment raises ValueError.
        """
        forced = self.stories.get(story)
        self._best_story = lambda _profile: forced  # an instance attribute: shadows the method
        finder = self.duplicates
        finder.find = lambda _sig, _size: (duplicate_of, 1.0)
        try:
            assignment = self.add(article, features)
        finally:
            del self._best_story
            del finder.find
        if (assignment.story, assignment.duplicate_of) != (story, duplicate_of):
            raise ValueError(f"replaying article {article.id!r} gave story {assignment.story!r} "
                             f"(duplicate of {assignment.duplicate_of!r}), not the stored {story!r} "
                             f"(duplicate of {duplicate_of!r})")
        return assignment

    def dumps(self) -> bytes:
        """The whole state (active stories, recent signatures, storyline summaries), compressed."""
        state = {
            "version": STATE_VERSION,
            "params": self.params,
            "seq": self.seq,
            "clock": self.clock,
            "doc_count": self.doc_count,
            "df": self.df,
            "stories": [_story_row(s) for s in self.stories.values()],
            "article_meta": self.article_meta,
            "duplicates": self.duplicates.state(),
            "storylines": self.storylines.state(),
        }
        # Level 1: a third of level 6's time for 5% more bytes (3k articles: 0.10 s, 3.43 MB against
        # 0.31 s, 3.25 MB); a checkpoint is written every few thousand articles, read once a run.
        return zlib.compress(pickle.dumps(state, protocol=5), 1)

    @classmethod
    def loads(cls, blob: bytes) -> "StoryIndex":
        # The blob is kabar's own state read back from kabar's own store, never outside input.
        state = pickle.loads(zlib.decompress(blob))
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story index state version {state.get('version')} is not {STATE_VERSION}")
        index = cls(state["params"])
        index.seq = state["seq"]
        index.clock = state["clock"]
        index.doc_count = state["doc_count"]
        index.df = state["df"]
        for row in state["stories"]:
            story = _story_from_row(row)
            index.stories[story.id] = story
            index._born[story.id] = len(index._born)
            index._index_story(story)
        index._touched = dict.fromkeys(sorted(index.stories, key=lambda sid: index.stories[sid].last_seq))
        # In arrival order (states saved before eviction relied on it could hold a re-added
        # article out of order).
        index.article_meta = dict(sorted(state["article_meta"].items(), key=lambda kv: kv[1][1]))
        index.duplicates = DuplicateFinder.from_state(state["duplicates"], index.params["duplicate_jaccard"])
        index.storylines = StorylineIndex.from_state(
            state["storylines"], index.params["storyline_min_shared"], index.params["storyline_min_similarity"]
        )
        return index

    # -- scoring ------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        return math.log((self.doc_count + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _idfs(self, terms: Counter):
        """``_idf`` of each of ``terms`` in their order, as a C-level map chain: the same
        operations on the same operands (log(int / int) + 1.0), so the same floats, without a
        Python call for each of the ~500 terms an article weighs."""
        total = self.doc_count + 1
        doc_freqs = map(self.df.get, terms, repeat(0))
        ratios = map(operator.truediv, repeat(total), map(operator.add, doc_freqs, repeat(1)))
        return map(operator.add, map(math.log, ratios), repeat(1.0))

    def _count_document(self, profile: ArticleProfile) -> None:
        self.doc_count += 1
        count_into(self.df, profile.text_terms)

    def _model(self, profile: ArticleProfile) -> tuple[list[float], float, float, int]:
        return self._models.get(profile.language, self._fallback)

    def probability(self, profile: ArticleProfile, story: StoryState) -> float:
        weights, bias = self._model(profile)[:2]
        z = bias + sum(map(operator.mul, weights, comparison(profile, story)))  # in feature order
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def candidates(self, profile: ArticleProfile) -> list[StoryState]:
        """The active stories nearest the article: the nearest by text cosine (accumulated
        over the term postings of every active story's centroid, so none is missed) and those
        sharing the most names or canonical entities (which is how an article in another
        language finds its story).

        Stories whose trusted dates are further from the article's than the language model's
        ``max_gap_days`` are left out (two visits a year apart stay apart); within it the gap
        is a learned feature (``log_time_gap``).
        """
        max_gap = self._model(profile)[3]

        def near_in_time(story: StoryState) -> bool:
            if profile.time is None or story.tmin is None:
                return True
            return story.tmin - max_gap <= profile.time <= story.tmax + max_gap

        stories = self.stories
        nearest = self._text_nearest(profile.vec, 4 * TEXT_CANDIDATES)
        out: dict[str, StoryState] = {}
        for sid, _ in nearest:
            if len(out) >= TEXT_CANDIDATES:
                break
            if near_in_time(stories[sid]):
                out[sid] = stories[sid]
        sharing = []  # postings: a story's slot once for every name or entity it shares
        postings_get = self._postings.get
        for key in _query_keys(profile):
            posting = postings_get(key)
            if posting is not None and len(posting) <= MAX_POSTING_SCAN:
                sharing.append(posting)
        if not sharing:
            return list(out.values())
        counts = np.bincount(np.frombuffer(b"".join(sharing), dtype=np.int64))
        added = 0
        for sid in self._most_shared(counts):
            if added >= NAME_CANDIDATES:
                break
            if sid not in out and near_in_time(stories[sid]):
                out[sid] = stories[sid]
                added += 1
        return list(out.values())

    def _most_shared(self, counts: np.ndarray):
        """Stories by (-count, id), where ``counts`` holds the count of each story slot: one
        count at a time, largest first, so that only the few stories read are named and sorted
        (thousands share a single name with the article; the first few are usually enough)."""
        story_at = self._story_at
        # Only the few slots sharing anything are compared, not the whole slot range per count.
        slots = np.flatnonzero(counts)
        shared = counts[slots]
        for count in np.unique(shared)[::-1].tolist():
            yield from sorted([story_at[i] for i in slots[shared == count].tolist()])

    def _text_nearest(self, vec: dict[str, float], k: int) -> list[tuple[str, float]]:
        """The ``k`` active stories whose centroids have the largest cosine with ``vec`` over
        its heaviest terms, as (story, cosine), largest first (ties by story id)."""
        # The hottest loop of clustering (thousands of postings an article): the query terms'
        # posting arrays are concatenated and summed per story by one ``np.bincount``,
        # which adds each story's products in array order, i.e. term after term, as a plain
        # loop would: the same floats. (One numpy pass for all terms: a call per term would
        # cost more than it saves on the many short postings.)
        term_postings = self._term_postings
        slot_arrays: list = []
        weight_arrays: list = []
        query_weights: list[float] = []
        sizes: list[int] = []
        for term, weight in _heaviest(vec, QUERY_TERMS):
            posting = term_postings.get(term)
            if posting is None:
                continue
            size = len(posting.slots)
            if size > MAX_POSTING_SCAN:
                continue
            slot_arrays.append(posting.slots)
            weight_arrays.append(posting.weights)
            query_weights.append(weight)
            sizes.append(size)
        if not slot_arrays:
            return []
        # The postings' arrays are joined as raw bytes (one copy in C) and read by numpy once.
        slot_array = np.frombuffer(b"".join(slot_arrays), dtype=np.int64)  # array("q")
        products = np.repeat(np.array(query_weights), sizes) * np.frombuffer(
            b"".join(weight_arrays), dtype=np.float64)
        sums = np.bincount(slot_array, weights=products)
        touched = np.flatnonzero(np.bincount(slot_array))
        # Postings hold centroid weights over the centroid's norm: the sums are cosines.
        return self._nearest_slots(touched, sums, k)

    def _best_story(self, profile: ArticleProfile) -> StoryState | None:
        best, best_p = None, self._model(profile)[2]
        for story in self.candidates(profile):
            p = self.probability(profile, story)
            if p >= best_p:
                best, best_p = story, p
        return best

    # -- bookkeeping --------------------------------------------------------------------
    def _index_story(self, story: StoryState) -> None:
        # Every centroid term points at the story with its current weight.
        sid, centroid, term_postings = story.id, story.centroid, self._term_postings
        slot = self._slot_of.get(sid)
        if slot is None:
            slot = self._claim_slot(sid)
        indexed = self._story_terms.get(sid, ())  # the terms whose postings hold the story
        for term in indexed:
            if term not in centroid:
                _drop_term(term_postings, term, slot)
        indexed = set(indexed)
        length = story.norms()[0] or 1.0
        postings_get = term_postings.get
        for term, weight in zip(centroid, map(operator.truediv, centroid.values(), repeat(length))):
            posting = postings_get(term)
            if posting is None:
                term_postings[term] = Posting(slot, weight)
            elif term in indexed:
                posting.update(slot, weight)
            else:
                posting.append(slot, weight)
        self._story_terms[sid] = tuple(centroid)
        keys = _story_keys(story)
        old = self._story_keys.get(story.id, ())
        if keys == old:
            return
        new, had = set(keys), set(old)
        for key in old:
            if key not in new:
                _drop_slot(self._postings, key, slot)
        for key in keys:
            if key not in had:
                posting = self._postings.get(key)
                if posting is None:
                    self._postings[key] = array("q", (slot,))
                else:
                    posting.append(slot)
        self._story_keys[story.id] = keys

    def _claim_slot(self, sid: str) -> int:
        if self._free_slots:
            slot = self._free_slots.pop()
            self._story_at[slot] = sid
        else:
            slot = len(self._story_at)
            self._story_at.append(sid)
        self._slot_of[sid] = slot
        return slot

    def _nearest_slots(self, slots: np.ndarray, sums: np.ndarray, k: int) -> list[tuple[str, float]]:
        """The ``k`` largest (story, sum) over ``slots`` by (sum, story), largest first: the
        k-th largest sum is found in numpy, and only the few stories at or above it are sorted."""
        values = sums[slots]
        if len(slots) > k:
            floor = np.partition(values, len(values) - k)[len(values) - k]
            keep = values >= floor
            slots, values = slots[keep], values[keep]
        story_at = self._story_at
        top = sorted(zip(values.tolist(), [story_at[i] for i in slots.tolist()]), reverse=True)
        return [(sid, v) for v, sid in top[:k]]

    def _unindex_story(self, sid: str) -> None:
        slot = self._slot_of.pop(sid, None)
        for term in self._story_terms.pop(sid, ()):
            _drop_term(self._term_postings, term, slot)
        if slot is not None:
            self._story_at[slot] = None
            self._free_slots.append(slot)
        for key in self._story_keys.pop(sid, ()):
            _drop_slot(self._postings, key, slot)

    def _unindex_stories(self, sids: list[str]) -> None:
        """Take stories out of every posting, their slots freed in the order given.

        A sweep can evict thousands of stories at once (when the clock crosses a gap); each
        posting is then filtered once for all its leaving stories instead of scanned once per
        story (see ``Posting.drop_all``). A few stories leave one by one: gathering their
        postings would cost more than it saves."""
        if len(sids) < DROP_ALL_FROM:
            for sid in sids:
                self._unindex_story(sid)
            return
        leaving_terms: dict[str, list[int]] = {}
        leaving_keys: dict[str, list[int]] = {}
        freed: list[int] = []
        for sid in sids:
            slot = self._slot_of.pop(sid, None)
            terms = self._story_terms.pop(sid, ())
            keys = self._story_keys.pop(sid, ())
            if slot is None:
                continue
            for term in terms:
                leaving_terms.setdefault(term, []).append(slot)
            for key in keys:
                leaving_keys.setdefault(key, []).append(slot)
            self._story_at[slot] = None
            self._free_slots.append(slot)
            freed.append(slot)
        leaving = np.zeros(len(self._story_at), dtype=bool)
        leaving[freed] = True
        term_postings = self._term_postings
        for term, slots in leaving_terms.items():
            posting = term_postings.get(term)
            if posting is not None:
                posting.drop_all(slots, leaving)
                if not posting.slots:
                    del term_postings[term]
        postings = self._postings
        for key, slots in leaving_keys.items():
            posting = postings.get(key)
            if posting is None:
                continue
            if len(slots) < DROP_ALL_FROM:
                for slot in slots:
                    _drop_slot(postings, key, slot)
                continue
            kept = np.frombuffer(posting, dtype=np.int64)
            kept = kept[~leaving[kept]]
            if len(kept):
                postings[key] = array("q", kept.tobytes())
            else:
                del postings[key]

    def _salient(self, story: StoryState) -> tuple[str, ...]:
        source = story.entities or {"n:" + k: v for k, v in story.names.items()}
        return tuple(_top(source, SALIENT))

    def _update_storyline(self, story: StoryState) -> None:
        salient = self._salient(story)
        terms = tuple(story.top_terms(SUMMARY_TERMS))
        if story.storyline is None:
            storyline, older = self.storylines.link(story.id, salient, terms)
            if storyline is not None:
                story.storyline = storyline
                if older in self.stories:
                    self.stories[older].storyline = storyline
                self._storyline_changes[story.id] = storyline
                self._storyline_changes[older] = storyline
        day = story.tmax if story.tmax is not None else story.smax
        self.storylines.update(story.id, salient, terms, story.storyline, day, story.last_seq)

    def _evict(self) -> None:
        window = self.params["window_days"]
        idle = self.params["idle_articles"]
        recent = self.seq - self.params["recent_articles"]

        # Stale: idle for ``idle`` arrivals, or not touched in the last ``recent_articles``
        # and dated before the window. Either way last touched before ``limit``: only that
        # oldest part of the stories (by last touch) and of the articles (by arrival) is read,
        # not the whole window.
        idle_before = self.seq - idle
        limit = max(idle_before, recent)
        stories, meta = self.stories, self.article_meta
        old_stories = list(takewhile(lambda sid: stories[sid].last_seq < limit, self._touched))
        old_meta = list(takewhile(lambda kv: kv[1][1] < limit, meta.items()))
        if self.clock is None:
            stale_stories = [sid for sid in old_stories if stories[sid].last_seq < idle_before]
            old_articles = [aid for aid, (_, seq, _) in old_meta if seq < idle_before]
        else:
            window_start = self.clock - window
            stale_stories = [
                sid for sid in old_stories
                if stories[sid].last_seq < idle_before
                or (stories[sid].last_seq < recent and stories[sid].tmax is not None
                    and stories[sid].tmax < window_start)
            ]
            old_articles = [
                aid for aid, (day, seq, _) in old_meta
                if seq < idle_before or (seq < recent and day is not None and day < window_start)
            ]
        # In the order of ``stories`` (creation), as the full sweep found them: storyline
        # links made while evicting can depend on it.
        stale_stories.sort(key=self._born.__getitem__)
        for sid in stale_stories:
            story = self.stories.pop(sid)
            del self._touched[sid], self._born[sid]
            if story.n == 1 and story.storyline is None:
                # A lone article leaving the window is kept for no later story to continue:
                # they are most stories, and keeping them would grow the state with the archive.
                self.storylines.remove(sid)
            else:
                self._update_storyline(story)  # reads the story, not the postings
        self._unindex_stories(stale_stories)
        for aid in old_articles:
            del self.article_meta[aid]
            self.duplicates.remove(aid)


def _top(d: dict, k: int) -> list:
    """The keys of the ``k`` heaviest entries, by (-value, key)."""
    items = d.items()
    if len(d) > k:
        # Only entries at or above the k-th largest value can be among them: the values are
        # sorted in C, and only those few entries get sort keys built.
        floor = sorted(d.values(), reverse=True)[k - 1]
        items = list(compress(items, map(operator.ge, d.values(), repeat(floor))))
    return [key for key, _ in sorted(items, key=_by_weight_then_key)[:k]]


def _by_weight_then_key(kv: tuple) -> tuple:
    return -kv[1], str(kv[0])


def _drop_slot(postings: dict[str, array], key: str, slot: int) -> None:
    posting = postings.get(key)
    if posting is None:
        return
    try:
        del posting[position_of(posting, slot)]  # what ``posting.remove(slot)`` removes
    except ValueError:
        return
    if not posting:
        del postings[key]


def _drop_term(postings: dict[str, Posting], term: str, slot: int) -> None:
    posting = postings.get(term)
    if posting is not None:
        posting.drop(slot)
        if not posting.slots:
            del postings[term]


def _heaviest(vec: dict[str, float], k: int) -> list[tuple[str, float]]:
    """``heapq.nlargest(k, vec.items(), key=weight)``: heaviest first, ties in ``vec``'s order
    (the order in which retrieval adds up the terms)."""
    if len(vec) <= k:
        return list(vec.items())
    floor = sorted(vec.values(), reverse=True)[k - 1]
    top = list(compress(vec.items(), map(operator.ge, vec.values(), repeat(floor))))
    top.sort(key=_weight, reverse=True)  # stable: equal weights keep their order, as nlargest does
    return top[:k]


_weight = operator.itemgetter(1)


def _story_keys(story: StoryState) -> tuple[str, ...]:
    keys = ["n:" + n for n in _top(story.names, POSTING_NAMES)]
    keys += ["e:" + e for e in _top(story.entities, POSTING_NAMES)]
    return tuple(keys)


def _query_keys(profile: ArticleProfile) -> list[str]:
    keys = ["n:" + n for n in _top(profile.names, POSTING_NAMES)]
    keys += ["e:" + e for e in _top(profile.entities, POSTING_NAMES)]
    return keys


_STORY_FIELDS = (
    "id", "first_article", "n", "centroid", "lead", "names", "entities", "speakers",
    "years", "numbers", "days", "tmin", "tmax", "smin", "smax", "last_seq", "storyline", "exemplars",
)


_WEIGHTED = {"centroid", "lead", "names"}


def _pack(vec: dict) -> tuple:
    return tuple(vec), tuple(round(v * QUANTUM) for v in vec.values())


def _unpack(packed: tuple) -> dict:
    keys, values = packed
    return {k: v / QUANTUM for k, v in zip(keys, values)}


def _story_row(story: StoryState) -> tuple:
    row = []
    for name in _STORY_FIELDS:
        value = getattr(story, name)
        if name in _WEIGHTED:
            value = _pack(value)
        elif name == "exemplars":
            value = [_pack(e) for e in value]
        row.append(value)
    return tuple(row)


def _story_from_row(row: tuple) -> StoryState:
    fields = dict(zip(_STORY_FIELDS, row))
    for name in _WEIGHTED:
        fields[name] = _unpack(fields[name])
    fields["exemplars"] = [_unpack(e) for e in fields["exemplars"]]
    return StoryState(**fields)
