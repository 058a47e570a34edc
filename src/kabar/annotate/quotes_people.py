"""The people of one article: every full name it gives, where each is mentioned, and the roles
they hold, so that short forms ("Wang"), pronouns ("katanya", "ia") and roles ("kata
Presiden") can be resolved to a full name."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Sequence

from kabar.annotate.quotes_names import Lexicon, SpeakerPhrase, classify, is_capitalised
from kabar.records import EntityMention

_CAP = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?|\([A-Z]\w*\))"
CAPITALISED_RUN = re.compile(_CAP + r"(?:\s+(?:(?:bin|binti|van|der|de|al|el)\s+)?" + _CAP + ")*")
CAPITALISED_WORD = re.compile(r"(?<![\w’'\-])[A-ZÀ-ÖØ-Þ][\w’'\-]*")
RUN_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
WORD = re.compile(r"[^\W\d_][\w’'\-]*|\d[\w/,.:-]*|[^\w\s]")

# A character that ends a phrase inside a capitalised run, and a plain lower-case word.
RUN_BREAK = re.compile(r"[^\w’'\-().]")
LOWER_WORD = re.compile(r"[a-z][\w’'\-]*")

RUN_REACH = 160  # a long role phrase and the word before it

Key = tuple[int, int]  # (paragraph, character offset)


@dataclass
class Person:
    name: tuple[str, ...]
    entity: EntityMention | None = None
    roles: set[str] = field(default_factory=set)
    # The words of the name the article uses on their own for this person ("Roland"): only
    # these, not a place glued before the name ("Kalbar Hendra"), mark a later mention.
    short_words: set[str] = field(default_factory=set)
    quoted: bool = False  # named as the speaker of a quotation
    titled: bool = False  # named with a title or office ("Menlu", "Kepala Dinas ...")
    common: bool = False  # every word of the "name" is a common word of the article

    @property
    def credible(self) -> bool:
        """Likely a person rather than a body ("Pertamina memastikan"): a one-word name with
        no title that never speaks a quotation is not trusted as the referent of "katanya"."""
        if self.entity is not None:
            return True
        return not self.common and (self.quoted or self.titled or len(self.name) > 1)


@dataclass
class Mention:
    key: Key
    person: Person


@dataclass
class TokenizedParagraph:
    words: list[str]
    offsets: list[int]
    lowered: list[str]


class Tokenized:
    """The paragraphs' words, tokenized on first use (most paragraphs hold no quotation)."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self._cache: dict[int, TokenizedParagraph] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index: int) -> TokenizedParagraph:
        para = self._cache.get(index)
        if para is None:
            para = self._cache[index] = tokenize(self.texts[index])
        return para


def tokenize(paragraph: str) -> TokenizedParagraph:
    matches = list(WORD.finditer(paragraph))
    words = [m.group() for m in matches]
    return TokenizedParagraph(words, [m.start() for m in matches], [w.lower() for w in words])


@lru_cache(maxsize=8)
def _reporting_words(lex: Lexicon) -> frozenset[str]:
    """Every reporting word of the lexicon, with its "-nya" forms ("kata", "katanya", "menurut")."""
    words = lex.cues_after | lex.cues_passive | {p[0] for p in lex.according_to}
    return frozenset(words | {w + "nya" for w in words} | lex.cues_active)


class People:
    """Names and their mentions in one article, built from the speaker phrases the quotes gave,
    role + name runs ("Menteri Luar Negeri Rusia Sergei Lavrov") and linked entities."""

    def __init__(self, texts: Sequence[str], lex: Lexicon,
                 quoted: Sequence[tuple[Key, Key]], entities: Sequence[EntityMention] = ()):
        self.lex = lex
        self.lex_cues = _reporting_words(lex)
        self.texts = texts
        self._joined = "\n".join(texts)
        self._common: dict[str, bool] = {}
        self._name_cache: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._titled_cache: dict[tuple[str, ...], bool] = {}
        self._places: dict[str, bool] = {}
        self.quoted = sorted(quoted)
        self.people: dict[tuple[str, ...], Person] = {}
        self.entities = [e for e in entities if e.type == "PER"]
        # Words the entity stage reads as a body or a place ("Pertamina", "Sultra"): glued before
        # a name they are its affiliation, not its first words.
        self._body_words = {form for e in entities if e.type != "PER" for form in (e.name, *e.mentions) if " " not in form}
        # Capitalised runs outside quotes, read into role + name only when a name asks for them.
        self._runs: list[tuple[Key, list[str]]] = []
        self.run_ends: list[int] = []  # offset just after each run, in its paragraph
        self._phrases: dict[int, SpeakerPhrase | None] = {}
        self._runs_with: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            for m in CAPITALISED_RUN.finditer(text):
                words = RUN_WORD.findall(m.group())
                while words and words[0] in lex.not_names:
                    words = words[1:]  # "Menurut Siti Aminah", "Sementara Budi"
                number = len(self._runs)
                self._runs.append(((index, m.start()), words))
                self.run_ends.append(m.end())
                for word in words:
                    self._runs_with.setdefault(word, []).append(number)
        self.mentions: list[Mention] = []

    def writes(self, name: str) -> bool:
        """The article writes ``name`` as a whole word sequence somewhere."""
        return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", self._joined) is not None

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
        for number in self._runs_with.get(short[0], ()):
            phrase = self._phrase(number)
            if phrase is None or phrase.kind != "name":
                continue
            name = phrase.name
            if len(name) > len(best) and any(name[i:i + n] == short for i in range(len(name) - n + 1)):
                best = name
        return best

    def _titles(self, role: tuple[str, ...]) -> bool:
        """An office ("Ketua", "juru bicara") or a body's acronym ("HIMKI") before the name."""
        return any(w.lower() in self.lex.role_words or w in self.lex.role_lower or (w.isupper() and len(w) > 1)
                   for w in role)

    def _names(self, short: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The full name of a short form, and that name without the common words and places
        glued before it (empty when nothing but common words is left)."""
        if short not in self._name_cache:
            name = self.full_name(short)
            # Words the article also writes in lower case are common nouns, not names
            # ("Laporan Hasil Pemeriksaan menyebutkan", "Pengurus Gerindra menyampaikan").
            trimmed = name
            while trimmed and self._is_common(trimmed[0]):
                trimmed = trimmed[1:]
            while len(trimmed) > 1 and (self._is_place(trimmed[0]) or trimmed[0] in self._body_words):
                trimmed = trimmed[1:]  # "Banyuwangi Istu Handono" where "di Banyuwangi" is written
            self._name_cache[short] = (name, trimmed)
        return self._name_cache[short]

    def _place_trimmed(self, short: tuple[str, ...]) -> bool:
        name, trimmed = self._names(short)
        return self._is_place(name[len(name) - len(trimmed) - 1])

    def _is_place(self, word: str) -> bool:
        """Written after "di", "ke", "Kota" ... somewhere in the article."""
        if word not in self._places:
            self._places[word] = self._find_place(word)
        return self._places[word]

    def _find_place(self, word: str) -> bool:
        text = self._joined
        for marker in self.lex.place_markers:
            at = text.find(marker + " " + word)
            while at >= 0:
                after = at + len(marker) + 1 + len(word)
                if (at == 0 or not text[at - 1].isalnum()) and (after >= len(text) or not text[after].isalnum()) \
                        and not self._office_before(text, at):
                    return True
                at = text.find(marker + " " + word, at + 1)
        return False

    def _office_before(self, text: str, at: int) -> bool:
        """The marker at ``at`` ends an office ("Wali Kota Risma"): what follows is a person."""
        previous = text[max(0, at - 20):at].split()
        return bool(previous) and previous[-1].lower() in self.lex.role_words

    def _is_common(self, word: str) -> bool:
        """Written in lower case at least twice in the article: a common word ("laporan"), not
        a name (once may be a pun or a typo: "aman" and "Aman B Pulungan")."""
        lowered = word.lower()
        if lowered == word:
            return False
        if lowered not in self._common:
            text = self._joined
            found = sum(text.count(" " + lowered + end) for end in " ,.;:")
            self._common[lowered] = found > 1
        return self._common[lowered]

    def _titled_somewhere(self, short: tuple[str, ...]) -> bool:
        """The article gives this name a title or office somewhere ("(PVMBG) Mukijo")."""
        if short not in self._titled_cache:
            self._titled_cache[short] = self._find_title(short)
        return self._titled_cache[short]

    def _find_title(self, short: tuple[str, ...]) -> bool:
        n = len(short)
        for number in self._runs_with.get(short[-1], ()):
            phrase = self._phrase(number)
            if (phrase is not None and phrase.kind == "name" and phrase.name[-n:] == short
                    and any(w.lower() in self.lex.role_words for w in phrase.role)):
                return True
        return False

    @property
    def runs(self) -> list[tuple[Key, list[str]]]:
        return self._runs

    def phrase_of_run(self, number: int) -> SpeakerPhrase | None:
        """The run read as role + name (None inside a quotation)."""
        return self._phrase(number)

    def _phrase(self, number: int) -> SpeakerPhrase | None:
        if number not in self._phrases:
            key, words = self._runs[number]
            self._phrases[number] = None if self.in_quote(key) else classify(words, self.lex)
        return self._phrases[number]

    def person(self, name: tuple[str, ...]) -> Person:
        found = self.people.get(name)
        if found is None:
            found = self.people[name] = Person(name)
        return found

    def register(self, short: tuple[str, ...], key: Key | None = None, quoted: bool = False,
                 role: tuple[str, ...] = (), short_forms: bool = True) -> Person:
        """A speaker named in the text: expand it to the full name and remember the person.
        With ``short_forms`` false the mention at ``key`` counts, but the words of ``short`` do
        not mark later mentions of the person."""
        name, trimmed = self._names(short)
        glued = bool(trimmed) and not set(short) & set(trimmed)
        # "Pertamina memastikan": the entity stage reads the word as a body, not a person.
        glued = glued or (len(short) == 1 and short[0] in self._body_words)
        if glued:
            # "Sultra menyebut ..." where the article's longer run is "Kejati Sultra Saiful Bahri
            # Siregar": the word is the place or body before a name, not a short form of it.
            name = trimmed = short
        person = self.person(trimmed or name)
        # "Menurut Wali Kota Surabaya dua periode ini": a lone word the article writes as a
        # place ("di Surabaya") is the place of an office, not the person holding it.
        lone_place = len(trimmed) == 1 and not quoted and self._is_place(trimmed[0])
        person.common = person.common or glued or lone_place
        # A place glued before the name ("Kedokanbunder Waskim") is an affiliation, like a title.
        person.titled = person.titled or (0 < len(trimmed) < len(name) and self._place_trimmed(short))
        person.common = person.common or not trimmed
        person.quoted = person.quoted or quoted
        person.titled = (person.titled or self._titles(role) or self._titled_somewhere(short))
        if short_forms:
            # Only words of the name itself: not the place glued before it ("Sleman Arjunandir").
            person.short_words.update(w for w in short[-2:] if is_capitalised(w) and len(w) > 1 and w in person.name
                                        and w not in self._body_words)
        if key is not None:
            self.mentions.append(Mention(key, person))
        return person

    def index_mentions(self) -> None:
        """Every occurrence outside quotes of a word of a known person's name."""
        by_word: dict[str, list[Person]] = {}
        for person in self.people.values():
            # Linked entities name the people the quotes found; they do not add people: an
            # entity that never speaks is no more a referent of "katanya" than a titled name.
            person.entity = self.entity_for(person)
            if not person.credible:
                continue
            words = set(person.short_words)
            if person.entity is not None:
                # One-word forms the entity stage linked ("Valdimir" for "Vladimir"), not every
                # word of its longer forms ("Masjid Istiqlal Nasaruddin Umar").
                words.update(form for form in person.entity.mentions
                             if " " not in form and is_capitalised(form) and len(form) > 1 and not self.lex.is_role(form))
            for word in words:
                by_word.setdefault(word, []).append(person)
        found = []
        if by_word:
            for index, text in enumerate(self.texts):
                for m in CAPITALISED_WORD.finditer(text):
                    candidates = by_word.get(m.group())
                    if candidates and not self.in_quote((index, m.start())) and not self._object_position(text, m.start()):
                        found.append(((index, m.start()), candidates))
        last_full: dict[int, Key] = {}
        mentions = [m for m in self.mentions if m.person.credible]
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

    def _object_position(self, text: str, start: int) -> bool:
        """The name at ``start`` follows, within its capitalised run, a lower-case word that
        is neither a reporting word nor part of a role ("dilakukan Presiden Jokowi", "masukan
        Puan", "sikap Kiai Said"): an object, which a later "katanya" does not point to."""
        # A walk back over the run's words: a few string tests, cheaper than a regex search.
        for token in reversed(text[max(0, start - RUN_REACH):start].split()):
            if token[0].isupper() or token[0] == "(":
                if RUN_BREAK.search(token):
                    return False  # "Jakarta," ends a phrase: the name opens a new one
                continue
            if not LOWER_WORD.fullmatch(token):
                return False
            word = token.lower()
            return not (word in self.lex_cues or word in self.lex.role_lower or word in self.lex.connectors
                        or word in self.lex.apposition_markers or word in self.lex.subject_adverbs)
        return False

    # --- resolution ----------------------------------------------------------------------
    def nearest_before(self, key: Key) -> Person | None:
        best = None
        for mention in self.mentions:
            if mention.key >= key:
                break
            best = mention.person
        return best

    def nearest_after(self, key: Key) -> Person | None:
        for mention in self.mentions:
            if mention.key > key:
                return mention.person
        return None

    def holder_of(self, role: tuple[str, ...], key: Key) -> Person | None:
        """The person who holds ``role``, mentioned nearest before ``key`` (or else first after
        it): by the office ("kata Presiden"), or else by the country or body the role phrase
        names ("Diplomat utama Tiongkok" -> "Menlu Tiongkok Wang Yi")."""
        offices = {w.lower() for w in role if w.lower() in self.lex.role_words}
        places = {w.lower() for w in role if w[:1].isupper() and w.lower() not in self.lex.role_words}
        for wanted in (offices, places):
            if not wanted:
                continue
            before, after = None, None
            words = {form for w in role for form in (w, w.capitalize())}
            numbers = sorted({n for word in words for n in self._runs_with.get(word, ())})
            for number in numbers:
                run_key, phrase = self._runs[number][0], self._phrase(number)
                if phrase is None or phrase.kind != "name" or not wanted & {w.lower() for w in phrase.role}:
                    continue
                if run_key < key:
                    before = phrase
                elif after is None:
                    after = phrase
            chosen = before or after
            if chosen is not None:
                return self.person(self.full_name(chosen.name))
        return None

    def entity_for(self, person: Person) -> EntityMention | None:
        """The PER entity whose name or mentions hold this person's last name (and most of the
        other words of it)."""
        if person.entity is not None:
            return person.entity
        words = [w.lower() for w in person.name]
        best, best_score = None, 0
        for entity in self.entities:
            forms = {w.lower() for form in (entity.name, *entity.mentions) for w in form.split()}
            if words[-1] not in forms:
                continue
            score = sum(w in forms for w in words)
            if score > best_score:
                best, best_score = entity, score
        return best
