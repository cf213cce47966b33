"""Finding videos: list filters and ordering, who sees what, search facets, trending."""

from datetime import timedelta

import pytest

from tests.helpers import assert_error
from tests.videos.factories import make_video
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.engagement_models import VideoLike, VideoView
from watchparty.videos.models import FAILED, PRIVATE, PROCESSING, UNLISTED


def _titles(response) -> list[str]:
    body = response.get_json()
    assert response.status_code == 200, body
    return [item["title"] for item in body["results"]]


def test_others_see_only_public_ready_videos_and_owners_see_all_of_theirs(client, users, me):
    user, headers = me
    make_video(user, title="mine public")
    make_video(user, title="mine private", visibility=PRIVATE)
    make_video(user, title="mine unlisted", visibility=UNLISTED)
    make_video(user, title="mine processing", status=PROCESSING)
    other = users.create()
    make_video(other, title="their public")
    make_video(other, title="their private", visibility=PRIVATE)
    make_video(other, title="their failed", status=FAILED)
    anonymous = _titles(client.get("/api/videos/?ordering=title"))
    assert anonymous == ["mine public", "their public"]
    mine = _titles(client.get("/api/videos/?ordering=title", headers=headers))
    assert mine == [
        "mine private",
        "mine processing",
        "mine public",
        "mine unlisted",
        "their public",
    ]


def test_filters_by_search_category_uploader_visibility_status_and_format(client, users, me):
    user, headers = me
    other = users.create()
    make_video(user, title="Cats 100%", description="", category="Pets", format="mp4")
    make_video(user, title="Dogs", description="more cats", category="pets", format="webm")
    make_video(user, title="Draft cats", status=PROCESSING)
    make_video(other, title="Their cats", category="music")
    make_video(user, title="Hidden", visibility=PRIVATE)

    def titles(query: str) -> list[str]:
        return sorted(_titles(client.get(f"/api/videos/?{query}", headers=headers)))

    assert titles("search=CATS") == ["Cats 100%", "Dogs", "Draft cats", "Their cats"]
    assert titles("search=100%25") == ["Cats 100%"]
    assert titles("category=PETS") == ["Cats 100%", "Dogs"]
    assert titles(f"uploaded_by={other.id}") == ["Their cats"]
    assert titles(f"uploader={other.id}") == ["Their cats"]
    assert titles("visibility=private") == ["Hidden"]
    assert titles("status=processing") == ["Draft cats"]
    assert titles("format=webm") == ["Dogs"]


@pytest.mark.parametrize(
    "ordering, expected",
    [
        ("-views_count", ["b", "a", "c"]),
        ("likes_count", ["c", "a", "b"]),
        ("title", ["a", "b", "c"]),
        ("-duration", ["c", "a", "b"]),
        ("-uploaded_at", ["c", "b", "a"]),
        ("created_at", ["a", "b", "c"]),
    ],
)
def test_orders_by_the_requested_field(client, me, ordering, expected):
    user, _ = me
    now = utcnow()
    make_video(user, title="a", views_count=5, likes_count=2, duration=10, created_at=now)
    make_video(
        user, title="b", views_count=9, likes_count=3, duration=5, created_at=now + timedelta(1)
    )
    make_video(
        user, title="c", views_count=1, likes_count=1, duration=20, created_at=now + timedelta(2)
    )
    assert _titles(client.get(f"/api/videos/?ordering={ordering}")) == expected


def test_the_default_order_is_newest_first_and_pages_work(client, me):
    user, _ = me
    now = utcnow()
    for n in range(3):
        make_video(user, title=f"v{n}", created_at=now + timedelta(minutes=n))
    body = client.get("/api/videos/?page_size=2").get_json()
    assert [v["title"] for v in body["results"]] == ["v2", "v1"]
    assert (body["count"], body["total_pages"], body["previous"]) == (3, 2, None)
    assert _titles(client.get("/api/videos/?page_size=2&page=2")) == ["v0"]


@pytest.mark.parametrize(
    "query",
    ["ordering=size", "ordering=password_hash", "visibility=secret", "uploaded_by=me", "page=0"],
)
def test_list_rejects_bad_filters_with_400(client, query):
    assert_error(client.get(f"/api/videos/?{query}"), 400)


def test_search_counts_categories_and_qualities_over_every_match(client, users, me):
    user, headers = me
    make_video(user, title="Space one", category="science", qualities=",240p,360p,720p,")
    make_video(user, title="Space two", category="science", qualities=",240p,360p,")
    make_video(user, title="Space three", category="travel", qualities=",240p,")
    make_video(user, title="Space hidden", category="secret", visibility=PRIVATE)
    make_video(user, title="Ocean", category="travel", qualities=",1080p,")
    body = client.get("/api/videos/search/?q=space&page_size=1").get_json()
    assert body["count"] == 3 and len(body["results"]) == 1
    assert body["facets"]["categories"] == [
        {"name": "science", "count": 2},
        {"name": "travel", "count": 1},
    ]
    assert body["facets"]["qualities"] == [
        {"name": "240p", "count": 3},
        {"name": "360p", "count": 2},
        {"name": "720p", "count": 1},
    ]
    owner_view = client.get("/api/videos/search/?q=space", headers=headers).get_json()
    assert {"name": "secret", "count": 1} in owner_view["facets"]["categories"]


def test_search_filters_by_duration_quality_and_sorts(client, me):
    user, _ = me
    make_video(user, title="short", duration=30, qualities=",360p,", views_count=1)
    make_video(user, title="medium", duration=300, qualities=",360p,720p,", views_count=9)
    make_video(user, title="long", duration=3000, qualities=",720p,", views_count=5)
    url = "/api/videos/search/?duration_min=60&duration_max=5000&sort_by=-views_count"
    assert _titles(client.get(url)) == ["medium", "long"]
    assert _titles(client.get("/api/videos/search/?quality=720p&ordering=title")) == [
        "long",
        "medium",
    ]


@pytest.mark.parametrize(
    "query",
    ["duration_min=10&duration_max=5", "duration_min=-1", "quality=hd", "sort_by=random"],
)
def test_search_rejects_bad_parameters_with_400(client, query):
    assert_error(client.get(f"/api/videos/search/?{query}"), 400)


def test_advanced_search_filters_by_uploader_format_and_upload_dates(client, users, me):
    user, _ = me
    other = users.create()
    now = utcnow()
    make_video(user, title="old", format="mkv", created_at=now - timedelta(days=10))
    make_video(user, title="new", format="mkv", created_at=now)
    make_video(other, title="theirs", format="mkv", created_at=now)
    after = (now - timedelta(days=1)).isoformat()
    url = f"/api/videos/search/advanced/?uploader={user.id}&format=MKV&uploaded_after={after}"
    body = client.get(url.replace("+", "%2B")).get_json()
    assert [v["title"] for v in body["results"]] == ["new"]
    assert "facets" in body
    inverted = f"uploaded_after={now.isoformat()}&uploaded_before={after}".replace("+", "%2B")
    assert_error(client.get(f"/api/videos/search/advanced/?{inverted}"), 400)


def test_trending_ranks_public_ready_videos_by_recent_views_and_likes(client, users, me):
    user, _ = me
    fans = [users.create() for _ in range(3)]
    liked = make_video(user, title="liked", views_count=0)
    viewed = make_video(user, title="viewed", views_count=0)
    stale = make_video(user, title="stale", views_count=1000)
    hidden = make_video(user, title="hidden", visibility=PRIVATE)
    old = utcnow() - timedelta(hours=72)
    for n, fan in enumerate(fans):
        db.session.add(VideoView(video_id=viewed.id, user_id=fan.id, viewer_key=str(n), window=1))
        db.session.add(VideoView(video_id=hidden.id, user_id=fan.id, viewer_key=str(n), window=1))
        db.session.add(
            VideoView(
                video_id=stale.id, user_id=fan.id, viewer_key=str(n), window=1, created_at=old
            )
        )
    db.session.add_all(
        [
            VideoLike(video_id=liked.id, user_id=fans[0].id),
            VideoView(video_id=liked.id, user_id=fans[0].id, viewer_key="x", window=1),
        ]
    )
    db.session.commit()
    for url in ("/api/videos/trending/", "/api/videos/analytics/trending/"):
        body = client.get(url).get_json()
        ranked = [(v["title"], v["trending_score"]) for v in body["results"]]
        assert ranked == [("liked", 4), ("viewed", 3), ("stale", 0)]
        assert body["window_hours"] == 48 and "likes" in body["formula"]
