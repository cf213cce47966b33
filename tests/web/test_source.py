"""A broken source is said to be the source's fault, with its reason, not the viewer's
connection; a dropped connection is said to be the connection."""

import re

from playwright.sync_api import expect

from watchparty.parties.models import PUBLIC


def test_a_source_that_answers_404_is_broken_not_your_connection(
    viewers, users, parties, allow_private
):
    host = users.create()
    # Stored as if it had worked when it was added and broke later (the API probes new URLs).
    party = parties.create(host, visibility=PUBLIC, media_url=allow_private.url("/gone.m3u8"))
    viewer = viewers(host).open(f"/party/{party.id}")
    problem = viewer.page.locator(".stage [role=alert]")
    # hls.js names the HTTP status; a browser playing HLS natively can only say it failed.
    expect(problem).to_have_text(
        re.compile(r"^The video source is broken: it (answered HTTP 404|is not playable media)")
    )
    expect(problem).to_have_attribute("data-kind", "source")
    assert viewer.errors() == []
