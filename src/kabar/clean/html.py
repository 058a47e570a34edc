"""What a saved HTML page offers the clean stage: its visible lines, trafilatura's opinion of
each line, and the page's own metadata (title, site name, date, author)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import set_date_params

from kabar.clean.lines import Line, html_lines, trafilatura_tree


# fast: no second opinion from readability/jusText (bench/extraction.py: same F1 on
# extraction-dev, half the time), and kabar's own line judge already stands in when
# trafilatura finds nothing.
TRAFILATURA_OPTIONS = {"fast": True}


@dataclass
class HtmlPage:
    lines: list[Line]
    extracted: str  # trafilatura's main text ("" when it found none)
    title: str | None = None
    sitename: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def read_html(html: str, url: str | None = None) -> HtmlPage:
    # One parse serves both: our line walk reads the tree, trafilatura works on its own copy.
    tree = trafilatura_tree(html)
    lines = html_lines(tree if tree is not None else html)  # a fragment trafilatura refuses still has lines
    doc = None
    try:
        doc = trafilatura.bare_extraction(tree if tree is not None else html, url=url, include_comments=False,
                                          with_metadata=True,
                                          date_extraction_params=set_date_params(extensive=False),
                                          **TRAFILATURA_OPTIONS)
    except Exception:  # trafilatura raises assorted errors on broken markup; the lines still count
        doc = None
    if doc is None:
        return HtmlPage(lines, "")
    return HtmlPage(
        lines=lines,
        extracted=doc.text or "",
        title=doc.title or None,
        sitename=doc.sitename or None,
        date=doc.date or None,
        author=doc.author or None,
        url=doc.url or None,
    )
