"""Plan limits where videos and parties are made: a clear 403 naming the limit and the plan.

Limits apply when billing is configured (BILLING_ENFORCE_LIMITS overrides); premium users
are checked against their plan's (bigger) limits.
"""

import io
import uuid

import pytest

from tests.helpers import assert_error
from watchparty.billing import plans
from watchparty.billing.models import Subscription
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.users.models import User
from watchparty.videos.models import Video

GB = 1024**3
MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + bytes(64)


@pytest.fixture
def enforced(app, monkeypatch):
    """Limits on without Stripe traffic (what configured keys do)."""
    monkeypatch.setitem(app.config, "BILLING_ENFORCE_LIMITS", True)


def make_premium(user: User) -> None:
    """An active premium subscription row, as webhooks would leave it."""
    plans.ensure_catalogue()
    db.session.add(
        Subscription(
            user_id=user.id,
            plan_id="premium",
            stripe_subscription_id=f"sub_{uuid.uuid4().hex[:14]}",
            status="active",
        )
    )
    db.session.commit()


def add_videos(user: User, count: int, size: int = 1000) -> None:
    for n in range(count):
        db.session.add(Video(owner_id=user.id, title=f"v{n}", file_size=size))
    db.session.commit()


def create_video(client, headers, **fields):
    body = {"title": "Next", "filename": "next.mp4", "file_size": 1000, **fields}
    return client.post("/api/videos/", json=body, headers=headers)


def test_the_sixth_upload_this_month_on_the_free_plan_is_403(client, me, enforced):
    user, headers = me
    add_videos(user, 5)
    body = assert_error(create_video(client, headers), 403, "plan_limit_reached")
    assert body["errors"] == {"limit": ["videos_per_month"]}
    assert "free plan" in body["message"].lower() and "5" in body["message"]
    assert db.session.query(Video).filter_by(owner_id=user.id).count() == 5


def test_a_multipart_upload_over_the_monthly_count_is_403_and_stores_nothing(client, me, enforced):
    user, headers = me
    add_videos(user, 5)
    data = {"title": "Form", "video_file": (io.BytesIO(MP4_HEAD), "a.mp4")}
    response = client.post("/api/videos/upload/", data=data, headers=headers)
    body = assert_error(response, 403, "plan_limit_reached")
    assert body["errors"]["limit"] == ["videos_per_month"]
    assert db.session.query(Video).filter_by(owner_id=user.id).count() == 5


def test_a_premium_user_uploads_past_the_free_limit(client, me, enforced):
    user, headers = me
    add_videos(user, 5)
    make_premium(user)
    response = create_video(client, headers)
    assert response.status_code == 201, response.get_json()


def test_storage_beyond_the_plan_is_403(client, me, enforced):
    user, headers = me
    add_videos(user, 1, size=2 * GB - 10)
    body = assert_error(create_video(client, headers, file_size=11), 403, "plan_limit_reached")
    assert body["errors"]["limit"] == ["storage_bytes"] and "2 GB" in body["message"]
    assert create_video(client, headers, file_size=10).status_code == 201


def test_completing_a_direct_upload_checks_the_real_size_against_storage(client, me, enforced):
    user, headers = me
    body = {"filename": "a.mp4", "file_size": 100, "content_type": "video/mp4"}
    grant = client.post("/api/videos/upload/s3/", json=body, headers=headers).get_json()
    storage().save(grant["file_key"], MP4_HEAD, "video/mp4")
    add_videos(user, 1, size=2 * GB - len(MP4_HEAD) + 1)
    url = f"/api/videos/upload/{grant['upload_id']}/complete/"
    response = client.post(url, json={"title": "Direct"}, headers=headers)
    assert assert_error(response, 403)["errors"]["limit"] == ["storage_bytes"]
    assert db.session.query(Video).filter_by(title="Direct").count() == 0
    storage().delete(grant["file_key"])


def test_a_party_bigger_than_the_plan_allows_is_403(client, me, enforced):
    user, headers = me
    response = client.post(
        "/api/parties/", json={"title": "Big", "max_participants": 51}, headers=headers
    )
    body = assert_error(response, 403, "plan_limit_reached")
    assert body["errors"]["limit"] == ["max_participants"] and "50" in body["message"]
    party = client.post("/api/parties/", json={"title": "Ok"}, headers=headers).get_json()
    assert party["max_participants"] == 50
    url = f"/api/parties/{party['id']}/"
    assert_error(client.patch(url, json={"max_participants": 51}, headers=headers), 403)
    make_premium(user)
    response = client.patch(url, json={"max_participants": 500}, headers=headers)
    assert response.status_code == 200, response.get_json()


def test_the_eleventh_party_this_month_on_the_free_plan_is_403(client, me, enforced):
    _, headers = me
    for n in range(10):
        response = client.post("/api/parties/", json={"title": f"p{n}"}, headers=headers)
        assert response.status_code == 201, response.get_json()
    response = client.post("/api/parties/", json={"title": "eleventh"}, headers=headers)
    assert assert_error(response, 403)["errors"]["limit"] == ["parties_per_month"]


def test_stripe_keys_turn_limits_on(client, me, stripe_on):
    user, headers = me
    add_videos(user, 5)
    assert_error(create_video(client, headers), 403, "plan_limit_reached")


def test_without_billing_nobody_is_limited(app, client, me):
    user, headers = me
    assert not app.config.get("STRIPE_SECRET_KEY")
    add_videos(user, 5)
    assert create_video(client, headers).status_code == 201


def test_billing_endpoints_answer_503_without_keys_but_plans_list(app, client, me):
    _, headers = me
    assert not app.config.get("STRIPE_SECRET_KEY")
    calls = [
        ("post", "/api/billing/subscribe/", {"plan_id": "premium", "payment_method_id": "pm_1"}),
        ("get", "/api/billing/subscription/", None),
        ("post", "/api/billing/subscription/cancel/", {}),
        ("post", "/api/billing/subscription/resume/", None),
    ]
    for method, url, body in calls:
        response = getattr(client, method)(url, json=body, headers=headers)
        assert_error(response, 503, "billing_not_configured")
    assert client.get("/api/billing/plans/").status_code == 200
