"""Text inputs of the help centre: trimmed, non-blank, plain (no control characters)."""

import unicodedata

import marshmallow as ma


def _plain(multiline: bool):
    allowed = {"\n", "\t", "\r"} if multiline else set()

    def check(value: str) -> None:
        if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
            raise ma.ValidationError("Use plain text without control characters.")

    return check


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ma.ValidationError("Must not be blank.")


def text(max_length: int, *, multiline: bool = False, min_length: int = 1, **options):
    """A string field of 1..max_length characters once trimmed."""
    checks = [ma.validate.Length(min=min_length, max=max_length), _plain(multiline)]
    if min_length:
        checks.append(_not_blank)
    return ma.fields.String(
        validate=checks,
        **options,
    )


class TrimmedSchema(ma.Schema):
    """An input whose string values are stored without surrounding spaces."""

    @ma.pre_load
    def trim(self, data, **kwargs):
        """Strip every top-level string value."""
        if isinstance(data, dict):
            data = {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        return data


class ChangeSchema(TrimmedSchema):
    """An update: at least one field."""

    @ma.validates_schema
    def something(self, data, **kwargs):
        """An empty change is a mistake."""
        if not data:
            raise ma.ValidationError("Change at least one field.", "_schema")
