"""Two joins of one user at once make one membership (the unique pair decides; the loser is
told it is already in)."""

import threading

import requests

from tests.groups.kit import create
from watchparty.extensions import db
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
