"""Sentences of a story's articles, with where they came from and whether they can be news.

Every later part of the brief (summary, timeline, coverage) works on these sentences, so they
keep their article, outlet, position and character span in the joined body: that span is what
ties a resolved date (``DateRef.start``) to the sentence that tells what happened on it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kabar.records import Article

_QUOTE_MARK = re.compile("[\"“”]")
_WORD = re.compile(r"\w+", re.UNICODE)
BOILERPLATE_MAX_WORDS = 30
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
# A full stop (or ! ?), perhaps a closing quote or bracket, then space and a capital, a digit or an
# opening quote: the usual end of a sentence in news text.
_BOUNDARY = re.compile(r"([.!?…]+[\"”’')\]]*)\s+(?=[\"“‘'(]?[A-Z0-9\u00C0-\u024F])")
# "JAKARTA - ", "Antv – ", "BEIJING, KOMPAS.com — ": a dateline glued to the lead paragraph.
_DATELINE = re.compile(r"^[^\s.!?\"“]{1,25}(?:[ ,][^\s.!?\"“]{1,25}){0,3}\s+[-–—]+\s+")


@dataclass(frozen=True)
class LanguageData:
    boilerplate_start: re.Pattern[str]
    boilerplate_anywhere: tuple[re.Pattern[str], ...]
    abbreviations: frozenset[str]
    dangling: re.Pattern[str]  # openings that lean on the sentence before ("Ia", "Hal itu")


@lru_cache(maxsize=None)
def language_data(language: str) -> LanguageData:
    """Boilerplate patterns and abbreviations of one language (kabar/lang/<lang>_brief.json);
    a language without a file borrows English, whose page furniture most sites share."""
    name = f"{language}_brief.json"
    folder = resources.files("kabar.lang")
    if not folder.joinpath(name).is_file():
        name = "en_brief.json"
    data = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    patterns = data["boilerplate"]
    return LanguageData(
        # Anchored patterns in one alternation tried at the start only; the others one by one, as a
        # pattern that starts with a literal is searched fast, and an alternation of them is not.
        boilerplate_start=re.compile("|".join(f"(?:{p[1:]})" for p in patterns if p.startswith("^"))),
        boilerplate_anywhere=tuple(re.compile(p) for p in patterns if not p.startswith("^")),
        abbreviations=frozenset(data["abbreviations"]),
        dangling=re.compile(r"(?:%s)\b" % "|".join(map(re.escape, data.get("dangling", ["\0"])))),
    )


@dataclass(frozen=True)
class Sentence:
    text: str
    article_id: str
    position: int  # index of the sentence in its article
    paragraph: int
    start: int  # character span in "\n".join(article.body)
    end: int
    newsworthy: bool  # not boilerplate, not a bare quote, long enough to state a fact
    standalone: bool = True  # does not open with a pronoun that needs the sentence before


def split_text(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.end(1)
        before = text[begin:match.start(1)]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        # "Dr. Budi", "U.S. officials", "H. Ahmad": a known abbreviation does not end a sentence.
        if match.group(1) == "." and last_word.lower().lstrip("(\"“") in abbreviations:
            continue
        spans.append((begin, cut))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def unquoted(paragraph: str) -> str:
    """The paragraph with quoted words blanked out (same length, so sentence spans still fit).

    Quotes run across sentences ('"It was hard. I am better now," she said.'), and a quote left
    open runs to the paragraph's end; a closing mark with no opening one closes a quote begun in
    an earlier paragraph. A straight or Kompas-style mark (” for both) opens when a space or the
    paragraph's start is before it, and closes otherwise.
    """
    chars = list(paragraph)
    inside_from: int | None = None
    curly = "“" in paragraph
    for i, char in enumerate(paragraph):
        if char == "“" or (char in "\"”" and not (char == "”" and curly)
                          and (i == 0 or paragraph[i - 1].isspace() or paragraph[i - 1] in "([")
                          and i + 1 < len(paragraph) and not paragraph[i + 1].isspace()):
            if inside_from is None:
                inside_from = i
            continue
        if char in "\"”":
            start = 0 if inside_from is None else inside_from
            chars[start:i + 1] = " " * (i + 1 - start)
            inside_from = None
    if inside_from is not None:
        chars[inside_from:] = " " * (len(chars) - inside_from)
    return "".join(chars)


def is_boilerplate(paragraph: str, data: LanguageData) -> bool:
    """Page furniture comes in short paragraphs of its own ("Baca juga: ...", "Editor: ...");
    a long paragraph that mentions "hak cipta" is news about copyright. (Checking paragraphs, and
    only short ones, also keeps this slow alternation of patterns off most of the text.)"""
    if len(paragraph.split()) > BOILERPLATE_MAX_WORDS:
        return False
    lower = paragraph.lower()
    return bool(data.boilerplate_start.match(lower) or any(p.search(lower) for p in data.boilerplate_anywhere))


def _states_a_fact(text: str, outside_quotes: str | None = None) -> bool:
    """Long enough, not a headline, not just a quote. ``outside_quotes`` is the sentence with
    its quoted words blanked (see ``unquoted``), None when its paragraph quotes nobody."""
    words = text.split()  # str.split, not a regex: this runs on every sentence of a story
    if len(words) < 6 or text.rstrip().endswith((":", "?")):  # a question states no fact
        return False
    if not any(w.lstrip("\"“'(")[:1].islower() for w in words):  # a headline of capitalised words
        return False
    if outside_quotes is None:
        return True
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    if stripped and outside_quotes[lead:lead + 1] == " " and stripped[0] not in "\"“”":
        return False  # it begins inside a quote opened by the sentence before: a fragment of it
    # '"...," tambahnya.': the words without the speaker are a quote, not a stated fact.
    return len(_WORD.findall(outside_quotes)) >= 4


def numbers_of(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def numbers_disagree(first: set[str], second: set[str]) -> bool:
    """Each of two statements of one fact gives a number the other does not."""
    return bool(first - second and second - first)


def conflicting_numbers(first: str, second: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """When two statements of one fact disagree on numbers (120 vs 150 diplomats, the 21st vs
    the 22nd), the numbers only each gives; None when they do not disagree."""
    numbers_a, numbers_b = numbers_of(first), numbers_of(second)
    if not numbers_disagree(numbers_a, numbers_b):
        return None
    return tuple(sorted(numbers_a - numbers_b)), tuple(sorted(numbers_b - numbers_a))


def strip_dateline(text: str, dateline: str | None) -> str:
    if dateline and text.startswith(dateline):
        return text[len(dateline):].lstrip(" -–—,")
    return _DATELINE.sub("", text, count=1)


def article_sentences(article: Article, judged: int | None = None,
                      also_at: Sequence[int] = ()) -> list[Sentence]:
    """The article's sentences in order. Only the first ``judged`` (all by default), and those
    holding one of the character offsets ``also_at``, are checked for being newsworthy; the rest
    are marked not, which saves the check where nobody asks."""
    data = language_data(article.language or "en")
    marks = sorted(o for o in also_at if o >= 0)
    sentences: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(article.body):
        end = offset + len(paragraph)

        def asked(start: int, stop: int) -> bool:
            if judged is None or len(sentences) < judged:
                return True
            i = bisect_left(marks, start)
            return i < len(marks) and marks[i] <= stop

        in_reach = asked(offset, end)
        outside = unquoted(paragraph) if in_reach and _QUOTE_MARK.search(paragraph) else None
        furniture = not in_reach or is_boilerplate(paragraph, data)
        for a, b in split_text(paragraph, data.abbreviations):
            raw = paragraph[a:b]
            text = raw.strip()
            if number == 0 and not sentences:
                text = strip_dateline(text, article.dateline)
            start = offset + a + (len(raw) - len(raw.lstrip()))
            newsworthy = (not furniture and asked(offset + a, offset + b)
                          and _states_a_fact(text, None if outside is None else outside[a:b]))
            standalone = not (newsworthy and data.dangling.match(text.lstrip("\"“‘'(").lower()))
            sentences.append(Sentence(text=text, article_id=article.id, position=len(sentences),
                                      paragraph=number, start=start, end=offset + b, newsworthy=newsworthy,
                                      standalone=standalone))
        offset = end + 1
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence whose span holds a character offset of the joined body (sentences in order)."""
    index = bisect_right([s.start for s in sentences], offset) - 1
    if index >= 0 and offset <= sentences[index].end:
        return sentences[index]
    return None
