"""Staff keep the FAQ: categories and entries created, changed and deleted."""

import re
import uuid

from sqlalchemy import delete, func, select

from watchparty.common.inserts import commit_unique
from watchparty.common.shown import Shown
from watchparty.errors import Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.support.faq import get_faq, shown
from watchparty.support.models import Faq, FaqCategory, FaqVote

TAKEN = Conflict("A category with that name exists.", code="category_exists")


def slug_of(name: str) -> str:
    """The URL name of a category: lower case, words joined by dashes."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or uuid.uuid4().hex[:8]


def get_category(category_id: uuid.UUID) -> FaqCategory:
    """The category, or 404 `category_not_found`."""
    category = db.session.get(FaqCategory, category_id)
    if category is None:
        raise NotFound("FAQ category not found.", code="category_not_found")
    return category


def _count(category: FaqCategory) -> Shown:
    count = db.session.scalar(select(func.count()).where(Faq.category_id == category.id))
    return Shown(category, faq_count=count)


def create_category(body: dict) -> Shown:
    """A new category. Commits; 409 when its name (or slug) is taken."""
    category = FaqCategory(slug=slug_of(body["name"]), **body)
    db.session.add(category)
    commit_unique(TAKEN)
    return _count(category)


def update_category(category_id: uuid.UUID, body: dict) -> Shown:
    """Rename, describe or move a category. Commits."""
    category = get_category(category_id)
    for key, value in body.items():
        setattr(category, key, value)
    if "name" in body:
        category.slug = slug_of(body["name"])
    commit_unique(TAKEN)
    return _count(category)


def delete_category(category_id: uuid.UUID) -> None:
    """Delete an empty category; 409 `category_not_empty` while it holds entries. Commits."""
    category = get_category(category_id)
    if db.session.scalar(select(Faq.id).where(Faq.category_id == category.id).limit(1)):
        raise Conflict("Move or delete its entries first.", code="category_not_empty")
    db.session.delete(category)
    db.session.commit()


def _require_category(category_id: uuid.UUID) -> None:
    if db.session.get(FaqCategory, category_id) is None:
        raise ValidationError(errors={"category_id": ["No such category."]})


def create_faq(user, body: dict) -> Shown:
    """A new entry in an existing category. Commits."""
    _require_category(body["category_id"])
    faq = Faq(**body)
    db.session.add(faq)
    db.session.commit()
    return shown([faq], user)[0]


def update_faq(user, faq_id: uuid.UUID, body: dict) -> Shown:
    """Change an entry's question, answer, category or position. Commits."""
    faq = get_faq(faq_id)
    if "category_id" in body:
        _require_category(body["category_id"])
    for key, value in body.items():
        setattr(faq, key, value)
    db.session.commit()
    db.session.expire(faq)
    return shown([faq], user)[0]


def delete_faq(faq_id: uuid.UUID) -> None:
    """Delete an entry and its votes. Commits."""
    faq = get_faq(faq_id)
    # Explicit, not ON DELETE CASCADE: the embedded SQLite does not enforce foreign keys.
    db.session.execute(delete(FaqVote).where(FaqVote.faq_id == faq.id))
    db.session.delete(faq)
    db.session.commit()
