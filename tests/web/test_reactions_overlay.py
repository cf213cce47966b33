"""Reactions rise over the picture, their buttons have spoken names, and a system without an
emoji font gets a text face instead of empty boxes."""

from playwright.sync_api import expect

from tests.web.party_helpers import plain_party
from tests.web.social_helpers import PHONE, enter_room

NAMES = ["thumbs up", "laughing", "heart", "surprised", "sad", "applause", "fire", "party"]

FACES = """async () => {
  const emoji = await import('/static/app/room/emoji.js');
  return {
    missing: emoji.drawable('\\u{10FFFD}'),
    letter: emoji.drawable('A'),
    faces: emoji.REACTIONS.map((r) =>
      [r.emoji, r.text, emoji.drawable(r.emoji), emoji.face(r.emoji)]),
  };
}"""


def box_inside(inner: dict, outer: dict) -> bool:
    """Whether the `inner` bounding box lies within `outer` (a pixel of slack)."""
    return (
        inner["x"] >= outer["x"] - 1
        and inner["y"] >= outer["y"] - 1
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 1
    )


def test_a_reaction_rises_over_the_video_not_below_the_controls(viewers, users, client):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    party = plain_party(client, users, host, guest, title="Reaction night")
    watcher = enter_room(viewers, host, party["id"])
    sender = enter_room(viewers, guest, party["id"], viewport=PHONE)
    sender.page.get_by_role("button", name="React: party").click()
    for viewer in (watcher, sender):
        page = viewer.page
        frame = page.locator(".player-frame")
        floating = frame.locator(".reaction-layer .float-emoji")
        expect(floating).to_have_count(1)
        assert box_inside(floating.bounding_box(), frame.bounding_box())
        bar = page.get_by_role("group", name="Send a reaction").bounding_box()
        assert floating.bounding_box()["y"] + floating.bounding_box()["height"] < bar["y"]
    expect(watcher.page.locator(".float-emoji")).to_have_count(0, timeout=6000)
    assert watcher.errors() == [] and sender.errors() == []


def test_emoji_buttons_have_names_and_fall_back_to_text_without_an_emoji_font(
    viewers, users, client
):
    host = users.create()
    party = plain_party(client, users, host)
    viewer = enter_room(viewers, host, party["id"])
    page = viewer.page
    bar = page.get_by_role("group", name="Send a reaction")
    for name in NAMES:
        expect(bar.get_by_role("button", name=f"React: {name}", exact=True)).to_have_count(1)
    probe = page.evaluate(FACES)
    assert probe["missing"] is False and probe["letter"] is True  # the glyph check itself
    buttons = bar.get_by_role("button").all_text_contents()
    for (emoji, text, drawable, face), shown in zip(probe["faces"], buttons, strict=True):
        assert face == (emoji if drawable else text) and shown == face
    assert viewer.errors() == []
