"""The plain records that flow through kabar's stages: the only vocabulary the stages share.

A record is a dataclass with no behaviour beyond conversion to the export shapes of
CONTRACT.md. Stages take records and return new ones (``dataclasses.replace``); none of them
knows about the database or about the order of the other stages.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """One input item as a reader found it, before anything is cleaned.

    Exactly one of ``text`` (scraped visible text) and ``html`` (a saved page) is set. The
    optional fields are what the input itself declared (JSONL fields, WARC headers); they win
    over anything kabar infers later.
    """

    id: str
    source: str  # where it came from, for error messages: "path", "path:line", "path#record"
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given: ISO date or datetime
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Rejected:
    """An input item that could not become an article, with a reason a person can act on."""

    source: str
    reason: str

    def line(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Removed:
    """A piece of the page that cleaning cut, and why (navigation, related-links, caption ...)."""

    text: str
    kind: str


@dataclass(frozen=True)
class EntityMention:
    """A named entity of one article, already linked to its canonical entity.

    ``id`` and ``name`` are canonical across the corpus (the same for "Putin", "Presiden Putin"
    and "Valdimir Putin"); ``mentions`` are the surface forms in this article, in order of first
    appearance; ``role`` is a title or office stripped from the name ("Presiden", "Menlu").
    """

    id: str
    name: str
    type: str  # PER, ORG, LOC
    mentions: tuple[str, ...] = ()
    role: str | None = None
    count: int = 1


@dataclass(frozen=True)
class DateRef:
    """A date expression of the text resolved to the calendar.

    ``date`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (its precision); ``inferred`` says the year
    (or more) was not on the page but inferred (from the publication date or from weekday
    consistency); ``background`` marks dates of earlier happenings the article only recalls.
    """

    text: str
    date: str
    start: int = -1  # character offset in the joined body ("\n".join(body)), -1 if unknown
    inferred: bool = False
    background: bool = False


@dataclass(frozen=True)
class Quote:
    """A statement and who made it. ``direct`` quotes have their words in quotation marks;
    reported statements ("Lavrov mengatakan bahwa ...") have ``direct=False``."""

    text: str
    speaker: str | None = None  # canonical name of the speaker entity (or the name as written)
    speaker_id: str | None = None  # id of the speaker entity, when linked
    cue: str | None = None  # the reporting verb: "kata", "terang", "tambahnya", "said"
    direct: bool = True
    paragraph: int = -1  # index into Article.body


@dataclass(frozen=True)
class Article:
    """One article as it moves through the stages; later stages fill later fields."""

    id: str
    source: str
    language: str
    body: tuple[str, ...]
    content_hash: str = ""  # of the raw input (set by the pipeline): the same content is ingested once
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    dateline: str | None = None
    published: str | None = None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    published_inferred: bool = False
    authors: tuple[str, ...] = ()
    cited_sources: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    # annotate
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # cluster
    story: str | None = None
    storyline: str | None = None
    duplicate_of: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.body)

    def to_export(self) -> dict[str, Any]:
        """The article record of CONTRACT.md."""
        return {
            "id": self.id,
            "outlet": self.outlet,
            "url": self.url,
            "language": self.language,
            "title": self.title,
            "dateline": self.dateline,
            "published": self.published,
            "authors": list(self.authors),
            "cited_sources": list(self.cited_sources),
            "body": list(self.body),
            "removed": [asdict(r) for r in self.removed],
            "entities": [
                {"id": e.id, "name": e.name, "type": e.type, "mentions": list(e.mentions), "role": e.role}
                for e in self.entities
            ],
            "dates": [
                {"text": d.text, "date": d.date, "inferred": d.inferred, "background": d.background}
                for d in self.dates
            ],
            "quotes": [
                {"text": q.text, "speaker": q.speaker, "speaker_id": q.speaker_id, "cue": q.cue, "direct": q.direct}
                for q in self.quotes
            ],
            "story": self.story,
            "storyline": self.storyline,
            "duplicate_of": self.duplicate_of,
        }


@dataclass(frozen=True)
class Assignment:
    """What clustering decided for one article."""

    article_id: str
    story: str
    duplicate_of: str | None = None
    storyline: str | None = None
    new_story: bool = False


@dataclass(frozen=True)
class SummarySentence:
    text: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    articles: tuple[str, ...]
    background: bool = False


@dataclass(frozen=True)
class StoryQuote:
    speaker: str
    text: str
    articles: tuple[str, ...]
    speaker_id: str | None = None
    direct: bool = True


@dataclass(frozen=True)
class Coverage:
    outlet: str
    articles: tuple[str, ...]
    unique: tuple[str, ...] = ()
    cited_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    """A real-world event with its brief: the story record of CONTRACT.md."""

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    start: str | None
    end: str | None
    storyline: str | None = None
    summary: tuple[SummarySentence, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    quotes: tuple[StoryQuote, ...] = ()
    coverage: tuple[Coverage, ...] = ()

    def to_export(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "storyline": self.storyline,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "start": self.start,
            "end": self.end,
            "summary": [s.text for s in self.summary],
            "summary_sources": [list(s.articles) for s in self.summary],
            "timeline": [
                {"date": t.date, "text": t.text, "articles": list(t.articles), "background": t.background}
                for t in self.timeline
            ],
            "quotes": [
                {"speaker": q.speaker, "speaker_id": q.speaker_id, "text": q.text,
                 "articles": list(q.articles), "direct": q.direct}
                for q in self.quotes
            ],
            "coverage": [
                {"outlet": c.outlet, "articles": list(c.articles), "unique": list(c.unique),
                 "cited_sources": list(c.cited_sources)}
                for c in self.coverage
            ],
        }


@dataclass(frozen=True)
class Storyline:
    id: str
    title: str
    stories: tuple[str, ...] = field(default_factory=tuple)
