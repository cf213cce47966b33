"""`flask search reindex`: build the index from the tables (a backfill for existing rows)."""

import click
from flask.cli import AppGroup

from watchparty.search.models import KINDS

search_cli = AppGroup("search", help="Search: the index of videos, parties, people and posts.")


@search_cli.command("reindex")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only these.")
def reindex_command(kinds: tuple) -> None:
    """Rebuild the index rows of every (or each given) kind; safe to run again."""
    from watchparty.search import indexer

    for kind, count in indexer.reindex(list(kinds) or None).items():
        click.echo(f"{kind}: {count} indexed")
