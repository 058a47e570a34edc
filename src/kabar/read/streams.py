"""Opening inputs as byte streams: plain or gzip-compressed, read in bounded pieces.

A compressed input is never decompressed whole: readers take at most their limit plus one byte,
so a small file that inflates to gigabytes (a "zip bomb") is refused by size like any other.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# What a damaged gzip stream raises part-way through: a bad header, a bad block, a cut end.
GZIP_ERRORS = (gzip.BadGzipFile, zlib.error, EOFError)
_CHUNK = 1024 * 1024


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def open_input(path: Path) -> BinaryIO:
    """The file's bytes, decompressed on the fly when its name ends in .gz."""
    return gzip.open(path, "rb") if is_gzip(path) else path.open("rb")


def read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the (decompressed) file: one more than allowed means too big."""
    with open_input(path) as stream:
        return stream.read(limit + 1)


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line) for every line; a line longer than ``limit`` comes as its length
    instead, skipped in chunks so memory stays bounded whatever the line's size."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        length = len(line)
        while True:
            piece = stream.readline(_CHUNK)
            length += len(piece)
            if not piece or piece.endswith(b"\n"):
                break
        yield number, length
