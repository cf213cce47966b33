"""The OpenAPI document and the Swagger UI / ReDoc pages, which must work with no internet."""

from html.parser import HTMLParser

import pytest

PAGES = ("/api/docs/", "/api/redoc/")
DOCUMENTED = (
    "/api/",
    "/api/test/",
    "/api/health/",
    "/api/auth/register/",
    "/api/auth/login/",
    "/api/auth/refresh/",
    "/api/users/profile/",
    "/api/dashboard/stats/",
    "/api/admin/users/",
    "/api/admin/users/{user_id}/",
    "/api/admin/users/{user_id}/suspend/",
    "/api/admin/users/{user_id}/unsuspend/",
    "/api/admin/users/{user_id}/ban/",
    "/api/admin/users/{user_id}/unban/",
)


class AssetLinks(HTMLParser):
    """Collects every script src and link href of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def asset_urls(html: str) -> list[str]:
    parser = AssetLinks()
    parser.feed(html)
    return parser.urls


@pytest.fixture
def spec(client) -> dict:
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return response.get_json()


def test_schema_is_an_openapi_3_document(spec):
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Watchparty API"
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


@pytest.mark.parametrize("path", DOCUMENTED)
def test_schema_documents_the_endpoint(spec, path):
    assert path in spec["paths"]


def test_every_operation_has_a_summary_from_its_docstring(spec):
    missing = [
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if method in ("get", "post", "put", "patch", "delete") and not operation.get("summary")
    ]
    assert missing == []


def test_admin_user_list_is_documented_as_a_paginated_response(spec):
    operation = spec["paths"]["/api/admin/users/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"search", "status", "subscription", "page", "page_size"} <= names
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert {"results", "count", "next", "previous", "page_size", "total_pages"} <= set(
        page["properties"]
    )


@pytest.mark.parametrize("page", PAGES)
def test_docs_page_references_no_remote_url(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "http://" not in html and "https://" not in html
    urls = asset_urls(html)
    assert urls, "the page loads its UI from assets"
    assert all(url.startswith("/") and not url.startswith("//") for url in urls)


@pytest.mark.parametrize("page", PAGES)
def test_every_asset_of_a_docs_page_is_served(client, page):
    for url in asset_urls(client.get(page).get_data(as_text=True)):
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.data) > 1000, url
        expected = "text/css" if url.endswith(".css") else "javascript"
        assert expected in response.content_type, url


def test_swagger_ui_reads_the_local_schema_and_skips_the_remote_validator(client):
    html = client.get("/api/docs/").get_data(as_text=True)
    assert 'url: "/api/schema/"' in html
    assert '"validatorUrl": null' in html


def test_redoc_reads_the_local_schema(client):
    assert 'spec-url="/api/schema/"' in client.get("/api/redoc/").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/api/docs/assets/no-such-file.js",
        "/api/docs/assets/../../../watchparty/config.py",
        "/api/docs/assets/..%2f..%2f..%2fwatchparty%2fconfig.py",
        "/api/docs/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_missing_or_escaping_asset_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


def test_documented_error_response_is_the_projects_error_shape(client):
    spec = client.get("/api/schema/").get_json()
    error = spec["components"]["schemas"]["Error"]["properties"]
    assert set(error) == {"success", "error", "message", "detail", "errors", "timestamp", "until"}
    real = client.get("/api/no-such-thing/").get_json()
    assert set(real) == set(error) - {"until"}  # only maintenance's 503 says until when
