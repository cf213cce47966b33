"""`flask billing ...`: keep plans in step with Stripe, reconcile."""

import click
from flask.cli import AppGroup

from watchparty.billing import plans

billing_cli = AppGroup("billing", help="Billing: plans, Stripe sync and reconciliation.")


@billing_cli.command("sync-plans")
@click.option(
    "--reset",
    is_flag=True,
    help="Put the built-in catalogue's values back over edited plan rows first.",
)
def sync_plans(reset: bool) -> None:
    """Seed the plans table and create the Stripe products and plans it needs (idempotent)."""
    changes = plans.sync_plans(overwrite=reset)
    for change in changes:
        click.echo(change)
    click.echo(f"{len(changes)} change(s); plans are in step with Stripe.")
