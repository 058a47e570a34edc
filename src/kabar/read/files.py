"""Single-article files: scraped page text (.txt) and saved web pages (.html, .htm), plain or .gz."""

from __future__ import annotations

from pathlib import Path

from ..records import RawDocument, Rejected
from .decode import NotText, decode_bytes
from .limits import MAX_FILE_BYTES, text_too_large
from .markup import too_deep
from .streams import GZIP_ERRORS, is_gzip, read_bounded



def read_text_file(path: Path) -> RawDocument | Rejected:
    text = _read(path)
    if isinstance(text, Rejected):
        return text
    if reason := text_too_large(text):
        return Rejected(str(path), reason)
    return RawDocument(id=_article_id(path), source=str(path), text=text)


def read_html_file(path: Path) -> RawDocument | Rejected:
    html = _read(path)
    if isinstance(html, Rejected):
        return html
    if "<" not in html:
        return Rejected(str(path), "not an HTML page (no markup)")
    if reason := too_deep(html):
        return Rejected(str(path), reason)
    return RawDocument(id=_article_id(path), source=str(path), html=html)


def _article_id(path: Path) -> str:
    """The file name without its extension, and without .gz before it ("a.txt.gz" -> "a")."""
    name = path.name[:-3] if is_gzip(path) else path.name
    return Path(name).stem


def _read(path: Path) -> str | Rejected:
    limit_mib = MAX_FILE_BYTES // (1024 * 1024)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Rejected(str(path), f"file too large ({size // (1024 * 1024)} MiB > {limit_mib} MiB)")
        data = read_bounded(path, MAX_FILE_BYTES)
    except GZIP_ERRORS as error:
        return Rejected(str(path), f"corrupt or truncated gzip ({type(error).__name__}: {error})")
    except OSError as error:
        return Rejected(str(path), f"cannot read file ({error.strerror or error})")
    if len(data) > MAX_FILE_BYTES:
        return Rejected(str(path), f"decompresses to more than {limit_mib} MiB (compressed bomb?)")
    try:
        text, _encoding = decode_bytes(data)
    except NotText as error:
        return Rejected(str(path), str(error))
    return text
