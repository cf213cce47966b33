"""Filing tickets, replying in them and sending feedback are limited per account: the next one
past the limit is a 429 in the one error shape and stores nothing; refused or invalid requests do
not use the allowance, and another account has its own."""

import pytest

from tests.helpers import assert_error
from tests.support.kit import BASE, call, feedback, ticket
from watchparty.extensions import db
from watchparty.support.models import Feedback, Ticket, TicketMessage


@pytest.fixture
def two_allowed(app, monkeypatch):
    for name in ("SUPPORT_TICKET_RATE_LIMIT", "SUPPORT_MESSAGE_RATE_LIMIT", "FEEDBACK_RATE_LIMIT"):
        monkeypatch.setitem(app.config, name, "2 per hour")


def _post(client, users, who, path, **body):
    return client.post(BASE + path, json=body, headers=users.session_headers(who))


def test_the_third_ticket_in_the_window_is_429_and_not_stored(client, users, two_allowed):
    ada, bob = users.create(), users.create()
    call(client, users, ada, "post", "/tickets/", 400, subject="")  # invalid: costs nothing
    ticket(client, users, ada, "One"), ticket(client, users, ada, "Two")
    body = {"subject": "Three", "description": "x", "category": "technical", "priority": "low"}
    assert_error(_post(client, users, ada, "/tickets/", **body), 429)
    assert sorted(t.subject for t in db.session.query(Ticket)) == ["One", "Two"]
    ticket(client, users, bob, "Bob's own")  # another account has its own allowance


def test_replies_and_feedback_are_limited_the_same_way(client, users, two_allowed):
    ada = users.create()
    path = f"/tickets/{ticket(client, users, ada)['id']}/messages/"
    for text in ("first", "second"):
        call(client, users, ada, "post", path, 201, message=text)
    assert_error(_post(client, users, ada, path, message="third"), 429)
    assert db.session.query(TicketMessage).count() == 2
    feedback(client, users, ada, "A"), feedback(client, users, ada, "B")
    assert_error(
        _post(client, users, ada, "/feedback/", type="general", title="C", description="x"), 429
    )
    assert db.session.query(Feedback).count() == 2
