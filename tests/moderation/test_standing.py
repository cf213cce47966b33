"""An account's standing changed from either staff surface (the admin users API or a report's
resolution) is the same change: status, ended sessions, the activity entry, the audit log."""

from sqlalchemy import select

from tests.moderation.kit import filed, staff_post
from watchparty.extensions import db
from watchparty.site.models import AuditEntry
from watchparty.users.models import Activity, User


def _activity(user) -> list[str]:
    return list(db.session.scalars(select(Activity.type).where(Activity.user_id == user.id)))


def test_admin_suspend_and_unsuspend_are_audited(client, users):
    admin, troll = users.admin(), users.create()
    headers = users.session_headers(admin)
    base = f"/api/admin/users/{troll.id}"
    body = {"reason": "spam", "duration": 600}
    assert client.post(f"{base}/suspend/", json=body, headers=headers).status_code == 200
    assert client.post(f"{base}/unsuspend/", headers=headers).status_code == 200
    entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.created_at)).all()
    assert [(e.action, e.target_id, e.actor_id) for e in entries] == [
        ("user.suspend", str(troll.id), admin.id),
        ("user.unsuspend", str(troll.id), admin.id),
    ]
    assert entries[0].reason == "spam" and entries[0].data["until"]


def test_a_ban_from_a_report_records_the_same_activity(client, users):
    ada, moderator, troll = users.create(), users.moderator(), users.create()
    report = filed(client, users, ada, "user", troll.id, "hate_speech")
    body = {"action": "ban", "reason": "hate"}
    assert (
        staff_post(
            client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body
        ).status_code
        == 200
    )
    db.session.expire_all()
    user = db.session.get(User, troll.id)
    assert user.status == "banned" and user.status_reason == "hate"
    assert "account_banned" in _activity(troll)
