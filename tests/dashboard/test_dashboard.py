"""GET /api/dashboard/stats/, /api/dashboard/activities/ and /api/users/activity/."""

from datetime import timedelta

import pytest

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.users import activity

FEEDS = ["/api/dashboard/activities/", "/api/users/activity/"]


def test_dashboard_stats_name_the_user_and_their_numbers(client, me):
    user, headers = me
    body = client.get("/api/dashboard/stats/", headers=headers).get_json()
    assert body["user"] == {"id": str(user.id), "name": "Ada Lovelace", "email": user.email}
    assert body["stats"] == {
        "total_parties": 0,
        "recent_parties": 0,
        "total_videos": 0,
        "recent_videos": 0,
        "watch_time_minutes": 0,
    }
    assert body["timestamp"].endswith("Z")


def _log(user, kind, minutes_ago, **data):
    entry = activity.record(user.id, kind, **data)
    entry.created_at = utcnow() - timedelta(minutes=minutes_ago)
    db.session.commit()
    return entry


@pytest.mark.parametrize("path", FEEDS)
def test_feed_lists_own_activities_newest_first_in_both_shapes(client, me, users, path):
    user, headers = me
    old = _log(user, activity.SIGN_IN, 30, method="password")
    new = _log(user, activity.PASSWORD_CHANGED, 5)
    _log(users.create(), activity.SIGN_IN, 1)
    body = client.get(path, headers=headers).get_json()
    assert [a["id"] for a in body["results"]] == [str(new.id), str(old.id)]
    assert body["activities"] == body["results"] and body["total"] == body["count"] == 2
    assert body["results"][1] == {
        "id": str(old.id),
        "type": "sign_in",
        "timestamp": body["results"][1]["timestamp"],
        "data": {"method": "password"},
        "party": None,
        "video": None,
    }
    assert body["results"][1]["timestamp"].endswith("Z")
    assert {"next", "previous", "page_size", "current_page", "total_pages"} <= set(body)


@pytest.mark.parametrize("path", FEEDS)
def test_feed_pages_and_filters_by_type(client, me, path):
    user, headers = me
    for n in range(5):
        _log(user, activity.SIGN_IN if n % 2 else activity.PROFILE_UPDATED, n)
    page = client.get(path, headers=headers, query_string={"limit": 2, "page": 2}).get_json()
    assert page["count"] == 5 and len(page["results"]) == 2 and page["total_pages"] == 3
    signins = client.get(path, headers=headers, query_string={"type": "sign_in"}).get_json()
    assert signins["count"] == 2 and {a["type"] for a in signins["results"]} == {"sign_in"}


@pytest.mark.parametrize("path", FEEDS)
@pytest.mark.parametrize(
    "params", [{"page": 0}, {"page": "x"}, {"page_size": 0}, {"limit": "many"}, {"type": ""}]
)
def test_bad_paging_is_400(client, me, path, params):
    _, headers = me
    response = client.get(path, headers=headers, query_string=params)
    assert response.status_code == 400
    assert response.get_json()["success"] is False


@pytest.mark.parametrize("path", FEEDS)
def test_page_size_is_capped_at_100(client, me, path):
    _, headers = me
    body = client.get(path, headers=headers, query_string={"page_size": 1000}).get_json()
    assert body["page_size"] == 100


@pytest.mark.parametrize("path", [*FEEDS, "/api/dashboard/stats/"])
def test_dashboard_needs_a_token(client, path):
    response = client.get(path)
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"


def test_a_real_sign_in_appears_in_the_feed(client, users):
    user = users.create()
    headers = users.headers(user)
    body = client.get("/api/dashboard/activities/", headers=headers).get_json()
    assert "sign_in" in [a["type"] for a in body["activities"]]
