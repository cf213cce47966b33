"""The RQ dashboard at /admin/rq/, for administrators only."""

from urllib.parse import quote

from flask import Flask, redirect, request
from werkzeug.exceptions import MethodNotAllowed

from watchparty.admin.console_auth import console_admin
from watchparty.common.auth import verify_admin_request
from watchparty.errors import Unauthorized, Unavailable

PREFIX = "/admin/rq"


def mount_rq_dashboard(app: Flask) -> None:
    """Mount rq-dashboard behind the admin guard; explain itself when Redis is not configured."""
    if not app.config.get("REDIS_URL"):

        @app.route(f"{PREFIX}/", defaults={"rest": ""})
        @app.route(f"{PREFIX}/<path:rest>")
        def rq_unavailable(rest):
            denied = admin_gate()
            if denied is not None:
                return denied
            raise Unavailable("The RQ dashboard needs REDIS_URL; embedded jobs run in-process.")

        return

    import rq_dashboard
    from rq_dashboard.web import setup_rq_connection

    app.config["RQ_DASHBOARD_REDIS_URL"] = app.config["REDIS_URL"]
    setup_rq_connection(app)
    app.register_blueprint(rq_dashboard.blueprint, url_prefix=PREFIX)

    @app.before_request
    def guard_rq_dashboard():
        if request.blueprint == "rq_dashboard":
            return admin_gate() or refuse_get_of_actions()
        return None


def refuse_get_of_actions():
    """No state change on GET: rq-dashboard's `/requeue/<queue>` also accepts GET (a link or
    an <img> could requeue jobs), so any route that takes POST answers GET with 405."""
    rule = request.url_rule
    if request.method in ("GET", "HEAD") and rule is not None and "POST" in rule.methods:
        raise MethodNotAllowed(valid_methods=["POST"])
    return None


def admin_gate():
    """Let administrators through (bearer token or console cookie); send browsers to sign in."""
    if request.headers.get("Authorization"):
        verify_admin_request()
        return None
    if console_admin() is not None:
        return None
    if "text/html" in request.headers.get("Accept", ""):
        return redirect(f"/admin/login?next={quote(request.full_path.rstrip('?'))}")
    raise Unauthorized("Sign in at /admin/login or send an administrator's bearer token.")
