"""`flask notifications ...`: generate the VAPID key pair browser push is signed with."""

import base64

import click
from cryptography.hazmat.primitives import serialization
from flask.cli import AppGroup
from py_vapid import Vapid02

notifications_cli = AppGroup("notifications", help="Notifications: push keys.")


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def vapid_pair() -> tuple[str, str]:
    """A new (public, private) pair: the 65-byte uncompressed point, the 32-byte scalar."""
    vapid = Vapid02()
    vapid.generate_keys()
    public = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    private = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    return _b64url(public), _b64url(private)


@notifications_cli.command("vapid-keys")
def vapid_keys() -> None:
    """Print a new VAPID key pair as the settings to add to the environment (or .env)."""
    public, private = vapid_pair()
    click.echo(f"VAPID_PUBLIC_KEY={public}")
    click.echo(f"VAPID_PRIVATE_KEY={private}")
    click.echo("# A contact the push services may write to; keep the private key secret (a new")
    click.echo("# pair invalidates every browser subscription).")
    click.echo("VAPID_SUBJECT=mailto:you@example.com")
