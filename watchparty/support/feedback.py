"""Feedback: feature requests, bug reports and remarks; your own list, the public list ranked
by votes (score = upvotes − downvotes), one changeable vote per person, staff set the status.
A rating is the author's own: others (staff aside) see it as null."""

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.orm import lazyload

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.support import notices
from watchparty.support.models import DOWNVOTE, UPVOTE, Feedback, FeedbackVote


def get_feedback(feedback_id: uuid.UUID, *, lock: bool = False) -> Feedback:
    """The feedback, or 404 `feedback_not_found`; `lock` holds its row until commit."""
    options = [lazyload(Feedback.user)] if lock else []
    row = db.session.get(Feedback, feedback_id, with_for_update=lock or None, options=options)
    if row is None:
        raise NotFound("Feedback not found.", code="feedback_not_found")
    return row


def shown(rows: list[Feedback], user) -> list[Shown]:
    """Feedback as the caller sees it: their vote, and the rating only when theirs (or staff)."""
    mine = {}
    if user is not None and rows:
        stmt = select(FeedbackVote.feedback_id, FeedbackVote.vote).where(
            FeedbackVote.user_id == user.id, FeedbackVote.feedback_id.in_([r.id for r in rows])
        )
        mine = dict(db.session.execute(stmt).all())
    staff = user is not None and user.is_admin

    def one(row: Feedback) -> Shown:
        own = user is not None and row.user_id == user.id
        return Shown(row, my_vote=mine.get(row.id), rating=row.rating if own or staff else None)

    return [one(r) for r in rows]


def create(user, body: dict) -> Shown:
    """New feedback by the user, status open. Commits."""
    row = Feedback(user_id=user.id, status="open", **body)
    db.session.add(row)
    db.session.commit()
    return shown([row], user)[0]


def listing(user, query: dict) -> dict:
    """`scope=mine`: the user's feedback, newest first; `scope=public`: everyone's, the best
    voted first. Filters: type, status."""
    stmt = select(Feedback)
    if query["scope"] == "mine":
        stmt = stmt.where(Feedback.user_id == user.id).order_by(Feedback.created_at.desc())
    else:
        stmt = stmt.order_by(Feedback.score.desc(), Feedback.created_at.desc())
    for key in ("type", "status"):
        if query.get(key):
            stmt = stmt.where(getattr(Feedback, key) == query[key])
    stmt = stmt.order_by(Feedback.id)
    return paginate(stmt, query["page"], query["page_size"], lambda rows: shown(rows, user))


def vote(user, feedback_id: uuid.UUID, choice: str) -> Shown:
    """Record (or change) the user's up- or downvote and recount. Commits."""
    row = get_feedback(feedback_id, lock=True)  # votes on one item take turns: exact counts
    key = {"feedback_id": row.id, "user_id": user.id}
    if not insert_once(FeedbackVote, missing="Feedback not found.", vote=choice, **key):
        db.session.execute(
            update(FeedbackVote)
            .where(FeedbackVote.feedback_id == row.id, FeedbackVote.user_id == user.id)
            .values(vote=choice)
        )
    counts = dict(
        db.session.execute(
            select(FeedbackVote.vote, func.count())
            .where(FeedbackVote.feedback_id == row.id)
            .group_by(FeedbackVote.vote)
        ).all()
    )
    row.upvotes, row.downvotes = counts.get(UPVOTE, 0), counts.get(DOWNVOTE, 0)
    row.score = row.upvotes - row.downvotes
    db.session.commit()
    return shown([get_feedback(feedback_id)], user)[0]


def set_status(staff, feedback_id: uuid.UUID, status: str) -> Shown:
    """Staff set feedback open, planned, in progress, done or declined (the author is told)."""
    row = get_feedback(feedback_id)
    before, row.status = row.status, status
    db.session.commit()
    if status != before:
        notices.feedback_status(row, staff)
    return shown([row], staff)[0]
