"""Entry point: patch the async library first, then build and serve the app."""

import sys

from watchparty.config import Config, ConfigError, async_mode


def refuse(exc: Exception) -> None:
    """One clear line on stderr and a non-zero exit, not a traceback."""
    sys.exit(f"watchparty: refusing to start: {exc}")


try:
    MODE = async_mode()
except ConfigError as exc:
    refuse(exc)
if MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
    from eventlet import tpool
    from psycogreen.eventlet import patch_psycopg

    from watchparty.common import blocking

    patch_psycopg()
    blocking.install(tpool.execute)
elif MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()
    import gevent
    from psycogreen.gevent import patch_psycopg

    from watchparty.common import blocking

    patch_psycopg()
    blocking.install(lambda fn, *args: gevent.get_hub().threadpool.apply(fn, args))

from watchparty import create_app  # noqa: E402 - must follow monkey-patching
from watchparty.extensions import socketio  # noqa: E402

try:
    app = create_app()
except ConfigError as exc:
    refuse(exc)


def raise_fd_limit(connections: int) -> int:
    """Lift the soft open-files limit (often 1,024) so `connections` sockets fit; returns it."""
    try:
        import resource
    except ImportError:  # not on POSIX: nothing to raise
        return connections
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + 256  # room for database, Redis and log files
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        soft = wanted
    return soft


def mark_dechunked(wsgi_app):
    """eventlet de-chunks request bodies but does not say so; tell Werkzeug, which would
    otherwise read a chunked upload (no Content-Length) as empty."""

    def middleware(environ, start_response):
        if environ.get("HTTP_TRANSFER_ENCODING", "").lower() == "chunked":
            environ.setdefault("wsgi.input_terminated", True)
        return wsgi_app(environ, start_response)

    return middleware


def serve_eventlet(config: Config) -> None:
    """eventlet's server, with the connection cap and listen backlog sized for many clients."""
    import eventlet.wsgi

    # socketio.run would listen with eventlet's backlog of 50: a burst of (re)connections
    # overflows it and each extra client waits a one-second SYN retry.
    listener = eventlet.listen(("0.0.0.0", config.PORT), backlog=min(config.MAX_CONNECTIONS, 4096))
    # eventlet.wsgi.server serves at most 1,024 connections at once unless told otherwise.
    app.wsgi_app = mark_dechunked(app.wsgi_app)
    eventlet.wsgi.server(
        listener, app, max_size=config.MAX_CONNECTIONS, log_output=not config.is_production
    )


def serve() -> None:
    """Serve HTTP and Socket.IO on $PORT with the configured async mode."""
    config = Config()
    raise_fd_limit(config.MAX_CONNECTIONS)
    if MODE == "eventlet":
        serve_eventlet(config)
        return
    options = {"allow_unsafe_werkzeug": True} if MODE == "threading" else {}
    socketio.run(
        app, host="0.0.0.0", port=config.PORT, log_output=not config.is_production, **options
    )


if __name__ == "__main__":
    serve()
