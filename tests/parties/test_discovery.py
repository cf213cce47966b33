"""Lists, filters, recent, public, trending, recommendations, search and reports."""

import uuid

from tests.helpers import assert_error
from tests.parties.helpers import create_party


def _titles(response) -> list[str]:
    body = response.get_json()
    assert response.status_code == 200, body
    return [p["title"] for p in body["results"]]


def test_list_filters_by_status_visibility_search_host_and_category(client, users, me):
    host_user, headers = me
    create_party(client, headers, title="Alien night", category="scifi")
    create_party(client, headers, title="Quiet drama", visibility="private", description="tears")
    live = create_party(client, headers, title="Live show")
    client.post(f"/api/parties/{live['id']}/start/", headers=headers)
    assert set(_titles(client.get("/api/parties/?status=live", headers=headers))) == {"Live show"}
    assert _titles(client.get("/api/parties/?visibility=private", headers=headers)) == [
        "Quiet drama"
    ]
    assert len(_titles(client.get("/api/parties/?is_public=true", headers=headers))) == 2
    assert _titles(client.get("/api/parties/?search=TEARS", headers=headers)) == ["Quiet drama"]
    assert _titles(client.get("/api/parties/?category=SciFi", headers=headers)) == ["Alien night"]
    mine = client.get(f"/api/parties/?host={host_user.id}", headers=headers)
    assert len(_titles(mine)) == 3
    assert _titles(client.get(f"/api/parties/?host={uuid.uuid4()}", headers=headers)) == []
    assert_error(client.get("/api/parties/?status=sleeping", headers=headers), 400)
    assert_error(client.get("/api/parties/?host=bob", headers=headers), 400)


def test_recent_lists_parties_hosted_or_joined(client, users, me):
    _, headers = me
    other = users.session_headers(users.create())
    theirs = create_party(client, other, title="Theirs")
    create_party(client, headers, title="Mine")
    create_party(client, other, title="Unrelated")
    client.post(f"/api/parties/{theirs['id']}/join/", headers=headers)
    assert _titles(client.get("/api/parties/recent/", headers=headers)) == ["Theirs", "Mine"]


def test_public_and_search_work_without_a_token(client, me):
    _, headers = me
    create_party(client, headers, title="Open house", category="comedy")
    create_party(client, headers, title="Closed house", visibility="private")
    ended = create_party(client, headers, title="Old house")
    client.post(f"/api/parties/{ended['id']}/end/", headers=headers)
    assert _titles(client.get("/api/parties/public/")) == ["Open house"]
    assert _titles(client.get("/api/parties/public/?category=drama")) == []
    assert set(_titles(client.get("/api/parties/search/?q=house"))) == {"Open house", "Old house"}
    assert len(_titles(client.get("/api/parties/search/?q=house", headers=headers))) == 3
    private = client.get("/api/parties/search/?q=house&is_public=false", headers=headers)
    assert _titles(private) == ["Closed house"]


def test_trending_ranks_by_recent_joins(client, users, me):
    _, headers = me
    quiet = create_party(client, headers, title="Quiet")
    busy = create_party(client, headers, title="Busy")
    for _ in range(2):
        client.post(
            f"/api/parties/{busy['id']}/join/", headers=users.session_headers(users.create())
        )
    client.post(f"/api/parties/{quiet['id']}/end/", headers=headers)
    create_party(client, headers, title="Hidden", visibility="private")
    body = client.get("/api/parties/trending/").get_json()
    assert [p["title"] for p in body["results"]] == ["Busy"]
    assert body["results"][0]["recent_joins"] == 3


def test_recommendations_prefer_categories_the_user_watched(client, users, me):
    _, headers = me
    host = users.session_headers(users.create())
    watched = create_party(client, host, title="Watched", category="anime")
    client.post(f"/api/parties/{watched['id']}/join/", headers=headers)
    create_party(client, host, title="Other", category="news")
    other_host = users.session_headers(users.create())
    create_party(client, other_host, title="Same taste", category="Anime")
    create_party(client, headers, title="My own")
    titles = _titles(client.get("/api/parties/recommendations/", headers=headers))
    assert titles[0] == "Same taste"
    assert "Watched" not in titles and "My own" not in titles
    assert set(titles) == {"Same taste", "Other"}


def test_report_takes_a_known_reason_once(client, users, me):
    _, headers = me
    party = create_party(client, users.session_headers(users.create()))
    body = {"party_id": party["id"], "reason": "spam", "description": "ads"}
    assert client.post("/api/parties/report/", json=body, headers=headers).status_code == 201
    assert_error(client.post("/api/parties/report/", json=body, headers=headers), 409)
    bad = body | {"reason": "boring"}
    assert (
        "reason"
        in assert_error(client.post("/api/parties/report/", json=bad, headers=headers), 400)[
            "errors"
        ]
    )
    missing = body | {"party_id": str(uuid.uuid4())}
    assert_error(client.post("/api/parties/report/", json=missing, headers=headers), 404)
