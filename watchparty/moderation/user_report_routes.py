"""REST view of reporting a user: POST /api/users/report/ (staff list them in staff_routes)."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.moderation import service
from watchparty.moderation.schemas import (
    UserReportBodySchema,
)

blp = Blueprint("moderation_user_reports", __name__, description="Moderation: user reports")


@blp.post("/report/")
@auth_required
@blp.arguments(UserReportBodySchema)
@blp.response(201, MessageSchema)
def report_user(body):
    """Report someone to the moderators (one report per person)."""
    service.report_user(current_user, body["reported_user_id"], body["reason"], body["description"])
    return message("Thank you: the report was sent to the moderators.")
