"""Entry point: patch the async library first, then build and serve the app."""

from watchparty.config import Config, async_mode

MODE = async_mode()
if MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
    from psycogreen.eventlet import patch_psycopg

    patch_psycopg()
elif MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()
    from psycogreen.gevent import patch_psycopg

    patch_psycopg()

from watchparty import create_app  # noqa: E402 - must follow monkey-patching
from watchparty.extensions import socketio  # noqa: E402

app = create_app()


def serve() -> None:
    """Serve HTTP and Socket.IO on $PORT with the configured async mode."""
    config: Config = Config()
    options = {"host": "0.0.0.0", "port": config.PORT, "allow_unsafe_werkzeug": True}
    if MODE == "eventlet":
        options = {"host": "0.0.0.0", "port": config.PORT, "max_size": config.MAX_CONNECTIONS}
    elif MODE == "gevent":
        options = {"host": "0.0.0.0", "port": config.PORT}
    socketio.run(app, log_output=not config.is_production, **options)


if __name__ == "__main__":
    serve()
