"""DELETE /api/users/delete-account/: password + "DELETE", then anonymize and purge."""

import io

import pytest

from tests.factories import PASSWORD
from tests.realtime.partykit import Parties
from tests.users.conftest import image_bytes
from watchparty.auth.models import SocialAccount, UserSession, UserToken
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.users import activity
from watchparty.users.models import DELETED, Activity, DataExport, User

URL = "/api/users/delete-account/"
CONFIRM = {"password": PASSWORD, "confirmation": "DELETE"}


def _count(model, user_id) -> int:
    return db.session.scalar(
        db.select(db.func.count()).select_from(model).where(model.user_id == user_id)
    )


@pytest.fixture
def rich_user(client, users, auth, run_jobs):
    """A user with an avatar, 2FA, tokens, social account, activity, export and two sessions."""
    user = users.create(
        display_name="Ada", bio="bio", location="London", website="https://ada.example",
        totp_secret="S" * 32, totp_enabled=True, backup_code_hashes=["h1", "h2"],
        settings={"theme": "dark"}, privacy_settings={"searchable": False},
    )  # fmt: skip
    headers = auth(user)
    other_session = auth(user)
    client.post(
        "/api/users/avatar/upload/",
        headers=headers,
        data={"avatar": (io.BytesIO(image_bytes()), "a.png")},
        content_type="multipart/form-data",
    )
    client.post("/api/users/export-data/", headers=headers)
    run_jobs()
    db.session.add(SocialAccount(user_id=user.id, provider="google", provider_user_id="g-1"))
    db.session.add(
        UserToken(user_id=user.id, purpose="verify_email", token_hash="x" * 64, expires_at=utcnow())
    )
    activity.record(user.id, activity.SIGN_IN)
    db.session.commit()
    db.session.refresh(user)
    return user, headers, other_session


def test_deletion_anonymizes_and_purges_everything_personal(client, rich_user):
    user, headers, other_session = rich_user
    user_id, avatar = user.id, user.avatar
    export_key = db.session.scalar(db.select(DataExport.file_key))
    assert storage().path(avatar).exists() and storage().path(export_key).exists()

    response = client.delete(URL, headers=headers, json=CONFIRM)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["success"] is True

    db.session.expire_all()
    user = db.session.get(User, user_id)
    assert user.status == DELETED and user.email == f"deleted-{user_id}@deleted.invalid"
    assert (user.first_name, user.last_name) == ("", "")
    assert user.display_name is user.bio is user.location is user.website is user.avatar is None
    assert user.password_hash is None and user.totp_secret is None and not user.totp_enabled
    assert user.backup_code_hashes == []
    assert user.settings == user.notification_settings == user.privacy_settings == {}
    for model in (UserSession, UserToken, SocialAccount, Activity, DataExport):
        assert _count(model, user_id) == 0, model
    assert not storage().path(avatar).exists() and not storage().path(export_key).exists()

    for old in (headers, other_session):
        assert client.get("/api/users/profile/", headers=old).status_code == 401


def test_same_email_can_be_used_again_after_deletion(client, rich_user, users):
    user, headers, _ = rich_user
    email = user.email
    client.delete(URL, headers=headers, json=CONFIRM)
    again = users.create(email=email)
    assert again.id != user.id


def test_social_only_account_needs_no_password(client, users, auth):
    user = users.create()
    user.password_hash = None
    db.session.commit()
    response = client.delete(URL, headers=auth(user), json={"confirmation": "DELETE"})
    assert response.status_code == 200
    db.session.expire_all()
    assert user.status == DELETED


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"password": "wrong-Passw0rd", "confirmation": "DELETE"}, "password"),
        ({"confirmation": "DELETE"}, "password"),
        ({"password": PASSWORD, "confirmation": "delete"}, "confirmation"),
        ({"password": PASSWORD}, "confirmation"),
        ({"password": PASSWORD, "confirmation": 1}, "confirmation"),
        ({"password": 12345678, "confirmation": "DELETE"}, "password"),
        ({"password": "x" * 129, "confirmation": "DELETE"}, "password"),
        ({**CONFIRM, "reason": "bored"}, "reason"),
    ],
)
def test_bad_confirmation_is_400_and_nothing_changes(client, rich_user, payload, field):
    user, headers, _ = rich_user
    email, avatar = user.email, user.avatar
    response = client.delete(URL, headers=headers, json=payload)
    body = response.get_json()
    assert response.status_code == 400, body
    assert field in body["errors"]
    db.session.expire_all()
    assert user.status == "active" and user.email == email and user.avatar == avatar
    assert user.totp_secret and _count(Activity, user.id) > 0 and _count(SocialAccount, user.id)
    assert storage().path(avatar).exists()
    assert client.get("/api/users/profile/", headers=headers).status_code == 200


def test_malformed_json_is_400(client, users, auth):
    user = users.create()
    response = client.delete(URL, headers=auth(user), data="{", content_type="application/json")
    assert response.status_code == 400
    db.session.expire_all()
    assert user.status == "active"


def test_deleting_a_hosts_account_tells_connected_members_their_party_ended(client, users, sockets):
    kit = Parties(users, sockets)
    host = users.create()
    party = kit.create(host)
    member_socket, _ = kit.join(kit.add(party), party)

    response = client.delete(URL, headers=users.session_headers(host), json=CONFIRM)
    assert response.status_code == 200, response.get_json()
    assert member_socket.wait_for("ended") == {"party_id": str(party.id)}
