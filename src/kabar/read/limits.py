"""What "too big" means: the limits past which an input item is refused with a reason.

Measured on this project's data and machine: the largest article text seen is ~20 KB (CLICK-ID)
and the largest scraped page text ~100 KB, the largest saved page 1.5 MB. Cleaning and annotating
take ~25 s for 1 MB of article text and grow faster than linearly (5 MB: 80 s, 600 MB of memory),
so one oversized "article" could stall an ingest for many minutes. The limits sit ten times and
more above real news, and below what would stall the pipeline.
"""

from __future__ import annotations

MIB = 1024 * 1024
MAX_FILE_BYTES = 50 * MIB  # a .txt/.html file (or its decompressed .gz), refused before reading
MAX_TEXT_CHARS = 1_000_000  # one article's text (a .txt file, a JSONL "text", a text/plain record)
MAX_LINE_BYTES = 20 * MIB  # one JSONL line (an "html" field can be a whole heavy page)
MAX_RECORD_BYTES = 20 * MIB  # one WARC record's payload


def text_too_large(text: str) -> str | None:
    """The reason an article text is too large to be one news article, or None."""
    if len(text) > MAX_TEXT_CHARS:
        return f"article text too large ({len(text) / 1e6:.1f} million characters > {MAX_TEXT_CHARS / 1e6:g} million)"
    return None
