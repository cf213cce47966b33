"""Groups: create, list yours and public ones, read, change, delete, join and leave, and an
owner who must hand over or delete before leaving."""

import uuid

from tests.groups.kit import BASE, call, create, join, url
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.groups.models import Group, GroupMember


def test_create_makes_the_caller_owner_and_first_member(client, users):
    ada = users.create()
    group = create(client, users, ada, name="  Film club  ", description="Old films")
    assert group["name"] == "Film club" and group["visibility"] == "public"
    assert group["my_role"] == "owner" and group["members_count"] == 1
    assert group["owner"]["id"] == str(ada.id)
    detail = call(client, users, ada, "GET", url(group["id"])).get_json()
    assert detail["description"] == "Old films" and detail["is_public"] is True


def test_lists_show_your_groups_and_public_ones_to_join(client, users):
    ada, bob = users.create(), users.create()
    mine = create(client, users, ada, name="Ada's club")
    hidden = create(client, users, ada, name="Secret", visibility="invite_only")
    other = create(client, users, bob, name="Bob's club")
    yours = call(client, users, ada, "GET", BASE).get_json()
    assert {g["id"] for g in yours["results"]} == {mine["id"], hidden["id"]}
    public = call(client, users, ada, "GET", f"{BASE}?scope=public").get_json()["results"]
    assert [g["name"] for g in public] == ["Ada's club", "Bob's club"]
    assert {g["id"]: g["my_role"] for g in public} == {mine["id"]: "owner", other["id"]: None}
    found = call(client, users, ada, "GET", f"{BASE}?scope=public&q=BOB").get_json()
    assert [g["id"] for g in found["results"]] == [other["id"]]


def test_join_and_leave_a_public_group(client, users):
    ada, bob = users.create(), users.create()
    group = create(client, users, ada)
    joined = join(client, users, bob, group["id"])
    assert joined.status_code == 200
    assert joined.get_json()["my_role"] == "member" and joined.get_json()["members_count"] == 2
    assert_error(join(client, users, bob, group["id"]), 409, "already_member")
    mine = call(client, users, bob, "GET", BASE).get_json()["results"]
    assert [g["id"] for g in mine] == [group["id"]]
    left = call(client, users, bob, "POST", url(group["id"], "leave/"))
    assert left.status_code == 200
    again = call(client, users, bob, "POST", url(group["id"], "leave/"))
    assert_error(again, 403, "not_a_member")
    assert db.session.query(GroupMember).count() == 1


def test_the_owner_cannot_leave_but_can_hand_over_then_leave(client, users):
    ada, bob = users.create(), users.create()
    group = create(client, users, ada)
    join(client, users, bob, group["id"])
    assert_error(
        call(client, users, ada, "POST", url(group["id"], "leave/")), 409, "owner_cannot_leave"
    )
    handed = call(
        client, users, ada, "PUT", url(group["id"], f"members/{bob.id}/"), json={"role": "owner"}
    )
    assert handed.status_code == 200 and handed.get_json()["role"] == "owner"
    assert call(client, users, ada, "POST", url(group["id"], "leave/")).status_code == 200
    detail = call(client, users, bob, "GET", url(group["id"])).get_json()
    assert detail["owner"]["id"] == str(bob.id) and detail["members_count"] == 1


def test_only_the_owner_changes_or_deletes_the_group(client, users):
    ada, bob = users.create(), users.create()
    group = create(client, users, ada)
    join(client, users, bob, group["id"])
    denied = call(client, users, bob, "PATCH", url(group["id"]), json={"name": "Mine now"})
    assert_error(denied, 403, "not_the_owner")
    assert_error(call(client, users, bob, "DELETE", url(group["id"])), 403, "not_the_owner")
    changed = call(
        client, users, ada, "PATCH", url(group["id"]), json={"visibility": "invite_only"}
    )
    assert changed.get_json()["visibility"] == "invite_only"
    assert changed.get_json()["name"] == "Film club"
    assert call(client, users, ada, "DELETE", url(group["id"])).status_code == 200
    assert_error(call(client, users, ada, "GET", url(group["id"])), 404, "group_not_found")
    assert db.session.query(GroupMember).count() == 0


def test_an_invite_only_group_needs_an_invitation_to_join(client, users):
    ada, bob, cat = users.create(), users.create(), users.create()
    group = create(client, users, ada, visibility="invite_only")
    assert_error(join(client, users, bob, group["id"]), 403, "invitation_required")
    public = call(client, users, bob, "GET", f"{BASE}?scope=public").get_json()
    assert public["results"] == []
    roster = call(client, users, cat, "GET", url(group["id"], "members/"))
    assert_error(roster, 403, "not_a_member")
    sent = call(
        client, users, ada, "POST", url(group["id"], "invitations/"), json={"user_id": str(bob.id)}
    )
    assert sent.status_code == 201 and sent.get_json()["invitee_id"] == str(bob.id)
    held = call(client, users, bob, "GET", f"{BASE}invitations/").get_json()
    assert [i["group"]["id"] for i in held] == [group["id"]]
    assert call(client, users, bob, "GET", url(group["id"])).get_json()["invited"] is True
    assert join(client, users, bob, group["id"]).status_code == 200
    assert call(client, users, bob, "GET", f"{BASE}invitations/").get_json() == []
    assert_error(join(client, users, cat, group["id"]), 403, "invitation_required")


def test_unknown_groups_are_404_everywhere(client, users):
    ada = users.create()
    gone = uuid.uuid4()
    for method, tail in (
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("POST", "join/"),
        ("POST", "leave/"),
        ("GET", "members/"),
        ("POST", "decline/"),
        ("GET", "parties/"),
    ):
        body = {"name": "x"} if method == "PATCH" else None
        assert_error(
            call(client, users, ada, method, url(gone, tail), json=body), 404, "group_not_found"
        )
    assert_error(call(client, users, ada, "GET", f"{BASE}not-a-uuid/"), 404)


def test_bad_input_is_refused_and_changes_nothing(client, users):
    ada = users.create()
    bad_bodies = [
        {},
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 81},
        {"name": "ok", "description": "d" * 1001},
        {"name": "bell\x07"},
        {"name": "ok", "visibility": "secret"},
        {"name": "ok", "owner_id": str(ada.id)},
        {"name": 5},
    ]
    for body in bad_bodies:
        assert_error(call(client, users, ada, "POST", BASE, json=body), 400)
    assert db.session.query(Group).count() == 0
    group = create(client, users, ada, name="Keep", description="two\nlines\tok")
    for body in ({}, {"name": ""}, {"name": "y" * 81}, {"visibility": "x"}, {"nope": 1}):
        assert_error(call(client, users, ada, "PATCH", url(group["id"]), json=body), 400)
    for query in ("scope=everyone", "page=0", "page_size=0", f"q={'q' * 81}"):
        assert_error(call(client, users, ada, "GET", f"{BASE}?{query}"), 400)
    db.session.expire_all()
    kept = db.session.get(Group, uuid.UUID(group["id"]))
    assert (kept.name, kept.description, kept.visibility) == ("Keep", "two\nlines\tok", "public")


def test_signed_out_callers_are_401(client):
    assert_error(client.get(BASE), 401)
    assert_error(client.post(BASE, json={"name": "x"}), 401)
