"""Groups raise `group_invitation` for the invitee, once however often they are invited."""

from tests.groups.kit import call, create, url
from tests.notifications.producer_kit import inbox, only


def test_an_invitation_notifies_the_invitee_once(client, users):
    owner = users.create(first_name="Olga", last_name="Owner")
    guest = users.create()
    group = create(client, users, owner, name="Film club", visibility="invite_only")
    for _ in range(2):  # inviting again keeps the one invitation and says nothing new
        sent = call(
            client,
            users,
            owner,
            "POST",
            url(group["id"], "invitations/"),
            json={"user_id": str(guest.id)},
        )
        assert sent.status_code == 201, sent.get_json()
    item = only(client, users, guest, "group_invitation")
    assert item["title"] == "Group invitation"
    assert item["message"] == "Olga Owner invited you to join “Film club”"
    assert item["data"]["group_id"] == group["id"]
    assert item["data"]["inviter_id"] == str(owner.id)
    assert inbox(client, users, owner)["count"] == 0
