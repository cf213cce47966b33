"""Staff work on tickets and feedback reaches the people it concerns: the staff member given a
ticket, a ticket's owner when its status moves, feedback's author when its status moves; never
the person who acted, nobody when nothing changed, nobody who turned support notices off."""

from tests.notifications.producer_kit import inbox, of_type, only
from tests.support.kit import call, feedback, ticket


def _assign(client, users, who, filed, staff_id, expect=200):
    body = {"staff_id": str(staff_id) if staff_id else None}
    return call(client, users, who, "post", f"/tickets/{filed['id']}/assign/", expect, **body)


def _status(client, users, who, path, status):
    return call(client, users, who, "post", f"{path}status/", status=status)


def test_assigning_a_ticket_tells_the_assignee_who_gave_it(client, users, run_jobs, smtp):
    ada, lead = users.create(), users.admin(first_name="Lea")
    sam = users.admin(first_name="Sam")
    filed = ticket(client, users, ada, "Upload stuck")
    _assign(client, users, lead, filed, sam.id)
    item = only(client, users, sam, "support_assigned")
    assert item["title"] == "Ticket assigned: Upload stuck"
    assert item["message"] == "Lea gave you the ticket “Upload stuck”"
    assert item["data"] == {"ticket_id": filed["id"]}
    assert inbox(client, users, ada)["count"] == 0  # the owner hears of replies, not of this
    _assign(client, users, lead, filed, sam.id)  # the same assignee again: no second notice
    assert len(of_type(client, users, sam, "support_assigned")) == 1
    _assign(client, users, lead, filed, None)  # unassigned: nobody to tell
    assert of_type(client, users, lead, "support_assigned") == []


def test_taking_a_ticket_oneself_tells_nobody(client, users):
    ada, sam = users.create(), users.admin()
    filed = ticket(client, users, ada)
    shown = _assign(client, users, sam, filed, sam.id)
    assert shown["assignee"]["id"] == str(sam.id)
    assert inbox(client, users, sam)["count"] == 0
    assert inbox(client, users, ada)["count"] == 0


def test_a_status_change_tells_the_owner_in_the_app_and_by_email(client, users, run_jobs, smtp):
    ada, sam = users.create(), users.admin()
    filed = ticket(client, users, ada, "Billing twice")
    path = f"/tickets/{filed['id']}/"
    assert _status(client, users, sam, path, "resolved")["status"] == "resolved"
    item = only(client, users, ada, "support_status")
    assert item["title"] == "Ticket resolved: Billing twice"
    assert item["message"] == "Support marked your ticket “Billing twice” as resolved"
    assert item["data"] == {"ticket_id": filed["id"], "status": "resolved"}
    run_jobs()
    mail = smtp.wait_for(ada.email)
    assert mail["Subject"] == "Ticket resolved: Billing twice"
    assert f"/help/tickets/{filed['id']}" in smtp.text_of(mail)
    _status(client, users, sam, path, "resolved")  # unchanged: no second notice
    assert len(of_type(client, users, ada, "support_status")) == 1
    _status(client, users, sam, path, "closed")
    assert [n["data"]["status"] for n in of_type(client, users, ada, "support_status")] == [
        "closed",
        "resolved",
    ]
    assert inbox(client, users, sam)["count"] == 0


def test_staff_moving_their_own_ticket_are_not_told(client, users):
    sam = users.admin()
    filed = ticket(client, users, sam, "My own problem")
    _status(client, users, sam, f"/tickets/{filed['id']}/", "closed")
    assert of_type(client, users, sam, "support_status") == []


def test_a_feedback_status_change_tells_its_author_but_not_the_voters(client, users):
    ada, bob, sam = users.create(), users.create(), users.admin()
    sent = feedback(client, users, ada, "Dark mode")
    path = f"/feedback/{sent['id']}/"
    call(client, users, bob, "post", f"{path}vote/", vote="upvote")
    assert _status(client, users, sam, path, "planned")["status"] == "planned"
    item = only(client, users, ada, "feedback_status")
    assert item["title"] == "Feedback planned: Dark mode"
    assert item["message"] == "The team marked your feedback “Dark mode” as planned"
    assert item["data"] == {"feedback_id": sent["id"], "status": "planned"}
    _status(client, users, sam, path, "planned")  # unchanged: no second notice
    _status(client, users, sam, path, "in_progress")
    assert [n["title"] for n in of_type(client, users, ada, "feedback_status")] == [
        "Feedback in progress: Dark mode",
        "Feedback planned: Dark mode",
    ]
    assert inbox(client, users, bob)["count"] == 0
    assert inbox(client, users, sam)["count"] == 0


def test_staff_moving_their_own_feedback_are_not_told(client, users):
    sam = users.admin()
    sent = feedback(client, users, sam, "Mine")
    _status(client, users, sam, f"/feedback/{sent['id']}/", "done")
    assert of_type(client, users, sam, "feedback_status") == []


def test_nobody_who_turned_support_notices_off_is_told(client, users):
    ada, sam, lead = users.create(), users.admin(), users.admin()
    for who in (ada, sam):
        off = client.put(
            "/api/notifications/preferences/",
            json={"support": False},
            headers=users.session_headers(who),
        )
        assert off.status_code == 200, off.get_json()
    filed, sent = ticket(client, users, ada), feedback(client, users, ada)
    _assign(client, users, lead, filed, sam.id)
    _status(client, users, lead, f"/tickets/{filed['id']}/", "resolved")
    _status(client, users, lead, f"/feedback/{sent['id']}/", "done")
    assert inbox(client, users, ada)["count"] == 0
    assert inbox(client, users, sam)["count"] == 0


def test_staff_list_everyone_a_ticket_can_go_to(client, users):
    sam, root = users.admin(first_name="Sam"), users.superuser(first_name="Root")
    users.create(first_name="Ada")
    users.create(is_moderator=True, first_name="Mod")
    listed = call(client, users, sam, "get", "/staff/")
    assert sorted(u["id"] for u in listed) == sorted([str(sam.id), str(root.id)])
    assert set(listed[0]) == {"id", "name", "display_name", "avatar"}
