"""Help search: FAQ entries and feedback that contain the words, ranked simply.

Each word found in a title (question) counts 3, in the body (answer, description) 1; ties go
to the FAQ entry found helpful more often, or the feedback with the higher score."""

from sqlalchemy import and_, select

from watchparty.common.search import any_contains
from watchparty.extensions import db
from watchparty.support.models import Faq, Feedback

CANDIDATES = 100  # per source, before ranking


def _score(words: list[str], title: str, body: str) -> int:
    title, body = title.lower(), body.lower()
    return sum(3 * (w in title) + (w in body) for w in words)


def search(q: str, limit: int) -> dict:
    """The best `limit` matches of `q` (every word must appear somewhere) across FAQ and
    feedback."""
    words = list(dict.fromkeys(q.lower().split()))[:10]
    if not words:
        return {"query": q, "count": 0, "results": []}
    faq_where = and_(*(any_contains((Faq.question, Faq.answer), w) for w in words))
    fb_where = and_(*(any_contains((Feedback.title, Feedback.description), w) for w in words))
    results = [
        {
            "type": "faq",
            "id": f.id,
            "title": f.question,
            "snippet": f.answer[:200],
            "score": _score(words, f.question, f.answer),
            "tiebreak": f.helpful,
        }
        for f in db.session.scalars(select(Faq).where(faq_where).limit(CANDIDATES))
    ]
    results += [
        {
            "type": "feedback",
            "id": f.id,
            "title": f.title,
            "snippet": f.description[:200],
            "score": _score(words, f.title, f.description),
            "tiebreak": f.score,
        }
        for f in db.session.scalars(select(Feedback).where(fb_where).limit(CANDIDATES))
    ]
    results.sort(key=lambda r: (-r["score"], -r["tiebreak"], r["title"].lower()))
    return {"query": q, "count": len(results), "results": results[:limit]}
