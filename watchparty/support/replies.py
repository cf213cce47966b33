"""A reply in a ticket's thread, and who hears of it.

A staff reply tells the ticket's owner (in the app and by email, kind `support_reply`), takes
an unassigned ticket on and marks it `pending` (waiting for the owner). An owner's reply tells
the assigned staff member and reopens the ticket; while nobody is assigned, nobody is told:
unassigned tickets wait in the staff queue (GET /api/support/tickets/?assignee=none). A closed
ticket takes no replies (409 `ticket_closed`): file a new one.
"""

import uuid

from watchparty.common.types import utcnow
from watchparty.errors import Conflict
from watchparty.extensions import db
from watchparty.support import notices
from watchparty.support.models import CLOSED, OPEN, PENDING, TicketMessage
from watchparty.support.tickets import get_ticket


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
    notices.reply_posted(ticket, user, from_staff)
    return message
