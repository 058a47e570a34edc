"""The labelled development sets clustering learns from and is measured on.

They live outside the repository, in ``../shared/data`` next to it, and are never copied in.
Articles are cleaned and annotated by the real pipeline (``kabar.pipeline.prepare``) when it
is importable, and cached in a pickle under the temp folder since annotating is slow; when it
is not, articles are built from the raw fields with no entities, which clustering tolerates.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from kabar.records import Article, RawDocument

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


def shared_data() -> Path:
    return Path(os.environ.get("KABAR_SHARED_DATA", SHARED)).resolve()


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def raw_document(rec: dict, source: str) -> RawDocument:
    return RawDocument(
        id=str(rec["id"]),
        source=source,
        text=rec.get("text"),
        html=rec.get("html"),
        url=rec.get("url"),
        outlet=rec.get("outlet"),
        published=rec.get("published"),
        title=rec.get("title"),
        language=rec.get("language"),
    )


def plain_article(doc: RawDocument) -> Article:
    """An article from the raw fields only: paragraphs split on blank lines, no annotation."""
    text = doc.text or ""
    paragraphs = [p.strip() for p in text.replace("\r", "").split("\n\n") if p.strip()]
    if len(paragraphs) <= 1:
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    published = doc.published[:10] if doc.published else None
    return Article(
        id=doc.id, source=doc.source, language=doc.language or "id", body=tuple(paragraphs),
        outlet=doc.outlet, title=doc.title, published=published, url=doc.url,
    )


def _pipeline_preparer() -> Callable[[RawDocument], Article] | None:
    """The pipeline's own clean-and-annotate step with the state an ingest carries from one
    article to the next (outlet templates, the entity registry), so the articles clustering is
    tuned on are the ones ``kabar ingest`` clusters."""
    if os.environ.get("KABAR_CLUSTER_PLAIN"):
        return None
    try:
        from kabar.annotate.entities import EntityRegistry
        from kabar.clean import TemplateMemory
        from kabar.pipeline import prepare
    except Exception:  # the pipeline is optional here: plain articles still cluster
        return None
    templates, registry = TemplateMemory(), EntityRegistry()
    return lambda doc: prepare(doc, templates, registry)


def _code_digest() -> str:
    """A digest of the code and data that shape an annotated article: a cached set made by
    older code is not reused (a stale cache once made this module disagree with the CLI)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for folder in ("read", "clean", "annotate", "lang", "data"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "cluster" not in path.parts and path.suffix != ".pyc":
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    digest.update((root / "pipeline.py").read_bytes())
    return digest.hexdigest()[:10]


def _read_documents(path: Path) -> list[RawDocument]:
    try:
        from kabar.read import read_paths
    except Exception:
        records = _read_jsonl(path)
        return [raw_document(r, f"{path.name}:{i + 1}") for i, r in enumerate(records)]
    return [d for d in read_paths([str(path)]) if isinstance(d, RawDocument)]


def load_articles(path: Path, annotated: bool = True) -> list[Article]:
    """Articles of a JSONL file in file order, prepared as ``kabar ingest`` prepares them
    (the same reader, cleaner and annotator, exact copies dropped) when the pipeline is
    importable, else built from the raw fields."""
    prepare = _pipeline_preparer() if annotated else None
    if prepare is None:
        return [plain_article(d) for d in _read_documents(path)]
    from kabar.pipeline import content_hash

    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:10] + "-" + _code_digest()
    cache = Path(tempfile.gettempdir()) / f"kabar-cluster-{path.parent.name}-{digest}.pkl"
    if cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    articles, seen = [], set()
    for doc in _read_documents(path):
        digest_of_content = content_hash(doc)
        if digest_of_content in seen:  # the pipeline stores one copy of identical content
            continue
        try:
            article = prepare(doc)
        except Exception:  # a rejected article is left out, as the pipeline would
            continue
        seen.add(digest_of_content)
        articles.append(article)
    with open(cache, "wb") as fh:
        pickle.dump(articles, fh)
    return articles


def ecbplus(annotated: bool = True) -> tuple[list[Article], dict[str, str]] | None:
    folder = shared_data() / "ecbplus-dev"
    if not (folder / "articles.jsonl").exists():
        return None
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return load_articles(folder / "articles.jsonl", annotated), gold


def events_id(annotated: bool = True) -> tuple[list[Article], dict[str, str]] | None:
    folder = shared_data() / "events-id-dev"
    if not (folder / "articles.jsonl").exists():
        return None
    raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    gold = {str(a): ev for ev, e in raw["events"].items() for a in e["articles"]}
    return load_articles(folder / "articles.jsonl", annotated), gold


def seeds(annotated: bool = True) -> list[Article] | None:
    folder = shared_data() / "seeds"
    files = sorted(folder.glob("*.txt")) if folder.exists() else []
    if not files:
        return None
    prepare = _pipeline_preparer() if annotated else None
    out = []
    for f in files:
        doc = RawDocument(id=f.stem, source=str(f), text=f.read_text(encoding="utf-8"))
        out.append(prepare(doc) if prepare else plain_article(doc))
    return out


# -- scores, the same definitions as the shared score.py ---------------------------------
def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    docs = sorted(gold)
    p_of = {d: pred.get(d) or ("alone", d) for d in docs}
    g_members: dict = {}
    p_members: dict = {}
    for d in docs:
        g_members.setdefault(gold[d], set()).add(d)
        p_members.setdefault(p_of[d], set()).add(d)
    bp = br = 0.0
    for d in docs:
        g, p = g_members[gold[d]], p_members[p_of[d]]
        inter = len(g & p)
        bp += inter / len(p)
        br += inter / len(g)
    bp, br = bp / len(docs), br / len(docs)
    return bp, br, (2 * bp * br / (bp + br) if bp + br else 0.0)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    docs = sorted(gold)
    p_of = {d: pred.get(d) or ("alone", d) for d in docs}
    from collections import Counter

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    both = Counter((gold[d], p_of[d]) for d in docs)
    tp = sum(pairs(n) for n in both.values())
    pp = sum(pairs(n) for n in Counter(p_of.values()).values())
    gp = sum(pairs(n) for n in Counter(gold.values()).values())
    p = tp / pp if pp else 0.0
    r = tp / gp if gp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
