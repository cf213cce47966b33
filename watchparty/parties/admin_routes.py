"""Staff views of parties: list every party, delete one."""

import uuid

from flask import jsonify
from sqlalchemy import func, select

from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import paginate
from watchparty.common.schemas import MessageSchema, message
from watchparty.common.search import any_contains
from watchparty.extensions import db
from watchparty.parties import service
from watchparty.parties.access import get_party
from watchparty.parties.input_schemas import AdminPartyQuerySchema
from watchparty.parties.invite_models import PartyReport
from watchparty.parties.models import Party
from watchparty.parties.routes import PartyPage
from watchparty.parties.schemas import dump_party

blp = Blueprint("parties_admin", __name__, description="Admin: parties")


def _with_reports(parties) -> list[dict]:
    """Parties for staff, each with the number of reports filed against it."""
    ids = [p.id for p in parties]
    counts = dict(
        db.session.execute(
            select(PartyReport.party_id, func.count())
            .where(PartyReport.party_id.in_(ids))
            .group_by(PartyReport.party_id)
        ).all()
    )
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
    service.delete_party(get_party(party_id))
    return jsonify(message("The party was deleted."))
