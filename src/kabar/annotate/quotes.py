"""Quotes: direct quotations and reported statements with their speakers.

``extract_quotes(paragraphs, language, entities)`` pairs quotation marks (``quotes_marks``),
reads the attribution after the quotation ('”…,” kata Roland.', '," he said') or before it
('Lavrov mengatakan, ”…”', 'Menurut X, ”…”'), and resolves the speaker phrase to a full name
(``quotes_people``): short forms are expanded to the longest name of the article, "-nya" cues
and pronouns go to the nearest person mentioned before the quotation, and bare roles ("kata
Presiden") to the person who held that role earlier. Reported statements without quotation
marks ("X mengatakan bahwa ...") come out with ``direct=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from kabar.annotate.quotes_marks import QuotedSpan, find_quoted_spans
from kabar.annotate.quotes_names import (
    Lexicon,
    SpeakerPhrase,
    lexicon,
    read_attribution,
    read_phrase,
    subject_of,
)
from kabar.annotate.quotes_people import Key, People, Person, Tokenized
from kabar.annotate.quotes_subjects import register_sentence_subjects
from kabar.records import EntityMention, Quote

# A quotation this short is a scare quote, a title or a fragment inside a reported statement
# ('Putin mengatakan ... penting untuk "menstabilkan situasi internasional"'), unless a
# reporting verb follows it ('"Sulit sekali," kata Rina'): on PFSA-ID DEV 22 such fragments
# were false positives against 7 real statements of three words or fewer.
MAX_SCARE_QUOTE_WORDS = 3
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“”„«'A-Z(]|\s*$)")
WORDS = re.compile(r"\w+")


@dataclass
class Attribution:
    cue: str | None
    phrase: SpeakerPhrase | None  # None with a "-nya" cue: the speaker is implied
    key: Key  # where the speaker phrase (or cue) stands
    follows_quote: bool = False  # the cue comes after the quotation ('”…,” kata X')
    continues: bool = False  # the second half of a quotation split by its cue


def extract_quotes(paragraphs: Sequence[str], language: str,
                   entities: Sequence[EntityMention] = ()) -> list[Quote]:
    """Direct quotes and reported statements of an article, in text order."""
    lex = lexicon(language)
    spans = find_quoted_spans(paragraphs, _cue_after_pattern(language))
    tokenized = Tokenized(paragraphs)
    quoted = [((s.opened.paragraph, s.opened.offset), (s.closed_at.paragraph, s.closed_at.offset)) for s in spans]
    people = People(paragraphs, lex, quoted, entities)

    attributions: list[Attribution | None] = []
    previous_close: Key | None = None
    for span in spans:
        attribution = _attribution_after(paragraphs, tokenized, span, lex)
        if attribution is None:
            attribution = _attribution_before(paragraphs, tokenized, span, lex, previous_close)
        attributions.append(attribution)
        previous_close = (span.closed_at.paragraph, span.closed_at.offset)

    with_cues = [_cue_finder(language).search(p) for p in paragraphs]
    reported = _reported_statements(paragraphs, tokenized, spans, lex, with_cues)

    # Names first (all of them, so that a pronoun can point to a name met only later as a
    # speaker), then the mention index, then the pronouns and roles.
    for attribution in attributions:
        if attribution and attribution.phrase and attribution.phrase.kind == "name":
            people.register(attribution.phrase.name, attribution.key, quoted=True, role=attribution.phrase.role)
    for _, attribution, _ in reported:
        if attribution.phrase and attribution.phrase.kind == "name":
            people.register(attribution.phrase.name, attribution.key, role=attribution.phrase.role)
    _speaking_subjects(paragraphs, tokenized, lex, people, with_cues)
    # Sentence subjects only serve speakers the attribution does not name ("ujarnya", "ia",
    # "kata Presiden"); most articles have none, and the scan is not free.
    unnamed = [a for a in attributions if a is not None] + [a for _, a, _ in reported]
    if any(a.phrase is None or a.phrase.kind != "name" for a in unnamed):
        register_sentence_subjects(people, paragraphs, lex)
    people.index_mentions()

    quotes: list[Quote] = []
    last_speaker: Person | None = None
    items = [(span.opened.paragraph, span.opened.offset, span.text, a, True) for span, a in zip(spans, attributions)]
    items += [(key[0], key[1], text, a, False) for text, a, key in reported]
    items.sort(key=lambda item: (item[0], item[1]))
    for paragraph, offset, text, attribution, direct in items:
        # '"A," katanya, "B."' is one statement: one quote "A B" (PFSA-ID DEV scores the same
        # either way; a reader wants the statement whole).
        if (attribution is not None and attribution.continues and quotes
                and quotes[-1].paragraph == paragraph and quotes[-1].direct):
            quotes[-1] = replace(quotes[-1], text=quotes[-1].text + " " + text)
            continue
        if direct and not (attribution and attribution.follows_quote) and len(WORDS.findall(text)) <= MAX_SCARE_QUOTE_WORDS:
            continue
        speaker = _resolve(attribution, (paragraph, offset), people, last_speaker)
        if not direct and (speaker is None or not (speaker.credible or people.entity_for(speaker))):
            continue  # "Keduanya menyampaikan ...", "Statistik menyebutkan ...": no person speaks
        if speaker is not None and attribution is not None:
            last_speaker = speaker
        entity = people.entity_for(speaker) if speaker else None
        by_role = bool(attribution and attribution.phrase and attribution.phrase.kind in ("role", "anaphor"))
        name = _speaker_name(speaker, entity, by_role, people) if speaker else None
        if speaker is None and attribution and attribution.phrase and attribution.phrase.kind in ("role", "anaphor"):
            name = " ".join(attribution.phrase.role)
        quotes.append(Quote(
            text=text,
            speaker=name,
            speaker_id=entity.id if entity else None,
            cue=attribution.cue if attribution else None,
            direct=direct,
            paragraph=paragraph,
        ))
    return quotes


class _CueFinder:
    """Tells whether a paragraph has any reporting word, to skip tokenizing those that don't."""

    def __init__(self, lex: Lexicon):
        self.words = lex.cues_after | lex.cues_passive | lex.cues_active | {p[0] for p in lex.according_to}
        self.words |= {w + "nya" for w in self.words}

    def search(self, text: str) -> bool:
        return not self.words.isdisjoint(WORDS.findall(text.lower()))


@lru_cache(maxsize=8)
def _cue_finder(language: str) -> _CueFinder:
    return _CueFinder(lexicon(language))


@lru_cache(maxsize=8)
def _cue_after_pattern(language: str) -> re.Pattern[str]:
    return lexicon(language).cue_after_pattern


def _speaker_name(speaker: Person, entity: EntityMention | None, by_role: bool, people: People) -> str:
    """The speaker's name as the article gives it ("Jokowi" where it writes "kata Jokowi", or
    where "katanya" follows "Presiden Jokowi"), or the linked entity's display name when that is
    the same name written more fully or cleanly (same last word: "Putin" -> "Vladimir Putin").
    The entity id says who it is either way; a different name ("Joko Widodo" for "kata Jokowi")
    would put words in the article's mouth. A speaker named by an office only ("kata Presiden")
    goes by the entity's name when the article writes it in full ("Presiden Joko Widodo")."""
    if entity is None:
        return " ".join(speaker.name)
    if entity.name.split()[-1].lower() == speaker.name[-1].lower():
        return entity.name
    if by_role and people.writes(entity.name):
        return entity.name
    return " ".join(speaker.name)


def _resolve(attribution: Attribution | None, key: Key, people: People, last_speaker: Person | None) -> Person | None:
    if attribution is None:
        return last_speaker
    phrase = attribution.phrase
    if phrase is None or phrase.kind == "pronoun":
        return people.nearest_before(key) or last_speaker
    if phrase.kind == "name":
        return people.register(phrase.name)
    if phrase.kind == "role":
        return people.holder_of(phrase.role, key) or last_speaker or people.nearest_after(key)
    # "Diplomat tertinggi China ini": the person the article is talking about, or, in the
    # lead ("Diplomat utama Tiongkok mengatakan ..."), the one it names next.
    return people.nearest_before(key) or last_speaker or people.holder_of(phrase.role, key) or people.nearest_after(key)


def _sentence_after(paragraph: str, start: int) -> str:
    rest = paragraph[start:]
    cut = len(rest)
    m = SENTENCE_END.search(rest)
    if m:
        cut = m.start()
    mark = re.search(r"[\"“”„«»]|''", rest)
    if mark and mark.start() < cut:
        cut = mark.start()
    return rest[:cut]


def _attribution_after(paragraphs: Sequence[str], tokenized: Tokenized,
                       span: QuotedSpan, lex: Lexicon) -> Attribution | None:
    index, start = span.closed_at.paragraph, span.closed_at.offset
    if not span.closed:
        return None
    para = tokenized[index]
    first = next((i for i, off in enumerate(para.offsets) if off >= start), len(para.words))
    limit = start + len(_sentence_after(paragraphs[index], start))
    last = next((i for i, off in enumerate(para.offsets) if off >= limit), len(para.words))
    words = para.words[first:last]
    i = 0
    while i < len(words) and words[i] in ",.!?;:—–-":
        i += 1
    if i < len(words) and words[i].lower() in ("demikian", "begitu", "seperti"):
        i += 1
    if i >= len(words):
        return None

    def key_of(j: int) -> Key:
        return (index, para.offsets[first + min(j, len(words) - 1)])

    word = words[i]
    if lex.is_cue_after(word) or word.lower() in lex.cues_passive:
        if word.lower().endswith("nya") and word.lower()[:-3] in lex.cues_after:
            return Attribution(word, None, key_of(i), follows_quote=True)
        j = i + 1
        if j < len(words) and words[j].lower() in ("oleh", "by"):
            j += 1
        return Attribution(word, read_attribution(words, j, lex), key_of(j), follows_quote=True)
    phrase = read_phrase(words, i, lex)
    if phrase is not None and phrase.end < len(words):
        verb = words[phrase.end]
        if lex.is_cue_after(verb) or verb.lower() in lex.cues_active:
            if len(WORDS.findall(span.text)) <= MAX_SCARE_QUOTE_WORDS and not _closes_a_sentence(paragraphs, span):
                # '”Outlet” Konvensional Wakil Ketua ... mengatakan': a quoted term opening the
                # sentence; a short statement ends inside its marks ('"We are ready," Putin said').
                return None
            return Attribution(verb, phrase, key_of(i), follows_quote=True)
    return None


def _closes_a_sentence(paragraphs: Sequence[str], span: QuotedSpan) -> bool:
    """The quotation ends with punctuation inside its marks (',”', '.”', '?”')."""
    end = span.text_end
    text = paragraphs[end.paragraph][:end.offset].rstrip()
    return text[-1:] in (",", ".", "!", "?", "…")


def _attribution_before(paragraphs: Sequence[str], tokenized: Tokenized,
                        span: QuotedSpan, lex: Lexicon, previous_close: Key | None) -> Attribution | None:
    index, end = span.opened.paragraph, span.opened.offset
    paragraph = paragraphs[index]
    start = 0
    for m in SENTENCE_END.finditer(paragraph[:end]):
        start = m.end()
    if previous_close and previous_close[0] == index and previous_close[1] > start:
        start = previous_close[1]
    para = tokenized[index]
    first = next((i for i, off in enumerate(para.offsets) if off >= start), len(para.words))
    last = next((i for i, off in enumerate(para.offsets) if off >= end), len(para.words))
    words = para.words[first:last]
    if not words:
        return None

    def key_of(j: int) -> Key:
        return (index, para.offsets[first + min(max(j, 0), len(words) - 1)])

    # '"A," katanya, "B."': the words between two quotations attribute both.
    if previous_close and previous_close[0] == index and previous_close[1] >= start:
        between = paragraphs[index][previous_close[1]:end]
        if between.strip().endswith((",", ":")) or not between.strip(" ,"):
            j = 0
            while j < len(words) and words[j] in ",.":
                j += 1
            if j < len(words) and (lex.is_cue_after(words[j]) or words[j].lower() in lex.cues_active):
                if words[j].lower().endswith("nya"):
                    return Attribution(words[j], None, key_of(j), continues=True)
                return Attribution(words[j], read_attribution(words, j + 1, lex), key_of(j + 1), continues=True)
    lowered = [w.lower() for w in words]
    for pattern in lex.according_to:
        n = len(pattern)
        for j in range(len(words) - n, -1, -1):
            if tuple(lowered[j:j + n]) == pattern:
                phrase = read_phrase(words, j + n, lex)
                return Attribution(" ".join(words[j:j + n]), phrase, key_of(j + n))
        if n == 1:
            for j, w in enumerate(lowered):
                if w == pattern[0] + "nya":
                    return Attribution(words[j], None, key_of(j))
    for j in range(len(words) - 1, -1, -1):
        if lowered[j] in lex.cues_active and words[j].islower():
            phrase = subject_of(words, j, lex)
            if phrase is not None:
                return Attribution(words[j], phrase, key_of(j - 1))
    return None


def _reported_statements(paragraphs: Sequence[str], tokenized: Tokenized,
                         spans: Sequence[QuotedSpan], lex: Lexicon,
                         with_cues: Sequence[bool]) -> list[tuple[str, Attribution, Key]]:
    """'X mengatakan (bahwa) ...' and 'Menurut X, ...' sentences with no quotation marks."""
    with_marks = {s.opened.paragraph for s in spans} | {s.closed_at.paragraph for s in spans}
    openers = lex.cues_active | {w for (w, *_) in lex.according_to} | {w + "nya" for (w, *_) in lex.according_to}
    found = []
    for index, paragraph in enumerate(paragraphs):
        if index in with_marks or not with_cues[index]:
            continue
        para = tokenized[index]
        words = para.words
        lowered = para.lowered
        if openers.isdisjoint(lowered[:40]):
            continue
        for j, word in enumerate(lowered[:40]):
            attribution = None
            content_from = -1
            if word in lex.cues_active and j > 0 and words[j].islower():
                phrase = subject_of(words, j, lex)
                if phrase is not None and _starts_sentence(words, j, phrase, lex):
                    attribution = Attribution(words[j], phrase, (index, para.offsets[max(0, j - 1)]))
                    content_from = j + 1
            elif j == 0 and (size := _according_to_at(lowered, lex)):
                phrase = read_attribution(words, size, lex)
                if phrase is not None and phrase.end < len(words) and words[phrase.end] == ",":
                    attribution = Attribution(" ".join(words[:size]), phrase, (index, para.offsets[size]))
                    content_from = phrase.end + 1
            elif j == 0 and word.endswith("nya") and (word[:-3],) in lex.according_to:
                attribution = Attribution(words[j], None, (index, para.offsets[j]))
                content_from = j + 1
            if attribution is None:
                continue
            # "said on Wednesday that ...": the statement starts after "that" when it comes soon.
            that = next((k for k in range(content_from, min(content_from + 6, len(words))) if lowered[k] in lex.that), None)
            if that is not None:
                content_from = that + 1
            while content_from < len(words) and (words[content_from] in ",:" or lowered[content_from] in lex.that):
                content_from += 1
            if content_from >= len(words):
                break
            text = paragraph[para.offsets[content_from]:].strip()
            if len(WORDS.findall(text)) >= 4:
                found.append((text, attribution, (index, para.offsets[content_from])))
            break
    return found


def _according_to_at(lowered: list[str], lex: Lexicon) -> int:
    """The length of the "menurut" / "according to" phrase opening ``lowered``, or 0."""
    for pattern in lex.according_to:
        if tuple(lowered[:len(pattern)]) == pattern:
            return len(pattern)
    return 0


def _starts_sentence(words: list[str], verb: int, phrase: SpeakerPhrase, lex: Lexicon) -> bool:
    """The subject phrase opens the sentence or follows an introductory clause's comma."""
    if words[verb - 1] == ",":
        return True  # subject_of only accepts an apposition at the start of the sentence
    before = verb
    while before > 0 and words[before - 1].lower() in lex.subject_adverbs:
        before -= 1
    before -= len(phrase.name) + len(phrase.role) if phrase.kind != "pronoun" else 1
    return before <= 0 or words[before - 1] in ",.!?—–-:"


def _speaking_subjects(paragraphs: Sequence[str], tokenized: Tokenized, lex: Lexicon, people: People,
                       with_cues: Sequence[bool]) -> None:
    """Register everyone the article has speak ("Jimmy mengatakan, ..."), quoted or not: they
    are the people a later "katanya" or "ia" most likely points to."""
    cues = lex.cues_after | lex.cues_passive | lex.cues_active | {p[0] for p in lex.according_to if len(p) == 1}
    for index, text in enumerate(paragraphs):
        if not with_cues[index]:
            continue
        para = tokenized[index]
        for j, lowered in enumerate(para.lowered):
            if lowered not in cues:
                continue
            if lowered in lex.cues_after or lowered in lex.cues_passive or (lowered,) in lex.according_to:
                # "Langkah kelima, kata Idris, ..." / "Hal itu disampaikan Kepala ... Istu Handono"
                phrase = read_attribution(para.words, j + 1, lex)
                if phrase is not None and phrase.kind == "name":
                    key = (index, para.offsets[min(j + 1, len(para.words) - 1)])
                    # "menurut surat kabar Izvestia" cites a source as often as a person.
                    role = () if (lowered,) in lex.according_to else phrase.role
                    if not people.in_quote(key):
                        people.register(phrase.name, key, role=role)
                continue
            if j and lowered in lex.cues_active and para.words[j].islower():
                phrase = subject_of(para.words, j, lex)
                if phrase is not None and phrase.kind == "name":
                    start = max(0, j - len(phrase.name))
                    key = (index, para.offsets[start])
                    if not people.in_quote(key):
                        people.register(phrase.name, key, role=phrase.role)
