"""Serve the browser client's shell at every client-side path (the app routes in the browser)."""

from flask import Blueprint, current_app, render_template, send_from_directory

web = Blueprint("web", __name__)

# Scripts only from this origin (chat is text, but this is the belt to those braces); media,
# playlists and segments may come from storage or a CDN on another origin.
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob: http: https:",
        "media-src 'self' blob: http: https:",
        "connect-src 'self' ws: wss: http: https:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
    )
)


def _shell():
    response = current_app.make_response(render_template("app/index.html"))
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "no-cache"
    return response


@web.get("/")
@web.get("/signin")
@web.get("/signup")
@web.get("/profile")
@web.get("/upload")
@web.get("/friends")
@web.get("/library")
@web.get("/feed")
@web.get("/messages")
@web.get("/groups")
@web.get("/notifications")
@web.get("/settings/notifications")
@web.get("/help")
@web.get("/search")
@web.get("/staff")
@web.get("/staff/<path:page>")
def shell(page: str | None = None):
    """The single-page app's shell."""
    return _shell()


@web.get("/creators/<uuid:creator_id>")
def creator_page(creator_id):
    """The shell, opened at a creator's page."""
    return _shell()


@web.get("/groups/<uuid:group_id>")
def group_page(group_id):
    """The shell, opened at a group's page."""
    return _shell()


@web.get("/help/tickets/<uuid:ticket_id>")
def help_ticket(ticket_id):
    """The shell, opened at a support ticket's thread."""
    return _shell()


@web.get("/party/<uuid:party_id>")
def party_room(party_id):
    """The shell, opened at a party room."""
    return _shell()


@web.get("/users/<uuid:user_id>")
def user_page(user_id):
    """The shell, opened at someone's profile."""
    return _shell()


@web.get("/videos/<uuid:video_id>")
def video_page(video_id):
    """The shell, opened at a video's page."""
    return _shell()


@web.get("/join/<code>")
def join_link(code):
    """The shell, opened from an invite link."""
    return _shell()


@web.get("/favicon.ico")
def favicon():
    """The icon browsers ask for by name on pages that link none (API docs, JSON answers)."""
    return send_from_directory(
        current_app.static_folder, "icons/favicon.ico", mimetype="image/vnd.microsoft.icon"
    )


@web.get("/manifest.webmanifest")
def manifest():
    """The web app manifest (name, colours, icons), with its registered media type."""
    return send_from_directory(
        current_app.static_folder, "manifest.webmanifest", mimetype="application/manifest+json"
    )


@web.get("/sw.js")
def service_worker():
    """The push service worker, served from the root so that its scope can be the whole site."""
    response = send_from_directory(
        current_app.static_folder, "sw.js", mimetype="text/javascript", max_age=0
    )
    response.headers["Service-Worker-Allowed"] = "/"
    response.headers["Cache-Control"] = "no-cache"
    return response
