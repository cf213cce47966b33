"""`flask billing reconcile`: compare with Stripe and repair drift now (the way in embedded
mode, where no worker schedules it)."""

import json

import click

from watchparty.billing.cli import billing_cli


@billing_cli.command("reconcile")
@click.option("--json", "as_json", is_flag=True, help="Print the run's changes as JSON.")
def reconcile_command(as_json: bool) -> None:
    """Reconcile local subscriptions, invoices and payments with Stripe now."""
    from watchparty.billing import reconcile
    from watchparty.billing.stripe_api import configured

    if not configured():
        raise click.ClickException("Billing is not configured (no STRIPE_SECRET_KEY).")
    run = reconcile.run()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "id": str(run.id),
                    "status": run.status,
                    "checked": run.checked,
                    "changes": run.changes,
                    "error": run.error,
                },
                indent=2,
            )
        )
    else:
        click.echo(
            f"Reconciliation {run.id}: {run.status}, {run.checked} checked, "
            f"{len(run.changes)} changes."
        )
        for change in run.changes:
            click.echo(
                f"  {change['object']} {change['id']} {change['field']}: "
                f"{change['from']!r} -> {change['to']!r}"
            )
        if run.error:
            click.echo(run.error, err=True)
    if run.status != "done":
        raise SystemExit(1)
