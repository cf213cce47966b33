"""The safety net: content reported by `report_threshold` distinct people is hidden pending
review, from REST lists and from its page; dismissing the reports shows it again; a removal
hides each kind of content wherever it is listed."""

import pytest

from tests.moderation.kit import chat_room, chat_texts, filed, staff_post
from tests.videos.factories import make_video
from watchparty.creators.models import CreatorProfile
from watchparty.extensions import db
from watchparty.site import settings as site_settings
from watchparty.site.models import AuditEntry


@pytest.fixture
def threshold():
    """Set the site's report threshold."""
    return lambda n: site_settings.update(None, "report_threshold", n)


def _titles(client, path, headers=None) -> list[str]:
    response = client.get(path, headers=headers or {})
    assert response.status_code == 200, response.get_json()
    return [item.get("title") for item in response.get_json()["results"]]


def test_enough_reporters_hide_a_chat_message_until_dismissed(client, users, parties, threshold):
    threshold(2)
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    party, _, message = chat_room(users, parties, ada, bob)
    report = filed(client, users, ada, "chat_message", message.id)
    filed(client, users, ada, "user", bob.id)  # other content does not count
    assert chat_texts(client, users, bob, party) == ["m0"]
    filed(client, users, bob, "chat_message", message.id)
    assert chat_texts(client, users, ada, party) == []
    entry = db.session.query(AuditEntry).filter_by(action="moderation.auto_hide").one()
    assert entry.target_type == "chat_message" and entry.actor_id is None
    path = f"/admin/reports/{report['id']}/dismiss/"
    assert staff_post(client, users, moderator, path, {"reason": "banter"}).status_code == 200
    assert chat_texts(client, users, ada, party) == ["m0"]


def test_a_video_reported_past_the_threshold_leaves_lists(client, users, threshold):
    threshold(1)
    ada, owner = users.create(), users.create()
    video = make_video(owner, title="Scam")
    assert _titles(client, "/api/videos/") == ["Scam"]
    filed(client, users, ada, "video", video.id)
    assert _titles(client, "/api/videos/") == []
    assert client.get(f"/api/videos/{video.id}/").status_code == 404
    owner_view = client.get(f"/api/videos/{video.id}/", headers=users.session_headers(owner))
    assert owner_view.status_code == 200


def test_a_public_party_reported_past_the_threshold_leaves_discovery(
    client, users, parties, threshold
):
    threshold(1)
    party = parties.create(users.create(), title="Open house", visibility="public")
    assert _titles(client, "/api/parties/public/") == ["Open house"]
    filed(client, users, users.create(), "party", party.id)
    assert _titles(client, "/api/parties/public/") == []


def test_removing_a_video_comment_hides_it_from_the_comments(client, users):
    ada, troll, moderator = users.create(), users.create(), users.moderator()
    video = make_video(users.create())
    url = f"/api/videos/{video.id}/comments/"
    said = client.post(url, json={"content": "buy pills"}, headers=users.session_headers(troll))
    report = filed(client, users, ada, "video_comment", said.get_json()["id"])
    body = {"action": "remove", "reason": "spam"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    assert client.get(url).get_json()["results"] == []


def test_removing_a_post_hides_it_from_the_creators_page(client, users):
    creator, reader, moderator = users.create(), users.create(), users.moderator()
    db.session.add(CreatorProfile(user_id=creator.id, bio="films"))
    db.session.commit()
    body = {"title": "Ads", "text": "cheap"}
    made = client.post("/api/feed/posts/", json=body, headers=users.session_headers(creator))
    made = made.get_json()
    page, headers = f"/api/creators/{creator.id}/posts/", users.session_headers(reader)
    assert _titles(client, page, headers) == ["Ads"]
    report = filed(client, users, reader, "creator_post", made["id"])
    body = {"action": "remove", "reason": "spam"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    assert _titles(client, page, headers) == []
    assert client.get(f"/api/feed/posts/{made['id']}/", headers=headers).status_code == 404


def test_removing_a_direct_message_hides_it_from_the_thread(client, users, sockets):
    ada, bob, moderator = users.create(), users.create(), users.moderator()
    live = sockets(ada, "/messaging")
    start = {"participant_ids": [str(ada.id)]}
    bob_headers = users.session_headers(bob)
    chat = client.post("/api/messaging/conversations/", json=start, headers=bob_headers)
    url = f"/api/messaging/conversations/{chat.get_json()['id']}/messages/"
    sent = client.post(url, json={"text": "send me money"}, headers=bob_headers).get_json()
    report = filed(client, users, ada, "direct_message", sent["id"])
    body = {"action": "remove", "reason": "scam"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    thread = client.get(url, headers=users.session_headers(ada)).get_json()
    assert thread["results"] == []
    gone = live.wait_for("deleted")
    assert gone == {"conversation_id": chat.get_json()["id"], "message_id": sent["id"]}


def test_a_removed_chat_message_is_deleted_in_open_chats(client, users, parties, sockets):
    ada, moderator = users.create(), users.moderator()
    party, _, message = chat_room(users, parties, ada)
    live = sockets(ada, "/chat")
    assert live.call("join", {"party_id": str(party.id)})["ok"] is True
    report = filed(client, users, ada, "chat_message", message.id)
    body = {"action": "remove", "reason": "spam"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    gone = live.wait_for("deleted")
    assert gone == {"party_id": str(party.id), "message_id": str(message.id)}
    rejoined = live.call("join", {"party_id": str(party.id)})
    assert rejoined["messages"] == []


def test_no_action_shows_held_back_content_again(client, users, threshold):
    threshold(1)
    ada, moderator = users.create(), users.moderator()
    video = make_video(users.create(), title="Fine")
    report = filed(client, users, ada, "video", video.id)
    assert _titles(client, "/api/videos/") == []
    body = {"action": "no_action", "reason": "fine"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    assert _titles(client, "/api/videos/") == ["Fine"]


def test_removing_a_party_ends_it_for_everyone(client, users, parties):
    ada, moderator = users.create(), users.moderator()
    host = users.create()
    party = parties.create(host, title="Pills", visibility="public")
    report = filed(client, users, ada, "party", party.id)
    body = {"action": "remove", "reason": "scam"}
    staff_post(client, users, moderator, f"/admin/reports/{report['id']}/resolve/", body)
    seen = client.get(f"/api/parties/{party.id}/", headers=users.session_headers(ada))
    assert seen.status_code == 404
    assert _titles(client, "/api/parties/public/") == []
