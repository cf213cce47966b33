"""A direct message's notification, for the recipients with no live /messaging connection (an
open messaging page hears the message itself). Unread ones collapse per conversation."""

from watchparty.common.notify import notify
from watchparty.common.realtime import MESSAGING_NS
from watchparty.live import online
from watchparty.messaging.models import PARTY_INVITE, VIDEO_SHARE, Conversation, DirectMessage
from watchparty.users.models import User

PREVIEW = 140


def _lit(text: str) -> str:
    """User text inside a `collapsed` template, which is filled in with str.format."""
    return text.replace("{", "{{").replace("}", "}}")


def _preview(message: DirectMessage) -> str:
    if message.message_type == PARTY_INVITE:
        return "invited you to a party"
    if message.message_type == VIDEO_SHARE:
        return "shared a video"
    text = message.text or ""
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def new_message(
    conversation: Conversation, message: DirectMessage, sender: User, recipients
) -> None:
    """After the commit: each recipient (not the sender) who is not connected on /messaging."""
    many = (
        "{count} new messages in a group conversation"
        if conversation.is_group
        else f"{{count}} new messages from {_lit(sender.full_name)}"
    )
    for user_id in recipients:
        if user_id == sender.id or online.connected_on(user_id, MESSAGING_NS):
            continue
        notify(
            user_id,
            "new_message",
            f"New message from {sender.full_name}",
            f"{sender.full_name}: {_preview(message)}",
            data={
                "conversation_id": str(conversation.id),
                "message_id": str(message.id),
                "sender_id": str(sender.id),
            },
            actor_id=sender.id,
            collapse_key=f"new_message:{conversation.id}",
            collapsed=many,
        )
