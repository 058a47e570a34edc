"""Fast paths of this session's speed work give what their plain definitions give: the text
patterns with a look-behind for their leading \\b, and eviction reading only the oldest stories
and articles instead of sweeping the whole window."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented import article  # noqa: E402

from kabar.cluster import StoryIndex, load_params, text  # noqa: E402
from kabar.cluster.index import EVICT_EVERY  # noqa: E402
from kabar.cluster.postings import DROP_ALL_FROM, Posting  # noqa: E402
from kabar.cluster.profile import day_number  # noqa: E402

# The patterns as first written, with a leading \b.
PLAIN_NAME_RUN = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|bin|van|de|al))*")
PLAIN_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
PLAIN_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")

TRICKY = [
    "1.2019 2019,2020 a2019 2019b _2019 x_12 12_ ١٢ 2019.5 1949 1950 2049 2050 12019 20190",
    "Ab Cd.Ef eF Gh-Ij O'Neil É Éa aB _Ab 9Ab Ab9 Menteri Luar Negeri Sergei Lavrov bin Salman",
    "Presiden Joko Widodo (Jokowi) meninjau 1.200 rumah di Cianjur pada 2022, 21/11.",
]


def _finds(pattern: re.Pattern, text_: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in pattern.finditer(text_)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZAB19205.,_-' \n\té١", max_size=40))
def test_look_behind_patterns_match_where_the_leading_boundary_ones_did(value):
    for sample in (value, *TRICKY):
        assert _finds(text.NAME_RUN, sample) == _finds(PLAIN_NAME_RUN, sample)
        assert _finds(text.YEAR, sample) == _finds(PLAIN_YEAR, sample)
        assert _finds(text.NUMBER, sample) == _finds(PLAIN_NUMBER, sample)
        assert text.years(sample) == set(PLAIN_YEAR.findall(sample))
        assert text.numbers(sample) == {n for n in PLAIN_NUMBER.findall(sample)
                                        if not PLAIN_YEAR.fullmatch(n) and n not in {"1", "2"}}


def test_the_tricky_samples_exercise_every_pattern():
    joined = "\n".join(TRICKY)
    assert text.years(joined) == {"2019", "2020", "1950", "2049", "2022"}
    assert {"1.200", "12019", "21"} <= text.numbers(joined)
    assert "presiden joko widodo" in text.names(TRICKY[2], "id")
    assert "ab9 menteri negeri sergei lavrov bin salman" in text.names(TRICKY[1], "id")


def _stale(index: StoryIndex, seq: int, clock: int | None) -> tuple[set[str], set[str]]:
    """What the plain sweep over every active story and window article would evict at
    arrival ``seq`` with the clock at ``clock``."""
    p = index.params
    idle_before = seq - p["idle_articles"]
    recent = seq - p["recent_articles"]
    start = None if clock is None else clock - p["window_days"]
    stories = {sid for sid, s in index.stories.items()
               if s.last_seq < idle_before or (start is not None and s.last_seq < recent
                                                and s.tmax is not None and s.tmax < start)}
    articles = {aid for aid, (day, seq, _) in index.article_meta.items()
                if seq < idle_before or (start is not None and seq < recent
                                         and day is not None and day < start)}
    return stories, articles


def test_eviction_removes_exactly_what_the_full_sweep_would():
    # Dates out of arrival order, undated articles and stories touched again late: the
    # least-recently-touched order and the arrival order both matter.
    rng = random.Random(5)
    index = StoryIndex({**load_params(), "recent_articles": 40, "idle_articles": 150})
    evicted = 0
    for i in range(900):
        topic = rng.randrange(60)
        day = None if rng.random() < 0.2 else f"2031-{1 + i // 150:02d}-{1 + rng.randrange(28):02d}"
        a = article(f"a{i}", f"Kabar topik{topic} nomor {i}",
                    [f"Peristiwa topik{topic} di Lokasi{topic} diliput lagi, kejadian {i}."], published=day)
        if index.seq % EVICT_EVERY == EVICT_EVERY - 1:  # the next add sweeps
            # The sweep runs once the new article has moved the clock.
            days = [d for d in (index.clock, day_number(day)) if d is not None]
            expected_stories, expected_articles = _stale(index, index.seq + 1, max(days, default=None))
            before_stories, before_articles = set(index.stories), set(index.article_meta)
        index.add(a)
        if index.seq % EVICT_EVERY == 0:
            gone_stories = before_stories - set(index.stories)
            gone_articles = before_articles - set(index.article_meta)
            assert gone_stories == expected_stories
            assert gone_articles == expected_articles
            evicted += len(gone_stories)
    assert evicted > 100
    # The postings hold exactly the active stories, each under exactly its centroid terms
    # (sweeps of eight or more stories leave them together, smaller ones one by one).
    held = {}
    for term, posting in index._term_postings.items():
        for slot, _ in posting.items():
            held.setdefault(index._story_at[slot], set()).add(term)
    assert held == {sid: set(story.centroid) for sid, story in index.stories.items()}
    assert list(index._touched) == sorted(index.stories, key=lambda sid: index.stories[sid].last_seq)
    assert [seq for _, seq, _ in index.article_meta.values()] == sorted(s for _, s, _ in index.article_meta.values())


def test_a_reloaded_index_evicts_as_the_running_one():
    rng = random.Random(7)
    params = {**load_params(), "recent_articles": 30, "idle_articles": 100}
    articles = [article(f"b{i}", f"Kabar topik{t} nomor {i}", [f"Peristiwa topik{t} di Lokasi{t}, kejadian {i}."],
                        published=f"2031-{1 + i // 120:02d}-{1 + rng.randrange(28):02d}")
                for i, t in enumerate(rng.randrange(40) for _ in range(480))]
    running = StoryIndex(params)
    first = [running.add(a) for a in articles[:200]]
    reloaded = StoryIndex.loads(running.dumps())
    rest = [(running.add(a), reloaded.add(a)) for a in articles[200:]]
    assert first and all(x == y for x, y in rest)
    assert set(running.stories) == set(reloaded.stories)
    assert list(running.article_meta) == list(reloaded.article_meta)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), unique=True, max_size=40), st.data())
def test_dropping_many_slots_at_once_leaves_what_dropping_each_would(slots, data):
    leaving = data.draw(st.lists(st.sampled_from(slots + [99]), unique=True) if slots else st.just([]))
    one_by_one, at_once = Posting(0, 0.5), Posting(0, 0.5)
    for posting in (one_by_one, at_once):
        for slot in slots:
            if slot:
                posting.append(slot, slot / 7)
    for slot in leaving:
        one_by_one.drop(slot)
    at_once.drop_all(leaving)
    assert sorted(at_once.items()) == sorted(one_by_one.items())
    assert len(at_once.slots) == len(at_once.weights)


def test_dropping_many_slots_at_once_takes_the_numpy_path():
    posting = Posting(0, 0.5)
    for slot in range(1, 3 * DROP_ALL_FROM):
        posting.append(slot, slot / 3)
    posting.drop_all(list(range(0, 3 * DROP_ALL_FROM, 2)))
    assert posting.items() == [(slot, slot / 3) for slot in range(1, 3 * DROP_ALL_FROM, 2)]


def test_a_long_posting_finds_updates_and_drops_like_a_short_one():
    from kabar.cluster.postings import SCAN_BELOW

    posting = Posting(0, 0.0)
    for slot in range(1, 2 * SCAN_BELOW):
        posting.append(slot, slot / 5)
    assert posting.position(SCAN_BELOW + 7) == SCAN_BELOW + 7
    posting.update(2 * SCAN_BELOW - 1, 9.5)
    posting.drop(3)  # the last entry fills the hole
    posting.drop(10 ** 6)  # absent: nothing happens
    expected = {slot: slot / 5 for slot in range(2 * SCAN_BELOW - 1) if slot != 3}
    expected[2 * SCAN_BELOW - 1] = 9.5
    assert dict(posting.items()) == expected
    assert posting.slots[3] == 2 * SCAN_BELOW - 1
    try:
        posting.position(-1)
    except ValueError:
        pass
    else:
        raise AssertionError("an absent slot has no position")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5000), unique=True, max_size=700), st.integers(0, 5000))
def test_position_of_is_array_index(slots, slot):
    from array import array

    from kabar.cluster.postings import position_of

    values = array("q", slots)
    if slot in slots:
        assert position_of(values, slot) == values.index(slot)
    else:
        try:
            position_of(values, slot)
        except ValueError:
            return
        raise AssertionError("an absent slot has no position")


def test_dropping_many_slots_with_a_leaving_mask_leaves_the_same():
    import numpy as np

    with_mask, without = Posting(0, 0.5), Posting(0, 0.5)
    for posting in (with_mask, without):
        for slot in range(1, 4 * DROP_ALL_FROM):
            posting.append(slot, slot / 3)
    gone = list(range(1, 4 * DROP_ALL_FROM, 3))
    leaving = np.zeros(4 * DROP_ALL_FROM, dtype=bool)
    leaving[gone] = True
    with_mask.drop_all(gone, leaving)
    without.drop_all(gone)
    assert with_mask.items() == without.items() == [(0, 0.5)] + [(s, s / 3) for s in range(2, 4 * DROP_ALL_FROM) if s % 3 != 1]
