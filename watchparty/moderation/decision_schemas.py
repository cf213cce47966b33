"""What staff send to decide reports, and the figures of the queue's stats and dashboard."""

import marshmallow as ma

from watchparty.moderation.models import BAN, DECISIONS, NO_ACTION, SUSPEND
from watchparty.moderation.report_schemas import ReportActionSchema

_reason = ma.validate.Length(max=2000)
MAX_DURATION = 10 * 365 * 24 * 3600


class ReportAssignSchema(ma.Schema):
    """Who takes the report: a moderator, staff member or superuser."""

    moderator_id = ma.fields.UUID(required=True)


class ReportResolveSchema(ma.Schema):
    """The decision: an action (seed 003's `approve` means no action), why, and for a
    suspension how long (seconds; none means until lifted)."""

    action = ma.fields.String(required=True)
    reason = ma.fields.String(load_default="", validate=_reason)
    duration = ma.fields.Integer(
        load_default=None, allow_none=True, validate=ma.validate.Range(min=60, max=MAX_DURATION)
    )

    @ma.pre_load
    def approve_is_no_action(self, data, **kwargs):
        if isinstance(data, dict) and data.get("action") == "approve":
            data = {**data, "action": NO_ACTION}
        return data

    @ma.validates("action")
    def known_action(self, value, **kwargs):
        if value not in DECISIONS:
            raise ma.ValidationError(f"Must be one of: {', '.join(DECISIONS)}.")

    @ma.validates_schema
    def duration_only_for_time_limits(self, data, **kwargs):
        if data.get("duration") is not None and data.get("action") not in (SUSPEND, BAN):
            raise ma.ValidationError("Only a suspension or a ban lasts.", "duration")


class ReportDismissSchema(ma.Schema):
    """Why the report was dismissed."""

    reason = ma.fields.String(load_default="", validate=_reason)


class ReportBulkActionSchema(ma.Schema):
    """Several reports at once: resolve (with `resolution`, default no action), dismiss, or
    assign (to `moderator_id`, default the caller)."""

    report_ids = ma.fields.List(
        ma.fields.UUID(), required=True, validate=ma.validate.Length(min=1, max=100)
    )
    action = ma.fields.String(
        required=True, validate=ma.validate.OneOf(("resolve", "dismiss", "assign"))
    )
    reason = ma.fields.String(load_default="", validate=_reason)
    resolution = ma.fields.String(load_default=NO_ACTION, validate=ma.validate.OneOf(DECISIONS))
    moderator_id = ma.fields.UUID(load_default=None, allow_none=True)


class ReportBulkResultSchema(ma.Schema):
    """Which reports were handled and which were not (with why)."""

    success = ma.fields.Boolean(dump_default=True)
    processed = ma.fields.List(ma.fields.UUID())
    failed = ma.fields.List(ma.fields.Dict())


class ModerationCountSchema(ma.Schema):
    key = ma.fields.String()
    count = ma.fields.Integer()


class ModerationStatsSchema(ma.Schema):
    """Moderation figures: reports by status, pending by type and reason, decisions."""

    total = ma.fields.Integer()
    pending = ma.fields.Integer()
    by_status = ma.fields.List(ma.fields.Nested(ModerationCountSchema))
    pending_by_content_type = ma.fields.List(ma.fields.Nested(ModerationCountSchema))
    pending_by_reason = ma.fields.List(ma.fields.Nested(ModerationCountSchema))
    decisions = ma.fields.List(ma.fields.Nested(ModerationCountSchema))
    resolved_last_7_days = ma.fields.Integer()
    hidden_pending_review = ma.fields.Integer()


class ModerationDashboardSchema(ma.Schema):
    """What a moderator starts the day with."""

    pending = ma.fields.Integer()
    unassigned = ma.fields.Integer()
    assigned_to_me = ma.fields.Integer()
    critical = ma.fields.Integer()
    hidden_pending_review = ma.fields.Integer()
    resolved_today = ma.fields.Integer()
    oldest_pending_at = ma.fields.String(allow_none=True)
    recent_actions = ma.fields.List(ma.fields.Nested(ReportActionSchema))
