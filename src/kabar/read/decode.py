"""Bytes to text: detect the encoding where the input does not declare it, refuse what is not text."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# A file is "binary" when control bytes other than whitespace make up more than this share of it
# (after any UTF-16/32 decoding): text in any real encoding has almost none.
_MAX_CONTROL_SHARE = 0.01
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are empty or not text in any encoding we can recover."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raises NotText with a one-line reason."""
    if not data.strip():
        raise NotText("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding)
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _checked(data.decode(encoding, errors="replace"), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(0) > len(data) * _MAX_CONTROL_SHARE:
        raise NotText("binary content (not text in any known encoding)")
    mixed = _decode_mixed(data)
    if mixed is not None:
        return _checked(mixed, "utf-8+cp1252")
    best = from_bytes(data).best()
    if best is None:
        # Latin-1 decodes every byte; cp1252 is what unlabelled Western pages usually are.
        return _checked(data.decode("cp1252", errors="replace"), "cp1252")
    return _checked(str(best), best.encoding)


def _decode_mixed(data: bytes) -> str | None:
    """Text pasted together from UTF-8 and a legacy encoding (a UTF-8 page quoting a cp1252 one,
    a file with a few stray bytes): UTF-8 where a line is UTF-8, cp1252 for the lines that are not.
    Whole-file detection would misread the UTF-8 part as mojibake. None when no line is
    non-ASCII UTF-8 (the file is in one legacy encoding: detection decides) or most is not UTF-8."""
    lines = data.splitlines(keepends=True)
    decoded, utf8_bytes, legacy_bytes = [], 0, 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_bytes += len(line) if not line.isascii() else 0
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            legacy_bytes += len(line)
    if utf8_bytes == 0 or legacy_bytes > 0.5 * len(data):
        return None
    return "".join(decoded)


def _looks_utf16(data: bytes) -> bool:
    # UTF-16 text without a BOM has a NUL in nearly every other byte.
    sample = data[:4000]
    if len(sample) < 4:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _checked(text: str, encoding: str) -> tuple[str, str]:
    text = text.replace("\x00", "")
    if not text.strip():
        raise NotText("empty file")
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f\v")
    replaced = text.count("\ufffd")
    if controls + replaced > len(text) * max(_MAX_CONTROL_SHARE, 0.05):
        raise NotText(f"binary content (not text; {controls + replaced} control bytes as {encoding})")
    return text, encoding
