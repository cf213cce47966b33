"""Several reports decided at once: each is handled on its own, and the answer says which
were done and which were not (with the error's code and message)."""

from watchparty.errors import AppError
from watchparty.extensions import db
from watchparty.moderation import decisions
from watchparty.moderation.models import PENDING, ContentReport


def bulk_action(staff, body: dict) -> dict:
    """Resolve, dismiss or assign every report of `report_ids`; one decided along with an
    earlier one of the batch (the same content) counts as processed."""
    processed, failed, decided = [], [], set()
    for report_id in dict.fromkeys(body["report_ids"]):
        report = db.session.get(ContentReport, report_id)
        key = (report.content_type, report.content_id) if report is not None else None
        if key in decided and report.status not in PENDING:
            processed.append(report_id)
            continue
        try:
            _one(staff, report_id, body)
        except AppError as error:
            db.session.rollback()
            failed.append({"id": str(report_id), "error": error.code, "message": error.message})
            continue
        processed.append(report_id)
        if body["action"] != "assign":
            decided.add(key)
    return {"success": not failed, "processed": processed, "failed": failed}


def _one(staff, report_id, body: dict) -> None:
    if body["action"] == "resolve":
        decisions.resolve(staff, report_id, body["resolution"], body["reason"])
    elif body["action"] == "dismiss":
        decisions.dismiss(staff, report_id, body["reason"])
    else:
        decisions.assign(staff, report_id, body["moderator_id"] or staff.id)
