"""The live site banner: one message staff put over the app for everyone, until it expires.

It is kept in the live store (Redis, or in-process when embedded) with its expiry as the key's
TTL, so a page loaded later reads it from GET /api/banner/; everyone connected now hears
`site_banner` on /notifications (every signed-in page holds that connection; a cleared banner
is `site_banner` with `banner: null`). Posting a new banner replaces the old one.
"""

import json
from datetime import timedelta

from watchparty.common.realtime import NOTIFICATIONS_NS
from watchparty.common.types import iso, new_id, utcnow
from watchparty.errors import NotFound
from watchparty.extensions import db, socketio
from watchparty.live.state import store
from watchparty.site import audit

KEY = "site:banner"
EVENT = "site_banner"
BANNER_SET, BANNER_CLEARED = "banner.set", "banner.cleared"


def current() -> dict | None:
    """The banner showing now, or None (an expired one is gone with its key)."""
    raw = store().get(KEY)
    return json.loads(raw) if raw else None


def _announce(banner: dict | None) -> None:
    socketio.emit(EVENT, {"banner": banner}, namespace=NOTIFICATIONS_NS)


def publish(actor, message: str, level: str, expires_in: int) -> dict:
    """Show `message` to everyone for `expires_in` seconds (audited); returns the banner."""
    now = utcnow()
    banner = {
        "id": str(new_id()),
        "message": message.strip(),
        "level": level,
        "created_at": iso(now),
        "expires_at": iso(now + timedelta(seconds=expires_in)),
    }
    audit.record(actor.id, BANNER_SET, "banner", banner["id"], "", banner)
    db.session.commit()
    store().set(KEY, json.dumps(banner), ttl=expires_in)
    _announce(banner)
    return banner


def clear(actor) -> None:
    """Take the banner down for everyone now (audited); 404 when none is showing."""
    banner = current()
    if banner is None:
        raise NotFound("No banner is showing.", code="no_banner")
    audit.record(actor.id, BANNER_CLEARED, "banner", banner["id"], "", banner)
    db.session.commit()
    store().delete(KEY)
    _announce(None)
