"""`flask parties ...`: the reminders of scheduled parties."""

import click
from flask.cli import AppGroup

from watchparty.parties import reminders

parties_cli = AppGroup("parties", help="Parties: reminders of scheduled parties.")


@parties_cli.command("remind")
@click.option(
    "--within",
    type=click.IntRange(min=0),
    default=None,
    help="Minutes ahead to look (default PARTY_REMINDER_MINUTES, 15).",
)
def remind_command(within: int | None) -> None:
    """Remind the members of parties starting soon (each party once; safe to run often)."""
    count = reminders.send_due(within)
    click.echo(f"{count} part{'y' if count == 1 else 'ies'} reminded.")
