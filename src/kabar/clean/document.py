"""clean_document: one raw document in, one Article with body and metadata out."""

from __future__ import annotations

import re

from kabar.clean.blocks import (
    Verdict,
    choose_article,
    is_date_line,
    looks_like_headline,
    mark_related_lists,
    prose_run,
    reads_as_sentence,
)
from kabar.clean.classify import line_features, predict_body
from kabar.clean.language import detect_language
from kabar.clean.lines import Line, text_lines
from kabar.clean.metadata import (
    _is_outlet_name,
    cited_sources,
    find_dateline,
    normalise_published,
    outlet_from_url,
    parse_byline,
    parse_name_outlet,
)
from kabar.clean.names import OUTLET_DOMAINS
from kabar.clean.outlet import SelfNames, dateline_outlet_display
from kabar.clean.published import date_from_url, header_date
from kabar.clean.title import CANDIDATE_KINDS, choose_title
from kabar.clean.rules import caption_marker, error_page, rule_kind
from kabar.clean.templates import TemplateMemory
from kabar.records import Article, RawDocument, Removed

TEXT_MODEL = "lines-text.crfsuite"
HTML_MODEL = "lines-html.crfsuite"
BODY_THRESHOLD = 0.5
URL_LINE = re.compile(r"^(https?://|www\.|bit\.ly/|t\.co/)\S+$|^\S+\.(com|id|co|net|org)/\S*$", re.I)
# CLICK-ID style scrapes join paragraphs with commas: "... tidak benar.,Rubijanto mengatakan"
JOINED_PARAGRAPHS = re.compile(r"(?<=[.!?\"”:])\s*,+(?=\s*[\"“]?[A-Z0-9])")
MIN_JOINS = 2
FALLBACK_WORDS = 15
MIN_LETTERS = 20
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MIN_EXTRACTED_WORDS = 20
FALLBACK_MIN_WORDS = 30  # below this the classifier has likely missed the article
WHOLE_PAGE_MIN_LINES = 100  # a short page can be all article; a long one with menus cannot
WHOLE_PAGE_SHARE = 0.9
RECOVER_GAP = 2  # lines of something else (an ad, a pull quote) a recovered paragraph may follow
RECOVER_MAX_LINKS = 0.3
RECOVER_MIN_WORDS = 8
ERROR_PAGE_MAX_WORDS = 80  # an article about a 404 or a server error runs longer than an error page
ERROR_LINE_MAX_WORDS = 15
# A page with no line this long, and no sentence this long, is an index, a list or a menu.
RUNNING_LINE_CHARS = 70
SENTENCE_LINE_CHARS = 40
ANY_SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)]*$")
CAPTION_MAX_WORDS = 30
MAX_HEADER_LINES = 8  # a date line this far above the title is not the article's
MAX_LINES_BEFORE_DATELINE = 3
MAX_WORDS_BEFORE_DATELINE = 60
# Class/id words of an HTML line's ancestors, as the kind of a cut line.
HINT_KINDS = (
    ("comment", "comments"), ("share", "share"), ("social", "share"), ("caption", "caption"),
    ("credit", "caption"), ("byline", "byline"), ("author", "byline"), ("related", "related-links"),
    ("recommend", "related-links"), ("popular", "related-links"), ("trending", "related-links"),
    ("advert", "ad"), ("sponsor", "ad"), ("promo", "ad"), ("breadcrumb", "navigation"),
    ("nav", "navigation"), ("menu", "navigation"), ("tag", "tags"), ("newsletter", "promo"),
    ("subscribe", "promo"), ("cookie", "notice"), ("footer", "footer"), ("sidebar", "sidebar"),
)


class CleanError(ValueError):
    """The document has nothing usable as an article; the message is a one-line reason."""


def clean_document(doc: RawDocument, templates: TemplateMemory | None = None) -> Article:
    page = None
    if doc.html and doc.html.strip():
        from kabar.clean.html import read_html  # trafilatura is heavy: text-only runs skip it
        from kabar.clean.train import coverage, trafilatura_features

        page = read_html(doc.html, doc.url)
        lines = page.lines
        extra = None  # trafilatura's say per line: only needed where the classifier decides
        model = HTML_MODEL
    elif doc.text and doc.text.strip():
        lines = text_lines(doc.text)
        extra, model = None, TEXT_MODEL
    else:
        raise CleanError("empty document: no text and no html")
    _reject_junk(" ".join(l.text for l in lines))

    pre_extracted = page is None and _looks_pre_extracted(lines)
    if pre_extracted:
        lines = _split_joined_paragraphs(lines)
    outlet_key = doc.outlet or outlet_from_url(doc.url or (page.url if page else None))

    outside: list[Verdict] = []
    covered = coverage(lines, page.extracted) if page is not None and page.extracted else None
    if covered is not None and len(page.extracted.split()) >= MIN_EXTRACTED_WORDS \
            and not _whole_page(covered):
        # trafilatura's main text, cleaned by the same rules. On held-out sites it beats the
        # line classifier (bench/extraction.py --cv), so the classifier only stands in when
        # trafilatura finds no article, or hands back the whole page, menus and all.
        before, after = _recover_dropped(lines, covered)
        for i in before + after:
            covered[i] = 1.0
        outside = _outside_extract(lines, covered)
        lines = [lines[i] for i in before] + text_lines(page.extracted) + [lines[i] for i in after]
        verdicts = _judge_lines(lines, None, None, False, templates, outlet_key, use_classifier=False)
    else:
        if page is not None:
            extra = trafilatura_features(lines, page.extracted)
        verdicts = _judge_lines(lines, extra, model, pre_extracted, templates, outlet_key,
                                use_classifier=not pre_extracted)
    if templates is not None:
        templates.observe(outlet_key, [l.text for l in lines])
    verdicts = verdicts + outside

    authors: list[str] = []
    byline_sources: list[str] = []
    for v in verdicts:
        parsed = parse_byline(v.text) if v.kind not in ("caption", "dateline") else None
        if parsed is not None:
            v.kind = "byline"
            authors.extend(parsed[0])
            byline_sources.extend(parsed[1])
    if page and page.author:
        for name in re.split(r"\s*[;,]\s*|\s+and\s+", page.author):
            if name and parse_byline(f"By {name}"):
                authors.extend(parse_byline(f"By {name}")[0])

    found, dateline_at = _find_opening_dateline(verdicts)
    self_names = SelfNames(lines[0].text if page is None and lines else None,
                           [v.text for v in verdicts if v.kind is not None],
                           [found.outlet] if found and found.outlet else [])
    for v in verdicts:
        if v.kind in (None, "navigation", "other", "footer"):
            named = parse_name_outlet(v.text, lambda o: self_names.is_own_name(o) or _is_outlet_name(o))
            if named:  # "Dadan Hermawan - kabarKini"
                v.kind = "byline"
                authors.extend([named[0]] if named[0] else [])
                self_names.add(named[1])

    title = choose_title(doc.title, page, [v.text for v in verdicts], [v.kind for v in verdicts])
    title_at = None
    if title:
        for i, v in enumerate(verdicts):
            if v.kind in CANDIDATE_KINDS and v.text.strip() == title.strip():
                v.kind, title_at = "title", i
                break

    body = [v.text for v in verdicts if v.kind is None]
    removed = [Removed(v.text, v.kind) for v in verdicts if v.kind is not None]
    if not body:
        body = [v.text for v in verdicts if v.kind in ("navigation", "footer", "other")
                and len(v.text.split()) >= FALLBACK_WORDS]
        removed = [r for r in removed if r.text not in body]
    if not body:
        raise CleanError("no article text left after cleaning")

    _refuse_non_article(title, body)

    dateline = None
    agency_sources: list[str] = []
    if found is None or verdicts[dateline_at].text != body[0]:
        found = find_dateline(body[0])
    if found:
        rest = body[0][len(found.prefix):].strip()
        if rest:
            body[0] = rest
            removed.append(Removed(found.prefix.strip(), "dateline"))
        dateline, agency_sources = found.place, list(found.agencies)

    sources = []
    for name in cited_sources(body) + agency_sources + byline_sources:
        if name not in sources:
            sources.append(name)

    url = doc.url or (page.url if page else None)
    outlet = doc.outlet or (page.sitename if page else None) or _known_outlet(url) or self_names.best() \
        or (dateline_outlet_display(found.outlet) if found and found.outlet else None) or outlet_from_url(url)
    published = normalise_published(doc.published) or normalise_published(page.date if page else None)
    if published is None:
        published = _page_date(verdicts, title_at, page is not None) or date_from_url(url)

    return Article(
        id=doc.id,
        source=doc.source,
        language=doc.language or detect_language("\n".join(body)),
        body=tuple(body),
        url=url,
        outlet=outlet,
        title=title,
        dateline=dateline,
        published=published,
        authors=tuple(dict.fromkeys(a for a in authors if a not in sources)),
        cited_sources=tuple(sources),
        removed=tuple(removed),
    )


HEADER_DATE_KINDS = ("date", "dateline", "byline", "navigation", "other", "header", "title", "share")


def _refuse_non_article(title: str | None, body: list[str]) -> None:
    """An error page, or a page of links and headings with no running text (a tag index, a
    section front, a menu), has nothing to tell as a story: it is refused with the reason."""
    words = sum(len(line.split()) for line in body)
    error = error_page()
    # the error stands as the heading or as a short line of its own, not inside a sentence
    said = [t for t in [title or "", *body[:3]] if len(t.split()) <= ERROR_LINE_MAX_WORDS]
    if words < ERROR_PAGE_MAX_WORDS and any(error.search(t) for t in said):
        raise CleanError("not an article: an error page (page not found, access denied, ...)")
    # Characters, not words: Chinese and Japanese write no spaces.
    if not any(len(line) >= RUNNING_LINE_CHARS or (len(line) >= SENTENCE_LINE_CHARS and ANY_SENTENCE_END.search(line))
               for line in body):
        raise CleanError("not an article: no running text (an index, a list of links or a menu page)")


def _page_date(verdicts: list[Verdict], title_at: int | None, from_html: bool) -> str | None:
    """The page's date line: in the header between the menus and the body, nearest the title.
    Body lines and captions are never asked ("sejak 13 April 1950" is history)."""
    first_body = next((i for i, v in enumerate(verdicts) if v.kind is None), len(verdicts))
    if from_html:  # lines outside trafilatura's text come after the body, in page order
        header = [v.text for v in verdicts[first_body:] if v.kind in HEADER_DATE_KINDS]
        return header_date(header, None if not header else 0)
    lo = max(0, (title_at if title_at is not None else first_body) - MAX_HEADER_LINES)
    header = [v.text if v.kind in HEADER_DATE_KINDS else "" for v in verdicts[lo:first_body]]
    found = header_date(header, None if title_at is None else title_at - lo)
    if found:
        return found
    # "Published ...", "Diperbarui ..." lines can close an article too
    tail = [v.text for v in verdicts[first_body:] if v.kind in ("date", "dateline")]
    return header_date(tail[:3], None)


def _find_opening_dateline(verdicts: list[Verdict]):
    """The dateline that opens the article ("SUKABUMI, KabarKini.example - ..."), looked for in
    the first body lines. Body lines above it are the photo caption or header text the line
    judge kept: the article starts at its dateline."""
    body_idx = [i for i, v in enumerate(verdicts) if v.kind is None][:MAX_LINES_BEFORE_DATELINE + 1]
    for n, i in enumerate(body_idx):
        found = find_dateline(verdicts[i].text)
        if found is None or not (found.place or found.outlet):
            continue
        before = body_idx[:n]
        if sum(len(verdicts[j].text.split()) for j in before) > MAX_WORDS_BEFORE_DATELINE:
            return None, None
        for j in before:
            near_caption = any(0 <= k < len(verdicts) and verdicts[k].kind == "caption" for k in (j - 1, j + 1))
            verdicts[j].kind = "caption" if near_caption else "header"
        return found, i
    return None, None


def _known_outlet(url: str | None) -> str | None:
    """The outlet's name from a URL whose domain the table knows; an unknown domain waits until
    the page's own name has had its say."""
    name = outlet_from_url(url)
    return name if name and name in OUTLET_DOMAINS.values() else None


def _reject_junk(text: str) -> None:
    if not text.strip():
        raise CleanError("empty document: no visible text")
    sample = text[:20000]
    letters = _count_letters(sample)
    if letters < MIN_LETTERS:
        raise CleanError("no article text: only punctuation or a few characters")
    bad = sample.count("\ufffd") + len(CONTROL_CHARS.findall(sample))
    if bad > 0.05 * len(sample) or letters < 0.4 * (len(sample) - sample.count(" ")):
        raise CleanError("binary or garbled content, not article text")


ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _count_letters(text: str) -> int:
    """How many characters of the text are letters (str.isalpha): the ASCII ones counted in
    bytes, only the rest one by one."""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, ASCII_NON_LETTERS))
    return ascii_letters + sum(map(str.isalpha, "".join(NON_ASCII.findall(text))))


def _looks_pre_extracted(lines: list[Line]) -> bool:
    """Text that is already an article (JSONL bodies, hand-saved text): few long lines, no menus."""
    return len(lines) <= 3 and all(len(l.text.split()) >= FALLBACK_WORDS for l in lines)


def _split_joined_paragraphs(lines: list[Line]) -> list[Line]:
    out = []
    for line in lines:
        if len(JOINED_PARAGRAPHS.findall(line.text)) >= MIN_JOINS:
            out.extend(Line(p.strip()) for p in JOINED_PARAGRAPHS.split(line.text) if p.strip())
        else:
            out.append(line)
    return out


def _recover_dropped(lines: list[Line], covered: list[float]) -> tuple[list[int], list[int]]:
    """Paragraphs right before or after trafilatura's text that sit in the same container as its
    paragraphs (same block tag and class/id words), carry few links and read as sentences:
    trafilatura stops at an insert now and then and loses the rest of the article."""
    kept = [i for i, c in enumerate(covered) if c >= 0.5]
    if not kept:
        return [], []
    weight: dict[tuple, int] = {}
    for i in kept:
        key = (lines[i].tag, lines[i].hints)
        weight[key] = weight.get(key, 0) + len(lines[i].text.split())
    home = max(weight, key=weight.get)

    def walk(start: int, step: int) -> list[int]:
        found, gap, j = [], 0, start + step
        while 0 <= j < len(lines) and gap <= RECOVER_GAP:
            line = lines[j]
            if (line.tag, line.hints) == home and line.link_ratio < RECOVER_MAX_LINKS \
                    and len(line.text.split()) >= RECOVER_MIN_WORDS and reads_as_sentence(line.text) \
                    and rule_kind(line.text) is None:
                found.append(j)
                gap = 0
            else:
                gap += 1
            j += step
        return found

    return sorted(walk(kept[0], -1)), walk(kept[-1], 1)


def _whole_page(covered: list[float]) -> bool:
    """trafilatura's fallback keeps a page's every line when it finds no article in it."""
    return len(covered) >= WHOLE_PAGE_MIN_LINES and \
        sum(1 for c in covered if c >= 0.5) >= WHOLE_PAGE_SHARE * len(covered)


def _outside_extract(lines: list[Line], covered: list[float]) -> list[Verdict]:
    """The page's lines that trafilatura left out, each with the kind its markup suggests."""
    outside = []
    for line, c in zip(lines, covered):
        if c < 0.5:
            kind = rule_kind(line.text) or _kind_from_markup(line) or ("date" if is_date_line(line.text) else "other")
            outside.append(Verdict(line.text, kind))
    return outside


def _judge_lines(lines, extra, model, pre_extracted, templates, outlet_key, use_classifier=True) -> list[Verdict]:
    verdicts = [Verdict(l.text, rule_kind(l.text)) for l in lines]
    mark_related_lists(verdicts)
    caption = caption_marker()
    for v in verdicts:
        if v.kind is None and URL_LINE.match(v.text):
            v.kind = "url"
        elif v.kind is None and not pre_extracted and caption.search(v.text) \
                and len(v.text.split()) <= CAPTION_MAX_WORDS:
            v.kind = "caption"
        elif v.kind is None and templates is not None and templates.is_template(outlet_key, v.text):
            v.kind = "template"
    if not use_classifier:
        return verdicts
    probs = predict_body(line_features(lines, extra), model)
    if probs is None:  # no model installed: keep long lines only
        probs = [1.0 if len(l.text.split()) >= FALLBACK_WORDS else 0.0 for l in lines]
    keep = [p >= BODY_THRESHOLD and v.kind is None for p, v in zip(probs, verdicts)]
    if sum(len(v.text.split()) for v, k in zip(verdicts, keep) if k) < FALLBACK_MIN_WORDS:
        start, end = prose_run(verdicts)
        for i in range(start, end + 1):
            keep[i] = keep[i] or verdicts[i].kind is None
    choose_article(verdicts, keep)
    body_idx = [i for i, k in enumerate(keep) if k]
    first, last = (body_idx[0], body_idx[-1]) if body_idx else (len(lines), -1)
    for i, (v, k) in enumerate(zip(verdicts, keep)):
        if v.kind is not None or k:
            continue
        v.kind = _kind_from_markup(lines[i])
        if v.kind:
            continue
        if is_date_line(v.text):
            v.kind = "date"
        elif i < first:
            v.kind = "navigation"
        elif i > last:
            v.kind = "related-links" if looks_like_headline(v.text) else "footer"
        else:
            v.kind = "other"
    return verdicts


def _kind_from_markup(line: Line) -> str | None:
    if line.tag == "figcaption":
        return "caption"
    if not line.hints:  # scraped text has no markup to ask
        return None
    for hint, kind in HINT_KINDS:
        if hint in line.hints:
            return kind
    return None
