"""`python -m workers`: an RQ worker for every queue, with the app context."""

import argparse
import logging
import sys

from redis import Redis

from watchparty.jobs import QUEUES
from workers.context import AppWorker, app


def arguments(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options: which queues, and the lease and sweep periods."""
    parser = argparse.ArgumentParser(prog="python -m workers")
    parser.add_argument("queues", nargs="*", help=f"any of {', '.join(QUEUES)} (default: all)")
    parser.add_argument("--heartbeat", type=float, help="seconds between job heartbeats")
    parser.add_argument("--sweep", type=int, help="seconds between abandoned-job sweeps")
    options = parser.parse_args(argv)
    unknown = sorted(set(options.queues) - set(QUEUES))
    if unknown:
        parser.error(f"unknown queue(s): {', '.join(unknown)}")
    return options


def console_log() -> None:
    """Print the worker's log as RQ does: RQ adds its console handler only when no logger above
    `rq.worker` has one, and the error log's root handler (it stores errors, prints nothing) is
    one, so the handler is added here."""
    logger = logging.getLogger("rq.worker")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        logger.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    """Serve the queues until stopped."""
    options = arguments(argv)
    flask_app = app()
    url = flask_app.config.get("REDIS_URL")
    if not url:
        print(
            "REDIS_URL is not set: the embedded server runs jobs in-process; no worker is needed.",
            file=sys.stderr,
        )
        return 1
    worker = AppWorker(
        options.queues or list(QUEUES),
        connection=Redis.from_url(url),
        flask_app=flask_app,
        heartbeat=options.heartbeat,
        sweep=options.sweep,
    )
    console_log()
    worker.work(with_scheduler=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
