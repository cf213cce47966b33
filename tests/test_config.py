"""Configuration from the environment and .env; production refuses an unsafe secret."""

import json
import os
import subprocess
import sys

import pytest

from watchparty.config import DEFAULT_SECRET, ROOT, Config, ConfigError, database_url

pytestmark = pytest.mark.once  # subprocesses on their own settings: one pass is enough

GOOD_SECRET = "a-production-secret-that-is-long-enough-0123456789"
OWN_VARS = (
    "FLASK_ENV",
    "WATCHPARTY_ENV",
    "SECRET_KEY",
    "JWT_SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "PORT",
    "ASYNC_MODE",
    "FRONTEND_URL",
    "CORS_ORIGINS",
    "MAIL_URL",
    "WATCHPARTY_ENV_FILE",
)


def clean_env(tmp_path, **values) -> dict:
    """The test process's environment without any watchparty setting, plus `values`."""
    env = {k: v for k, v in os.environ.items() if k not in OWN_VARS}
    env |= {
        "PYTHONPATH": str(ROOT),
        "WATCHPARTY_ENV_FILE": str(tmp_path / "no-such.env"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'config.db'}",
        "ASYNC_MODE": "threading",
    }
    return env | values


def run(tmp_path, args: list[str], **values) -> subprocess.CompletedProcess:
    """Run Python in a subprocess with a controlled environment, from a temp cwd."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=tmp_path,
        env=clean_env(tmp_path, **values),
        capture_output=True,
        text=True,
        timeout=60,
    )


CREATE_APP = ["-c", "from watchparty import create_app; create_app()"]
WSGI = [str(ROOT / "wsgi.py")]


@pytest.mark.parametrize("entry", [CREATE_APP, WSGI], ids=["create_app", "wsgi.py"])
@pytest.mark.parametrize("secret", [None, "", DEFAULT_SECRET], ids=["unset", "empty", "default"])
def test_production_refuses_to_start_without_a_real_secret(tmp_path, entry, secret):
    values = {"FLASK_ENV": "production", "PORT": "1"}
    if secret is not None:
        values["SECRET_KEY"] = secret
    result = run(tmp_path, entry, **values)
    assert result.returncode != 0
    assert "SECRET_KEY is not set: refusing to start in production" in result.stderr


def test_wsgi_refusal_is_one_clear_line_not_a_traceback(tmp_path):
    result = run(tmp_path, WSGI, FLASK_ENV="production", PORT="1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("watchparty: refusing to start: SECRET_KEY")


def test_production_refuses_a_short_secret(tmp_path):
    result = run(tmp_path, CREATE_APP, FLASK_ENV="production", SECRET_KEY="short")
    assert result.returncode != 0
    assert "SECRET_KEY is too short" in result.stderr


def test_production_starts_with_a_real_secret(tmp_path):
    result = run(tmp_path, CREATE_APP, FLASK_ENV="production", SECRET_KEY=GOOD_SECRET)
    assert result.returncode == 0, result.stderr


def test_development_starts_without_any_setting(tmp_path):
    result = run(tmp_path, CREATE_APP)
    assert result.returncode == 0, result.stderr


def test_unknown_async_mode_is_refused_clearly(tmp_path):
    result = run(tmp_path, WSGI, ASYNC_MODE="tornado")
    assert result.returncode == 1
    assert "ASYNC_MODE must be eventlet, gevent or threading" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "postgres://u:p@db.example.com:5432/app",
            "postgresql+psycopg2://u:p@db.example.com:5432/app",
        ),
        ("postgresql://u@localhost/app", "postgresql+psycopg2://u@localhost/app"),
        ("postgresql+psycopg2://u@h/app", "postgresql+psycopg2://u@h/app"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_url_accepts_heroku_postgres_scheme(given, expected):
    assert database_url(given) == expected


def test_no_database_url_means_sqlite_under_instance():
    url = database_url(None)
    assert url.startswith("sqlite:///") and url.endswith("instance/watchparty.db")


def test_heroku_url_from_the_environment_reaches_the_app(tmp_path):
    code = (
        "from watchparty import create_app; print(create_app().config['SQLALCHEMY_DATABASE_URI'])"
    )
    result = run(tmp_path, ["-c", code], DATABASE_URL="postgres://u:p@db.example.com/app")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "postgresql+psycopg2://u:p@db.example.com/app"


PRINT_CONFIG = [
    "-c",
    "import json; from watchparty.config import Config; c = Config(); "
    "print(json.dumps({'port': c.PORT, 'frontend': c.FRONTEND_URL, 'secret': c.SECRET_KEY, "
    "'redis': c.REDIS_URL, 'cors': c.CORS_ORIGINS, 'db': c.SQLALCHEMY_DATABASE_URI}))",
]


def test_dotenv_values_are_read_when_the_environment_lacks_them(tmp_path):
    dotenv = tmp_path / "test.env"
    dotenv.write_text(
        "PORT=5123\nFRONTEND_URL=https://watch.example.com/\nSECRET_KEY=from-dotenv\n"
        "REDIS_URL=redis://cache:6379/2\nCORS_ORIGINS=https://a.example, https://b.example\n"
        "DATABASE_URL=postgres://u@dotenv-db/app\n"
    )
    result = run(tmp_path, PRINT_CONFIG, WATCHPARTY_ENV_FILE=str(dotenv))
    values = json.loads(result.stdout)
    assert values["port"] == 5123
    assert values["frontend"] == "https://watch.example.com"
    assert values["secret"] == "from-dotenv"
    assert values["redis"] == "redis://cache:6379/2"
    assert values["cors"] == ["https://a.example", "https://b.example"]
    # The harness always sets DATABASE_URL: the real environment wins over .env.
    assert values["db"].startswith("sqlite:///")


def test_environment_wins_over_dotenv(tmp_path):
    dotenv = tmp_path / "test.env"
    dotenv.write_text("PORT=5123\nSECRET_KEY=from-dotenv\n")
    result = run(
        tmp_path, PRINT_CONFIG, WATCHPARTY_ENV_FILE=str(dotenv), PORT="6001", SECRET_KEY="env"
    )
    values = json.loads(result.stdout)
    assert values["port"] == 6001 and values["secret"] == "env"


def test_dotenv_can_make_production_start(tmp_path):
    dotenv = tmp_path / "prod.env"
    dotenv.write_text(f"FLASK_ENV=production\nSECRET_KEY={GOOD_SECRET}\n")
    result = run(tmp_path, CREATE_APP, WATCHPARTY_ENV_FILE=str(dotenv))
    assert result.returncode == 0, result.stderr


def test_defaults_with_nothing_set(monkeypatch):
    for name in OWN_VARS:
        monkeypatch.delenv(name, raising=False)
    config = Config()
    assert config.ASYNC_MODE == "eventlet"
    assert config.REDIS_URL is None and config.RATELIMIT_STORAGE_URI == "memory://"
    assert config.PORT == 5000 and config.CORS_ORIGINS == ["http://localhost:5000"]
    assert config.SECRET_KEY == DEFAULT_SECRET and config.JWT_SECRET_KEY == DEFAULT_SECRET
    assert config.MAX_CONNECTIONS > 1024
    config.validate()  # development accepts the default secret


def test_validate_raises_config_error_in_production(monkeypatch):
    monkeypatch.setenv("FLASK_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        Config().validate()


@pytest.mark.parametrize("value", ["Production", "PRODUCTION", " production "])
def test_environment_name_is_normalised_so_production_checks_apply(tmp_path, value):
    result = run(tmp_path, CREATE_APP, FLASK_ENV=value)
    assert result.returncode != 0
    assert "SECRET_KEY is not set: refusing to start in production" in result.stderr


@pytest.mark.parametrize("value", ["prod", "staging", "dev"])
def test_unknown_environment_name_refuses_to_start(tmp_path, value):
    result = run(tmp_path, CREATE_APP, FLASK_ENV=value, SECRET_KEY=GOOD_SECRET)
    assert result.returncode != 0
    assert "FLASK_ENV must be development, testing or production" in result.stderr


def test_unknown_environment_refusal_is_one_line_from_wsgi(tmp_path):
    result = run(tmp_path, WSGI, FLASK_ENV="prod", SECRET_KEY=GOOD_SECRET, PORT="1")
    assert result.returncode == 1
    assert "FLASK_ENV must be development, testing or production" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_watchparty_env_is_refused_too(monkeypatch):
    monkeypatch.delenv("FLASK_ENV", raising=False)
    monkeypatch.setenv("WATCHPARTY_ENV", "prod")
    with pytest.raises(ConfigError, match="must be development, testing or production"):
        Config().validate()


@pytest.mark.parametrize(
    "jwt_secret", ["abc", DEFAULT_SECRET, "x" * 31], ids=["3", "default", "31"]
)
def test_production_refuses_a_weak_jwt_secret(tmp_path, jwt_secret):
    result = run(
        tmp_path,
        CREATE_APP,
        FLASK_ENV="production",
        SECRET_KEY=GOOD_SECRET,
        JWT_SECRET_KEY=jwt_secret,
    )
    assert result.returncode != 0
    assert "JWT_SECRET_KEY" in result.stderr


def test_production_starts_with_strong_secret_and_jwt_secret(tmp_path):
    result = run(
        tmp_path,
        CREATE_APP,
        FLASK_ENV="production",
        SECRET_KEY=GOOD_SECRET,
        JWT_SECRET_KEY="another-production-secret-long-enough-9876543210",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ["stun:stun.l.google.com:19302"]),
        ("none", []),
        ("stun:a.example:3478, stun:b.example", ["stun:a.example:3478", "stun:b.example"]),
    ],
)
def test_stun_urls_default_to_googles_server_and_none_turns_stun_off(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("STUN_URLS", raising=False)
    else:
        monkeypatch.setenv("STUN_URLS", value)
    offered = Config().STUN_URLS
    assert offered == expected
