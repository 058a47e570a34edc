"""rule_kind answers through a prefilter (one anchored match and one search over all patterns'
alternatives); it must give exactly what asking each pattern in turn gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.clean import rules
from kabar.clean.rules import group_inner, rule_kind, top_level_alternatives

from .conftest import FIXTURES


def _pattern_by_pattern(text: str) -> str | None:
    for kind, pattern in rules.any_length_patterns():
        if pattern.search(text):
            return kind
    if len(text.split()) > rules.MAX_RULE_WORDS:
        return None
    for kind, pattern in rules.line_patterns():
        if pattern.search(text):
            return kind
    if rules.related_header().search(text):
        return "related-links"
    for kind, pattern in rules._neutral_patterns():
        if pattern.search(text):
            return kind
    return None


BOILERPLATE = [
    "Baca juga: Banjir di Demak", "Foto : SCMP/AFP", "A A A Pengaturan Font", "Komentar", "3 Comments",
    "Beranda › Daerah › Sulawesi Utara", "Asia | Indonesia", "(LENSAPOS.example/SLAMET WIDODO)",
    "[Gambas:Video Portal]", "SCROLL TO CONTINUE WITH CONTENT", "Share this article", "All rights reserved.",
    "© 2024 Kabar Harian", "Sign up for our newsletter", "Tags:", "(dpr/rin)", "Related stories",
    "Dapatkan update berita pilihan setiap hari, mari bergabung di Grup Telegram kami dengan klik link",
]


def test_prefilter_agrees_on_real_lines():
    lines = list(BOILERPLATE)
    for path in FIXTURES.iterdir():
        if path.suffix == ".txt":
            lines.extend(l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip())
    kinds = [rule_kind(t) for t in lines]
    assert kinds == [_pattern_by_pattern(t) for t in lines]
    assert sum(k is not None for k in kinds) >= len(BOILERPLATE)  # the fixtures do hit the patterns


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BOILERPLATE + ["berita", "Jakarta", ":", "|", "›", "(", ")", "/", "-", "2024"]),
                max_size=6).map(" ".join) | st.text(max_size=60))
def test_prefilter_agrees_on_any_line(text):
    assert rule_kind(text) == _pattern_by_pattern(text)


def test_alternatives_split_only_at_the_top_level():
    assert top_level_alternatives(r"^(a|b)\|c|[|(]x|d") == [r"^(a|b)\|c", "[|(]x", "d"]
    assert top_level_alternatives(r"^[]|]a|b") == ["^[]|]a", "b"]
    assert group_inner("(?:^a|b)") == "^a|b"
    assert group_inner("(?:a)|(?:b)") is None
    assert group_inner("(?:a)(?:b)") is None
