"""Members and roles: the roster, what the owner and admins may change, removal, invitations
(a block either way stops one), and account deletion handing an owned group over."""

import uuid

from tests.factories import PASSWORD
from tests.groups.kit import call, create, join, url
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.groups.models import Group, GroupInvitation, GroupMember


def _role(client, users, who, group_id, target, role):
    return call(
        client, users, who, "PUT", url(group_id, f"members/{target.id}/"), json={"role": role}
    )


def _group_of_four(client, users):
    owner, admin, one, two = (users.create() for _ in range(4))
    group = create(client, users, owner)
    for person in (admin, one, two):
        join(client, users, person, group["id"])
    assert _role(client, users, owner, group["id"], admin, "admin").status_code == 200
    return group["id"], owner, admin, one, two


def test_members_are_listed_owner_first_with_roles(client, users):
    gid, owner, admin, one, two = _group_of_four(client, users)
    roster = call(client, users, two, "GET", url(gid, "members/")).get_json()
    assert roster["count"] == 4
    assert [(m["user"]["id"], m["role"]) for m in roster["results"]] == [
        (str(owner.id), "owner"),
        (str(admin.id), "admin"),
        (str(one.id), "member"),
        (str(two.id), "member"),
    ]


def test_admins_manage_members_but_not_admins_or_the_owner(client, users):
    gid, owner, admin, one, two = _group_of_four(client, users)
    assert _role(client, users, admin, gid, one, "admin").get_json()["role"] == "admin"
    assert_error(_role(client, users, admin, gid, one, "member"), 403, "not_the_owner")
    assert_error(_role(client, users, admin, gid, owner, "member"), 403, "not_the_owner")
    assert_error(_role(client, users, admin, gid, two, "owner"), 403, "not_the_owner")
    assert_error(_role(client, users, two, gid, one, "member"), 403, "not_a_manager")
    assert_error(_role(client, users, admin, gid, admin, "member"), 400, "self_action")
    removed = call(client, users, admin, "DELETE", url(gid, f"members/{two.id}/"))
    assert removed.status_code == 200
    denied = call(client, users, admin, "DELETE", url(gid, f"members/{one.id}/"))
    assert_error(denied, 403, "not_the_owner")
    assert call(client, users, owner, "DELETE", url(gid, f"members/{one.id}/")).status_code == 200
    again = call(client, users, owner, "DELETE", url(gid, f"members/{one.id}/"))
    assert_error(again, 404, "member_not_found")
    roles = {m.user_id: m.role for m in db.session.query(GroupMember)}
    assert roles == {owner.id: "owner", admin.id: "admin"}


def test_handing_over_makes_the_old_owner_an_admin(client, users):
    gid, owner, admin, one, _ = _group_of_four(client, users)
    assert _role(client, users, owner, gid, one, "owner").status_code == 200
    roles = {m.user_id: m.role for m in db.session.query(GroupMember)}
    assert roles[one.id] == "owner" and roles[owner.id] == "admin"
    assert db.session.get(Group, uuid.UUID(gid)).owner_id == one.id
    assert_error(_role(client, users, owner, gid, one, "member"), 403, "not_the_owner")


def test_bad_role_bodies_and_ids_change_nothing(client, users):
    gid, owner, admin, one, _ = _group_of_four(client, users)
    for body in ({}, {"role": "king"}, {"role": None}, {"role": "admin", "extra": 1}):
        answer = call(client, users, owner, "PUT", url(gid, f"members/{one.id}/"), json=body)
        assert_error(answer, 400)
    stranger = users.create()
    assert_error(_role(client, users, owner, gid, stranger, "admin"), 404, "member_not_found")
    nobody = call(client, users, owner, "DELETE", url(gid, f"members/{uuid.uuid4()}/"))
    assert_error(nobody, 404, "member_not_found")
    for body in ({}, {"user_id": "nope"}, {"user_id": str(uuid.uuid4())}):
        answer = call(client, users, owner, "POST", url(gid, "invitations/"), json=body)
        assert answer.status_code in (400, 404)
    roles = {m.user_id: m.role for m in db.session.query(GroupMember)}
    assert roles[one.id] == "member" and roles[admin.id] == "admin"
    assert db.session.query(GroupInvitation).count() == 0


def test_invitations_from_managers_only_and_never_across_a_block(client, users):
    ada, bob, cat, dan = (users.create() for _ in range(4))
    group = create(client, users, ada, visibility="invite_only")
    gid = group["id"]

    def invite(who, target):
        return call(
            client, users, who, "POST", url(gid, "invitations/"), json={"user_id": str(target.id)}
        )

    assert invite(ada, bob).status_code == 201
    assert invite(ada, bob).status_code == 201  # again: still one invitation
    assert db.session.query(GroupInvitation).count() == 1
    join(client, users, bob, gid)
    assert_error(invite(bob, cat), 403, "not_a_manager")
    assert_error(invite(ada, bob), 409, "already_member")
    assert_error(invite(ada, ada), 400, "self_action")
    call(client, users, cat, "POST", f"/api/users/{ada.id}/block/")
    assert_error(invite(ada, cat), 403, "blocked")
    call(client, users, ada, "POST", f"/api/users/{dan.id}/block/")
    assert_error(invite(ada, dan), 403, "blocked")
    assert db.session.query(GroupInvitation).count() == 0


def test_an_invitation_can_be_declined(client, users):
    ada, bob = users.create(), users.create()
    gid = create(client, users, ada, visibility="invite_only")["id"]
    call(client, users, ada, "POST", url(gid, "invitations/"), json={"user_id": str(bob.id)})
    assert call(client, users, bob, "POST", url(gid, "decline/")).status_code == 200
    assert_error(
        call(client, users, bob, "POST", url(gid, "decline/")), 404, "invitation_not_found"
    )
    assert_error(join(client, users, bob, gid), 403, "invitation_required")


def test_someone_the_owner_blocked_cannot_join(client, users):
    ada, bob = users.create(), users.create()
    gid = create(client, users, ada)["id"]
    call(client, users, ada, "POST", f"/api/users/{bob.id}/block/")
    assert_error(join(client, users, bob, gid), 403, "blocked_by_owner")


def test_a_deleted_owner_hands_the_group_to_an_admin_and_lone_groups_go(client, users):
    gid, owner, admin, one, _ = _group_of_four(client, users)
    lone = create(client, users, owner, name="Just me")["id"]
    gone = call(
        client,
        users,
        owner,
        "DELETE",
        "/api/users/delete-account/",
        json={"password": PASSWORD, "confirmation": "DELETE"},
    )
    assert gone.status_code == 200
    db.session.expire_all()
    group = db.session.get(Group, uuid.UUID(gid))
    assert group.owner_id == admin.id
    assert db.session.get(Group, uuid.UUID(lone)) is None
    roles = {m.user_id: m.role for m in db.session.query(GroupMember)}
    assert owner.id not in roles and roles[admin.id] == "owner"
