"""Staff views of parties: list every party, delete one."""

import uuid

from flask import jsonify
from sqlalchemy import select

from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import paginate
from watchparty.common.schemas import MessageSchema, message
from watchparty.common.search import any_contains
from watchparty.moderation import service
from watchparty.parties import service as parties
from watchparty.parties.access import get_party
from watchparty.parties.input_schemas import AdminPartyQuerySchema
from watchparty.parties.models import Party
from watchparty.parties.routes import PartyPage
from watchparty.parties.schemas import dump_party

blp = Blueprint("parties_admin", __name__, description="Admin: parties")


def _with_reports(parties) -> list[dict]:
    """Parties for staff, each with the number of reports filed against it."""
    counts = service.report_counts([p.id for p in parties])
    return [dump_party(p) | {"report_count": counts.get(p.id, 0)} for p in parties]


@blp.get("/parties/")
@admin_required
@blp.arguments(AdminPartyQuerySchema, location="query")
@blp.response(200, PartyPage)
def list_parties(query):
    """Every party (any visibility), newest first; `search` and `status` filters."""
    stmt = select(Party).where(Party.deleted_at.is_(None))
    if query.get("status"):
        stmt = stmt.where(Party.status == query["status"])
    if query.get("search"):
        stmt = stmt.where(any_contains((Party.title, Party.description), query["search"]))
    stmt = stmt.order_by(Party.created_at.desc(), Party.id)
    return jsonify(paginate(stmt, query["page"], query["page_size"], _with_reports))


@blp.delete("/parties/<uuid:party_id>/delete/")
@admin_required
@blp.response(200, MessageSchema)
def delete_party(party_id: uuid.UUID):
    """End a party for everyone and remove it from every view."""
    parties.delete_party(get_party(party_id))
    return jsonify(message("The party was deleted."))
