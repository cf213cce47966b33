"""A party plays a video its host may see; its members may then play a private one."""

import uuid

import pytest
import requests

from tests.helpers import assert_error
from tests.parties.helpers import create_party
from tests.videos.factories import make_video, ready_video
from watchparty.extensions import db
from watchparty.parties.models import Party
from watchparty.videos.models import PRIVATE, PROCESSING, UNLISTED


@pytest.fixture
def served(app, live_server, monkeypatch):
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    return live_server


def _join(client, party_id, headers) -> None:
    response = client.post(f"/api/parties/{party_id}/join/", json={}, headers=headers)
    assert response.status_code in (200, 201), response.get_json()


def test_a_member_plays_the_hosts_private_video_and_an_outsider_gets_404(
    client, users, me, clips, served
):
    host, host_headers = me
    video = ready_video(host, clips("h3-360p.mp4", seconds=3, size="640x360"), visibility=PRIVATE)
    party = create_party(client, host_headers, video_id=str(video.id))
    member, outsider = users.create(), users.create()
    member_headers, outsider_headers = (
        users.session_headers(member),
        users.session_headers(outsider),
    )
    assert_error(client.get(f"/api/videos/{video.id}/stream/", headers=member_headers), 404)
    _join(client, party["id"], member_headers)
    info = client.get(f"/api/videos/{video.id}/stream/", headers=member_headers).get_json()
    master = requests.get(info["streaming_url"], timeout=10)
    assert master.status_code == 200
    variant = [line for line in master.text.splitlines() if line.startswith("http")][0]
    playlist = requests.get(variant, timeout=10)
    segment = [line for line in playlist.text.splitlines() if line.startswith("http")][0]
    assert requests.get(segment, timeout=10).status_code == 200
    assert_error(client.get(f"/api/videos/{video.id}/stream/", headers=outsider_headers), 404)
    assert_error(client.get(f"/api/videos/{video.id}/", headers=outsider_headers), 404)
    # Leaving the party ends access: the old link is refused, not silently honoured.
    client.post(f"/api/parties/{party['id']}/leave/", headers=member_headers)
    assert requests.get(info["streaming_url"], timeout=10).status_code == 403


@pytest.mark.parametrize(
    "fields",
    [
        {"visibility": PRIVATE},
        {"visibility": UNLISTED, "status": PROCESSING},
    ],
)
def test_creating_or_updating_a_party_with_a_video_the_host_cannot_see_is_400(
    client, users, me, fields
):
    _, headers = me
    video = make_video(users.create(), **fields)
    response = client.post(
        "/api/parties/", json={"title": "x", "video_id": str(video.id)}, headers=headers
    )
    assert assert_error(response, 400)["errors"] == {"video_id": ["Unknown video."]}
    party = create_party(client, headers)
    response = client.patch(
        f"/api/parties/{party['id']}/", json={"video_id": str(video.id)}, headers=headers
    )
    assert_error(response, 400)


def test_a_party_may_play_its_hosts_own_or_anyones_public_and_unlisted_ready_video(
    client, users, me
):
    host, headers = me
    own = make_video(host, visibility=PRIVATE, status=PROCESSING)
    theirs = make_video(users.create(), visibility=UNLISTED)
    party = create_party(client, headers, video_id=str(own.id))
    response = client.patch(
        f"/api/parties/{party['id']}/", json={"video_id": str(theirs.id)}, headers=headers
    )
    assert response.status_code == 200 and response.get_json()["video_id"] == str(theirs.id)


def test_deleting_a_video_clears_it_from_parties_that_played_it(client, me):
    host, headers = me
    video = make_video(host)
    party = create_party(client, headers, video_id=str(video.id))
    assert client.delete(f"/api/videos/{video.id}/", headers=headers).status_code == 200
    db.session.expire_all()
    assert db.session.get(Party, uuid.UUID(party["id"])).video_id is None
