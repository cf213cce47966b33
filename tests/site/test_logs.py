"""The staff log view: the audit log and the server errors a logging handler keeps (ERROR and
above, newest N, never failing the request it happens in), filterable."""

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.helpers import assert_error
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.meta import service as meta_service
from watchparty.site import audit, errors_log, settings
from watchparty.site.error_models import ServerError

LOGS = "/api/admin/logs/"
log = logging.getLogger("watchparty.tests.logs")


@pytest.fixture(autouse=True)
def settled():
    """Records of earlier tests are written before this one looks."""
    errors_log.flush()
    db.session.execute(ServerError.__table__.delete())
    db.session.commit()
    yield
    errors_log.flush()


def stored() -> list[ServerError]:
    errors_log.flush()
    db.session.expire_all()
    return db.session.scalars(select(ServerError).order_by(ServerError.created_at)).all()


def test_an_unhandled_exception_is_kept_with_its_traceback_and_path(client, monkeypatch):
    def broken():
        raise RuntimeError("the map is lost")

    monkeypatch.setattr(meta_service, "endpoint_map", broken)
    response = client.get("/api/?x=1", headers={"X-Request-ID": "req-42"})
    assert_error(response, 500, "server_error")
    (row,) = [r for r in stored() if r.logger == "watchparty.errors"]
    assert row.level == "ERROR" and row.message == "Unhandled error on GET /api/"
    assert "RuntimeError: the map is lost" in row.traceback
    assert (row.method, row.path, row.request_id) == ("GET", "/api/?x=1", "req-42")


def test_warnings_are_not_kept_and_errors_outside_requests_are(app):
    log.warning("just a warning")
    log.critical("disk full")
    assert [(r.level, r.message, r.path) for r in stored()] == [("CRITICAL", "disk full", "")]


def test_only_the_newest_records_are_kept(app, monkeypatch):
    monkeypatch.setitem(app.config, "ERROR_LOG_CAP", 3)
    for n in range(5):
        log.error("failure %s", n)
    assert [r.message for r in stored()] == ["failure 2", "failure 3", "failure 4"]


def test_a_database_that_cannot_store_the_record_fails_nothing(client, app, monkeypatch):
    def down(*args):
        raise ConnectionError("database is down")

    monkeypatch.setattr(errors_log, "write", down)
    with app.test_request_context("/api/x"):
        log.error("lost in a request")
    log.error("lost outside")
    assert client.get("/api/").status_code == 200
    errors_log.flush()
    monkeypatch.undo()
    assert [(r.logger, r.message) for r in stored()] == []


def test_records_of_the_database_layer_are_never_stored(app):
    logging.getLogger("sqlalchemy.pool").error("Exception during reset")
    assert stored() == []


def test_errors_are_listed_newest_first_and_filtered(client, admin_headers):
    log.error("payment failed")
    log.critical("queue stuck")
    stored()
    errors = client.get(f"{LOGS}?source=errors", headers=admin_headers).get_json()
    assert [e["message"] for e in errors["results"]] == ["queue stuck", "payment failed"]
    assert (
        errors["results"][0]["source"] == "errors" and errors["results"][0]["level"] == "CRITICAL"
    )
    critical = client.get(f"{LOGS}?source=errors&level=critical", headers=admin_headers).get_json()
    assert [e["message"] for e in critical["results"]] == ["queue stuck"]
    found = client.get(f"{LOGS}?source=errors&search=payment", headers=admin_headers).get_json()
    assert [e["message"] for e in found["results"]] == ["payment failed"]
    tomorrow = (utcnow() + timedelta(days=1)).date().isoformat()
    later = client.get(f"{LOGS}?source=errors&date_from={tomorrow}", headers=admin_headers)
    assert later.get_json()["count"] == 0
    today = utcnow().date().isoformat()
    same_day = client.get(f"{LOGS}?source=errors&date_to={today}", headers=admin_headers)
    assert same_day.get_json()["count"] == 2


def test_the_audit_log_is_the_default_and_names_who_acted(client, admin, admin_headers):
    settings.update(admin.id, "report_threshold", 5, "Fewer false alarms")
    audit.record(admin.id, "video.delete", "video", "v1", "Spam")
    db.session.commit()
    body = client.get(LOGS, headers=admin_headers).get_json()
    assert [e["action"] for e in body["results"]] == ["video.delete", "setting.update"]
    entry = body["results"][1]
    assert entry["source"] == "audit" and entry["actor_name"] == "Ada Admin"
    assert entry["reason"] == "Fewer false alarms" and entry["data"] == {"from": 3, "to": 5}
    only = client.get(f"{LOGS}?action=video.delete", headers=admin_headers).get_json()
    assert [e["target_id"] for e in only["results"]] == ["v1"]


@pytest.mark.parametrize(
    "query",
    ["source=everything", "level=debug", "date_from=yesterday", "date_to=2025-13-40", "actor_id=7"],
)
def test_bad_filters_are_400(client, admin_headers, query):
    assert_error(client.get(f"{LOGS}?{query}", headers=admin_headers), 400, "validation_error")
