"""Video analytics (owner only): totals, engagement, views per day, reaction heatmap across
the parties that played the video, retention; and the caller's channel totals."""

import itertools
from datetime import timedelta

from sqlalchemy import select

from tests.factories import PartyFactory
from tests.videos.factories import plain_video
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.interactive.models import Reaction
from watchparty.parties.models import Party
from watchparty.videos.engagement_models import VideoView

_codes = itertools.count(1)


def _views(video, watch_times, days_ago=0):
    """Stored views (one viewer each) with the given watch times."""
    when = utcnow() - timedelta(days=days_ago)
    for i, watched in enumerate(watch_times):
        key = f"viewer-{days_ago}-{i}-{next(_codes)}"
        db.session.add(
            VideoView(
                video_id=video.id, viewer_key=key, window=1, watch_time=watched, created_at=when
            )
        )
    video.views_count += len(watch_times)
    db.session.commit()


def _party(host, video) -> Party:
    """A party that played `video` (its host never joined: only reactions matter here)."""
    return PartyFactory().create(host, join_host=False, title="Night", video_id=video.id)


def test_summary_totals_and_engagement(client, users):
    owner = users.create()
    video = plain_video(owner, likes_count=2, comments_count=1, shares_count=1)
    _views(video, [10, 20, 30, 40])
    # The same viewer in a second window: a view, but not a new unique viewer.
    again = db.session.scalars(select(VideoView.viewer_key)).first()
    db.session.add(VideoView(video_id=video.id, viewer_key=again, window=2))
    video.views_count += 1
    db.session.commit()
    body = client.get(
        f"/api/videos/{video.id}/analytics/", headers=users.session_headers(owner)
    ).get_json()
    assert body["total_views"] == 5 and body["unique_viewers"] == 4
    assert body["watch_time"] == 100.0 and body["average_watch_time"] == 20.0
    assert body["engagement_rate"] == 0.8  # (2 + 1 + 1) / 5
    assert (body["likes"], body["comments"], body["shares"]) == (2, 1, 1)


def test_engagement_is_zero_without_views(client, users):
    owner = users.create()
    video = plain_video(owner, likes_count=3)
    body = client.get(
        f"/api/videos/{video.id}/analytics/", headers=users.session_headers(owner)
    ).get_json()
    assert body["engagement_rate"] == 0.0 and body["average_watch_time"] == 0.0


def test_analytics_are_403_for_a_viewer_and_404_for_a_private_video(client, users, me):
    owner = users.create()
    public, private = plain_video(owner), plain_video(owner, visibility="private")
    for tail in ("", "detailed/", "heatmap/", "retention/"):
        assert (
            client.get(f"/api/videos/{public.id}/analytics/{tail}", headers=me[1]).status_code
            == 403
        )
        assert (
            client.get(f"/api/videos/{private.id}/analytics/{tail}", headers=me[1]).status_code
            == 404
        )
    assert client.get(f"/api/videos/{public.id}/analytics/").status_code == 401


def test_detailed_counts_views_per_day_for_thirty_days(client, users):
    owner = users.create()
    video = plain_video(owner)
    _views(video, [1, 1], days_ago=0)
    _views(video, [1], days_ago=3)
    _views(video, [1], days_ago=45)  # outside the window
    body = client.get(
        f"/api/videos/{video.id}/analytics/detailed/", headers=users.session_headers(owner)
    ).get_json()
    days = body["views_by_day"]
    assert len(days) == 30 and days[-1]["date"] == utcnow().date().isoformat()
    assert days[-1]["views"] == 2 and days[-4]["views"] == 1
    assert sum(d["views"] for d in days) == 3
    assert body["total_views"] == 4


def test_heatmap_buckets_reactions_from_every_party_that_played_it(client, users):
    owner, guest = users.create(), users.create()
    video, other = plain_video(owner), plain_video(owner)
    first, second, elsewhere = _party(owner, video), _party(guest, video), _party(owner, other)
    for party, emoji, ts in [
        (first, "😂", 3.0),
        (second, "😂", 7.5),
        (second, "🔥", 12.0),
        (elsewhere, "🔥", 1.0),
    ]:
        db.session.add(Reaction(party_id=party.id, user_id=owner.id, emoji=emoji, video_ts=ts))
    db.session.commit()
    body = client.get(
        f"/api/videos/{video.id}/analytics/heatmap/?bucket_seconds=10",
        headers=users.session_headers(owner),
    ).get_json()
    assert body["parties"] == 2 and body["total"] == 3
    assert body["buckets"] == [
        {"start": 0.0, "end": 10.0, "count": 2, "top_emoji": "😂"},
        {"start": 10.0, "end": 20.0, "count": 1, "top_emoji": "🔥"},
    ]


def test_heatmap_rejects_a_bad_bucket(client, users):
    owner = users.create()
    video = plain_video(owner)
    response = client.get(
        f"/api/videos/{video.id}/analytics/heatmap/?bucket_seconds=0",
        headers=users.session_headers(owner),
    )
    assert response.status_code == 400


def test_retention_is_the_share_of_views_reaching_each_tenth(client, users):
    owner = users.create()
    video = plain_video(owner, duration=100.0)
    _views(video, [5, 25, 55, 100])
    body = client.get(
        f"/api/videos/{video.id}/analytics/retention/", headers=users.session_headers(owner)
    ).get_json()
    rates = {p["percent"]: p["retention"] for p in body["points"]}
    assert body["views"] == 4
    assert rates[10] == 0.75 and rates[20] == 0.75 and rates[30] == 0.5
    assert rates[50] == 0.5 and rates[60] == 0.25 and rates[100] == 0.25


def test_retention_without_a_duration_has_no_points(client, users):
    owner = users.create()
    video = plain_video(owner)
    body = client.get(
        f"/api/videos/{video.id}/analytics/retention/", headers=users.session_headers(owner)
    ).get_json()
    assert body["points"] == [] and body["duration"] is None


def test_channel_totals_cover_only_the_callers_videos(client, users, me):
    owner, (stranger, stranger_headers) = users.create(), me
    popular = plain_video(owner, title="Popular", likes_count=5, comments_count=2, shares_count=1)
    quiet = plain_video(owner, title="Quiet", likes_count=1)
    plain_video(stranger, likes_count=100)
    _views(popular, [30, 30, 30])
    _views(quiet, [15])
    body = client.get("/api/videos/analytics/channel/", headers=users.session_headers(owner))
    data = body.get_json()
    assert (data["videos"], data["views"], data["likes"]) == (2, 4, 6)
    assert (data["comments"], data["shares"], data["watch_time"]) == (2, 1, 105.0)
    assert [v["title"] for v in data["top_videos"]] == ["Popular", "Quiet"]
    empty = client.get("/api/videos/analytics/channel/", headers=stranger_headers).get_json()
    assert empty["videos"] == 1 and empty["views"] == 0
