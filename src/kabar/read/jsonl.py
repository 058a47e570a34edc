"""JSONL: one article a line, as CONTRACT.md defines. Streamed, so a file of any size is fine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..records import RawDocument, Rejected
from .decode import NotText, decode_bytes

_OPTIONAL_STRINGS = ("url", "outlet", "published", "title", "language")
MAX_LINE_BYTES = 20 * 1024 * 1024


def read_jsonl(path: Path) -> Iterator[RawDocument | Rejected]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Rejected(str(path), f"cannot read file ({error.strerror or error})")
        return
    with handle:
        seen_any = False
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            seen_any = True
            where = f"{path}:{number}"
            if len(raw) > MAX_LINE_BYTES:
                yield Rejected(where, f"line too long ({len(raw)} bytes)")
                continue
            try:
                line, _ = decode_bytes(raw)
                record = json.loads(line)
            except NotText as error:
                yield Rejected(where, str(error))
                continue
            except json.JSONDecodeError as error:
                yield Rejected(where, f"invalid JSON ({error.msg} at column {error.colno})")
                continue
            yield parse_record(record, where)
        if not seen_any:
            yield Rejected(str(path), "empty file")


def parse_record(record: object, where: str) -> RawDocument | Rejected:
    """One JSON object of the input format to a RawDocument, or the reason it is not one."""
    if not isinstance(record, dict):
        return Rejected(where, f"expected a JSON object, got {type(record).__name__}")
    article_id = record.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        return Rejected(where, "field 'id' must be a non-empty string")
    where = f"{where} (id {article_id})"
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
    return RawDocument(id=article_id.strip(), source=where, text=text if text else None,
                       html=html if html and not text else None, **optional)
