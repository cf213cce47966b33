"""Blocks: no requests either way, the blocker's profile and search hide from the blocked,
the blocked cannot join the blocker's parties (not even with an invite), a block ends a
friendship; unblocking restores requests."""

from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.friends.models import Block, FriendLink
from watchparty.parties.models import PUBLIC


def _block(client, users, who, target):
    return client.post(
        "/api/users/block/", json={"user_id": str(target.id)}, headers=users.session_headers(who)
    )


def test_a_block_ends_the_friendship_and_stops_requests_both_ways(client, users):
    ada, bob = users.create(), users.create()
    sent = client.post(f"/api/users/{bob.id}/friend-request/", headers=users.session_headers(ada))
    client.post(
        f"/api/users/friends/{sent.get_json()['request']['id']}/accept/",
        headers=users.session_headers(bob),
    )
    assert _block(client, users, ada, bob).status_code == 200
    assert _block(client, users, ada, bob).status_code == 200  # again: still one block
    assert db.session.query(Block).count() == 1 and db.session.query(FriendLink).count() == 0
    for sender, target in ((ada, bob), (bob, ada)):
        answer = client.post(
            f"/api/users/{target.id}/friend-request/", headers=users.session_headers(sender)
        )
        assert_error(answer, 403, "blocked")
    listed = client.get("/api/users/blocked/", headers=users.session_headers(ada)).get_json()
    assert [b["user"]["id"] for b in listed] == [str(bob.id)]

    client.post(
        "/api/users/unblock/", json={"user_id": str(bob.id)}, headers=users.session_headers(ada)
    )
    again = client.post(f"/api/users/{bob.id}/friend-request/", headers=users.session_headers(ada))
    assert again.status_code == 201
    nothing = client.post(
        "/api/users/unblock/", json={"user_id": str(bob.id)}, headers=users.session_headers(ada)
    )
    assert_error(nothing, 404, "not_blocked")


def test_the_blocked_user_no_longer_finds_or_sees_the_blocker(client, users):
    ada, bob = users.create(first_name="Adelina"), users.create()
    headers = users.session_headers(bob)
    assert client.get(f"/api/users/{ada.id}/profile/", headers=headers).status_code == 200
    found = client.get("/api/users/search/?q=Adelina", headers=headers).get_json()["results"]
    assert [u["id"] for u in found] == [str(ada.id)]
    client.post(f"/api/users/{bob.id}/block/", headers=users.session_headers(ada))
    assert_error(client.get(f"/api/users/{ada.id}/profile/", headers=headers), 404)
    assert client.get("/api/users/search/?q=Adelina", headers=headers).get_json()["results"] == []
    # The blocker still sees the profile of the person they blocked.
    assert (
        client.get(f"/api/users/{bob.id}/profile/", headers=users.session_headers(ada)).status_code
        == 200
    )


def test_the_blocked_user_cannot_join_the_blockers_party_even_with_an_invite(
    client, users, parties
):
    host, bob = users.create(), users.create()
    party = parties.create(host, visibility=PUBLIC)
    invite = client.post(
        f"/api/parties/{party.id}/generate-invite/", json={}, headers=users.session_headers(host)
    ).get_json()["invite_code"]
    _block(client, users, host, bob)
    headers = users.session_headers(bob)
    assert_error(
        client.post(f"/api/parties/{party.id}/join/", headers=headers), 403, "blocked_by_host"
    )
    by_invite = client.post(
        "/api/parties/join-by-invite/", json={"invite_code": invite}, headers=headers
    )
    assert_error(by_invite, 403, "blocked_by_host")


def test_self_blocks_and_unknown_users_are_refused(client, users):
    ada = users.create()
    assert_error(_block(client, users, ada, ada), 400, "self_block")
    bad = client.post(
        "/api/users/block/", json={"user_id": "nope"}, headers=users.session_headers(ada)
    )
    assert_error(bad, 400)
    unknown = client.post(
        "/api/users/block/",
        json={"user_id": "00000000-0000-4000-8000-000000000000"},
        headers=users.session_headers(ada),
    )
    assert_error(unknown, 404, "user_not_found")
    assert db.session.query(Block).count() == 0


def test_the_blockers_chat_hides_the_blocked_users_messages(client, users, parties, sockets):
    host, bob, cat = users.create(), users.create(), users.create()
    party = parties.create(host, visibility=PUBLIC)
    parties.add(party, bob)
    parties.add(party, cat)
    url = f"/api/chat/{party.id}/messages/send/"
    for author in (bob, cat):
        client.post(
            url, json={"text": f"hi from {author.id}"}, headers=users.session_headers(author)
        )
    _block(client, users, cat, bob)

    def authors(viewer):
        page = client.get(f"/api/chat/{party.id}/messages/", headers=users.session_headers(viewer))
        return {m["user"]["id"] for m in page.get_json()["results"]}

    assert authors(cat) == {str(cat.id)}
    assert authors(host) == {str(bob.id), str(cat.id)}  # only the blocker stops seeing them
    ack = sockets(cat, "/chat").call("join", {"party_id": str(party.id)})
    assert ack["ok"] and ack["hidden_user_ids"] == [str(bob.id)]
    assert {m["user"]["id"] for m in ack["messages"]} == {str(cat.id)}
