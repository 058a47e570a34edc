"""Headers and stamps the language modules name: each phrase gets its kind, and the body
sentences that share words with it do not."""

import pytest

from kabar.clean.rules import rule_kind


@pytest.mark.parametrize("line, kind", [
    ("Most Popular Videos", "related-links"),
    ("Most Read Stories", "related-links"),
    ("You might also like", "related-links"),
    ("Like this story? Share it with a friend!", "share"),
    ("Você pode gostar...", "related-links"),
    ("Veja também", "related-links"),
    ("Notícias relacionadas", "related-links"),
    ("Compartilhe", "share"),
    ("12 comentários", "comments"),
    ("Tim Redaksi Portal Kita - Senin, 08 Jul 2024 14:05 WIB", "date"),
    ("Kamis, 11 April 2024 | 09.30 WITA", "date"),
])
def test_phrase_kind(line, kind):
    assert rule_kind(line) == kind


@pytest.mark.parametrize("line", [
    "The most popular videos this year were about cats, the company said.",
    "Você pode gostar ou não, mas a decisão foi tomada pelo conselho na terça-feira.",
    "Kereta berangkat pukul 14:05 WIB dari Stasiun Madiun menuju Surabaya dan tiba tepat waktu sore itu.",
])
def test_body_sentence_is_not_boilerplate(line):
    assert rule_kind(line) is None
