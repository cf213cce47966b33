"""A person's profile page in a real browser: opened from the Friends list, it shows their card
(a website only as an http(s) link), and Add friend sends a request; a private profile says so."""

from playwright.sync_api import expect

from tests.friends.presence_kit import befriend
from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.friends.models import FriendLink
from watchparty.users import settings


def test_open_a_friends_profile_from_the_list_and_add_someone_from_theirs(viewers, users):
    ada = users.create(first_name="Ada")
    bob = users.create(first_name="Bob", last_name="Builder")
    carol = users.create(first_name="Carol", last_name="Singer")
    bob.bio = "Builds things"
    carol.website = "javascript:alert(1)"
    db.session.commit()
    befriend(ada, bob)
    page = viewers(ada, viewport=PHONE).open("/friends").page
    page.get_by_role("list", name="Your friends").get_by_role("link", name="Bob Builder").click()
    expect(page.get_by_role("heading", name="Bob Builder")).to_be_visible()
    expect(page.get_by_text("Builds things")).to_be_visible()
    page.goto(page.url.split("/users/")[0] + f"/users/{carol.id}")
    expect(page.get_by_role("heading", name="Carol Singer")).to_be_visible()
    expect(page.get_by_text("javascript:alert(1)")).to_be_visible()
    expect(page.get_by_role("link", name="javascript:alert(1)")).to_have_count(0)
    page.get_by_role("button", name="Add friend").click()
    expect(page.get_by_role("status").first).to_contain_text("Friend request sent to Carol Singer")
    db.session.expire_all()
    assert (
        db.session.query(FriendLink).filter_by(requester_id=ada.id, status="pending").count() == 1
    )


def test_a_private_profile_page_says_so(viewers, users):
    ada, hidden = users.create(), users.create(first_name="Hidden")
    settings.update(hidden, "privacy", {"profile_visibility": "private"})
    page = viewers(ada).open(f"/users/{hidden.id}").page
    expect(page.get_by_text("This profile is private.")).to_be_visible()


def test_the_buttons_follow_where_you_stand_and_a_creator_can_be_followed(viewers, users):
    from watchparty.creators.models import CreatorProfile

    ada = users.create(first_name="Ada")
    bob = users.create(first_name="Bob")
    cleo = users.create(first_name="Cleo", last_name="Maker")
    befriend(ada, bob)
    db.session.add(CreatorProfile(user_id=cleo.id, bio="films"))
    db.session.commit()
    page = viewers(ada, viewport=PHONE).open(f"/users/{bob.id}").page
    expect(page.get_by_role("button", name="Friends")).to_be_disabled()
    expect(page.get_by_role("button", name="Follow")).to_have_count(0)  # Bob is no creator
    page.goto(page.url.split("/users/")[0] + f"/users/{cleo.id}")
    follow = page.get_by_role("button", name="Follow · 0")
    follow.click()
    expect(page.get_by_role("button", name="Following · 1")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.get_by_role("button", name="Add friend").click()
    expect(page.get_by_role("button", name="Request sent")).to_be_disabled()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Creator page").click()
    expect(page.get_by_role("heading", name="Cleo Maker")).to_be_visible()


def test_a_request_received_is_accepted_from_the_profile(viewers, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob", last_name="Asker")
    db.session.add(
        FriendLink(low_id=min(ada.id, bob.id), high_id=max(ada.id, bob.id), requester_id=bob.id)
    )
    db.session.commit()
    page = viewers(ada).open(f"/users/{bob.id}").page
    page.get_by_role("button", name="Accept request").click()
    expect(page.get_by_role("button", name="Friends")).to_be_disabled()
    db.session.expire_all()
    assert db.session.query(FriendLink).filter_by(status="accepted").count() == 1
