"""Filing a report of any content: accepted once per reporter and item, never about what the
reporter cannot see, never telling who else reported; bad input stores nothing."""

import uuid

import pytest

from tests.helpers import assert_error
from tests.moderation.kit import BASE, chat_room, filed, report
from tests.videos.factories import make_video
from watchparty.extensions import db
from watchparty.moderation.models import ContentReport, ReportAction


def test_a_member_reports_a_chat_message_once(client, users, parties):
    ada = users.create()
    party, host, message = chat_room(users, parties, ada)
    body = filed(client, users, ada, "chat_message", message.id, "harassment")
    assert body["status"] == "open" and body["content_id"] == str(message.id)
    assert "reporter" not in body and "reporter_count" not in body
    assert_error(report(client, users, ada, "chat_message", message.id), 409, "already_reported")
    stored = db.session.query(ContentReport).one()
    assert stored.owner_id == host.id and stored.severity == 3
    assert db.session.query(ReportAction).one().action == "filed"


def test_every_content_type_can_be_reported(client, users, parties):
    ada, troll = users.create(), users.create()
    _, _, message = chat_room(users, parties, ada)
    video = make_video(troll)
    party = parties.create(troll, visibility="public")
    for content_type, content_id in [
        ("user", troll.id),
        ("video", video.id),
        ("party", party.id),
        ("chat_message", message.id),
    ]:
        filed(client, users, ada, content_type, content_id)
    assert db.session.query(ContentReport).count() == 4


def test_what_you_cannot_see_cannot_be_reported(client, users, parties):
    outsider = users.create()
    _, _, message = chat_room(users, parties)
    private = make_video(users.create(), visibility="private")
    assert_error(report(client, users, outsider, "chat_message", message.id), 404)
    assert_error(report(client, users, outsider, "video", private.id), 404, "content_not_found")
    assert_error(report(client, users, outsider, "party", uuid.uuid4()), 404)
    assert db.session.query(ContentReport).count() == 0


def test_you_cannot_report_your_own_content(client, users, parties):
    party, host, message = chat_room(users, parties)
    assert_error(report(client, users, host, "chat_message", message.id), 400, "self_report")
    assert_error(report(client, users, host, "user", host.id), 400, "self_report")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"content_type": "video", "reason": "spam"},
        {"content_type": "poem", "content_id": str(uuid.uuid4()), "reason": "spam"},
        {"content_type": "video", "content_id": "not-a-uuid", "reason": "spam"},
        {"content_type": "video", "content_id": str(uuid.uuid4()), "reason": "boring"},
        {
            "content_type": "video",
            "content_id": str(uuid.uuid4()),
            "reason": "spam",
            "description": "x" * 2001,
        },
    ],
)
def test_bad_reports_store_nothing(client, users, body):
    ada = users.create()
    response = client.post(f"{BASE}/reports/", json=body, headers=users.session_headers(ada))
    assert_error(response, 400, "validation_error")
    assert db.session.query(ContentReport).count() == 0


def test_anonymous_people_cannot_report(client):
    body = {"content_type": "user", "content_id": str(uuid.uuid4()), "reason": "spam"}
    assert_error(client.post(f"{BASE}/reports/", json=body), 401)


def test_reasons_and_content_types_are_listed_for_anyone(client):
    reasons = client.get(f"{BASE}/report-types/").get_json()
    assert {
        "value": "violence",
        "label": "Violence or threats",
        "severity": 4,
        "severity_label": "critical",
    } in reasons
    types = [t["value"] for t in client.get(f"{BASE}/content-types/").get_json()]
    assert types == [
        "user",
        "video",
        "party",
        "chat_message",
        "video_comment",
        "creator_post",
        "direct_message",
    ]


def test_a_decided_report_lets_the_same_person_report_again(client, users, parties):
    ada, moderator = users.create(), users.moderator()
    _, _, message = chat_room(users, parties, ada)
    first = filed(client, users, ada, "chat_message", message.id)
    headers = users.session_headers(moderator)
    dismissed = client.post(
        f"{BASE}/admin/reports/{first['id']}/dismiss/", json={}, headers=headers
    )
    assert dismissed.status_code == 200, dismissed.get_json()
    filed(client, users, ada, "chat_message", message.id)
    assert db.session.query(ContentReport).count() == 2
