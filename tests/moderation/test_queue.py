"""The staff queue: the most severe first, then the most reported, then the oldest; filters;
one report's detail with the reported content; stats and the dashboard."""

from tests.factories import chat_messages
from tests.helpers import assert_error
from tests.moderation.kit import chat_room, filed, staff_get, staff_post


def test_the_queue_puts_severe_then_much_reported_then_old_first(client, users, parties):
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    party, host, old = chat_room(users, parties, ada, bob)
    popular, severe = chat_messages(party, host, 2)
    old_spam = filed(client, users, ada, "chat_message", old.id, "spam")
    popular_ada = filed(client, users, ada, "chat_message", popular.id, "spam")
    popular_bob = filed(client, users, bob, "chat_message", popular.id, "spam")
    violent = filed(client, users, bob, "chat_message", severe.id, "violence")
    page = staff_get(client, users, moderator, "/admin/queue/")
    assert [r["id"] for r in page["results"]] == [
        violent["id"],
        popular_ada["id"],
        popular_bob["id"],
        old_spam["id"],
    ]
    assert [r["reporter_count"] for r in page["results"]] == [1, 2, 2, 1]
    assert page["results"][0]["severity_label"] == "critical"
    only_violence = staff_get(client, users, moderator, "/admin/queue/", reason="violence")
    assert [r["id"] for r in only_violence["results"]] == [violent["id"]]
    users_only = staff_get(client, users, moderator, "/admin/queue/", content_type="user")
    assert users_only["count"] == 0
    assert_error(
        client.get(
            "/api/moderation/admin/queue/?status=lost", headers=users.session_headers(moderator)
        ),
        400,
    )


def test_decided_reports_leave_the_queue_but_stay_listed(client, users, parties):
    ada, moderator = users.create(), users.moderator()
    _, _, message = chat_room(users, parties, ada)
    report = filed(client, users, ada, "chat_message", message.id)
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/dismiss/", {})
    assert staff_get(client, users, moderator, "/admin/queue/")["count"] == 0
    dismissed = staff_get(client, users, moderator, "/admin/queue/", status="dismissed")
    assert dismissed["count"] == 1
    listed = staff_get(client, users, moderator, "/reports/", reporter_id=str(ada.id))
    assert [r["status"] for r in listed["results"]] == ["dismissed"]
    assert staff_get(client, users, moderator, "/reports/", status="open")["count"] == 0


def test_a_report_shows_staff_the_reported_content(client, users, parties):
    ada, moderator = users.create(), users.moderator()
    _, host, message = chat_room(users, parties, ada)
    report = filed(client, users, ada, "chat_message", message.id, "hate_speech")
    seen = staff_get(client, users, moderator, f"/reports/{report['id']}/")
    assert seen["content_text"] == "m0" and seen["content_label"] == "Chat message"
    assert seen["owner_id"] == str(host.id) and seen["reporter"]["id"] == str(ada.id)
    assert seen["content_exists"] is True and seen["severity"] == 3


def test_stats_and_dashboard_count_reports(client, users, parties):
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    party, host, message = chat_room(users, parties, ada, bob)
    one = filed(client, users, ada, "chat_message", message.id, "violence")
    filed(client, users, bob, "user", host.id, "spam")
    staff_post(
        client,
        users,
        moderator,
        f"/admin/reports/{one['id']}/resolve/",
        {"action": "remove", "reason": "threat"},
    )
    stats = staff_get(client, users, moderator, "/admin/stats/")
    assert stats["total"] == 2 and stats["pending"] == 1
    assert stats["pending_by_content_type"] == [{"key": "user", "count": 1}]
    assert stats["decisions"] == [{"key": "remove", "count": 1}]
    assert stats["resolved_last_7_days"] == 1
    board = staff_get(client, users, moderator, "/admin/dashboard/")
    assert board["pending"] == 1 and board["unassigned"] == 1 and board["critical"] == 0
    assert board["resolved_today"] == 1 and board["oldest_pending_at"]
    assert board["recent_actions"][0]["action"] == "resolved"
