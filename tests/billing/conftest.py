"""Billing fixtures: the real `stripe` SDK against localstripe (a Stripe emulator) on loopback."""

import socket
import subprocess
import sys
import time

import pytest
import requests

WEBHOOK_SECRET = "whsec_test_secret_for_localstripe"
SECRET_KEY = "sk_test_watchparty"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def localstripe():
    """localstripe in its own process on a free loopback port; its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "localstripe", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # a loaded CI machine may need a while
        try:
            requests.get(f"{url}/v1/customers", auth=(SECRET_KEY, ""), timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("localstripe did not start")
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture
def stripe_on(app, localstripe, monkeypatch):
    """Billing configured against a fresh, empty localstripe for one test."""
    requests.delete(f"{localstripe}/_config/data", timeout=5)
    _deliver_webhooks_to(localstripe, "http://127.0.0.1:9/nowhere")  # none unless asked for
    monkeypatch.setitem(app.config, "STRIPE_SECRET_KEY", SECRET_KEY)
    monkeypatch.setitem(app.config, "STRIPE_PUBLISHABLE_KEY", "pk_test_watchparty")
    monkeypatch.setitem(app.config, "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setitem(app.config, "STRIPE_API_BASE", localstripe)
    yield localstripe
    app.extensions.pop("stripe", None)


@pytest.fixture
def stripe_webhooks(stripe_on, live_server, app, monkeypatch):
    """localstripe delivers its signed webhooks to the live server's Stripe endpoint."""
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    target = f"{live_server.url}/api/billing/webhooks/stripe/"
    _deliver_webhooks_to(stripe_on, target)
    return target


def _deliver_webhooks_to(localstripe: str, url: str) -> None:
    response = requests.post(
        f"{localstripe}/_config/webhooks/watchparty",
        data={"url": url, "secret": WEBHOOK_SECRET},
        timeout=5,
    )
    response.raise_for_status()
