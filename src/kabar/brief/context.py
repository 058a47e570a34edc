"""What the parts of a brief share: the story's articles, their sentences and one vector space.

Built once per brief so that the summary, timeline and coverage never tokenise twice. The number
of sentences vectorised is capped (news puts its facts first), which keeps a 500-article story
under a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from kabar.brief.sentences import Sentence, article_sentences, sentence_at
from kabar.brief.vectors import SentenceSpace
from kabar.records import Article, DateRef
from kabar.urls import host_of

# Sentences per article that are vectorised, and the most for a whole story; the per-article cap
# shrinks (to no fewer than MIN_PER_ARTICLE) when a story has many articles.
MAX_PER_ARTICLE = 40
MAX_SENTENCES = 3000
MIN_PER_ARTICLE = 6


def outlet_of(article: Article) -> str | None:
    """The outlet's name, else the web site the article came from."""
    if article.outlet:
        return article.outlet
    host = host_of(article.url)
    return (host.removeprefix("www.") or None) if host else None


def source_key(article: Article) -> str:
    """Who reported an article: its outlet, or the article itself when the outlet is unknown
    (two articles of unknown origin may still be two independent reports)."""
    return outlet_of(article) or f"article:{article.id}"


@dataclass
class StoryText:
    articles: dict[str, Article]  # every article of the story, duplicates included
    content: list[Article]  # the articles that count as separate content (no duplicates)
    sentences: list[Sentence]  # titles first (position -1), then body sentences
    space: SentenceSpace
    title_rows: list[int]
    body_rows: list[int]
    dated: list[tuple[int, DateRef]] = field(default_factory=list)  # each date with its sentence row

    def source_of_row(self, row: int) -> str:
        return source_key(self.articles[self.sentences[row].article_id])


def content_articles(articles: Sequence[Article]) -> list[Article]:
    """A duplicate adds coverage, not content: keep it only when its original is not in the story."""
    ids = {a.id for a in articles}
    return [a for a in articles if not a.duplicate_of or a.duplicate_of not in ids]


def story_text(articles: Sequence[Article]) -> StoryText:
    by_id = {a.id: a for a in articles}
    content = content_articles(articles)
    per_article = max(MIN_PER_ARTICLE, min(MAX_PER_ARTICLE, MAX_SENTENCES // max(1, len(content))))
    sentences: list[Sentence] = []
    title_rows: list[int] = []
    for article in content:
        if article.title and article.title.strip():
            title_rows.append(len(sentences))
            sentences.append(Sentence(article.title.strip(), article.id, -1, -1, -1, -1, False))
    body_rows: list[int] = []
    row_at: dict[tuple[str, int], int] = {}
    dated: list[tuple[int, DateRef]] = []
    for article in content:
        body = article.text
        offsets = [_offset_of(body, ref) for ref in article.dates]
        split = article_sentences(article, judged=per_article, also_at=offsets)
        dated_positions = []
        for ref, offset in zip(article.dates, offsets):
            holder = sentence_at(split, offset) if offset >= 0 else None
            if holder is not None:
                dated_positions.append((holder.position, ref))
        keep = set(range(min(per_article, len(split)))) | {p for p, _ in dated_positions}
        for position in sorted(keep):
            row_at[(article.id, position)] = len(sentences)
            body_rows.append(len(sentences))
            sentences.append(split[position])
        dated.extend((row_at[(article.id, p)], ref) for p, ref in dated_positions)
    space = SentenceSpace(sentences, by_id)
    return StoryText(by_id, content, sentences, space, title_rows, body_rows, dated)


def _offset_of(body: str, ref: DateRef) -> int:
    """Where a date expression is in the joined body: its given offset when the text is there,
    else the first place it is written (the annotator may not say, or count differently)."""
    if ref.start >= 0 and body.startswith(ref.text, ref.start):
        return ref.start
    return body.find(ref.text) if ref.text else -1


def as_array(rows: Sequence[int]) -> np.ndarray:
    return np.asarray(rows, dtype=np.int64)
