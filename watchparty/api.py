"""The one table of blueprints and their URL prefixes."""

from flask import Flask

from watchparty.extensions import api


def blueprints() -> list:
    """(blueprint, url_prefix) for every REST domain."""
    from watchparty.admin.routes import blp as admin
    from watchparty.auth.routes import blp as auth
    from watchparty.auth.social_routes import blp as social
    from watchparty.auth.user_aliases import blp as auth_aliases
    from watchparty.dashboard.routes import blp as dashboard
    from watchparty.meta.routes import blp as meta
    from watchparty.users.profile_routes import blp as auth_profile
    from watchparty.users.routes import blp as users

    return [
        (meta, "/api"),
        (auth, "/api/auth"),
        (social, "/api/auth/social"),
        (auth_profile, "/api/auth"),
        (auth_aliases, "/api/users"),
        (users, "/api/users"),
        (dashboard, "/api/dashboard"),
        (admin, "/api/admin"),
    ]


def register_api(app: Flask) -> None:
    """Register every REST blueprint (documented in the OpenAPI spec) and admin pages."""
    for blueprint, prefix in blueprints():
        api.register_blueprint(blueprint, url_prefix=prefix)
    from watchparty.admin.console import console
    from watchparty.admin.rq import mount_rq_dashboard
    from watchparty.auth.pages import pages as auth_pages
    from watchparty.meta.docs import docs_assets

    for pages in (docs_assets, auth_pages, console):
        app.register_blueprint(pages)
    mount_rq_dashboard(app)
