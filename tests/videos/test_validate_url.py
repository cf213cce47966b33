"""validate-url: private networks are refused without a fetch; public-style media is probed
with one ranged GET through a pinned address, redirects re-checked, HLS durations summed."""

import ipaddress

import pytest

from tests.media_server import PADDING
from watchparty.errors import ValidationError
from watchparty.videos import remote

URL = "/api/videos/validate-url/"


def _check(client, headers, url):
    return client.post(URL, json={"url": url}, headers=headers)


def test_probes_an_mp4_with_one_ranged_request(client, me, allow_private):
    body = _check(client, me[1], allow_private.url("/clip.mp4")).get_json()
    assert body["valid"] is True and body["format"] == "mp4"
    assert body["content_type"] == "video/mp4"
    assert body["file_size"] == len(allow_private.clip)
    assert body["duration"] == pytest.approx(2.0, abs=0.1)
    assert [(p, r) for p, r, _ in allow_private.seen] == [("/clip.mp4", "bytes=0-2097151")]


def test_reads_only_the_head_of_a_large_file(client, me, allow_private):
    body = _check(client, me[1], allow_private.url("/big.mp4")).get_json()
    assert body["valid"] is True and body["file_size"] == len(allow_private.clip) + PADDING
    assert body["content_type"] == "video/mp4"  # octet-stream replaced by what was sniffed
    assert body["duration"] == pytest.approx(2.0, abs=0.1)
    assert allow_private.sent["/big.mp4"] <= remote.PROBE_BYTES


def test_sums_a_vod_playlist_and_leaves_live_and_master_durations_null(client, me, allow_private):
    vod = _check(client, me[1], allow_private.url("/vod.m3u8")).get_json()
    assert vod["valid"] is True and vod["duration"] == 10.5 and vod["format"] == "hls"
    for path in ("/live.m3u8", "/master.m3u8"):
        body = _check(client, me[1], allow_private.url(path)).get_json()
        assert body["valid"] is True and body["duration"] is None, path


def test_follows_a_redirect(client, me, allow_private):
    body = _check(client, me[1], allow_private.url("/redirect")).get_json()
    assert body["valid"] is True and body["format"] == "mp4"
    assert [p for p, _, _ in allow_private.seen] == ["/redirect", "/clip.mp4"]


def test_gives_up_after_three_redirects(client, me, allow_private):
    body = _check(client, me[1], allow_private.url("/loop")).get_json()
    assert body["valid"] is False and "redirects" in body["reason"]
    assert len(allow_private.seen) == 4  # the URL and three redirects, no more


def test_reports_not_found_and_non_video_as_invalid(client, me, allow_private):
    missing = _check(client, me[1], allow_private.url("/nothing.mp4")).get_json()
    assert missing["valid"] is False and "404" in missing["reason"]
    text = _check(client, me[1], allow_private.url("/notes.txt")).get_json()
    assert text["valid"] is False and text["reason"].startswith("File type not supported.")


def test_times_out_on_a_slow_server(app, client, me, allow_private):
    app.config["REMOTE_PROBE_TIMEOUT"] = 1
    try:
        body = _check(client, me[1], allow_private.url("/slow.mp4")).get_json()
    finally:
        app.config["REMOTE_PROBE_TIMEOUT"] = 10
    assert body["valid"] is False and "timed out" in body["reason"]


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "10.0.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "2130706433",
        "0.0.0.0",
        "224.0.0.1",
    ],
)
def test_refuses_non_public_addresses_without_fetching(client, me, media, host):
    media.seen.clear()
    response = _check(client, me[1], f"http://{host}:{media.port}/clip.mp4")
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "validation_error" and "non-public address" in body["errors"]["url"][0]
    assert media.seen == []


def test_refuses_a_redirect_to_loopback_after_a_first_hop_pinned_to_the_test_server(media):
    # The first hop is "media.example.com" pinned to the test server, as if its DNS answer had
    # been a public address; the redirect target must be checked again, and is refused.
    media.seen.clear()
    with pytest.raises(ValidationError) as refused:
        remote.follow(f"http://media.example.com:{media.port}/to-loopback", "127.0.0.1")
    assert "non-public address" in refused.value.message
    assert media.seen == [("/to-loopback", "bytes=0-2097151", f"media.example.com:{media.port}")]


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a.mp4",
        "file:///etc/passwd",
        "http://user:pw@example.com/a.mp4",
        "http:///a",
    ],
)
def test_rejects_other_schemes_credentials_and_missing_hosts(client, me, url):
    response = _check(client, me[1], url)
    assert response.status_code == 400 and "url" in response.get_json()["errors"]


def test_requires_authentication_and_a_url(client, me):
    assert client.post(URL, json={"url": "https://example.com/a.mp4"}).status_code == 401
    assert client.post(URL, json={}, headers=me[1]).status_code == 400


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("100.64.0.1", False),
        ("ff02::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("::127.0.0.1", False),
        ("2002:7f00:1::", False),
        ("64:ff9b::a00:1", False),
        ("64:ff9b::808:808", False),  # NAT64 lies in ::/8, which Python counts as reserved
    ],
)
def test_is_public_sees_ipv4_inside_ipv6_and_multicast(address, public):
    assert remote.is_public(ipaddress.ip_address(address)) is public
