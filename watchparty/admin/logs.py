"""The staff log view: the audit log (with who acted) or the recent server errors."""

from sqlalchemy import select

from watchparty.common.shown import Shown
from watchparty.extensions import db
from watchparty.site import audit, errors_log
from watchparty.users.models import User

AUDIT_FILTERS = ("actor_id", "action", "target_type", "target_id")
ERROR_FILTERS = ("level", "logger", "search")


def _names(ids: set) -> dict:
    if not ids:
        return {}
    rows = db.session.execute(
        select(User.id, User.first_name, User.last_name, User.email).where(User.id.in_(ids))
    )
    return {r.id: " ".join(p for p in (r.first_name, r.last_name) if p) or r.email for r in rows}


def logs(query: dict) -> dict:
    """One page of the chosen log, newest first, filtered."""
    source = query.pop("source")
    skip = ERROR_FILTERS if source == "audit" else AUDIT_FILTERS
    query = {k: v for k, v in query.items() if k not in skip}
    if source == "errors":
        page = errors_log.entries(query)
        page["results"] = [Shown(row, source="errors") for row in page["results"]]
        return page
    page = audit.entries(query)
    names = _names({row.actor_id for row in page["results"] if row.actor_id})
    page["results"] = [
        Shown(row, source="audit", actor_name=names.get(row.actor_id)) for row in page["results"]
    ]
    return page
