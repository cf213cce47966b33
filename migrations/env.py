"""Alembic environment for Flask-Migrate: PostgreSQL in production, SQLite when embedded.

Options such as render_as_batch (SQLite cannot ALTER most things) and compare_type come
from create_app's `migrate.init_app(...)`, so the CLI and the tests configure Alembic alike.
"""

import logging
from logging.config import fileConfig
from pathlib import Path

from alembic import context
from flask import current_app

from watchparty import models

config = context.config

# disable_existing_loggers=False: running migrations must not silence the app's own loggers.
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def get_engine():
    """The app's SQLAlchemy engine (Flask-SQLAlchemy 3)."""
    return current_app.extensions["migrate"].db.engine


def get_engine_url() -> str:
    """The engine URL with its password, escaped for ConfigParser interpolation."""
    return get_engine().url.render_as_string(hide_password=False).replace("%", "%%")


def ensure_sqlite_directory() -> None:
    """A fresh checkout has no instance/ folder; SQLite cannot create the parent itself."""
    url = get_engine().url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


config.set_main_option("sqlalchemy.url", get_engine_url())


def get_metadata():
    """The metadata of every table (watchparty.models imports each domain's models)."""
    return models.metadata


def run_migrations_offline() -> None:
    """Emit SQL for the configured URL without connecting (`flask db upgrade --sql`)."""
    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.pop("process_revision_directives", None)
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=get_metadata(),
        include_object=models.include_object,
        literal_binds=True,
        **conf_args,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Connect to the app's database and run the migrations in one transaction."""

    def process_revision_directives(context, revision, directives):
        # An autogenerate that finds no change must not write an empty revision.
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    conf_args = current_app.extensions["migrate"].configure_args
    if conf_args.get("process_revision_directives") is None:
        conf_args["process_revision_directives"] = process_revision_directives

    ensure_sqlite_directory()
    with get_engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=get_metadata(),
            include_object=models.include_object,
            **conf_args,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
