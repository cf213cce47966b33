"""A reply in a ticket's thread, and who hears of it.

A staff reply tells the ticket's owner (in the app and by email, kind `support_reply`), takes
an unassigned ticket on and marks it `pending` (waiting for the owner). An owner's reply tells
the assigned staff member and reopens the ticket; while nobody is assigned, nobody is told:
unassigned tickets wait in the staff queue (GET /api/support/tickets/?assignee=none). A closed
ticket takes no replies (409 `ticket_closed`): file a new one.
"""

import uuid

from watchparty.common.notify import notify
from watchparty.common.types import utcnow
from watchparty.errors import Conflict
from watchparty.extensions import db
from watchparty.support.models import CLOSED, OPEN, PENDING, Ticket, TicketMessage
from watchparty.support.tickets import get_ticket


def _name(user) -> str:
    return user.display_name or user.first_name or "Someone"


def reply(user, ticket_id: uuid.UUID, text: str) -> TicketMessage:
    """Add the user's message to the thread (owner or staff), then notify the other side."""
    ticket = get_ticket(user, ticket_id)
    if ticket.status == CLOSED:
        raise Conflict("This ticket is closed: file a new one.", code="ticket_closed")
    from_staff = user.is_admin and user.id != ticket.user_id
    message = TicketMessage(
        ticket_id=ticket.id, author_id=user.id, body=text, from_staff=from_staff
    )
    db.session.add(message)
    if from_staff:
        ticket.assignee_id = ticket.assignee_id or user.id
        ticket.status = PENDING
    else:
        ticket.status = OPEN
    ticket.updated_at = utcnow()
    db.session.commit()
    _tell(ticket, user, from_staff)
    return message


def _tell(ticket: Ticket, author, from_staff: bool) -> None:
    """Notify the other side of the thread (after the commit)."""
    recipient = ticket.user_id if from_staff else ticket.assignee_id
    if recipient is None:
        return
    who = "Support" if from_staff else _name(author)
    notify(
        recipient,
        "support_reply",
        f"New reply: {ticket.subject}"[:200],
        f"{who} replied to the ticket “{ticket.subject}”",
        data={"ticket_id": str(ticket.id)},
        actor_id=author.id,
    )
