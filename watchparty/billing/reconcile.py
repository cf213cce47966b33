"""Reconciliation: compare local billing rows with Stripe and repair drift, recording each change.

Repairs go through the same upserts as webhooks, so a webhook that never arrived and a change
made in the Stripe dashboard end up exactly where the webhook would have put them.
"""

import logging
import uuid
from collections.abc import Callable

import stripe
from flask import current_app
from sqlalchemy import select

from watchparty.billing import product_lines
from watchparty.billing.event_models import ReconciliationRun
from watchparty.billing.models import BillingAccount, Subscription
from watchparty.billing.reconcile_state import diff, user_state
from watchparty.billing.stripe_api import client, require_configured
from watchparty.billing.stripe_events import apply_subscription
from watchparty.common.types import utcnow
from watchparty.extensions import db

log = logging.getLogger(__name__)

# Stripe itself is down or the keys are wrong: every further call would fail too.
FATAL = (stripe.APIConnectionError, stripe.AuthenticationError, stripe.PermissionError)


def _apply_subscription(sub) -> None:
    """Upsert a Stripe subscription, platform or creator, as Stripe has it now."""
    apply_subscription(sub, None)


def _apply_invoice(invoice) -> None:
    """Upsert a Stripe invoice (and the payment it records) as Stripe has it now."""
    from watchparty.billing.invoice_sync import upsert_invoice

    upsert_invoice(invoice, as_of=None)


def _apply_payment_intent(intent) -> None:
    """Record a tip's payment intent as Stripe has it now."""
    product_lines.record_payment_intent(intent, None)


class Reconciler:
    """One run: what was checked, what changed, what could not be compared."""

    def __init__(self, run: ReconciliationRun) -> None:
        self.run = run
        self.changes: list[dict] = []
        self.problems: list[str] = []
        self.seen: set[str] = set()
        self.checked = 0

    def repair(self, user_id: uuid.UUID, label: str, fn: Callable[[], None]) -> None:
        """Run one repair for a user and record the fields it changed; one failure is noted
        and the run goes on (unless Stripe itself is unreachable)."""
        before = user_state(user_id)
        try:
            fn()
            db.session.commit()
        except FATAL:
            raise
        except Exception as error:
            db.session.rollback()
            log.exception("reconciliation of %s failed", label)
            self.problems.append(f"{label}: {type(error).__name__}: {error}"[:500])
            return
        self.changes.extend(diff(before, user_state(user_id)))

    def customer(self, user_id: uuid.UUID, customer_id: str) -> None:
        """Every subscription and invoice Stripe has for one customer."""
        params = {"customer": customer_id, "status": "all"}
        for sub in client().v1.subscriptions.list(params=params).auto_paging_iter():
            self.checked += 1
            self.seen.add(sub.id)
            self.repair(user_id, f"subscription {sub.id}", lambda sub=sub: _apply_subscription(sub))
        params = {"customer": customer_id}
        for invoice in client().v1.invoices.list(params=params).auto_paging_iter():
            self.checked += 1
            self.repair(user_id, f"invoice {invoice.id}", lambda inv=invoice: _apply_invoice(inv))

    def orphans(self) -> None:
        """Local subscriptions no customer listing showed (e.g. no billing account): by id."""
        rows = [
            (row.user_id, row.stripe_subscription_id)
            for row in db.session.scalars(select(Subscription))
        ] + product_lines.subscriptions()
        for user_id, sub_id in rows:
            if sub_id in self.seen:
                continue
            self.checked += 1
            self.repair(user_id, f"subscription {sub_id}", lambda s=sub_id: self._by_id(s))

    def _by_id(self, sub_id: str) -> None:
        """Upsert one subscription fetched by id."""
        _apply_subscription(client().v1.subscriptions.retrieve(sub_id))

    def tips(self) -> None:
        """Recent tips not settled locally: ask Stripe how their payment intents ended."""
        days = current_app.config["RECONCILE_TIP_DAYS"]
        pending = [
            pair
            for line in product_lines.product_lines
            for pair in line.unsettled_payment_intents(days)
        ]
        for user_id, pi_id in pending:
            self.checked += 1
            self.repair(
                user_id,
                f"payment intent {pi_id}",
                lambda p=pi_id: _apply_payment_intent(client().v1.payment_intents.retrieve(p)),
            )


def run() -> ReconciliationRun:
    """Compare every known customer's subscriptions, invoices and pending tips with Stripe,
    repair drift through the webhook upserts, and store the run with its changes."""
    require_configured()
    run_row = ReconciliationRun(status="running", changes=[], checked=0)
    db.session.add(run_row)
    db.session.commit()
    work = Reconciler(run_row)
    accounts = db.session.execute(
        select(BillingAccount.user_id, BillingAccount.stripe_customer_id).where(
            BillingAccount.stripe_customer_id.is_not(None)
        )
    ).all()
    try:
        for user_id, customer_id in accounts:
            try:
                work.customer(user_id, customer_id)
            except stripe.InvalidRequestError as error:  # e.g. deleted in the dashboard
                work.problems.append(f"customer {customer_id}: {error.user_message or error}")
        work.orphans()
        work.tips()
    except Exception as error:
        db.session.rollback()
        log.exception("reconciliation run %s stopped", run_row.id)
        work.problems.insert(0, f"stopped: {type(error).__name__}: {error}"[:500])
    return _finish(run_row.id, work)


def _finish(run_id: uuid.UUID, work: Reconciler) -> ReconciliationRun:
    """Store the run's outcome: done, or failed with what could not be compared."""
    run_row = db.session.get(ReconciliationRun, run_id)
    run_row.checked = work.checked
    run_row.changes = work.changes
    run_row.status = "failed" if work.problems else "done"
    run_row.error = "\n".join(work.problems)[:10000] or None
    run_row.finished_at = utcnow()
    db.session.commit()
    log.info(
        "reconciliation %s: %s, %d checked, %d changes",
        run_id,
        run_row.status,
        run_row.checked,
        len(run_row.changes),
    )
    return run_row
