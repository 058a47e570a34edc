"""Name lists turned into compact lookup tables for the tagger's features.

Built at training time from ../shared/data/gazetteer (person/place/organization lists, one name a
line) and shipped inside the package as ``data/ner/gazetteer.tsv.gz``: phrases of up to
``MAX_PHRASE_TOKENS`` tokens with the set of types they were listed under. Single tokens of longer
names are kept too (as "part of a PER name" etc.) because news text often shows only a piece.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_PHRASE_TOKENS = 4
SOURCE_FILES = {"PER": "person.txt", "LOC": "place.txt", "ORG": "organization.txt"}
_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*\.?|[^\w\s]", re.UNICODE)


def split_name(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass
class Gazetteer:
    # "vladimir putin" -> "PER"; "jawa barat" -> "LOC"; a phrase listed under two types -> "LOC|ORG"
    phrases: dict[str, str] = field(default_factory=dict)
    # lower-cased token -> types of the names it is part of ("putin" -> "PER")
    tokens: dict[str, str] = field(default_factory=dict)

    def dump(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
            for phrase, types in sorted(self.phrases.items()):
                out.write(f"P\t{phrase}\t{types}\n")
            for token, types in sorted(self.tokens.items()):
                out.write(f"T\t{token}\t{types}\n")

    @classmethod
    def load(cls, path: Path) -> "Gazetteer":
        gaz = cls()
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                kind, key, types = line.rstrip("\n").split("\t")
                (gaz.phrases if kind == "P" else gaz.tokens)[key] = types

        return gaz


def _merge(table: dict[str, str], key: str, typ: str) -> None:
    old = table.get(key)
    if old is None:
        table[key] = typ
    elif typ not in old.split("|"):
        table[key] = "|".join(sorted(old.split("|") + [typ]))


def build_gazetteer(gazetteer_dir: Path, min_token_len: int = 2) -> Gazetteer:
    gaz = Gazetteer()
    for typ, name in SOURCE_FILES.items():
        # The lists are Windows-1252 with CRLF line ends.
        text = (gazetteer_dir / name).read_bytes().decode("cp1252", errors="replace")
        for line in text.splitlines():
            tokens = split_name(line.strip())
            if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
                continue
            if any(t[0].isdigit() for t in tokens):  # schools "SDN 08", not useful for news
                continue
            _merge(gaz.phrases, " ".join(tokens).lower(), typ)
            for token in tokens:
                if len(token) >= min_token_len and token[0].isupper():
                    _merge(gaz.tokens, token.lower(), typ)
    return gaz
