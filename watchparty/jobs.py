"""Background jobs: RQ queues when REDIS_URL is set, in-process background tasks otherwise."""

import logging
import time
import uuid

from flask import Flask, current_app
from redis import Redis
from rq import Queue, Retry
from werkzeug.utils import import_string

from watchparty.common import metrics
from watchparty.extensions import socketio

log = logging.getLogger(__name__)

QUEUES = ("default", "email", "transcode", "billing", "notify")
# Embedded mode has no scheduler: a retry waits in its own thread, so keep the waits short.
IN_PROCESS_MAX_WAIT = 30


def job(queue: str, *, retries: int = 0, backoff: list[int] | None = None, timeout=None):
    """Declare a function as a job of `queue` (with its retry policy), once, where it is defined.

    Callers write `fn.enqueue(*args)` (options such as `job_id` or a config-dependent
    `timeout` may be passed there); the worker imports and calls `fn` itself. A job takes
    primitive ids and reloads fresh state."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")
    defaults = {"retries": retries, "backoff": backoff, "timeout": timeout}

    def decorate(fn):
        path = f"{fn.__module__}.{fn.__qualname__}"

        def enqueue(*args, **options) -> str:
            return jobs.enqueue(queue, path, *args, **(defaults | options))

        fn.queue, fn.path, fn.enqueue = queue, path, enqueue
        return fn

    return decorate


class Jobs:
    """Enqueue jobs by dotted path; they take primitive ids and run off the request."""

    def __init__(self) -> None:
        self._pending: list = []

    def init_app(self, app: Flask) -> None:
        """Bind to an app: Redis-backed queues, or the in-process runner."""
        url = app.config.get("REDIS_URL")
        state = {"redis": None, "queues": {}}
        if url:
            state["redis"] = Redis.from_url(url)
            state["queues"] = {name: Queue(name, connection=state["redis"]) for name in QUEUES}
        app.extensions["jobs"] = state

    @property
    def _state(self) -> dict:
        return current_app.extensions["jobs"]

    @property
    def redis(self) -> Redis | None:
        """The Redis connection behind the queues, or None when embedded."""
        return self._state["redis"]

    def queue(self, name: str) -> Queue:
        """One declared RQ queue."""
        return self._state["queues"][name]

    def enqueue(
        self,
        queue: str,
        func: str,
        *args,
        job_id: str | None = None,
        retries: int = 0,
        backoff: list[int] | None = None,
        timeout: int | None = None,
        **kwargs,
    ) -> str:
        """Run `func` (dotted path) with primitive args on `queue`; returns the job id.

        A job that raises (or whose worker dies) runs again up to `retries` times, waiting
        `backoff[i]` seconds before retry i (the last wait repeats); `timeout` caps one run.
        """
        if queue not in QUEUES:
            raise ValueError(f"unknown queue {queue!r}")
        job_id = job_id or str(uuid.uuid4())
        waits = list(backoff or [0])
        if self.redis is not None:
            options: dict = {"job_id": job_id}
            if retries > 0:
                options["retry"] = Retry(max=retries, interval=waits)
            if timeout:
                options["job_timeout"] = timeout
            self.queue(queue).enqueue(func, *args, **options, **kwargs)
            return job_id
        app = current_app._get_current_object()
        plan = (retries, waits)
        task = socketio.start_background_task(
            _run_in_process, app, func, args, kwargs, job_id, plan
        )
        self._pending.append(task)
        return job_id

    def depth(self) -> dict[str, int]:
        """Jobs waiting per queue (0 everywhere when embedded and idle)."""
        if self.redis is None:
            self._pending = [t for t in self._pending if _alive(t)]
            return {name: 0 for name in QUEUES} | {"in_process": len(self._pending)}
        return {name: self.queue(name).count for name in QUEUES}

    def wait_in_process(self, timeout: float = 30) -> None:
        """Block until in-process jobs have finished (used by tests and shutdown)."""
        while self._pending:
            self._pending.pop(0).join(timeout)


def _alive(task) -> bool:
    is_alive = getattr(task, "is_alive", None)
    return is_alive() if is_alive else not getattr(task, "dead", True)


def _run_in_process(
    app: Flask, func: str, args: tuple, kwargs: dict, job_id: str, plan: tuple = (0, [0])
) -> None:
    """Run one job in this process, retrying with waits as `plan` says."""
    retries, waits = plan
    for attempt in range(retries + 1):
        if attempt:
            wait = waits[min(attempt - 1, len(waits) - 1)]
            socketio.sleep(min(wait, IN_PROCESS_MAX_WAIT))
        with app.app_context():
            started = time.perf_counter()
            try:
                import_string(func)(*args, **kwargs)
                metrics.job_ran("in_process", func, time.perf_counter() - started, ok=True)
                return
            except Exception:
                metrics.job_ran("in_process", func, time.perf_counter() - started, ok=False)
                log.exception(
                    "in-process job %s (%s) failed, attempt %d of %d",
                    job_id,
                    func,
                    attempt + 1,
                    retries + 1,
                )


jobs = Jobs()
