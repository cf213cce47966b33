"""Socket.IO plumbing shared by every real-time namespace: auth, acks, connections.

Handlers stay as thin as REST views: `@acked(Schema)` parses the payload, the handler calls
a service, and the ack is `{ok: true, ...}` or `{ok: false, error, message, ...}` in the
project's one error shape (the same codes REST uses).
"""

import logging
import uuid
from functools import wraps

import marshmallow as ma
from flask import current_app, request
from flask_socketio import Namespace
from socketio.exceptions import ConnectionRefusedError as Refused

from watchparty.common import metrics
from watchparty.common.guards import check_text
from watchparty.common.hooks import Hook
from watchparty.errors import AppError, Unauthorized, ValidationError, app_error_for, error_body
from watchparty.extensions import db, socketio
from watchparty.live import online, presence, process_connections, session_sockets
from watchparty.site import maintenance

log = logging.getLogger(__name__)

# (namespace, sid) -> (user id, session id), for connections held by this process. A
# connection lives and dies with its process, so this is the one per-process memory that is
# right; whether its session is still live is asked of the live store on every event.
_connections: dict[tuple[str, str], tuple[uuid.UUID, uuid.UUID]] = {}
# Who a token is and the user row of an id come from the auth domain (auth/hooks.py), so this
# module imports no domain: fn(token) -> (user id, session id); fn(user id) -> user.
token_identity = Hook("sockets.token_identity")
user_loader = Hook("sockets.user_loader")
# Handlers that enter a room: refused for non-staff while maintenance mode is on.
JOINS = {"on_join"}


def _bearer(auth) -> str | None:
    if isinstance(auth, dict) and isinstance(auth.get("token"), str):
        return auth["token"].removeprefix("Bearer ").strip() or None
    header = request.headers.get("Authorization", "")
    return header[7:].strip() or None if header.startswith("Bearer ") else None


def _provided(hook: Hook):
    for fn in hook:
        return fn
    raise RuntimeError(f"nothing registered {hook.name} (blueprints.hooks() lists auth)")


def identity_for_token(token: str | None) -> tuple[uuid.UUID, uuid.UUID]:
    """(user id, session id) of an access token, as the auth domain checks it; raises
    Unauthorized."""
    if not token:
        raise Unauthorized("Connect with auth: {token} or an Authorization: Bearer header.")
    return _provided(token_identity)(token)


class AuthedNamespace(Namespace):
    """A namespace that refuses connections without a valid access token."""

    def on_connect(self, auth=None):
        """Client connects with `auth: {token}` (or a Bearer header); refused otherwise."""
        try:
            user_id, session_id = identity_for_token(_bearer(auth))
            maintenance.check_socket(lambda: _provided(user_loader)(user_id))
        except AppError as error:
            # The client's connect_error gets {message, data: the error shape}.
            raise Refused(error.message, error.to_dict()) from None
        finally:
            db.session.remove()
        _connections[(self.namespace, request.sid)] = (user_id, session_id)
        session_sockets.track(session_id, self.namespace, request.sid)
        presence.ensure_heartbeat(current_app._get_current_object())
        online.connected(user_id, self.namespace, request.sid)
        process_connections.changed(self.namespace, +1)
        self.connected(user_id)
        db.session.remove()

    def on_disconnect(self, reason=None):
        """The connection closed (client left, network dropped, server shutting down)."""
        entry = _connections.pop((self.namespace, request.sid), None)
        if entry is not None:
            session_sockets.untrack(entry[1], self.namespace, request.sid)
            online.disconnected(entry[0], self.namespace, request.sid)
            process_connections.changed(self.namespace, -1)
            self.disconnected(entry[0])
            db.session.remove()

    def trigger_event(self, event, *args):
        """Count the event (Prometheus; unknown names as one label), then dispatch it."""
        known = hasattr(self, f"on_{event or ''}")
        metrics.socket_event(self.namespace, event if known else "unknown")
        return super().trigger_event(event, *args)

    def connected(self, user_id: uuid.UUID) -> None:
        """Hook: a user's connection was accepted."""

    def disconnected(self, user_id: uuid.UUID) -> None:
        """Hook: a user's connection closed."""


def current_user_id() -> uuid.UUID:
    """The user of the connection whose event is being handled."""
    entry = _connections.get((request.namespace, request.sid))
    if entry is None:
        raise Unauthorized("This connection is not authenticated.")
    return entry[0]


def check_session() -> None:
    """Refuse (and close) a connection whose session was revoked since it connected."""
    entry = _connections.get((request.namespace, request.sid))
    if entry is not None and session_sockets.is_revoked(entry[1]):
        socketio.start_background_task(_close_after_ack, request.sid, request.namespace)
        raise Unauthorized("The session was revoked.", code="token_revoked")


def _close_after_ack(sid: str, namespace: str) -> None:
    """Close a connection once its refusing ack has gone out."""
    socketio.sleep(0.05)
    socketio.server.disconnect(sid, namespace=namespace)


def current_user():
    """The User of the current connection, loaded fresh (Unauthorized if it cannot sign in)."""
    return _provided(user_loader)(current_user_id())


def acked(schema: type[ma.Schema] | None = None):
    """Parse the payload with `schema`, run the handler, and ack `{ok, ...}` or an error."""

    # One instance per handler: building a schema deep-copies its fields, which would cost
    # more than the rest of a `report` event. Loading keeps no state between calls.
    parser = schema() if schema else None

    def decorate(fn):
        @wraps(fn)
        def handler(self, data=None):
            try:
                check_session()
                if fn.__name__ in JOINS:  # no new joins during maintenance, but for staff
                    maintenance.check_socket(current_user)
                check_text(data)
                payload = parser.load(data if data is not None else {}) if parser else data
                return {"ok": True, **(fn(self, payload) or {})}
            except ma.ValidationError as exc:
                return _failed(ValidationError(errors=_field_errors(exc.messages)))
            except AppError as error:
                return _failed(error)
            except Exception as exc:
                if (error := app_error_for(exc)) is not None:  # e.g. the live store is down
                    return _failed(error)
                log.exception("socket handler %s failed", fn.__name__)
                return _failed(None)

        return handler

    return decorate


def _field_errors(messages) -> dict:
    return messages if isinstance(messages, dict) else {"_schema": messages}


def _failed(error: AppError | None) -> dict:
    db.session.rollback()
    body = error.to_dict() if error else error_body("server_error", "Something went wrong.")
    return {"ok": False, **body}
