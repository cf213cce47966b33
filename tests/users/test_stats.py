"""GET /api/users/stats/ and GET /api/users/dashboard/stats/."""

import pytest

from watchparty.users import stats


@pytest.fixture
def contributor(monkeypatch):
    """A stand-in for a later domain's stats contributor."""
    monkeypatch.setattr(stats, "_contributors", [])

    def fake(user_id, week_start):
        return {
            "parties_hosted": 3,
            "parties_joined": 4,
            "parties_this_week": 2,
            "videos_uploaded": 5,
            "videos_this_week": 1,
            "watch_time_minutes": 150,
            "watch_time_minutes_this_week": 45,
            "friends_count": 6,
            "not_a_fact": 99,
        }

    stats.register_contributor(fake)
    stats.register_contributor(fake)  # registering twice counts once
    return fake


def test_stats_are_zero_before_parties_videos_and_friends_exist(client, me):
    _, headers = me
    assert client.get("/api/users/stats/", headers=headers).get_json() == {
        "total_parties": 0,
        "total_watch_time": 0,
        "videos_uploaded": 0,
        "friends_count": 0,
    }


def test_dashboard_stats_have_the_seed_004_shape(client, me):
    _, headers = me
    assert client.get("/api/users/dashboard/stats/", headers=headers).get_json() == {
        "total_parties": 0,
        "parties_hosted": 0,
        "parties_joined": 0,
        "total_videos": 0,
        "watch_time_hours": 0,
        "friends_count": 0,
        "recent_activity": {
            "parties_this_week": 0,
            "videos_uploaded_this_week": 0,
            "watch_time_this_week": 0,
        },
    }


def test_registered_contributors_feed_both_endpoints(client, me, contributor):
    _, headers = me
    assert client.get("/api/users/stats/", headers=headers).get_json() == {
        "total_parties": 7,
        "total_watch_time": 150,
        "videos_uploaded": 5,
        "friends_count": 6,
    }
    body = client.get("/api/users/dashboard/stats/", headers=headers).get_json()
    assert body["parties_hosted"] == 3 and body["parties_joined"] == 4
    assert body["watch_time_hours"] == 2.5
    assert body["recent_activity"] == {
        "parties_this_week": 2,
        "videos_uploaded_this_week": 1,
        "watch_time_this_week": 45,
    }
