"""build_brief: one story record from its annotated, clustered articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kabar.brief.context import StoryText, outlet_of, story_text
from kabar.brief.coverage import build_coverage
from kabar.brief.quotes import group_quotes
from kabar.brief.summary import pick_title, summarise
from kabar.brief.timeline import build_timeline
from kabar.records import Article, Story, TimelineEntry

TITLE_FALLBACK_CHARS = 120


def build_brief(story_id: str, articles: Sequence[Article], storyline: str | None = None) -> Story:
    """The brief of one story: title, summary, timeline, who said what, coverage and date span.

    Every summary sentence, timeline entry and quote is text of the articles it lists; a
    duplicate article counts for its outlet's coverage but not as separate content.
    """
    articles = list({a.id: a for a in articles}.values())
    if not articles:
        return Story(story_id, "", (), (), None, None, storyline)
    text = story_text(articles)
    summary = summarise(text)
    timeline = build_timeline(text)
    start, end = _span(articles, timeline)
    return Story(
        id=story_id,
        title=pick_title(text) or _fallback_title(text, summary),
        articles=tuple(a.id for a in sorted(articles, key=lambda a: (a.published or "", a.id))),
        outlets=_outlets(articles),
        start=start,
        end=end,
        storyline=storyline or _common_storyline(articles),
        summary=tuple(summary),
        timeline=tuple(timeline),
        quotes=tuple(group_quotes(text.content)),
        coverage=tuple(build_coverage(text)),
    )


def _outlets(articles: Sequence[Article]) -> tuple[str, ...]:
    counts = Counter(o for o in map(outlet_of, articles) if o)
    return tuple(sorted(counts, key=lambda o: (-counts[o], o)))


def _span(articles: Sequence[Article], timeline: Sequence[TimelineEntry]) -> tuple[str | None, str | None]:
    dates = sorted(a.published for a in articles if a.published)
    if not dates:
        dates = sorted(e.date for e in timeline if not e.background)
    return (dates[0], dates[-1]) if dates else (None, None)


def _common_storyline(articles: Sequence[Article]) -> str | None:
    lines = Counter(a.storyline for a in articles if a.storyline)
    return lines.most_common(1)[0][0] if lines else None


def _fallback_title(text: StoryText, summary) -> str:
    """No article has a title: the story's first summary sentence, else its first words."""
    if summary:
        first = summary[0].text
    else:
        first = next((line for a in text.content for line in a.body if line.strip()), "") or "(untitled story)"
    if len(first) <= TITLE_FALLBACK_CHARS:
        return first
    return first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"
