"""Entry point: patch the async library first, then build and serve the app."""

import sys
import warnings

from watchparty.config import Config, ConfigError, async_mode

# eventlet announces its own deprecation on import, and the dnspython it imports trips
# cryptography's DSA deprecation: several lines a start that nobody running the server can act on.
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"dns\.")


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


def banner(config: Config) -> str:
    """The few lines printed at start-up: where the app, the API docs and the emails are."""
    wildcard = config.HOST in ("0.0.0.0", "::", "")
    base = f"http://{'localhost' if wildcard else config.HOST}:{config.PORT}"
    where = " (listening on every interface)" if wildcard else ""
    lines = [f"Watchparty ({config.ENV}) is running at {base}/{where}"]
    if app.config.get("API_DOCS_PUBLIC"):
        lines.append(f"  API docs: {base}/api/docs/")
    if app.config.get("MAIL_URL"):
        lines.append("  Emails:   sent through MAIL_URL")
    else:
        lines.append(f"  Emails:   written to {app.config['MAIL_DIR']} (MAIL_URL is not set)")
    return "\n".join([*lines, "Press Ctrl+C to stop."])


class ServerLog:
    """eventlet's request log on stderr, without its start-up and exit lines (the banner says
    where the server is) or its per-connection debug chatter."""

    QUIET = ("wsgi starting up", "wsgi exit")

    def info(self, msg, *args, **kwargs) -> None:
        """A request line or a traceback."""
        if not any(marker in msg for marker in self.QUIET):
            sys.stderr.write((msg % args if args else msg) + "\n")

    error = info

    def debug(self, msg, *args, **kwargs) -> None:
        """Per-connection chatter (accepted, timed out, reset): not shown."""


def serve_eventlet(config: Config) -> None:
    """eventlet's server, with the connection cap and listen backlog sized for many clients."""
    import eventlet.wsgi

    # socketio.run would listen with eventlet's backlog of 50: a burst of (re)connections
    # overflows it and each extra client waits a one-second SYN retry.
    address = (config.HOST, config.PORT)
    listener = eventlet.listen(address, backlog=min(config.MAX_CONNECTIONS, 4096))
    # eventlet.wsgi.server serves at most 1,024 connections at once unless told otherwise.
    app.wsgi_app = mark_dechunked(app.wsgi_app)
    print(banner(config), flush=True)
    eventlet.wsgi.server(
        listener,
        app,
        max_size=config.MAX_CONNECTIONS,
        log=ServerLog(),
        log_output=not config.is_production,
    )


def serve() -> None:
    """Serve HTTP and Socket.IO on $HOST:$PORT with the configured async mode."""
    config = Config()
    raise_fd_limit(config.MAX_CONNECTIONS)
    if MODE == "eventlet":
        serve_eventlet(config)
        return
    options = {"allow_unsafe_werkzeug": True} if MODE == "threading" else {}
    print(banner(config), flush=True)
    socketio.run(
        app, host=config.HOST, port=config.PORT, log_output=not config.is_production, **options
    )


if __name__ == "__main__":
    serve()
