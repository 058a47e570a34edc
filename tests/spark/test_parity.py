"""The Spark job at local[2] gives the same stories, in the same order, as `kabar ingest`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from kabar.cli import app

from ..conftest import EXAMPLES, SHARED

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'kabar[spark]')")
runner = CliRunner()


@pytest.fixture(scope="module")
def spark():
    if not (os.environ.get("JAVA_HOME") or any(Path(p, "java").exists() for p in os.environ.get("PATH", "").split(":"))):
        pytest.skip("Spark needs Java (17+) on the PATH")
    from kabar.spark import spark_session

    session = spark_session("local[2]", "kabar-tests")
    yield session
    session.stop()


def local_ingest(paths: list[str], url: str) -> tuple[list[dict], list[dict]]:
    result = runner.invoke(app, ["ingest", *paths, "--db", url], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return export(url, "stories"), export(url, "articles")


def export(url: str, what: str) -> list[dict]:
    result = runner.invoke(app, ["export", "--what", what, "--db", url], catch_exceptions=False)
    return [json.loads(line) for line in result.stdout.splitlines()]


def assert_same_records(got: list[dict], expected: list[dict]) -> None:
    """Equal lists of records; on failure, name the first record and fields that differ."""
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    for mine, theirs in zip(got, expected):
        differing = {k: (mine.get(k), theirs.get(k)) for k in theirs.keys() | mine.keys() if mine.get(k) != theirs.get(k)}
        assert not differing, f"{theirs['id']}: (spark, local) {differing}"


def spark_records(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("inputs", ["corpus", "seeds"])
def test_spark_job_gives_the_local_stories(spark, inputs: str, tmp_path: Path):
    from kabar.spark import run_job

    if inputs == "seeds":
        if not (SHARED / "seeds").is_dir():
            pytest.skip("needs ../shared/data/seeds (not present beside the repository)")
        paths = [str(SHARED / "seeds")]
    else:
        paths = [str(EXAMPLES)]
    stories, articles = local_ingest(paths, f"sqlite:///{tmp_path / 'local.db'}")
    spark_db = f"sqlite:///{tmp_path / 'spark.db'}"
    report = run_job(spark, paths, out_dir=str(tmp_path / "out"), db_url=spark_db, partitions=2)
    assert report.ingested == len(articles) and report.confirmed + report.rerun == len(articles)
    # Clustered with the features the workers computed, except for articles that came out
    # differently when prepared again.
    assert report.features_from_workers == report.confirmed + report.rerun_unchanged
    assert report.relinked <= report.rerun and sum(report.rerun_questions.values()) == report.rerun
    assert_same_records(export(spark_db, "stories"), stories)
    assert_same_records(export(spark_db, "articles"), articles)
    parquet_stories = spark_records(tmp_path / "out" / "stories.parquet")
    assert [s["id"] for s in parquet_stories] == [s["id"] for s in stories]
    assert [s["articles"] for s in parquet_stories] == [s["articles"] for s in stories]
    assert [a["id"] for a in spark_records(tmp_path / "out" / "articles.parquet")] == [a["id"] for a in articles]
