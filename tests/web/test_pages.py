"""The HTML pages on a real SQLite store (sample corpus plus hostile articles), via FastAPI's client."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from kabar.web import create_app

from .conftest import HOSTILE, IMAGE, SCRIPT


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    return TestClient(create_app(web_store))


def links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"?#]+)"', html)


def test_story_list_links_into_stories_with_coverage_bars(client: TestClient):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    stories = links(page.text, "/stories/")
    assert len(stories) >= 10
    assert page.text.count('<svg class="coverage"') == len(set(stories))
    story = client.get(stories[0])
    assert story.status_code == 200
    assert "What happened" in story.text and "The articles" in story.text
    assert links(story.text, "/articles/")


def test_largest_story_page_has_timeline_quotes_and_coverage(client: TestClient):
    page = client.get("/", params={"sort": "size"})
    largest = links(page.text, "/stories/")[0]
    story = client.get(largest).text
    assert "Timeline" in story and "<svg" in story and "Coverage" in story and "Who said what" in story
    entity = links(story, "/entities/")[0]
    assert client.get(entity).status_code == 200


def test_article_page_highlights_and_folds_the_cut_boilerplate(client: TestClient):
    listing = client.get("/api/articles", params={"limit": 200}).json()["items"]
    pages = [client.get(f"/articles/{a['id']}").text for a in listing if not a["id"].startswith("hostile")]
    assert any('class="hl hl-entity"' in p for p in pages)
    assert any('class="hl hl-date"' in p for p in pages)
    assert any('class="hl hl-quote"' in p for p in pages)
    folded = [p for p in pages if "What cleaning cut" in p]
    assert folded and all("<details>" in p for p in folded)


def test_entity_page_shows_aliases_chart_and_stories(client: TestClient, web_store):
    busiest = max((web_store.entity(e) for e in ("org:kpk", "loc:jakarta", "loc:semarang") if web_store.entity(e)),
                  key=lambda e: e["n_articles"])
    page = client.get(f"/entities/{busiest['id']}").text
    assert busiest["name"] in page and 'aria-label="stories over time"' in page
    assert links(page, "/stories/")


def test_storyline_page(client: TestClient):
    stories = client.get("/api/stories", params={"limit": 200}).json()["items"]
    storyline = next(s["storyline"] for s in stories if s["storyline"])
    page = client.get(f"/storylines/{storyline}")
    assert page.status_code == 200 and links(page.text, "/stories/")
    assert client.get("/storylines/no-such-line").status_code == 404


def test_search_page_highlights_matches_and_explains_bad_queries(client: TestClient):
    page = client.get("/search", params={"q": "banjir"})
    assert page.status_code == 200
    assert re.search(r"<mark>banjir</mark>", page.text, re.IGNORECASE)
    filtered = client.get("/search", params={"q": "banjir", "outlet": "no such outlet"})
    assert "Nothing matches" in filtered.text
    bad = client.get("/search", params={"q": '"unclosed'})
    assert bad.status_code == 400 and "could not read that query" in bad.text
    assert client.get("/search").status_code == 200


def test_hostile_text_is_escaped_everywhere(client: TestClient):
    pages = [client.get("/articles/hostile-1").text, client.get("/articles/hostile-2").text,
             client.get("/entities/per:tuan-script").text, client.get("/search", params={"q": "bandang"}).text,
             client.get("/").text]
    story = client.get("/api/articles/hostile-1").json()["story"]
    pages.append(client.get(f"/stories/{story}").text)
    for html in pages:
        assert SCRIPT not in html and IMAGE not in html
        assert html.count("<script") == 1  # only the page's own /static/kabar.js
    assert "&lt;script&gt;" in pages[0] and "&lt;img" in pages[2]
    assert HOSTILE["url"] not in pages[0]  # a javascript: URL never becomes a link


def test_security_headers_and_limits(client: TestClient):
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", params={"q": "x" * 5000}).status_code == 414
    assert client.get("/", params={"since": "yesterday"}).status_code == 422
    missing = client.get("/stories/nope")
    assert missing.status_code == 404 and "Not found" in missing.text
    assert client.get("/api/stories/nope").json()["detail"]
    assert client.get("/static/kabar.css").status_code == 200


def test_outlet_counts_add_up_to_each_story_and_outlet_links_filter(client: TestClient, web_store):
    stories = web_store.list_stories(200).items
    counts = web_store.story_outlet_counts([s["id"] for s in stories])
    assert all(sum(counts[s["id"]].values()) == s["n_articles"] for s in stories)
    outlet = next(o for s in stories for o in s["outlets"])
    page = client.get("/", params={"outlet": outlet}).text
    shown = links(page, "/stories/")
    assert shown and set(shown) <= {f"/stories/{s['id']}" for s in stories if outlet in s["outlets"]}


def test_story_list_filters_by_language(client: TestClient):
    english = set(links(client.get("/", params={"language": "en"}).text, "/stories/"))
    anything = set(links(client.get("/", params={"language": ""}).text, "/stories/"))
    assert english and english < anything
    assert client.get("/", params={"language": "<script>"}).status_code in (400, 422)


def test_only_readable_http_links_become_hrefs():
    from kabar.web.pages import safe_url

    assert safe_url("https://warta.example/a1") == "https://warta.example/a1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://warta.e[xample/a2") is None  # urllib cannot read it: no link, no error
