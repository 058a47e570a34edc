"""NER benchmark: entity-level F1 on the dev splits of IDNer-news-2k and NERGrit (the same
computation as ../shared/bin/ner-score, which is also run on the written predictions when
present) and tagging speed, written to bench/results/ner.json.

    .venv/bin/python bench/ner.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kabar.annotate.entities import recognize
from kabar.annotate.entities.corpora import CORPORA, entity_f1, read_conll
from kabar.annotate.entities.recognizer import Tagger

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"


def shared_score(gold: Path, tokens: list[list[str]], tags: list[list[str]]) -> str | None:
    scorer = SHARED / "bin" / "ner-score"
    if not scorer.exists():
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as out:
        for sentence, sentence_tags in zip(tokens, tags):
            out.writelines(f"{t}\t{g}\n" for t, g in zip(sentence, sentence_tags))
            out.write("\n")
    result = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", out.name],
                            capture_output=True, text=True)
    Path(out.name).unlink()
    return result.stdout.strip().splitlines()[-1]


def main() -> None:
    data = SHARED / "data" / "ner"
    if not data.exists():
        sys.exit(f"no NER data at {data}")
    results: dict = {}
    all_tokens = []
    for name, (_, dev_file) in CORPORA.items():
        dev = read_conll(data / dev_file)
        tokens = [t for t, _ in dev]
        all_tokens += tokens
        tagger = Tagger()
        predicted = tagger.tag_sentences(tokens)
        results[name] = entity_f1([g for _, g in dev], predicted)
        results[name]["shared_ner_score"] = shared_score(data / dev_file, tokens, predicted)
    # Speed on text the tagger has not seen: a fresh tagger, so no cached word features.
    tagger = Tagger()
    n_tokens = sum(len(s) for s in all_tokens)
    started = time.process_time()
    tagger.tag_sentences(all_tokens)
    cold = time.process_time() - started
    started = time.process_time()
    tagger.tag_sentences(all_tokens)
    warm = time.process_time() - started
    results["speed"] = {"tokens": n_tokens, "tokens_per_second_cold": round(n_tokens / cold),
                        "tokens_per_second_warm": round(n_tokens / warm)}
    results["recognize"] = recognize_speed()
    out = ROOT / "bench" / "results" / "ner.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")
    print(json.dumps(results, indent=1))


def recognize_speed(limit: int = 300) -> dict:
    """Milliseconds per article for recognize() on real news articles (CLICK-ID).

    "cold": one pass over ``limit`` articles in a fresh process (every word's features are
    computed for the first time); "steady": the same articles after ``limit`` other articles
    went through, as in a long ingest where the per-word caches are warm. Times are CPU time of
    this process (the machine is shared, wall time is noisy)."""
    path = SHARED / "data" / "clickid-2019" / "articles.jsonl"
    if not path.exists():
        return {}
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("text"):
                articles.append((record.get("title"), record["text"].split("\n")))
            if len(articles) >= 2 * limit:
                break
    measured, warm_up = articles[:limit], articles[limit:]
    recognize(["Presiden Joko Widodo tiba di Jakarta."], "id")  # loading the model is not part of the per-article cost
    started = time.process_time()
    n_entities = sum(len(recognize(paragraphs, "id", title=title)) for title, paragraphs in measured)
    cold = time.process_time() - started
    from kabar.annotate.entities.recognizer import default_tagger
    default_tagger.cache_clear()
    recognize(["Presiden Joko Widodo tiba di Jakarta."], "id")
    for title, paragraphs in warm_up:
        recognize(paragraphs, "id", title=title)
    started = time.process_time()
    for title, paragraphs in measured:
        recognize(paragraphs, "id", title=title)
    steady = time.process_time() - started
    words = sum(len(p.split()) for _, ps in measured for p in ps)
    return {"articles": len(measured), "ms_per_article_cold": round(cold / len(measured) * 1000, 2),
            "ms_per_article_steady": round(steady / len(measured) * 1000, 2),
            "words_per_article": round(words / len(measured)),
            "entities_per_article": round(n_entities / len(measured), 1)}


if __name__ == "__main__":
    main()
