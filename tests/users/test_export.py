"""POST /api/users/export-data/, its status and its download (job + real SMTP)."""

import json
import os
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.smtp import SmtpSink
from watchparty.auth.models import SocialAccount
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.users import activity
from watchparty.users import export as export_service
from watchparty.users.models import DataExport

URL = "/api/users/export-data/"


def _start(client, headers):
    response = client.post(URL, headers=headers)
    assert response.status_code == 202, response.get_json()
    return response.get_json()


def test_export_is_built_by_the_job_emailed_and_downloadable(client, me, run_jobs, smtp):
    user, headers = me
    activity.record(user.id, activity.SIGN_IN, method="password")
    db.session.add(SocialAccount(user_id=user.id, provider="github", provider_user_id="42"))
    user.settings = {"theme": "dark"}
    db.session.commit()

    started = _start(client, headers)
    assert started["success"] is True and started["status"] == "pending"
    assert started["message"]
    export_id = started["export_id"]
    run_jobs()

    status = client.get(f"{URL}{export_id}/", headers=headers).get_json()
    assert status["status"] == "ready" and status["size"] > 0
    assert status["download_url"].endswith(f"{URL}{export_id}/download/")
    assert status["completed_at"].endswith("Z") and status["expires_at"]

    mail = smtp.wait_for(user.email)
    assert "export" in mail["Subject"].lower()
    assert f"{URL}{export_id}/download/" in SmtpSink.text_of(mail)

    response = client.get(f"{URL}{export_id}/download/", headers=headers)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    archive = json.loads(response.data)
    assert archive["profile"]["email"] == user.email
    assert archive["profile"]["profile"]["display_name"] is None
    assert archive["settings"]["preferences"]["theme"] == "dark"
    assert archive["settings"]["privacy"]["profile_visibility"] == "public"
    assert len(archive["sessions"]) == 1
    assert archive["activity"][0]["type"] == "sign_in"
    assert archive["social_accounts"] == [
        {
            "provider": "github",
            "email": None,
            "linked_at": archive["social_accounts"][0]["linked_at"],
        }
    ]
    text = response.data.decode()
    assert "argon2" not in text and "password_hash" not in text
    assert "totp" not in text and "backup_code" not in text


def test_archive_is_private_and_not_served_from_media(client, me, run_jobs):
    user, headers = me
    export_id = _start(client, headers)["export_id"]
    run_jobs()
    key = f"private/exports/{user.id}/{export_id}.json"
    assert storage().path(key).is_file()
    assert client.get(f"/media/{key}").status_code == 404


@pytest.mark.parametrize("status", ["pending", "processing"])
def test_second_export_while_one_is_in_progress_is_409(client, me, status):
    # The in-progress export is inserted directly: an embedded job could finish too soon.
    user, headers = me
    db.session.add(DataExport(user_id=user.id, status=status))
    db.session.commit()
    response = client.post(URL, headers=headers)
    assert response.status_code == 409
    assert response.get_json()["error"] == "export_in_progress"
    assert db.session.scalar(db.select(db.func.count(DataExport.id))) == 1


def test_new_export_is_allowed_once_the_previous_is_ready(client, me, run_jobs):
    _, headers = me
    _start(client, headers)
    run_jobs()
    assert client.post(URL, headers=headers).status_code == 202
    run_jobs()


def test_download_before_ready_is_409(client, me):
    user, headers = me
    export = DataExport(user_id=user.id, status="pending")
    db.session.add(export)
    db.session.commit()
    response = client.get(f"{URL}{export.id}/download/", headers=headers)
    assert response.status_code == 409
    assert response.get_json()["error"] == "export_not_ready"


def test_other_users_export_is_404(client, me, users, auth, run_jobs):
    _, headers = me
    other = users.create()
    export_id = _start(client, auth(other))["export_id"]
    run_jobs()
    assert client.get(f"{URL}{export_id}/", headers=headers).status_code == 404
    assert client.get(f"{URL}{export_id}/download/", headers=headers).status_code == 404


def test_unknown_or_malformed_export_id_is_404(client, me):
    _, headers = me
    assert client.get(f"{URL}{uuid.uuid4()}/", headers=headers).status_code == 404
    assert client.get(f"{URL}{uuid.uuid4()}/download/", headers=headers).status_code == 404
    response = client.get(f"{URL}not-a-uuid/download/", headers=headers)
    assert response.status_code == 404 and response.get_json()["success"] is False


def test_expired_export_is_404(client, me, run_jobs):
    _, headers = me
    export_id = _start(client, headers)["export_id"]
    run_jobs()
    export = db.session.get(DataExport, uuid.UUID(export_id))
    export.expires_at = export.completed_at
    db.session.commit()
    response = client.get(f"{URL}{export_id}/download/", headers=headers)
    assert response.status_code == 404
    assert response.get_json()["error"] == "export_expired"


def test_failed_build_is_marked_failed_and_a_new_export_can_start(
    client, me, run_jobs, monkeypatch
):
    _, headers = me

    def broken(user):
        raise RuntimeError("section exploded")

    monkeypatch.setitem(export_service._sections, "broken", broken)
    export_id = _start(client, headers)["export_id"]
    run_jobs()
    status = client.get(f"{URL}{export_id}/", headers=headers).get_json()
    assert status["status"] == "failed" and status["download_url"] is None
    assert "exploded" not in str(status)
    assert client.get(f"{URL}{export_id}/download/", headers=headers).status_code == 409
    assert client.post(URL, headers=headers).status_code == 202
    run_jobs()


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="row locks are a PostgreSQL guarantee; SQLite serialises every writer anyway",
)
def test_simultaneous_export_requests_start_exactly_one(app, me):
    _user, headers = me
    start = threading.Barrier(8)

    def request_export() -> int:
        start.wait()
        return app.test_client().post(URL, headers=headers).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = sorted(pool.map(lambda _: request_export(), range(8)))
    assert codes == [202] + [409] * 7
    db.session.expire_all()
    assert db.session.query(DataExport).count() == 1


def test_export_whose_enqueue_fails_is_503_and_leaves_nothing_blocking(app, client, me):
    user, headers = me
    # A real failure: the queues' Redis is a closed port, so RQ's enqueue raises.
    from redis import Redis
    from rq import Queue

    from watchparty.jobs import QUEUES

    dead = Redis(host="127.0.0.1", port=1, socket_connect_timeout=1)
    saved = app.extensions["jobs"]
    app.extensions["jobs"] = {
        "redis": dead,
        "queues": {q: Queue(q, connection=dead) for q in QUEUES},
    }
    try:
        response = client.post(URL, headers=headers)
    finally:
        app.extensions["jobs"] = saved
    assert response.status_code == 503, response.get_json()
    assert db.session.query(DataExport).filter_by(user_id=user.id).count() == 0
    assert client.post(URL, headers=headers).status_code == 202


def test_stale_pending_export_no_longer_blocks_a_new_one(client, me):
    from datetime import timedelta

    from watchparty.common.types import utcnow

    # Aged in the database past its job timeout (a job that was never enqueued or died).
    user, headers = me
    for status in ("pending", "processing"):
        aged = utcnow() - timedelta(hours=2)
        db.session.add(DataExport(user_id=user.id, status=status, created_at=aged))
    db.session.commit()
    assert client.post(URL, headers=headers).status_code == 202
