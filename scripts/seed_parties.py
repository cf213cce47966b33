"""Seeding parties for scripts/seed_fuzz.py: members, chat, moderation, reactions, polls."""

from seed_helpers import ids, inner


def seed_public_party(people: dict, video_id: str) -> dict:
    """A started public party of the video: members (admin too), chat, a warning, reactions and
    a voted poll."""
    host, bob, carol, admin = (people[k]["api"] for k in ("user", "bob", "carol", "admin"))
    body = {"title": "Seeded movie night", "video_id": video_id, "visibility": "public"}
    party = host.post("/api/parties/", body | {"category": "movies"})
    party_id = str(party["id"])
    for guest in (bob, carol, admin):
        guest.post(f"/api/parties/{party_id}/join/", {"message": "hi"})
    host.post(f"/api/parties/{party_id}/start/")
    said = [host.post(f"/api/chat/{party_id}/messages/send/", {"text": "Welcome all"})]
    said.append(bob.post(f"/api/parties/{party_id}/chat/", {"text": "Hello!"}))
    said.append(admin.post(f"/api/chat/{party_id}/messages/send/", {"text": "Staff here"}))
    warning = {"action": "warn_user", "target_id": people["carol"]["id"], "reason": "seeded"}
    host.post(f"/api/chat/{party_id}/moderate/", warning)
    for api, emoji in ((host, "🎉"), (bob, "👍"), (carol, "😂")):
        reaction = {"emoji": emoji, "video_ts": 1.0}
        api.post(f"/api/interactive/parties/{party_id}/reactions/create/", reaction)
    poll = host.post(
        f"/api/interactive/parties/{party_id}/polls/create/",
        {"question": "Sequel next?", "options": ["Yes", "No"], "duration": 3600},
    )
    poll = inner(poll, "poll")
    options = [str(option["id"]) for option in poll["options"]]
    vote = f"/api/interactive/parties/{party_id}/polls/{poll['id']}/vote/"
    for api, option in zip((bob, carol), options, strict=False):
        api.post(vote, {"option_id": option})
    return {
        "party_id": [party_id],
        "poll_id": [str(poll["id"])],
        "option_id": options,
        "room_code": [party["room_code"]],
        "message_id": [str(inner(m, "message")["id"]) for m in said],
    }


def seed_private_parties(people: dict) -> dict:
    """Private parties joined by invite code or invitation; a public one with a pending request."""
    user, bob, carol, dave = (people[k]["api"] for k in ("user", "bob", "carol", "dave"))
    private = str(bob.post("/api/parties/", {"title": "Private", "visibility": "private"})["id"])
    invite = bob.post(f"/api/parties/{private}/generate-invite/", {"max_uses": 10})
    user.post("/api/parties/join-by-invite/", {"invite_code": invite["invite_code"]})
    bob.post(f"/api/chat/{private}/messages/send/", {"text": "Just us"})
    gated = {"title": "Seeded approval party", "visibility": "public", "require_approval": True}
    gated_id = str(user.post("/api/parties/", gated)["id"])
    dave.post(f"/api/parties/{gated_id}/join/", {"message": "let me in"})
    invited = str(carol.post("/api/parties/", {"title": "Carol's", "visibility": "private"})["id"])
    guests = [people["user"]["id"], people["admin"]["id"]]
    carol.post(f"/api/parties/{invited}/invite/", {"user_ids": guests})
    bob.post(f"/api/parties/{private}/invite/", {"user_ids": [people["dave"]["id"]]})
    invitations = []
    for role in ("user", "admin", "dave"):
        invitations += ids(people[role]["api"].get("/api/parties/invitations/"))
    return {
        "party_id": [private, gated_id, invited],
        "invitation_id": invitations,
        "invite_code": [invite["invite_code"]],
    }
