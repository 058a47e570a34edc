"""clean_document: one raw document in, one Article with body and metadata out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.clean.classify import SENTENCE_END, heaviest_run, line_features, predict_body
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
from kabar.clean.rules import caption_marker, error_page, related_header, rule_kind
from kabar.clean.templates import TemplateMemory
from kabar.records import Article, RawDocument, Removed

TEXT_MODEL = "lines-text.crfsuite"
HTML_MODEL = "lines-html.crfsuite"
BODY_THRESHOLD = 0.5
URL_LINE = re.compile(r"^(https?://|www\.|bit\.ly/|t\.co/)\S+$|^\S+\.(com|id|co|net|org)/\S*$", re.I)
YEAR = re.compile(r"\b(19|20)\d\d\b")
DATE_SHAPE = re.compile(r"\d{1,2}:\d\d|\b\d{1,2}[ /.-]\w{3,9}[ /.-](19|20)\d\d\b|\b\w{3,9} \d{1,2},? (19|20)\d\d\b")
# CLICK-ID style scrapes join paragraphs with commas: "... tidak benar.,Rubijanto mengatakan"
JOINED_PARAGRAPHS = re.compile(r"(?<=[.!?\"”:])\s*,+(?=\s*[\"“]?[A-Z0-9])")
MIN_JOINS = 2
FALLBACK_WORDS = 15
MIN_LETTERS = 20
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MIN_EXTRACTED_WORDS = 20
FALLBACK_MIN_WORDS = 30  # below this the classifier has likely missed the article
SENTENCE_MIN_WORDS = 4
IN_ARTICLE_INSERTS = {"related-links", "ad", "caption", "share", "font-controls", "promo", "url"}
MAX_INSERT_LINES = 8
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


@dataclass
class _Verdict:
    text: str
    kind: str | None = None  # None: body


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

    outside: list[_Verdict] = []
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


def _page_date(verdicts: list[_Verdict], title_at: int | None, from_html: bool) -> str | None:
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


def _find_opening_dateline(verdicts: list[_Verdict]):
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
                    and len(line.text.split()) >= RECOVER_MIN_WORDS and _reads_as_sentence(line.text) \
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


def _outside_extract(lines: list[Line], covered: list[float]) -> list[_Verdict]:
    """The page's lines that trafilatura left out, each with the kind its markup suggests."""
    outside = []
    for line, c in zip(lines, covered):
        if c < 0.5:
            kind = rule_kind(line.text) or _kind_from_markup(line) or ("date" if _is_date_line(line.text) else "other")
            outside.append(_Verdict(line.text, kind))
    return outside


def _judge_lines(lines, extra, model, pre_extracted, templates, outlet_key, use_classifier=True) -> list[_Verdict]:
    verdicts = [_Verdict(l.text, rule_kind(l.text)) for l in lines]
    _mark_related_lists(verdicts)
    for v in verdicts:
        if v.kind is None and URL_LINE.match(v.text):
            v.kind = "url"
        elif v.kind is None and not pre_extracted and caption_marker().search(v.text) \
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
        start, end = _prose_run(verdicts)
        for i in range(start, end + 1):
            keep[i] = keep[i] or verdicts[i].kind is None
    _extend_body(verdicts, keep)
    _fill_gaps(verdicts, keep)
    _keep_main_blocks(verdicts, keep)
    _cut_after_comments(verdicts, keep)
    _prefer_post_above_related(verdicts, keep)
    _start_after_header(verdicts, keep)
    _reach_back_to_header(verdicts, keep)
    body_idx = [i for i, k in enumerate(keep) if k]
    first, last = (body_idx[0], body_idx[-1]) if body_idx else (len(lines), -1)
    for i, (v, k) in enumerate(zip(verdicts, keep)):
        if v.kind is not None or k:
            continue
        v.kind = _kind_from_markup(lines[i])
        if v.kind:
            continue
        if _is_date_line(v.text):
            v.kind = "date"
        elif i < first:
            v.kind = "navigation"
        elif i > last:
            v.kind = "related-links" if _looks_like_headline(v.text) else "footer"
        else:
            v.kind = "other"
    return verdicts


# A kept stretch is cut off from the next by more than this many lines that are neither kept nor
# in-article inserts; a stretch with less than this share of the main stretch's words is not the
# article (tuned by site-held-out cross-validation on extraction-dev: text F1 0.878 -> 0.892).
BLOCK_GAP = 1
BLOCK_SHARE = 0.3


COMMENTS_MIN_WORDS = 50  # article words kept before a comments header for it to close the article
ENDING_KINDS = ("comments",)
THREAD_MARKERS = 2
COMMENTS_PROSE_MIN_WORDS = 20  # a post above its comments: at least a sentence or two


def _cut_after_comments(verdicts, keep) -> None:
    """Once the article has run and the comments open, the page does not return to it. When
    the line judge kept nothing worth the name before the first comment, the article is the
    prose stretch above it (a one-paragraph post under a long thread of replies)."""
    words = 0
    markers = [i for i, v in enumerate(verdicts) if v.kind in ENDING_KINDS]
    for i, v in enumerate(verdicts):
        if keep[i]:
            words += len(v.text.split())
        elif v.kind in ENDING_KINDS:
            if words < COMMENTS_MIN_WORDS:
                # one "Comments" link in a header says nothing; a thread has a marker per reply
                first_kept = next((j for j in range(i, len(keep)) if keep[j]), len(keep))
                if sum(1 for m in markers if i <= m < first_kept) < THREAD_MARKERS:
                    continue
                start, end = _prose_run(verdicts[:i])
                if sum(len(verdicts[j].text.split()) for j in range(start, end + 1)) < COMMENTS_PROSE_MIN_WORDS:
                    continue
                for j in range(start, end + 1):
                    keep[j] = keep[j] or verdicts[j].kind is None
            for j in range(i + 1, len(keep)):
                keep[j] = False
            return


POST_MIN_WORDS = 20
POST_LONG_LINE_WORDS = 25
POST_SHARE = 0.5  # of the words kept below the header (site-held-out cv: 0.3 loses an article cut by a related box, 1.0 misses the post)


def _prefer_post_above_related(verdicts: list[_Verdict], keep: list[bool]) -> None:
    """Nothing kept above the first "related stories" header, yet a prose stretch there: a short
    post whose page goes on with teasers of other posts, which the line judge took instead."""
    header = related_header()
    first_kept = next((i for i, k in enumerate(keep) if k), None)
    if first_kept is None:
        return
    h = next((i for i in range(first_kept) if verdicts[i].kind == "related-links" and header.search(verdicts[i].text)), None)
    if h is None:
        return
    start, end = heaviest_run([_prose_weight(v, POST_LONG_LINE_WORDS) for v in verdicts[:h]], max_gap=1)
    post = sum(len(verdicts[j].text.split()) for j in range(start, end + 1))
    kept_after = sum(len(v.text.split()) for v, k in zip(verdicts, keep) if k)
    if post >= POST_MIN_WORDS and (post >= POST_SHARE * kept_after or _card_list(verdicts, keep)):
        for j in range(len(keep)):
            keep[j] = start <= j <= end and verdicts[j].kind is None


CARD_SEPARATOR_SHARE = 0.3
CARD_SEPARATOR_REPEATS = 3


def _card_list(verdicts: list[_Verdict], keep: list[bool]) -> bool:
    """Are the kept lines cards of other stories, each followed by the same share bar or "read
    more" line? An article does not repeat one line between its paragraphs."""
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v.text] = counts.get(v.text, 0) + 1
    kept = [verdicts[i].text for i, k in enumerate(keep) if k]
    repeated = sum(1 for t in kept if counts[t] >= CARD_SEPARATOR_REPEATS)
    return bool(kept) and repeated >= CARD_SEPARATOR_SHARE * len(kept)


HEADER_MIN_WORDS_AFTER = 50  # article words kept below a date or byline line for it to open the article
MENU_PROSE_SHARE = 0.3  # of the words kept above the header, in sentences: below it, menus (0.2-0.5: same cv)
TEASER_SHARE = 0.5  # of the lines kept above the header, to be cut as teaser cards
TEASER_HEAD_CHARS = 160  # a teaser's headline ends within this many characters
DASHES = "—–-"  # "— Name (@handle) November 3, 2019" closes an embedded tweet, it opens no article
TEASER_JOIN = re.compile(r"[a-z?!'’][A-Z][a-z]* [a-z0-9]")
INLINE_DATELINE = re.compile(r"\w \w+ [A-Z]{3,}(?: [A-Z]{2,})*\s?[:—–]\s")


def _start_after_header(verdicts: list[_Verdict], keep: list[bool]) -> None:
    """A date line or a byline kept amid the body is the article's header: what was kept above
    it is teaser blurbs of other stories (the article's own header comes before its text)."""
    kept = [i for i, k in enumerate(keep) if k]
    if not kept:
        return
    words_after = 0
    for i in range(kept[-1], kept[0], -1):
        if keep[i]:
            words_after += len(verdicts[i].text.split())
        elif verdicts[i].kind not in ("date", "byline", None):
            continue
        v = verdicts[i]
        if words_after >= HEADER_MIN_WORDS_AFTER and v.text[:1] not in DASHES \
                and (_is_date_line(v.text) or parse_byline(v.text)):
            above = [verdicts[j].text for j in kept if j < i and len(verdicts[j].text.split()) >= SENTENCE_MIN_WORDS]
            kept_above = [verdicts[j].text for j in kept if j < i]
            prose_above = sum(len(t.split()) for t in kept_above if _reads_as_sentence(t))
            menus_above = prose_above < MENU_PROSE_SHARE * sum(len(t.split()) for t in kept_above)
            if above and sum(map(_reads_as_teaser, above)) >= TEASER_SHARE * len(above) or menus_above:
                for j in range(kept[0], i + 1):
                    keep[j] = False
            return


REACH_LINES = 10  # a date line or byline this far above the first kept line still heads the article
REACH_SHARE = 0.5  # of the words between them in sentences


def _reach_back_to_header(verdicts: list[_Verdict], keep: list[bool]) -> None:
    """The article runs from its date line or byline: unmarked lines between it and the first
    kept line, mostly sentences, are the article's opening (a lede, a summary with its list)."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return
    for h in range(first - 1, max(-1, first - 1 - REACH_LINES), -1):
        v = verdicts[h]
        if _is_date_line(v.text) or parse_byline(v.text):
            between = [verdicts[j] for j in range(h + 1, first)]
            if not between or any(b.kind is not None and b.kind not in IN_ARTICLE_INSERTS for b in between):
                return
            words = sum(len(b.text.split()) for b in between)
            prose = sum(len(b.text.split()) for b in between if _reads_as_sentence(b.text))
            if prose >= REACH_SHARE * words:
                for j in range(h + 1, first):
                    keep[j] = verdicts[j].kind is None
            return


def _reads_as_teaser(text: str) -> bool:
    """A teaser card: another story's headline run into its blurb, with no break between them
    ("...Troy SteakhouseA party of six left ...") or with the blurb's dateline between them
    ("... fraud scheme in US NEW YORK: An Indian-origin ...")."""
    return bool(TEASER_JOIN.search(text[:TEASER_HEAD_CHARS]) or INLINE_DATELINE.search(text[:TEASER_HEAD_CHARS]))


def _keep_main_blocks(verdicts: list[_Verdict], keep: list[bool]) -> None:
    """Drop small stretches of kept lines far from the article's main stretch (teaser cards,
    a comment that reads like prose): the article is one block, give or take in-article
    inserts ("Baca juga" lists, ads, captions), which do not break a stretch."""
    runs = []  # [start, end, words]
    gap = 0
    for i, k in enumerate(keep):
        if not k:
            if verdicts[i].kind not in IN_ARTICLE_INSERTS:
                gap += 1
            continue
        w = len(verdicts[i].text.split())
        if runs and gap <= BLOCK_GAP:
            runs[-1][1] = i
            runs[-1][2] += w
        else:
            runs.append([i, i, w])
        gap = 0
    if len(runs) < 2:
        return
    main = max(runs, key=lambda r: r[2])
    for r in runs:
        # below the article, a stretch of headlines with not one sentence is a list of other
        # stories, however long
        if r is not main and (r[2] < BLOCK_SHARE * main[2] or r[0] > main[1] and not any(
                keep[i] and _reads_as_sentence(verdicts[i].text) for i in range(r[0], r[1] + 1))):
            for i in range(r[0], r[1] + 1):
                keep[i] = False


def _extend_body(verdicts: list[_Verdict], keep: list[bool]) -> None:
    """Grow the body over neighbouring lines that read as sentences.

    The classifier learned on pages whose paragraphs are long; a short closing paragraph next
    to the body is body all the same, and losing body costs more than keeping a sentence.
    """
    changed = True
    while changed:
        changed = False
        for i, v in enumerate(verdicts):
            if keep[i] or v.kind is not None or not _reads_as_sentence(v.text):
                continue
            if _body_neighbour(verdicts, keep, i, -1) or _body_neighbour(verdicts, keep, i, 1):
                keep[i] = changed = True


def _prose_run(verdicts: list[_Verdict]) -> tuple[int, int]:
    """The stretch with the most sentence words, looking through lines the rules already cut
    (ads, "Baca juga" lists): where the article is when the classifier sees none."""
    return heaviest_run([_prose_weight(v) for v in verdicts], max_gap=1)


def _prose_weight(v: _Verdict, long_line_words: int | None = None) -> int | None:
    """A line's words when it reads as a sentence (or, given ``long_line_words``, is that long:
    a paragraph may end in a link with no full stop), 0 when it does not, None for a cut line."""
    if v.kind is not None:
        return None
    words = len(v.text.split())
    if words >= 4 and SENTENCE_END.search(v.text) or long_line_words and words >= long_line_words:
        return words
    return 0


def _fill_gaps(verdicts: list[_Verdict], keep: list[bool]) -> None:
    """A short unmarked line with body right above and right below is a subheading or a short
    paragraph of the article ("Club statement"), not boilerplate."""
    for i in range(1, len(verdicts) - 1):
        if not keep[i] and verdicts[i].kind is None and keep[i - 1] and keep[i + 1] \
                and not _is_date_line(verdicts[i].text):
            keep[i] = True


def _body_neighbour(verdicts: list[_Verdict], keep: list[bool], i: int, step: int) -> bool:
    """Is the nearest line in this direction body, looking through in-article inserts ("Baca
    juga" lists, ads, captions) that interrupt an article without ending it?"""
    j = i + step
    subheadings = 0
    while 0 <= j < len(verdicts) and abs(j - i) <= MAX_INSERT_LINES:
        if keep[j]:
            return True
        v = verdicts[j]
        if v.kind is None and _could_be_subheading(v.text) and subheadings == 0:
            subheadings += 1  # one unmarked short line: a subheading between paragraphs
        elif v.kind is None and v.text.isupper() and not SENTENCE_END.search(v.text):
            pass  # "TAYLOR SWIFT CLEARED TO PERFORM ...": a shouted link to another story, an insert
        elif v.kind not in IN_ARTICLE_INSERTS:
            return False
        j += step
    return False


def _could_be_subheading(text: str) -> bool:
    words = text.split()
    if 1 <= len(words) <= 4 and text[:1] == "[" and text.endswith("]"):
        return True  # "[The Verge]": the source of the excerpt above, in a round-up of reviews
    return 1 <= len(words) <= 8 and not SENTENCE_END.search(text) and text[:1].isupper()


def _reads_as_sentence(text: str) -> bool:
    return len(text.split()) >= SENTENCE_MIN_WORDS and bool(SENTENCE_END.search(text))


def _is_date_line(text: str) -> bool:
    return len(text.split()) <= 12 and bool(YEAR.search(text)) and bool(DATE_SHAPE.search(text))


def _kind_from_markup(line: Line) -> str | None:
    if line.tag == "figcaption":
        return "caption"
    if not line.hints:  # scraped text has no markup to ask
        return None
    for hint, kind in HINT_KINDS:
        if hint in line.hints:
            return kind
    return None


def _mark_related_lists(verdicts: list[_Verdict]) -> None:
    """A "Baca juga:" header takes the link titles under it (bulleted or headline-like)."""
    header = related_header()
    i = 0
    while i < len(verdicts):
        v = verdicts[i]
        if v.kind == "tags" and len(v.text.split()) <= 3:
            j = i + 1
            while j < len(verdicts) and verdicts[j].kind is None and len(verdicts[j].text.split()) <= 4 \
                    and not SENTENCE_END.search(verdicts[j].text):
                verdicts[j].kind = "tags"
                j += 1
            i = j
        elif v.kind == "related-links" and header.search(v.text):
            # "Baca juga: Judul artikel" on one line is the whole list
            j = i + 1
            while j < len(verdicts) and verdicts[j].kind is None and _looks_like_link_item(verdicts[j].text):
                verdicts[j].kind = "related-links"
                j += 1
            i = j
        else:
            i += 1


def _looks_like_link_item(text: str) -> bool:
    if text[:1] in "-•*·–—►»":
        return True
    words = text.split()
    if not 2 <= len(words) <= 20:
        return False
    if TRUNCATED.search(text):  # "... as Hurri...": a teaser's headline cut to fit its card
        return True
    if _looks_like_headline(text):
        return not SENTENCE_END.search(text)
    # a headline in sentence case may ask or exclaim, it does not end in a full stop
    return len(words) >= LINK_ITEM_MIN_WORDS and not STATEMENT_END.search(text)


STATEMENT_END = re.compile(r"[.。]['\"”’»)]*$")
TRUNCATED = re.compile(r"\w(\.\.\.|…)$")
LINK_ITEM_MIN_WORDS = 5  # a sentence-case headline; a shorter line may be a subheading


def _looks_like_headline(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= 0.6
