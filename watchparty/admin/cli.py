"""`flask admin promote EMAIL`: make the first administrators without touching SQL."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from watchparty.extensions import db
from watchparty.users.models import User

admin_cli = AppGroup("admin", help="Administer accounts.")


@admin_cli.command("promote")
@click.argument("email")
@click.option("--superuser", is_flag=True, help="Also make the account a superuser.")
def promote(email: str, superuser: bool) -> None:
    """Give the account with EMAIL staff (and optionally superuser) rights."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account with email {email!r}.")
    user.is_staff = True
    user.is_superuser = user.is_superuser or superuser
    db.session.commit()
    role = "superuser" if user.is_superuser else "staff"
    click.echo(f"{user.email} is now {role}.")
