"""Jobs of the `billing` queue: Stripe events, and the self-rescheduling reconciliation chain."""

import logging
import uuid
from datetime import timedelta

from flask import current_app
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from watchparty.billing import reconcile as reconciliation
from watchparty.billing import stripe_events
from watchparty.billing.stripe_api import configured
from watchparty.jobs import job, jobs

log = logging.getLogger(__name__)

# The id of the chain's next reconciliation job: one chain however many workers start.
NEXT_KEY = "watchparty:billing:reconcile:next"
LOCK_KEY = "watchparty:billing:reconcile:lock"
PENDING = (JobStatus.SCHEDULED, JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED)
# A stored event is applied again after a failure: Stripe does not resend what we acknowledged.
EVENT_RETRIES, EVENT_BACKOFF = 3, [5, 30, 120]


@job("billing", retries=EVENT_RETRIES, backoff=EVENT_BACKOFF)
def process_event(event_id: str) -> None:
    """Apply one stored Stripe event (retried by RQ when an attempt fails)."""
    stripe_events.process(event_id)


@job("billing")
def reconcile_once() -> str:
    """Reconcile with Stripe now (an admin's request); the run's id."""
    return str(reconciliation.run().id)


@job("billing")
def reconcile() -> str | None:
    """Reconcile with Stripe, then schedule the chain's next run an interval later."""
    try:
        if not configured():
            log.info("billing is not configured: reconciliation skipped")
            return None
        return str(reconciliation.run().id)
    finally:
        # Scheduled even when this run failed: one bad run must not end the chain.
        schedule_next(interval())


def interval() -> int:
    """Seconds between scheduled reconciliations (RECONCILE_INTERVAL_SECONDS; 0 turns it off)."""
    return current_app.config["RECONCILE_INTERVAL_SECONDS"]


def schedule_next(seconds: int) -> str | None:
    """Put the chain's next run on the billing queue `seconds` from now; its job id."""
    redis = jobs.redis
    if redis is None or seconds <= 0:  # embedded: `flask billing reconcile` is the way
        return None
    job_id = f"billing-reconcile-{uuid.uuid4()}"
    jobs.queue("billing").enqueue_in(timedelta(seconds=seconds), reconcile.path, job_id=job_id)
    redis.set(NEXT_KEY, job_id)
    return job_id


def chain_alive() -> bool:
    """Whether the chain's next job still exists and has not ended."""
    job_id = jobs.redis.get(NEXT_KEY)
    if not job_id:
        return False
    try:
        job = Job.fetch(job_id.decode(), connection=jobs.redis)
    except NoSuchJobError:
        return False
    return job.get_status() in PENDING


def ensure_scheduled() -> str | None:
    """Start the reconciliation chain unless one is alive (called at worker start-up and on
    every maintenance tick, so a lost chain restarts); the new job's id, or None."""
    if jobs.redis is None or interval() <= 0:
        return None
    # A short lock: two workers starting together must not both see "no chain".
    if not jobs.redis.set(LOCK_KEY, "1", nx=True, ex=30):
        return None
    try:
        if chain_alive():
            return None
        return schedule_next(min(interval(), 60))  # soon after start-up, not an hour later
    finally:
        jobs.redis.delete(LOCK_KEY)
