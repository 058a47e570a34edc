"""Entity linking on invented sentences: aliases, roles, short forms, typos, stable ids."""

from kabar.annotate.entities import EntityRegistry, recognize


def by_id(entities):
    return {e.id: e for e in entities}


def test_putin_role_short_form_and_typo_share_one_entity():
    paragraphs = [
        "Presiden Rusia Vladimir Putin bertemu dengan para diplomat di Moskow pada Rabu.",
        "Dalam pertemuan itu, Presiden Putin menyampaikan pandangannya tentang kerja sama.",
        "Menurut Putin, hubungan kedua negara sangat penting.",
        "Wartawan menulis bahwa Valdimir Putin juga menyinggung soal ekonomi.",
    ]
    people = [e for e in recognize(paragraphs, "id") if e.type == "PER"]
    assert len(people) == 1
    putin = people[0]
    assert putin.id == "per:vladimir-putin" and putin.name == "Vladimir Putin"
    assert putin.role == "Presiden"
    assert putin.mentions[0] == "Vladimir Putin" and "Putin" in putin.mentions
    assert putin.count == 4


def test_china_names_merge():
    paragraphs = [
        "Utusan dari China tiba di Jakarta.",
        "Menurut pejabat Tiongkok, RRT siap bekerja sama dengan Indonesia.",
        "Kantor berita Cina melaporkan bahwa RRC juga mengundang Republik Rakyat Tiongkok lainnya.",
    ]
    china = by_id(recognize(paragraphs, "id"))["loc:cn"]
    assert china.type == "LOC"
    assert {"China", "Tiongkok", "RRT"} <= set(china.mentions)
    assert china.name == "Tiongkok"


def test_russia_moscow_us_and_un_aliases_across_languages():
    ids_id = by_id(recognize([
        "Delegasi Federasi Rusia tiba di Moskwa, sementara Amerika Serikat dan PBB mengamati.",
        "Pejabat AS menyebut Rusia tidak hadir di Perserikatan Bangsa-Bangsa."], "id"))
    ids_en = by_id(recognize([
        "Officials from Russia met in Moscow while the United States and the United Nations watched."], "en"))
    for entity_id in ("loc:ru", "loc:moscow", "loc:us", "org:united-nations"):
        assert entity_id in ids_id, entity_id
        assert entity_id in ids_en, entity_id
        assert ids_id[entity_id].name == ids_en[entity_id].name


def test_minister_role_and_surname_within_article():
    paragraphs = [
        "Menteri Luar Negeri Rusia Sergei Lavrov mengatakan pihaknya siap berunding dengan Wang Yi.",
        "Lavrov menambahkan bahwa Wang memahami posisi Rusia.",
    ]
    entities = by_id(recognize(paragraphs, "id"))
    lavrov = entities["per:sergei-lavrov"]
    assert lavrov.role == "Menteri Luar Negeri"
    assert lavrov.mentions == ("Sergei Lavrov", "Lavrov")
    assert entities["per:wang-yi"].count == 2


def test_registry_links_short_form_and_spelling_variant_in_later_articles():
    registry = EntityRegistry()
    recognize(["Menlu Rusia Sergei Lavrov tiba di Beijing pada Senin."], "id", registry=registry)
    later = recognize(["Di Jakarta, Lavrov mengatakan perundingan berjalan baik."], "id", registry=registry)
    assert "per:sergei-lavrov" in by_id(later)
    variant = recognize(["Sergey Lavrov berbicara kepada wartawan di Moskow."], "id", registry=registry)
    assert "per:sergei-lavrov" in by_id(variant)

    restored = EntityRegistry.loads(registry.dumps())
    again = recognize(["Lavrov menolak berkomentar."], "id", registry=restored)
    assert by_id(again)["per:sergei-lavrov"].name == "Sergei Lavrov"


def test_acronym_in_brackets_joins_its_long_form():
    paragraphs = [
        "Saham di Bursa Efek Indonesia (BEI) naik tajam pada perdagangan Senin.",
        "Direksi BEI menyebut kenaikan itu wajar.",
    ]
    orgs = [e for e in recognize(paragraphs, "id") if e.type == "ORG"]
    bei = [e for e in orgs if "BEI" in e.mentions]
    assert len(bei) == 1 and bei[0].name == "Bursa Efek Indonesia" and bei[0].count == 3
    assert bei[0].mentions == ("Bursa Efek Indonesia", "BEI")


def test_ids_are_the_same_between_runs_and_registries():
    paragraphs = ["Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Tokyo."]
    first = [(e.id, e.name) for e in recognize(paragraphs, "id")]
    second = [(e.id, e.name) for e in recognize(paragraphs, "id", registry=EntityRegistry())]
    assert first == second
    assert ("loc:jp", "Jepang") in first


def test_empty_and_punctuation_only_input():
    assert recognize([], "id") == []
    assert recognize(["", "—", "..."], "id", title="") == []


def test_english_names_end_at_lower_case_words_and_keep_roles():
    entities = by_id(recognize(
        ["Russian Foreign Minister Sergey Lavrov met Chinese top diplomat Wang Yi in Moscow on Wednesday."], "en"))
    assert entities["per:sergey-lavrov"].role == "Foreign Minister"
    assert entities["loc:moscow"].mentions == ("Moscow",)
    assert "per:wang-yi" in entities
