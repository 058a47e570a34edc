"""Real headless Chromium (Debian's) against a real `kabar serve`: clicks, XSS, screenshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (scripts/install-test-deps.sh installs it)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_click_from_the_list_into_a_story_an_entity_and_a_search(server: str, page):
    page.goto(server + "/?sort=size")
    shot(page, "story-list")
    page.locator(".card-title a").first.click()
    page.wait_for_url("**/stories/**")
    assert page.locator("h2", has_text="What happened").is_visible()
    assert page.locator(".timeline li").count() >= 1
    shot(page, "story")
    page.locator(".article-list a").first.click()
    page.wait_for_url("**/articles/**")
    page.locator("a.hl-entity").first.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text()
    assert page.locator('svg[aria-label="stories over time"]').count() == 1
    shot(page, "entity")
    page.locator(".story-list a").first.click()
    page.wait_for_url("**/stories/**")
    page.fill("#quicksearch", "banjir")
    page.press("#quicksearch", "Enter")
    page.wait_for_url("**/search?q=banjir**")
    assert page.locator(".results mark").count() >= 1
    shot(page, "search")
    page.locator(".results h2 a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator(".body p").count() >= 1
    shot(page, "article")
    assert not page.console_errors  # includes CSP violations of our own pages


def test_a_search_syntax_error_is_a_friendly_message(server: str, page):
    page.goto(server + "/search?q=%22unclosed")
    assert "could not read that query" in page.locator(".notice.error").inner_text()


def test_hostile_article_text_stays_inert(server: str, page):
    story = None
    for path in ("/articles/hostile-1", "/articles/hostile-2", "/entities/per:tuan-script", "/search?q=bandang",
                 "/", "/stories/s-hostile-2"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("img").count() == 0, path
        assert page.locator("script").count() == 1, path  # kabar.js only
        if path == "/articles/hostile-1":
            assert "<script>" in page.locator("h1").inner_text()
            assert page.locator('a[href^="javascript"]').count() == 0
            story = page.locator('a[href^="/stories/"]').first.get_attribute("href")
            shot(page, "hostile-article")
    page.goto(server + story)
    assert page.evaluate("window.__pwned") is None and not page.dialogs


def test_phone_width_has_no_sideways_scroll(server: str, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    for name, path in (("phone-list", "/"), ("phone-search", "/search?q=banjir")):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
        shot(page, name)
    page.goto(server + "/?sort=size")
    page.locator(".card-title a").first.click()
    page.wait_for_url("**/stories/**")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "phone-story")
    context.close()
