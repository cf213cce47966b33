"""The chat word filter: the site-wide list and the party's own, whole words in any case,
checked before a message is stored (a 400 over REST, an error ack over the socket)."""

from tests.helpers import assert_error
from watchparty.chat.models import ChatMessage
from watchparty.extensions import db
from watchparty.site import settings as site_settings


def _send(client, users, who, party, text):
    url = f"/api/chat/{party.id}/messages/send/"
    return client.post(url, json={"text": text}, headers=users.session_headers(who))


def _stored() -> list[str]:
    db.session.expire_all()
    return [m.text for m in db.session.query(ChatMessage)]


def test_the_site_word_filter_blocks_whole_words_in_any_case(client, users, parties):
    site_settings.update(None, "chat_word_filter", ["Darn"])
    host = users.create()
    party = parties.create(host, visibility="public")
    body = assert_error(_send(client, users, host, party, "well DARN it"), 400, "blocked_word")
    assert body["errors"] == {"text": ["Contains a blocked word."]}
    assert _send(client, users, host, party, "darning socks").status_code == 201
    assert _stored() == ["darning socks"]


def test_a_party_adds_its_own_words(client, users, parties):
    host, guest = users.create(), users.create()
    party = parties.create(host, visibility="public")
    parties.add(party, guest)
    url = f"/api/chat/{party.id}/settings/"
    refused = client.put(
        url, json={"blocked_words": ["spoiler"]}, headers=users.session_headers(guest)
    )
    assert refused.status_code == 403
    changed = client.put(
        url, json={"blocked_words": [" Spoiler "]}, headers=users.session_headers(host)
    )
    assert changed.get_json()["blocked_words"] == ["spoiler"]
    assert_error(_send(client, users, guest, party, "Spoiler: he dies"), 400, "blocked_word")
    other = parties.create(host, visibility="public")
    assert _send(client, users, host, other, "spoiler: fine here").status_code == 201
    assert _stored() == ["spoiler: fine here"]
    bad = client.put(url, json={"blocked_words": [""]}, headers=users.session_headers(host))
    assert_error(bad, 400, "validation_error")


def test_a_socket_message_with_a_blocked_word_is_refused(users, parties, sockets):
    site_settings.update(None, "chat_word_filter", ["darn"])
    host = users.create()
    party = parties.create(host, visibility="public")
    chat = sockets(host, "/chat")
    assert chat.call("join", {"party_id": str(party.id)})["ok"] is True
    ack = chat.call("send", {"party_id": str(party.id), "text": "darn!"})
    assert ack["ok"] is False and ack["error"] == "blocked_word"
    assert _stored() == []
