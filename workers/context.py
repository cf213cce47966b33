"""Run RQ jobs inside the Flask app context, on a short lease renewed while they run."""

import logging
import os
import threading
import time
from pathlib import Path

from rq import SimpleWorker
from rq.job import Job
from rq.scheduler import RQScheduler
from rq.worker import WorkerStatus

from watchparty.common import metrics
from watchparty.common.process import die_with_parent
from workers import scratch

log = logging.getLogger(__name__)
_app = None
HEARTBEAT_SECONDS = 10
SWEEP_SECONDS = 30


def app():
    """The worker's app, created once per process."""
    global _app
    if _app is None:
        from watchparty import create_app

        # The worker serves no sockets: plain threads, and no monkey-patching needed.
        _app = create_app({"ASYNC_MODE": "threading"})
    return _app


class AppScheduler(RQScheduler):
    """RQ's scheduler process, bound to the life of the worker that forked it: a worker killed
    with SIGKILL would otherwise leave it running (ppid 1), holding the queues' scheduler locks.
    The kernel ties the child to the forking thread: start() runs on the worker's main thread."""

    def start(self):
        """Fork the scheduler process, noting the worker's pid for the child."""
        self.parent_pid = os.getpid()
        return super().start()

    def work(self):
        """In the forked child: die with the worker, then schedule as RQ does."""
        die_with_parent(self.parent_pid)
        super().work()


class AppWorker(SimpleWorker):
    """An RQ worker that executes each job in the app context (no fork: DB pools stay valid).

    RQ's SimpleWorker registers a running job for its whole timeout (hours for a transcode),
    so the job of a worker killed with SIGKILL would wait that long before RQ calls it
    abandoned. Here a thread renews a short lease (3 heartbeats) while the job runs, and
    every worker sweeps the registries every `sweep` seconds, idle or not: an abandoned
    job is retried (RQ's StartedJobRegistry.cleanup honours its Retry) within seconds.
    """

    def __init__(self, *args, flask_app=None, heartbeat=None, sweep=None, **kwargs):
        config = (flask_app or app()).config
        self.heartbeat_seconds = float(
            heartbeat or config.get("JOB_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS)
        )
        sweep = sweep or config.get("JOB_SWEEP_SECONDS", SWEEP_SECONDS)
        kwargs.setdefault("maintenance_interval", max(1, int(sweep)))
        super().__init__(*args, **kwargs)
        self.flask_app = flask_app

    def work(self, burst: bool = False, *args, with_scheduler: bool = False, **kwargs) -> bool:
        """RQ's work loop, with an AppScheduler (RQ's own, for a burst that forks none)."""
        if with_scheduler and not burst:
            self.scheduler = AppScheduler(
                self.queues, connection=self.connection, serializer=self.serializer
            )
            if self.scheduler.acquire_locks():
                self.scheduler.start()
            with_scheduler = False  # RQ would start its own
        return super().work(burst, *args, with_scheduler=with_scheduler, **kwargs)

    @property
    def dequeue_timeout(self) -> int:
        """Wake up from an idle wait in time for the next sweep."""
        return max(1, min(self.worker_ttl - 15, int(self.maintenance_interval)))

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        """The lease of a running job: three missed heartbeats and it counts as abandoned."""
        return int(self.heartbeat_seconds * 3) + 1

    def execute_job(self, job: Job, queue) -> None:
        """Run the job in this process while a thread keeps its lease alive."""
        execution = self.prepare_execution(job)
        done = threading.Event()
        beat = threading.Thread(
            target=self._keep_alive, args=(job, execution, done), daemon=True, name="rq-lease"
        )
        beat.start()
        try:
            self.perform_job(job, queue, execution)
        finally:
            done.set()
            beat.join()
        self.set_state(WorkerStatus.IDLE)

    def _keep_alive(self, job: Job, execution, done: threading.Event) -> None:
        """Renew the job's lease every heartbeat until `done`."""
        while not done.wait(self.heartbeat_seconds):
            try:
                self.maintain_heartbeats(job, execution)
            except Exception:  # a Redis blip: the next beat may succeed before the lease ends
                log.warning("heartbeat for job %s failed", job.id, exc_info=True)

    def run_maintenance_tasks(self) -> None:
        """RQ's registry sweep; a scheduling worker of the default queue sends the reminders of
        scheduled parties, one of the billing queue (re)starts the reconciliation chain (at
        start-up, and again whenever the chain was lost)."""
        super().run_maintenance_tasks()
        scratch.sweep(Path((self.flask_app or app()).config["TRANSCODE_SCRATCH_DIR"]))
        if self.scheduler is not None and "default" in self.queue_names():
            self._remind_parties()
        if self.scheduler is None or "billing" not in self.queue_names():
            return
        from watchparty.billing.tasks import ensure_scheduled

        try:
            with (self.flask_app or app()).app_context():
                ensure_scheduled()
        except Exception:  # a Redis blip: the next tick tries again
            log.warning("could not check the reconciliation schedule", exc_info=True)

    def _remind_parties(self) -> None:
        """Remind the members of scheduled parties starting soon (each party once, whichever
        worker's tick gets there first)."""
        from watchparty.parties.reminders import send_due

        try:
            with (self.flask_app or app()).app_context():
                send_due()
        except Exception:  # a database or Redis blip: the next tick tries again
            log.warning("could not send party reminders", exc_info=True)

    def perform_job(self, job: Job, *args, **kwargs) -> bool:
        """Perform the job inside the app context; its duration goes to the job metrics."""
        started = time.perf_counter()
        with (self.flask_app or app()).app_context():
            ok = super().perform_job(job, *args, **kwargs)
        metrics.job_ran(job.origin, job.func_name, time.perf_counter() - started, ok=bool(ok))
        return ok
