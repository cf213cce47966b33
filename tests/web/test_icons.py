"""Every page has an icon (no favicon 404 in the console) and the app has a web manifest."""

import pytest

# Pages of the app shell and the server-rendered ones (account links, admin console).
PAGES = ["/", "/signin", "/upload", "/reset-password?token=abc", "/admin/login"]

ICONS = """async () => {
  const links = [...document.querySelectorAll('link[rel~=icon], link[rel=apple-touch-icon]')];
  return Promise.all(links.map(async (link) => {
    const answer = await fetch(link.href);
    return [link.getAttribute('rel'), answer.status, answer.headers.get('content-type')];
  }));
}"""

MANIFEST = """async () => {
  const answer = await fetch(document.querySelector('link[rel=manifest]').href);
  const manifest = await answer.json();
  const icons = await Promise.all(manifest.icons.map(async (icon) => {
    const image = await fetch(new URL(icon.src, answer.url));
    return [icon.sizes, image.status, image.headers.get('content-type')];
  }));
  return {type: answer.headers.get('content-type'), name: manifest.name,
          start: manifest.start_url, display: manifest.display, icons};
}"""


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_icons_that_load_and_logs_no_404(viewers, users, path):
    viewer = viewers(users.create() if path == "/upload" else None).open(path)
    page = viewer.page
    page.wait_for_load_state("load")
    page.wait_for_timeout(800)  # the browser fetches the tab icon after the page loads
    icons = page.evaluate(ICONS)
    assert any(rel == "icon" and kind.startswith("image/svg+xml") for rel, _, kind in icons)
    assert all(status == 200 and kind.startswith("image/") for _, status, kind in icons), icons
    assert {rel for rel, _, _ in icons} == {"icon", "apple-touch-icon"}
    failed = [line for line in viewer.console if "Failed to load resource" in line]
    assert failed == [] and viewer.errors() == []


def test_the_manifest_names_the_app_and_its_icons_load(viewers):
    viewer = viewers().open("/signin")
    manifest = viewer.page.evaluate(MANIFEST)
    assert manifest["type"] == "application/manifest+json"
    assert manifest["name"] == "Watchparty"
    assert (manifest["start"], manifest["display"]) == ("/", "standalone")
    sizes = {icon[0] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes
    assert all(status == 200 and kind.startswith("image/") for _, status, kind in manifest["icons"])


def test_pages_without_a_link_still_find_favicon_ico(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 200
    assert answer.mimetype == "image/vnd.microsoft.icon"
    assert answer.data[:4] == b"\x00\x00\x01\x00"  # an ICO header
    verify = client.get("/verify-email")  # the emailed link's page (400 without a token)
    assert b'rel="icon"' in verify.data and b'rel="manifest"' in verify.data
