"""A page as a list of lines, the unit the clean stage keeps or cuts.

Scraped text arrives as lines already. A saved HTML page is turned into the same kind of lines
(what a reader sees, one block element a line), each remembering a little about where it sat in
the page (its block tag, how much of it was link text, the class/id words of its ancestors),
which the line classifier uses as extra evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html
from lxml import etree

WHITESPACE = re.compile(r"\s+")


@dataclass
class Line:
    text: str
    tag: str | None = None  # innermost block element (HTML input only)
    link_ratio: float = 0.0  # share of the line's characters inside <a>
    hints: frozenset[str] = field(default_factory=frozenset)  # ancestor class/id keywords


def text_lines(text: str) -> list[Line]:
    """The non-empty lines of scraped text, whitespace collapsed."""
    joined = map(" ".join, map(str.split, text.splitlines()))  # str.split's whitespace is the regex's \s
    # the same hints object for every line: Line's default factory would build one per line
    return [Line(t, None, 0.0, NO_HINTS) for t in joined if t]


# Elements whose content a reader never sees (as the scraped-text convention drops them).
INVISIBLE = {
    "script", "style", "noscript", "head", "title", "template", "iframe", "svg", "math", "object",
    "embed", "canvas", "video", "audio", "map", "select",
}
BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "td", "th",
    "tr", "table", "thead", "tbody", "tfoot", "section", "article", "aside", "nav", "footer",
    "header", "main", "figure", "figcaption", "blockquote", "form", "option", "button", "label",
    "pre", "address", "hr", "fieldset", "legend", "details", "summary", "caption", "body", "html",
    "center", "menu", "dialog", "output", "textarea", "input",
}
# Class/id words that say what a region of the page is; anything else is ignored.
HINT_WORDS = (
    "nav", "menu", "footer", "header", "comment", "related", "share", "social", "sidebar", "widget",
    "caption", "credit", "byline", "author", "advert", "sponsor", "promo", "breadcrumb", "tag",
    "newsletter", "subscribe", "cookie", "article", "content", "story", "body", "post", "entry",
    "text", "meta", "date", "time", "title", "headline", "teaser", "recommend", "popular", "trending",
    "more", "banner", "modal", "popup", "signup", "login", "footnote", "summary", "lead", "main",
)
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
CLASS_SPLIT = re.compile(r"[^a-z]+")


def _element_hints(el) -> frozenset[str]:
    klass, ident = el.get("class"), el.get("id")
    if not klass and not ident:
        return NO_HINTS
    return _hints_of(f"{klass or ''} {ident or ''}".lower())


NO_HINTS: frozenset[str] = frozenset()


@lru_cache(maxsize=16384)  # pages repeat the same class names on many elements
def _hints_of(class_and_id: str) -> frozenset[str]:
    found: set[str] = set()
    for w in CLASS_SPLIT.split(class_and_id):
        if w:
            found.update(_word_hints(w))
    return frozenset(found)


@lru_cache(maxsize=16384)
def _word_hints(w: str) -> tuple[str, ...]:
    if w in ("ad", "ads", "adv", "dfp", "gpt"):
        return ("advert",)
    return tuple(h for h in HINT_WORDS if w.startswith(h) or (len(h) > 4 and h in w))


def trafilatura_tree(html: str):
    """The tree trafilatura would read, or None where it refuses the markup."""
    from trafilatura.utils import load_html  # heavy import: only pages with markup need it

    return load_html(html)


def parse_html(html: str):
    """The page's element tree as trafilatura reads it (so its text and our lines agree, down
    to stray control characters), or lxml's own reading of a fragment trafilatura refuses;
    None when neither can read it."""
    tree = trafilatura_tree(html)
    if tree is not None:
        return tree
    try:
        # Bytes plus an explicit parser encoding: a str with an XML declaration is refused, and
        # bytes alone would be read as Latin-1 when the page declares no charset.
        return lxml.html.fromstring(html.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (etree.ParserError, ValueError):
        return None


def html_lines(html) -> list[Line]:
    """The visible text of a page (markup, or a tree already parsed) as lines, each with its
    block tag, link share and hints."""
    root = parse_html(html) if isinstance(html, str) else html
    if root is None:
        return []
    lines: list[Line] = []
    parts: list[tuple[str, bool]] = []
    state = {"tag": None, "hints": frozenset()}

    def flush():
        if parts:
            text = " ".join("".join([p for p, _ in parts]).split())  # whitespace collapsed, as text_lines
            if text:
                linked = total = 0
                for p, is_link in parts:
                    size = len(p.strip())
                    total += size
                    if is_link:
                        linked += size
                lines.append(Line(text, state["tag"], min(1.0, linked / (total or 1)), state["hints"]))
            parts.clear()

    def walk(el, hints, tag, in_link):
        name = el.tag
        if not isinstance(name, str):  # comments, processing instructions: only their tail is text
            if el.tail:
                parts.append((el.tail, in_link))
            return
        name = name.lower()
        style = el.get("style")
        if name in INVISIBLE or el.get("hidden") is not None or (style and HIDDEN_STYLE.search(style)):
            if el.tail:
                parts.append((el.tail, in_link))
            return
        is_block = name in BLOCK
        el_hints = _element_hints(el)
        own_hints = hints | el_hints if el_hints else hints
        if is_block or name == "br":
            flush()
        if is_block:
            tag = name
        if not parts:
            state["tag"], state["hints"] = tag, own_hints
        link = in_link or name == "a"
        if el.text:
            if not parts:
                state["tag"], state["hints"] = tag, own_hints
            parts.append((el.text, link))
        for child in el:
            walk(child, own_hints, tag, link)
        if is_block:
            flush()
        if el.tail:
            parts.append((el.tail, in_link))

    body = root.find(".//body")
    walk(body if body is not None else root, frozenset(), None, False)
    flush()
    return lines
