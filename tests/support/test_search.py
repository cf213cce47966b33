"""Help search across the FAQ and feedback: every word must match, title matches rank above
body matches, anonymous callers may search."""

from tests.support.kit import call, category, entry, feedback


def test_search_finds_faq_and_feedback_and_ranks_title_matches_first(client, users):
    staff, ada = users.admin(), users.create()
    cat = category(client, users, staff)
    title_hit = entry(client, users, staff, cat, "Upload limits", "Files up to 2 GB.")
    body_hit = entry(client, users, staff, cat, "Formats", "Which upload formats work: mp4.")
    entry(client, users, staff, cat, "Passwords", "Reset it from the sign-in page.")
    idea = feedback(client, users, ada, "Faster upload", description="Resume an upload")
    found = call(client, users, None, "get", "/search/?q=UPLOAD")
    assert found["query"] == "UPLOAD" and found["count"] == 3
    ranked = [(r["type"], r["id"]) for r in found["results"]]
    assert ranked[-1] == ("faq", body_hit["id"])
    assert set(ranked[:2]) == {("faq", title_hit["id"]), ("feedback", idea["id"])}
    both = call(client, users, None, "get", "/search/?q=upload%20mp4")["results"]
    assert [r["id"] for r in both] == [body_hit["id"]]
    assert call(client, users, None, "get", "/search/?q=nothing%25here")["count"] == 0
    assert len(call(client, users, None, "get", "/search/?q=upload&limit=1")["results"]) == 1
