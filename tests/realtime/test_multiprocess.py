"""Two real server processes sharing one party through Redis; kill -9 of one mid-party."""

import os
import signal

import pytest

from tests.conftest import DATABASE_URL, REDIS_URL
from tests.live import Socket
from tests.realtime.partykit import position_at, until
from tests.test_wsgi import Server
from watchparty.live import presence

pytestmark = pytest.mark.skipif(
    not (REDIS_URL and DATABASE_URL),
    reason="two processes share a party only through Redis and a server database: "
    "set TEST_REDIS_URL and TEST_DATABASE_URL",
)


class Process(Server):
    """`python wsgi.py` (eventlet) sharing the test database and Redis, fast heartbeat."""

    def __init__(self, app, tmp_path, name: str) -> None:
        super().__init__(
            tmp_path,
            DATABASE_URL,
            name=name,
            REDIS_URL=REDIS_URL,
            SECRET_KEY=app.config["SECRET_KEY"],
            JWT_SECRET_KEY=app.config["JWT_SECRET_KEY"],
            ASYNC_MODE="eventlet",
            FLASK_ENV="development",
            PRESENCE_HEARTBEAT_SECONDS="0.5",
            PRESENCE_HEARTBEAT_TTL="1.5",
        )

    def wait_ready(self, timeout: float = 30) -> "Process":
        super().wait_ready(timeout)
        return self

    def kill(self) -> None:
        """kill -9: no shutdown, no goodbyes."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)


@pytest.fixture
def processes(app, tmp_path):
    """Start server processes (in parallel); all stopped after the test."""
    started: list[Process] = []

    def start(count: int) -> list[Process]:
        batch = [Process(app, tmp_path, f"server{len(started) + i}") for i in range(count)]
        started.extend(batch)
        return [p.wait_ready() for p in batch]

    yield start
    for process in started:
        process.stop()


@pytest.fixture
def connect(users):
    """A /party socket of `user` on a process, joined to the party: (socket, join ack)."""
    opened: list[Socket] = []

    def open_(process: Process, user, party, namespace: str = "/party"):
        socket = Socket(process.url, namespace, users.session(user)["access_token"])
        opened.append(socket)
        ack = socket.call("join", {"party_id": str(party.id)})
        assert ack["ok"], ack
        return socket, ack

    yield open_
    for socket in opened:
        socket.client.disconnect()


def command(socket, party, action: str, **fields) -> dict:
    ack = socket.call("control", {"party_id": str(party.id), "action": action, **fields})
    assert ack["ok"], ack
    return ack


def test_command_through_one_process_reaches_clients_of_the_other(processes, connect, parties):
    a, b = processes(2)
    party = parties.create()
    viewer = parties.add(party)
    on_a, _ = connect(a, viewer, party)
    host_on_b, joined = connect(b, party.host, party)
    assert joined["party"]["online_count"] == 2  # presence is shared
    played = command(host_on_b, party, "play", position=12.0, cmd_id="mp-1")
    assert on_a.wait_for("state", lambda s: s["seq"] == played["seq"]) == played["state"]
    host_on_a, _ = connect(a, party.host, party)
    again = command(host_on_a, party, "play", position=12.0, cmd_id="mp-1")
    assert again["seq"] == played["seq"] and again["duplicate"] is True
    paused = command(host_on_b, party, "pause")
    assert paused["seq"] == played["seq"] + 1
    assert on_a.wait_for("state", lambda s: s["seq"] == paused["seq"])["playing"] is False


def test_killed_process_clients_resync_on_the_other(processes, connect, parties):
    survivor, victim = processes(2)
    party = parties.create()
    host = party.host
    movers = [parties.add(party) for _ in range(2)]
    ghost = parties.add(party)  # never reconnects: presence must forget it
    host_socket, _ = connect(survivor, host, party)
    for user in [*movers, ghost]:
        connect(victim, user, party)
    until(lambda: presence.online_count(party.id) == 4)
    command(host_socket, party, "play", position=30.0)
    latest = command(host_socket, party, "seek", position=61.0)["state"]

    victim.kill()
    resynced = [connect(survivor, user, party) for user in movers]
    for _, ack in resynced:
        state, now = ack["state"], ack["server_time"]
        assert state["seq"] == latest["seq"] and state["playing"] is True
        assert position_at(state, now) == pytest.approx(position_at(latest, now), abs=0.01)
    until(lambda: presence.online_count(party.id) == 3, timeout=10)
    assert str(ghost.id) not in presence.online_users(party.id)
    # the survivor tells the room that the user who did not come back has left
    gone = host_socket.wait_for(
        "presence", lambda p: p["event"] == "left" and p["user"]["id"] == str(ghost.id), timeout=10
    )
    assert gone["party_id"] == str(party.id) and gone["online_count"] == 3
    # and the reconnected clients follow the party from here on
    after = command(host_socket, party, "pause")
    for socket, _ in resynced:
        assert socket.wait_for("state", lambda s: s["seq"] == after["seq"])["playing"] is False


def test_no_acknowledged_chat_message_is_lost_when_a_process_dies(processes, connect, parties):
    survivor, victim = processes(2)
    party = parties.create()
    member = parties.add(party)
    chat, _ = connect(victim, member, party, "/chat")
    acked = []
    for n in range(20):
        ack = chat.call("send", {"party_id": str(party.id), "text": f"m{n}", "client_id": f"c{n}"})
        assert ack["ok"], ack
        acked.append(ack["message"]["id"])
    victim.kill()
    _, snapshot = connect(survivor, member, party, "/chat")
    kept = {m["id"] for m in snapshot["messages"]}
    assert set(acked) <= kept


def test_chat_ban_takes_a_socket_held_by_another_process_out_of_the_room(
    processes, connect, parties, client, users
):
    a, b = processes(2)
    party = parties.create()
    member = parties.add(party)
    banned, _ = connect(a, member, party, "/chat")
    host_chat, _ = connect(b, party.host, party, "/chat")
    # the ban is handled by a third process (this one): it reaches `a` through Redis
    url = f"/api/chat/{party.id}/ban/"
    response = client.post(
        url, json={"user_id": str(member.id)}, headers=users.session_headers(party.host)
    )
    assert response.status_code == 200, response.get_json()
    assert banned.wait_for("banned")["party_id"] == str(party.id)
    ack = host_chat.call("send", {"party_id": str(party.id), "text": "after the ban"})
    host_chat.wait_for("message", lambda m: m["id"] == ack["message"]["id"])
    # packets on one connection arrive in order: a broadcast would precede this ack
    said = banned.call("send", {"party_id": str(party.id), "text": "let me in"})
    assert said["error"] == "chat_banned"
    assert banned.received("message") == []


def test_logout_closes_the_sessions_sockets_held_by_other_processes_within_a_second(
    processes, parties, users, client
):
    a, b = processes(2)
    party = parties.create()
    member = parties.add(party)
    tokens = users.session(member)
    held = [Socket(a.url, "/party", tokens["access_token"])]
    held.append(Socket(b.url, "/chat", tokens["access_token"]))
    for socket in held:
        assert socket.call("join", {"party_id": str(party.id)})["ok"]
    # The logout is handled by a third process (this one): the close reaches a and b via Redis.
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.post("/api/auth/logout/", json={}, headers=headers).status_code == 200
    for socket in held:
        until(lambda s=socket: s.namespace not in s.client.namespaces, timeout=1)
