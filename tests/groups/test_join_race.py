"""Two joins of one user at once make one membership (the unique pair decides; the loser is
told it is already in)."""

import threading

import requests

from tests.groups.kit import create
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.groups import service
from watchparty.groups.models import GroupMember


def test_two_joins_at_once_make_one_membership(client, live_server, users):
    owner = users.create()
    groups = [create(client, users, owner, name=f"Club {n}")["id"] for n in range(5)]
    bob = users.create()
    headers = users.session_headers(bob)
    answers: list = []

    def join(group_id, start):
        start.wait()
        url = f"{live_server.url}/api/social/groups/{group_id}/join/"
        answers.append(requests.post(url, headers=headers, timeout=30).status_code)

    for group_id in groups:
        start = threading.Barrier(2)
        threads = [threading.Thread(target=join, args=(group_id, start)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(answers) == [200] * len(groups) + [409] * len(groups)
    db.session.expire_all()
    mine = db.session.query(GroupMember).filter_by(user_id=bob.id).count()
    assert mine == len(groups)


def test_a_join_that_lost_the_race_past_the_check_is_told_it_is_in(client, users, monkeypatch):
    """The moment the threads above aim at, made certain: the early membership check misses a
    row another request has just stored, and the unique pair turns the insert into a 409."""
    owner, bob = users.create(), users.create()
    group_id = create(client, users, owner, name="Club")["id"]
    url = f"/api/social/groups/{group_id}/join/"
    headers = users.session_headers(bob)
    assert client.post(url, headers=headers).status_code == 200
    monkeypatch.setattr(service, "membership", lambda *args: None)  # the check saw nothing yet
    assert_error(client.post(url, headers=headers), 409, "already_member")
    db.session.expire_all()
    assert db.session.query(GroupMember).filter_by(user_id=bob.id).count() == 1
