"""Every store test runs twice: on a real SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest

from .postgres import PostgresServer, postgres_server


@pytest.fixture(scope="session")
def postgres() -> PostgresServer:
    with postgres_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kabar.db'}"
    return request.getfixturevalue("postgres").create_database()
