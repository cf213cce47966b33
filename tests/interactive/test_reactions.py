"""Reactions: one emoji, members only, switchable, rate limited, broadcast and listed."""

from tests.helpers import assert_error
from watchparty.extensions import db


def test_socket_reaction_is_acked_and_broadcast_to_the_party(crowd, joined):
    watcher = joined(crowd.host, crowd.party)
    sender = joined(crowd.member, crowd.party)
    ack = sender.call("react", {"party_id": str(crowd.party.id), "emoji": "😂", "video_ts": 12.5})
    assert ack["ok"] is True, ack
    got = watcher.wait_for("reaction")
    assert got["id"] == ack["reaction"]["id"]
    assert got["emoji"] == "😂" and got["video_ts"] == 12.5
    assert got["party_id"] == str(crowd.party.id)
    assert got["user"]["id"] == str(crowd.member.id)
    assert got["created_at"].endswith("Z")


def test_rest_reactions_reach_socket_clients(client, crowd, joined):
    watcher = joined(crowd.host, crowd.party)
    headers = crowd.headers[crowd.member.id]
    first = client.post(
        crowd.url("reactions/create/"), json={"emoji": "🔥", "timestamp": 3}, headers=headers
    )
    assert first.status_code == 201, first.get_json()
    alias = client.post(
        f"/api/parties/{crowd.party.id}/react/",
        json={"emoji": "👍🏽", "timestamp": 180.3},
        headers=headers,
    )
    assert alias.status_code == 201, alias.get_json()
    assert alias.get_json()["video_ts"] == 180.3
    watcher.wait_for("reaction", lambda r: r["emoji"] == "🔥" and r["video_ts"] == 3.0)
    watcher.wait_for(
        "reaction", lambda r: r["emoji"] == "👍🏽" and r["id"] == alias.get_json()["id"]
    )


GOOD_EMOJI = ["❤️", "👨‍👩‍👧‍👦", "🇫🇷", "1️⃣", "🏳️‍🌈", "👍🏽"]
BAD_EMOJI = ["", " ", "lol", "😂😂", "😂 ", "🇫🇷🇩🇪", "1", 7, None]


def test_accepts_one_emoji_grapheme(client, crowd):
    url, headers = crowd.url("reactions/create/"), crowd.headers[crowd.member.id]
    for emoji in GOOD_EMOJI:
        response = client.post(url, json={"emoji": emoji}, headers=headers)
        assert response.status_code == 201, (emoji, response.get_json())
        assert response.get_json()["emoji"] == emoji


def test_rejects_anything_but_one_emoji(client, crowd, sockets):
    url, headers = crowd.url("reactions/create/"), crowd.headers[crowd.member.id]
    socket = sockets(crowd.member, "/interactive")
    for emoji in BAD_EMOJI:
        response = client.post(url, json={"emoji": emoji}, headers=headers)
        assert "emoji" in assert_error(response, 400)["errors"], emoji
        ack = socket.call("react", {"party_id": str(crowd.party.id), "emoji": emoji, "video_ts": 1})
        assert ack["ok"] is False and ack["error"] == "validation_error", (emoji, ack)
    assert client.get(url.replace("create/", ""), headers=headers).get_json()["count"] == 0


def test_rejects_a_bad_video_time(client, crowd):
    url, headers = crowd.url("reactions/create/"), crowd.headers[crowd.member.id]
    for video_ts in [-1, "soon", True, 1e12, "nan"]:
        response = client.post(url, json={"emoji": "😂", "video_ts": video_ts}, headers=headers)
        assert "video_ts" in assert_error(response, 400)["errors"], video_ts
    bad_alias = client.post(url, json={"emoji": "😂", "timestamp": -3}, headers=headers)
    assert "timestamp" in assert_error(bad_alias, 400)["errors"]


def test_reactions_are_refused_when_the_party_turns_them_off(client, crowd, sockets):
    crowd.party.allow_reactions = False
    db.session.commit()
    response = client.post(
        crowd.url("reactions/create/"), json={"emoji": "😂"}, headers=crowd.headers[crowd.member.id]
    )
    assert_error(response, 403, "reactions_disabled")
    ack = sockets(crowd.host, "/interactive").call(
        "react", {"party_id": str(crowd.party.id), "emoji": "😂", "video_ts": 0}
    )
    assert ack["ok"] is False and ack["error"] == "reactions_disabled"


def test_outsiders_cannot_react_join_or_list(client, crowd, sockets):
    headers = crowd.headers[crowd.outsider.id]
    assert_error(
        client.post(crowd.url("reactions/create/"), json={"emoji": "😂"}, headers=headers), 403
    )
    assert_error(client.get(crowd.url("reactions/"), headers=headers), 403)
    assert_error(client.get(crowd.url("reactions/heatmap/"), headers=headers), 403)
    ack = sockets(crowd.outsider, "/interactive").call("join", {"party_id": str(crowd.party.id)})
    assert ack["ok"] is False and ack["error"] == "not_a_participant"


def test_unknown_party_is_404_and_bad_ids_are_400(client, crowd, sockets):
    headers = crowd.headers[crowd.member.id]
    url = "/api/interactive/parties/00000000-0000-4000-8000-000000000000/reactions/create/"
    assert_error(client.post(url, json={"emoji": "😂"}, headers=headers), 404, "party_not_found")
    socket = sockets(crowd.member, "/interactive")
    assert socket.call("join", {"party_id": "nope"})["error"] == "validation_error"
    assert socket.call("react", "not an object")["error"] == "validation_error"


def test_reactions_are_rate_limited_per_user(client, crowd, app, monkeypatch, sockets):
    monkeypatch.setitem(app.config, "REACTION_BURST", 3)
    monkeypatch.setitem(app.config, "REACTION_RATE", 0.01)
    headers = crowd.headers[crowd.member.id]
    for _ in range(3):
        ok = client.post(crowd.url("reactions/create/"), json={"emoji": "😂"}, headers=headers)
        assert ok.status_code == 201
    limited = client.post(crowd.url("reactions/create/"), json={"emoji": "😂"}, headers=headers)
    assert_error(limited, 429, "rate_limited")
    assert limited.headers["X-RateLimit-Limit"] == "3" and "Retry-After" in limited.headers
    ack = sockets(crowd.member, "/interactive").call(
        "react", {"party_id": str(crowd.party.id), "emoji": "😂", "video_ts": 0}
    )
    assert ack["ok"] is False and ack["error"] == "rate_limited"
    other = client.post(
        crowd.url("reactions/create/"), json={"emoji": "😂"}, headers=crowd.headers[crowd.host.id]
    )
    assert other.status_code == 201
    listed = client.get(crowd.url("reactions/"), headers=headers).get_json()
    assert listed["count"] == 4


def test_lists_reactions_newest_first_and_since(client, crowd):
    headers = crowd.headers[crowd.member.id]
    ids = []
    for emoji in ("😀", "😂", "🔥"):
        body = client.post(
            crowd.url("reactions/create/"), json={"emoji": emoji}, headers=headers
        ).get_json()
        ids.append(body["id"])
    page = client.get(crowd.url("reactions/?page_size=2"), headers=headers).get_json()
    assert page["count"] == 3 and page["total_pages"] == 2
    assert [r["id"] for r in page["results"]] == [ids[2], ids[1]]
    first = client.get(crowd.url(f"reactions/{'?page=2&page_size=2'}"), headers=headers).get_json()
    assert [r["id"] for r in first["results"]] == [ids[0]]
    since = page["results"][1]["created_at"]
    newer = client.get(crowd.url("reactions/"), query_string={"since": since}, headers=headers)
    assert ids[1] not in [r["id"] for r in newer.get_json()["results"]]
    assert_error(client.get(crowd.url("reactions/?since=yesterday"), headers=headers), 400)


def test_heatmap_buckets_reactions_by_video_time(client, crowd):
    from watchparty.interactive.service import reaction_heatmap

    headers = crowd.headers[crowd.member.id]
    host_headers = crowd.headers[crowd.host.id]
    for ts, emoji, who in [
        (0, "😂", headers),
        (9.99, "🔥", headers),
        (9.5, "🔥", host_headers),
        (10, "😂", headers),
        (35, "😂", headers),
    ]:
        response = client.post(
            crowd.url("reactions/create/"), json={"emoji": emoji, "video_ts": ts}, headers=who
        )
        assert response.status_code == 201
    assert reaction_heatmap(crowd.party.id) == [
        {"start": 0.0, "end": 10.0, "count": 3, "top_emoji": "🔥"},
        {"start": 10.0, "end": 20.0, "count": 1, "top_emoji": "😂"},
        {"start": 30.0, "end": 40.0, "count": 1, "top_emoji": "😂"},
    ]
    wide = client.get(crowd.url("reactions/heatmap/?bucket_seconds=60"), headers=headers).get_json()
    assert wide["total"] == 5 and wide["bucket_seconds"] == 60
    assert wide["buckets"] == [{"start": 0.0, "end": 60.0, "count": 5, "top_emoji": "😂"}]
    assert_error(client.get(crowd.url("reactions/heatmap/?bucket_seconds=0"), headers=headers), 400)
