"""Helpers for the player/sync browser tests: open a room, read players, measure the gap.

Both browser contexts run on this machine, so `performance.timeOrigin + performance.now()` is
one shared clock: each sample is projected to a common instant before two players are compared
(sampling one page and then the other is never simultaneous).
"""

from playwright.sync_api import expect

VIDEO = "video.player-video"
SAMPLE = """() => {
  const v = document.querySelector('video.player-video');
  return [v.currentTime, performance.timeOrigin + performance.now(), v.playbackRate, v.paused];
}"""


def open_room(viewers, user, party_id: str, viewport=None):
    """A viewer signed in as `user` with the room open and the party's video loaded."""
    viewer = viewers(user, viewport=viewport).open(f"/party/{party_id}")
    wait_loaded(viewer.page)
    return viewer


def wait_loaded(page) -> None:
    """Wait until the room joined and the player has the video's metadata."""
    page.wait_for_function(
        f"() => {{ const v = document.querySelector('{VIDEO}'); return v && v.readyState >= 1; }}"
    )


# Playing means frames have moved at the playback rate for the last 250 ms: right after play()
# an element sits still for its start latency (~80 ms after a seek in Chromium), and a player
# that starts early on purpose to make up for it would be measured inside that transient.
STEADY = """([past, below]) => {
  const v = document.querySelector('video.player-video');
  if (!v || v.paused || v.readyState < 3 || v.currentTime <= past || v.currentTime >= below) {
    window.__steady = [];
    return false;
  }
  const now = performance.now(), seen = (window.__steady ||= []);
  seen.push([now, v.currentTime]);
  while (seen.length > 1 && now - seen[1][0] >= 250) seen.shift();
  const [then, position] = seen[0];
  if (now - then < 250) return false;
  const speed = (v.currentTime - position) / ((now - then) / 1000);
  return Math.abs(speed / v.playbackRate - 1) < 0.2;
}"""


def wait_playing(page, past: float = 0.0, below: float = 1e9) -> None:
    """Wait until the player plays steadily between `past` and `below` seconds."""
    page.wait_for_function(STEADY, arg=[past, below])


def wait_paused(page) -> None:
    """Wait until the player is paused (and not seeking)."""
    page.wait_for_function(
        f"() => {{ const v = document.querySelector('{VIDEO}');"
        " return v && v.paused && !v.seeking; }"
    )


def expect_in_sync(page, timeout: float = 10_000) -> None:
    """The sync indicator says "In sync"."""
    indicator = page.locator(".sync-indicator")
    expect(indicator).to_have_attribute("data-state", "sync", timeout=timeout)
    expect(indicator.locator(".sync-label")).to_have_text("In sync")
    expect(indicator.get_by_role("status")).to_have_text("In sync")  # what a screen reader hears


def sample(page) -> tuple[float, float, float, bool]:
    """(position s, shared clock ms, playbackRate, paused) of the page's player."""
    position, at, rate, paused = page.evaluate(SAMPLE)
    return position, at, rate, paused


def project(reading, when_ms: float) -> float:
    """Where a sampled player is at the shared time `when_ms`."""
    position, at, rate, paused = reading
    return position if paused else position + (when_ms - at) / 1000 * rate


def gap_ms(first, second) -> float:
    """How far `second`'s player is ahead (+) of `first`'s, both projected to one instant."""
    a, b = sample(first), sample(second)
    when = (a[1] + b[1]) / 2
    return (project(b, when) - project(a, when)) * 1000


def gaps_ms(first, second, count: int = 8) -> list[float]:
    """Several gap measurements in a row (alternating the order of sampling)."""
    return [gap_ms(first, second) if i % 2 == 0 else -gap_ms(second, first) for i in range(count)]
