"""The RQ dashboard at /admin/rq/ is for admins only; jobs run on real workers with the app."""

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from tests import conftest
from tests.conftest import REDIS_URL
from tests.separate_app import separate_app
from watchparty.auth.tokens import start_session
from watchparty.config import ROOT
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.users.models import Activity

needs_redis = pytest.mark.skipif(not REDIS_URL, reason="the RQ dashboard and workers need Redis")


@pytest.fixture
def token(app):
    """Make an access token for a user from a freshly started session."""

    def make(user) -> str:
        with app.test_request_context():
            access = start_session(user)["access_token"]
            db.session.commit()
        return access

    return make


def bearer(value: str) -> dict:
    return {"Authorization": f"Bearer {value}"}


def notes() -> list[Activity]:
    db.session.expire_all()
    return list(db.session.scalars(select(Activity).where(Activity.type == "test_note")))


@needs_redis
@pytest.mark.parametrize("path", ["/admin/rq/", "/admin/rq/0/data/queues.json"])
def test_admin_sees_the_dashboard(client, users, token, path):
    response = client.get(path, headers=bearer(token(users.admin())))
    assert response.status_code == 200


@needs_redis
def test_a_bearer_token_in_a_cookie_is_not_accepted(client, users, token):
    # Browsers sign in at /admin/login (tests/admin/test_console.py); raw JWT cookies do nothing.
    client.set_cookie("access_token_cookie", token(users.admin()))
    assert client.get("/admin/rq/").status_code == 401


@needs_redis
@pytest.mark.parametrize("path", ["/admin/rq/", "/admin/rq/0/data/queues.json"])
def test_regular_user_is_403(client, users, token, path):
    response = client.get(path, headers=bearer(token(users.create())))
    assert response.status_code == 403
    assert response.get_json()["error"] == "forbidden"


@needs_redis
@pytest.mark.parametrize("path", ["/admin/rq/", "/admin/rq/0/data/queues.json"])
def test_anonymous_is_401(client, path):
    response = client.get(path)
    assert response.status_code == 401
    assert response.get_json()["success"] is False


@needs_redis
def test_anonymous_cannot_use_dashboard_actions(client):
    assert client.post("/admin/rq/queue/default/queued/empty").status_code == 401
    assert client.get("/admin/rq/requeue/failed").status_code == 401


@needs_redis
def test_forged_token_is_401(client):
    assert client.get("/admin/rq/", headers=bearer("not.a.token")).status_code == 401


@pytest.fixture
def embedded_app(app, tmp_path_factory, smtp):
    """The app as it runs with no REDIS_URL (same database as the main test app)."""
    base = conftest.make_test_config(tmp_path_factory, smtp)
    base["SQLALCHEMY_DATABASE_URI"] = app.config["SQLALCHEMY_DATABASE_URI"]
    with separate_app(base, REDIS_URL=None, RATELIMIT_STORAGE_URI="memory://") as app:
        yield app


def test_embedded_dashboard_explains_it_needs_redis(embedded_app, users, token):
    response = embedded_app.test_client().get("/admin/rq/", headers=bearer(token(users.admin())))
    body = response.get_json()
    assert response.status_code == 503
    assert body["error"] == "service_unavailable" and "REDIS_URL" in body["message"]


def test_embedded_dashboard_still_needs_an_admin(embedded_app, users, token):
    client = embedded_app.test_client()
    assert client.get("/admin/rq/").status_code == 401
    assert client.get("/admin/rq/x", headers=bearer(token(users.create()))).status_code == 403


def test_enqueued_job_runs_with_the_app_context_and_writes_the_database(users, run_jobs):
    user = users.create()
    jobs.enqueue("default", "tests.sample_jobs.record_note", str(user.id), "hello")
    run_jobs()
    [note] = notes()
    assert note.user_id == user.id and note.data["note"] == "hello"
    assert note.data["app"] == "watchparty"


def test_a_failing_job_does_not_stop_the_next_one(users, run_jobs):
    user = users.create()
    jobs.enqueue("email", "tests.sample_jobs.explode", "on purpose")
    jobs.enqueue("email", "tests.sample_jobs.record_note", str(user.id), "after")
    run_jobs()
    assert [n.data["note"] for n in notes()] == ["after"]


@needs_redis
def test_failed_job_lands_in_the_failed_registry(run_jobs):
    job_id = jobs.enqueue("default", "tests.sample_jobs.explode", "on purpose")
    run_jobs()
    assert job_id in jobs.queue("default").failed_job_registry.get_job_ids()


def worker_env(**values) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "WATCHPARTY_"))}
    return (
        env
        | {
            "PYTHONPATH": str(ROOT),
            "WATCHPARTY_ENV_FILE": os.devnull,
            "ASYNC_MODE": "threading",
        }
        | values
    )


@needs_redis
def test_procfile_worker_process_runs_jobs(app, users):
    user = users.create()
    jobs.enqueue("billing", "tests.sample_jobs.record_note", str(user.id), "from a worker")
    env = worker_env(REDIS_URL=REDIS_URL, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"])
    worker = subprocess.Popen(
        [sys.executable, "-m", "workers"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not notes() and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stderr.read().decode()
            time.sleep(0.2)
        assert [n.data["note"] for n in notes()] == ["from a worker"]
    finally:
        worker.terminate()
        worker.wait(15)


def test_worker_without_redis_explains_itself(tmp_path):
    env = worker_env(REDIS_URL="", DATABASE_URL=f"sqlite:///{tmp_path / 'w.db'}")
    result = subprocess.run(
        [sys.executable, "-m", "workers"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "REDIS_URL is not set" in result.stderr


@needs_redis
@pytest.mark.parametrize("path", ["/admin/rq/requeue/failed", "/admin/rq/requeue/default"])
def test_dashboard_state_changes_refuse_get_even_for_admins(client, users, token, path):
    headers = bearer(token(users.admin()))
    response = client.get(path, headers=headers)
    assert response.status_code == 405
    assert "GET" not in response.headers["Allow"] and "POST" in response.headers["Allow"]
    assert client.post(path, headers=headers).status_code == 200
