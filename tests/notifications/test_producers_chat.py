"""Chat raises a notification for `@name` (a display name, any case) to a member who is away
from the party, none to one watching it; unread mentions in one party collapse."""

from tests.notifications.producer_kit import block, of_type, only
from tests.realtime.partykit import Parties


def _say(client, users, user, party, text: str) -> dict:
    response = client.post(
        f"/api/chat/{party.id}/messages/send/",
        json={"message": text},
        headers=users.session_headers(user),
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _party(users, sockets):
    kit = Parties(users, sockets)
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", display_name="Bobby Tables")
    party = kit.create(ada, title="Film club")
    kit.add(party, bob)
    return kit, party, ada, bob


def test_a_mention_reaches_an_away_member_in_any_case(client, users, sockets):
    _, party, ada, bob = _party(users, sockets)
    sent = _say(client, users, ada, party, "Where is @bobby tables? Starting soon")
    item = only(client, users, bob, "mention")
    assert item["title"] == "New mention"
    assert item["message"] == (
        "Ada Lovelace mentioned you in “Film club”: Where is @bobby tables? Starting soon"
    )
    assert item["data"] == {
        "party_id": str(party.id),
        "message_id": sent["id"],
        "sender_id": str(ada.id),
    }


def test_a_member_watching_the_party_is_not_notified(client, users, sockets):
    kit, party, ada, bob = _party(users, sockets)
    kit.join(bob, party)
    _say(client, users, ada, party, "@Bobby Tables look at this")
    assert of_type(client, users, bob, "mention") == []


def test_a_name_inside_a_word_or_an_address_is_no_mention(client, users, sockets):
    _, party, ada, bob = _party(users, sockets)
    _say(client, users, ada, party, "mail me at ada@bobby tables.com or @bobby tablesXL")
    assert of_type(client, users, bob, "mention") == []


def test_unread_mentions_in_one_party_collapse(client, users, sockets):
    _, party, ada, bob = _party(users, sockets)
    for text in ("@bobby tables one", "@BOBBY TABLES two", "@Bobby Tables three"):
        _say(client, users, ada, party, text)
    item = only(client, users, bob, "mention")
    assert item["count"] == 3 and item["message"] == "3 mentions in “Film club”"


def test_a_blocked_author_mentions_nobody(client, users, sockets):
    _, party, ada, bob = _party(users, sockets)
    block(client, users, bob, ada)
    _say(client, users, ada, party, "@bobby tables hello?")
    assert of_type(client, users, bob, "mention") == []
