"""`flask admin promote` grants staff or superuser rights from the command line."""

from watchparty.extensions import db
from watchparty.users.models import User


def test_promote_makes_the_account_staff(app, users):
    user = users.create(email="boss@example.com")
    result = app.test_cli_runner().invoke(args=["admin", "promote", "Boss@Example.com"])
    assert result.exit_code == 0, result.output
    assert "now staff" in result.output
    db.session.expire_all()
    stored = db.session.get(User, user.id)
    assert stored.is_staff is True and stored.is_superuser is False


def test_promote_with_superuser_flag_grants_superuser(app, users):
    user = users.create()
    result = app.test_cli_runner().invoke(args=["admin", "promote", user.email, "--superuser"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(User, user.id).is_superuser is True


def test_promote_unknown_email_fails_and_changes_nothing(app, users):
    user = users.create()
    result = app.test_cli_runner().invoke(args=["admin", "promote", "nobody@example.com"])
    assert result.exit_code != 0
    assert "No account" in result.output
    db.session.expire_all()
    assert db.session.get(User, user.id).is_staff is False


def test_promoted_user_can_use_the_admin_api(app, client, users):
    user = users.create()
    headers = users.headers(user)
    assert client.get("/api/admin/users/", headers=headers).status_code == 403
    app.test_cli_runner().invoke(args=["admin", "promote", user.email])
    assert client.get("/api/admin/users/", headers=headers).status_code == 200
