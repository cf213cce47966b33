"""The app factory: bind extensions, register blueprints, namespaces and error handlers."""

from flask import Flask

from watchparty.common.headers import register_security_headers, socketio_origin_check
from watchparty.common.metrics import register_request_metrics
from watchparty.common.schemas import ErrorSchema
from watchparty.config import ROOT, Config
from watchparty.errors import register_error_handlers
from watchparty.extensions import api as rest_api
from watchparty.extensions import cors, db, jwt, limiter, migrate, socketio
from watchparty.jobs import jobs
from watchparty.live.state import init_live
from watchparty.storage import init_storage


def build_config(config: Config | dict | None) -> Config:
    """A Config from the environment, with `config` overrides applied."""
    if isinstance(config, Config):
        return config
    cfg = Config()
    for key, value in (config or {}).items():
        setattr(cfg, key, value)
    return cfg


def create_app(config: Config | dict | None = None) -> Flask:
    """Create the app: bind extensions, register blueprints, namespaces and error handlers."""
    cfg = build_config(config)
    cfg.validate()
    app = Flask(
        "watchparty",  # the package's name, not this module's: it names the app everywhere
        instance_path=cfg.INSTANCE_PATH,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object(cfg)
    app.config["RATELIMIT_STORAGE_URI"] = cfg.RATELIMIT_STORAGE_URI
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    jwt.init_app(app)
    limiter.init_app(app)
    cors.init_app(app, resources={r"/api/*": {"origins": cfg.CORS_ORIGINS}})
    socketio.init_app(
        app,
        async_mode=cfg.ASYNC_MODE,
        message_queue=cfg.REDIS_URL,
        # Socket handlers never use flask.session: skip copying it into every event.
        manage_session=False,
        # Never reflect any origin with credentials: the page's host or CORS_ORIGINS only.
        cors_allowed_origins=socketio_origin_check(cfg.CORS_ORIGINS),
        cors_credentials="*" not in cfg.CORS_ORIGINS,
    )
    # Named rest_api so it is never confused with the watchparty.blueprints blueprint table.
    rest_api.ERROR_SCHEMA = ErrorSchema  # document our error shape, not flask-smorest's
    if not cfg.API_DOCS_PUBLIC:
        app.config["OPENAPI_URL_PREFIX"] = None  # flask-smorest then serves no spec or UI
    rest_api.init_app(app, spec_kwargs=_spec_kwargs())
    jobs.init_app(app)
    init_storage(app)
    init_live(app)
    register_request_metrics(app)  # first before_request: time every request

    _register_domains(app)
    return app


def _register_domains(app: Flask) -> None:
    """Tables, hooks, blueprints, namespaces, CLI groups and the request-wide guards."""
    import watchparty.models  # noqa: F401 - every table, before the first query or migration
    from watchparty.admin.cli import admin_cli
    from watchparty.auth.jwt_callbacks import register_jwt_callbacks
    from watchparty.billing.cli import billing_cli
    from watchparty.blueprints import register_api, register_hooks, register_namespaces
    from watchparty.common.guards import register_input_guards
    from watchparty.notifications.cli import notifications_cli
    from watchparty.parties.cli import parties_cli
    from watchparty.search.cli import search_cli
    from watchparty.site import errors_log, maintenance

    register_jwt_callbacks(jwt)
    register_hooks()
    register_api(app)
    register_namespaces()
    for group in (admin_cli, billing_cli, parties_cli, notifications_cli, search_cli):
        app.cli.add_command(group)
    register_error_handlers(app)
    register_input_guards(app)
    register_security_headers(app)
    maintenance.install(app)
    errors_log.install(app)


def _spec_kwargs() -> dict:
    return {
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            }
        },
        "security": [{"bearerAuth": []}],
    }
