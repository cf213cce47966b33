"""Staff decisions: a resolution covers every pending report of the content, carries out its
action (remove hides the content from REST lists, suspend ends the owner's sessions), is kept
in the report's history and the audit log, and is told to the reporters and the owner."""

import uuid

import pytest

from tests.helpers import assert_error
from tests.moderation.kit import chat_room, chat_texts, filed, staff_get, staff_post
from tests.notifications.producer_kit import of_type, only
from tests.videos.factories import make_video
from watchparty.extensions import db
from watchparty.moderation.models import ContentReport
from watchparty.site.models import AuditEntry
from watchparty.users.models import SUSPENDED, User


def test_removing_a_chat_message_takes_it_out_of_the_history(client, users, parties):
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    party, host, message = chat_room(users, parties, ada, bob)
    first = filed(client, users, ada, "chat_message", message.id)
    filed(client, users, bob, "chat_message", message.id)
    body = {"action": "remove", "reason": "abuse"}
    done = staff_post(client, users, moderator, f"/admin/reports/{first['id']}/resolve/", body)
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["resolution_action"] == "remove"
    assert chat_texts(client, users, ada, party) == []
    db.session.expire_all()
    assert {r.status for r in db.session.query(ContentReport)} == {"resolved"}
    entry = db.session.query(AuditEntry).filter_by(action="moderation.resolved").one()
    assert entry.actor_id == moderator.id and entry.target_id == str(message.id)
    assert entry.reason == "abuse" and len(entry.data["report_ids"]) == 2
    history = staff_get(client, users, moderator, f"/admin/reports/{first['id']}/actions/")
    assert [a["action"] for a in history] == ["filed", "resolved"]
    assert history[1]["actor"]["id"] == str(moderator.id) and history[1]["reason"] == "abuse"


def test_reporters_and_the_owner_hear_of_a_decision(client, users, parties):
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    party, host, message = chat_room(users, parties, ada, bob)
    report = filed(client, users, ada, "chat_message", message.id)
    filed(client, users, bob, "chat_message", message.id)
    body = {"action": "remove", "reason": "Slurs are not allowed"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    for reporter in (ada, bob):
        told = only(client, users, reporter, "moderation_decision")
        assert told["message"] == "Thanks for your report: staff removed the chat message."
        assert "report_ids" in told["data"] and told["data"]["decision"] == "remove"
    owner = only(client, users, host, "moderation_decision")
    assert owner["title"] == "Your content was removed"
    assert owner["message"] == "Staff removed your chat message: Slurs are not allowed"


def test_a_warning_is_a_notice_to_the_owner_only(client, users, parties):
    ada, moderator = users.create(), users.moderator()
    _, host, message = chat_room(users, parties, ada)
    report = filed(client, users, ada, "chat_message", message.id)
    body = {"action": "warn", "reason": "Keep it civil"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    warned = only(client, users, host, "moderation_decision")
    assert warned["title"] == "A warning from the moderators"
    assert warned["message"] == "About your chat message: Keep it civil"


def test_suspending_from_a_report_restricts_the_owner(client, users, parties):
    ada, moderator, troll = users.create(), users.moderator(), users.create()
    report = filed(client, users, ada, "user", troll.id, "harassment")
    troll_headers = users.session_headers(troll)
    body = {"action": "suspend", "reason": "harassment", "duration": 3600}
    done = staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    assert done.status_code == 200, done.get_json()
    db.session.expire_all()
    user = db.session.get(User, troll.id)
    assert user.status == SUSPENDED and user.status_until is not None
    assert client.get("/api/auth/profile/", headers=troll_headers).status_code == 401


def test_a_moderator_cannot_suspend_an_administrator(client, users):
    ada, moderator, admin = users.create(), users.moderator(), users.admin()
    report = filed(client, users, ada, "user", admin.id)
    body = {"action": "ban", "reason": "x"}
    assert_error(
        staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body), 403
    )
    db.session.expire_all()
    assert db.session.get(ContentReport, uuid.UUID(report["id"])).status == "open"


def test_approve_means_no_action_and_the_video_stays(client, users):
    ada, moderator = users.create(), users.moderator()
    video = make_video(users.create())
    report = filed(client, users, ada, "video", video.id)
    path = f"/api/admin/reports/{report['id']}/resolve/"
    body = {"action": "approve", "reason": "Content approved"}
    done = client.post(path, json=body, headers=users.session_headers(moderator))
    assert done.get_json()["resolution_action"] == "no_action"
    assert client.get(f"/api/videos/{video.id}/").status_code == 200
    told = only(client, users, ada, "moderation_decision")
    assert told["message"] == "Staff reviewed the video you reported and took no action."


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"action": "delete"},
        {"action": "warn", "duration": 600},
        {"action": "suspend", "duration": 5},
        {"action": "remove", "reason": "x" * 2001},
    ],
)
def test_bad_decisions_change_nothing(client, users, parties, body):
    ada, moderator = users.create(), users.moderator()
    party, _, message = chat_room(users, parties, ada)
    report = filed(client, users, ada, "chat_message", message.id)
    response = staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    assert_error(response, 400, "validation_error")
    db.session.expire_all()
    assert db.session.get(ContentReport, uuid.UUID(report["id"])).status == "open"
    assert chat_texts(client, users, ada, party) == ["m0"]
    assert db.session.query(AuditEntry).count() == 0


def test_assigning_takes_a_moderator(client, users, parties):
    ada, moderator, other = users.create(), users.moderator(), users.moderator()
    _, _, message = chat_room(users, parties, ada)
    report = filed(client, users, ada, "chat_message", message.id)
    path = f"/admin/reports/{report['id']}/assign/"
    refused = staff_post(client, users, moderator, path, {"moderator_id": str(ada.id)})
    assert_error(refused, 400, "not_a_moderator")
    assert_error(staff_post(client, users, moderator, path, {"moderator_id": "x"}), 400)
    done = staff_post(client, users, moderator, path, {"moderator_id": str(other.id)})
    assert done.get_json()["status"] == "assigned"
    assert done.get_json()["assignee"]["id"] == str(other.id)
    mine = staff_get(client, users, other, "/admin/queue/", assignee_id=str(other.id))
    assert [r["id"] for r in mine["results"]] == [report["id"]]
    assert db.session.query(AuditEntry).filter_by(action="moderation.assign").count() == 1


def test_a_decided_report_cannot_be_decided_again(client, users, parties):
    ada, moderator = users.create(), users.moderator()
    _, _, message = chat_room(users, parties, ada)
    report = filed(client, users, ada, "chat_message", message.id)
    path = f"/admin/reports/{report['id']}/dismiss/"
    assert staff_post(client, users, moderator, path, {"reason": "fine"}).status_code == 200
    assert_error(staff_post(client, users, moderator, path, {}), 409, "report_closed")
    assert of_type(client, users, ada, "moderation_decision")[0]["data"]["decision"] == "dismissed"


def test_bulk_dismiss_handles_each_report(client, users, parties):
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    party, host, message = chat_room(users, parties, ada, bob)
    one = filed(client, users, ada, "chat_message", message.id)
    two = filed(client, users, bob, "chat_message", message.id)
    other = filed(client, users, ada, "user", host.id)
    missing = "00000000-0000-4000-8000-000000000000"
    body = {"report_ids": [one["id"], two["id"], other["id"], missing], "action": "dismiss"}
    done = staff_post(client, users, moderator, "/admin/reports/bulk-action/", body).get_json()
    assert done["processed"] == [one["id"], two["id"], other["id"]]
    assert done["failed"] == [
        {"id": missing, "error": "report_not_found", "message": "No such report."}
    ]
    assert_error(
        staff_post(
            client,
            users,
            moderator,
            "/admin/reports/bulk-action/",
            {"report_ids": [], "action": "dismiss"},
        ),
        400,
    )


def test_warning_a_person_tells_their_account(client, users):
    ada, moderator, troll = users.create(), users.moderator(), users.create()
    report = filed(client, users, ada, "user", troll.id, "harassment")
    body = {"action": "warn", "reason": "Be kind"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    assert only(client, users, troll, "moderation_decision")["message"] == (
        "About your account: Be kind"
    )
    told = only(client, users, ada, "moderation_decision")
    assert told["message"] == "Thanks for your report: staff warned its author."
    db.session.expire_all()
    assert db.session.get(User, troll.id).status == "active"


def test_bulk_resolve_removes_and_bans(client, users, parties):
    ada, moderator, troll = users.create(), users.moderator(), users.create()
    party, host, message = chat_room(users, parties, ada)
    first = filed(client, users, ada, "chat_message", message.id)
    second = filed(client, users, ada, "user", troll.id)
    body = {"report_ids": [first["id"]], "action": "resolve", "resolution": "remove"}
    done = staff_post(client, users, moderator, "/admin/reports/bulk-action/", body).get_json()
    assert done == {"success": True, "processed": [first["id"]], "failed": []}
    assert chat_texts(client, users, ada, party) == []
    body = {"report_ids": [second["id"]], "action": "resolve", "resolution": "ban"}
    staff_post(client, users, moderator, "/admin/reports/bulk-action/", body)
    db.session.expire_all()
    assert db.session.get(User, troll.id).status == "banned"
