"""Votes cast at once keep exact counts: many people voting on one FAQ entry and one piece of
feedback together, and one person sending the same vote twice at once, still count each
person once."""

import threading
import uuid

import requests

from tests.support.kit import BASE, category, entry, feedback
from watchparty.extensions import db
from watchparty.support.models import Faq, FaqVote, Feedback, FeedbackVote


def _at_once(calls) -> list[int]:
    start, answers = threading.Barrier(len(calls)), []

    def run(url, headers, body):
        start.wait()
        answers.append(requests.post(url, json=body, headers=headers, timeout=30).status_code)

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_votes_at_once_count_each_person_once(client, live_server, users):
    staff, author = users.admin(), users.create()
    faq = entry(client, users, staff, category(client, users, staff), "Reset?", "Use Forgot.")
    idea = feedback(client, users, author)
    voters = [users.session_headers(users.create()) for _ in range(4)]
    faq_url = f"{live_server.url}{BASE}/faq/{faq['id']}/vote/"
    idea_url = f"{live_server.url}{BASE}/feedback/{idea['id']}/vote/"
    calls = [(faq_url, h, {"helpful": True}) for h in voters]
    calls += [(idea_url, h, {"vote": "upvote"}) for h in voters]
    calls += [(faq_url, voters[0], {"helpful": True}), (idea_url, voters[0], {"vote": "upvote"})]
    assert _at_once(calls) == [200] * len(calls)
    db.session.expire_all()
    assert db.session.get(Faq, uuid.UUID(faq["id"])).helpful == 4
    assert db.session.query(FaqVote).count() == 4
    stored = db.session.get(Feedback, uuid.UUID(idea["id"]))
    assert (stored.upvotes, stored.score) == (4, 4)
    assert db.session.query(FeedbackVote).count() == 4
