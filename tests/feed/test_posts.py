"""Creators' posts: publish, edit, delete; every bad input is refused with nothing changed."""

import io
import uuid

import pytest

from tests.feed.conftest import post
from tests.helpers import assert_error
from tests.users.conftest import image_bytes
from tests.videos.factories import make_video
from watchparty.extensions import db
from watchparty.feed.models import Post, PostTier
from watchparty.videos.models import PRIVATE, PROCESSING

URL = "/api/feed/posts/"


def test_a_creator_publishes_a_gated_post_and_edits_and_deletes_it(client, creators):
    star = creators("Gold", "Silver")
    gold, silver = star.tiers["Gold"], star.tiers["Silver"]
    made = post(client, star, title="Behind the scenes", tier_ids=[gold.id])
    assert made["visibility"] == "tiers" and made["locked"] is False
    assert [t["name"] for t in made["tiers"]] == ["Gold"] and made["text"] == "The body"
    url = f"{URL}{made['id']}/"
    edited = client.patch(
        url, json={"tier_ids": [str(silver.id), str(gold.id)], "text": "New"}, headers=star.headers
    )
    assert edited.status_code == 200, edited.get_json()
    assert {t["name"] for t in edited.get_json()["tiers"]} == {"Gold", "Silver"}
    public = client.patch(url, json={"visibility": "public"}, headers=star.headers).get_json()
    assert public["visibility"] == "public" and public["tiers"] == []
    assert client.delete(url, headers=star.headers).status_code == 204
    assert_error(client.get(url), 404, "post_not_found")
    assert db.session.query(PostTier).count() == 0


def test_a_post_may_carry_one_of_the_creators_ready_videos(client, creators):
    star = creators("Gold")
    public_video = make_video(star.user)
    private_video = make_video(star.user, visibility=PRIVATE)
    assert post(client, star, video_id=str(public_video.id))["video"] is None  # no ladder yet
    gated = {"tier_ids": [str(star.tiers["Gold"].id)], "visibility": "tiers"}
    body = {"title": "t", "video_id": str(private_video.id), **gated}
    assert client.post(URL, json=body, headers=star.headers).status_code == 201


def _refused(client, star, body, status, code=None):
    before = db.session.query(Post).count()
    response = client.post(URL, json=body, headers=star.headers)
    assert_error(response, status, code)
    assert db.session.query(Post).count() == before


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": ""},
        {"title": "   "},
        {"title": "x" * 201},
        {"title": "t", "text": "x" * 5001},
        {"title": "t", "visibility": "friends"},
        {"title": "t", "tier_ids": ["nope"]},
        {"title": "t", "tier_ids": "abc"},
        {"title": "t", "video_id": "nope"},
        {"title": "t", "surprise": 1},
        {"title": 5},
    ],
)
def test_malformed_posts_are_400_and_nothing_is_stored(client, creators, body):
    _refused(client, creators("Gold"), body, 400, "validation_error")


def test_tier_rules_are_enforced(client, creators):
    star, rival = creators("Gold"), creators("Gold")
    _refused(client, star, {"title": "t", "visibility": "tiers"}, 400, "tiers_required")
    gold = str(star.tiers["Gold"].id)
    _refused(client, star, {"title": "t", "tier_ids": [gold]}, 400, "tiers_not_allowed")
    theirs = {"title": "t", "visibility": "tiers", "tier_ids": [str(rival.tiers["Gold"].id)]}
    _refused(client, star, theirs, 400, "unknown_tier")
    star.tiers["Gold"].is_active = False
    db.session.commit()
    _refused(client, star, {"title": "t", "visibility": "tiers", "tier_ids": [gold]}, 400)


def test_video_rules_are_enforced(client, creators, people):
    star, other = creators("Gold"), people()
    gold = {"visibility": "tiers", "tier_ids": [str(star.tiers["Gold"].id)]}
    public, private = make_video(star.user), make_video(star.user, visibility=PRIVATE)
    _refused(client, star, {"title": "t", "video_id": str(private.id)}, 400, "video_visibility")
    _refused(client, star, {"title": "t", "video_id": str(public.id), **gold}, 400)
    busy = make_video(star.user, status=PROCESSING)
    _refused(client, star, {"title": "t", "video_id": str(busy.id)}, 409, "video_not_ready")
    _refused(client, star, {"title": "t", "video_id": str(make_video(other.user).id)}, 403)
    _refused(client, star, {"title": "t", "video_id": str(uuid.uuid4())}, 404)


def test_only_creators_post_and_only_the_author_edits(client, creators, people):
    star, rival, fan = creators(), creators(), people()
    assert_error(client.post(URL, json={"title": "t"}, headers=fan.headers), 403, "not_a_creator")
    assert_error(client.post(URL, json={"title": "t"}), 401)
    made = post(client, star, title="Mine")
    url = f"{URL}{made['id']}/"
    assert_error(
        client.patch(url, json={"title": "x"}, headers=rival.headers), 403, "not_your_post"
    )
    assert_error(client.delete(url, headers=fan.headers), 403, "not_your_post")
    assert_error(
        client.patch(f"{URL}{uuid.uuid4()}/", json={"title": "x"}, headers=star.headers), 404
    )
    assert db.session.get(Post, uuid.UUID(made["id"])).title == "Mine"


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"text": "x" * 5001},
        {"visibility": "tiers"},
        {"tier_ids": ["00000000-0000-0000-0000-000000000000"]},
        {"video_id": "nope"},
        {"unknown": True},
    ],
)
def test_bad_edits_are_refused_and_the_post_stays(client, creators, changes):
    star = creators("Gold")
    made = post(client, star, title="Kept", text="Same")
    response = client.patch(f"{URL}{made['id']}/", json=changes, headers=star.headers)
    assert 400 <= response.status_code < 500 and response.get_json()["success"] is False
    db.session.expire_all()
    row = db.session.get(Post, uuid.UUID(made["id"]))
    assert (row.title, row.text, row.visibility, row.post_tiers) == ("Kept", "Same", "public", [])


def test_bad_image_uploads_are_refused_and_the_post_keeps_no_image(client, creators):
    star, fan = creators(), creators()
    made = post(client, star)
    url = f"{URL}{made['id']}/image/"
    text = {"image": (io.BytesIO(b"not an image"), "x.png")}
    assert_error(client.post(url, data=text, headers=star.headers), 415)
    assert_error(client.post(url, data={}, headers=star.headers), 400)
    empty = {"image": (io.BytesIO(b""), "x.png")}
    assert_error(client.post(url, data=empty, headers=star.headers), 400)
    theirs = {"image": (io.BytesIO(image_bytes()), "x.png")}
    assert_error(client.post(url, data=theirs, headers=fan.headers), 403, "not_your_post")
    assert db.session.get(Post, uuid.UUID(made["id"])).image_key is None
