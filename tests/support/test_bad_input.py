"""Bad input anywhere in the help centre is one 400 `validation_error`, and nothing is stored."""

import pytest

from tests.helpers import assert_error
from tests.support.kit import BASE, category, entry, feedback, ticket
from watchparty.extensions import db
from watchparty.support.models import (
    Faq,
    FaqCategory,
    FaqVote,
    Feedback,
    FeedbackVote,
    Ticket,
    TicketMessage,
)

GOOD_TICKET = {"subject": "S", "description": "D", "category": "technical", "priority": "low"}
GOOD_FEEDBACK = {"type": "general", "title": "T", "description": "D"}

BODIES = [
    ("/tickets/", GOOD_TICKET | {"priority": "asap"}),
    ("/tickets/", GOOD_TICKET | {"category": "weather"}),
    ("/tickets/", GOOD_TICKET | {"subject": "   "}),
    ("/tickets/", {"subject": "S"}),
    ("/tickets/", GOOD_TICKET | {"description": "x" * 5001}),
    ("/tickets/", GOOD_TICKET | {"subject": "a\x07b"}),
    ("/feedback/", GOOD_FEEDBACK | {"rating": 6}),
    ("/feedback/", GOOD_FEEDBACK | {"rating": 0}),
    ("/feedback/", GOOD_FEEDBACK | {"rating": "5"}),
    ("/feedback/", GOOD_FEEDBACK | {"type": "rant"}),
    ("/feedback/", GOOD_FEEDBACK | {"title": ""}),
    ("/faq/{faq}/vote/", {"helpful": "yes"}),
    ("/faq/{faq}/vote/", {"helpful": 1}),
    ("/faq/{faq}/vote/", {}),
    ("/feedback/{feedback}/vote/", {"vote": "sideways"}),
    ("/tickets/{ticket}/messages/", {"message": " "}),
    ("/tickets/{ticket}/messages/", {"text": "wrong field"}),
    ("/tickets/{ticket}/messages/", ["not", "an", "object"]),
]

STAFF_BODIES = [
    ("post", "/faq/categories/", {"name": ""}),
    ("post", "/faq/categories/", {"name": "X", "position": -1}),
    ("patch", "/faq/categories/{cat}/", {}),
    ("post", "/faq/", {"category_id": "{cat}", "question": "Q?"}),
    (
        "post",
        "/faq/",
        {"category_id": "00000000-0000-4000-8000-000000000000", "question": "Q", "answer": "A"},
    ),
    ("post", "/faq/", {"category_id": "not-a-uuid", "question": "Q", "answer": "A"}),
    ("patch", "/faq/{faq}/", {"answer": ""}),
    ("post", "/tickets/{ticket}/assign/", {"staff_id": "nobody"}),
    ("post", "/tickets/{ticket}/assign/", {}),
    ("post", "/tickets/{ticket}/status/", {"status": "done"}),
    ("post", "/feedback/{feedback}/status/", {"status": "shipped"}),
]

QUERIES = [
    "/tickets/?status=lost",
    "/tickets/?assignee=someone",
    "/tickets/?page=0",
    "/feedback/?scope=everyone",
    "/faq/?page_size=0",
    "/search/",
    "/search/?q=%20%20",
    "/search/?q=x&limit=500",
]


@pytest.fixture
def setup(client, users):
    staff, ada = users.admin(), users.create()
    cat = category(client, users, staff)
    ids = {
        "cat": cat["id"],
        "faq": entry(client, users, staff, cat, "Reset?", "Use Forgot.")["id"],
        "ticket": ticket(client, users, ada)["id"],
        "feedback": feedback(client, users, ada)["id"],
    }
    return staff, ada, ids


def _counts():
    models = (FaqCategory, Faq, FaqVote, Ticket, TicketMessage, Feedback, FeedbackVote)
    return [db.session.query(m).count() for m in models]


def _fill(body, ids):
    if isinstance(body, dict):
        return {k: v.format(**ids) if isinstance(v, str) else v for k, v in body.items()}
    return body


@pytest.mark.parametrize(("path", "body"), BODIES)
def test_bad_bodies_are_refused_and_nothing_is_stored(client, users, setup, path, body):
    _, ada, ids = setup
    before = _counts()
    response = client.post(
        BASE + path.format(**ids), json=_fill(body, ids), headers=users.session_headers(ada)
    )
    assert_error(response, 400, "validation_error")
    assert _counts() == before


@pytest.mark.parametrize(("method", "path", "body"), STAFF_BODIES)
def test_bad_staff_bodies_are_refused_and_nothing_changes(client, users, setup, method, path, body):
    staff, _, ids = setup
    before = _counts()
    url = BASE + path.format(**ids)
    response = getattr(client, method)(
        url, json=_fill(body, ids), headers=users.session_headers(staff)
    )
    assert_error(response, 400, "validation_error")
    assert _counts() == before
    db.session.expire_all()
    assert db.session.query(Ticket).one().status == "open"
    assert db.session.query(Faq).one().answer == "Use Forgot."


@pytest.mark.parametrize("path", QUERIES)
def test_bad_queries_are_refused(client, users, setup, path):
    staff, _, _ = setup
    assert_error(
        client.get(BASE + path, headers=users.session_headers(staff)), 400, "validation_error"
    )
