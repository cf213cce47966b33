"""Who hears of support work, told after the commit: the other side of a ticket's thread on a
reply (`support_reply`), the staff member a ticket is given to (`support_assigned`), a ticket's
owner when its status moves (`support_status`) and feedback's author when its status moves
(`feedback_status`). All go under the `support` switch; nobody is told of their own doing
(`notify` drops it)."""

from watchparty.common.notify import notify
from watchparty.support.models import Feedback, Ticket

TICKET_STATUS = {
    "open": "open",
    "pending": "waiting for your answer",
    "resolved": "resolved",
    "closed": "closed",
}
FEEDBACK_STATUS = {
    "open": "open",
    "planned": "planned",
    "in_progress": "in progress",
    "done": "done",
    "declined": "declined",
}


def _name(user, fallback: str) -> str:
    return user.display_name or user.first_name or fallback


def reply_posted(ticket: Ticket, author, from_staff: bool) -> None:
    """Tell the other side of the thread: the owner of a staff reply, else the assignee (if any)."""
    recipient = ticket.user_id if from_staff else ticket.assignee_id
    if recipient is None:
        return
    who = "Support" if from_staff else _name(author, "Someone")
    notify(
        recipient,
        "support_reply",
        f"New reply: {ticket.subject}"[:200],
        f"{who} replied to the ticket “{ticket.subject}”",
        data={"ticket_id": str(ticket.id)},
        actor_id=author.id,
    )


def ticket_assigned(ticket: Ticket, staff) -> None:
    """Tell the ticket's new assignee who gave it to them."""
    notify(
        ticket.assignee_id,
        "support_assigned",
        f"Ticket assigned: {ticket.subject}"[:200],
        f"{_name(staff, 'A staff member')} gave you the ticket “{ticket.subject}”"[:1000],
        data={"ticket_id": str(ticket.id)},
        actor_id=staff.id,
    )


def ticket_status(ticket: Ticket, staff) -> None:
    """Tell the ticket's owner where their ticket stands now."""
    state = TICKET_STATUS.get(ticket.status, ticket.status)
    notify(
        ticket.user_id,
        "support_status",
        f"Ticket {state}: {ticket.subject}"[:200],
        f"Support marked your ticket “{ticket.subject}” as {state}"[:1000],
        data={"ticket_id": str(ticket.id), "status": ticket.status},
        actor_id=staff.id,
    )


def feedback_status(row: Feedback, staff) -> None:
    """Tell the feedback's author where it stands now."""
    state = FEEDBACK_STATUS.get(row.status, row.status)
    notify(
        row.user_id,
        "feedback_status",
        f"Feedback {state}: {row.title}"[:200],
        f"The team marked your feedback “{row.title}” as {state}"[:1000],
        data={"feedback_id": str(row.id), "status": row.status},
        actor_id=staff.id,
    )
