"""GET/POST /api/users/onboarding/."""

import pytest

from watchparty.extensions import db

URL = "/api/users/onboarding/"


def _steps(body) -> dict:
    return {step["key"]: step["completed"] for step in body["steps"]}


def test_status_lists_steps_with_derived_states(client, users, auth):
    user = users.create(is_verified=True)
    body = client.get(URL, headers=auth(user)).get_json()
    assert body["onboarding_completed"] is False
    assert _steps(body) == {
        "verify_email": True,
        "complete_profile": False,
        "choose_preferences": False,
        "take_tour": False,
    }
    assert all(step["title"] for step in body["steps"])


def test_complete_profile_is_derived_from_the_profile(client, me):
    _, headers = me
    client.patch("/api/users/profile/", headers=headers, json={"bio": "Hello"})
    assert _steps(client.get(URL, headers=headers).get_json())["complete_profile"] is True


def test_marking_a_step_persists_it(client, me):
    user, headers = me
    body = client.post(URL, headers=headers, json={"step": "take_tour"}).get_json()
    assert _steps(body)["take_tour"] is True and body["onboarding_completed"] is False
    assert _steps(client.get(URL, headers=headers).get_json())["take_tour"] is True


def test_completing_every_step_finishes_onboarding(client, me):
    user, headers = me
    client.patch("/api/users/profile/", headers=headers, json={"display_name": "Ada"})
    client.post(URL, headers=headers, json={"step": "take_tour"})
    body = client.post(URL, headers=headers, json={"step": "choose_preferences"}).get_json()
    assert body["onboarding_completed"] is True
    user_body = client.get("/api/users/profile/", headers=headers).get_json()
    assert user_body["onboarding_completed"] is True


def test_completed_true_finishes_and_shows_in_the_user(client, me):
    user, headers = me
    body = client.post(URL, headers=headers, json={"completed": True}).get_json()
    assert body["onboarding_completed"] is True
    db.session.expire_all()
    assert user.onboarding_completed is True


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "step"),
        ({"step": "fly_to_the_moon"}, "step"),
        ({"step": "verify_email"}, "step"),
        ({"step": ""}, "step"),
        ({"step": 7}, "step"),
        ({"completed": "yes"}, "completed"),
        ({"step": "take_tour", "surprise": 1}, "surprise"),
    ],
)
def test_bad_onboarding_update_is_400_and_changes_nothing(client, me, payload, field):
    user, headers = me
    response = client.post(URL, headers=headers, json=payload)
    assert response.status_code == 400
    assert field in response.get_json()["errors"]
    db.session.expire_all()
    assert user.onboarding_steps == [] and user.onboarding_completed is False


def test_malformed_json_is_400(client, me):
    _, headers = me
    response = client.post(URL, headers=headers, data="nope", content_type="application/json")
    assert response.status_code == 400
