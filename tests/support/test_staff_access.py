"""Every staff endpoint of the help centre: 401 without a sign-in, 403 for a normal user, and
nothing changes either way."""

import pytest

from tests.helpers import assert_error
from tests.support.kit import BASE, category, entry, feedback, ticket
from watchparty.extensions import db
from watchparty.support.models import Faq, FaqCategory, Feedback, Ticket

ZERO = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def content(client, users):
    """A category, an entry, a ticket and feedback, to aim the staff endpoints at."""
    staff, ada = users.admin(), users.create()
    cat = category(client, users, staff, "Account")
    faq = entry(client, users, staff, cat, "Reset?", "Use Forgot.")
    return {
        "cat": cat["id"],
        "faq": faq["id"],
        "ticket": ticket(client, users, ada)["id"],
        "feedback": feedback(client, users, ada)["id"],
    }


ENDPOINTS = [
    ("post", "/faq/categories/", {"name": "New"}),
    ("patch", "/faq/categories/{cat}/", {"name": "Renamed"}),
    ("delete", "/faq/categories/{cat}/", None),
    ("post", "/faq/", {"category_id": "{cat}", "question": "Q?", "answer": "A."}),
    ("patch", "/faq/{faq}/", {"question": "Changed?"}),
    ("delete", "/faq/{faq}/", None),
    ("post", "/tickets/{ticket}/assign/", {"staff_id": ZERO}),
    ("post", "/tickets/{ticket}/status/", {"status": "closed"}),
    ("post", "/feedback/{feedback}/status/", {"status": "declined"}),
    ("get", "/staff/", None),
]


def _state():
    return (
        sorted(c.name for c in db.session.query(FaqCategory)),
        sorted(f.question for f in db.session.query(Faq)),
        [(t.status, t.assignee_id) for t in db.session.query(Ticket)],
        [f.status for f in db.session.query(Feedback)],
    )


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_staff_endpoints_refuse_anonymous_and_normal_users(
    client, users, content, method, path, body
):
    before = _state()
    url = BASE + path.format(**content)
    if body is not None:
        body = {k: v.format(**content) if isinstance(v, str) else v for k, v in body.items()}
    kwargs = {"json": body} if body is not None else {}
    assert_error(getattr(client, method)(url, **kwargs), 401)
    headers = users.session_headers(users.create())
    assert_error(getattr(client, method)(url, headers=headers, **kwargs), 403)
    db.session.expire_all()
    assert _state() == before
