"""Tickets' bodies and representations (seed 003 "Support Endpoints", Support Tickets)."""

import uuid

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.support.models import (
    PRIORITIES,
    TEXT_MAX,
    TICKET_CATEGORIES,
    TICKET_STATUSES,
    TITLE_MAX,
)
from watchparty.support.text import TrimmedSchema, text
from watchparty.users.schemas import UserBriefSchema


class TicketCreateSchema(TrimmedSchema):
    """A new ticket: subject, description, category and priority (default medium)."""

    subject = text(TITLE_MAX, required=True)
    description = text(TEXT_MAX, multiline=True, required=True)
    category = ma.fields.String(required=True, validate=ma.validate.OneOf(TICKET_CATEGORIES))
    priority = ma.fields.String(load_default="medium", validate=ma.validate.OneOf(PRIORITIES))


def _assignee(value: str) -> None:
    if value in ("me", "none"):
        return
    try:
        uuid.UUID(value)
    except ValueError:
        raise ma.ValidationError("Use a staff member's id, `me` or `none`.") from None


class TicketQuerySchema(PageQuerySchema):
    """Filters: `status`, `priority`; staff also `assignee` (an id, `me` or `none`)."""

    status = ma.fields.String(validate=ma.validate.OneOf(TICKET_STATUSES))
    priority = ma.fields.String(validate=ma.validate.OneOf(PRIORITIES))
    assignee = ma.fields.String(validate=_assignee)


class TicketMessageCreateSchema(TrimmedSchema):
    """`{message}`: a reply in the thread."""

    message = text(TEXT_MAX, multiline=True, required=True)


class TicketMessageSchema(ma.Schema):
    """One message of a thread: who wrote it, whether as staff, and when."""

    id = ma.fields.UUID()
    ticket_id = ma.fields.UUID()
    author = ma.fields.Nested(UserBriefSchema)
    message = ma.fields.String(attribute="body")
    from_staff = ma.fields.Boolean()
    created_at = UTCDateTimeField()


class TicketSchema(ma.Schema):
    """A ticket: what it is about, whose it is, who handles it and where it stands."""

    id = ma.fields.UUID()
    subject = ma.fields.String()
    description = ma.fields.String()
    category = ma.fields.String(metadata={"description": ", ".join(TICKET_CATEGORIES)})
    priority = ma.fields.String(metadata={"description": ", ".join(PRIORITIES)})
    status = ma.fields.String(metadata={"description": ", ".join(TICKET_STATUSES)})
    user = ma.fields.Nested(UserBriefSchema)
    assignee = ma.fields.Nested(UserBriefSchema, allow_none=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


class TicketDetailSchema(TicketSchema):
    """A ticket with its thread, oldest message first."""

    messages = ma.fields.List(ma.fields.Nested(TicketMessageSchema))


TicketPageSchema = page_of(TicketSchema, "TicketPage")


class TicketAssignSchema(ma.Schema):
    """`{staff_id}`: the staff member to handle it (null: nobody)."""

    staff_id = ma.fields.UUID(required=True, allow_none=True)


class TicketStatusSchema(ma.Schema):
    """`{status}`: open, pending, resolved or closed."""

    status = ma.fields.String(required=True, validate=ma.validate.OneOf(TICKET_STATUSES))
