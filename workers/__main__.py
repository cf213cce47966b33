"""`python -m workers`: an RQ worker for every queue, with the app context."""

import sys

from redis import Redis

from watchparty.jobs import QUEUES
from workers.context import AppWorker, app


def main() -> int:
    """Serve all queues until stopped."""
    flask_app = app()
    url = flask_app.config.get("REDIS_URL")
    if not url:
        print(
            "REDIS_URL is not set: the embedded server runs jobs in-process; no worker is needed.",
            file=sys.stderr,
        )
        return 1
    worker = AppWorker(list(QUEUES), connection=Redis.from_url(url), flask_app=flask_app)
    worker.work(with_scheduler=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
