"""The mobile push channel: Firebase Cloud Messaging's HTTP v1 `messages:send`, authorised by
an OAuth2 access token from service-account credentials (kept until it expires)."""

import json
import threading

import google.auth.exceptions
import requests
from flask import current_app
from google.auth.transport.requests import Request
from google.oauth2 import service_account

from watchparty.notifications import links
from watchparty.notifications.errors import Gone, Retryable

SCOPES = ["https://www.googleapis.com/auth/firebase.messaging"]
GONE_CODES = {"UNREGISTERED", "NOT_FOUND"}
_lock = threading.Lock()
_credentials: dict[tuple, service_account.Credentials] = {}


class NotConfigured(RuntimeError):
    """No FCM service-account credentials are set: mobile push cannot be sent."""


def configured(config) -> bool:
    """Whether mobile push can be sent with these settings."""
    return bool(config.get("FCM_CREDENTIALS_JSON") or config.get("FCM_CREDENTIALS_FILE"))


def _info(config) -> dict:
    if config.get("FCM_CREDENTIALS_JSON"):
        return json.loads(config["FCM_CREDENTIALS_JSON"])
    if config.get("FCM_CREDENTIALS_FILE"):
        with open(config["FCM_CREDENTIALS_FILE"], encoding="utf-8") as file:
            return json.load(file)
    raise NotConfigured("FCM_CREDENTIALS_FILE or FCM_CREDENTIALS_JSON is not set")


def credentials(config) -> service_account.Credentials:
    """The service account's credentials for these settings (one object per process)."""
    key = (config.get("FCM_CREDENTIALS_JSON"), config.get("FCM_CREDENTIALS_FILE"))
    key += (config["FCM_TOKEN_URI"],)
    with _lock:
        if key not in _credentials:
            info = _info(config) | {"token_uri": config["FCM_TOKEN_URI"]}
            _credentials[key] = service_account.Credentials.from_service_account_info(
                info, scopes=SCOPES
            )
        return _credentials[key]


def access_token(config) -> str:
    """A valid bearer token, fetched from the token endpoint only when the last one expires."""
    creds = credentials(config)
    with _lock:
        if not creds.valid:
            try:
                creds.refresh(Request())
            except google.auth.exceptions.TransportError as error:
                raise Retryable(f"fcm token: {error}") from error
            except google.auth.exceptions.RefreshError as error:
                if error.retryable:
                    raise Retryable(f"fcm token: {error}") from error
                raise
        return creds.token


def forget_token(config) -> None:
    """Drop the cached token (the server refused it): the next send fetches another."""
    creds = credentials(config)
    with _lock:
        creds.token = None


def message(notification, device) -> dict:
    """The v1 message for one device: what it shows, and what the app opens."""
    data = {
        "id": str(notification.id),
        "type": notification.type,
        "url": links.path_of(notification.data or {}),
    }
    return {
        "message": {
            "token": device.token,
            "notification": {"title": notification.title, "body": notification.message},
            "data": data,
        }
    }


def _project(config) -> str:
    return config.get("FCM_PROJECT_ID") or credentials(config).project_id


def send(delivery, notification, device) -> None:
    """Send the notification to one phone now (the caller is a job)."""
    config = current_app.config
    url = f"{config['FCM_API_BASE']}/v1/projects/{_project(config)}/messages:send"
    headers = {"Authorization": f"Bearer {access_token(config)}"}
    try:
        response = requests.post(
            url, json=message(notification, device), headers=headers, timeout=config["PUSH_TIMEOUT"]
        )
    except (requests.Timeout, requests.ConnectionError) as error:
        raise Retryable(f"fcm: {type(error).__name__}") from error
    if response.ok:
        return
    status, codes = response.status_code, _error_codes(response)
    if status == 404 or codes & GONE_CODES:
        raise Gone(f"fcm: {status} {', '.join(sorted(codes))}, the token is not registered")
    if status == 401:
        forget_token(config)
        raise Retryable("fcm: 401, the access token was refused")
    if status == 429 or status >= 500:
        raise Retryable(f"fcm: {status}")
    raise RuntimeError(f"fcm refused: {status} {response.text[:200]}")


def _error_codes(response) -> set[str]:
    """The error's status and its FcmError codes (`UNREGISTERED`...)."""
    try:
        body = response.json()
    except ValueError:
        return set()
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return set()
    codes = {error.get("status")} | {d.get("errorCode") for d in error.get("details") or []}
    return {c for c in codes if isinstance(c, str)}
