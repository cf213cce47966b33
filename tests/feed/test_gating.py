"""Gated posts: the body and media reach the creator and active subscribers of a chosen tier
only; the feed and a creator's posts show them locked to everyone else, and the media URLs
themselves refuse a non-entitled, anonymous, revoked or expired request."""

from urllib.parse import parse_qs, urlsplit

from tests.feed.conftest import local, post, subscribe, with_image
from tests.helpers import assert_error
from tests.videos.factories import ready_video
from watchparty.extensions import db
from watchparty.videos.models import PRIVATE


def _gated_with_image(client, star):
    made = post(client, star, title="Secret", text="Only gold", tier_ids=[star.tiers["Gold"].id])
    return with_image(client, star, made["id"])


def _shown(client, url, headers=None):
    response = client.get(url, headers=headers or {})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["results"]


def test_the_feed_shows_followed_and_subscribed_posts_newest_first_locked_when_gated(
    client, creators, people
):
    star, other, fan, stranger = creators("Gold", "Silver"), creators(), people(), people()
    first = post(client, star, title="Open")
    gated = _gated_with_image(client, star)
    post(client, other, title="Not followed")
    client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers)
    shown = _shown(client, "/api/feed/", fan.headers)
    assert [p["id"] for p in shown] == [gated["id"], first["id"]]
    locked = shown[0]
    assert locked["locked"] is True and locked["title"] == "Secret"
    assert [t["name"] for t in locked["tiers"]] == ["Gold"]
    assert locked["text"] is None and locked["image_url"] is None and locked["video"] is None
    assert shown[1]["locked"] is False and shown[1]["text"] == "The body"
    assert _shown(client, "/api/feed/", stranger.headers) == []
    assert_error(client.get("/api/feed/"), 401)

    subscribe(stranger, star, star.tiers["Gold"])  # subscribers see it without following
    opened = _shown(client, "/api/feed/", stranger.headers)[0]
    assert opened["locked"] is False and opened["text"] == "Only gold" and opened["image_url"]


def test_a_creators_posts_lock_for_anonymous_other_tiers_and_lapsed_subscribers(
    client, creators, people
):
    star, silver_fan, lapsed, gold_fan = creators("Gold", "Silver"), people(), people(), people()
    _gated_with_image(client, star)
    subscribe(silver_fan, star, star.tiers["Silver"])
    subscribe(lapsed, star, star.tiers["Gold"], status="canceled")
    subscribe(gold_fan, star, star.tiers["Gold"])
    url = f"/api/creators/{star.id}/posts/"
    for headers in ({}, silver_fan.headers, lapsed.headers):
        (seen,) = _shown(client, url, headers)
        assert seen["locked"] is True and seen["text"] is None and seen["image_url"] is None
    for headers in (gold_fan.headers, star.headers):
        (seen,) = _shown(client, url, headers)
        assert seen["locked"] is False and seen["text"] == "Only gold"


def test_the_image_url_serves_an_entitled_viewer_and_refuses_everyone_else(
    client, creators, people
):
    star, fan, stranger = creators("Gold"), people(), people()
    subscription = subscribe(fan, star, star.tiers["Gold"])
    made = _gated_with_image(client, star)
    (seen,) = _shown(client, f"/api/creators/{star.id}/posts/", fan.headers)
    image_url = local(seen["image_url"])
    redirect = client.get(image_url)
    assert redirect.status_code == 302
    stored = client.get(local(redirect.headers["Location"]))
    assert stored.status_code == 200 and stored.data.startswith(b"\xff\xd8")  # re-encoded JPEG

    bare = f"/api/feed/posts/{made['id']}/image/"
    assert_error(client.get(bare), 403, "post_locked")  # anonymous
    assert_error(client.get(bare, headers=stranger.headers), 403, "post_locked")
    assert client.get(bare, headers=fan.headers).status_code == 302
    forged = image_url[:-3] + "xyz"
    assert_error(client.get(forged, headers=stranger.headers), 403, "invalid_media_token")
    storage_path = urlsplit(redirect.headers["Location"]).path
    assert_error(client.get(storage_path), 404)  # the stored file without a signature

    subscription.status = "canceled"  # the subscription ends: the URL handed out stops
    db.session.commit()
    assert_error(client.get(image_url), 403, "post_locked")


def test_an_expired_image_url_is_refused(app, client, creators, monkeypatch):
    star = creators("Gold")
    made = with_image(client, star, post(client, star)["id"])
    url = local(made["image_url"])
    assert client.get(url).status_code == 302
    monkeypatch.setitem(app.config, "PLAYBACK_URL_TTL", -1)
    assert_error(client.get(url), 403, "invalid_media_token")


def test_a_gated_video_plays_for_subscribers_only(client, creators, people, clips):
    star, fan, stranger = creators("Gold"), people(), people()
    subscription = subscribe(fan, star, star.tiers["Gold"])
    video = ready_video(
        star.user, clips("feed-360p.mp4", seconds=2, size="640x360"), visibility=PRIVATE
    )
    post(client, star, video_id=str(video.id), tier_ids=[star.tiers["Gold"].id])
    (seen,) = _shown(client, f"/api/creators/{star.id}/posts/", fan.headers)
    streaming = local(seen["video"]["streaming_url"])
    master = client.get(streaming)
    assert master.status_code == 200 and "360p/index.m3u8" in master.get_data(as_text=True)

    (locked,) = _shown(client, f"/api/creators/{star.id}/posts/", stranger.headers)
    assert locked["video"] is None
    bare = f"/api/videos/{video.id}/hls/master.m3u8"
    assert_error(client.get(bare), 404)
    assert_error(client.get(bare, headers=stranger.headers), 404)
    token = parse_qs(urlsplit(streaming).query)["token"][0]
    assert token and client.get(f"{bare}?token={token}x").status_code == 403

    subscription.status = "canceled"
    db.session.commit()
    assert_error(client.get(streaming), 403, "access_revoked")
