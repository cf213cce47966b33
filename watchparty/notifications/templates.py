"""Admins' templates: title and body with {{ variables }} (a sandboxed Jinja environment, so a
template can read the values it is given and nothing else), optional HTML for email."""

import uuid

from jinja2 import TemplateError, Undefined
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import select

from watchparty.common.inserts import commit_unique
from watchparty.errors import Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.notifications.models import Template

_env = SandboxedEnvironment(undefined=Undefined, autoescape=False)
_html = SandboxedEnvironment(undefined=Undefined, autoescape=True)  # values escaped in HTML


def render(text: str, variables: dict) -> str:
    """`text` with its {{ variables }} filled in (a missing one renders empty)."""
    return _env.from_string(text).render(**variables)


def email_html(data: dict) -> str | None:
    """The HTML of the template a bulk send came from, filled in, or None."""
    try:
        row = db.session.get(Template, uuid.UUID(str(data.get("template_id"))))
    except ValueError:
        return None
    if row is None or not row.html:
        return None
    return _html.from_string(row.html).render(**data)


def _check(fields: dict) -> None:
    for name in ("title", "body", "html"):
        if fields.get(name):
            try:
                (_html if name == "html" else _env).parse(fields[name])
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
