"""Which stretch of a page is the article: the rules that settle the line judge's per-line
keep/cut on one article block, looking through in-article inserts, and overrule a confidently wrong
judge (a short post under a long comment thread, teaser cards above the article's header, a list of
headlines below it, a "Related articles" box in the middle)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter

from kabar.clean.classify import SENTENCE_END, heaviest_run
from kabar.clean.metadata import parse_byline
from kabar.clean.rules import related_header

YEAR = re.compile(r"\b(19|20)\d\d\b")
DATE_SHAPE = re.compile(r"\d{1,2}:\d\d|\b\d{1,2}[ /.-]\w{3,9}[ /.-](19|20)\d\d\b|\b\w{3,9} \d{1,2},? (19|20)\d\d\b")
SENTENCE_MIN_WORDS = 4
IN_ARTICLE_INSERTS = {"related-links", "ad", "caption", "share", "font-controls", "promo", "url"}
MAX_INSERT_LINES = 8


@dataclass
class Verdict:
    text: str
    kind: str | None = None  # None: body


def choose_article(verdicts: list[Verdict], keep: list[bool]) -> None:
    """Settle ``keep`` (the judge's per-line verdict) on the article's block, in place."""
    _extend_body(verdicts, keep)
    _fill_gaps(verdicts, keep)
    _keep_main_blocks(verdicts, keep)
    _cut_after_comments(verdicts, keep)
    _prefer_post_above_related(verdicts, keep)
    _start_after_header(verdicts, keep)
    _reach_back_to_header(verdicts, keep)


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
                start, end = prose_run(verdicts[:i])
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


def _prefer_post_above_related(verdicts: list[Verdict], keep: list[bool]) -> None:
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


def _card_list(verdicts: list[Verdict], keep: list[bool]) -> bool:
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
# a headline run into its blurb: "SteakhouseA party", "Macy'sThe"; not an opening quote ("on 'The")
TEASER_JOIN = re.compile(r"(?:[a-z?!]|(?<=\w)['’])[A-Z][a-z]* [a-z0-9]")
INLINE_DATELINE = re.compile(r"\w \w+ [A-Z]{3,}(?: [A-Z]{2,})*\s?[:—–]\s")


def _start_after_header(verdicts: list[Verdict], keep: list[bool]) -> None:
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
                and _heads_article(v.text):
            above = [verdicts[j].text for j in kept if j < i and len(verdicts[j].text.split()) >= SENTENCE_MIN_WORDS]
            kept_above = [verdicts[j].text for j in kept if j < i]
            prose_above = sum(len(t.split()) for t in kept_above if reads_as_sentence(t))
            menus_above = prose_above < MENU_PROSE_SHARE * sum(len(t.split()) for t in kept_above)
            if above and sum(map(_reads_as_teaser, above)) >= TEASER_SHARE * len(above) or menus_above:
                for j in range(kept[0], i + 1):
                    keep[j] = False
            return


REACH_LINES = 10  # a date line or byline this far above the first kept line still heads the article
REACH_SHARE = 0.5  # of the words between them in sentences


def _reach_back_to_header(verdicts: list[Verdict], keep: list[bool]) -> None:
    """The article runs from its date line or byline: unmarked lines between it and the first
    kept line, mostly sentences, are the article's opening (a lede, a summary with its list)."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return
    for h in range(first - 1, max(-1, first - 1 - REACH_LINES), -1):
        v = verdicts[h]
        if _heads_article(v.text):
            between = [verdicts[j] for j in range(h + 1, first)]
            if not between or any(b.kind is not None and b.kind not in IN_ARTICLE_INSERTS for b in between):
                return
            words = sum(len(b.text.split()) for b in between)
            prose = sum(len(b.text.split()) for b in between if reads_as_sentence(b.text))
            if prose >= REACH_SHARE * words:
                for j in range(h + 1, first):
                    keep[j] = verdicts[j].kind is None
            return


HEADER_SENTENCE_WORDS = 6  # a date line that reads as a sentence of more words is a sentence


def _heads_article(text: str) -> bool:
    """A date line or a byline: what opens an article. A sentence that gives a date ("The
    commission plans to hold elections on December 15 2013.") is the article's text."""
    if is_date_line(text):
        return not (reads_as_sentence(text) and len(text.split()) > HEADER_SENTENCE_WORDS)
    return bool(parse_byline(text))


def _reads_as_teaser(text: str) -> bool:
    """A teaser card: another story's headline run into its blurb, with no break between them
    ("...Troy SteakhouseA party of six left ...") or with the blurb's dateline between them
    ("... fraud scheme in US NEW YORK: An Indian-origin ...")."""
    return bool(TEASER_JOIN.search(text[:TEASER_HEAD_CHARS]) or INLINE_DATELINE.search(text[:TEASER_HEAD_CHARS]))


def _keep_main_blocks(verdicts: list[Verdict], keep: list[bool]) -> None:
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
                keep[i] and reads_as_sentence(verdicts[i].text) for i in range(r[0], r[1] + 1))):
            for i in range(r[0], r[1] + 1):
                keep[i] = False


def _extend_body(verdicts: list[Verdict], keep: list[bool]) -> None:
    """Grow the body over neighbouring lines that read as sentences.

    The classifier learned on pages whose paragraphs are long; a short closing paragraph next
    to the body is body all the same, and losing body costs more than keeping a sentence.
    """
    # the unmarked sentences, found once: each pass asks only them
    sentences = [i for i, v in enumerate(verdicts) if v.kind is None and reads_as_sentence(v.text)]
    changed = True
    while changed:
        changed = False
        for i in sentences:
            if keep[i]:
                continue
            if _body_neighbour(verdicts, keep, i, -1) or _body_neighbour(verdicts, keep, i, 1):
                keep[i] = changed = True


def prose_run(verdicts: list[Verdict]) -> tuple[int, int]:
    """The stretch with the most sentence words, looking through lines the rules already cut
    (ads, "Baca juga" lists): where the article is when the classifier sees none."""
    return heaviest_run([_prose_weight(v) for v in verdicts], max_gap=1)


def _prose_weight(v: Verdict, long_line_words: int | None = None) -> int | None:
    """A line's words when it reads as a sentence (or, given ``long_line_words``, is that long:
    a paragraph may end in a link with no full stop), 0 when it does not, None for a cut line."""
    if v.kind is not None:
        return None
    words = len(v.text.split())
    if words >= 4 and SENTENCE_END.search(v.text) or long_line_words and words >= long_line_words:
        return words
    return 0


def _fill_gaps(verdicts: list[Verdict], keep: list[bool]) -> None:
    """A short unmarked line with body right above and right below is a subheading or a short
    paragraph of the article ("Club statement"), not boilerplate."""
    for i in range(1, len(verdicts) - 1):
        if not keep[i] and verdicts[i].kind is None and keep[i - 1] and keep[i + 1] \
                and not is_date_line(verdicts[i].text):
            keep[i] = True


def _body_neighbour(verdicts: list[Verdict], keep: list[bool], i: int, step: int) -> bool:
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


def reads_as_sentence(text: str) -> bool:
    return len(text.split()) >= SENTENCE_MIN_WORDS and bool(SENTENCE_END.search(text))


def is_date_line(text: str) -> bool:
    # a year holds "19" or "20": two substring tests spare most lines the split and the scans
    return ("19" in text or "20" in text) and len(text.split()) <= 12 and bool(YEAR.search(text)) \
        and bool(DATE_SHAPE.search(text))


def mark_related_lists(verdicts: list[Verdict]) -> None:
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
    if looks_like_headline(text):
        return not SENTENCE_END.search(text)
    # a headline in sentence case may ask or exclaim, it does not end in a full stop
    return len(words) >= LINK_ITEM_MIN_WORDS and not STATEMENT_END.search(text)


STATEMENT_END = re.compile(r"[.。]['\"”’»)]*$")
TRUNCATED = re.compile(r"\w(\.\.\.|…)$")
LINK_ITEM_MIN_WORDS = 5  # a sentence-case headline; a shorter line may be a subheading


def looks_like_headline(text: str) -> bool:
    initials = "".join(filter(str.isalpha, map(_FIRST, text.split())))  # of the words that start with a letter
    if len(initials) < 3:
        return False
    return sum(map(str.isupper, initials)) / len(initials) >= 0.6


_FIRST = itemgetter(0)
