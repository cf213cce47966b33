"""Accounts in the browser: sign up, sign in (with 2FA), sign out, and the profile page."""

import re

from playwright.sync_api import expect
from sqlalchemy import select

from tests.factories import PASSWORD
from tests.web.account_helpers import (
    enable_totp,
    png_bytes,
    sign_in_through_the_form,
    unused_totp_code,
)
from watchparty.extensions import db
from watchparty.users.models import User


def test_sign_up_through_the_form_lands_in_the_lobby_signed_in(viewers):
    viewer = viewers().open("/signup")
    page = viewer.page
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_label("Confirm password").press("Enter")

    expect(page.get_by_role("heading", name="Welcome, Ada")).to_be_visible()
    assert page.url == viewer.base_url + "/"
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    db.session.expire_all()
    user = db.session.scalar(select(User).where(User.email == "ada@example.com"))
    assert user is not None and user.first_name == "Ada"
    assert viewer.errors() == []


def test_sign_up_shows_the_servers_field_errors_beside_the_fields(viewers):
    viewer = viewers().open("/signup")
    page = viewer.page
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD + "x")
    page.get_by_role("button", name="Create account").click()

    confirm = page.get_by_label("Confirm password")
    expect(confirm).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field-error:not(:empty)")).to_have_text(["Passwords do not match."])
    expect(page.get_by_role("status")).to_have_text("Please fix the fields marked above.")
    expect(confirm).to_be_focused()
    expect(page.get_by_role("button", name="Create account")).to_be_enabled()
    assert page.url.endswith("/signup")
    assert viewer.errors() == []


def test_sign_in_with_a_wrong_password_shows_the_error(viewers, users):
    user = users.create()
    viewer = viewers().open("/signin")
    page = viewer.page
    sign_in_through_the_form(page, user.email, "Wrong-passw0rd!")

    expect(page.get_by_role("status")).to_contain_text("Invalid")
    expect(page.get_by_role("button", name="Sign in")).to_be_enabled()
    assert page.url.endswith("/signin")
    assert viewer.errors() == []


def test_sign_in_with_two_factor_asks_for_the_code_then_signs_in(viewers, users, client):
    user = users.create(first_name="Tess")
    secret = enable_totp(client, users, user)
    viewer = viewers().open("/signin")
    page = viewer.page
    sign_in_through_the_form(page, user.email)

    code = page.get_by_label("Authentication code")
    expect(code).to_be_focused()
    code.fill("000000")
    code.press("Enter")
    expect(page.get_by_text("The code is invalid or expired.")).to_be_visible()
    expect(code).to_have_attribute("aria-invalid", "true")
    code.fill(unused_totp_code(secret))
    page.get_by_role("button", name="Verify").click()

    expect(page.get_by_role("heading", name="Welcome, Tess")).to_be_visible()
    assert page.evaluate("JSON.parse(localStorage['watchparty.session']).user.email") == user.email
    assert viewer.errors() == []


def test_sign_out_returns_to_signin_and_protected_pages_redirect_there(viewers, users):
    user = users.create(first_name="Sid")
    viewer = viewers().open("/signin")
    page = viewer.page
    sign_in_through_the_form(page, user.email)
    expect(page.get_by_role("heading", name="Welcome, Sid")).to_be_visible()
    # Signed in already: the sign-in page sends you on to the lobby.
    viewer.open("/signin")
    expect(page.get_by_role("heading", name="Welcome, Sid")).to_be_visible()
    assert page.url == viewer.base_url + "/"

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/signin$"))
    expect(page.get_by_role("link", name="Sign up")).to_be_visible()
    viewer.open("/profile")
    expect(page).to_have_url(re.compile(r"/signin\?next=%2Fprofile$"))
    sign_in_through_the_form(page, user.email)
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    assert page.url == viewer.base_url + "/profile"
    assert viewer.errors() == []


def test_profile_edit_persists_and_an_avatar_upload_shows_the_image(viewers, users):
    user = users.create(first_name="Ada", last_name="Lovelace")
    viewer = viewers(user).open("/profile")
    page = viewer.page
    page.get_by_label("Display name").fill("Countess")
    page.get_by_label("Bio").fill("I <b>write</b> programs.")
    page.get_by_label("Location").fill("London")
    page.get_by_label("Website").fill("https://ada.example.com")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    # The header follows the stored session user.
    expect(page.get_by_role("link", name="Your profile")).to_have_text("Countess")

    page.get_by_label(re.compile("^New avatar")).set_input_files(
        {"name": "me.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    page.get_by_role("button", name="Upload avatar").click()
    expect(page.get_by_text("Avatar updated.")).to_be_visible()
    avatar = page.get_by_role("img", name="Your avatar")
    expect(avatar).to_be_visible()
    # The page's CSP forbids eval (so no wait_for_function): wait on the image itself.
    assert avatar.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0

    page.reload()
    expect(page.get_by_label("Display name")).to_have_value("Countess")
    expect(page.get_by_label("Bio")).to_have_value("I <b>write</b> programs.")
    expect(page.get_by_label("Location")).to_have_value("London")
    expect(page.get_by_label("Website")).to_have_value("https://ada.example.com")
    expect(page.get_by_role("img", name="Your avatar")).to_be_visible()
    assert viewer.errors() == []


def test_profile_shows_an_invalid_website_beside_the_field(viewers, users):
    viewer = viewers(users.create()).open("/profile")
    page = viewer.page
    website = page.get_by_label("Website")
    # type=url would stop the browser at the form; the server must still explain its rule.
    website.evaluate("el => el.type = 'text'")
    website.fill("ftp://ada.example.com")
    page.get_by_role("button", name="Save profile").click()
    expect(website).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("button", name="Save profile")).to_be_enabled()
    assert viewer.errors() == []


def test_a_session_revoked_elsewhere_sends_the_lobby_back_to_sign_in(viewers, users, client):
    viewer = viewers(users.create(first_name="Rae")).open("/")
    page = viewer.page
    expect(page.get_by_role("heading", name="Welcome, Rae")).to_be_visible()
    stored = page.evaluate("JSON.parse(localStorage['watchparty.session'])")
    signed_out = client.post(
        "/api/auth/logout/",
        json={"refresh_token": stored["refresh_token"]},
        headers={"Authorization": f"Bearer {stored['access_token']}"},
    )
    assert signed_out.status_code == 200, signed_out.get_json()

    viewer.open("/")
    expect(page).to_have_url(re.compile(r"/signin\?next=%2F$"))  # and back here after signing in
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert viewer.errors() == []


def test_account_pages_fit_a_phone_without_sideways_scrolling(viewers, users):
    phone = {"width": 375, "height": 740}
    signed_out = viewers(viewport=phone)
    signed_in = viewers(users.create(), viewport=phone)
    for viewer, path, heading in (
        (signed_out, "/signin", "Sign in"),
        (signed_out, "/signup", "Create your account"),
        (signed_in, "/profile", "Avatar"),
        (signed_in, "/upload", "Upload a video"),
    ):
        page = viewer.open(path).page
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= phone["width"], f"{path} scrolls sideways on a phone ({width}px)"
    assert signed_out.errors() == [] and signed_in.errors() == []
