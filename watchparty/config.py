"""Configuration: the only module that reads the environment."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

from dotenv import load_dotenv

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"
DEFAULT_SECRET = "dev-insecure-secret-change-me-before-production"  # noqa: S105 - the known-bad default

# The real environment wins over .env; WATCHPARTY_ENV_FILE points elsewhere (tests, deployments).
load_dotenv(os.environ.get("WATCHPARTY_ENV_FILE") or ROOT / ".env", override=False)


def env(name: str, default: str | None = None) -> str | None:
    """One environment variable, with empty strings treated as unset."""
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool = False) -> bool:
    """A boolean environment variable ("1", "true", "yes", "on")."""
    value = env(name)
    return default if value is None else value.lower() in ("1", "true", "yes", "on")


class ConfigError(RuntimeError):
    """The configuration cannot run safely."""


def async_mode() -> str:
    """The Socket.IO async mode: eventlet (default), gevent or threading."""
    mode = env("ASYNC_MODE", "eventlet")
    if mode not in ("eventlet", "gevent", "threading"):
        raise ConfigError(f"ASYNC_MODE must be eventlet, gevent or threading, not {mode!r}")
    return mode


ENVIRONMENTS = ("development", "testing", "production")
MIN_SECRET_LENGTH = 32


def environment() -> str:
    """FLASK_ENV (or WATCHPARTY_ENV), case-insensitive; an unknown name refuses to start, since
    a typo such as `prod` would otherwise run in development with the public default secret."""
    name = (env("FLASK_ENV", env("WATCHPARTY_ENV", "development")) or "").strip().lower()
    if name not in ENVIRONMENTS:
        raise ConfigError(f"FLASK_ENV must be development, testing or production, not {name!r}")
    return name


def database_url(url: str | None) -> str:
    """Heroku's postgres:// becomes psycopg2 (green-patchable); default: SQLite in instance/."""
    if not url:
        return f"sqlite:///{INSTANCE / 'watchparty.db'}"
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            return "postgresql+psycopg2://" + url[len(scheme) :]
    return url


class Config:
    """Settings read from the environment at instantiation."""

    def __init__(self) -> None:
        self.ENV = environment()
        self.TESTING = False
        self.SECRET_KEY = env("SECRET_KEY", DEFAULT_SECRET)
        self.PORT = int(env("PORT", "5000"))
        # Loopback only in development; in production, or when a platform hands out PORT,
        # every interface (the platform's router must reach the process).
        public = self.ENV == "production" or env("PORT") is not None
        self.HOST = env("HOST", "0.0.0.0" if public else "127.0.0.1")
        self.ASYNC_MODE = async_mode()
        self.MAX_CONNECTIONS = int(env("MAX_CONNECTIONS", "10000"))
        self.SQLALCHEMY_DATABASE_URI = database_url(env("DATABASE_URL"))
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)
        self.REDIS_URL = env("REDIS_URL")
        self.REDIS_MAX_CONNECTIONS = int(env("REDIS_MAX_CONNECTIONS", "200"))
        self.FRONTEND_URL = env("FRONTEND_URL", f"http://localhost:{self.PORT}").rstrip("/")
        # Browser origins allowed to call the API and Socket.IO (besides the page's own host).
        origins = env("CORS_ORIGINS", self.FRONTEND_URL)
        self.CORS_ORIGINS = [o.strip().rstrip("/") for o in origins.split(",") if o.strip()]
        self.INSTANCE_PATH = str(INSTANCE)
        self.MEDIA_ROOT = env("MEDIA_ROOT", str(INSTANCE / "media"))
        self.MAIL_URL = env("MAIL_URL")  # smtp://user:pass@host:port, smtp+ssl://, ?starttls=1
        self.MAIL_FROM = env("MAIL_FROM", "Watchparty <no-reply@watchparty.local>")
        self.MAIL_DIR = env("MAIL_DIR", str(INSTANCE / "mail"))
        self.JWT_SECRET_KEY = env("JWT_SECRET_KEY", self.SECRET_KEY)
        self.JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=int(env("JWT_ACCESS_MINUTES", "15")))
        self.JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=int(env("JWT_REFRESH_DAYS", "30")))
        self.JWT_TOKEN_LOCATION = ["headers"]  # the admin console's cookie is handled apart
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"
        self.RATELIMIT_HEADERS_ENABLED = True
        self.RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
        self.LOGIN_RATE_LIMIT = env("LOGIN_RATE_LIMIT", "10 per minute")
        self.ACCOUNT_RATE_LIMIT = env("ACCOUNT_RATE_LIMIT", "5 per minute")
        self.EMAIL_RATE_LIMIT = env("EMAIL_RATE_LIMIT", "5 per minute")
        self.REGISTER_RATE_LIMIT = env("REGISTER_RATE_LIMIT", "20 per hour")
        self.SOCIAL_RATE_LIMIT = env("SOCIAL_RATE_LIMIT", "30 per minute")
        self.CODE_LOOKUP_RATE_LIMIT = env("CODE_LOOKUP_RATE_LIMIT", "20 per minute")
        self.CODE_LOOKUP_IP_RATE_LIMIT = env("CODE_LOOKUP_IP_RATE_LIMIT", "60 per minute")
        self.OAUTH_TIMEOUT = float(env("OAUTH_TIMEOUT", "10"))
        self.AVATAR_MAX_BYTES = int(env("AVATAR_MAX_BYTES", str(5 * 1024 * 1024)))
        # Any request body; the upload routes raise their own cap (VIDEO_/AVATAR_MAX_BYTES).
        self.MAX_CONTENT_LENGTH = int(env("MAX_CONTENT_LENGTH", str(1024**2)))
        self.JSON_MAX_DEPTH = int(env("JSON_MAX_DEPTH", "32"))
        # /metrics (Prometheus) answers only with this token (Bearer or ?token=); unset: 404.
        self.METRICS_TOKEN = env("METRICS_TOKEN")
        # Seconds each probe of the admin health pages may take (Stripe, storage).
        self.HEALTH_TIMEOUT = float(env("HEALTH_TIMEOUT", "2"))
        self.OAUTH = oauth_settings()
        self.apply_realtime()
        self.apply_media()
        self.apply_billing()
        self.apply_push()
        self.apply_openapi()
        self.apply_voice()

    def apply_realtime(self) -> None:
        """Live-party tuning: sync, wait-for-ready, presence and per-user limits."""
        self.SYNC_LEAD_MARGIN_MS = int(env("SYNC_LEAD_MARGIN_MS", "15"))
        self.SYNC_MAX_LEAD_MS = int(env("SYNC_MAX_LEAD_MS", "400"))
        self.SYNC_DRIFT_THRESHOLD_MS = int(env("SYNC_DRIFT_THRESHOLD_MS", "30"))
        self.SYNC_SEEK_THRESHOLD_MS = int(env("SYNC_SEEK_THRESHOLD_MS", "1000"))
        self.READY_TIMEOUT_MS = int(env("READY_TIMEOUT_MS", "8000"))
        # The gap between the end of a video and the next queue item.
        self.QUEUE_ADVANCE_SECONDS = float(env("QUEUE_ADVANCE_SECONDS", "5"))
        self.QUEUE_MAX_ITEMS = int(env("QUEUE_MAX_ITEMS", "200"))
        self.REPORT_CONCURRENCY = int(env("REPORT_CONCURRENCY", "64"))
        self.PRESENCE_HEARTBEAT_SECONDS = float(env("PRESENCE_HEARTBEAT_SECONDS", "5"))
        self.PRESENCE_HEARTBEAT_TTL = float(env("PRESENCE_HEARTBEAT_TTL", "15"))
        self.PRESENCE_BATCH_MIN = int(env("PRESENCE_BATCH_MIN", "200"))
        self.PRESENCE_BATCH_SECONDS = float(env("PRESENCE_BATCH_SECONDS", "1"))
        self.PARTY_REMINDER_MINUTES = int(env("PARTY_REMINDER_MINUTES", "15"))
        self.CHAT_FLOOD_BURST = int(env("CHAT_FLOOD_BURST", "20"))
        self.CHAT_FLOOD_RATE = float(env("CHAT_FLOOD_RATE", "10"))
        self.REACTION_BURST = int(env("REACTION_BURST", "10"))
        self.REACTION_RATE = float(env("REACTION_RATE", "5"))
        self.POLL_MIN_DURATION = int(env("POLL_MIN_DURATION", "10"))

    def apply_media(self) -> None:
        """Video storage (local folder or S3), upload limits, transcoding and playback."""
        self.S3_BUCKET = env("S3_BUCKET", env("AWS_S3_BUCKET_NAME"))
        self.S3_ENDPOINT_URL = env("S3_ENDPOINT_URL")  # an S3-compatible store (MinIO, moto)
        self.AWS_REGION = env("AWS_REGION", env("AWS_S3_REGION_NAME", "us-east-1"))
        self.AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID")
        self.AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")
        self.CDN_BASE_URL = (env("CDN_BASE_URL") or "").rstrip("/") or None
        self.VIDEO_MAX_BYTES = int(env("VIDEO_MAX_BYTES", str(500 * 1024 * 1024)))
        self.UPLOAD_URL_TTL = int(env("UPLOAD_URL_TTL", "3600"))
        self.PLAYBACK_URL_TTL = int(env("PLAYBACK_URL_TTL", "21600"))
        self.FFMPEG_BINARY = env("FFMPEG_BINARY")  # default: ffmpeg on PATH, else imageio-ffmpeg's
        self.TRANSCODE_PRESET = env("TRANSCODE_PRESET", "veryfast")
        self.TRANSCODE_LADDER = env("TRANSCODE_LADDER", "240,360,480,720,1080")
        self.TRANSCODE_THREADS = int(env("TRANSCODE_THREADS", "0"))  # 0: ffmpeg decides
        self.TRANSCODE_TIMEOUT = int(env("TRANSCODE_TIMEOUT", "7200"))
        self.TRANSCODE_RETRIES = int(env("TRANSCODE_RETRIES", "3"))
        self.TRANSCODE_BACKOFF = env("TRANSCODE_BACKOFF", "10,60,300")  # seconds before retry n
        # Local to this machine: workers delete the folders of dead pids found there.
        scratch = os.path.join(tempfile.gettempdir(), "watchparty-scratch")
        self.TRANSCODE_SCRATCH_DIR = env("TRANSCODE_SCRATCH_DIR", scratch)
        self.JOB_HEARTBEAT_SECONDS = float(env("JOB_HEARTBEAT_SECONDS", "10"))  # lease = 3x this
        self.JOB_SWEEP_SECONDS = int(env("JOB_SWEEP_SECONDS", "30"))  # abandoned-job sweep period
        self.HLS_SEGMENT_SECONDS = int(env("HLS_SEGMENT_SECONDS", "4"))
        self.VIEW_WINDOW_MINUTES = int(env("VIEW_WINDOW_MINUTES", "30"))
        self.TRENDING_WINDOW_HOURS = int(env("TRENDING_WINDOW_HOURS", "48"))
        self.VIDEO_THUMBNAIL_MAX_BYTES = int(env("VIDEO_THUMBNAIL_MAX_BYTES", str(2 * 1024 * 1024)))
        # A PUT started just before its URL expired may still be completed this much later.
        self.UPLOAD_COMPLETE_GRACE = int(env("UPLOAD_COMPLETE_GRACE", str(self.UPLOAD_URL_TTL)))
        self.REMOTE_PROBE_TIMEOUT = float(env("REMOTE_PROBE_TIMEOUT", "10"))
        # Only for tests and closed networks: let validate-url fetch private addresses.
        self.MEDIA_URL_ALLOW_PRIVATE = env_bool("MEDIA_URL_ALLOW_PRIVATE", False)
        self.MEDIA_URL_MAX_BYTES = int(env("MEDIA_URL_MAX_BYTES", str(20 * 2**30)))
        self.SUBTITLE_MAX_BYTES = int(env("SUBTITLE_MAX_BYTES", str(512 * 1024)))

    def apply_billing(self) -> None:
        """Stripe: keys (unset: billing answers "not configured"), the API base for emulators."""
        self.STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
        self.STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY")
        self.STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
        self.STRIPE_API_BASE = env("STRIPE_API_BASE")  # e.g. localstripe; production: unset
        self.BILLING_CURRENCY = env("BILLING_CURRENCY", "usd").lower()
        self.RECONCILE_INTERVAL_SECONDS = int(env("RECONCILE_INTERVAL_SECONDS", "3600"))
        self.TIP_MIN_AMOUNT = int(env("TIP_MIN_AMOUNT", "100"))  # minor units: 1.00
        self.TIP_MAX_AMOUNT = int(env("TIP_MAX_AMOUNT", "50000"))  # 500.00
        self.RECONCILE_TIP_DAYS = int(env("RECONCILE_TIP_DAYS", "7"))
        self.BILLING_SELLER_NAME = env("BILLING_SELLER_NAME", "Watchparty")
        # Unset: plan limits apply exactly when Stripe keys are set (so people can upgrade).
        enforce = env("BILLING_ENFORCE_LIMITS")
        self.BILLING_ENFORCE_LIMITS = (
            None if enforce is None else env_bool("BILLING_ENFORCE_LIMITS")
        )

    def apply_push(self) -> None:
        """Browser push (VAPID keys) and mobile push (FCM HTTP v1): unset keys send nothing."""
        self.VAPID_PUBLIC_KEY = env("VAPID_PUBLIC_KEY")  # `flask notifications vapid-keys`
        self.VAPID_PRIVATE_KEY = env("VAPID_PRIVATE_KEY")
        self.VAPID_SUBJECT = env("VAPID_SUBJECT", "mailto:admin@watchparty.local")
        self.FCM_PROJECT_ID = env("FCM_PROJECT_ID")  # default: the credentials' project_id
        self.FCM_CREDENTIALS_FILE = env("FCM_CREDENTIALS_FILE")  # a service-account JSON file
        self.FCM_CREDENTIALS_JSON = env("FCM_CREDENTIALS_JSON")  # or its contents
        self.FCM_API_BASE = env("FCM_API_BASE", "https://fcm.googleapis.com").rstrip("/")
        self.FCM_TOKEN_URI = env("FCM_TOKEN_URI", "https://oauth2.googleapis.com/token")
        self.PUSH_TIMEOUT = float(env("PUSH_TIMEOUT", "10"))
        self.PUSH_TTL = int(env("PUSH_TTL", str(24 * 3600)))
        # Only for tests and closed networks: accept http:// and private Web Push endpoints.
        self.PUSH_ALLOW_PRIVATE = env_bool("PUSH_ALLOW_PRIVATE", False)

    def apply_voice(self) -> None:
        """Voice chat (WebRTC mesh): the cap per party, screen shares, STUN and TURN (coturn)."""
        self.VOICE_MAX_PEERS = int(env("VOICE_MAX_PEERS", "8"))
        self.VOICE_MAX_SHARES = int(env("VOICE_MAX_SHARES", "1"))
        # Google's public STUN server unless set; `none` offers no STUN at all.
        stun = env("STUN_URLS", "stun:stun.l.google.com:19302")
        self.STUN_URLS = [] if stun.strip().lower() == "none" else _urls(stun)
        # TURN REST API (coturn `use-auth-secret`): credentials are an HMAC of this secret.
        self.TURN_SECRET = env("TURN_SECRET")
        self.TURN_URLS = _urls(env("TURN_URLS", ""))
        self.TURN_TTL = int(env("TURN_TTL", "3600"))

    def apply_openapi(self) -> None:
        """flask-smorest settings: spec at /api/schema/, UIs served from package assets."""
        # Off: /api/docs/, /api/redoc/ and /api/schema/ answer 404 (default: off in production).
        self.API_DOCS_PUBLIC = env_bool("API_DOCS_PUBLIC", not self.is_production)
        self.API_TITLE = "Watchparty API"
        self.API_VERSION = "1.0"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/api"
        self.OPENAPI_JSON_PATH = "schema/"
        self.OPENAPI_SWAGGER_UI_PATH = "docs/"
        self.OPENAPI_SWAGGER_UI_URL = "/api/docs/assets/swagger-ui-dist/"
        # Swagger UI otherwise fetches a badge from validator.swagger.io: nothing leaves the host.
        self.OPENAPI_SWAGGER_UI_CONFIG = {"validatorUrl": None}
        self.OPENAPI_REDOC_PATH = "redoc/"
        self.OPENAPI_REDOC_URL = "/api/docs/assets/redoc/bundles/redoc.standalone.js"

    @property
    def is_production(self) -> bool:
        """True when running as a deployed service."""
        return self.ENV == "production"

    def validate(self) -> None:
        """Refuse to run with an unknown environment, or in production with a weak secret."""
        if self.ENV not in ENVIRONMENTS:
            raise ConfigError(
                f"FLASK_ENV must be development, testing or production, not {self.ENV!r}"
            )
        if not self.is_production:
            return
        if self.SECRET_KEY in (None, DEFAULT_SECRET):
            raise ConfigError(
                "SECRET_KEY is not set: refusing to start in production. "
                "Set SECRET_KEY to a long random value (e.g. `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`)."
            )
        for name in ("SECRET_KEY", "JWT_SECRET_KEY"):
            value = getattr(self, name) or ""
            if value == DEFAULT_SECRET or len(value) < MIN_SECRET_LENGTH:
                raise ConfigError(
                    f"{name} is too short for production: use at least "
                    f"{MIN_SECRET_LENGTH} random characters, not the default."
                )


def _urls(value: str | None) -> list[str]:
    return [url.strip() for url in (value or "").split(",") if url.strip()]


def engine_options(url: str) -> dict:
    """Pool settings: one web process serves thousands of green threads, so a server
    database gets a pool big enough for a reconnect storm (DATABASE_POOL_SIZE + overflow)."""
    options: dict = {"pool_pre_ping": True}
    if not url.startswith("sqlite"):
        options["pool_size"] = int(env("DATABASE_POOL_SIZE", "10"))
        options["max_overflow"] = int(env("DATABASE_MAX_OVERFLOW", "20"))
    return options


def oauth_settings() -> dict:
    """Client settings per social provider; endpoints overridable for tests and proxies."""
    providers = {
        "google": {
            "metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
        },
        "apple": {
            "metadata_url": "https://appleid.apple.com/.well-known/openid-configuration",
        },
        "github": {
            "authorize_url": "https://github.com/login/oauth/authorize",
            "token_url": "https://github.com/login/oauth/access_token",
            "api_base_url": "https://api.github.com/",
        },
        "facebook": {
            "authorize_url": "https://www.facebook.com/v19.0/dialog/oauth",
            "token_url": "https://graph.facebook.com/v19.0/oauth/access_token",
            "api_base_url": "https://graph.facebook.com/v19.0/",
        },
    }
    for name, settings in providers.items():
        prefix = name.upper()
        settings["client_id"] = env(f"{prefix}_CLIENT_ID")
        settings["client_secret"] = env(f"{prefix}_CLIENT_SECRET")
        for key in ("metadata_url", "authorize_url", "token_url", "api_base_url"):
            if key in settings:
                settings[key] = env(f"{prefix}_{key.upper()}", settings[key])
    return providers
