"""The credentials GET voice-chat/ hands out open a relay on the real coturn (loopback, started
by scripts/test-services.sh); an expired or forged one does not."""

import socket
import time

import pytest

from tests.voice.conftest import TURN_SECRET
from tests.voice.turn_client import allocate
from watchparty.voice.turn import credential


def _coturn_answers() -> bool:
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.settimeout(0.5)
    try:
        return probe.connect_ex(("127.0.0.1", 3478)) == 0
    finally:
        probe.close()


pytestmark = pytest.mark.skipif(
    not _coturn_answers(), reason="coturn is not running (bash scripts/test-services.sh)"
)


def test_coturn_accepts_the_credentials_a_member_is_given(client, crowd, turn):
    body = client.get(crowd.url("voice-chat/"), headers=crowd.headers[crowd.member.id]).get_json()
    relay = next(s for s in body["ice_servers"] if "username" in s)
    assert allocate("127.0.0.1", 3478, relay["username"], relay["credential"]) == 200


def test_coturn_refuses_expired_credentials(crowd):
    username = f"{int(time.time()) - 5}:{crowd.member.id}"
    assert allocate("127.0.0.1", 3478, username, credential(TURN_SECRET, username)) == 401


def test_coturn_refuses_credentials_of_another_secret(crowd):
    username = f"{int(time.time()) + 600}:{crowd.member.id}"
    assert allocate("127.0.0.1", 3478, username, credential("not-the-secret", username)) == 401
