"""The command line: thin commands over the pipeline, the store and the brief."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import export as exporting
from .store import SearchQueryError, Store, StoreError, database_url

app = typer.Typer(help="kabar: raw online news into stories, one page per real-world event.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[Optional[str], typer.Option("--db", help="Database URL (default: $KABAR_DB or sqlite:///kabar.db).")]


def _store(db: str | None) -> Store:
    try:
        return Store(database_url(db))
    except StoreError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    format: Annotated[Optional[str], typer.Option("--format", help="txt, html, jsonl or warc (default: by extension).")] = None,
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles stored per transaction.")] = 200,
) -> None:
    """Ingest files or folders: clean, annotate and cluster every article into stories."""
    from .pipeline import Pipeline
    from .read import FORMATS, read_paths

    if format is not None and format not in FORMATS:
        err.print(f"[red]error:[/] unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    store = _store(db)
    pipeline = Pipeline(store, batch_size=batch_size,
                        on_wait=lambda: print("waiting for another ingest into this database to finish", file=sys.stderr))
    total = _count_items(paths, format)
    if err.is_terminal:
        columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.fields[item]}", style="dim"))
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("ingest", total=total, item="")
            report = pipeline.ingest(read_paths(paths, format),
                                     on_item=lambda s: progress.update(task, advance=1, item=_short(s)))
    else:
        done = 0

        def plain_progress(_source: str) -> None:
            nonlocal done
            done += 1
            if done % 1000 == 0:
                print(f"ingest: {done}/{total or '?'} items", file=sys.stderr, flush=True)

        report = pipeline.ingest(read_paths(paths, format), on_item=plain_progress)
    # Plain prints: one line an item, never wrapped, so scripts can grep them.
    for rejected in report.rejected:
        print(f"rejected {rejected.line()}", file=sys.stderr)
    for copy in report.copies:
        print(f"duplicate {copy.line()}", file=sys.stderr)
    if report.duplicates > len(report.copies) and report.copies:
        print(f"duplicate: {report.duplicates - len(report.copies)} more inputs whose content is already stored",
              file=sys.stderr)
    print(report.summary())


@app.command()
def stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many stories.")] = 30,
    outlet: Annotated[Optional[str], typer.Option(help="Only stories this outlet reported.")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only stories mentioning this entity id.")] = None,
    sort: Annotated[str, typer.Option(help="newest (by last date) or size (most articles first).")] = "newest",
    ids: Annotated[bool, typer.Option("--ids", help="Print story ids only, one a line.")] = False,
) -> None:
    """List stories, newest first: id, dates, articles, outlets, title."""
    if sort not in ("newest", "size"):
        err.print("[red]error:[/] --sort must be newest or size")
        raise typer.Exit(2)
    page = _store(db).list_stories(limit=limit, outlet=outlet, entity=entity, sort=sort)
    if ids:
        for row in page.items:
            print(row["id"])
        return
    table = Table(show_lines=False, pad_edge=False, expand=False)
    for name in ("story", "dates", "articles", "outlets", "title"):
        table.add_column(name, overflow="fold", no_wrap=name in ("story", "dates"))
    for row in page.items:
        same_day = row["start"] == row["end"]
        span = (row["start"] or "?") if same_day else f"{row['start'] or '?'} – {row['end'] or '?'}"
        table.add_row(row["id"], span, str(row["n_articles"]), str(len(row["outlets"])), row["title"])
    out.print(table)


@app.command()
def show(story_id: Annotated[str, typer.Argument(help="A story id from `kabar stories`.")], db: DbOption = None) -> None:
    """Print the brief of one story: summary, timeline, who said what, coverage."""
    from .brief import render_brief
    from .pipeline import story_brief

    store = _store(db)
    story = story_brief(store, story_id)
    if story is None:
        err.print(f"[red]error:[/] no story {story_id!r}")
        raise typer.Exit(1)
    articles = {a.id: a for a in store.story_articles(story_id)}
    out.print(render_brief(story, articles))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Full-text query (FTS5 syntax: words, \"phrases\", OR, NOT, prefix*).")],
    db: DbOption = None,
    entity: Annotated[Optional[str], typer.Option(help="Entity id, e.g. per:vladimir-putin.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="How many results.")] = 20,
) -> None:
    """Full-text search over titles and bodies, with filters."""
    try:
        page = _store(db).search(query, limit=limit, entity=entity, outlet=outlet, since=since, until=until)
    except SearchQueryError as error:
        err.print(f"[red]error:[/] {error}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    for row in page.items:
        out.print(f"[bold]{row['id']}[/]  {row['published'] or '?'}  {row['outlet'] or ''}  story {row['story']}",
                  highlight=False)
        out.print(f"  {row['title'] or ''}", markup=False, highlight=False)
        out.print("  " + (row["snippet"] or "").replace("\n", " "), markup=False, highlight=False)
    if not page.items:
        err.print("no matches")


@app.command("export")
def export_command(
    what: Annotated[str, typer.Option("--what", help="articles or stories")] = "articles",
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet")] = "jsonl",
    out_path: Annotated[Optional[Path], typer.Option("--out", help="File to write (default: stdout; parquet needs a file).")] = None,
    db: DbOption = None,
) -> None:
    """Everything, machine-readable: the article or story records of CONTRACT.md."""
    from .pipeline import refresh_briefs

    if what not in ("articles", "stories"):
        err.print("[red]error:[/] --what must be articles or stories")
        raise typer.Exit(2)
    if format not in exporting.FORMATS:
        err.print(f"[red]error:[/] --format must be one of {', '.join(exporting.FORMATS)}")
        raise typer.Exit(2)
    if format == "parquet" and out_path is None:
        err.print("[red]error:[/] parquet needs --out FILE")
        raise typer.Exit(2)
    store = _store(db)
    if what == "articles":
        records = (a.to_export() for a in store.iter_articles())
        schema = exporting.ARTICLE_SCHEMA
    else:
        refresh_briefs(store)
        records = (s.to_export() for s in map(store.story, store.iter_story_ids()) if s is not None)
        schema = exporting.STORY_SCHEMA
    if format == "parquet":
        count = exporting.write_parquet(records, str(out_path), schema)
    else:
        writer = exporting.write_jsonl if format == "jsonl" else exporting.write_csv
        if out_path is None:
            count = writer(records, sys.stdout)
        else:
            with out_path.open("w", encoding="utf-8", newline="") as handle:
                count = writer(records, handle)
    if out_path is not None:
        err.print(f"wrote {count} {what} to {out_path}")


@app.command("import")
def import_command(
    source: Annotated[str, typer.Argument(help="A database URL (sqlite:///old.db, postgresql://...) or a dump file (.jsonl.gz).")],
    db: DbOption = None,
    dump: Annotated[Optional[Path], typer.Option("--dump", help="Instead of importing, write the SOURCE database to this dump file.")] = None,
) -> None:
    """Copy a whole database (articles, stories with briefs, entities, pipeline state) into an empty --db."""
    from .store.transfer import TransferError, copy_database, dump_database, load_dump

    try:
        if dump is not None:
            if "://" not in source:
                err.print("[red]error:[/] --dump needs SOURCE to be a database URL")
                raise typer.Exit(2)
            counts = dump_database(_store(source), dump)
            err.print(f"wrote {counts['articles']} articles, {counts['stories']} stories to {dump}")
            return
        target = _store(db)
        if "://" in source:
            counts = copy_database(_store(source), target)
        elif Path(source).is_file():
            counts = load_dump(target, source)
        else:
            err.print(f"[red]error:[/] {source}: neither a database URL nor a dump file")
            raise typer.Exit(2)
    except TransferError as error:
        err.print(f"[red]error:[/] {error}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    print(f"imported {counts['articles']} articles, {counts['stories']} stories, {counts['entities']} entities "
          f"into {target.url}")


@app.command()
def tag(
    conll: Annotated[Path, typer.Option("--conll", help="Pre-tokenised text: a token in the first column, blank line between sentences.")],
    language: Annotated[str, typer.Option(help="Language of the text.")] = "id",
) -> None:
    """Named-entity tags (IOB2) for pre-tokenised CoNLL text: writes token<TAB>TAG lines."""
    from .annotate.entities import tag_sentences

    try:
        lines = conll.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        err.print(f"[red]error:[/] cannot read {conll}: {error}")
        raise typer.Exit(2) from None
    sentences: list[list[str]] = [[]]
    for line in lines:
        fields = line.split()
        if fields:
            sentences[-1].append(fields[0])
        elif sentences[-1]:
            sentences.append([])
    sentences = [s for s in sentences if s]
    tags = tag_sentences(sentences, language)
    write = sys.stdout.write
    for sentence, sentence_tags in zip(sentences, tags):
        for token, label in zip(sentence, sentence_tags):
            write(f"{token}\t{label}\n")
        write("\n")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    db: DbOption = None,
) -> None:
    """Web UI and JSON API (OpenAPI schema at /openapi.json)."""
    import uvicorn

    from .web import create_app

    store = _store(db)
    err.print(f"kabar serving {store.url} on http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command("train-ner")
def train_ner(
    data: Annotated[Path, typer.Option(help="The shared data folder (with ner/ and gazetteer/).")] = Path("../shared/data"),
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Where to write the model (default: the package's own).")] = None,
) -> None:
    """Retrain the Indonesian named-entity model from the shared data and ship it in the package."""
    from .annotate.entities.train import DEFAULT_MODEL_DIR, train_model

    scores = train_model(data, out_dir or DEFAULT_MODEL_DIR)
    out.print(scores)


def _count_items(paths: list[Path], fmt: str | None) -> int | None:
    """How many items an ingest will see, for the progress bar (JSONL lines counted cheaply)."""
    from .read import format_of
    from .read.limits import MAX_LINE_BYTES
    from .read.streams import GZIP_ERRORS, bounded_lines, open_input

    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            kind = fmt or format_of(file)
            if kind == "jsonl":
                try:  # bounded reads: a file with no newline must not be read into memory whole
                    with open_input(file) as handle:
                        total += sum(1 for _, line in bounded_lines(handle, MAX_LINE_BYTES)
                                     if isinstance(line, int) or line.strip())
                except (OSError, *GZIP_ERRORS):
                    total += 1
            elif kind is not None or not path.is_dir():
                total += 1
    return total or None


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else "…" + source[-width + 1:]


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
