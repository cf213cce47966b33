"""The Library page in a real phone-sized browser: ☆ Favorite on a lobby card adds the party,
the page lists favorites and the watch history, and Remove / Clear history empty them."""

from playwright.sync_api import expect

from tests.factories import PartyFactory
from tests.videos.factories import make_video
from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.library import service
from watchparty.parties.models import PUBLIC


def test_favorite_from_the_lobby_then_remove_and_clear_on_the_library_page(viewers, users):
    ada = users.create(first_name="Ada")
    host = users.create(first_name="Hedy")
    PartyFactory().create(host, title="Open night", visibility=PUBLIC, status="live")
    video = make_video(host, title="Documentary")
    service.record(ada.id, title=video.title, seconds=600, video_id=video.id)
    db.session.commit()
    page = viewers(ada, viewport=PHONE).open("/").page
    # The party is in two lobby sections, which load in either order: use the public one's card.
    favorite = page.locator("#public-parties").get_by_role(
        "button", name="Add Open night to favorites"
    )
    favorite.click()
    expect(favorite).to_have_text("★ Favorite")
    page.goto(page.url.rstrip("/") + "/library")
    favorites = page.get_by_role("list", name="Favorites")
    expect(favorites).to_contain_text("Open night")
    history = page.get_by_role("list", name="Watch history")
    expect(history).to_contain_text("Documentary")
    expect(history).to_contain_text("10 min")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    favorites.get_by_role("button", name="Remove Open night").click()
    expect(favorites).to_contain_text("No favorites yet")
    page.get_by_role("button", name="Clear history").click()
    expect(history).to_contain_text("Nothing watched yet.")
