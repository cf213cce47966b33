"""The one table of what each domain plugs in: blueprints with their URL prefixes, Socket.IO
namespaces, and the hooks by which a domain contributes to the domains below it."""

from flask import Flask
from werkzeug.utils import import_string

from watchparty.extensions import api, socketio

# (module whose `blp` it is, URL prefix) in registration order, which is the order of the
# OpenAPI document's tags; several blueprints share a prefix.
BLUEPRINTS = [
    ("watchparty.meta.routes", "/api"),
    ("watchparty.meta.maintenance_routes", "/api"),
    ("watchparty.auth.routes", "/api/auth"),
    ("watchparty.auth.social_routes", "/api/auth/social"),
    ("watchparty.users.profile_routes", "/api/auth"),
    ("watchparty.auth.user_aliases", "/api/users"),
    ("watchparty.users.routes", "/api/users"),
    ("watchparty.users.account_routes", "/api/users"),
    ("watchparty.friends.routes", "/api/users"),
    ("watchparty.friends.presence_routes", "/api/users"),
    ("watchparty.library.routes", "/api/users"),
    ("watchparty.moderation.user_report_routes", "/api/users"),
    ("watchparty.dashboard.routes", "/api/dashboard"),
    ("watchparty.admin.routes", "/api/admin"),
    ("watchparty.admin.settings_routes", "/api/admin"),
    ("watchparty.admin.maintenance_routes", "/api/admin"),
    ("watchparty.admin.log_routes", "/api/admin"),
    ("watchparty.admin.staff_routes", "/api/admin"),
    ("watchparty.parties.routes", "/api/parties"),
    ("watchparty.parties.lifecycle_routes", "/api/parties"),
    ("watchparty.moderation.routes", "/api/parties"),
    ("watchparty.parties.invite_routes", "/api/parties"),
    ("watchparty.parties.member_routes", "/api/parties"),
    ("watchparty.playback.routes", "/api/parties"),
    ("watchparty.playback.queue_routes", "/api/parties"),
    ("watchparty.chat.party_routes", "/api/parties"),
    ("watchparty.interactive.party_routes", "/api/parties"),
    ("watchparty.moderation.staff_routes", "/api/admin"),
    ("watchparty.chat.routes", "/api/chat"),
    ("watchparty.chat.moderation_routes", "/api/chat"),
    ("watchparty.interactive.routes", "/api/interactive"),
    ("watchparty.voice.routes", "/api/interactive"),
    ("watchparty.videos.upload_routes", "/api/videos"),
    ("watchparty.videos.routes", "/api/videos"),
    ("watchparty.videos.playback_routes", "/api/videos"),
    ("watchparty.videos.engagement_routes", "/api/videos"),
    ("watchparty.videos.comment_routes", "/api/videos"),
    ("watchparty.videos.analytics_routes", "/api/videos"),
    ("watchparty.videos.subtitle_routes", "/api/videos"),
    ("watchparty.interactive.video_routes", "/api/videos"),
    ("watchparty.integrations.routes", "/api/integrations"),
    ("watchparty.billing.routes", "/api/billing"),
    ("watchparty.billing.account_routes", "/api/billing"),
    ("watchparty.billing.webhook_routes", "/api/billing"),
    ("watchparty.creators.routes", "/api/creators"),
    ("watchparty.creators.payment_routes", "/api/payments"),
    ("watchparty.messaging.routes", "/api/messaging"),
    ("watchparty.groups.routes", "/api/social/groups"),
    ("watchparty.groups.member_routes", "/api/social/groups"),
    ("watchparty.groups.party_routes", "/api/social/groups"),
    ("watchparty.support.faq_routes", "/api/support"),
    ("watchparty.support.ticket_routes", "/api/support"),
    ("watchparty.support.feedback_routes", "/api/support"),
    ("watchparty.feed.routes", "/api/feed"),
    ("watchparty.feed.creator_routes", "/api/creators"),
    ("watchparty.feed.user_routes", "/api/users"),
    ("watchparty.notifications.routes", "/api/notifications"),
    ("watchparty.notifications.device_routes", "/api/notifications"),
    ("watchparty.notifications.mobile_routes", "/api/mobile"),
    ("watchparty.notifications.user_routes", "/api/users"),
    ("watchparty.notifications.admin_routes", "/api/notifications"),
    ("watchparty.notifications.staff_routes", "/api/admin"),
    ("watchparty.moderation.report_routes", "/api/moderation"),
    ("watchparty.moderation.queue_routes", "/api/moderation/admin"),
    ("watchparty.moderation.decision_routes", "/api/moderation/admin"),
    ("watchparty.moderation.admin_report_routes", "/api/admin"),
    ("watchparty.admin.health_routes", "/api/admin"),
    ("watchparty.admin.dashboard_routes", "/api/admin"),
    ("watchparty.admin.video_routes", "/api/admin"),
    ("watchparty.admin.banner_routes", "/api/admin"),
    ("watchparty.admin.public_banner_routes", "/api"),
    ("watchparty.search.routes", "/api/search"),
]


def blueprints() -> list:
    """(blueprint, url_prefix) for every REST domain, imported when the app is built."""
    return [(import_string(f"{module}:blp"), prefix) for module, prefix in BLUEPRINTS]


def namespaces() -> list:
    """(Namespace class, path) for every real-time domain."""
    from watchparty.chat.events import ChatNamespace
    from watchparty.common.realtime import (
        CHAT_NS,
        INTERACTIVE_NS,
        MESSAGING_NS,
        NOTIFICATIONS_NS,
        PARTY_NS,
        PEOPLE_NS,
        RTC_NS,
        VIDEOS_NS,
    )
    from watchparty.friends.events import PeopleNamespace
    from watchparty.interactive.events import InteractiveNamespace
    from watchparty.messaging.events import MessagingNamespace
    from watchparty.notifications.events import NotificationsNamespace
    from watchparty.playback.events import PartyNamespace
    from watchparty.videos.events import VideosNamespace
    from watchparty.voice.events import RtcNamespace

    return [
        (PartyNamespace, PARTY_NS),
        (ChatNamespace, CHAT_NS),
        (InteractiveNamespace, INTERACTIVE_NS),
        (RtcNamespace, RTC_NS),
        (VideosNamespace, VIDEOS_NS),
        (MessagingNamespace, MESSAGING_NS),
        (PeopleNamespace, PEOPLE_NS),
        (NotificationsNamespace, NOTIFICATIONS_NS),
    ]


def hooks() -> list:
    """Each domain's `hooks.register`, lowest domain first."""
    from watchparty.auth.hooks import register as auth
    from watchparty.billing.hooks import register as billing
    from watchparty.chat.hooks import register as chat
    from watchparty.creators.hooks import register as creators
    from watchparty.feed.hooks import register as feed
    from watchparty.friends.hooks import register as friends
    from watchparty.groups.hooks import register as groups
    from watchparty.interactive.hooks import register as interactive
    from watchparty.library.hooks import register as library
    from watchparty.messaging.hooks import register as messaging
    from watchparty.notifications.hooks import register as notifications
    from watchparty.parties.hooks import register as parties
    from watchparty.search.hooks import register as search
    from watchparty.users.hooks import register as users
    from watchparty.videos.hooks import register as videos
    from watchparty.voice.hooks import register as voice

    return [
        users,
        notifications,
        auth,
        videos,
        parties,
        chat,
        interactive,
        voice,
        friends,
        library,
        billing,
        creators,
        messaging,
        feed,
        groups,
        search,
    ]


def register_hooks() -> None:
    """Let every domain attach its contributions to the domains below it."""
    for register in hooks():
        register()


def register_api(app: Flask) -> None:
    """Register every REST blueprint (documented in the OpenAPI spec) and admin pages."""
    for blueprint, prefix in blueprints():
        api.register_blueprint(blueprint, url_prefix=prefix)
    from watchparty.admin.console import console
    from watchparty.admin.rq import mount_rq_dashboard
    from watchparty.auth.pages import pages as auth_pages
    from watchparty.meta.docs import docs_assets
    from watchparty.web.routes import web

    for pages in (docs_assets, auth_pages, console, web):
        app.register_blueprint(pages)
    mount_rq_dashboard(app)
    from watchparty.admin.metrics import metrics_page

    app.register_blueprint(metrics_page)


def register_namespaces() -> None:
    """Attach every Socket.IO namespace to the server init_app just created."""
    for namespace, path in namespaces():
        socketio.on_namespace(namespace(path))
