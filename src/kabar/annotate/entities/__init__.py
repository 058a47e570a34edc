"""Named entities of an article, linked to canonical entities.

    recognize(paragraphs, language, title=None, registry=None) -> list[EntityMention]
    find_mentions(paragraphs, language, title=None) -> the same names, not yet linked
    tag_sentences(sentences, language="id") -> IOB2 tags for pre-tokenised sentences
    EntityRegistry: corpus-wide short forms and names, persisted with dumps()/loads();
        registry.resolve_id(entity_id) -> the id a person first seen by one word
        ("per:lavrov") is known under once a full name came ("per:sergei-lavrov")

The tagger is a CRF trained by ``python -m kabar.annotate.entities.train`` on the Indonesian
corpora; English text goes through the same model (names are names: capitalisation, context
words and the gazetteer/CLDR names carry over), and linking is language-neutral. Rules the
model cannot learn from its small training set (function words, facilities named after people,
hyphenated country pairs, dateline dashes) live in ``span_rules`` with their word lists in
``kabar.lang.*_entities``; news media and nicknames in ``data/aliases*.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.annotate.entities.canonical import lookup
from kabar.annotate.entities.linking import Mention, link, spans_to_mentions, to_entity_mentions
from kabar.annotate.entities.recognizer import default_tagger
from kabar.annotate.entities.registry import EntityRegistry
from kabar.records import EntityMention

__all__ = ["EntityRegistry", "find_mentions", "recognize", "tag_sentences"]


def recognize(paragraphs: Sequence[str], language: str, title: str | None = None,
              registry: EntityRegistry | None = None) -> list[EntityMention]:
    mentions = find_mentions(paragraphs, language, title)
    link(mentions, registry)
    return to_entity_mentions(mentions)


def find_mentions(paragraphs: Sequence[str], language: str, title: str | None = None) -> list[Mention]:
    """The names the tagger finds (the title first when given), not yet linked: the part of
    ``recognize`` that needs no registry."""
    texts = list(paragraphs)
    title_paragraph = None
    if title:
        texts.insert(0, title)
        title_paragraph = 0
    spans = default_tagger().find_spans(texts, known_type)
    return spans_to_mentions(spans, title_paragraph, language)


def known_type(name: str) -> str | None:
    known = lookup(name)
    return known.type if known else None


def tag_sentences(sentences: list[list[str]], language: str = "id") -> list[list[str]]:
    # One model serves every language (see the module docstring); ``language`` is kept so a
    # language-specific model can be added without changing callers.
    return default_tagger().tag_sentences(sentences)
