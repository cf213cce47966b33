"""REST views of support tickets under /api/support/tickets/ (seed 003 "Support Tickets"):
file, list, read with the thread, reply; staff assign and change the status."""

import uuid

from watchparty.common.auth import admin_required, auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.ratelimit import writes_per_account
from watchparty.support import replies, tickets
from watchparty.support.ticket_schemas import (
    TicketAssignSchema,
    TicketCreateSchema,
    TicketDetailSchema,
    TicketMessageCreateSchema,
    TicketMessageSchema,
    TicketPageSchema,
    TicketQuerySchema,
    TicketStatusSchema,
)
from watchparty.users.schemas import UserBriefSchema

blp = Blueprint("support_tickets", __name__, description="Help centre: support tickets")


@blp.get("/tickets/")
@auth_required
@blp.arguments(TicketQuerySchema, location="query")
@blp.response(200, TicketPageSchema)
def list_tickets(query):
    """Your tickets (staff: every ticket; filter by status, priority, assignee)."""
    return tickets.listing(current_user, query)


@blp.post("/tickets/")
@writes_per_account("SUPPORT_TICKET_RATE_LIMIT", "10 per hour")
@auth_required
@blp.arguments(TicketCreateSchema)
@blp.response(201, TicketDetailSchema)
def create_ticket(body):
    """File a ticket: subject, description, category, priority."""
    return tickets.create(current_user, body)


@blp.get("/tickets/<uuid:ticket_id>/")
@auth_required
@blp.response(200, TicketDetailSchema)
def get_ticket(ticket_id: uuid.UUID):
    """One ticket with its messages (its owner or staff)."""
    return tickets.detail(current_user, ticket_id)


@blp.post("/tickets/<uuid:ticket_id>/messages/")
@writes_per_account("SUPPORT_MESSAGE_RATE_LIMIT", "30 per minute")
@auth_required
@blp.arguments(TicketMessageCreateSchema)
@blp.response(201, TicketMessageSchema)
def reply(body, ticket_id: uuid.UUID):
    """Reply in the ticket's thread (its owner or staff); the other side is notified."""
    return replies.reply(current_user, ticket_id, body["message"])


@blp.post("/tickets/<uuid:ticket_id>/assign/")
@admin_required
@blp.arguments(TicketAssignSchema)
@blp.response(200, TicketDetailSchema)
def assign(body, ticket_id: uuid.UUID):
    """Give the ticket to a staff member, or to nobody with null (staff)."""
    return tickets.assign(current_user, ticket_id, body["staff_id"])


@blp.post("/tickets/<uuid:ticket_id>/status/")
@admin_required
@blp.arguments(TicketStatusSchema)
@blp.response(200, TicketDetailSchema)
def set_status(body, ticket_id: uuid.UUID):
    """Mark the ticket open, pending, resolved or closed (staff)."""
    return tickets.set_status(current_user, ticket_id, body["status"])


@blp.get("/staff/")
@admin_required
@blp.response(200, UserBriefSchema(many=True))
def list_staff():
    """Everyone a ticket can be assigned to (staff)."""
    return tickets.staff_members()
