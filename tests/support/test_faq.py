"""The FAQ: staff write it, anyone reads it by category and words, a read is counted, and each
signed-in person has one helpful / not helpful vote that they may change."""

from tests.support.kit import call, category, entry
from watchparty.extensions import db
from watchparty.support.models import Faq, FaqVote


def _seed(client, users, staff):
    account = category(client, users, staff, "Account", position=1)
    video = category(client, users, staff, "Videos & uploads", position=2)
    reset = entry(client, users, staff, account, "How do I reset my password?", "Use Forgot.")
    upload = entry(client, users, staff, video, "Why is my upload slow?", "Big files take time.")
    return account, video, reset, upload


def test_anyone_lists_categories_with_counts_and_entries_by_category_or_words(client, users):
    staff = users.admin()
    account, video, reset, upload = _seed(client, users, staff)
    cats = call(client, users, None, "get", "/faq/categories/")
    assert [(c["name"], c["slug"], c["faq_count"]) for c in cats] == [
        ("Account", "account", 1),
        ("Videos & uploads", "videos-uploads", 1),
    ]
    everything = call(client, users, None, "get", "/faq/")
    assert [f["id"] for f in everything["results"]] == [reset["id"], upload["id"]]
    by_slug = call(client, users, None, "get", "/faq/?category=videos-uploads")
    assert [f["question"] for f in by_slug["results"]] == ["Why is my upload slow?"]
    by_id = call(client, users, None, "get", f"/faq/?category={account['id']}")
    assert [f["id"] for f in by_id["results"]] == [reset["id"]]
    found = call(client, users, None, "get", "/faq/?search=BIG%20files")
    assert [f["id"] for f in found["results"]] == [upload["id"]]
    assert call(client, users, None, "get", "/faq/?category=nothing")["count"] == 0
    assert call(client, users, None, "get", "/faq/?search=100%25")["count"] == 0


def test_viewing_an_entry_counts_each_read(client, users):
    staff = users.admin()
    _, _, reset, _ = _seed(client, users, staff)
    call(client, users, None, "get", f"/faq/{reset['id']}/view/")
    seen = call(client, users, users.create(), "get", f"/faq/{reset['id']}/view/")
    assert seen["views"] == 2 and seen["answer"] == "Use Forgot."


def test_one_vote_per_person_and_voting_again_changes_it(client, users):
    staff, ada, bob = users.admin(), users.create(), users.create()
    _, _, reset, _ = _seed(client, users, staff)
    path = f"/faq/{reset['id']}/vote/"
    first = call(client, users, ada, "post", path, helpful=True)
    assert (first["helpful"], first["not_helpful"], first["my_vote"]) == (1, 0, True)
    again = call(client, users, ada, "post", path, helpful=True)
    assert (again["helpful"], again["not_helpful"]) == (1, 0)
    changed = call(client, users, ada, "post", path, helpful=False)
    assert (changed["helpful"], changed["not_helpful"], changed["my_vote"]) == (0, 1, False)
    bobs = call(client, users, bob, "post", path, helpful=True)
    assert (bobs["helpful"], bobs["not_helpful"]) == (1, 1)
    assert db.session.query(FaqVote).count() == 2
    listed = call(client, users, ada, "get", "/faq/?category=account")["results"][0]
    assert listed["my_vote"] is False
    assert (
        call(client, users, None, "get", "/faq/?category=account")["results"][0]["my_vote"] is None
    )


def test_voting_needs_a_sign_in_and_an_existing_entry(client, users):
    staff = users.admin()
    _, _, reset, _ = _seed(client, users, staff)
    call(client, users, None, "post", f"/faq/{reset['id']}/vote/", 401, helpful=True)
    missing = "/faq/00000000-0000-4000-8000-000000000000/vote/"
    call(client, users, users.create(), "post", missing, 404, helpful=True)


def test_staff_change_and_delete_entries_and_empty_categories(client, users):
    staff = users.admin()
    account, video, reset, upload = _seed(client, users, staff)
    moved = call(client, users, staff, "patch", f"/faq/{reset['id']}/", category_id=video["id"])
    assert moved["category"]["slug"] == "videos-uploads"
    renamed = call(client, users, staff, "patch", f"/faq/categories/{account['id']}/", name="Me")
    assert (renamed["slug"], renamed["faq_count"]) == ("me", 0)
    call(client, users, users.create(), "post", f"/faq/{upload['id']}/vote/", helpful=True)
    conflict = call(client, users, staff, "delete", f"/faq/categories/{video['id']}/", 409)
    assert conflict["error"] == "category_not_empty"
    call(client, users, staff, "delete", f"/faq/{upload['id']}/")
    assert db.session.query(FaqVote).count() == 0
    call(client, users, staff, "delete", f"/faq/categories/{account['id']}/")
    assert db.session.query(Faq).count() == 1
    taken = call(client, users, staff, "post", "/faq/categories/", 409, name="Videos & uploads")
    assert taken["error"] == "category_exists"
