"""Shares: a tracked link, the platform's intent URL with everything encoded, a counter."""

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select

from tests.videos.factories import plain_video
from watchparty.extensions import db
from watchparty.videos.engagement_models import VideoShare
from watchparty.videos.models import Video


def _video(owner, **fields) -> Video:
    return plain_video(owner, **({"title": "Night & Day"} | fields))


def _share(client, video, headers, **body):
    return client.post(f"/api/videos/{video.id}/share/", json=body, headers=headers)


def test_twitter_share_encodes_the_link_and_message(client, users, me):
    video = _video(users.create())
    body = _share(client, video, me[1], platform="twitter", message="Watch this & #wow").get_json()
    share = db.session.scalar(select(VideoShare))
    assert body["share_url"] == f"http://localhost:5000/videos/{video.id}?ref={share.id}"
    parts = urlsplit(body["platform_url"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "twitter.com", "/intent/tweet")
    assert parse_qs(parts.query) == {"url": [body["share_url"]], "text": ["Watch this & #wow"]}
    assert body["platform"] == "twitter" and body["message"] == "Watch this & #wow"
    assert body["shares_count"] == 1 and body["success"] is True


def test_email_share_is_a_mailto_link(client, users, me):
    video = _video(users.create())
    body = _share(client, video, me[1], platform="email").get_json()
    assert body["platform_url"].startswith("mailto:?subject=Night%20%26%20Day&body=")
    assert parse_qs(urlsplit(body["platform_url"]).query)["body"] == [
        f"Night & Day {body['share_url']}"
    ]


def test_every_platform_gets_a_url_and_the_counter_follows(client, users, me):
    video = _video(users.create())
    platforms = [
        "twitter",
        "facebook",
        "whatsapp",
        "telegram",
        "reddit",
        "linkedin",
        "email",
        "link",
    ]
    for platform in platforms:
        body = _share(client, video, me[1], platform=platform).get_json()
        assert body["platform_url"], platform
    assert body["platform_url"] == body["share_url"]  # `link` is the tracked link itself
    db.session.expire_all()
    assert db.session.get(Video, video.id).shares_count == len(platforms)


def test_rejects_an_unknown_platform_and_stores_nothing(client, users, me):
    video = _video(users.create())
    response = _share(client, video, me[1], platform="myspace")
    assert response.status_code == 400
    assert "platform" in response.get_json()["errors"]
    assert _share(client, video, me[1]).status_code == 400
    assert _share(client, video, me[1], platform="link", message="x" * 501).status_code == 400
    assert db.session.scalar(select(func.count()).select_from(VideoShare)) == 0


def test_requires_authentication(client, users):
    video = _video(users.create())
    assert (
        client.post(f"/api/videos/{video.id}/share/", json={"platform": "link"}).status_code == 401
    )


def test_returns_404_for_a_private_video_of_someone_else(client, users, me):
    video = _video(users.create(), visibility="private")
    assert _share(client, video, me[1], platform="link").status_code == 404
