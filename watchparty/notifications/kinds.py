"""The kinds of notification: which preference switch governs each, and the channels it goes
to by default (in-app always; email and push only where a person would want them)."""

from dataclasses import dataclass

IN_APP, EMAIL, WEB_PUSH, MOBILE_PUSH = "in_app", "email", "web_push", "mobile_push"
CHANNELS = (IN_APP, EMAIL, WEB_PUSH, MOBILE_PUSH)
PUSH = (WEB_PUSH, MOBILE_PUSH)


@dataclass(frozen=True)
class Kind:
    """One kind: its preference `switch` (a key of the notification settings) and defaults."""

    name: str
    switch: str
    label: str
    email: bool = False
    push: bool = True


KINDS = {
    k.name: k
    for k in (
        Kind("friend_request", "friend_requests", "Friend requests", email=True),
        Kind("friend_accepted", "friend_requests", "Accepted friend requests"),
        Kind("party_invitation", "party_invites", "Party invitations", email=True),
        Kind("friend_party_started", "friend_activity", "A friend started a public party"),
        Kind("party_starting", "party_reminders", "A scheduled party is starting", email=True),
        Kind("mention", "chat_mentions", "Mentions in a party chat"),
        Kind("new_message", "direct_messages", "Direct messages"),
        Kind("group_invitation", "group_invitations", "Group invitations"),
        Kind("video_comment", "video_comments", "Comments on your videos"),
        Kind("comment_reply", "video_comments", "Replies to your comments"),
        Kind("video_ready", "video_processing", "Your video is ready", email=True),
        Kind("video_failed", "video_processing", "Your video failed to process", email=True),
        Kind("tip_received", "creator_income", "Tips", email=True),
        Kind("new_subscriber", "creator_income", "New subscribers", email=True),
        Kind("creator_posted", "creator_posts", "Posts by creators you follow"),
        Kind("subscription_renewed", "billing", "Subscription renewed", email=True, push=False),
        Kind("subscription_payment_failed", "billing", "A payment failed", email=True),
        Kind("subscription_ending", "billing", "A subscription is ending", email=True),
        Kind("moderation_decision", "moderation", "Moderation decisions", email=True),
        Kind("support_reply", "support", "Replies to your support tickets", email=True),
        Kind("support_assigned", "support", "Support tickets assigned to you (staff)"),
        Kind("support_status", "support", "Status changes of your support tickets", email=True),
        Kind("feedback_status", "support", "Status changes of your feedback"),
        Kind("broadcast", "announcements", "Announcements from the team"),
        Kind("marketing", "marketing_emails", "News and offers", email=True, push=False),
        Kind("test", "announcements", "Test notifications", email=False),
    )
}


# An admin broadcast's `type` and the kind it is sent as.
BROADCAST_TYPES = {"announcement": "broadcast", "broadcast": "broadcast", "marketing": "marketing"}


def kind(name: str) -> Kind:
    """The kind called `name` (KeyError for an unknown one: a programming mistake)."""
    return KINDS[name]
