"""Friends' activity: hosted and joined parties and uploaded videos of your friends only, newest
first, never a private party you are not in or a private video; a friend hiding their online
status hides the parties they join."""

from tests.factories import PartyFactory
from tests.friends.presence_kit import befriend
from tests.videos.factories import make_video
from watchparty.parties.models import PUBLIC
from watchparty.users import settings
from watchparty.videos.models import PRIVATE


def _feed(client, users, viewer):
    answer = client.get("/api/users/friends/activity/", headers=users.session_headers(viewer))
    assert answer.status_code == 200
    return [
        (item["kind"], (item["party"] or item["video"])["title"])
        for item in answer.get_json()["results"]
    ]


def test_friends_parties_and_uploads_newest_first_and_strangers_never(client, users):
    ada, bob, eve = users.create(), users.create(), users.create()
    befriend(ada, bob)
    parties = PartyFactory()
    parties.create(bob, title="Bob hosts", visibility=PUBLIC)
    make_video(bob, title="Bob's clip")
    parties.create(eve, title="Eve hosts", visibility=PUBLIC)
    joined = parties.create(eve, title="Eve's open night", visibility=PUBLIC)
    parties.add(joined, bob)
    assert _feed(client, users, ada) == [
        ("joined_party", "Eve's open night"),
        ("uploaded_video", "Bob's clip"),
        ("hosted_party", "Bob hosts"),
    ]
    assert _feed(client, users, eve) == []


def test_private_things_stay_hidden_and_quiet_friends_hide_their_joins(client, users):
    ada, bob, eve = users.create(), users.create(), users.create()
    befriend(ada, bob)
    parties = PartyFactory()
    secret = parties.create(bob, title="Secret")
    make_video(bob, title="Private clip", visibility=PRIVATE)
    assert _feed(client, users, ada) == []
    parties.add(secret, ada)
    assert ("hosted_party", "Secret") in _feed(client, users, ada)
    open_night = parties.create(eve, title="Open", visibility=PUBLIC)
    parties.add(open_night, bob)
    assert ("joined_party", "Open") in _feed(client, users, ada)
    settings.update(bob, "privacy", {"show_online_status": False})
    assert ("joined_party", "Open") not in _feed(client, users, ada)
    assert client.get("/api/users/friends/activity/").status_code == 401
