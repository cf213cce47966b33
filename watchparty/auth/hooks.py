"""What the auth domain adds to the domains below it: who a socket is, what an account's
export and deletion include of its sessions, tokens and linked identities."""

from sqlalchemy import delete, select

from watchparty.auth import socket_identity
from watchparty.auth.models import SocialAccount, UserSession, UserToken
from watchparty.common.types import iso
from watchparty.extensions import db
from watchparty.live import session_sockets, sockets
from watchparty.users import deletion, export
from watchparty.users.models import User


def _sessions(user: User) -> list[dict]:
    """Every session (device, IP, times), revoked ones included."""
    rows = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id))
    fields = ("device", "ip", "user_agent")
    return [
        {"id": str(s.id), **{f: getattr(s, f) for f in fields}}
        | {"created_at": iso(s.created_at), "last_seen_at": iso(s.last_seen_at)}
        | {"revoked_at": iso(s.revoked_at), "revoked_reason": s.revoked_reason}
        for s in rows
    ]


def _social(user: User) -> list[dict]:
    """Linked provider identities (no provider tokens are stored)."""
    rows = db.session.scalars(select(SocialAccount).where(SocialAccount.user_id == user.id))
    return [
        {"provider": s.provider, "email": s.email, "linked_at": iso(s.created_at)} for s in rows
    ]


def forget_sessions(user: User):
    """Account deletion: sessions (IPs, user agents), tokens and linked identities go, so
    every token dies; their sockets close after the commit."""
    sessions = db.session.scalars(select(UserSession.id).where(UserSession.user_id == user.id))
    sessions = sessions.all()
    for model in (UserSession, UserToken, SocialAccount):
        db.session.execute(delete(model).where(model.user_id == user.id))
    return lambda: session_sockets.end(sessions)


def register() -> None:
    """Attach the auth domain's contributions (called once by the blueprint table)."""
    sockets.token_identity.register(socket_identity.identity_for_token)
    sockets.user_loader.register(socket_identity.load_user)
    export.register_section("sessions", _sessions)
    export.register_section("social_accounts", _social)
    deletion.register_cleanup(forget_sessions)
