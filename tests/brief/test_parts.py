"""The parts of the brief on small hand-made inputs: sentences, quote fragments, boilerplate,
disputed numbers, timeline precision and quote grouping."""

from __future__ import annotations

from kabar.brief import build_brief, render_brief
from kabar.brief.sentences import (
    article_sentences, conflicting_numbers, language_data, split_text, strip_dateline, unquoted,
)
from kabar.records import Article, DateRef, Quote


def article(id, body, outlet="Warta", language="id", dates=(), quotes=(), published="2023-02-22"):
    return Article(id=id, source="test", language=language, body=tuple(body), outlet=outlet,
                   published=published, title=f"Judul {id}", dates=tuple(dates), quotes=tuple(quotes))


def texts(paragraph, language="id"):
    return [paragraph[a:b] for a, b in split_text(paragraph, language_data(language).abbreviations)]


def test_sentences_end_at_full_stops_but_not_after_abbreviations():
    assert texts("Dr. Budi tiba pukul 10.30 WIB. Ia disambut Prof. Ani di Jl. Merdeka.") == [
        "Dr. Budi tiba pukul 10.30 WIB.", "Ia disambut Prof. Ani di Jl. Merdeka."]
    assert texts('"Kami siap," kata Budi. "Kami juga," tambahnya.') == [
        '"Kami siap," kata Budi.', '"Kami juga," tambahnya.']
    assert texts("Mr. Smith met U.S. officials. They agreed.", "en") == [
        "Mr. Smith met U.S. officials.", "They agreed."]


def test_a_dateline_is_not_part_of_the_first_sentence():
    assert strip_dateline("JAKARTA - Presiden tiba di Moskow.", None) == "Presiden tiba di Moskow."
    assert strip_dateline("Antv – Presiden tiba.", None) == "Presiden tiba."
    assert strip_dateline("Presiden tiba di Moskow pada Rabu.", None) == "Presiden tiba di Moskow pada Rabu."


def test_quoted_words_are_blanked_across_sentences_and_paragraph_starts():
    assert unquoted('"Sulit. Saya lebih baik," katanya.').strip() == "katanya."
    assert unquoted('Saya pulang." Ia pergi.').strip() == "Ia pergi."  # a quote begun earlier
    assert unquoted("”Kerja sama penting,” kata Putin.").strip() == "kata Putin."  # Kompas style
    assert unquoted('Sang "bintang" dirawat.') == "Sang           dirawat."


def test_bare_quotes_boilerplate_and_headlines_are_not_news():
    body = [
        "Baca juga: Harga minyak dunia naik lagi pekan ini",
        '"Kami siap memperkuat kerja sama kedua negara," tambahnya.',
        "Presiden Rusia Vladimir Putin menerima Wang Yi di Kremlin pada Rabu.",
        "Putin Terima Wang Yi Di Kremlin Moskow Rusia",
        '"Hubungan kami kokoh. Kami akan terus bekerja sama dengan Rusia di semua bidang.',
        'Itu yang kami inginkan," kata Wang Yi kepada wartawan di Moskow.',
    ]
    flags = [(s.text, s.newsworthy) for s in article_sentences(article("a", body))]
    assert [f for _, f in flags] == [False, False, True, False, False, False, False]


def test_numbers_that_disagree():
    assert conflicting_numbers("Sebanyak 120 diplomat hadir.", "Sebanyak 150 diplomat hadir.") == (("120",), ("150",))
    assert conflicting_numbers("Sebanyak 120 diplomat hadir.", "Ratusan diplomat hadir.") is None
    assert conflicting_numbers("120 diplomat hadir pada 22 Februari.", "120 diplomat hadir.") is None


def test_a_month_precision_date_folds_into_the_day_it_restates():
    first = article("a", ["Menteri Wang Yi bertemu Nikolai Patrushev di Moskow pada 21 Februari 2023 untuk membahas keamanan."],
                    dates=[DateRef("21 Februari 2023", "2023-02-21", 62)])
    second = article("b", ["Pada Februari 2023, Menteri Wang Yi bertemu Nikolai Patrushev di Moskow untuk membahas keamanan."],
                     outlet="Kabar", dates=[DateRef("Februari 2023", "2023-02", 5)])
    story = build_brief("s", [first, second])
    assert [(e.date, set(e.articles)) for e in story.timeline] == [("2023-02-21", {"a", "b"})]


def test_two_statements_of_one_speaker_stay_apart_and_one_statement_merges():
    said = "Kerja sama kedua negara sangat penting untuk stabilitas dunia"
    other = "Kami akan mengirim bantuan kemanusiaan ke wilayah yang terdampak gempa"
    first = article("a", [f'"{said}," kata Putin.', f'"{other}," tambah Putin.'],
                    quotes=[Quote(said, "Vladimir Putin", "per:putin"), Quote(other, "Vladimir Putin", "per:putin")])
    second = article("b", [f'"{said} saat ini," ujar Putin.'], outlet="Kabar",
                     quotes=[Quote(f"{said} saat ini", "Putin", "per:putin")])
    third = article("c", ["Putin mengatakan kerja sama kedua negara sangat penting."], outlet="Suara",
                    quotes=[Quote("kerja sama kedua negara sangat penting", "Putin", "per:putin", direct=False)])
    quotes = build_brief("s", [first, second, third]).quotes
    assert len(quotes) == 2
    merged = next(q for q in quotes if "stabilitas" in q.text)
    assert set(merged.articles) == {"a", "b", "c"} and merged.direct
    assert merged.speaker == "Vladimir Putin"  # two quotes each way: the fuller name
    assert next(q for q in quotes if "bantuan" in q.text).articles == ("a",)


def test_disputed_number_is_not_support():
    first = article("a", ["Sebanyak 120 orang tewas dalam gempa di Cianjur pada Senin siang."])
    second = article("b", ["Sebanyak 150 orang tewas dalam gempa di Cianjur pada Senin siang."], outlet="Kabar")
    story = build_brief("s", [first, second])
    assert all(len(s.articles) == 1 for s in story.summary)


def test_a_short_name_of_one_speaker_joins_the_full_name_but_a_shared_one_does_not():
    def quoted(id, words, speaker, speaker_id):
        return article(id, [f'"{words}," kata {speaker}.'], outlet=id, quotes=[Quote(words, speaker, speaker_id)])

    story = build_brief("s", [
        quoted("a", "Kondisi ayah saya sudah stabil dan membaik", "Thareq Kemal Habibie", "per:thareq"),
        quoted("b", "Tim dokter di sini bagus sekali untuk ayah", "Thareq", None),
        quoted("c", "Mohon doa dari semua pihak untuk kesembuhan beliau", "Habibie", None),
        quoted("d", "Kami mohon doa dari seluruh rakyat Indonesia", "BJ Habibie", "per:bj-habibie"),
    ])
    speakers = {q.text.split()[0]: (q.speaker, q.speaker_id) for q in story.quotes}
    assert speakers["Tim"] == ("Thareq Kemal Habibie", "per:thareq")
    assert speakers["Mohon"] == ("Habibie", None)  # "Habibie" could be either Habibie


def test_a_date_whose_offset_does_not_point_at_it_is_found_by_its_text():
    body = ["Presiden menerima tamu negara di istana pada hari Senin pagi bersama para menteri."]
    wrong = article("a", body, dates=[DateRef("Senin", "2023-02-20", 9999)])
    story = build_brief("s", [wrong])
    assert [(e.date, e.text) for e in story.timeline] == [("2023-02-20", body[0])]


def test_articles_with_nothing_to_say_still_make_a_page():
    from rich.console import Console

    empty = Article(id="kosong", source="test", language="id", body=())
    furniture = Article(id="iklan", source="test", language="id", body=("Baca juga: Harga emas hari ini",))
    story = build_brief("s", [empty, furniture])
    assert story.title and story.summary == () and story.start is None
    console = Console(record=True, width=80)
    console.print(render_brief(story, {"kosong": empty, "iklan": furniture}))
    assert "date unknown" in console.export_text()


def test_outlets_that_put_one_happening_on_different_days_are_shown_both():
    from kabar.brief.context import story_text
    from kabar.brief.coverage import find_disagreements

    first = article("a", ["Menteri Wang Yi bertemu Nikolai Patrushev di Moskow pada Selasa untuk membahas keamanan."],
                    dates=[DateRef("Selasa", "2023-02-21", 54)])
    second = article("b", ["Menteri Wang Yi bertemu Nikolai Patrushev di Moskow pada Rabu untuk membahas keamanan."],
                     outlet="Kabar", dates=[DateRef("Rabu", "2023-02-22", 54)])
    found = find_disagreements(story_text([first, second]))
    assert len(found) == 1
    assert {found[0].first_only, found[0].second_only} == {("2023-02-21",), ("2023-02-22",)}


def test_a_sentence_that_leans_on_the_one_before_gives_way_to_one_that_stands_alone():
    leaning = "Ia mengatakan kondisi Habibie sudah membaik setelah dirawat intensif di RSPAD."
    story = build_brief("s", [
        article("a", [leaning]),
        article("c", [leaning], outlet="Suara"),  # the leaning wording is the more common one
        article("b", ["Thareq mengatakan kondisi Habibie sudah membaik setelah dirawat intensif di RSPAD."],
                outlet="Kabar"),
    ])
    assert story.summary[0].text.startswith("Thareq")
    assert set(story.summary[0].articles) == {"a", "b", "c"}
