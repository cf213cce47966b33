"""REST view for reporting a party: POST /api/parties/report/."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.moderation import service
from watchparty.moderation.schemas import ReportSchema

blp = Blueprint("moderation_reports", __name__, description="Moderation: reports")


@blp.post("/report/")
@auth_required
@blp.arguments(ReportSchema)
@blp.response(201, MessageSchema)
def report(body):
    """Report a party to the moderators (one report per party)."""
    service.report_party(current_user, body["party_id"], body["reason"], body["description"])
    return message("Thank you: the report was sent to the moderators.")
