"""Plan limits, enforced where videos and parties are created.

Limits apply when billing is configured (a user can upgrade) or BILLING_ENFORCE_LIMITS is
true; a server without Stripe keys has no way to upgrade, so it does not limit anyone.
"""

from flask import current_app

from watchparty.billing import catalog, entitlements, stripe_api, usage
from watchparty.billing.models import Plan
from watchparty.errors import AppError
from watchparty.extensions import db
from watchparty.site import settings as site_settings


class PlanLimitReached(AppError):
    """The user's plan does not allow this (403 `plan_limit_reached`)."""

    status, code, message = 403, "plan_limit_reached", "Your plan does not allow this."


def enforced() -> bool:
    """Whether plan limits are enforced on this server."""
    setting = current_app.config.get("BILLING_ENFORCE_LIMITS")
    return stripe_api.configured() if setting is None else bool(setting)


def current_plan(user) -> tuple[str, str, dict]:
    """The id, name and limits of the user's entitled plan, else the free plan's."""
    subscription = entitlements.entitled_subscription(user.id)
    plan = subscription.plan if subscription else db.session.get(Plan, catalog.FREE)
    if plan is not None:
        return plan.id, plan.name, dict(plan.limits or {})
    free = catalog.entry(catalog.FREE)  # not seeded yet: the built-in values
    return free["id"], free["name"], dict(free["limits"])


def plan_limits(user) -> dict:
    """The limits of the user's plan (absent or None: unlimited)."""
    return current_plan(user)[2]


def _refuse(name: str, limit: str, text: str) -> PlanLimitReached:
    """The 403 naming the limit and the plan."""
    return PlanLimitReached(f"Your {name} plan {text}", errors={"limit": [limit]}, detail=limit)


def check_upload(user, size_bytes: int | None, new_video: bool = True) -> None:
    """Refuse a video the plan has no room for: this month's uploads or the storage left."""
    if not enforced():
        return
    _plan_id, name, limits = current_plan(user)
    most = limits.get(catalog.VIDEOS)
    if new_video and most is not None and usage.videos_this_month(user.id) >= most:
        text = f"allows {most} video uploads a month; upgrade to upload more."
        raise _refuse(name, catalog.VIDEOS, text)
    room = limits.get(catalog.STORAGE)
    if room is not None and usage.storage_used(user.id) + (size_bytes or 0) > room:
        text = f"includes {usage.human_bytes(room)} of storage; upgrade or delete videos."
        raise _refuse(name, catalog.STORAGE, text)


def check_party(user, max_participants: int | None, new_party: bool = False) -> int:
    """Refuse a party the plan does not allow; returns the seats to give it."""
    # No size asked for: the party default, capped by the plan.
    _plan_id, name, limits = current_plan(user) if enforced() else ("", "", {})
    most = limits.get(catalog.PARTIES)
    if new_party and most is not None and usage.parties_this_month(user.id) >= most:
        text = f"allows {most} parties a month; upgrade to host more."
        raise _refuse(name, catalog.PARTIES, text)
    seats = limits.get(catalog.SEATS)
    if max_participants is None:
        default = site_settings.get("default_party_size")
        return default if seats is None else min(default, seats)
    if seats is not None and max_participants > seats:
        text = f"allows up to {seats} people in a party; upgrade for bigger parties."
        raise _refuse(name, catalog.SEATS, text)
    return max_participants
