"""Records to rows and back. The store keeps nested annotations as JSON columns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..records import (
    Article, Coverage, DateRef, EntityMention, Quote, Removed, Story, StoryQuote,
    SummarySentence, TimelineEntry,
)


def article_to_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "source": article.source,
        "outlet": article.outlet,
        "url": article.url,
        "language": article.language,
        "title": article.title,
        "dateline": article.dateline,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "authors": list(article.authors),
        "cited_sources": list(article.cited_sources),
        "body": list(article.body),
        "removed": [{"text": r.text, "kind": r.kind} for r in article.removed],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "mentions": list(e.mentions),
             "role": e.role, "count": e.count}
            for e in article.entities
        ],
        "dates": [
            {"text": d.text, "date": d.date, "start": d.start, "inferred": d.inferred,
             "background": d.background}
            for d in article.dates
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "speaker_id": q.speaker_id, "cue": q.cue,
             "direct": q.direct, "paragraph": q.paragraph}
            for q in article.quotes
        ],
        "story": article.story,
        "duplicate_of": article.duplicate_of,
    }


def merge_entities(batch: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """The batch's entities, each once: first name, type and role seen, all aliases, articles."""
    merged: dict[str, dict[str, Any]] = {}
    for article in batch:
        for e in article.entities:
            entry = merged.setdefault(e.id, {"name": e.name, "type": e.type, "role": e.role,
                                             "aliases": set(), "n": 0})
            entry["aliases"].update(e.mentions)
            entry["role"] = entry["role"] or e.role
            entry["n"] += 1
    return merged


def entity_rows(merged: dict[str, dict[str, Any]], existing: Mapping[str, Mapping[str, Any]]
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows to insert, changes to stored rows keyed by ``entity_id``): a stored entity keeps its
    name and role (a role is only filled in), gains the aliases and adds the article count."""
    new, seen = [], []
    for entity_id, entry in merged.items():
        old = existing.get(entity_id)
        if old is None:
            new.append({"id": entity_id, "name": entry["name"], "type": entry["type"], "role": entry["role"],
                        "aliases": sorted(entry["aliases"]), "n_articles": entry["n"]})
        else:
            seen.append({"entity_id": entity_id, "role": old["role"] or entry["role"],
                         "aliases": sorted(set(old["aliases"]) | entry["aliases"]),
                         "n_articles": old["n_articles"] + entry["n"]})
    return new, seen


def row_to_article(row: Any, storyline: str | None = None) -> Article:
    m = row._mapping if hasattr(row, "_mapping") else row
    return Article(
        id=m["id"],
        source=m["source"] or "",
        language=m["language"],
        body=tuple(m["body"]),
        content_hash=m["content_hash"],
        url=m["url"],
        outlet=m["outlet"],
        title=m["title"],
        dateline=m["dateline"],
        published=m["published"],
        published_inferred=bool(m["published_inferred"]),
        authors=tuple(m["authors"]),
        cited_sources=tuple(m["cited_sources"]),
        removed=tuple(Removed(**r) for r in m["removed"]),
        entities=tuple(
            EntityMention(id=e["id"], name=e["name"], type=e["type"], mentions=tuple(e["mentions"]),
                          role=e.get("role"), count=e.get("count", 1))
            for e in m["entities"]
        ),
        dates=tuple(DateRef(**d) for d in m["dates"]),
        quotes=tuple(Quote(**q) for q in m["quotes"]),
        story=m["story"],
        storyline=storyline,
        duplicate_of=m["duplicate_of"],
    )


def story_from_json(data: dict[str, Any]) -> Story:
    """The cached brief (Story.to_export() plus summary sources) back to a Story record."""
    sources = data.get("summary_sources") or [[] for _ in data.get("summary", [])]
    return Story(
        id=data["id"],
        title=data["title"],
        articles=tuple(data["articles"]),
        outlets=tuple(data["outlets"]),
        start=data.get("start"),
        end=data.get("end"),
        storyline=data.get("storyline"),
        summary=tuple(SummarySentence(text, tuple(arts)) for text, arts in zip(data.get("summary", []), sources)),
        timeline=tuple(
            TimelineEntry(t["date"], t["text"], tuple(t["articles"]), t.get("background", False))
            for t in data.get("timeline", [])
        ),
        quotes=tuple(
            StoryQuote(q["speaker"], q["text"], tuple(q["articles"]), q.get("speaker_id"), q.get("direct", True))
            for q in data.get("quotes", [])
        ),
        coverage=tuple(
            Coverage(c["outlet"], tuple(c["articles"]), tuple(c.get("unique", [])), tuple(c.get("cited_sources", [])))
            for c in data.get("coverage", [])
        ),
    )
