"""Find quoted spans in paragraphs: pair quotation marks, including Kompas' ” used both ways,
mismatched pairs and quotations running over paragraphs.

A mark's role comes from its shape where it has one (“ „ « `` open, » closes) and otherwise
from its surroundings: a mark glued to the word after it opens, one glued to the word before it
closes; when both or neither hold, parity decides (the next mark closes an open quotation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

MARK = re.compile(r"''|``|[\"“”„«»‟]")
OPENERS = {"“", "„", "«", "``", "‟"}
CLOSERS = {"»"}
# Characters after which a mark glued to the next word is taken as opening.
OPEN_CONTEXT = set("([{—–-/:")
# Characters a closing mark may be followed by.
CLOSE_CONTEXT = set(",.;:!?)]}—–-…")
# A quotation whose opening mark was lost is recovered only when it is this long.
MIN_RECOVERED_WORDS = 4


@dataclass(frozen=True)
class Position:
    paragraph: int
    offset: int

    def key(self) -> tuple[int, int]:
        return (self.paragraph, self.offset)


@dataclass(frozen=True)
class QuotedSpan:
    """Quoted words between an opening mark (``opened``: offset of the mark) and a closing one
    (``closed_at``: offset just after the mark; the paragraph end when no mark closed it)."""

    text: str
    opened: Position
    closed_at: Position
    text_start: Position
    text_end: Position
    closed: bool


def _mark_shape(paragraph: str, start: int, end: int) -> tuple[bool, bool]:
    """(looks opening, looks closing) from the characters around the mark."""
    before = paragraph[start - 1] if start > 0 else " "
    after = paragraph[end] if end < len(paragraph) else " "
    opening = (before.isspace() or before in OPEN_CONTEXT) and not after.isspace() and after not in ",.;"
    closing = not before.isspace() and (after.isspace() or after in CLOSE_CONTEXT)
    return opening, closing


def _marks(paragraph: str, cue_after: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
    """(start, end, role) for each mark, role one of "open", "close", "either", or
    "close-cue" for a mark right before a reporting verb ('…, ”ujar Windhu'), which closes a
    quotation even when it is glued to the verb."""
    found = []
    for m in MARK.finditer(paragraph):
        mark = m.group()
        if mark in OPENERS:
            role = "open"
        elif mark in CLOSERS:
            role = "close"
        elif cue_after is not None and cue_after.match(paragraph, m.end()):
            role = "close-cue"
        else:
            opening, closing = _mark_shape(paragraph, m.start(), m.end())
            role = "open" if opening and not closing else "close" if closing and not opening else "either"
        found.append((m.start(), m.end(), role))
    return found


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(",").strip()


def find_quoted_spans(paragraphs: Sequence[str], cue_after: re.Pattern[str] | None = None) -> list[QuotedSpan]:
    """Quoted spans in text order. ``cue_after`` matches a reporting verb after a closing mark
    (" kata", " ujarnya"): such a mark closes a quotation, and when its opening mark was lost,
    the quotation is taken from the start of the paragraph (or the previous quotation's end)."""
    marks = [_marks(p, cue_after) for p in paragraphs]
    spans: list[QuotedSpan] = []
    open_at: Position | None = None  # the opening mark of the quotation in progress
    text_from: Position | None = None
    pieces: list[str] = []

    def finish(end: Position, closed_at: Position, closed: bool) -> None:
        nonlocal open_at, text_from, pieces
        assert open_at is not None and text_from is not None
        pieces.append(paragraphs[end.paragraph][(text_from.offset if text_from.paragraph == end.paragraph else 0):end.offset])
        text = _clean(" ".join(pieces))
        if text:
            spans.append(QuotedSpan(text, open_at, closed_at, text_from, end, closed))
        open_at, text_from, pieces = None, None, []

    for index, paragraph in enumerate(paragraphs):
        last_close = 0
        for number, (start, end, role) in enumerate(marks[index]):
            if role == "close-cue":
                if open_at is None:
                    # The opening mark was lost: the quotation runs from the paragraph start.
                    if len(paragraph[last_close:start].split()) >= MIN_RECOVERED_WORDS:
                        open_at, text_from = Position(index, last_close), Position(index, last_close)
                        finish(Position(index, start), Position(index, end), True)
                    last_close = end
                    continue
                role = "close"
            if open_at is not None and open_at.paragraph < index and number == 0 and role != "close":
                # A quotation continued from the previous paragraph re-opens here.
                text_from = Position(index, end)
                continue
            if open_at is None:
                if role == "close":
                    continue  # a stray closing mark: its opening was lost
                open_at, text_from = Position(index, start), Position(index, end)
                continue
            if role == "open":
                # The quotation in progress never closed; a new one starts here.
                finish(Position(index, start), Position(index, start), False)
                open_at, text_from = Position(index, start), Position(index, end)
                continue
            finish(Position(index, start), Position(index, end), True)
            last_close = end
        if open_at is not None:
            following = marks[index + 1] if index + 1 < len(paragraphs) else []
            continues = (
                following
                and following[0][2] != "close"
                and not paragraphs[index + 1][: following[0][0]].strip()
            )
            if continues:
                assert text_from is not None
                pieces.append(paragraph[text_from.offset if text_from.paragraph == index else 0:])
                text_from = Position(index + 1, 0)
            else:
                finish(Position(index, len(paragraph)), Position(index, len(paragraph)), False)
    return spans
