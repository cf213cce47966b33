"""Analytics, staff views, user stats and account deletion as the parties domain sees them."""

from datetime import timedelta

from tests.helpers import assert_error
from tests.parties.helpers import create_party
from watchparty.extensions import db
from watchparty.parties.models import Party, PartyParticipant


def test_analytics_is_for_host_and_moderators(client, users, me):
    _, host = me
    party = create_party(client, host)
    guest = users.session_headers(users.create())
    client.post(f"/api/parties/{party['id']}/join/", headers=guest)
    url = f"/api/parties/{party['id']}/analytics/"
    assert_error(client.get(url, headers=guest), 403)
    client.post(f"/api/parties/{party['id']}/start/", headers=host)
    body = client.get(url, headers=host).get_json()
    assert body["members"] == 2 and body["total_joined"] == 2 and body["online_count"] == 0
    assert len(body["participants"]) == 2
    assert all("watch_seconds" in p and "drift_ms" in p for p in body["participants"])
    update = client.post(f"/api/parties/{party['id']}/update-analytics/", headers=host)
    assert update.get_json()["peak_online"] == 0
    assert_error(client.post(f"/api/parties/{party['id']}/update-analytics/", headers=guest), 403)


def test_watch_time_counts_toward_user_stats(client, users, me):
    user, host = me
    party = create_party(client, host)
    client.post(f"/api/parties/{party['id']}/start/", headers=host)
    row = db.session.query(PartyParticipant).one()
    # Pretend the host joined two hours ago; ending the party accrues that time.
    started = row.joined_at - timedelta(hours=2)
    row.joined_at = started
    db.session.get(Party, row.party_id).started_at = started
    db.session.commit()
    client.post(f"/api/parties/{party['id']}/end/", headers=host)
    stats = client.get("/api/users/dashboard/stats/", headers=host).get_json()
    assert stats["parties_hosted"] == 1
    assert stats["watch_time_hours"] == 2.0
    guest = users.create()
    guest_h = users.session_headers(guest)
    other = create_party(client, users.session_headers(users.create()))
    client.post(f"/api/parties/{other['id']}/join/", headers=guest_h)
    guest_stats = client.get("/api/users/dashboard/stats/", headers=guest_h).get_json()
    assert guest_stats["parties_joined"] == 1 and guest_stats["parties_hosted"] == 0
    assert guest_stats["recent_activity"]["parties_this_week"] == 1


def test_staff_list_and_delete_parties(client, users, me):
    _, host = me
    party = create_party(client, host, title="Bad party", visibility="private")
    create_party(client, host, title="Fine party")
    admin = users.session_headers(users.admin())
    assert_error(client.get("/api/admin/parties/", headers=host), 403)
    listed = client.get("/api/admin/parties/?search=bad", headers=admin).get_json()
    assert [p["title"] for p in listed["results"]] == ["Bad party"]
    assert listed["results"][0]["report_count"] == 0
    url = f"/api/admin/parties/{party['id']}/delete/"
    assert_error(client.delete(url, headers=host), 403)
    assert client.delete(url, headers=admin).status_code == 200
    assert_error(client.get(f"/api/parties/{party['id']}/", headers=host), 404)
    assert client.get("/api/admin/parties/", headers=admin).get_json()["count"] == 1


def test_deleting_an_account_ends_its_parties_and_memberships(client, users, me):
    _, host = me
    doomed = users.create()
    doomed_h = users.session_headers(doomed)
    theirs = create_party(client, doomed_h)
    mine = create_party(client, host)
    client.post(f"/api/parties/{mine['id']}/join/", headers=doomed_h)
    response = client.delete(
        "/api/users/delete-account/",
        json={"password": "Sturdy-Passw0rd!", "confirmation": "DELETE"},
        headers=doomed_h,
    )
    assert response.status_code == 200, response.get_json()
    assert client.get(f"/api/parties/{theirs['id']}/", headers=host).get_json()["status"] == "ended"
    assert (
        client.get(f"/api/parties/{mine['id']}/", headers=host).get_json()["participant_count"] == 1
    )
