"""Marks entities, dates and quotes inside an article's paragraphs, as nested segments.

The output is plain data (text pieces and span descriptions) that the template renders with
autoescape on: nothing here builds HTML, so untrusted article text can never become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Article


@dataclass
class Span:
    start: int
    end: int
    kind: str  # "quote", "entity", "date"
    label: str = ""  # tooltip: the entity's canonical name, the date on the calendar, the speaker
    link: str | None = None  # entity id for entities, speaker id for quotes
    children: list["Span | str"] = field(default_factory=list)


def highlight_paragraphs(article: Article) -> list[list[Span | str]]:
    """One list of segments per body paragraph: plain strings and (nested) spans."""
    paragraphs = list(article.body)
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 1  # the body is joined with "\n"
    spans: list[list[Span]] = [[] for _ in paragraphs]

    for quote in article.quotes:
        indexes = [quote.paragraph] if 0 <= quote.paragraph < len(paragraphs) else range(len(paragraphs))
        for i in indexes:
            at = paragraphs[i].find(quote.text)
            if at >= 0:
                spans[i].append(Span(at, at + len(quote.text), "quote", quote.speaker or "", quote.speaker_id))
                break

    for date in article.dates:
        placed = False
        if date.start >= 0:
            for i, start in enumerate(offsets):
                local = date.start - start
                if 0 <= local and paragraphs[i][local:local + len(date.text)] == date.text:
                    spans[i].append(Span(local, local + len(date.text), "date", date.date))
                    placed = True
                    break
        if not placed:
            for i, paragraph in enumerate(paragraphs):
                at = paragraph.find(date.text) if date.text else -1
                if at >= 0:
                    spans[i].append(Span(at, at + len(date.text), "date", date.date))
                    break

    for entity in article.entities:
        forms = sorted({m for m in entity.mentions if len(m) > 1}, key=len, reverse=True)
        if not forms:
            continue
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
        for i, paragraph in enumerate(paragraphs):
            for match in pattern.finditer(paragraph):
                spans[i].append(Span(match.start(), match.end(), "entity", entity.name, entity.id))

    return [_segments(paragraph, _nestable(found)) for paragraph, found in zip(paragraphs, spans)]


def _nestable(spans: list[Span]) -> list[Span]:
    """Keep spans that nest (contained in or apart from every kept span); quotes win, then length."""
    rank = {"quote": 0, "date": 1, "entity": 2}
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (rank[s.kind], -(s.end - s.start), s.start)):
        if span.end <= span.start:
            continue
        if all(span.end <= k.start or span.start >= k.end
               or (k.start <= span.start and span.end <= k.end and k.kind == "quote" and span.kind != "quote")
               or (span.start <= k.start and k.end <= span.end and span.kind == "quote" and k.kind != "quote")
               for k in kept):
            kept.append(span)
    return kept


def _segments(text: str, spans: list[Span]) -> list[Span | str]:
    """Build the tree: outer spans first, inner ones placed inside them."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    roots: list[Span] = []
    for span in spans:
        parent = next((r for r in roots if r.start <= span.start and span.end <= r.end), None)
        (parent.children if parent else roots).append(span)

    def fill(start: int, end: int, inner: list) -> list[Span | str]:
        out: list[Span | str] = []
        position = start
        for span in sorted((s for s in inner if isinstance(s, Span)), key=lambda s: s.start):
            if span.start > position:
                out.append(text[position:span.start])
            span.children = fill(span.start, span.end, span.children)
            out.append(span)
            position = span.end
        if position < end:
            out.append(text[position:end])
        return out

    return fill(0, len(text), roots)
