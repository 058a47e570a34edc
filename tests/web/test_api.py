"""The JSON API on a real SQLite store with the sample corpus ingested (FastAPI's test client)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kabar.pipeline import Pipeline
from kabar.store import Store
from kabar.web import create_app

from ..conftest import EXAMPLES


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}")
    Pipeline(store).ingest_paths([EXAMPLES])
    return TestClient(create_app(store))


def test_story_list_pages_and_story(client: TestClient):
    first = client.get("/api/stories", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next"]
    second = client.get("/api/stories", params={"limit": 3, "cursor": first["next"]}).json()
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}
    story = client.get(f"/api/stories/{first['items'][0]['id']}").json()
    assert story["summary"] and story["articles"] and story["coverage"]
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories", params={"cursor": "%%%"}).status_code == 400
    assert client.get("/api/stories", params={"limit": 100000}).status_code == 422


def test_articles_entities_search(client: TestClient):
    listing = client.get("/api/articles", params={"limit": 5}).json()
    article = client.get(f"/api/articles/{listing['items'][0]['id']}").json()
    assert article["body"] and "removed" in article
    entity_id = next(e["id"] for a in listing["items"]
                     for e in client.get(f"/api/articles/{a['id']}").json()["entities"])
    entity = client.get(f"/api/entities/{entity_id}").json()
    assert entity["name"] and entity["stories"]
    hits = client.get("/api/search", params={"q": "banjir"}).json()
    assert hits["items"] and "snippet" in hits["items"][0]
    bad = client.get("/api/search", params={"q": '"unbalanced'})
    assert bad.status_code == 400 and "invalid search query" in bad.json()["detail"]
    assert client.get("/openapi.json").json()["paths"]["/api/search"]


def test_ingest_needs_a_token(client: TestClient, monkeypatch):
    payload = [{"id": "api-1", "text": "SURABAYA - Ribuan buruh berunjuk rasa di depan Gedung Grahadi pada Kamis "
                                       "menuntut kenaikan upah minimum, kata koordinator aksi kepada wartawan. "
                                       "Polisi menutup sebagian ruas jalan selama aksi berlangsung."},
               {"id": "api-2", "text": 5}]
    monkeypatch.delenv("KABAR_API_TOKEN", raising=False)
    assert client.post("/api/articles", json=payload).status_code == 403
    monkeypatch.setenv("KABAR_API_TOKEN", "s3cret")
    assert client.post("/api/articles", json=payload, headers={"Authorization": "Bearer wrong"}).status_code == 401
    done = client.post("/api/articles", json=payload, headers={"Authorization": "Bearer s3cret"}).json()
    assert done["ingested"] == 1 and done["rejected"][0]["item"].startswith("item 1")
    assert client.get("/api/articles/api-1").json()["story"]


def test_stories_filter_by_language(client: TestClient):
    english = client.get("/api/stories", params={"language": "en", "limit": 200}).json()["items"]
    everything = client.get("/api/stories", params={"limit": 200}).json()["items"]
    assert english and len(english) < len(everything)
    for story in english:
        languages = {a["language"] for a in client.get("/api/articles", params={"story": story["id"], "limit": 200}).json()["items"]}
        assert "en" in languages
