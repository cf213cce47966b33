"""The one table of what each domain plugs in: blueprints with their URL prefixes, Socket.IO
namespaces, and the hooks by which a domain contributes to the domains below it."""

from flask import Flask

from watchparty.extensions import api, socketio


def blueprints() -> list:
    """(blueprint, url_prefix) for every REST domain."""
    from watchparty.admin.routes import blp as admin
    from watchparty.auth.routes import blp as auth
    from watchparty.auth.social_routes import blp as social
    from watchparty.auth.user_aliases import blp as auth_aliases
    from watchparty.billing.account_routes import blp as billing_account
    from watchparty.billing.routes import blp as billing
    from watchparty.billing.webhook_routes import blp as billing_webhooks
    from watchparty.chat.moderation_routes import blp as chat_moderation
    from watchparty.chat.party_routes import blp as party_chat
    from watchparty.chat.routes import blp as chat
    from watchparty.creators.payment_routes import blp as payments
    from watchparty.creators.routes import blp as creators
    from watchparty.dashboard.routes import blp as dashboard
    from watchparty.integrations.routes import blp as integrations
    from watchparty.interactive.party_routes import blp as party_reactions
    from watchparty.interactive.routes import blp as interactive
    from watchparty.interactive.video_routes import blp as video_reactions
    from watchparty.meta.routes import blp as meta
    from watchparty.moderation.routes import blp as party_reports
    from watchparty.moderation.staff_routes import blp as party_admin
    from watchparty.parties.invite_routes import blp as party_invites
    from watchparty.parties.lifecycle_routes import blp as party_lifecycle
    from watchparty.parties.member_routes import blp as party_members
    from watchparty.parties.routes import blp as parties
    from watchparty.playback.routes import blp as party_control
    from watchparty.users.account_routes import blp as users_account
    from watchparty.users.profile_routes import blp as auth_profile
    from watchparty.users.routes import blp as users
    from watchparty.videos.analytics_routes import blp as video_analytics
    from watchparty.videos.comment_routes import blp as video_comments
    from watchparty.videos.engagement_routes import blp as video_engagement
    from watchparty.videos.playback_routes import blp as video_playback
    from watchparty.videos.routes import blp as videos
    from watchparty.videos.upload_routes import blp as video_uploads

    return [
        (meta, "/api"),
        (auth, "/api/auth"),
        (social, "/api/auth/social"),
        (auth_profile, "/api/auth"),
        (auth_aliases, "/api/users"),
        (users, "/api/users"),
        (users_account, "/api/users"),
        (dashboard, "/api/dashboard"),
        (admin, "/api/admin"),
        (parties, "/api/parties"),
        (party_lifecycle, "/api/parties"),
        (party_reports, "/api/parties"),
        (party_invites, "/api/parties"),
        (party_members, "/api/parties"),
        (party_control, "/api/parties"),
        (party_chat, "/api/parties"),
        (party_reactions, "/api/parties"),
        (party_admin, "/api/admin"),
        (chat, "/api/chat"),
        (chat_moderation, "/api/chat"),
        (interactive, "/api/interactive"),
        (video_uploads, "/api/videos"),
        (videos, "/api/videos"),
        (video_playback, "/api/videos"),
        (video_engagement, "/api/videos"),
        (video_comments, "/api/videos"),
        (video_analytics, "/api/videos"),
        (video_reactions, "/api/videos"),
        (integrations, "/api/integrations"),
        (billing, "/api/billing"),
        (billing_account, "/api/billing"),
        (billing_webhooks, "/api/billing"),
        (creators, "/api/creators"),
        (payments, "/api/payments"),
    ]


def namespaces() -> list:
    """(Namespace class, path) for every real-time domain."""
    from watchparty.chat.events import ChatNamespace
    from watchparty.common.realtime import CHAT_NS, INTERACTIVE_NS, PARTY_NS, VIDEOS_NS
    from watchparty.interactive.events import InteractiveNamespace
    from watchparty.playback.events import PartyNamespace
    from watchparty.videos.events import VideosNamespace

    return [
        (PartyNamespace, PARTY_NS),
        (ChatNamespace, CHAT_NS),
        (InteractiveNamespace, INTERACTIVE_NS),
        (VideosNamespace, VIDEOS_NS),
    ]


def hooks() -> list:
    """Each domain's `hooks.register`, lowest domain first."""
    from watchparty.auth.hooks import register as auth
    from watchparty.billing.hooks import register as billing
    from watchparty.chat.hooks import register as chat
    from watchparty.creators.hooks import register as creators
    from watchparty.interactive.hooks import register as interactive
    from watchparty.parties.hooks import register as parties
    from watchparty.videos.hooks import register as videos

    return [auth, videos, parties, chat, interactive, billing, creators]


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


def register_namespaces() -> None:
    """Attach every Socket.IO namespace to the server init_app just created."""
    for namespace, path in namespaces():
        socketio.on_namespace(namespace(path))
