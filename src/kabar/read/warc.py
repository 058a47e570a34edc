"""WARC archives (.warc, .warc.gz): each HTML response or resource record is one article."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ..records import RawDocument, Rejected
from .decode import NotText, decode_bytes
from .limits import MAX_RECORD_BYTES, text_too_large
from .markup import too_deep

MAX_REASON_CHARS = 300


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a several-line warning straight to stderr for each record whose declared
    length is wrong; that would break the one-line-per-item output. It still counts them
    (err_count), and a damaged record shows up below as a cut or unreadable archive."""

    INC_RECORD = ""
_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain")


def read_warc(path: Path) -> Iterator[RawDocument | Rejected]:
    count = 0
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            records = _QuietArchiveIterator(stream)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
                content_type = _content_type(record)
                if content_type and not content_type.startswith(_PAGE_TYPES):
                    continue
                # Read one byte past the limit so an oversized (or decompression-bomb) body is
                # recognised without holding it all in memory.
                payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(payload) > MAX_RECORD_BYTES:
                    yield Rejected(where, f"record larger than {MAX_RECORD_BYTES // (1024 * 1024)} MiB")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # warcio stops quietly at a cut gzip member: the record is shorter than declared.
                    raise EOFError(f"record {url or ''} ends early")
                try:
                    content, _ = decode_bytes(payload)
                except NotText as error:
                    yield Rejected(where, str(error))
                    continue
                count += 1
                is_html = (content_type or "").startswith(("text/html", "application/xhtml")) or "<html" in content[:2000].lower()
                if reason := (too_deep(content) if is_html else text_too_large(content)):
                    yield Rejected(where, reason)
                    continue
                record_id = hashlib.sha1((url or where).encode()).hexdigest()[:16]
                yield RawDocument(
                    id=f"warc-{record_id}", source=where, url=url,
                    # WARC-Date is when the page was crawled, not published: not used as a date.
                    html=content if is_html else None, text=None if is_html else content,
                )
            if records.offset < size:
                raise EOFError(f"{size - records.offset} bytes after the last whole record")
    except Exception as error:  # noqa: BLE001 - warcio fails on broken records in assorted ways
        # (ArchiveLoadFailed, EOFError, ValueError, zlib errors, and AttributeError on a response
        # record without WARC-Target-URI): each means the archive cannot be read past here.
        reason = "truncated or corrupt archive" if count else "not a readable WARC archive"
        detail = " ".join(str(error).split())[:MAX_REASON_CHARS]  # warcio's messages span lines
        if isinstance(error, (AttributeError, TypeError, KeyError, IndexError)):
            detail = f"malformed record headers; {detail}"  # warcio tripped over a missing header
        yield Rejected(str(path), f"{reason} after {count} records ({type(error).__name__}: {detail})")


def _content_type(record) -> str | None:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
    else:
        value = record.rec_headers.get_header("Content-Type")
    return value.split(";")[0].strip().lower() if value else None
