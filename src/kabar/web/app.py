"""FastAPI application: the JSON API of CONTRACT.md. Reads are open; writes need a token."""

from __future__ import annotations

import hmac
import os
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..pipeline import Pipeline, story_brief
from ..read import parse_record
from ..records import RawDocument, Rejected
from ..store import SearchQueryError, Store
from .pages import add_pages

MAX_PAGE = 200
MAX_POST_ARTICLES = 1000
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_URL_BYTES = 4096
# Pages load scripts and styles from /static only; nothing inline, nothing from elsewhere.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# FastAPI's own /docs and /redoc pages load Swagger UI from its CDN with an inline script.
DOCS_PATHS = ("/docs", "/redoc")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
Cursor = Annotated[str | None, Query(max_length=400, description="`next` of the previous page.")]


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="kabar", version="0.1.0",
                  description="Stories from many outlets: one page per real-world event.")
    # One pipeline for the server's life: while no other process ingests, each POST goes on
    # from the state in memory instead of reading and replaying it from the store.
    pipeline = Pipeline(store)

    @app.middleware("http")
    async def limit_request_size(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        if len(str(request.url)) > MAX_URL_BYTES:
            return JSONResponse({"detail": f"request URL over {MAX_URL_BYTES} bytes"}, status_code=414)
        response = await call_next(request)
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith(DOCS_PATHS):
            headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response

    env = add_pages(app, store)

    def wants_page(request: Request) -> bool:
        path = request.url.path
        return not (path.startswith("/api/") or path.startswith("/openapi") or path.startswith(DOCS_PATHS))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if wants_page(request):
            page = env.get_template("error.html").render(status=error.status_code, message=error.detail)
            return HTMLResponse(page, status_code=error.status_code)
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        if wants_page(request):
            fields = ", ".join(str(e["loc"][-1]) for e in error.errors())
            page = env.get_template("error.html").render(
                status=422, message=f"Some of the parameters in that address are not valid ({fields}).")
            return HTMLResponse(page, status_code=422)
        return JSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)

    def page_or_400(make):
        try:
            page = make()
        except SearchQueryError as error:
            raise HTTPException(400, str(error)) from None
        except ValueError as error:  # a malformed cursor
            raise HTTPException(400, str(error)) from None
        return {"items": page.items, "next": page.next}

    @app.get("/api/stories", summary="Stories, newest first")
    def list_stories(limit: Limit = 50, cursor: Cursor = None, outlet: str | None = None,
                     entity: str | None = None, since: str | None = None, until: str | None = None,
                     storyline: str | None = None,
                     language: Annotated[str | None, Query(max_length=8, description="ISO 639-1, e.g. id, en")] = None,
                     ) -> dict[str, Any]:
        return page_or_400(lambda: store.list_stories(limit, cursor, outlet=outlet, entity=entity,
                                                      since=since, until=until, storyline=storyline,
                                                      language=language))

    @app.get("/api/stories/{story_id}", summary="A story with its brief")
    def get_story(story_id: str) -> dict[str, Any]:
        story = story_brief(store, story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return story.to_export()

    @app.get("/api/articles", summary="Articles, newest ingested first")
    def list_articles(limit: Limit = 50, cursor: Cursor = None, story: str | None = None,
                      outlet: str | None = None, entity: str | None = None) -> dict[str, Any]:
        return page_or_400(lambda: store.list_articles(limit, cursor, story=story, outlet=outlet, entity=entity))

    @app.get("/api/articles/{article_id}", summary="One article record")
    def get_article(article_id: str) -> dict[str, Any]:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return article.to_export()

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        expected = os.environ.get("KABAR_API_TOKEN")
        if not expected:
            raise HTTPException(403, "ingest over the API is closed: set KABAR_API_TOKEN on the server")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(401, "missing or wrong bearer token")

    @app.post("/api/articles", summary="Ingest articles (JSON objects as in the JSONL input)",
              dependencies=[Depends(require_token)])
    def post_articles(articles: Annotated[list[dict[str, Any]], Body(max_length=MAX_POST_ARTICLES)]) -> dict[str, Any]:
        items: list[RawDocument | Rejected] = [parse_record(record, f"item {i}") for i, record in enumerate(articles)]
        report = pipeline.ingest(items)
        return {"ingested": report.ingested, "duplicates": report.duplicates,
                "near_duplicates": report.near_duplicates,
                "rejected": [{"item": r.source, "reason": r.reason} for r in report.rejected],
                "stories": sorted(report.stories)}

    @app.get("/api/entities/{entity_id}", summary="An entity with its aliases, stories and quotes")
    def get_entity(entity_id: str, limit: Limit = 50) -> dict[str, Any]:
        entity = store.entity(entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        stories = store.list_stories(limit, entity=entity_id)
        return {**entity, "stories": stories.items, "quotes": store.entity_quotes(entity_id, limit)}

    @app.get("/api/storylines/{storyline_id}", summary="A storyline: its stories in time order")
    def get_storyline(storyline_id: str) -> dict[str, Any]:
        stories = store.list_stories(MAX_PAGE, storyline=storyline_id).items
        if not stories:
            raise HTTPException(404, f"no storyline {storyline_id!r}")
        stories.sort(key=lambda s: (s["start"] or "", s["id"]))
        return {"id": storyline_id, "title": stories[-1]["title"], "stories": stories}

    @app.get("/api/search", summary="Full-text search with filters")
    def search(q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20, cursor: Cursor = None,
               entity: str | None = None, outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> dict[str, Any]:
        return page_or_400(lambda: store.search(q, limit, cursor, entity=entity, outlet=outlet,
                                                since=since, until=until))

    return app
