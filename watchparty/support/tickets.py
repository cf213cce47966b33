"""Support tickets: filed by anyone signed in, seen by their owner and by staff only (a
stranger gets 404), listed, assigned to a staff member and moved through their statuses."""

import uuid

from sqlalchemy import select

from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.errors import NotFound, ValidationError
from watchparty.extensions import db
from watchparty.support import notices
from watchparty.support.models import Ticket, TicketMessage
from watchparty.users.models import DELETED, User


def get_ticket(user, ticket_id: uuid.UUID) -> Ticket:
    """The ticket when the user owns it or is staff; 404 `ticket_not_found` for anyone else."""
    ticket = db.session.get(Ticket, ticket_id)
    if ticket is None or not (user.is_admin or ticket.user_id == user.id):
        raise NotFound("Ticket not found.", code="ticket_not_found")
    return ticket


def thread(ticket: Ticket) -> Shown:
    """The ticket with its messages, oldest first."""
    messages = db.session.scalars(
        select(TicketMessage)
        .where(TicketMessage.ticket_id == ticket.id)
        .order_by(TicketMessage.created_at, TicketMessage.id)
    ).all()
    return Shown(ticket, messages=messages)


def create(user, body: dict) -> Shown:
    """A new open ticket owned by the user. Commits."""
    ticket = Ticket(user_id=user.id, status="open", **body)
    db.session.add(ticket)
    db.session.commit()
    return thread(ticket)


def listing(user, query: dict) -> dict:
    """The user's tickets, or every ticket for staff (filters: status, priority, assignee:
    a staff id, `me` or `none`), the latest activity first."""
    stmt = select(Ticket)
    if not user.is_admin:
        stmt = stmt.where(Ticket.user_id == user.id)
    elif (assignee := query.get("assignee")) is not None:
        if assignee == "none":
            stmt = stmt.where(Ticket.assignee_id.is_(None))
        else:
            who = user.id if assignee == "me" else uuid.UUID(assignee)
            stmt = stmt.where(Ticket.assignee_id == who)
    for key in ("status", "priority"):
        if query.get(key):
            stmt = stmt.where(getattr(Ticket, key) == query[key])
    stmt = stmt.order_by(Ticket.updated_at.desc(), Ticket.id)
    return paginate(stmt, query["page"], query["page_size"])


def detail(user, ticket_id: uuid.UUID) -> Shown:
    """One ticket with its thread (owner or staff)."""
    return thread(get_ticket(user, ticket_id))


def assign(staff, ticket_id: uuid.UUID, staff_id: uuid.UUID | None) -> Shown:
    """Give the ticket to a staff member, who is told (null: nobody). Commits; 400 if not staff."""
    ticket = get_ticket(staff, ticket_id)
    if staff_id is not None:
        member = db.session.get(User, staff_id)
        if member is None or not member.is_admin:
            raise ValidationError(errors={"staff_id": ["Not a staff member."]})
    before, ticket.assignee_id = ticket.assignee_id, staff_id
    db.session.commit()
    db.session.expire(ticket)
    if staff_id is not None and staff_id != before:
        notices.ticket_assigned(ticket, staff)
    return thread(ticket)


def set_status(staff, ticket_id: uuid.UUID, status: str) -> Shown:
    """Move the ticket to open, pending, resolved or closed. Commits; a move tells the owner."""
    ticket = get_ticket(staff, ticket_id)
    before, ticket.status = ticket.status, status
    db.session.commit()
    if status != before:
        notices.ticket_status(ticket, staff)
    return thread(ticket)


def staff_members() -> list[User]:
    """Everyone a ticket can be given to (staff and superusers), by name."""
    staff = (User.is_staff.is_(True)) | (User.is_superuser.is_(True))
    stmt = select(User).where(staff, User.status != DELETED)
    return db.session.scalars(stmt.order_by(User.first_name, User.last_name, User.id)).all()
