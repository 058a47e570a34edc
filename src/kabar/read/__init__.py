"""Read: files and folders to raw documents, one module per input format.

Every input item becomes either a RawDocument or a Rejected with a one-line reason; a bad item
never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..records import RawDocument, Rejected
from .files import read_html_file, read_text_file
from .jsonl import parse_record, read_jsonl
from .warc import read_warc

FORMATS = ("txt", "html", "jsonl", "warc")
_BY_SUFFIX = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
              ".ndjson": "jsonl", ".warc": "warc", ".warc.gz": "warc"}


def format_of(path: Path) -> str | None:
    """The reader for a file name; "x.jsonl.gz" is read as JSONL, decompressed on the fly."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _BY_SUFFIX.get(Path(name).suffix)


def read_paths(paths: Iterable[str | Path], format: str | None = None) -> Iterator[RawDocument | Rejected]:
    """Every document under the given files and folders (folders recursively, in name order)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for file in files:
                fmt = format or format_of(file)
                if fmt is not None:
                    yield from read_file(file, fmt)
        elif path.exists():
            fmt = format or format_of(path)
            if fmt is None:
                yield Rejected(str(path), f"unknown format (extension {path.suffix or 'none'}); use --format {'|'.join(FORMATS)}")
            else:
                yield from read_file(path, fmt)
        else:
            yield Rejected(str(path), "no such file or folder")


def read_file(path: Path, fmt: str) -> Iterator[RawDocument | Rejected]:
    readers: dict[str, Callable[[Path], Iterator[RawDocument | Rejected]]] = {
        "txt": lambda p: iter([read_text_file(p)]),
        "html": lambda p: iter([read_html_file(p)]),
        "jsonl": read_jsonl,
        "warc": read_warc,
    }
    if fmt not in readers:
        yield Rejected(str(path), f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return
    for item in readers[fmt](path):
        # A reason is one line whatever a library's message held: the CLI prints one per item.
        if isinstance(item, Rejected) and not (item.reason.isprintable() and item.source.isprintable()):
            item = Rejected(" ".join(item.source.split()), " ".join(item.reason.split()) or "unreadable")
        yield item


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


__all__ = ["FORMATS", "format_of", "parse_record", "read_file", "read_paths"]
