"""`python -m workers`: an RQ worker for every queue, with the app context."""

import argparse
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
    worker.work(with_scheduler=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
