"""How deep a page's markup nests, measured on the tags alone (no parser: a parser is what fails).

libxml2, under lxml and so under trafilatura and the cleaner, stops building the tree past 256
nested elements ("Excessive depth in document") and everything inside is silently lost; deeper
still, Python code walking the tree recurses past its limit. A page that deep is refused with
that reason instead of ending up as "no visible text".
"""

from __future__ import annotations

import re

MAX_DEPTH = 256  # libxml2's default limit (xmlParserMaxDepth) without XML_PARSE_HUGE
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
# Elements that are never closed (void) or whose end tag may be left out: a parser closes them
# itself, so they do not count towards the depth of a tolerant page.
_SELF_CLOSING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup rt rp caption html head body".split())
_RAW_TEXT = re.compile(r"<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def nesting_depth(html: str, stop_at: int = MAX_DEPTH + 1) -> int:
    """The deepest element nesting of the page's explicit tags, counted up to ``stop_at``."""
    html = _RAW_TEXT.sub(" ", html)
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closed = match.group(1), match.group(2).lower(), match.group(3)
        if name in _SELF_CLOSING or self_closed:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest >= stop_at:
                break
    return deepest


def too_deep(html: str) -> str | None:
    """The one-line reason a page nests too deep to parse, or None."""
    if nesting_depth(html) > MAX_DEPTH:
        return f"HTML nested deeper than {MAX_DEPTH} elements (the HTML parser drops everything below that)"
    return None
