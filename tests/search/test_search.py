"""Global search on both backends: stems, typos (PostgreSQL) and prefixes, ranking, an index
that follows every write, and privacy decided by each domain's rules."""

import pytest

from tests.search.conftest import ids, video
from watchparty.extensions import db
from watchparty.search import engine
from watchparty.videos.models import PRIVATE, PROCESSING, UNLISTED


def test_a_stem_finds_other_forms_of_the_word(search, users):
    ada = users.create()
    watched = video(ada, "Friends watched a movie")
    video(ada, "Cooking pasta")
    assert ids(search("watching"), "videos") == [str(watched.id)]


def test_a_prefix_finds_the_whole_word(search, users):
    found = video(users.create(), "Documentary about volcanoes")
    assert ids(search("volc"), "videos") == [str(found.id)]


def test_a_typo_finds_the_title_on_postgresql(app, search, users):
    with app.app_context():
        if not engine.postgresql():
            pytest.skip("trigram similarity is PostgreSQL's (SQLite matches prefixes)")
    found = video(users.create(), "Friends watched a movie")
    assert ids(search("wached"), "videos") == [str(found.id)]


def test_title_matches_rank_above_body_matches_and_popular_above_unpopular(search, users):
    ada = users.create()
    in_body = video(ada, "An evening", "we talk about dragons all night")
    quiet = video(ada, "Dragons of the north")
    loud = video(ada, "Dragons of the south", views_count=5000)
    assert ids(search("dragons"), "videos") == [str(loud.id), str(quiet.id), str(in_body.id)]


def test_the_index_follows_an_update_and_a_delete(search, users):
    row = video(users.create(), "Old title")
    row.title = "Brand new heading"
    db.session.commit()
    assert ids(search("old"), "videos") == []
    assert ids(search("heading"), "videos") == [str(row.id)]
    db.session.delete(row)
    db.session.commit()
    assert ids(search("heading"), "videos") == []


def test_private_unlisted_and_unready_videos_are_found_by_their_owner_only(search, users):
    owner, other = users.create(), users.create()
    rows = [
        video(owner, "Secret garden", visibility=PRIVATE),
        video(owner, "Secret link", visibility=UNLISTED),
        video(owner, "Secret draft", status=PROCESSING),
    ]
    assert ids(search("secret"), "videos") == []
    assert ids(search("secret", as_=other), "videos") == []
    assert sorted(ids(search("secret", as_=owner), "videos")) == sorted(str(r.id) for r in rows)


def test_a_private_video_is_found_by_members_of_a_party_that_plays_it(search, users, parties):
    owner, member, stranger = users.create(), users.create(), users.create()
    row = video(owner, "Secret garden", visibility=PRIVATE)
    party = parties.create(owner, title="Garden club", video_id=row.id)
    parties.add(party, member)
    assert ids(search("garden", as_=member), "videos") == [str(row.id)]
    assert ids(search("garden", as_=stranger), "videos") == []


def test_a_private_party_is_found_by_its_host_and_members_only(search, users, parties):
    host, member, stranger = users.create(), users.create(), users.create()
    party = parties.create(host, title="Midnight horror marathon", visibility="private")
    public = parties.create(host, title="Horror for everyone", visibility="public")
    parties.add(party, member)
    assert ids(search("horror"), "parties") == [str(public.id)]
    assert ids(search("horror", as_=stranger), "parties") == [str(public.id)]
    for who in (host, member):
        assert sorted(ids(search("horror", as_=who), "parties")) == sorted(
            [str(party.id), str(public.id)]
        )


def test_a_deleted_party_is_not_found(search, users, parties):
    from watchparty.common.types import utcnow

    party = parties.create(users.create(), title="Gone party", visibility="public")
    party.deleted_at = utcnow()
    db.session.commit()
    assert search("gone")["total_results"] == 0


def test_people_are_found_by_name_unless_they_opted_out(search, users):
    viewer = users.create()
    grace = users.create(first_name="Grace", last_name="Hopper")
    shy = users.create(first_name="Grace", last_name="Shy")
    shy.privacy_settings = {"searchable": False}
    db.session.commit()
    found = search("grace", as_=viewer)
    assert ids(found, "users") == [str(grace.id)]
    assert found["results"]["users"][0]["username"] == "Grace Hopper"
    assert ids(search("grace"), "users") == []  # people are for signed-in users


def test_a_block_hides_people_and_their_things_both_ways(client, search, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    mine = video(ada, "Ada films")
    theirs = video(bob, "Bob films")
    response = client.post(
        "/api/users/block/", json={"user_id": str(bob.id)}, headers=users.session_headers(ada)
    )
    assert response.status_code in (200, 201), response.get_json()
    assert ids(search("bob", as_=ada), "users") == []
    assert ids(search("ada", as_=bob), "users") == []
    assert ids(search("films", as_=ada), "videos") == [str(mine.id)]
    assert ids(search("films", as_=bob), "videos") == [str(theirs.id)]
    assert sorted(ids(search("films"), "videos")) == sorted([str(mine.id), str(theirs.id)])


def test_type_limits_the_groups_and_facets_count_every_type(search, users, parties):
    ada = users.create()
    video(ada, "Jazz evening", category="music", duration=100)
    video(ada, "Jazz history", category="music", duration=3000)
    parties.create(ada, title="Jazz party", visibility="public", category="music")
    everything = search("jazz")
    assert everything["total_results"] == 3
    assert everything["facets"]["types"] == {
        "videos": 2,
        "parties": 1,
        "users": 0,
        "creators": 0,
        "posts": 0,
    }
    assert everything["facets"]["categories"] == [{"name": "music", "count": 3}]
    assert {d["name"] for d in everything["facets"]["durations"]} == {"short", "long"}
    only = search("jazz", type="parties")
    assert only["total_results"] == 1 and only["results"]["videos"] == []
    assert len(search("jazz", type="videos", duration="long")["results"]["videos"]) == 1
    paged = search("jazz", type="videos", page_size=1, page=2)
    assert len(paged["results"]["videos"]) == 1 and paged["total_pages"] == 2


def test_an_edit_over_rest_reaches_the_index_at_once(client, search, users):
    owner = users.create()
    row = video(owner, "Working title")
    response = client.patch(
        f"/api/videos/{row.id}/",
        json={"title": "Final cut", "description": "now about glaciers"},
        headers=users.session_headers(owner),
    )
    assert response.status_code == 200, response.get_json()
    assert ids(search("glaciers"), "videos") == [str(row.id)]
    assert ids(search("working"), "videos") == []


def test_privacy_settings_over_rest_hide_a_person_or_their_bio(client, search, users):
    viewer = users.create()
    ada = users.create(first_name="Ada", bio="I love astronomy")
    headers = users.session_headers(ada)
    assert ids(search("astronomy", as_=viewer), "users") == [str(ada.id)]
    url = "/api/users/privacy/settings/"
    assert (
        client.patch(url, json={"profile_visibility": "friends"}, headers=headers).status_code
        == 200
    )
    assert ids(search("astronomy", as_=viewer), "users") == []
    assert ids(search("ada", as_=viewer), "users") == [str(ada.id)]
    assert client.patch(url, json={"searchable": False}, headers=headers).status_code == 200
    assert ids(search("ada", as_=viewer), "users") == []
