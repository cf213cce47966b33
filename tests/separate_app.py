"""A second, differently configured app in the test process, without disturbing the main one.

Extensions are module-level singletons: `create_app` rebinds them (socketio.server, the
limiter's storage, the Api's spec). This helper snapshots their state and restores it, so
tests after it still talk to the main app's Redis, limiter and Socket.IO server.
"""

import copy
from contextlib import contextmanager

from flask import Flask

from watchparty import create_app
from watchparty.extensions import api, cors, db, jwt, limiter, migrate, socketio

SINGLETONS = (api, cors, db, jwt, limiter, migrate, socketio)


def _snapshot(obj) -> dict:
    return {
        k: copy.copy(v) if isinstance(v, list | dict | set) else v for k, v in vars(obj).items()
    }


@contextmanager
def separate_app(base: dict, **overrides):
    """Yield an app built from `base` config with `overrides`; restore the singletons after."""
    saved = [(obj, _snapshot(obj)) for obj in SINGLETONS]
    # Flask-SocketIO keeps server_options between init_app calls: a message queue set up
    # for one app would leak into the next one.
    socketio.server_options.pop("client_manager", None)
    app: Flask | None = None
    try:
        app = create_app({**base, **overrides})
        yield app
    finally:
        if app is not None and "sqlalchemy" in app.extensions:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
        for obj, state in saved:
            vars(obj).clear()
            vars(obj).update(state)
