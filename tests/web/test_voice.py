"""Voice chat in real Chromium with fake media devices: two people join voice, real peer
connections carry audio both ways (also relayed through the real coturn), a mute stops it."""

import time

from playwright.sync_api import expect

from tests.web.party_helpers import plain_party
from tests.web.social_helpers import PHONE, enter_room

STATS = "() => window.watchpartyVoiceStats ? window.watchpartyVoiceStats() : []"


def _join_voice(viewer, others: int):
    page = viewer.page
    page.get_by_role("region", name="Voice chat").get_by_role("button", name="Join voice").click()
    expect(page.locator("section.voice[data-state='joined']")).to_be_attached()
    expect(page.locator(".voice-tile")).to_have_count(others + 1)


def _flowing(viewer, want_relay: bool = False, peers: int = 1, timeout: float = 20) -> dict:
    """Wait until audio bytes go both ways with each of `peers` peers; the first one's stats."""
    deadline = time.monotonic() + timeout
    while True:
        rows = viewer.page.evaluate(STATS)
        good = [
            row
            for row in rows
            if row["sent"] > 1000 and row["received"] > 1000 and (row["relay"] or not want_relay)
        ]
        if len(good) >= peers:
            return good[0]
        assert time.monotonic() < deadline, f"no audio both ways: {rows}"
        time.sleep(0.25)


def _sent(viewer) -> int:
    return viewer.page.evaluate(STATS)[0]["sent"]


def test_two_people_talk_and_a_moderators_mute_stops_the_audio(viewers, users, client):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    party = plain_party(client, users, host, guest, title="Talk night")
    speaker = enter_room(viewers, host, party["id"])
    listener = enter_room(viewers, guest, party["id"], viewport=PHONE)
    expect(
        listener.page.get_by_text("Joining asks your browser for your microphone")
    ).to_be_visible()
    _join_voice(speaker, 0)
    _join_voice(listener, 1)
    _flowing(speaker)
    _flowing(listener)
    wide = "() => document.documentElement.scrollWidth <= window.innerWidth"
    assert listener.page.evaluate(wide), "the voice tiles push a phone's page sideways"
    tile = speaker.page.locator(f".voice-tile[data-user='{guest.id}']")
    tile.get_by_role("button", name="Mute for all").click()
    expect(listener.page.get_by_text("A host or moderator muted you.")).to_be_visible()
    expect(listener.page.get_by_role("button", name="Unmute")).to_be_visible()
    time.sleep(0.5)  # packets already on the way
    before = _sent(listener)
    time.sleep(1.5)
    assert _sent(listener) - before < 200, "a muted microphone still sends audio"
    assert _sent(speaker) > 0
    assert speaker.errors() == [] and listener.errors() == []


def test_audio_is_relayed_through_coturn_when_only_relay_is_allowed(
    viewers, users, client, app, monkeypatch
):
    monkeypatch.setitem(app.config, "TURN_SECRET", "test-turn-secret")
    monkeypatch.setitem(app.config, "TURN_URLS", ["turn:127.0.0.1:3478?transport=udp"])
    monkeypatch.setitem(app.config, "STUN_URLS", [])
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    party = plain_party(client, users, host, guest, title="Relay night")
    people = []
    for user in (host, guest):
        viewer = viewers(user)
        viewer.context.add_init_script("sessionStorage.setItem('watchparty.voice.policy', 'relay')")
        people.append(enter_room_again(viewer, party["id"]))
    _join_voice(people[0], 0)
    _join_voice(people[1], 1)
    for viewer in people:
        assert _flowing(viewer, want_relay=True)["relay"] is True


def enter_room_again(viewer, party_id: str):
    """Open the room in an already-made context (one with an init script of its own)."""
    viewer.open(f"/party/{party_id}")
    expect(viewer.page.locator("section.chat[data-state='joined']")).to_be_attached()
    return viewer


def test_a_screen_share_reaches_the_others(viewers, users, client):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    party = plain_party(client, users, host, guest, title="Share night")
    watcher = enter_room(viewers, host, party["id"])
    sharer = enter_room(viewers, guest, party["id"])
    _join_voice(watcher, 0)
    _join_voice(sharer, 1)
    sharer.page.get_by_role("button", name="Share screen").click()
    expect(watcher.page.get_by_text("Gus Tester is sharing a screen")).to_be_visible()
    picture = watcher.page.locator(".voice-screen video")
    expect(picture).to_have_count(1)
    watcher.page.wait_for_function(
        "() => document.querySelector('.voice-screen video')?.videoWidth > 0", timeout=15_000
    )
    sharer.page.get_by_role("button", name="Stop sharing").click()
    expect(watcher.page.locator(".voice-screen")).to_be_hidden()


def test_three_people_each_hear_the_two_others(viewers, users, client):
    people = [users.create(first_name=name) for name in ("Hana", "Gus", "Ida")]
    party = plain_party(client, users, *people, title="Trio night")
    rooms = [enter_room(viewers, person, party["id"]) for person in people]
    for index, viewer in enumerate(rooms):
        _join_voice(viewer, index)
    for viewer in rooms:
        expect(viewer.page.locator(".voice-tile")).to_have_count(3)
        _flowing(viewer, peers=2)


def test_the_hosts_voice_switch_takes_guests_out_and_lets_them_back_in(viewers, users, client):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    party = plain_party(client, users, host, guest, title="Quiet night")
    hosting = enter_room(viewers, host, party["id"])
    guesting = enter_room(viewers, guest, party["id"], viewport=PHONE)
    _join_voice(hosting, 0)
    _join_voice(guesting, 1)
    panel = guesting.page.get_by_role("region", name="Voice chat")
    hosting.page.get_by_role("button", name="Turn voice off").click()
    expect(guesting.page.locator("section.voice[data-state='idle']")).to_be_attached()
    expect(panel.get_by_text("Voice chat was turned off.")).to_be_visible()
    # the API's own refusal (voice_disabled) is what the panel says in place of Join voice
    expect(panel.get_by_text("Voice chat is turned off in this party.")).to_be_visible()
    expect(panel.get_by_role("button", name="Join voice")).to_have_count(0)
    expect(guesting.page.locator(".voice-tile")).to_have_count(0)
    expect(hosting.page.get_by_role("button", name="Turn voice on")).to_be_visible()
    hosting.page.get_by_role("button", name="Turn voice on").click()
    _join_voice(guesting, 0)
    _join_voice(hosting, 1)
    _flowing(guesting)
    assert hosting.errors() == [] and guesting.errors() == []
