"""Feedback: your own list, a public list ranked by votes, one changeable vote per person, a
rating only its author and staff see, and staff set the status."""

from tests.support.kit import call, feedback
from watchparty.extensions import db
from watchparty.support.models import FeedbackVote


def test_your_feedback_and_the_public_list_ranked_by_votes(client, users):
    ada, bob, cy = users.create(), users.create(), users.create()
    dark = feedback(client, users, ada, "Dark mode", rating=5)
    assert (dark["status"], dark["rating"], dark["score"]) == ("open", 5, 0)
    bug = feedback(client, users, bob, "Crash on upload", type="bug_report")
    for voter in (ada, cy):
        call(client, users, voter, "post", f"/feedback/{bug['id']}/vote/", vote="upvote")
    mine = call(client, users, ada, "get", "/feedback/")["results"]
    assert [f["title"] for f in mine] == ["Dark mode"] and mine[0]["rating"] == 5
    public = call(client, users, cy, "get", "/feedback/?scope=public")["results"]
    assert [(f["title"], f["score"], f["my_vote"]) for f in public] == [
        ("Crash on upload", 2, "upvote"),
        ("Dark mode", 0, None),
    ]
    assert public[1]["rating"] is None  # someone else's rating is theirs
    bugs = call(client, users, cy, "get", "/feedback/?scope=public&type=bug_report")
    assert [f["title"] for f in bugs["results"]] == ["Crash on upload"]
    call(client, users, None, "get", "/feedback/", 401)


def test_one_vote_per_person_and_voting_again_changes_it(client, users):
    ada, bob = users.create(), users.create()
    idea = feedback(client, users, ada)
    path = f"/feedback/{idea['id']}/vote/"
    assert call(client, users, bob, "post", path, vote="upvote")["score"] == 1
    assert call(client, users, bob, "post", path, vote="upvote")["upvotes"] == 1
    changed = call(client, users, bob, "post", path, vote="downvote")
    assert (changed["upvotes"], changed["downvotes"], changed["score"]) == (0, 1, -1)
    assert changed["my_vote"] == "downvote"
    assert db.session.query(FeedbackVote).count() == 1
    call(
        client,
        users,
        bob,
        "post",
        "/feedback/00000000-0000-4000-8000-000000000000/vote/",
        404,
        vote="upvote",
    )


def test_staff_set_the_status_and_see_ratings(client, users):
    ada, staff = users.create(), users.admin()
    idea = feedback(client, users, ada, rating=3)
    planned = call(
        client, users, staff, "post", f"/feedback/{idea['id']}/status/", status="planned"
    )
    assert (planned["status"], planned["rating"]) == ("planned", 3)
    listed = call(client, users, ada, "get", "/feedback/?status=planned")["results"]
    assert [f["id"] for f in listed] == [idea["id"]]
