"""The brief as a rich renderable for `kabar show`: readable in an 80-100 column terminal.

Sources are shown as outlet names (article ids are long hashes); a fact several outlets report
says so, a fact only one outlet reports is listed under that outlet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date as Date

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from kabar.brief.context import outlet_of, story_text
from kabar.brief.coverage import find_disagreements
from kabar.records import Article, Story

MAX_SOURCES_SHOWN = 3
MAX_ID_SHOWN = 14
MAX_SPEAKERS_SHOWN = 6
MAX_QUOTES_SHOWN = 3


def format_date(value: str | None, missing: str = "?") -> str:
    """'2023-02-21' -> '21 Feb 2023', '2023-02' -> 'Feb 2023', '2023' stays; ``missing`` for none."""
    if not value:
        return missing
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return Date(int(parts[0]), int(parts[1]), int(parts[2])).strftime("%-d %b %Y")
        if len(parts) == 2:
            return Date(int(parts[0]), int(parts[1]), 1).strftime("%b %Y")
    except ValueError:
        pass
    return value


def _sources(ids: Sequence[str], articles: Mapping[str, Article]) -> str:
    names = list(dict.fromkeys(_name(a, articles) for a in ids))
    shown = ", ".join(names[:MAX_SOURCES_SHOWN])
    if len(names) > MAX_SOURCES_SHOWN:
        shown += f" +{len(names) - MAX_SOURCES_SHOWN}"
    return shown


def _name(article_id: str, articles: Mapping[str, Article]) -> str:
    """The outlet, else a short form of the article id (ids are often long hashes)."""
    article = articles.get(article_id)
    outlet = outlet_of(article) if article else None
    if outlet:
        return outlet
    return article_id if len(article_id) <= MAX_ID_SHOWN else article_id[:MAX_ID_SHOWN - 1] + "…"


def _heading(title: str) -> Rule:
    return Rule(Text(title, style="bold cyan"), align="left", style="cyan")


def _header(story: Story) -> RenderableType:
    if story.start is None:
        span = "date unknown"
    elif story.start == story.end:
        span = format_date(story.start)
    else:
        span = f"{format_date(story.start)} – {format_date(story.end)}"
    outlets = ", ".join(story.outlets[:6]) + (f" +{len(story.outlets) - 6}" if len(story.outlets) > 6 else "")
    meta = Text.assemble(
        (span, "bold"), " · ", f"{len(story.articles)} article{'s' if len(story.articles) != 1 else ''}",
        " · ", f"{len(story.outlets)} outlet{'s' if len(story.outlets) != 1 else ''}",
        *(([" · ", (f"storyline {story.storyline}", "dim")]) if story.storyline else []),
    )
    lines = [Text(story.title, style="bold"), meta]
    if outlets:
        lines.append(Text(outlets, style="dim"))
    # The title goes inside the panel, where it wraps; a panel's own title line would cut it.
    return Panel(Group(*lines), box=box.ROUNDED, subtitle=Text(story.id, style="dim"), subtitle_align="right")


def _summary(story: Story, articles: Mapping[str, Article]) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=2, justify="right", style="bold")
    table.add_column(ratio=1)
    for number, sentence in enumerate(story.summary, 1):
        line = Text(sentence.text)
        line.append(f"  [{_sources(sentence.articles, articles)}]", style="dim")
        table.add_row(f"{number}.", line)
    return table


def _timeline(story: Story, articles: Mapping[str, Article]) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False)
    table.add_column("date", no_wrap=True, style="bold")
    table.add_column("what happened", ratio=1)
    table.add_column("sources", style="dim", max_width=24)
    for entry in story.timeline:
        what = Text(entry.text, style="italic dim" if entry.background else "")
        if entry.background:
            what.append("  (background)", style="yellow")
        table.add_row(format_date(entry.date), what, _sources(entry.articles, articles))
    return table


def _quotes(story: Story, articles: Mapping[str, Article]) -> RenderableType:
    """Speakers in the brief's order (most reported first), a few statements each; the rest
    are counted, not printed: the terminal page is a brief, the export has them all."""
    by_speaker: dict[str, list] = {}
    for quote in story.quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    parts: list[RenderableType] = []
    for speaker, quotes in list(by_speaker.items())[:MAX_SPEAKERS_SHOWN]:
        parts.append(Text(speaker, style="bold magenta"))
        for quote in quotes[:MAX_QUOTES_SHOWN]:
            line = Text("“" + quote.text + "”" if quote.direct else "(reported) " + quote.text)
            line.append(f"  [{_sources(quote.articles, articles)}]", style="dim")
            parts.append(Padding(line, (0, 0, 0, 2)))
        if len(quotes) > MAX_QUOTES_SHOWN:
            parts.append(Padding(Text(f"+{len(quotes) - MAX_QUOTES_SHOWN} more", style="dim"), (0, 0, 0, 2)))
    hidden = list(by_speaker)[MAX_SPEAKERS_SHOWN:]
    if hidden:
        count = sum(len(by_speaker[s]) for s in hidden)
        parts.append(Text(f"+{count} statements by {len(hidden)} others: " + ", ".join(hidden), style="dim"))
    return Group(*parts)


def _coverage(story: Story) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False)
    table.add_column("outlet", style="bold", max_width=22)
    table.add_column("articles", justify="right")
    table.add_column("only here / cites", ratio=1)
    for coverage in story.coverage:
        cell = Text()
        if coverage.cited_sources:
            cell.append("cites " + ", ".join(coverage.cited_sources), style="dim")
        for fact in coverage.unique:
            cell.append(("\n" if cell else "") + "• " + fact)
        table.add_row(coverage.outlet, str(len(coverage.articles)), cell)
    return table


def _disagreements(story: Story, articles: Mapping[str, Article]) -> RenderableType | None:
    members = [articles[a] for a in story.articles if a in articles]
    if len(members) < 2:
        return None
    found = find_disagreements(story_text(members))
    if not found:
        return None
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", max_width=22)
    table.add_column(ratio=1)
    for item in found:
        for article_id, sentence, only in ((item.first_article, item.first, item.first_only),
                                           (item.second_article, item.second, item.second_only)):
            table.add_row(_name(article_id, articles), Text.assemble(sentence, (f"  ({', '.join(only)})", "bold red")))
        table.add_row("", "")
    return table


def render_brief(story: Story, articles: Mapping[str, Article]) -> RenderableType:
    """The story brief for the terminal; ``articles`` maps ids to records (for outlet names)."""
    parts: list[RenderableType] = [_header(story)]
    if story.summary:
        parts += [_heading("Summary"), _summary(story, articles)]
    if story.timeline:
        parts += [_heading("Timeline"), _timeline(story, articles)]
    if story.quotes:
        parts += [_heading("Who said what"), _quotes(story, articles)]
    if story.coverage:
        parts += [_heading("Coverage"), _coverage(story)]
    disagreements = _disagreements(story, articles)
    if disagreements is not None:
        parts += [_heading("Where outlets differ"), disagreements]
    return Group(*parts)
