"""Support tickets: the owner and staff see one (anyone else gets 404), staff see every ticket
and filter them, and each reply in the thread tells the other side in the app and by email."""

from tests.notifications.producer_kit import of_type, only
from tests.support.kit import call, ticket
from watchparty.extensions import db
from watchparty.support.models import TicketMessage


def test_a_filed_ticket_is_seen_by_its_owner_and_staff_and_nobody_else(client, users):
    ada, eve, staff = users.create(), users.create(), users.admin()
    mine = ticket(client, users, ada, "Upload stuck")
    assert (mine["status"], mine["priority"], mine["messages"]) == ("open", "high", [])
    assert mine["user"]["id"] == str(ada.id) and mine["assignee"] is None
    path = f"/tickets/{mine['id']}/"
    assert call(client, users, ada, "get", path)["subject"] == "Upload stuck"
    assert call(client, users, staff, "get", path)["id"] == mine["id"]
    assert call(client, users, eve, "get", path, 404)["error"] == "ticket_not_found"
    call(client, users, eve, "post", f"{path}messages/", 404, message="me too")
    assert call(client, users, eve, "get", "/tickets/")["count"] == 0
    assert [t["id"] for t in call(client, users, ada, "get", "/tickets/")["results"]] == [
        mine["id"]
    ]
    call(client, users, None, "get", "/tickets/", 401)


def test_staff_see_every_ticket_and_filter_by_status_and_assignee(client, users):
    ada, bob, staff, other = users.create(), users.create(), users.admin(), users.admin()
    first, second = ticket(client, users, ada, "One"), ticket(client, users, bob, "Two")
    assert call(client, users, staff, "get", "/tickets/")["count"] == 2
    call(client, users, staff, "post", f"/tickets/{first['id']}/assign/", staff_id=str(other.id))
    call(client, users, staff, "post", f"/tickets/{second['id']}/status/", status="resolved")
    by_other = call(client, users, staff, "get", f"/tickets/?assignee={other.id}")["results"]
    assert [t["subject"] for t in by_other] == ["One"]
    assert [
        t["subject"] for t in call(client, users, other, "get", "/tickets/?assignee=me")["results"]
    ] == ["One"]
    unassigned = call(client, users, staff, "get", "/tickets/?assignee=none")["results"]
    assert [t["subject"] for t in unassigned] == ["Two"]
    resolved = call(client, users, staff, "get", "/tickets/?status=resolved")["results"]
    assert [t["subject"] for t in resolved] == ["Two"]
    # An owner's assignee filter is ignored: they only ever see their own tickets.
    assert call(client, users, ada, "get", f"/tickets/?assignee={other.id}")["count"] == 1
    refused = call(
        client, users, staff, "post", f"/tickets/{first['id']}/assign/", 400, staff_id=str(ada.id)
    )
    assert refused["errors"] == {"staff_id": ["Not a staff member."]}
    cleared = call(client, users, staff, "post", f"/tickets/{first['id']}/assign/", staff_id=None)
    assert cleared["assignee"] is None


def test_a_staff_reply_reaches_the_owner_in_the_app_and_by_email(client, users, run_jobs, smtp):
    ada = users.create(first_name="Ada")
    staff = users.admin(first_name="Sam")
    filed = ticket(client, users, ada, "Upload stuck")
    path = f"/tickets/{filed['id']}/messages/"
    reply = call(client, users, staff, "post", path, 201, message="Try a smaller file")
    assert reply["from_staff"] is True and reply["author"]["id"] == str(staff.id)
    item = only(client, users, ada, "support_reply")
    assert item["title"] == "New reply: Upload stuck"
    assert item["message"] == "Support replied to the ticket “Upload stuck”"
    assert item["data"] == {"ticket_id": filed["id"]}
    run_jobs()
    mail = smtp.wait_for(ada.email)
    assert mail["Subject"] == "New reply: Upload stuck"
    assert f"/help/tickets/{filed['id']}" in smtp.text_of(mail)
    shown = call(client, users, ada, "get", f"/tickets/{filed['id']}/")
    assert (shown["status"], shown["assignee"]["id"]) == ("pending", str(staff.id))
    assert [m["message"] for m in shown["messages"]] == ["Try a smaller file"]


def test_an_owner_reply_reaches_the_assignee_and_reopens_the_ticket(client, users, run_jobs, smtp):
    ada, staff, lead = users.create(first_name="Ada"), users.admin(), users.admin()
    filed = ticket(client, users, ada, "Billing twice")
    path = f"/tickets/{filed['id']}/messages/"
    call(client, users, ada, "post", path, 201, message="Any news?")
    # Unassigned: nobody is told, the ticket waits in the staff queue.
    assert of_type(client, users, staff, "support_reply") == []
    assert of_type(client, users, lead, "support_reply") == []
    call(client, users, lead, "post", f"/tickets/{filed['id']}/assign/", staff_id=str(staff.id))
    call(client, users, staff, "post", path, 201, message="Looking into it")
    call(client, users, ada, "post", path, 201, message="Thanks, here is the receipt")
    item = only(client, users, staff, "support_reply")
    assert item["message"] == "Ada replied to the ticket “Billing twice”"
    run_jobs()
    assert "Billing twice" in smtp.wait_for(staff.email)["Subject"]
    shown = call(client, users, ada, "get", f"/tickets/{filed['id']}/")
    assert shown["status"] == "open"
    assert [m["from_staff"] for m in shown["messages"]] == [False, True, False]


def test_a_closed_ticket_takes_no_more_replies(client, users):
    ada, staff = users.create(), users.admin()
    filed = ticket(client, users, ada)
    call(client, users, staff, "post", f"/tickets/{filed['id']}/status/", status="closed")
    closed = call(
        client, users, ada, "post", f"/tickets/{filed['id']}/messages/", 409, message="hi"
    )
    assert closed["error"] == "ticket_closed"
    assert db.session.query(TicketMessage).count() == 0
