"""The HTML pages of the web UI: server-rendered Jinja2 over the same store calls as the JSON API.

Every page is rendered with autoescape on; article text, titles, entity names and quotes are
untrusted and only ever reach the page as escaped text or as SVG attribute values.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..brief.coverage import UNKNOWN_OUTLET
from ..pipeline import story_brief
from ..store import SearchQueryError, Store
from ..urls import scheme_of
from . import charts
from .highlight import Span, highlight_paragraphs

HERE = Path(__file__).parent
PAGE_SIZE = 30
COUNTS_TTL_SECONDS = 60
MAX_STORY_ARTICLES = 200  # a story page lists at most this many articles
Text = Annotated[str | None, Query(max_length=200)]
DateText = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Cursor = Annotated[str | None, Query(max_length=400)]


def make_environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(nice_date=charts.nice_date, date_span=charts.date_span,
                       colour=lambda outlet: charts.outlet_colour(None if outlet == UNKNOWN_OUTLET else outlet), safe_url=safe_url, Span=Span)
    env.filters["query"] = lambda params: urlencode({k: v for k, v in params.items() if v})
    env.tests["span"] = lambda value: isinstance(value, Span)
    return env


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from article metadata: a `javascript:` URL must never become an href."""
    if not url:
        return None
    return url if scheme_of(url) in ("http", "https") else None


def snippet_pieces(snippet: str | None) -> list[tuple[str, bool]]:
    """The store marks matches as [word]; split into (text, is_match) pieces for the template."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in re.finditer(r"\[([^\[\]\n]{1,200})\]", snippet or ""):
        if match.start() > position:
            pieces.append((snippet[position:match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    if snippet and position < len(snippet):
        pieces.append((snippet[position:], False))
    return pieces


def add_pages(app: FastAPI, store: Store) -> Environment:
    env = make_environment()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    totals: dict[str, Any] = {"at": 0.0, "counts": {}}

    def corpus_counts() -> dict[str, int]:
        # Three COUNT(*)s on every list view add up at a million articles; a minute-old total is fine.
        if time.monotonic() - totals["at"] > COUNTS_TTL_SECONDS:
            totals.update(at=time.monotonic(), counts=store.counts())
        return totals["counts"]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def story_list(outlet: Text = None, entity: Text = None, since: DateText = None,
                   until: DateText = None, sort: Annotated[str, Query(pattern="^(newest|size)$")] = "newest",
                   language: Annotated[str | None, Query(pattern="^([a-z]{2,3})?$")] = None,
                   cursor: Cursor = None) -> HTMLResponse:
        try:
            language = language or None  # the form's "any" sends an empty value
            page = store.list_stories(PAGE_SIZE, cursor, outlet=outlet, entity=entity, since=since,
                                      until=until, sort=sort, language=language)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        per_outlet = store.story_outlet_counts([s["id"] for s in page.items])
        stories = [{**s, "bar": charts.coverage_bar(per_outlet[s["id"]])}
                   for s in page.items]
        entity_row = store.entity(entity) if entity else None
        filters = {"outlet": outlet, "entity": entity, "since": since, "until": until, "sort": sort,
                   "language": language}
        return render("stories.html", stories=stories, next=page.next, filters=filters,
                      entity_row=entity_row, counts=corpus_counts())

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        story = story_brief(store, story_id)
        if story is None:
            raise HTTPException(404, f"There is no story {story_id!r}.")
        record = story.to_export()
        rows = {r["id"]: r for r in store.list_articles(MAX_STORY_ARTICLES, story=story_id).items}
        number = {article_id: i for i, article_id in enumerate(record["articles"], 1)}
        articles = [rows.get(a, {"id": a, "title": a, "outlet": None, "published": None})
                    for a in record["articles"][:MAX_STORY_ARTICLES]]
        summary = list(zip(record["summary"], record.get("summary_sources") or [[]] * len(record["summary"])))
        quotes: dict[tuple[str, str | None], list[dict]] = {}
        for quote in record["quotes"]:
            quotes.setdefault((quote["speaker"], quote.get("speaker_id")), []).append(quote)
        return render("story.html", story=record, articles=articles, number=number, summary=summary,
                      more_articles=len(record["articles"]) - len(articles),
                      quotes_by_speaker=list(quotes.items()),
                      timeline=charts.timeline_chart(record["timeline"]),
                      bar=charts.coverage_bar({"" if c["outlet"] == UNKNOWN_OUTLET else c["outlet"]: len(c["articles"])
                                               for c in record["coverage"]}))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"There is no article {article_id!r}.")
        story = store.story_row(article.story) if article.story else None
        removed: dict[str, list[str]] = {}
        for cut in article.removed:
            removed.setdefault(cut.kind, []).append(cut.text)
        return render("article.html", article=article, paragraphs=highlight_paragraphs(article),
                      story=story, removed=removed)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: str) -> HTMLResponse:
        entity = store.entity(entity_id)
        if entity is None:
            raise HTTPException(404, f"There is no entity {entity_id!r}.")
        stories = store.list_stories(200, entity=entity_id).items
        return render("entity.html", entity=entity, stories=stories[:PAGE_SIZE], more=len(stories) > PAGE_SIZE,
                      chart=charts.activity_chart([s["end"] or s["start"] for s in stories]),
                      quotes=store.entity_quotes(entity_id, 50))

    @app.get("/storylines/{storyline_id}", response_class=HTMLResponse, include_in_schema=False)
    def storyline_page(storyline_id: str) -> HTMLResponse:
        stories = store.list_stories(200, storyline=storyline_id).items
        if not stories:
            raise HTTPException(404, f"There is no storyline {storyline_id!r}.")
        stories.sort(key=lambda s: (s["start"] or "", s["id"]))
        return render("storyline.html", storyline_id=storyline_id, stories=stories,
                      chart=charts.activity_chart([s["start"] for s in stories]))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=500)] = "", entity: Text = None, outlet: Text = None,
                    since: DateText = None, until: DateText = None, cursor: Cursor = None) -> HTMLResponse:
        filters = {"q": q, "entity": entity, "outlet": outlet, "since": since, "until": until}
        error, results, next_cursor = None, [], None
        if q.strip():
            try:
                page = store.search(q, 20, cursor, entity=entity, outlet=outlet, since=since, until=until)
                results = [{**r, "pieces": snippet_pieces(r.get("snippet"))} for r in page.items]
                next_cursor = page.next
            except SearchQueryError:
                error = ("kabar could not read that query. Use plain words, \"a phrase in quotes\", "
                         "OR, NOT and prefix* — and close every quotation mark and bracket.")
            except ValueError:
                error = "That page link has expired; start the search again."
        return render("search.html", 400 if error else 200, filters=filters, results=results,
                      next=next_cursor, error=error)

    return env
