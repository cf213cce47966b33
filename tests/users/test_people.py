"""GET /api/users/<id>/profile/ (public card) and GET /api/users/search/."""

import uuid

import pytest

from watchparty.users.models import BANNED, DELETED, SUSPENDED

CARD = {
    "id", "full_name", "display_name", "avatar", "bio", "location", "website",
    "date_joined", "is_verified",
}  # fmt: skip


def _card_url(user_id) -> str:
    return f"/api/users/{user_id}/profile/"


def test_public_profile_is_the_card_without_private_fields(client, me, users):
    _, headers = me
    other = users.create(first_name="Grace", last_name="Hopper", bio="COBOL", location="NYC")
    response = client.get(_card_url(other.id), headers=headers)
    body = response.get_json()
    assert response.status_code == 200, body
    assert set(body) == CARD
    assert body["full_name"] == "Grace Hopper" and body["bio"] == "COBOL"
    assert body["is_verified"] is True


@pytest.mark.parametrize("visibility", ["private", "friends"])
def test_private_or_friends_only_profile_is_403_for_others(client, me, users, visibility):
    _, headers = me
    other = users.create(privacy_settings={"profile_visibility": visibility})
    response = client.get(_card_url(other.id), headers=headers)
    assert response.status_code == 403
    assert response.get_json()["error"] == "profile_private"


def test_own_private_profile_is_visible_to_yourself(client, users, auth):
    user = users.create(privacy_settings={"profile_visibility": "private"})
    assert client.get(_card_url(user.id), headers=auth(user)).status_code == 200


@pytest.mark.parametrize("status", [DELETED, BANNED, SUSPENDED])
def test_inactive_accounts_are_404(client, me, users, status):
    _, headers = me
    other = users.create(status=status)
    assert client.get(_card_url(other.id), headers=headers).status_code == 404


def test_unknown_id_is_404_and_malformed_id_is_404(client, me):
    _, headers = me
    assert client.get(_card_url(uuid.uuid4()), headers=headers).status_code == 404
    response = client.get(_card_url("not-a-uuid"), headers=headers)
    assert response.status_code == 404
    assert response.get_json()["success"] is False


def _search(client, headers, **params):
    return client.get("/api/users/search/", headers=headers, query_string=params)


def test_search_matches_first_last_and_display_names_case_insensitively(client, me, users):
    _, headers = me
    grace = users.create(first_name="Grace", last_name="Hopper")
    alan = users.create(first_name="Alan", last_name="Turing", display_name="Hopper Fan")
    users.create(first_name="Linus", last_name="Torvalds")
    body = _search(client, headers, q="hOpPeR").get_json()
    assert {r["id"] for r in body["results"]} == {str(grace.id), str(alan.id)}
    assert body["count"] == 2 and body["current_page"] == 1 and body["total_pages"] == 1
    assert set(body["results"][0]) == CARD
    full = _search(client, headers, q="grace hop").get_json()
    assert [r["id"] for r in full["results"]] == [str(grace.id)]


def test_search_excludes_caller_inactive_and_unsearchable_users(client, me, users):
    _, headers = me
    visible = users.create(first_name="Adaline")
    users.create(first_name="Adam", status=BANNED)
    users.create(first_name="Adele", status=DELETED)
    users.create(first_name="Adrian", privacy_settings={"searchable": False})
    body = _search(client, headers, q="ad").get_json()
    assert [r["id"] for r in body["results"]] == [str(visible.id)]


def test_search_treats_like_wildcards_literally(client, me, users):
    _, headers = me
    users.create(first_name="Marcus")
    underscore = users.create(first_name="A_B")
    assert _search(client, headers, q="%%").get_json()["count"] == 0
    assert _search(client, headers, q="a\\").get_json()["count"] == 0
    body = _search(client, headers, q="a_")
    assert [r["id"] for r in body.get_json()["results"]] == [str(underscore.id)]


def test_search_pages_with_page_size_or_limit(client, me, users):
    _, headers = me
    for n in range(5):
        users.create(first_name=f"Zed{n}")
    first = _search(client, headers, q="zed", limit=2).get_json()
    assert first["count"] == 5 and first["page_size"] == 2 and first["total_pages"] == 3
    assert first["next"] and first["previous"] is None
    last = _search(client, headers, q="zed", page=3, page_size=2).get_json()
    assert len(last["results"]) == 1 and last["next"] is None


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "a"}, {"q": "  a  "}, {"q": "x" * 101}, {"q": "ab", "page": 0},
     {"q": "ab", "page": "two"}, {"q": "ab", "limit": -1}],
)  # fmt: skip
def test_bad_search_query_is_400(client, me, params):
    _, headers = me
    response = _search(client, headers, **params)
    assert response.status_code == 400
    assert response.get_json()["success"] is False
