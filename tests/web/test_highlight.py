"""Highlighting and chart geometry on small hand-written records."""

from __future__ import annotations

from kabar.records import Article, DateRef, EntityMention, Quote
from kabar.web.charts import activity_chart, coverage_bar, date_span, timeline_chart
from kabar.web.highlight import Span, highlight_paragraphs


def flatten(segments) -> str:
    return "".join(s if isinstance(s, str) else flatten(s.children) for s in segments)


def spans(segments, kind=None):
    for s in segments:
        if isinstance(s, Span):
            if kind in (None, s.kind):
                yield s
            yield from spans(s.children, kind)


def test_quotes_hold_entities_and_dates_and_no_text_is_lost():
    body = ("Menlu Retno Marsudi tiba di Moskwa pada Selasa (9/4).",
            '"Kami membahas kerja sama dengan Rusia," kata Retno Marsudi.')
    article = Article(
        id="a", source="t", language="id", body=body,
        entities=(EntityMention("per:retno", "Retno Marsudi", "PER", ("Retno Marsudi",)),
                  EntityMention("loc:rusia", "Rusia", "LOC", ("Rusia", "Moskwa"))),
        dates=(DateRef("Selasa (9/4)", "2024-04-09", start=body[0].index("Selasa")),),
        quotes=(Quote("Kami membahas kerja sama dengan Rusia", "Retno Marsudi", "per:retno", "kata", paragraph=1),),
    )
    first, second = highlight_paragraphs(article)
    assert flatten(first) == body[0] and flatten(second) == body[1]
    assert [s.label for s in spans(first, "date")] == ["2024-04-09"]
    assert {s.link for s in spans(first, "entity")} == {"per:retno", "loc:rusia"}
    quote = next(spans(second, "quote"))
    assert quote.link == "per:retno" and [s.link for s in spans(quote.children, "entity")] == ["loc:rusia"]
    assert [s.link for s in spans(second, "entity")] == ["loc:rusia", "per:retno"]


def test_overlapping_spans_are_dropped_not_crossed():
    body = ("Gubernur Jawa Tengah meninjau banjir.",)
    article = Article(id="b", source="t", language="id", body=body,
                      entities=(EntityMention("org:gub", "Gubernur Jawa", "ORG", ("Gubernur Jawa",)),
                                EntityMention("loc:jateng", "Jawa Tengah", "LOC", ("Jawa Tengah",))))
    (segments,) = highlight_paragraphs(article)
    assert flatten(segments) == body[0] and len(list(spans(segments))) == 1


def test_charts():
    bar = coverage_bar({"A": 3, "B": 1, "": 1})
    assert [s.outlet for s in bar] == ["A", "B", "unknown outlet"] and round(sum(s.width for s in bar)) == 100
    chart = timeline_chart([{"date": "2021", "background": True}, {"date": "2025-04-17"}, {"date": "2025-04-17"}])
    assert [p.count for p in chart.points] == [1, 2] and chart.points[0].background and chart.points[0].x < chart.points[1].x
    monthly = activity_chart(["2025-01-03", "2025-03-09", "2025-03-20"])
    assert [b.count for b in monthly.bars] == [1, 0, 2]
    yearly = activity_chart(["2015-01-01", "2025-01-01"])
    assert len(yearly.bars) == 11 and activity_chart([None]) is None
    assert date_span("2025-04-17", "2025-04-18") == "17 Apr 2025 – 18 Apr 2025"
