"""Server-rendered account pages load their stylesheet from static/."""


def test_verify_page_links_a_stylesheet_that_is_served(client):
    page = client.get("/verify-email?token=not-a-real-token")
    assert page.status_code in (200, 400)
    assert b'href="/static/css/pages.css"' in page.data
    css = client.get("/static/css/pages.css")
    assert css.status_code == 200 and b"main {" in css.data
