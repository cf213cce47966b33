"""Tips through localstripe: amounts, messages, declines, and the highlighted party chat event."""

from sqlalchemy import func, select

from tests.creators.conftest import DECLINED_LATER, card
from tests.factories import PartyFactory
from tests.helpers import assert_error
from watchparty.creators.models import Tip
from watchparty.extensions import db


def _tip(client, fan, creator, **body):
    body = {"creator_id": creator.id, "amount": "5.00", "payment_method_id": card()} | body
    return client.post("/api/payments/tips/", json=body, headers=fan.headers)


def test_a_tip_succeeds_and_the_creator_sees_its_message(client, stripe_on, creators, fan):
    creator = creators(price=None)
    response = _tip(client, fan, creator, message="Great content!")
    body = response.get_json()
    assert response.status_code == 201, body
    assert body["status"] == "success" and body["tip"]["amount"] == 5.0
    assert body["tip"]["user"]["id"] == fan.id and body["tip"]["creator"]["id"] == creator.id
    received = client.get("/api/payments/tips/received/", headers=creator.headers).get_json()
    assert [t["message"] for t in received["results"]] == ["Great content!"]
    sent = client.get("/api/payments/tips/sent/", headers=fan.headers).get_json()
    assert sent["count"] == 1 and sent["results"][0]["status"] == "succeeded"
    stats = client.get("/api/creators/me/", headers=creator.headers).get_json()["stats"]
    assert stats["tips_received"] == 1 and stats["tips_total"] == 5.0


def test_seed_path_takes_comment_text_and_a_number(client, stripe_on, creators, fan):
    creator = creators(price=None)
    body = {"creator_id": creator.id, "amount": 9.99, "comment_text": "hi"}
    body["payment_method_id"] = card()
    response = client.post("/api/payments/send-tip/", json=body, headers=fan.headers)
    assert response.status_code == 201, response.get_json()
    tip = db.session.scalar(select(Tip))
    assert (tip.amount, tip.message) == (999, "hi")


def test_bad_amounts_are_400_and_nothing_is_charged(client, stripe_on, creators, fan):
    creator = creators(price=None)
    for amount in (0, -5, "1.234", "500.01", "abc", True):
        assert_error(_tip(client, fan, creator, amount=amount), 400)
    assert_error(_tip(client, fan, creator, message="x" * 501), 400)
    assert db.session.scalar(select(func.count()).select_from(Tip)) == 0


def test_tips_to_non_creators_404_and_yourself_400(client, stripe_on, creators, fan, users):
    outsider = users.create()
    body = {"creator_id": str(outsider.id), "amount": "5.00"}
    response = client.post("/api/payments/tips/", json=body, headers=fan.headers)
    assert_error(response, 404, "creator_not_found")
    creator = creators(price=None)
    mine = client.post(
        "/api/payments/tips/", json={"creator_id": creator.id, "amount": 5}, headers=creator.headers
    )
    assert_error(mine, 400, "self_tip")


def test_a_declined_tip_is_402_and_stores_nothing(client, stripe_on, creators, fan):
    creator = creators(price=None)
    assert_error(_tip(client, fan, creator, payment_method_id=card(DECLINED_LATER)), 402)
    assert db.session.scalar(select(func.count()).select_from(Tip)) == 0
    sent = client.get("/api/payments/transactions/", headers=fan.headers).get_json()
    assert sent["count"] == 0


def test_a_tip_in_the_creators_party_is_a_live_chat_event(
    client, stripe_on, creators, fan, sockets
):
    creator = creators(price=None)
    parties = PartyFactory()
    party = parties.create(creator.user)
    parties.add(party, fan.user)
    watcher = sockets(creator.user, "/chat")
    assert watcher.call("join", {"party_id": str(party.id)})["ok"]
    response = _tip(client, fan, creator, party_id=str(party.id), message="Bravo")
    assert response.status_code == 201, response.get_json()
    live = watcher.wait_for("message")
    assert live["message_type"] == "tip" and live["tip"]["amount"] == 5.0
    assert live["user"]["id"] == fan.id and "Bravo" in live["text"]
    history = client.get(f"/api/chat/{party.id}/messages/", headers=creator.headers).get_json()
    assert [(m["message_type"], m["text"]) for m in history["results"]] == [
        ("tip", "Tipped 5.00 USD: Bravo")
    ]


def test_a_party_the_creator_does_not_host_is_refused(client, stripe_on, creators, fan):
    creator = creators(price=None)
    parties = PartyFactory()
    party = parties.create(fan.user)
    response = _tip(client, fan, creator, party_id=str(party.id))
    assert_error(response, 400)
    assert db.session.scalar(select(func.count()).select_from(Tip)) == 0
