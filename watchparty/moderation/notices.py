"""Moderation decisions, told to the people they concern: whoever reported the content (what
came of it) and whoever owns it (what was decided about it). Sent after the commit."""

from watchparty.common.notify import notify, notify_many

KIND = "moderation_decision"
TO_REPORTERS = {
    "no_action": "Staff reviewed the {label} you reported and took no action.",
    "dismissed": "Staff reviewed the {label} you reported and dismissed the report.",
    "remove": "Thanks for your report: staff removed the {label}.",
    "warn": "Thanks for your report: staff warned its author.",
    "suspend": "Thanks for your report: staff suspended the account.",
    "ban": "Thanks for your report: staff banned the account.",
}
TO_OWNER = {
    "no_action": ("Your content is visible again", "Staff reviewed your {label} and restored it."),
    "dismissed": ("Your content is visible again", "Staff reviewed your {label} and restored it."),
    "remove": ("Your content was removed", "Staff removed your {label}: {reason}"),
    "warn": ("A warning from the moderators", "About your {label}: {reason}"),
    "suspend": ("Your account was suspended", "Staff suspended your account: {reason}"),
    "ban": ("Your account was banned", "Staff banned your account: {reason}"),
}


def decided(
    decision: str, label: str, reports: list, owner_id, staff_id, reason: str, restored: bool
) -> None:
    """Tell every reporter what came of their report, and the owner when it concerns them
    (any action, or content restored after being held back)."""
    data = {
        "decision": decision,
        "content_type": reports[0].content_type,
        "content_id": str(reports[0].content_id),
        "report_ids": [str(r.id) for r in reports],
    }
    person = reports[0].content_type == "user"
    name = "person" if person else label.lower()
    notify_many(
        [r.reporter_id for r in reports],
        KIND,
        "Your report was reviewed",
        TO_REPORTERS[decision].format(label=name),
        data=data,
        actor_id=staff_id,
    )
    if owner_id is None or (decision in ("no_action", "dismissed") and not restored):
        return
    title, text = TO_OWNER[decision]
    why = reason or "it breaks the community rules."
    mine = "account" if person else name
    notify(owner_id, KIND, title, text.format(label=mine, reason=why), data=data, actor_id=staff_id)


def party_removed(party, reporter_ids, staff_id) -> None:
    """Staff removed a party from the admin list: its host hears, and so does each reporter."""
    data = {"party_id": str(party.id), "decision": "removed"}
    notify(
        party.host_id,
        KIND,
        "Your party was removed",
        f"Staff removed your party “{party.title}” for breaking the community rules",
        data=data,
        actor_id=staff_id,
    )
    notify_many(
        reporter_ids,
        KIND,
        "Action taken on your report",
        f"Thanks for your report: staff removed the party “{party.title}”",
        data=data,
        actor_id=staff_id,
    )
