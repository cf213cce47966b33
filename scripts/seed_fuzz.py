"""Seed a live server with real data for the API fuzz run, through its own HTTP API.

    .venv/bin/python scripts/seed_fuzz.py --base http://127.0.0.1:5099 --out DIR

Makes users with sessions, a superuser (`flask admin promote`), a video transcoded by the
server's own pipeline (and a finished direct upload), public and private parties with members,
chat, reactions, polls with votes, invitations, comments, creators with a tier, a creator
subscription, a tip and platform subscriptions paid through localstripe (STRIPE_API_BASE).
Prints `export NAME=value` lines (tokens, ids) and writes DIR/<identity>.toml, the schemathesis
configs that feed the real ids to the fuzzer (see fuzz_config.py).
"""

import argparse
import os
import shlex
import tempfile
import time
from pathlib import Path

import requests
from fuzz_config import write_config
from seed_helpers import (
    Api,
    card,
    deliver_stripe_webhooks,
    ids,
    inner,
    make_clip,
    promote,
    sign_up,
    wait_for,
)

ROLES = [("admin", "Ada"), ("user", "Uma"), ("bob", "Bob"), ("carol", "Cara"), ("dave", "Dev")]


def seed_people(base: str, tag: str) -> dict:
    """Accounts with two sessions each (the throwaway `victim` three); admin is a superuser."""
    people = {}
    for role, first in [*ROLES, ("victim", "Vic")]:
        email = f"fuzz-{role}-{tag}@example.com"
        api, user = sign_up(base, email, first, sessions=3 if role == "victim" else 2)
        people[role] = {"api": api, "id": str(user["id"]), "email": email}
    promote(people["admin"]["email"])
    return people


def ready_video(api: Api, clip: Path) -> tuple[dict, dict]:
    """Upload `clip` and wait until the server's transcoder has published its HLS ladder."""
    with clip.open("rb") as handle:
        upload = api.call(
            "POST",
            "/api/videos/upload/",
            expect=(201,),
            data={
                "title": "Seeded clip",
                "description": "For the fuzz run",
                "visibility": "public",
            },
            files={"video_file": (clip.name, handle, "video/mp4")},
        )

    def transcoded() -> bool:
        status = api.get(f"/api/videos/upload/{upload['upload_id']}/status/")
        if status["status"] == "failed":
            raise SystemExit(f"seed: transcoding failed: {status}")
        return status["status"] == "ready"

    wait_for(transcoded, "ready video (is a worker running?)", timeout=300)
    video = api.get(f"/api/videos/{upload['video_id']}/")
    if video["status"] != "ready" or len(video.get("quality_variants") or []) < 2:
        raise SystemExit(f"seed: the video has no renditions: {video}")
    return upload, video


def direct_upload(api: Api, clip: Path) -> dict:
    """A direct upload (presigned PUT) of `clip`, its bytes stored, not yet completed."""
    body = {"filename": "direct.mp4", "file_size": clip.stat().st_size}
    grant = api.post("/api/videos/upload/s3/", body | {"content_type": "video/mp4"})
    put = requests.put(
        grant["upload_url"], data=clip.read_bytes(), headers=grant["headers"], timeout=60
    )
    put.raise_for_status()
    return grant


def seed_videos(people: dict, folder: Path) -> dict:
    """A transcoded, ready video with comments, a like and a view; its playback token."""
    user, bob = people["user"]["api"], people["bob"]["api"]
    clip = make_clip(folder)
    upload, video = ready_video(user, clip)
    grant = direct_upload(user, clip)
    video_id = str(video["id"])
    comment = inner(bob.post(f"/api/videos/{video_id}/comments/", {"content": "Great"}), "comment")
    reply = {"content": "Thanks!", "parent_id": str(comment["id"])}
    user.post(f"/api/videos/{video_id}/comments/", reply)
    bob.post(f"/api/videos/{video_id}/like/", {"is_like": True})
    bob.post(f"/api/videos/{video_id}/views/", {"watch_time": 2, "position": 2})
    stream = user.get(f"/api/videos/{video_id}/stream/")
    token = stream["streaming_url"].split("token=", 1)[-1].split("&", 1)[0]
    return {
        "video_id": [video_id],
        "upload_id": [str(upload["upload_id"]), str(grant["upload_id"])],
        "file_key": [grant["file_key"]],
        "comment_id": [str(comment["id"])],
        "name": ["master.m3u8"] + [f"{q}/index.m3u8" for q in video["quality_variants"]],
        "token": [token],
    }


def seed_public_party(people: dict, video_id: str) -> dict:
    """A started public party of the video, with members, chat, reactions and a voted poll."""
    host, bob, carol = (people[k]["api"] for k in ("user", "bob", "carol"))
    body = {"title": "Seeded movie night", "video_id": video_id, "visibility": "public"}
    party = host.post("/api/parties/", body | {"category": "movies"})
    party_id = str(party["id"])
    for guest in (bob, carol):
        guest.post(f"/api/parties/{party_id}/join/", {"message": "hi"})
    host.post(f"/api/parties/{party_id}/start/")
    said = [host.post(f"/api/chat/{party_id}/messages/send/", {"text": "Welcome all"})]
    said.append(bob.post(f"/api/parties/{party_id}/chat/", {"text": "Hello!"}))
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
    carol.post(f"/api/parties/{invited}/invite/", {"user_ids": [people["user"]["id"]]})
    bob.post(f"/api/parties/{private}/invite/", {"user_ids": [people["dave"]["id"]]})
    invitations = ids(user.get("/api/parties/invitations/"))
    invitations += ids(dave.get("/api/parties/invitations/"))
    return {
        "party_id": [private, gated_id, invited],
        "invitation_id": invitations,
        "invite_code": [invite["invite_code"]],
    }


def seed_creators(people: dict) -> dict:
    """Two creators (the user with a tier); carol subscribes to the user's tier and tips."""
    user, bob, carol = (people[k]["api"] for k in ("user", "bob", "carol"))
    user.post("/api/creators/", {"bio": "I make seeded clips", "subscription_price": 5})
    bob.post("/api/creators/", {"bio": "Bob's channel", "subscription_price": 3})
    body = {"name": "Fan", "price": 3, "benefits": ["Early access"]}
    tier = inner(user.post("/api/creators/me/tiers/", body), "tier")
    creator = people["user"]["id"]
    pay = {"payment_method_id": card(), "tier_id": str(tier["id"])}
    carol.post(f"/api/creators/{creator}/subscribe/", pay, expect=(201, 202))
    tip = {"creator_id": creator, "amount": 2, "message": "Thanks", "payment_method_id": card()}
    carol.post("/api/payments/tips/", tip, expect=(201, 202))
    return {"tier_id": [str(tier["id"])], "creator_id": [creator, people["bob"]["id"]]}


def seed_billing(people: dict, tag: str) -> dict:
    """Platform subscriptions (premium, basic), an address, a promo code; invoices by webhook."""
    user, carol, admin = (people[k]["api"] for k in ("user", "carol", "admin"))
    for api, plan in ((user, "premium"), (carol, "basic")):
        api.post("/api/billing/subscribe/", {"plan_id": plan, "payment_method_id": card()})
    address = {"line1": "1 Main St", "city": "Paris", "postal_code": "75001", "country": "FR"}
    user.call("PUT", "/api/billing/address/", json=address)
    code = f"FUZZ{tag.replace('-', '')[-8:]}"
    admin.post("/api/billing/promo-codes/", {"code": code, "percent_off": 10})
    invoices = wait_for(lambda: ids(user.get("/api/billing/history/")), "invoice (by webhook)")
    events = admin.get("/api/billing/admin/webhook-events/")
    return {
        "payment_method_id": ids(user.get("/api/billing/payment-methods/")),
        "invoice_id": invoices[:3],
        "event_id": ids(events)[:5],
        "promo_code": [code],
    }


def seed_accounts(people: dict, party_id: str) -> dict:
    """A data export, a party report, onboarding and settings: per-account state."""
    user, carol = people["user"]["api"], people["carol"]["api"]
    export = user.post("/api/users/export-data/", expect=(200, 201, 202))
    report = {"party_id": party_id, "reason": "spam", "description": "seeded report"}
    carol.post("/api/parties/report/", report)
    user.post("/api/users/onboarding/", {"step": "take_tour", "completed": True})
    user.call("PATCH", "/api/users/settings/", json={"theme": "dark"})
    return {"export_id": [str(export.get("export_id") or export.get("id"))]}


def seed(base: str) -> tuple[dict, dict]:
    """Everything, in dependency order: (people, ids by parameter name)."""
    tag = f"{os.getpid()}-{int(time.time())}"
    deliver_stripe_webhooks(base)
    people = seed_people(base, tag)
    with tempfile.TemporaryDirectory() as folder:
        found = seed_videos(people, Path(folder))
    public = seed_public_party(people, found["video_id"][0])
    private = seed_private_parties(people)
    found |= public | private | {"party_id": public["party_id"] + private["party_id"]}
    found |= seed_creators(people) | seed_billing(people, tag)
    found |= seed_accounts(people, found["party_id"][0])
    found["provider"] = ["google", "github", "facebook", "apple"]
    return people, found


def main() -> None:
    """Seed, print the exports and write one schemathesis config per identity."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the live server, e.g. http://127.0.0.1:5099")
    parser.add_argument("--out", type=Path, required=True, help="folder for <identity>.toml")
    options = parser.parse_args()
    people, found = seed(options.base.rstrip("/"))
    everyone = [person["id"] for person in people.values()]
    user, victim = people["user"]["api"], people["victim"]["api"]
    configs = {
        "admin": {"user_id": [p["id"] for r, p in people.items() if r != "admin"]},
        "user": {
            "session_id": [
                s for s in ids(user.get("/api/auth/sessions/")) if s != user.session_id()
            ]
        },
        "victim": {
            "session_id": [
                s for s in ids(victim.get("/api/auth/sessions/")) if s != victim.session_id()
            ]
        },
        "anonymous": {},
    }
    options.out.mkdir(parents=True, exist_ok=True)
    for identity, own in configs.items():
        messages = found["message_id"] + everyone
        write_config(
            options.out / f"{identity}.toml",
            found | {"user_id": everyone, "target_id": messages} | own,
        )
    exports = {f"{role.upper()}_TOKEN": people[role]["api"].token for role in ("admin", "user")}
    exports["VICTIM_TOKEN"] = victim.token
    exports |= {f"SEED_{name.upper()}": " ".join(values) for name, values in sorted(found.items())}
    for name, value in exports.items():
        print(f"export {name}={shlex.quote(value)}")


if __name__ == "__main__":
    main()
