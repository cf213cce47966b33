"""Paging parameters are validated the same way on every list."""

import pytest

LISTS = ["/api/dashboard/activities/", "/api/users/search/?q=ab&", "/api/auth/sessions/"]


@pytest.mark.parametrize("path", LISTS)
def test_absurdly_large_page_is_400_not_a_server_error(client, users, path):
    headers = users.headers(users.create())
    joiner = "" if path.endswith("&") else "?"
    response = client.get(f"{path}{joiner}page=308445791060587249664", headers=headers)
    assert response.status_code == 400, response.get_json()
    assert "page" in response.get_json()["errors"]


@pytest.mark.parametrize("path", LISTS)
def test_page_past_the_end_is_an_empty_page(client, users, path):
    headers = users.headers(users.create())
    joiner = "" if path.endswith("&") else "?"
    body = client.get(f"{path}{joiner}page=999999&page_size=500", headers=headers).get_json()
    assert body["results"] == [] and body["page_size"] == 100 and body["current_page"] == 999999
