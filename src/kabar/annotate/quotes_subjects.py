"""Sentence subjects: the people a "katanya", "ujarnya" or "ia" most likely points back to.

In Indonesian and English news a pronoun or a "-nya" cue continues the topic of the sentences
before it, and that topic is the subject that opens a sentence ("Wakil Ketua Komisi X DPR
Hetifah Sjaifudian menyambut baik ...", "Secara terpisah, Kepala Dinas X Budi mengaku ...").
Such a subject is a mention of its person whatever the verb is, reporting or not; the speakers
of reporting verbs are registered elsewhere (``quotes._speaking_subjects``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from kabar.annotate.quotes_names import Lexicon
from kabar.annotate.quotes_people import People

# The words before a subject in its sentence: nothing, or one short introductory phrase closed
# by a comma ("Secara terpisah, ", "Dalam kesempatan itu, "), then the first part of an office
# the run could not hold ("Managing Director and | Chief Economist ... Taimur Baig").
OPENING = r"(?:^|[.!?][\"”’)]?\s+)(?:[^,.!?\"“”]{1,60},\s+)?"
OPENING_REACH = 160  # a sentence end, the longest introductory clause, part of an office
# What follows a subject: its predicate, a lower-case word. (A comma would rather close an
# apposition: "Prabowo Subianto, Ketua Umum Gerindra, ...".)
PREDICATE = re.compile(r"\s+([a-z]+)")


@lru_cache(maxsize=8)
def _sentence_opening(lex: Lexicon) -> re.Pattern[str]:
    joining = sorted(w for w in lex.connectors | lex.role_lower if w.isalpha())
    office_start = r"(?:(?:[A-ZÀ-ÖØ-Þ(][^\s,.!?]*|" + "|".join(joining) + r")\s+)*"
    return re.compile(OPENING + office_start + "$")


def register_sentence_subjects(people: People, paragraphs: Sequence[str], lex: Lexicon) -> None:
    """Register every titled or full name that opens a sentence outside quotations."""
    role_words = lex.role_words
    for number, (key, words) in enumerate(people.runs):
        index, start = key
        text = paragraphs[index]
        predicate = PREDICATE.match(text, people.run_ends[number])
        if predicate is None:
            continue  # the cheapest test first: most runs are followed by punctuation or a name
        if not any(w.lower() in role_words for w in words):
            continue  # untitled
        if predicate.group(1) in lex.demonstratives:
            continue  # "Ketua Fraksi PAN itu bisa ...": the role points back to someone named before
        if predicate.group(1) in lex.connectors or predicate.group(1) in lex.particles:
            continue  # "Ketua Fakultas Ekonomi dan ...": the office goes on, no predicate yet
        # Only the last characters can hold the opening ("^" still means the paragraph start).
        if not _sentence_opening(lex).search(text, max(0, start - OPENING_REACH), start):
            continue
        phrase = people.phrase_of_run(number)
        if phrase is None or phrase.kind != "name":
            continue
        titled = any(w.lower() in lex.role_words for w in phrase.role)
        if titled:
            people.register(phrase.name, key, role=phrase.role, short_forms=False)
