"""Watch history: recorded from the player's view reports and from time in a running party, one
entry per video (its time summed, wherever it played), yours only; delete one or clear all."""

from datetime import timedelta

from tests.factories import PartyFactory
from tests.helpers import assert_error
from tests.videos.factories import make_video
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.library.models import WatchEntry
from watchparty.parties.models import PartyParticipant


def _history(client, headers):
    return client.get("/api/users/watch-history/", headers=headers).get_json()["results"]


def _report(client, headers, video, seconds):
    url = f"/api/videos/{video.id}/views/"
    assert client.post(url, json={"watch_time": seconds}, headers=headers).status_code == 200


def test_player_reports_add_up_on_one_entry_per_video(client, users, me):
    user, headers = me
    first, second = make_video(user, title="First"), make_video(user, title="Second")
    _report(client, headers, first, 30)
    _report(client, headers, first, 12.5)
    _report(client, headers, second, 5)
    rows = _history(client, headers)
    assert [(r["title"], r["seconds"]) for r in rows] == [("Second", 5.0), ("First", 42.5)]
    other = users.session_headers(users.create())
    assert _history(client, other) == []


def test_time_in_a_running_party_lands_in_history_under_its_video(client, users, me):
    user, headers = me
    host = users.create()
    video = make_video(host, title="Shared film")
    party = PartyFactory().create(host, title="Film night", video_id=video.id, status="live")
    party.started_at = utcnow() - timedelta(minutes=10)
    PartyFactory().add(party, user)
    row = db.session.query(PartyParticipant).filter_by(party_id=party.id, user_id=user.id).one()
    row.joined_at = utcnow() - timedelta(minutes=3)
    db.session.commit()
    assert client.post(f"/api/parties/{party.id}/leave/", headers=headers).status_code == 200
    [entry] = _history(client, headers)
    assert entry["video_id"] == str(video.id) and entry["party_id"] == str(party.id)
    assert entry["title"] == "Shared film" and 175 <= entry["seconds"] <= 200
    _report(client, headers, video, 10)
    [again] = _history(client, headers)
    assert again["id"] == entry["id"] and again["seconds"] == entry["seconds"] + 10


def test_delete_one_entry_or_clear_all_and_only_your_own(client, users, me):
    user, headers = me
    for title in ("A", "B", "C"):
        _report(client, headers, make_video(user, title=title), 3)
    rows = _history(client, headers)
    stranger = users.session_headers(users.create())
    url = f"/api/users/watch-history/{rows[0]['id']}/"
    assert_error(client.delete(url, headers=stranger), 404, "entry_not_found")
    assert client.delete(url, headers=headers).status_code == 200
    assert_error(client.delete(url, headers=headers), 404, "entry_not_found")
    assert len(_history(client, headers)) == 2
    cleared = client.delete("/api/users/watch-history/", headers=headers).get_json()
    assert cleared == {"success": True, "deleted": 2}
    assert db.session.query(WatchEntry).count() == 0
    assert client.get("/api/users/watch-history/").status_code == 401
