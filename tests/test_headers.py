"""Security headers: nosniff on every response, a CSP with frame-ancestors on every HTML page,
Socket.IO refusing foreign origins, and API docs that production can switch off."""

import base64
import hashlib
import re

import pytest

from tests import conftest
from tests.separate_app import separate_app
from watchparty.config import Config

SHAPE = {"success", "error", "message", "detail", "errors", "timestamp"}
HTML = {"Accept": "text/html"}
HTML_PAGES = [
    "/",
    "/signin",
    "/admin/login",
    "/verify-email?token=not-a-token",
    "/reset-password?token=not-a-token",
    "/reset-password",
    "/api/docs/",
    "/api/redoc/",
    "/no-such-page/",
]


@pytest.mark.parametrize(
    "path",
    [
        *HTML_PAGES,
        "/api/health/",
        "/api/no-such-thing/",
        "/api/schema/",
        "/static/css/pages.css",
        "/media/public/no-such-file.png",
    ],
)
def test_every_response_says_nosniff(client, path):
    response = client.get(path, headers=HTML)
    assert response.headers.get("X-Content-Type-Options") == "nosniff", path


@pytest.mark.parametrize("path", HTML_PAGES)
def test_every_html_page_has_a_csp_that_forbids_framing_and_inline_script(client, path):
    response = client.get(path, headers=HTML)
    assert response.mimetype == "text/html", path
    policy = response.headers.get("Content-Security-Policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives.get("frame-ancestors") in (["'none'"], ["'self'"]), policy
    assert "'unsafe-inline'" not in directives.get("script-src", ["missing"]), policy
    assert directives.get("object-src") == ["'none'"], policy


def test_a_post_that_renders_html_has_the_csp_too(client):
    response = client.post("/admin/login", data={"email": "x@example.com", "password": "x"})
    assert "frame-ancestors" in response.headers.get("Content-Security-Policy", "")


def test_the_app_shell_keeps_its_own_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "media-src 'self' blob: http: https:" in policy


def test_swagger_uis_inline_script_is_allowed_by_its_hash_only(client):
    response = client.get("/api/docs/")
    scripts = re.findall(r"<script>(.*?)</script>", response.get_data(as_text=True), re.S)
    assert scripts, "Swagger UI's page starts itself with an inline script"
    policy = response.headers["Content-Security-Policy"]
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def handshake(client, origin: str):
    return client.get(
        "/socket.io/?EIO=4&transport=polling",
        headers={"Origin": origin},
        environ_overrides={"HTTP_HOST": "watch.example.com"},
    )


def test_socketio_polling_refuses_a_foreign_origin(client):
    response = handshake(client, "https://evil.example")
    assert response.status_code == 400
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("origin", ["http://localhost:5000", "http://watch.example.com"])
def test_socketio_polling_accepts_the_frontend_and_the_same_origin(client, origin):
    response = handshake(client, origin)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Access-Control-Allow-Origin"] == origin


def test_socketio_accepts_origins_listed_in_cors_origins(tmp_path_factory, smtp):
    base = conftest.make_test_config(tmp_path_factory, smtp)
    with separate_app(base, CORS_ORIGINS=["https://app.example"]) as app:
        client = app.test_client()
        assert handshake(client, "https://app.example").status_code == 200
        assert handshake(client, "https://evil.example").status_code == 400


def test_default_cors_origins_is_the_frontend_not_everyone(monkeypatch):
    monkeypatch.delenv("CORS_ORIGINS", raising=False)
    monkeypatch.setenv("FRONTEND_URL", "https://watch.example.com/")
    assert Config().CORS_ORIGINS == ["https://watch.example.com"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/docs/",
        "/api/redoc/",
        "/api/schema/",
        "/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js",
    ],
)
def test_api_docs_can_be_switched_off(tmp_path_factory, smtp, path):
    base = conftest.make_test_config(tmp_path_factory, smtp)
    with separate_app(base, API_DOCS_PUBLIC=False) as app:
        response = app.test_client().get(path)
        body = response.get_json()
        assert response.status_code == 404 and set(body) == SHAPE
        assert body["error"] == "not_found"


@pytest.mark.parametrize(
    ("env", "setting", "public"),
    [
        ("development", None, True),
        ("production", None, False),
        ("production", "true", True),
        ("development", "false", False),
    ],
)
def test_api_docs_are_public_by_default_except_in_production(monkeypatch, env, setting, public):
    monkeypatch.setenv("FLASK_ENV", env)
    if setting is None:
        monkeypatch.delenv("API_DOCS_PUBLIC", raising=False)
    else:
        monkeypatch.setenv("API_DOCS_PUBLIC", setting)
    assert Config().API_DOCS_PUBLIC is public
