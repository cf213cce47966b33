"""The schemathesis config of one identity: real ids as dictionaries, bound to parameters.

schemathesis (4.x) draws a bound parameter from its dictionary with REAL_ID_PROBABILITY and
generates it otherwise, so real resources and unknown or malformed ids are both tried.
"""

import json
from pathlib import Path

REAL_ID_PROBABILITY = 0.75

PATH_IDS = (
    "comment_id",
    "event_id",
    "export_id",
    "file_key",
    "invitation_id",
    "invoice_id",
    "name",
    "party_id",
    "payment_method_id",
    "poll_id",
    "provider",
    "session_id",
    "tier_id",
    "upload_id",
    "user_id",
    "video_id",
)
# Request fields that name a resource: (binding key, dictionary).
FIELDS = {
    "query.token": "token",
    "body.video_id": "video_id",
    "body.party_id": "party_id",
    "body.option_id": "option_id",
    "body.code": "room_code",
    "body.room_code": "room_code",
    "body.invite_code": "invite_code",
    "body.payment_method_id": "payment_method_id",
    "body.creator_id": "creator_id",
    "body.tier_id": "tier_id",
    "body.user_id": "user_id",
    "body.user_ids[*]": "user_id",
    "body.target_id": "target_id",
    "body.reply_to": "message_id",
    "body.parent_id": "comment_id",
    "body.promo_code": "promo_code",
}


def write_config(path: Path, ids: dict[str, list[str]]) -> None:
    """Write a schemathesis.toml with a dictionary per id list and the bindings that use it."""
    lines, known = [], set()
    for name, values in sorted(ids.items()):
        values = sorted({str(v) for v in values if v})
        if values:
            known.add(name)
            lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values)}", ""]
    bindings = {f"path.{name}": name for name in PATH_IDS} | FIELDS
    lines.append("[parameters]")
    for key, name in bindings.items():
        if name in known:
            lines.append(
                f'"{key}" = {{ dictionary = "{name}", probability = {REAL_ID_PROBABILITY} }}'
            )
    path.write_text("\n".join(lines) + "\n")
