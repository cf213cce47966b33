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
    deliver_stripe_webhooks,
    ids,
    inner,
    make_clip,
    promote,
    sign_up,
    wait_for,
)
from seed_money import seed_billing, seed_creators
from seed_parties import seed_private_parties, seed_public_party

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
