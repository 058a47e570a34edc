"""JSONL: one article a line, as CONTRACT.md defines (plain or .jsonl.gz).

Streamed line by line with a bounded line length, so a file of any size reads in bounded memory.
"""

from __future__ import annotations

import json
import re
from datetime import date
from collections.abc import Iterator
from pathlib import Path

from ..records import RawDocument, Rejected
from .decode import NotText, decode_bytes
from .limits import MAX_LINE_BYTES, text_too_large
from .markup import too_deep
from .streams import GZIP_ERRORS, bounded_lines, open_input

_OPTIONAL_STRINGS = ("url", "outlet", "published", "title", "language")
_ISO_START = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ]\d)")


def read_jsonl(path: Path) -> Iterator[RawDocument | Rejected]:
    try:
        handle = open_input(path)
    except OSError as error:
        yield Rejected(str(path), f"cannot read file ({error.strerror or error})")
        return
    seen_any = False
    number = 0
    try:
        with handle:
            for number, raw in bounded_lines(handle, MAX_LINE_BYTES):
                where = f"{path}:{number}"
                if isinstance(raw, int):
                    seen_any = True
                    yield Rejected(where, f"line too long ({raw} bytes > {MAX_LINE_BYTES // (1024 * 1024)} MiB)")
                    continue
                if not raw.strip():
                    continue
                seen_any = True
                yield _parse_line(raw, where)
    except GZIP_ERRORS as error:
        yield Rejected(str(path), f"corrupt or truncated gzip after line {number} ({type(error).__name__}: {error})")
        return
    except OSError as error:
        yield Rejected(str(path), f"cannot read file after line {number} ({error.strerror or error})")
        return
    if not seen_any:
        yield Rejected(str(path), "empty file")


def _parse_line(raw: bytes, where: str) -> RawDocument | Rejected:
    try:
        line, _ = decode_bytes(raw)
    except NotText as error:
        return Rejected(where, str(error))
    return parse_json_line(line, where)


def parse_json_line(line: str, where: str) -> RawDocument | Rejected:
    """One decoded JSONL line (also what the Spark job reads) to a RawDocument, or its reason."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Rejected(where, f"invalid JSON ({error.msg} at column {error.colno})")
    except RecursionError:
        return Rejected(where, "invalid JSON (nested too deeply)")
    return parse_record(record, where)


def is_date(value: str) -> bool:
    """An ISO date or datetime the calendar has ("2025-01-14", "2025-01-14T08:00:00+07:00"), or a
    bare "YYYY-MM" or "YYYY": not year 0, month 13 or February 30."""
    match = _ISO_START.match(value.strip())
    if not match:
        return False
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def parse_record(record: object, where: str) -> RawDocument | Rejected:
    """One JSON object of the input format to a RawDocument, or the reason it is not one."""
    if not isinstance(record, dict):
        return Rejected(where, f"expected a JSON object, got {type(record).__name__}")
    article_id = record.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        return Rejected(where, "field 'id' must be a non-empty string")
    # The id names the item in a one-line reason: its whitespace (newlines too) collapsed.
    where = f"{where} (id {' '.join(article_id.split())[:100]})"
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        return Rejected(where, "needs a 'text' or an 'html' field")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return Rejected(where, f"field '{name}' must be a string, got {type(value).__name__}")
    optional = {}
    for name in _OPTIONAL_STRINGS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return Rejected(where, f"field '{name}' must be a string, got {type(value).__name__}")
        optional[name] = value.strip() or None if isinstance(value, str) else None
    if not (text or "").strip() and not (html or "").strip():
        return Rejected(where, "empty article text")
    if optional["published"] is not None and not is_date(optional["published"]):
        return Rejected(where, f"field 'published' is not a date (ISO YYYY-MM-DD, YYYY-MM or YYYY): {optional['published'][:40]!r}")
    if text and (reason := text_too_large(text)):
        return Rejected(where, reason)
    if html and not text and (reason := too_deep(html)):
        return Rejected(where, reason)
    return RawDocument(id=article_id.strip(), source=where, text=text if text else None,
                       html=html if html and not text else None, **optional)
