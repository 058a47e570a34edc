"""The headline of a page.

On a portal the headline sits under the menus and above the byline/date block, the photo and
the first paragraph. Walking up from the first body line, the first line shaped like a headline
is it: share bars, app prompts, bylines, breadcrumbs, captions and date lines on the way are
never headlines, and whatever sits further up (menus, section names, the logo) is further from
the article than the headline is.
"""

from __future__ import annotations

import re

from kabar.clean.metadata import find_dateline, parse_byline
from kabar.clean.published import date_in_line
from kabar.clean.rules import caption_marker, rule_kind

URL_LINE = re.compile(r"^(https?://|www\.|bit\.ly/|t\.co/)\S+$|^\S+\.(com|id|co|net|org)/\S*$", re.I)
# A hyphen inside a word ("Alun-Alun", a section name) does not break a menu; one between words does.
MENU_BREAKERS = re.compile(r"[\d,:;?!\"“”'‘’()]|(?<!\w)-|-(?!\w)")
# A full stop or colon, also inside closing quotes ('... departed "The Hunger Games."'): a sentence.
SENTENCE_CLOSE = re.compile(r"[.:]['\"”’»)]*$")
MAX_TITLE_DISTANCE = 12  # lines above the body searched for the headline
# Kinds a headline may have been given by the line judge (a headline above the body is often
# judged navigation); a share bar or byline never is one.
FIRST_CHOICE_KINDS = (None, "navigation", "other", "header", "title")
# The cleaner calls the lines kept above an opening dateline "caption" when a photo credit is
# next to them, and the headline often is ("Headline / Foto : AFP / caption / JAKARTA - ...").
# Such a line is still a headline when it is shaped like one and carries no caption marker of
# its own; it is asked only when no line of the kinds above qualifies.
SECOND_CHOICE_KINDS = ("caption",)
CANDIDATE_KINDS = FIRST_CHOICE_KINDS + SECOND_CHOICE_KINDS  # every kind the chosen headline may carry


def is_title_shaped(text: str) -> bool:
    words = text.split()
    if not 3 <= len(words) <= 30 or SENTENCE_CLOSE.search(text):
        return False
    if rule_kind(text) or parse_byline(text) or URL_LINE.match(text) or date_in_line(text):
        return False
    if len(words) >= 8 and all(w[:1].isupper() for w in words) and not MENU_BREAKERS.search(text):
        return False  # capitalised words with no "dan"/"di", digit or punctuation: a menu, not a headline
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“'‘"


def choose_title(given: str | None, page, texts: list[str], kinds: list[str | None]) -> str | None:
    """The headline among a page's judged lines (``kinds[i]`` None means body)."""
    if given and given.strip():
        return given.strip()
    if page is not None and page.title:
        # The page's own headline line when one is a prefix of the <title> ("Headline - Site").
        matching = [t for t in texts if len(t.split()) >= 3 and page.title.startswith(t)]
        if matching:
            return max(matching, key=len)
        return re.split(r"\s+[|\-–—]\s+(?=[^|\-–—]*$)", page.title)[0].strip() or None
    first_body = next((i for i, k in enumerate(kinds) if k is None), None)
    if first_body is None:
        return None
    # The line judge (or pre-extracted text) may have kept the headline as the first body line;
    # a lede reads as a sentence and is not headline-shaped.
    t = texts[first_body]
    if is_title_shaped(t) and first_body + 1 < len(texts) and find_dateline(t) is None:
        return t
    above = range(first_body - 1, max(-1, first_body - 1 - MAX_TITLE_DISTANCE), -1)
    for i in above:
        if kinds[i] in FIRST_CHOICE_KINDS and is_title_shaped(texts[i]):
            return texts[i]
    marker = caption_marker()
    for i in above:
        if kinds[i] in SECOND_CHOICE_KINDS and is_title_shaped(texts[i]) and not marker.search(texts[i]):
            return texts[i]
    return None
