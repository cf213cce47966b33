"""How closely real browsers follow a party: N Chromium viewers playing one HLS video.

Starts `python wsgi.py` (embedded default, eventlet) in a temp dir, uploads a generated clip
through the API and waits for the real transcode, opens N headless Chromium contexts (Debian's
chromium through Playwright) in the party room, and drives playback over REST: play, then a
seek every `--seek-every` seconds, one pause/resume. Every 200 ms it samples each page's
`video.currentTime` with the page's clock and compares it with the authoritative position from
the state (`position + (t - at) / 1000 * rate`). Prints the error distribution in steady play
(excluding 2 s after each command), how long viewers took to land within 50 ms after a
seek/play, and the command to reproduce.

    .venv/bin/python bench/browser_sync.py [--viewers 4] [--seconds 60] [--seek-every 15]
"""

import argparse
import json
import random
import sys
import time
import uuid

from browser_server import Server
from rt_common import pct

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--autoplay-policy=no-user-gesture-required",
]  # fmt: skip
SAMPLE = """() => { const v = document.querySelector("video");
  return v ? [v.currentTime, performance.timeOrigin + performance.now(), v.readyState] : null; }"""


def expected(state: dict, t_ms: float) -> float:
    """The authoritative position (s) at server time t_ms."""
    if not state.get("playing"):
        return float(state["position"])
    return float(state["position"]) + max(0.0, t_ms - state["at"]) / 1000 * float(state["rate"])


def open_viewers(browser, server: Server, logins: list[dict], party_id: str) -> list:
    """One context per viewer, signed in through localStorage, in the room."""
    pages = []
    for login in logins:
        context = browser.new_context()
        keep = {k: login[k] for k in ("access_token", "refresh_token", "user")}
        context.add_init_script(
            f"localStorage.setItem('watchparty.session', {json.dumps(json.dumps(keep))})"
        )
        page = context.new_page()
        page.goto(f"{server.url}/party/{party_id}")
        pages.append(page)
    for page in pages:
        page.wait_for_function("document.querySelector('video')?.readyState >= 2", timeout=60000)
    return pages


def control(server, token, party_id, action, **fields) -> dict:
    """A REST playback command; returns the new authoritative state."""
    body = {"action": action, "cmd_id": str(uuid.uuid4()), **fields}
    answer = server.call("POST", f"/api/parties/{party_id}/control/", body, token=token)
    return answer.get("state", answer)


def measure(pages, server, token, party_id, seconds, seek_every, duration) -> dict:
    """Drive playback and sample every page; returns errors (ms) and settle times (ms)."""
    state = control(server, token, party_id, "play", position=0)
    commands, errors, settles = [state["at"]], [], []
    pending = state["at"]
    started = time.monotonic()
    next_seek, paused_once = started + seek_every, False
    while time.monotonic() - started < seconds:
        now = time.monotonic()
        if now >= next_seek:
            next_seek = now + seek_every
            if not paused_once and now - started > seconds / 2:
                paused_once = True
                control(server, token, party_id, "pause")
                time.sleep(1)
                state = control(server, token, party_id, "play")
            else:
                state = control(
                    server,
                    token,
                    party_id,
                    "seek",
                    position=random.uniform(2, duration - seek_every - 5),
                )
            commands.append(state["at"])
            pending = state["at"]
        samples = [page.evaluate(SAMPLE) for page in pages]
        diffs = [(cur - expected(state, t)) * 1000 for cur, t, _ in samples]
        sample_t = max(t for _, t, _ in samples)
        if pending is not None and all(abs(d) <= 50 for d in diffs):
            settles.append(sample_t - pending)
            pending = None
        if sample_t - commands[-1] > 2000:
            errors.extend(diffs)
        time.sleep(0.2)
    return {"errors": errors, "settles": settles, "commands": len(commands)}


def report(args, result) -> None:
    """Print the figures and the command that reproduces them."""
    absolute = sorted(abs(e) for e in result["errors"])
    print(
        f"viewers: {args.viewers} Chromium pages, {args.seconds} s, {result['commands']} commands"
    )
    print(
        f"|position - authoritative| in steady play (ms, {len(absolute)} samples): "
        f"p50 {pct(absolute, 50):.1f}  p95 {pct(absolute, 95):.1f}  p99 {pct(absolute, 99):.1f}  "
        f"max {absolute[-1]:.1f}"
    )
    settles = sorted(result["settles"])
    if settles:
        print(
            f"time from a command's `at` to every viewer within 50 ms (ms, {len(settles)}): "
            f"p50 {pct(settles, 50):.0f}  max {settles[-1]:.0f}"
        )
    print(f"reproduce: .venv/bin/python bench/browser_sync.py {' '.join(sys.argv[1:])}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--seek-every", type=int, default=15)
    parser.add_argument("--clip-seconds", type=int, default=120)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server = Server()
    try:
        logins = [server.user(n) for n in range(args.viewers)]
        host = logins[0]["access_token"]
        video_id = server.ready_video(host, args.clip_seconds)
        party = server.call(
            "POST",
            "/api/parties/",
            {"title": "Bench", "video_id": video_id, "visibility": "public"},
            token=host,
        )
        for login in logins[1:]:
            server.call(
                "POST", f"/api/parties/{party['id']}/join/", {}, token=login["access_token"]
            )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS
            )
            pages = open_viewers(browser, server, logins, party["id"])
            result = measure(
                pages, server, host, party["id"], args.seconds, args.seek_every, args.clip_seconds
            )
            browser.close()
        report(args, result)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
