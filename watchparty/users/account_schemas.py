"""Schemas of onboarding, data export and account deletion."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.settings import StrictBoolean


class OnboardingStepSchema(ma.Schema):
    key = ma.fields.String()
    title = ma.fields.String()
    completed = ma.fields.Boolean()


class OnboardingSchema(ma.Schema):
    onboarding_completed = ma.fields.Boolean()
    steps = ma.fields.List(ma.fields.Nested(OnboardingStepSchema))


class OnboardingUpdateSchema(ma.Schema):
    """`{step}` marks a step done; `{completed: true}` finishes onboarding."""

    step = ma.fields.String(validate=ma.validate.Length(min=1, max=50))
    completed = StrictBoolean()


class ExportStatusSchema(ma.Schema):
    """A data export and where it stands."""

    success = ma.fields.Boolean(dump_default=True)
    message = ma.fields.String()
    export_id = ma.fields.UUID(attribute="id")
    status = ma.fields.String(metadata={"enum": ["pending", "processing", "ready", "failed"]})
    created_at = UTCDateTimeField()
    completed_at = UTCDateTimeField(allow_none=True)
    expires_at = UTCDateTimeField(allow_none=True)
    size = ma.fields.Integer(allow_none=True)
    download_url = ma.fields.String(allow_none=True)


class DeleteAccountSchema(ma.Schema):
    """The password (unless the account has none) and the word DELETE."""

    password = ma.fields.String(validate=ma.validate.Length(max=128))
    confirmation = ma.fields.String(required=True, validate=ma.validate.Length(max=20))
