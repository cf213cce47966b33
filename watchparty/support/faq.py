"""The FAQ as everyone reads it: categories, entries by category and text, a read counted,
and one helpful / not helpful vote per signed-in person (voting again changes it)."""

import uuid

from sqlalchemy import false, func, select, update
from sqlalchemy.orm import lazyload

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.common.shown import Shown
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.support.models import Faq, FaqCategory, FaqVote


def get_faq(faq_id: uuid.UUID, *, lock: bool = False) -> Faq:
    """The entry, or 404 `faq_not_found`; `lock` holds its row until commit (vote counts)."""
    options = [lazyload(Faq.category)] if lock else []
    faq = db.session.get(Faq, faq_id, with_for_update=lock or None, options=options)
    if faq is None:
        raise NotFound("FAQ entry not found.", code="faq_not_found")
    return faq


def categories() -> list:
    """Every category in its order, with how many entries it holds."""
    per_category = select(Faq.category_id, func.count()).group_by(Faq.category_id)
    counts = dict(db.session.execute(per_category).all())
    rows = db.session.scalars(select(FaqCategory).order_by(FaqCategory.position, FaqCategory.name))
    return [Shown(c, faq_count=counts.get(c.id, 0)) for c in rows]


def _category_filter(ref: str):
    """SQL: the entry is in the category named by id or slug (nothing matches an unknown one)."""
    try:
        return Faq.category_id == uuid.UUID(ref)
    except ValueError:
        slug = select(FaqCategory.id).where(FaqCategory.slug == ref.strip().lower())
        return Faq.category_id.in_(slug) if ref.strip() else false()


def shown(faqs: list[Faq], user) -> list[Shown]:
    """Entries with the caller's vote (`my_vote`: true, false or null)."""
    mine = {}
    if user is not None and faqs:
        stmt = select(FaqVote.faq_id, FaqVote.helpful).where(
            FaqVote.user_id == user.id, FaqVote.faq_id.in_([f.id for f in faqs])
        )
        mine = dict(db.session.execute(stmt).all())
    return [Shown(f, my_vote=mine.get(f.id)) for f in faqs]


def listing(user, query: dict) -> dict:
    """A page of entries, optionally of one category and containing `search`, in FAQ order."""
    stmt = select(Faq).join(FaqCategory, Faq.category_id == FaqCategory.id)
    if query.get("category") is not None:
        stmt = stmt.where(_category_filter(query["category"]))
    if text := (query.get("search") or "").strip():
        stmt = stmt.where(any_contains((Faq.question, Faq.answer), text))
    stmt = stmt.order_by(FaqCategory.position, FaqCategory.name, Faq.position, Faq.question, Faq.id)
    return paginate(stmt, query["page"], query["page_size"], lambda rows: shown(rows, user))


def view(user, faq_id: uuid.UUID) -> Shown:
    """One entry, its read counted once more. Commits."""
    get_faq(faq_id)
    db.session.execute(update(Faq).where(Faq.id == faq_id).values(views=Faq.views + 1))
    db.session.commit()
    db.session.expire_all()
    return shown([get_faq(faq_id)], user)[0]


def vote(user, faq_id: uuid.UUID, helpful: bool) -> Shown:
    """Record (or change) the user's verdict and recount the entry's votes. Commits."""
    faq = get_faq(faq_id, lock=True)  # votes on one entry take turns: the counts stay exact
    key = {"faq_id": faq.id, "user_id": user.id}
    if not insert_once(FaqVote, missing="FAQ entry not found.", helpful=helpful, **key):
        db.session.execute(
            update(FaqVote)
            .where(FaqVote.faq_id == faq.id, FaqVote.user_id == user.id)
            .values(helpful=helpful)
        )
    tally = select(FaqVote.helpful, func.count()).where(FaqVote.faq_id == faq.id)
    counts = dict(db.session.execute(tally.group_by(FaqVote.helpful)).all())
    faq.helpful, faq.not_helpful = counts.get(True, 0), counts.get(False, 0)
    db.session.commit()
    return shown([get_faq(faq_id)], user)[0]
