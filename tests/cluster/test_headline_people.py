"""The headline's people as an event's anchor: two visitors of one patient share every other word
of the case, and only who the headline names tells the visits apart. Small invented articles."""

from __future__ import annotations

from kabar.cluster.profile import FEATURES, StoryState, build_profile, features, weigh
from kabar.cluster.text import Stemmer
from kabar.records import Article, EntityMention

STEM = Stemmer()
PATIENT = EntityMention(id="per:sutan-arifin", name="Sutan Arifin", type="PER", mentions=("Sutan Arifin", "Arifin"))
DOCTOR = EntityMention(id="per:rina-lestari", name="Rina Lestari", type="PER", mentions=("Rina Lestari",))


def visit(aid: str, visitor: EntityMention, title: str) -> Article:
    body = (
        f"{visitor.mentions[0]} menjenguk mantan menteri Sutan Arifin yang dirawat di rumah sakit pusat, Selasa.",
        "Dokter Rina Lestari mengatakan kondisi Arifin stabil dan ia masih dirawat di ruang intensif.",
        "Arifin dirawat sejak Minggu karena gangguan jantung, kata keluarga.",
    )
    return Article(id=aid, source=f"test:{aid}", language="id", title=title, body=body,
                   entities=(visitor, PATIENT, DOCTOR))


HADI = EntityMention(id="per:hadi-gunawan", name="Hadi Gunawan", type="PER", mentions=("Hadi Gunawan", "Hadi"))
WULAN = EntityMention(id="per:wulan-sari", name="Wulan Sari", type="PER", mentions=("Wulan Sari", "Wulan"))


def profile(a: Article):
    p = build_profile(a, STEM)
    flat = lambda term: 1.0  # noqa: E731  every term weighs the same here
    p.vec, p.lead_vec, p.name_vec = weigh(p.text_terms, flat), weigh(p.lead_terms, flat), weigh(p.names, flat)
    return p


def named(p, story):
    return dict(zip(FEATURES, features(p, story)))


def story_of(a: Article) -> StoryState:
    story = StoryState(id="s", first_article=a.id)
    story.absorb(profile(a), 1)
    return story


def test_lead_people_are_the_headline_persons_in_order_not_the_body_ones():
    p = build_profile(visit("a", HADI, "Hadi Gunawan Jenguk Sutan Arifin"), STEM)
    words = [set(w) for _, w in p.lead_people]
    assert len(words) == 2  # the doctor of the body is not in the headline
    assert "gunawan" in words[0]  # stemmed words of the mentions ("hadi" may stem)
    assert {"sutan", "arifin"} <= words[1]


def test_a_page_without_a_headline_leads_with_its_first_paragraph():
    a = visit("a", HADI, "")
    p = build_profile(Article(**{**a.__dict__, "title": None}), STEM)
    assert any("gunawan" in w for _, w in p.lead_people)
    assert not any("rina" in w for _, w in p.lead_people)


def test_another_visitor_in_the_headline_is_missing_from_the_story():
    story = story_of(visit("a", HADI, "Hadi Gunawan Jenguk Sutan Arifin"))
    same = named(profile(visit("b", HADI, "Jenguk Arifin, Hadi Doakan Kesembuhan")), story)
    other = named(profile(visit("c", WULAN, "Wulan Sari Jenguk Sutan Arifin")), story)
    assert same["lead_person_shared"] == 1.0 and same["lead_person_missing"] == 0.0
    assert other["lead_person_missing"] == 1.0
    assert other["lead_person_shared"] < same["lead_person_shared"]


def test_no_person_in_the_headline_says_nothing():
    story = story_of(visit("a", HADI, "Hadi Gunawan Jenguk Sutan Arifin"))
    got = named(profile(visit("b", HADI, "Kondisi Terkini Mantan Menteri di Rumah Sakit")), story)
    assert got["lead_person_shared"] == 0.0 and got["lead_person_missing"] == 0.0
