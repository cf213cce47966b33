"""Creators and their posts in search: a gated post is found by its title only, shown locked
(no text) to those without its tier, in full to its subscribers and its creator."""

from tests.feed.conftest import post, subscribe
from tests.search.conftest import ids


def test_a_gated_post_body_is_never_matched_or_shown_to_outsiders(
    client, search, users, creators, people
):
    creator = creators("Gold")
    gated = post(
        client,
        creator,
        title="Bonus cut",
        text="the hidden ending with wolves",
        tier_ids=[creator.tiers["Gold"].id],
    )
    outsider, fan = people(), people()
    subscribe(fan, creator, creator.tiers["Gold"])
    assert search("wolves", as_=outsider.user)["total_results"] == 0
    assert search("wolves")["total_results"] == 0
    locked = search("bonus", as_=outsider.user)["results"]["posts"]
    assert [p["id"] for p in locked] == [gated["id"]]
    assert locked[0]["locked"] is True and locked[0]["text"] is None
    for who in (fan.user, creator.user):
        shown = search("bonus", as_=who)["results"]["posts"][0]
        assert shown["locked"] is False and shown["text"] == "the hidden ending with wolves"


def test_a_public_post_is_found_by_its_text(client, search, creators):
    creator = creators()
    public = post(client, creator, title="Notes", text="behind the scenes of the volcano shoot")
    found = search("volcano")["results"]["posts"]
    assert [p["id"] for p in found] == [public["id"]] and found[0]["text"].startswith("behind")


def test_a_creator_is_found_by_name_and_bio_and_follows_a_rename(search, creators, users):
    creator = creators(first_name="Orson", last_name="Welles")
    assert ids(search("orson"), "creators") == [creator.id]
    assert ids(search("films", type="creators"), "creators") == [creator.id]  # the bio
    creator.user.first_name = "Rita"
    from watchparty.extensions import db

    db.session.commit()
    assert ids(search("orson"), "creators") == []
    assert ids(search("rita"), "creators") == [creator.id]
