"""The lobby in the browser: party lists, notices, join by code or link, creating a party."""

import re

from playwright.sync_api import expect

from tests.videos.factories import ready_video
from tests.web.account_helpers import (
    create_party,
    sign_in_through_the_form,
)
from watchparty.extensions import db
from watchparty.parties.models import Party

PHONE = {"width": 375, "height": 740}


def _room_title(page, title: str) -> None:
    expect(page.locator("h1.room-title")).to_have_text(title)


def test_lobby_lists_my_party_and_a_public_party_and_shows_notices(
    viewers, users, client, artifacts
):
    me = users.create(first_name="Ada")
    other = users.create(first_name="Olga", last_name="Host")
    mine = create_party(client, users, me, title="My <b>secret</b> night", visibility="private")
    create_party(client, users, other, title="Open cinema", visibility="public")
    viewer = viewers(me).open("/")
    page = viewer.page

    yours = page.locator("#your-parties")
    expect(yours.get_by_role("link", name="My <b>secret</b> night")).to_have_attribute(
        "href", f"/party/{mine['id']}"
    )
    expect(yours).to_contain_text("Hosted by you")
    expect(yours).to_contain_text("Private")
    public = page.locator("#public-parties")
    expect(public.get_by_role("link", name="Open cinema")).to_be_visible()
    expect(public).to_contain_text("Hosted by Olga Host")
    expect(public).to_contain_text("0 watching")
    expect(
        page.locator("#trending-parties").get_by_role("link", name="Open cinema")
    ).to_be_visible()

    # The room announces why it closed on window, right after navigating here.
    page.evaluate(
        "window.dispatchEvent(new CustomEvent('watchparty:notice',"
        " {detail: 'You were removed from this party.'}))"
    )
    expect(page.get_by_role("status").filter(has_text="removed")).to_be_visible()
    page.screenshot(path=str(artifacts / "lobby.png"), full_page=True)

    phone = viewers(me, viewport=PHONE).open("/")
    expect(
        phone.page.locator("#public-parties").get_by_role("link", name="Open cinema")
    ).to_be_visible()
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the lobby scrolls sideways on a phone ({width}px)"
    phone.page.screenshot(path=str(artifacts / "lobby-phone.png"), full_page=True)
    assert viewer.errors() == [] and phone.errors() == []


def test_empty_lobby_says_there_is_nothing_yet(viewers, users):
    viewer = viewers(users.create()).open("/")
    page = viewer.page
    expect(page.locator("#your-parties")).to_contain_text("You have not hosted or joined")
    expect(page.locator("#public-parties")).to_contain_text("No public parties right now")
    assert viewer.errors() == []


def test_join_by_code_opens_the_room_and_an_unknown_code_is_explained(viewers, users, watch_party):
    viewer = viewers(users.create()).open("/")
    page = viewer.page
    code = page.get_by_label("Room code")
    code.fill("ZZZZZZ")
    code.press("Enter")
    join_form = page.get_by_role("form", name="Join with a code")
    expect(join_form.get_by_role("status")).to_have_text("No party has this room code.")
    expect(page.get_by_role("button", name="Join", exact=True)).to_be_enabled()

    code.fill(watch_party["room_code"].lower())
    page.get_by_role("button", name="Join", exact=True).click()
    _room_title(page, "Movie night")
    assert page.url.endswith(f"/party/{watch_party['party_id']}")
    assert viewer.errors() == []


def test_invite_link_opens_the_room_for_a_signed_out_visitor_after_signing_in(
    viewers, users, client, watch_party
):
    headers = users.session_headers(watch_party["host"])
    invite = client.post(
        f"/api/parties/{watch_party['party_id']}/generate-invite/", json={}, headers=headers
    )
    assert invite.status_code == 201, invite.get_json()
    code = invite.get_json()["invite_code"]
    friend = users.create(first_name="Fran")

    viewer = viewers().open(f"/join/{code}")
    page = viewer.page
    expect(page).to_have_url(re.compile(r"/signin\?next="))
    sign_in_through_the_form(page, friend.email)
    _room_title(page, "Movie night")
    assert page.url.endswith(f"/party/{watch_party['party_id']}")
    assert viewer.errors() == []


def test_a_bad_join_link_is_explained_with_a_way_back(viewers, users):
    viewer = viewers(users.create()).open("/join/NOSUCHCODE")
    page = viewer.page
    expect(page.get_by_role("heading", name="Could not join")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("This invite code does not exist.")
    page.get_by_role("link", name="Back to the lobby").click()
    expect(page.get_by_role("heading", name=re.compile("^Welcome"))).to_be_visible()
    assert viewer.errors() == []


def test_a_room_code_link_to_an_approval_party_says_the_request_awaits_approval(
    viewers, users, client
):
    host = users.create()
    party = create_party(
        client, users, host, title="Members only", require_approval=True, visibility="public"
    )
    viewer = viewers(users.create()).open(f"/join/{party['room_code']}")
    page = viewer.page
    expect(page.get_by_role("heading", name="Members only")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("awaits the host's approval")
    expect(page.get_by_role("link", name="Back to the lobby")).to_be_visible()
    assert viewer.errors() == []


def test_create_a_party_from_a_media_url_lands_in_the_room(viewers, users, allow_private):
    me = users.create()
    viewer = viewers(me).open("/")
    page = viewer.page
    page.get_by_label("Title").fill("URL night")
    page.get_by_label("A media URL (HLS .m3u8 or MP4)").check()
    url = allow_private.url("/clip.mp4")
    page.get_by_label("Media URL", exact=True).fill(url)
    page.get_by_role("button", name="Create party").click()

    _room_title(page, "URL night")
    db.session.expire_all()
    party = db.session.query(Party).filter_by(title="URL night").one()
    assert party.media_url == url and party.host_id == me.id
    assert page.url.endswith(f"/party/{party.id}")
    assert viewer.errors() == []


def test_create_a_party_from_my_ready_video_lands_in_the_room(viewers, users, clips):
    me = users.create()
    video = ready_video(me, clips("lobby.mp4", seconds=2, size="320x240"), title="Holiday clip")
    viewer = viewers(me).open("/")
    page = viewer.page
    expect(page.get_by_label("Your ready video")).to_have_value(str(video.id))
    page.get_by_label("Title").fill("Holiday night")
    page.get_by_label("Visibility").select_option("private")
    page.get_by_role("button", name="Create party").click()

    _room_title(page, "Holiday night")
    db.session.expire_all()
    party = db.session.query(Party).filter_by(title="Holiday night").one()
    assert party.video_id == video.id and party.visibility == "private"
    assert viewer.errors() == []
