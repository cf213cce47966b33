"""Favorites: a video or party you may see, once each; private things stay 404 to strangers and
drop out of the list when they become invisible; bad input changes nothing."""

import uuid

from tests.factories import PartyFactory
from tests.helpers import assert_error
from tests.videos.factories import make_video
from watchparty.extensions import db
from watchparty.library.models import Favorite
from watchparty.videos.models import PRIVATE


def _add(client, headers, content_type, content_id):
    body = {"content_type": content_type, "content_id": str(content_id)}
    return client.post("/api/users/favorites/add/", json=body, headers=headers)


def test_add_a_video_and_a_party_once_each_and_list_them(client, users, me):
    user, headers = me
    video = make_video(users.create(), title="Great clip")
    party = PartyFactory().create(user, title="My party")
    first = _add(client, headers, "video", video.id)
    assert first.status_code == 201 and first.get_json()["created"] is True
    again = _add(client, headers, "video", video.id).get_json()
    assert (
        again["created"] is False and again["favorite"]["id"] == first.get_json()["favorite"]["id"]
    )
    _add(client, headers, "party", party.id)
    listed = client.get("/api/users/favorites/", headers=headers).get_json()["results"]
    assert [(f["content_type"], f["title"]) for f in listed] == [
        ("party", "My party"),
        ("video", "Great clip"),
    ]
    only = client.get("/api/users/favorites/?content_type=video", headers=headers).get_json()
    assert [f["title"] for f in only["results"]] == ["Great clip"]


def test_private_things_cannot_be_favorited_by_strangers_and_drop_out_when_hidden(
    client, users, me
):
    user, headers = me
    owner = users.create()
    secret = make_video(owner, visibility=PRIVATE)
    assert_error(_add(client, headers, "video", secret.id), 404)
    hidden_party = PartyFactory().create(owner)
    assert_error(_add(client, headers, "party", hidden_party.id), 404)
    video = make_video(owner, title="Soon private")
    _add(client, headers, "video", video.id)
    video.visibility = PRIVATE
    db.session.commit()
    assert client.get("/api/users/favorites/", headers=headers).get_json()["results"] == []


def test_bad_input_and_others_favorites_change_nothing(client, users, me):
    user, headers = me
    for body in (
        {"content_type": "song", "content_id": str(uuid.uuid4())},
        {"content_type": "video", "content_id": "nope"},
        {"content_type": "video"},
    ):
        assert_error(client.post("/api/users/favorites/add/", json=body, headers=headers), 400)
    assert_error(_add(client, headers, "video", uuid.uuid4()), 404)
    favorite = _add(client, headers, "video", make_video(user).id).get_json()["favorite"]
    stranger = users.session_headers(users.create())
    url = f"/api/users/favorites/{favorite['id']}/remove/"
    assert_error(client.delete(url, headers=stranger), 404, "favorite_not_found")
    assert db.session.query(Favorite).count() == 1
    assert client.delete(url, headers=headers).status_code == 200
    assert db.session.query(Favorite).count() == 0
