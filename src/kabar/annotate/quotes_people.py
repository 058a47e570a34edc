"""The people of one article: every full name it gives, where each is mentioned, and the roles
they hold, so that short forms ("Wang"), pronouns ("katanya", "ia") and roles ("kata
Presiden") can be resolved to a full name."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Sequence

from kabar.annotate.quotes_names import Lexicon, SpeakerPhrase, is_capitalised, read_phrase
from kabar.records import EntityMention

WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d[\w/,.:-]*|[^\w\s]")

Key = tuple[int, int]  # (paragraph, character offset)


@dataclass
class Person:
    name: tuple[str, ...]
    entity: EntityMention | None = None
    roles: set[str] = field(default_factory=set)


@dataclass
class Mention:
    key: Key
    person: Person


@dataclass
class TokenizedParagraph:
    words: list[str]
    offsets: list[int]


def tokenize(paragraph: str) -> TokenizedParagraph:
    words, offsets = [], []
    for m in WORD.finditer(paragraph):
        words.append(m.group())
        offsets.append(m.start())
    return TokenizedParagraph(words, offsets)


class People:
    """Names and their mentions in one article, built from the speaker phrases the quotes gave,
    role + name runs ("Menteri Luar Negeri Rusia Sergei Lavrov") and linked entities."""

    def __init__(self, paragraphs: Sequence[TokenizedParagraph], lex: Lexicon,
                 quoted: Sequence[tuple[Key, Key]], entities: Sequence[EntityMention] = ()):
        self.lex = lex
        self.paragraphs = paragraphs
        self.quoted = sorted(quoted)
        self.runs: list[tuple[Key, SpeakerPhrase]] = []  # every capitalised phrase outside quotes
        self.people: list[Person] = []
        self.entities = [e for e in entities if e.type == "PER"]
        for index, para in enumerate(paragraphs):
            i = 0
            words = para.words
            while i < len(words):
                if is_capitalised(words[i]) and (i == 0 or not is_capitalised(words[i - 1])):
                    key = (index, para.offsets[i])
                    phrase = read_phrase(words, i, lex)
                    if phrase is not None and phrase.kind in ("name", "role") and not self.in_quote(key):
                        self.runs.append((key, phrase))
                        i = max(phrase.end, i + 1)
                        continue
                i += 1
        self.mentions: list[Mention] = []

    def in_quote(self, key: Key) -> bool:
        pos = bisect_left(self.quoted, (key, key))
        for start, end in self.quoted[max(0, pos - 1):pos + 1]:
            if start <= key < end:
                return True
        return False

    # --- names ---------------------------------------------------------------------------
    def full_name(self, short: tuple[str, ...]) -> tuple[str, ...]:
        """The longest name of the article containing ``short`` as consecutive words."""
        best = short
        n = len(short)
        for _, phrase in self.runs:
            name = phrase.name
            if len(name) > len(best) and any(name[i:i + n] == short for i in range(len(name) - n + 1)):
                best = name
        return best

    def person(self, name: tuple[str, ...]) -> Person:
        for p in self.people:
            if p.name == name:
                return p
        p = Person(name)
        self.people.append(p)
        return p

    def register(self, short: tuple[str, ...], key: Key | None = None) -> Person:
        """A speaker named in the text: expand it to the full name and remember the person."""
        person = self.person(self.full_name(short))
        if key is not None:
            self.mentions.append(Mention(key, person))
        return person

    def add_titled_people(self) -> None:
        """Role + name runs are people even when never quoted (they may be "dia" later)."""
        for key, phrase in self.runs:
            if phrase.kind == "name" and phrase.role and any(
                w.lower() in self.lex.role_words for w in phrase.role
            ):
                person = self.person(self.full_name(phrase.name))
                person.roles.update(w.lower() for w in phrase.role)

    def index_mentions(self) -> None:
        """Every occurrence outside quotes of a word of a known person's name."""
        by_word: dict[str, list[Person]] = {}
        for person in self.people:
            for word in person.name:
                if is_capitalised(word) and len(word) > 1:
                    by_word.setdefault(word, []).append(person)
        for entity in self.entities:
            person = self.person(tuple(entity.name.split()))
            person.entity = entity
            for mention in (entity.name, *entity.mentions):
                for word in mention.split():
                    if is_capitalised(word) and not self.lex.is_role(word):
                        by_word.setdefault(word, []).append(person)
        found = []
        for index, para in enumerate(self.paragraphs):
            for word, offset in zip(para.words, para.offsets):
                candidates = by_word.get(word)
                if candidates and not self.in_quote((index, offset)):
                    found.append(((index, offset), candidates))
        last_full: dict[int, Key] = {}
        mentions = list(self.mentions)
        for key, candidates in found:
            if len(candidates) == 1:
                person = candidates[0]
            else:
                # A word shared by two people goes to the one mentioned most recently.
                person = max(candidates, key=lambda p: last_full.get(id(p), (-1, -1)))
            last_full[id(person)] = key
            mentions.append(Mention(key, person))
        mentions.sort(key=lambda m: m.key)
        self.mentions = mentions

    # --- resolution ----------------------------------------------------------------------
    def nearest_before(self, key: Key) -> Person | None:
        best = None
        for mention in self.mentions:
            if mention.key >= key:
                break
            best = mention.person
        return best

    def holder_of(self, role: tuple[str, ...], key: Key) -> Person | None:
        """The person who holds ``role`` (its first word), mentioned nearest before ``key``
        (or else first after it)."""
        wanted = {w.lower() for w in role if w.lower() in self.lex.role_words}
        if not wanted:
            return None
        before, after = None, None
        for run_key, phrase in self.runs:
            if phrase.kind != "name" or not wanted & {w.lower() for w in phrase.role}:
                continue
            if run_key < key:
                before = phrase
            elif after is None:
                after = phrase
        chosen = before or after
        return self.person(self.full_name(chosen.name)) if chosen else None

    def entity_for(self, person: Person) -> EntityMention | None:
        if person.entity is not None:
            return person.entity
        surname = person.name[-1].lower()
        for entity in self.entities:
            forms = (entity.name, *entity.mentions)
            if any(surname in (w.lower() for w in form.split()) for form in forms):
                return entity
        return None
