"""The REST surface: bad input is a 400 validation_error, autocomplete, discovery, and the
reindex command that backfills existing rows."""

import pytest
from sqlalchemy import delete

from tests.helpers import assert_error
from tests.search.conftest import ids, video
from watchparty.extensions import db
from watchparty.search.models import SearchDocument


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/search/", {}),
        ("/api/search/", {"q": "   "}),
        ("/api/search/", {"q": "!!!"}),
        ("/api/search/", {"q": "x" * 201}),
        ("/api/search/", {"q": "jazz", "type": "songs"}),
        ("/api/search/", {"q": "jazz", "page": 0}),
        ("/api/search/", {"q": "jazz", "page_size": 101}),
        ("/api/search/", {"q": "jazz", "page": "two"}),
        ("/api/search/", {"q": "jazz", "duration": "forever"}),
        ("/api/search/", {"q": "a\x07b"}),
        ("/api/search/suggest/", {}),
        ("/api/search/suggest/", {"q": "jazz", "limit": 21}),
        ("/api/search/discover/", {"limit": 0}),
    ],
)
def test_bad_input_is_a_400_validation_error(client, path, params):
    assert_error(client.get(path, query_string=params), 400, "validation_error")


def test_search_syntax_never_breaks_the_query(search, users):
    video(users.create(), "Quoted title")
    for q in (
        '"quoted',
        "quoted OR",
        "-quoted",
        "quoted:*",
        "(quoted",
        "quoted & | !",
        "quo_ted",
        "日本 éclair",
    ):
        search(q)  # 200 on both backends, whatever the operators


def test_an_excluded_word_leaves_out_its_matches(search, users):
    ada = users.create()
    keep = video(ada, "Space opera")
    video(ada, "Space horror")
    assert ids(search("space -horror"), "videos") == [str(keep.id)]


def test_suggest_completes_titles_as_typed(search, users, parties):
    ada = users.create()
    v = video(ada, "Galaxy quest")
    p = parties.create(ada, title="Galactic night", visibility="public")
    found = search("gala", path="/api/search/suggest/")
    assert {(s["type"], s["id"]) for s in found["suggestions"]} == {
        ("video", str(v.id)),
        ("party", str(p.id)),
    }
    assert len(search("gala", path="/api/search/suggest/", limit=1)["suggestions"]) == 1


def test_discover_shows_trending_things_and_recommends_them_on_a_cold_start(client, users, parties):
    ada = users.create()
    v = video(ada, "Trending clip", category="Comedy")
    p = parties.create(ada, title="Open party", visibility="public", category="comedy")
    found = client.get("/api/search/discover/").get_json()
    assert [x["id"] for x in found["featured_videos"]] == [str(v.id)]
    assert [x["id"] for x in found["trending_parties"]] == [str(p.id)]
    assert {(r["type"], r["reason"]) for r in found["recommended_content"]} == {
        ("video", "trending"),
        ("party", "trending"),
    }
    assert found["popular_categories"] == [{"name": "comedy", "count": 2}]
    other = client.get("/api/search/discover/?category=drama").get_json()
    assert other["featured_videos"] == [] and other["trending_parties"] == []


def test_reindex_backfills_rows_written_before_the_index(app, search, users):
    row = video(users.create(), "Backfilled film")
    db.session.execute(delete(SearchDocument))
    db.session.commit()
    assert ids(search("backfilled"), "videos") == []
    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "video: 1 indexed" in result.output
    assert ids(search("backfilled"), "videos") == [str(row.id)]
