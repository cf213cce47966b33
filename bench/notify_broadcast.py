"""A broadcast to every user: notifications created and delivered live per second.

Seeds N users straight into a scratch PostgreSQL database, starts W RQ workers
(`python -m workers notify`) sharing Redis, queues one broadcast the way the admin endpoint does,
and waits until every user holds it. Meanwhile a Redis subscriber counts the live events the
workers publish on the Socket.IO message queue (what every web process relays to the user's open
tabs). Prints the time, notifications per second and live events per second.

    .venv/bin/python bench/notify_broadcast.py --users 100000 --workers 2
"""

import argparse
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from rt_common import app_env, ensure_database, reproduce

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed(app, count: int) -> None:
    """`count` active users, inserted in chunks (one password hash shared by all)."""
    from sqlalchemy import insert

    from watchparty.extensions import db
    from watchparty.users.models import User

    with app.app_context():
        db.drop_all()
        db.create_all()
        for start in range(0, count, 5000):
            rows = [
                {
                    "id": uuid.uuid4(),
                    "email": f"bench{n}@example.com",
                    "password_hash": "x",
                    "first_name": "Bench",
                    "last_name": str(n),
                    "is_verified": True,
                }
                for n in range(start, min(count, start + 5000))
            ]
            db.session.execute(insert(User), rows)
            db.session.commit()


def listen(redis_url: str, counts: dict, stop: threading.Event) -> None:
    """Count the Socket.IO messages published for other processes to relay."""
    from redis import Redis

    pubsub = Redis.from_url(redis_url).pubsub()
    pubsub.subscribe("flask-socketio")
    while not stop.is_set():
        message = pubsub.get_message(timeout=0.2)
        if message and message["type"] == "message":
            counts["live"] += 1


def main() -> None:
    """Run the broadcast and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", default="postgresql://postgres@127.0.0.1:5432/wp_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    args = parser.parse_args()
    ensure_database(args.db)
    env = app_env(args.db, args.redis)
    import os

    os.environ.update(env)
    from redis import Redis

    from watchparty import create_app
    from watchparty.extensions import db
    from watchparty.notifications import broadcast
    from watchparty.notifications.models import Notification

    Redis.from_url(args.redis).flushdb()
    app = create_app()
    started = time.monotonic()
    seed(app, args.users)
    print(f"seeded {args.users} users in {time.monotonic() - started:.1f} s")
    counts, stop = {"live": 0}, threading.Event()
    threading.Thread(target=listen, args=(args.redis, counts, stop), daemon=True).start()
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "workers", "notify"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(args.workers)
    ]
    try:
        with app.app_context():
            begun = time.monotonic()
            queued = broadcast.start("broadcast", "Hello", "A broadcast to everyone", None)
            key = f"broadcast:{queued['broadcast_id']}"
            while True:
                done = db.session.query(Notification).filter_by(collapse_key=key).count()
                db.session.commit()
                if done >= args.users:
                    break
                time.sleep(0.5)
            stored = time.monotonic() - begun
            while counts["live"] < args.users and time.monotonic() - begun < stored + 30:
                time.sleep(0.2)
            live = time.monotonic() - begun
    finally:
        stop.set()
        for worker in workers:
            worker.terminate()
    print(f"{args.users} notifications stored in {stored:.1f} s: {args.users / stored:,.0f}/s")
    print(f"{counts['live']} live events published in {live:.1f} s: {counts['live'] / live:,.0f}/s")
    print("reproduce:", reproduce("notify_broadcast.py", args))


if __name__ == "__main__":
    main()
