"""GET /api/admin/dashboard/: the figures count real rows, in totals and per UTC day."""

import uuid
from datetime import timedelta

import pytest

from tests.factories import PartyFactory
from tests.helpers import assert_error
from tests.videos.factories import make_video
from watchparty.billing.models import REFUND, Payment
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.moderation.models import ContentReport
from watchparty.parties.models import LIVE
from watchparty.users import activity


def _day(days_ago: int) -> str:
    return (utcnow() - timedelta(days=days_ago)).date().isoformat()


def _value(series: list, day: str) -> int:
    return next(point["value"] for point in series if point["date"] == day)


def test_signups_count_accounts_per_day(client, admin_headers, users, admin):
    old = users.create()
    old.date_joined = utcnow() - timedelta(days=40)
    users.create()
    db.session.commit()
    body = client.get("/api/admin/dashboard/?days=30", headers=admin_headers).get_json()
    signups = body["signups"]
    assert (signups["total"], signups["period"]) == (3, 2)  # the admin, one new person; one old
    assert len(signups["series"]) == 30 and signups["series"][-1]["date"] == _day(0)
    assert _value(signups["series"], _day(0)) == 2
    assert body["days"] == 30


def test_active_users_are_distinct_people_with_activity(client, admin_headers, users):
    ada, bob = users.create(), users.create()
    for _ in range(3):
        activity.record(ada.id, "test_note")
    entry = activity.record(bob.id, "test_note")
    entry.created_at = utcnow() - timedelta(days=2)
    db.session.commit()
    body = client.get("/api/admin/dashboard/?days=7", headers=admin_headers).get_json()
    active = body["active_users"]
    assert active["period"] >= 2
    assert _value(active["series"], _day(2)) == 1
    assert len(active["series"]) == 7


def test_live_parties_and_uploads(client, admin_headers, users):
    host = users.create()
    PartyFactory().create(host, status=LIVE)
    PartyFactory().create(host)
    make_video(host)
    make_video(host)
    body = client.get("/api/admin/dashboard/", headers=admin_headers).get_json()
    assert body["live_parties"]["total"] == 1
    assert (body["uploads"]["total"], _value(body["uploads"]["series"], _day(0))) == (2, 2)


def test_revenue_is_payments_less_refunds_in_the_billing_currency(client, admin_headers, users):
    payer = users.create()
    rows = [
        Payment(user_id=payer.id, kind="subscription", status="succeeded", amount=999),
        Payment(user_id=payer.id, kind="tip", status="succeeded", amount=500),
        Payment(user_id=payer.id, kind=REFUND, status="succeeded", amount=200),
        Payment(user_id=payer.id, kind="tip", status="failed", amount=10_000),
        Payment(user_id=payer.id, kind="tip", status="succeeded", amount=700, currency="eur"),
    ]
    old = Payment(user_id=payer.id, kind="tip", status="succeeded", amount=100)
    db.session.add_all([*rows, old])
    db.session.commit()
    old.created_at = utcnow() - timedelta(days=60)
    db.session.commit()
    revenue = client.get("/api/admin/dashboard/", headers=admin_headers).get_json()["revenue"]
    assert (revenue["total"], revenue["period"], revenue["currency"]) == (1399, 1299, "usd")
    assert _value(revenue["series"], _day(0)) == 1299


def test_open_reports_count_what_waits_and_reports_filed_per_day(client, admin_headers, users):
    reporter = users.create()

    def report(status: str, days_ago: int = 0) -> None:
        row = ContentReport(
            content_type="user",
            content_id=uuid.uuid4(),
            reporter_id=reporter.id,
            reason="spam",
            status=status,
        )
        db.session.add(row)
        db.session.commit()
        row.created_at = utcnow() - timedelta(days=days_ago)
        db.session.commit()

    report("open")
    report("assigned", days_ago=3)
    report("resolved")
    report("open", days_ago=50)
    reports = client.get("/api/admin/dashboard/", headers=admin_headers).get_json()["open_reports"]
    assert (reports["total"], reports["period"]) == (3, 3)
    assert (_value(reports["series"], _day(0)), _value(reports["series"], _day(3))) == (2, 1)


@pytest.mark.parametrize("days", ["6", "91", "x", "-1"])
def test_days_out_of_range_is_a_validation_error(client, admin_headers, days):
    assert_error(
        client.get(f"/api/admin/dashboard/?days={days}", headers=admin_headers),
        400,
        "validation_error",
    )
