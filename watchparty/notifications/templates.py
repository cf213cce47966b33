"""Admins' templates: title and body with {{ variables }} (a sandboxed Jinja environment, so a
template can read the values it is given and nothing else), optional HTML for email."""

import uuid

from jinja2 import TemplateError, Undefined
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import select

from watchparty.common.inserts import commit_unique
from watchparty.errors import Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.notifications import broadcast
from watchparty.notifications.models import Template

_env = SandboxedEnvironment(undefined=Undefined, autoescape=False)


def render(text: str, variables: dict) -> str:
    """`text` with its {{ variables }} filled in (a missing one renders empty)."""
    return _env.from_string(text).render(**variables)


def _check(fields: dict) -> None:
    for name in ("title", "body", "html"):
        if fields.get(name):
            try:
                _env.parse(fields[name])
            except TemplateError as error:
                raise ValidationError(errors={name: [f"Not a valid template: {error}"]}) from None


def listing() -> list[Template]:
    """Every template, by name."""
    return list(db.session.scalars(select(Template).order_by(Template.name)))


def get(template_id: uuid.UUID) -> Template:
    """One template, or 404 `template_not_found`."""
    row = db.session.get(Template, template_id)
    if row is None:
        raise NotFound("No such template.", code="template_not_found")
    return row


def create(fields: dict) -> Template:
    """A new template (409 when its name is taken)."""
    _check(fields)
    row = Template(**fields)
    db.session.add(row)
    commit_unique(Conflict("A template has that name.", code="template_exists"))
    return row


def change(template_id: uuid.UUID, fields: dict) -> Template:
    """Change some of a template's fields."""
    row = get(template_id)
    _check(fields)
    for name, value in fields.items():
        setattr(row, name, value)
    commit_unique(Conflict("A template has that name.", code="template_exists"))
    return row


def remove(template_id: uuid.UUID) -> None:
    """Delete a template."""
    db.session.delete(get(template_id))
    db.session.commit()


def bulk_send(template_id: uuid.UUID, user_ids: list, data: dict) -> dict:
    """Send a template, rendered with `data`, to the listed people (in batches, by workers)."""
    row = get(template_id)
    try:
        title, body = render(row.title, data), render(row.body, data)
    except TemplateError as error:
        raise ValidationError(errors={"data": [f"The template cannot use it: {error}"]}) from None
    return broadcast.start(row.type, title[:200], body[:1000], user_ids, data)
