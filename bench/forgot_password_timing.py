"""Does POST /api/auth/forgot-password/ answer faster for unknown emails than for known ones?

A timing gap tells an attacker which emails have accounts, even though the answer is the same.
Requests go through the whole app (Flask test client: limiter, schema, view, job enqueue) with
known and unknown emails interleaved; background jobs finish between requests, off the clock.
By default: a temporary SQLite database and in-process jobs. With --database-url/--redis-url:
PostgreSQL and RQ (jobs stay queued; the email queue of that Redis db is emptied at the end, so
give it a scratch db). Reproduce with:

    .venv/bin/python bench/forgot_password_timing.py --requests 300
    .venv/bin/python bench/forgot_password_timing.py --requests 300 \\
        --database-url postgresql://postgres@127.0.0.1:5432/wp_a --redis-url redis://127.0.0.1:6379/1
"""

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete  # noqa: E402

from tests.factories import UserFactory  # noqa: E402
from watchparty import create_app  # noqa: E402
from watchparty.auth.models import UserToken  # noqa: E402
from watchparty.config import database_url  # noqa: E402
from watchparty.extensions import db  # noqa: E402
from watchparty.jobs import jobs  # noqa: E402
from watchparty.users.models import User  # noqa: E402


def make_app(args, tmp: Path):
    """The app on the chosen database and queue, rate limits off, mail written to `tmp`."""
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
            "JWT_SECRET_KEY": "bench-jwt-secret-key-that-is-long-enough-0123456789",
            "ASYNC_MODE": "threading",
            "SQLALCHEMY_DATABASE_URI": database_url(args.database_url or f"sqlite:///{tmp}/b.db"),
            "REDIS_URL": args.redis_url,
            "RATELIMIT_STORAGE_URI": args.redis_url or "memory://",
            "RATELIMIT_ENABLED": False,
            "MAIL_URL": None,
            "MAIL_DIR": str(tmp / "mail"),
            "MEDIA_ROOT": str(tmp / "media"),
            "INSTANCE_PATH": str(tmp),
        }
    )


def timed(client, email: str) -> float:
    """One forgot-password request; milliseconds taken."""
    started = time.perf_counter()
    response = client.post("/api/auth/forgot-password/", json={"email": email})
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"unexpected answer {response.status_code}: {response.get_json()}")
    return elapsed


def measure(app, requests: int, warmup: int) -> tuple[list[float], list[float]]:
    """Interleaved known/unknown timings (order alternating), after `warmup` rounds of each."""
    with app.app_context():
        db.create_all()
        known = UserFactory(app).create(email=f"bench-{uuid.uuid4().hex[:8]}@example.com")
        email, user_id = known.email, known.id
    client = app.test_client()
    times: dict[str, list[float]] = {"known": [], "unknown": []}
    try:
        for n in range(warmup + requests):
            pair = [("known", email), ("unknown", f"ghost-{uuid.uuid4().hex[:8]}@example.com")]
            for kind, address in pair if n % 2 else pair[::-1]:
                elapsed = timed(client, address)
                with app.app_context():
                    jobs.wait_in_process()  # background work off the clock
                if n >= warmup:
                    times[kind].append(elapsed)
    finally:
        with app.app_context():
            _clean_up(user_id)
    return times["known"], times["unknown"]


def _clean_up(user_id) -> None:
    db.session.execute(delete(UserToken).where(UserToken.user_id == user_id))
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.commit()
    if jobs.redis is not None:
        jobs.queue("email").empty()


def summary(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[max(0, int(len(values) * 0.9) - 1)]
    return f"median {statistics.median(values):.2f} ms, p90 {p90:.2f} ms ({len(values)} requests)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="timed requests of each kind")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--redis-url", help="default: none (in-process jobs)")
    args = parser.parse_args()
    app = make_app(args, Path(tempfile.mkdtemp()))
    known, unknown = measure(app, args.requests, args.warmup)
    gap = statistics.median(known) - statistics.median(unknown)
    backend = app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0]
    print(f"database={backend} jobs={'rq' if args.redis_url else 'in-process'}")
    print(f"known email:   {summary(known)}")
    print(f"unknown email: {summary(unknown)}")
    print(f"median gap (known - unknown): {gap:+.2f} ms")
    command = f".venv/bin/python bench/forgot_password_timing.py --requests {args.requests}"
    for flag in ("database_url", "redis_url"):
        if getattr(args, flag):
            command += f" --{flag.replace('_', '-')} {getattr(args, flag)}"
    print(f"reproduce: {command}")


if __name__ == "__main__":
    main()
