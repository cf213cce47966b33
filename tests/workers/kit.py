"""Real `python -m workers` processes for tests: the test database and Redis, own group."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REDIS_URL
from watchparty.config import ROOT


def spawn_worker(app, args: list[str], log: Path, **settings: str) -> subprocess.Popen:
    """`python -m workers <args>` in its own process group, with `settings` in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "WATCHPARTY_"))}
    env |= {
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        "WATCHPARTY_ENV_FILE": os.devnull,
        "ASYNC_MODE": "threading",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": app.config["MEDIA_ROOT"],
        **settings,
    }
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "workers", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
