"""Annotate one cleaned article: entities, then dates, then quotes.

Dates need the publication date as their reference, and quotes need the entities to name their
speakers, so the three run in that order.

``annotate`` in two steps, for a caller that must redo only what the entity registry decides
(the Spark driver, when a worker's registry answers turn out stale): ``find_mentions`` and
``date_article`` read only the article; ``link_and_quote`` links the mentions through the
registry and finds the quotes' speakers. ``annotate(a, r)`` is
``link_and_quote(date_article(a), find_mentions(a), r)``.
"""

from __future__ import annotations

from copy import copy
from dataclasses import replace

from ..records import Article, EntityMention
from .dates import infer_publication_date, resolve_dates
from .entities import EntityRegistry
from .entities import find_mentions as find_paragraph_mentions
from .entities.linking import Mention, link, to_entity_mentions
from .quotes import extract_quotes


def annotate(article: Article, registry: EntityRegistry | None = None) -> Article:
    return link_and_quote(date_article(article), find_mentions(article), registry)


def find_mentions(article: Article) -> tuple[Mention, ...]:
    """The article's entity mentions, not yet linked: ``recognize`` up to the registry."""
    return tuple(find_paragraph_mentions(article.body, article.language, article.title))


def date_article(article: Article) -> Article:
    """The article with its dates and (inferred) publication date: ``annotate`` without entities."""
    dates = resolve_dates(article.body, article.language, article.published)
    published, published_inferred = article.published, article.published_inferred
    if published is None:
        published = infer_publication_date(dates)
        if published is not None:
            # Relative expressions ("kemarin", "pekan lalu") now have a reference day.
            published_inferred = True
            dates = resolve_dates(article.body, article.language, published)
    return replace(article, dates=tuple(dates), published=published, published_inferred=published_inferred)


def link_and_quote(article: Article, mentions: tuple[Mention, ...],
                   registry: EntityRegistry | None = None) -> Article:
    """The registry-dependent rest of ``annotate``: ``mentions`` (from ``find_mentions``) linked,
    and the quotes with their speakers."""
    return with_entities(article, link_mentions(mentions, registry))


def with_entities(article: Article, entities: tuple[EntityMention, ...]) -> Article:
    """The article with these entities and its quotes, whose speakers they name (quotes read
    only the body and the entities)."""
    quotes = extract_quotes(article.body, article.language, list(entities))
    return replace(article, entities=entities, quotes=tuple(quotes))


def link_mentions(mentions: tuple[Mention, ...], registry: EntityRegistry | None = None) -> tuple[EntityMention, ...]:
    """The article's entities: ``mentions`` linked through the registry (which learns from them).
    ``mentions`` are left as they were (linking changes copies), so the same mentions can be
    linked again against another registry."""
    working = [copy(mention) for mention in mentions]
    link(working, registry)
    return tuple(to_entity_mentions(working))


__all__ = ["annotate", "date_article", "find_mentions", "link_and_quote", "link_mentions", "with_entities"]
