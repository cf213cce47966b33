"""The RQ dashboard at /admin/rq/, for administrators only."""

from flask import Flask, request

from watchparty.common.auth import verify_admin_request
from watchparty.errors import Unavailable

PREFIX = "/admin/rq"


def mount_rq_dashboard(app: Flask) -> None:
    """Mount rq-dashboard behind the admin guard; explain itself when Redis is not configured."""
    if not app.config.get("REDIS_URL"):

        @app.route(f"{PREFIX}/", defaults={"rest": ""})
        @app.route(f"{PREFIX}/<path:rest>")
        def rq_unavailable(rest):
            verify_admin_request()
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
            verify_admin_request()
