"""`flask db upgrade` on an empty database yields exactly the schema the models describe."""

import importlib
import os
import pkgutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

import watchparty
from watchparty import models
from watchparty.config import ROOT, database_url
from watchparty.extensions import db

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
MIGRATIONS = ROOT / "migrations"


def all_models_metadata():
    """db.metadata with every `watchparty.<domain>.models` imported (as migrations/env.py does)."""
    for module in pkgutil.walk_packages(watchparty.__path__, "watchparty."):
        if module.name.endswith(".models"):
            importlib.import_module(module.name)
    return db.metadata


def flask_db(url: str, *args: str) -> subprocess.CompletedProcess:
    """Run the real `flask --app "watchparty:create_app()" db ...` CLI against `url`."""
    flask = Path(sys.executable).with_name("flask")
    cmd = [str(flask)] if flask.exists() else [sys.executable, "-m", "flask"]
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": "", "ASYNC_MODE": "threading"}
    env.pop("FLASK_ENV", None)
    result = subprocess.run(
        [*cmd, "--app", "watchparty:create_app()", "db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"flask db {' '.join(args)} failed:\n{result.stderr}"
    return result


def schema_differences(url: str) -> list:
    """What Alembic would still change to make the database match the models."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            opts = {"compare_type": True, "include_object": models.include_object}
            context = MigrationContext.configure(conn, opts=opts)
            return compare_metadata(context, all_models_metadata())
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = create_engine(database_url(url))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


@pytest.fixture
def empty_postgres():
    """A brand-new PostgreSQL database on the test server, dropped afterwards."""
    if not TEST_DATABASE_URL:
        pytest.skip("TEST_DATABASE_URL is not set: no PostgreSQL server to create a database on")
    server = make_url(database_url(TEST_DATABASE_URL))
    name = f"wp_migrations_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(
        host=server.host,
        port=server.port or 5432,
        user=server.username,
        password=server.password,
        dbname=server.database,
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


@pytest.fixture
def empty_sqlite(tmp_path):
    """A path for a SQLite file that does not exist yet, in a folder that does not either."""
    return f"sqlite:///{tmp_path / 'fresh' / 'instance' / 'watchparty.db'}"


def test_migrations_form_a_single_line_of_history():
    config = AlembicConfig(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    assert len(scripts.get_heads()) == 1
    assert list(scripts.walk_revisions()), "migrations/versions holds no revision"


@pytest.mark.parametrize("database", ["empty_postgres", "empty_sqlite"])
def test_upgrade_on_an_empty_database_yields_exactly_the_models(request, database):
    url = request.getfixturevalue(database)
    flask_db(url, "upgrade")
    differences = schema_differences(url)
    assert differences == [], (
        "the migrations do not produce the models' schema; add a revision with "
        "migrations/revision.sh (see migrations/README)"
    )
    assert {t.name for t in all_models_metadata().sorted_tables} <= table_names(url)


@pytest.mark.parametrize("database", ["empty_postgres", "empty_sqlite"])
def test_downgrade_to_base_leaves_no_tables(request, database):
    url = request.getfixturevalue(database)
    flask_db(url, "upgrade")
    flask_db(url, "downgrade", "base")
    assert table_names(url) - {"alembic_version"} == set()


def test_upgrade_is_idempotent(empty_sqlite):
    flask_db(empty_sqlite, "upgrade")
    second = flask_db(empty_sqlite, "upgrade")
    assert "Running upgrade" not in second.stderr


def test_offline_upgrade_renders_sql_for_postgresql():
    result = flask_db("postgresql://nobody@127.0.0.1:1/none", "upgrade", "--sql")
    assert "CREATE TABLE users" in result.stdout
    assert "TIMESTAMP WITH TIME ZONE" in result.stdout
