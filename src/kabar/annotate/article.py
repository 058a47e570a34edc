"""Annotate one cleaned article: entities, then dates, then quotes.

Dates need the publication date as their reference, and quotes need the entities to name their
speakers, so the three run in that order.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Article
from .dates import infer_publication_date, resolve_dates
from .entities import EntityRegistry, recognize
from .quotes import extract_quotes


def annotate(article: Article, registry: EntityRegistry | None = None) -> Article:
    entities = recognize(article.body, article.language, title=article.title, registry=registry)
    dates = resolve_dates(article.body, article.language, article.published)
    published, published_inferred = article.published, article.published_inferred
    if published is None:
        published = infer_publication_date(dates)
        if published is not None:
            # Relative expressions ("kemarin", "pekan lalu") now have a reference day.
            published_inferred = True
            dates = resolve_dates(article.body, article.language, published)
    quotes = extract_quotes(article.body, article.language, entities)
    return replace(article, entities=tuple(entities), dates=tuple(dates), quotes=tuple(quotes),
                   published=published, published_inferred=published_inferred)


__all__ = ["annotate"]
