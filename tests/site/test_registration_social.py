"""Closed registration also refuses social sign-in that would create an account; people who
already have one still sign in."""

from tests.auth.conftest_social import (
    oauth_for_provider,  # noqa: F401 - autouse fixture
    provider_server,  # noqa: F401 - fixture
)
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.site import settings
from watchparty.users.models import User

GOOGLE = "/api/auth/social/google/"


def test_social_sign_in_creates_no_account_while_registration_is_closed(client, provider, admin):
    settings.update(admin.id, "registration_open", False)
    response = client.post(GOOGLE, json={"id_token": provider.id_token()})
    assert_error(response, 403, "registration_closed")
    assert db.session.scalar(db.select(User).filter_by(email="alice@example.com")) is None


def test_a_linked_account_still_signs_in_while_registration_is_closed(client, provider, admin):
    first = client.post(GOOGLE, json={"id_token": provider.id_token()}).get_json()
    settings.update(admin.id, "registration_open", False)
    again = client.post(GOOGLE, json={"id_token": provider.id_token()})
    assert again.status_code == 200, again.get_json()
    assert again.get_json()["user"]["id"] == first["user"]["id"]
