"""Admins' notifications: broadcasts fanned out by workers in batches (each person once, even
when a batch runs again), templates with variables sent in bulk, channels, statistics and
cleanup; nobody else may use them, and bad input changes nothing."""

from datetime import timedelta

import pytest

from tests.helpers import assert_error
from watchparty.common.notify import notify
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.notifications import broadcast
from watchparty.notifications.models import Notification, Template


def test_a_broadcast_reaches_everyone_in_batches_once(client, users, run_jobs, monkeypatch):
    monkeypatch.setattr(broadcast, "BATCH", 2)  # five people: three chained batches
    admin = users.admin()
    people = [users.create() for _ in range(4)]
    answer = client.post(
        "/api/notifications/push/broadcast/",
        headers=users.session_headers(admin),
        json={"title": "Hello", "message": "New features!", "target_users": ["all"]},
    )
    assert answer.status_code == 202 and answer.get_json()["target_count"] == 5
    run_jobs()
    rows = db.session.query(Notification).all()
    assert sorted(r.user_id for r in rows) == sorted([admin.id] + [p.id for p in people])
    assert {(r.type, r.title, r.message) for r in rows} == {("broadcast", "Hello", "New features!")}
    broadcast_id = answer.get_json()["broadcast_id"]
    broadcast.fan_out(broadcast_id, "broadcast", "Hello", "New features!", {}, None, None)
    run_jobs()  # the batch run again chains the next batches again
    assert db.session.query(Notification).count() == 5  # a batch run again adds nothing


def test_seed_admin_paths_send_to_listed_people_only(client, users, run_jobs):
    admin, ada, bob = users.admin(), users.create(), users.create()
    headers = users.session_headers(admin)
    sent = client.post(
        "/api/admin/notifications/send/",
        headers=headers,
        json={"title": "Hi", "message": "Just you", "recipients": [str(ada.id)]},
    )
    assert sent.status_code == 202
    client.post(
        "/api/admin/broadcast/",
        headers=headers,
        json={"message": "Maintenance", "type": "announcement", "target_users": [str(bob.id)]},
    )
    run_jobs()
    assert {(r.user_id, r.message) for r in db.session.query(Notification)} == {
        (ada.id, "Just you"),
        (bob.id, "Maintenance"),
    }


def test_announcements_switched_off_are_not_broadcast_to_you(client, users, run_jobs):
    admin, ada = users.admin(), users.create()
    client.put(
        "/api/notifications/preferences/",
        json={"announcements": False},
        headers=users.session_headers(ada),
    )
    client.post(
        "/api/admin/broadcast/",
        headers=users.session_headers(admin),
        json={"message": "Hi all", "target_users": "all"},
    )
    run_jobs()
    assert [r.user_id for r in db.session.query(Notification)] == [admin.id]


def test_a_template_is_rendered_with_its_variables_and_sent_in_bulk(client, users, run_jobs):
    admin, ada = users.admin(), users.create()
    headers = users.session_headers(admin)
    made = client.post(
        "/api/notifications/templates/",
        headers=headers,
        json={
            "name": "launch",
            "title": "{{ product }} is here",
            "body": "Try {{ product }} today",
        },
    )
    assert made.status_code == 201
    template_id = made.get_json()["id"]
    assert (
        client.get(f"/api/notifications/templates/{template_id}/", headers=headers).status_code
        == 200
    )
    assert [
        t["name"] for t in client.get("/api/notifications/templates/", headers=headers).get_json()
    ] == ["launch"]
    sent = client.post(
        "/api/notifications/bulk/send/",
        headers=headers,
        json={
            "template_id": template_id,
            "target_users": [str(ada.id)],
            "data": {"product": "Rooms"},
        },
    )
    assert sent.status_code == 202
    run_jobs()
    row = db.session.query(Notification).one()
    assert (row.user_id, row.title, row.message) == (ada.id, "Rooms is here", "Try Rooms today")


def test_stats_channels_delivery_stats_and_cleanup(client, users):
    admin, ada = users.admin(), users.create()
    headers = users.session_headers(admin)
    for n in range(3):
        notify(ada.id, "test", f"n{n}", "m")
    old = db.session.query(Notification).first()
    old.read_at, old.updated_at = utcnow(), utcnow() - timedelta(days=40)
    db.session.commit()
    stats = client.get("/api/notifications/stats/", headers=headers).get_json()
    assert stats["total"] == 3 and stats["unread"] == 2 and stats["by_type"]["test"] == 3
    names = [
        c["name"] for c in client.get("/api/notifications/channels/", headers=headers).get_json()
    ]
    assert names == ["in_app", "email", "web_push", "mobile_push"]
    by_channel = client.get("/api/notifications/delivery-stats/", headers=headers).get_json()
    assert [c["channel"] for c in by_channel] == ["email", "web_push", "mobile_push"]
    done = client.post("/api/notifications/cleanup/", headers=headers, json={"older_than_days": 30})
    assert done.get_json()["deleted"] == 1 and db.session.query(Notification).count() == 2


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/notifications/push/broadcast/", {"message": "x", "target_users": "some"}),
        ("/api/notifications/push/broadcast/", {"message": "", "target_users": "all"}),
        ("/api/admin/broadcast/", {"message": "x"}),
        ("/api/admin/broadcast/", {"message": "x", "target_users": ["not-an-id"]}),
        ("/api/admin/broadcast/", {"message": "x", "type": "spam", "target_users": "all"}),
        ("/api/notifications/templates/", {"name": "t", "title": "{{ x", "body": "b"}),
        ("/api/notifications/templates/", {"name": "t", "title": "t"}),
        ("/api/notifications/bulk/send/", {"template_id": "nope", "target_users": "all"}),
        ("/api/notifications/cleanup/", {"older_than_days": 0}),
    ],
)
def test_bad_admin_input_is_400_and_nothing_is_stored(client, users, path, body):
    assert_error(client.post(path, json=body, headers=users.session_headers(users.admin())), 400)
    assert db.session.query(Notification).count() == db.session.query(Template).count() == 0


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/notifications/templates/"),
        ("get", "/api/notifications/stats/"),
        ("post", "/api/notifications/push/broadcast/"),
        ("post", "/api/admin/broadcast/"),
        ("post", "/api/notifications/cleanup/"),
        ("get", "/api/notifications/delivery-stats/"),
    ],
)
def test_only_admins_may(client, users, method, path):
    response = getattr(client, method)(path, json={}, headers=users.session_headers(users.create()))
    assert_error(response, 403)


def test_a_template_is_changed_and_deleted_and_its_name_stays_unique(client, users):
    headers = users.session_headers(users.admin())
    base = "/api/notifications/templates/"
    first = client.post(base, headers=headers, json={"name": "a", "title": "t", "body": "b"})
    client.post(base, headers=headers, json={"name": "b", "title": "t", "body": "b"})
    url = f"{base}{first.get_json()['id']}/"
    assert client.patch(url, headers=headers, json={"title": "New"}).get_json()["title"] == "New"
    assert_error(client.patch(url, headers=headers, json={"name": "b"}), 409, "template_exists")
    assert client.get(url, headers=headers).get_json()["name"] == "a"
    assert client.delete(url, headers=headers).status_code == 204
    assert_error(client.get(url, headers=headers), 404, "template_not_found")


def test_a_marketing_template_emails_its_html_only_to_those_who_opted_in(
    client, users, run_jobs, smtp
):
    admin, keen, quiet = users.admin(), users.create(), users.create()
    client.put(
        "/api/notifications/preferences/",
        json={"marketing": True},
        headers=users.session_headers(keen),
    )
    headers = users.session_headers(admin)
    made = client.post(
        "/api/notifications/templates/",
        headers=headers,
        json={
            "name": "sale",
            "type": "marketing",
            "title": "{{ what }} sale",
            "body": "All {{ what }}",
            "html": "<p>All <b>{{ what }}</b></p>",
        },
    ).get_json()
    client.post(
        "/api/notifications/bulk/send/",
        headers=headers,
        json={
            "template_id": made["id"],
            "target_users": [str(keen.id), str(quiet.id)],
            "data": {"what": "<popcorn>"},
        },
    )
    run_jobs()
    mail = smtp.wait_for(keen.email)
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert "<b>&lt;popcorn&gt;</b>" in html  # the template's HTML, its values escaped
    assert mail["Subject"] == "<popcorn> sale"
    assert not [m for m in smtp.messages if quiet.email in str(m["To"])]
    assert [n.user_id for n in db.session.query(Notification)] == [keen.id]
