"""Vote races: the database keeps one vote per user, and concurrent voters are all counted."""

import threading

from sqlalchemy import func, select

from watchparty.extensions import db
from watchparty.interactive.models import PollVote


def _race(app, jobs: list[tuple[str, dict, dict]]) -> list[int]:
    """POST every (url, body, headers) at once from its own thread; the status codes."""
    gate = threading.Barrier(len(jobs))
    codes: list[int] = []

    def fire(url, body, headers):
        client = app.test_client()
        gate.wait()
        codes.append(client.post(url, json=body, headers=headers).status_code)

    threads = [threading.Thread(target=fire, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return codes


def _poll(client, crowd) -> dict:
    body = {"question": "Which?", "options": ["A", "B", "C"], "duration": 300}
    response = client.post(
        crowd.url("polls/create/"), json=body, headers=crowd.headers[crowd.host.id]
    )
    assert response.status_code == 201
    return response.get_json()


def test_twenty_concurrent_votes_by_one_user_store_exactly_one(app, client, crowd):
    poll = _poll(client, crowd)
    url, headers = crowd.url(f"polls/{poll['id']}/vote/"), crowd.headers[crowd.member.id]
    options = [o["id"] for o in poll["options"]]
    codes = _race(app, [(url, {"option_id": options[i % 3]}, headers) for i in range(20)])
    assert sorted(codes) == [200] + [409] * 19
    db.session.expire_all()
    stored = db.session.scalar(
        select(func.count()).select_from(PollVote).where(PollVote.user_id == crowd.member.id)
    )
    assert stored == 1
    totals = client.get(crowd.url(f"polls/{poll['id']}/"), headers=headers).get_json()
    assert totals["total_votes"] == 1 and totals["my_vote"] in options


def test_many_users_voting_at_once_are_counted_exactly(app, client, crowd, users, parties):
    poll = _poll(client, crowd)
    url = crowd.url(f"polls/{poll['id']}/vote/")
    voters = [users.create() for _ in range(12)]
    for voter in voters:
        parties.add(crowd.party, voter)
    options = [o["id"] for o in poll["options"]]
    jobs = [
        (url, {"option_id": options[i % 3]}, users.session_headers(voter))
        for i, voter in enumerate(voters)
    ]
    assert _race(app, jobs) == [200] * 12
    counts = client.get(
        crowd.url(f"polls/{poll['id']}/"), headers=crowd.headers[crowd.host.id]
    ).get_json()
    assert [o["votes"] for o in counts["options"]] == [4, 4, 4]
    assert counts["total_votes"] == 12
