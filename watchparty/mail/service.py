"""Render an email from templates/email/ and hand it to the email queue."""

import smtplib
import ssl
import time
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from flask import current_app, render_template

from watchparty.jobs import job


def send_template(to: str, template: str, subject: str, **context) -> str:
    """Queue `templates/email/<template>.txt|.html` to `to`; returns the job id."""
    context.setdefault("frontend_url", current_app.config["FRONTEND_URL"])
    message = {
        "to": to,
        "subject": subject,
        "text": render_template(f"email/{template}.txt", **context),
        "html": render_template(f"email/{template}.html", **context),
    }
    return deliver.enqueue(message)


@job("email")
def deliver(message: dict) -> None:
    """Send one rendered message by SMTP (MAIL_URL) or write it to MAIL_DIR when unset."""
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = message["to"]
    msg["Subject"] = message["subject"]
    for name, value in (message.get("headers") or {}).items():  # e.g. List-Unsubscribe
        msg[name] = value
    msg.set_content(message["text"])
    msg.add_alternative(message["html"], subtype="html")
    url = current_app.config.get("MAIL_URL")
    if not url:
        folder = Path(current_app.config["MAIL_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{time.time_ns()}.eml"
        path.write_bytes(bytes(msg))
        current_app.logger.info("MAIL_URL unset: wrote email to %s", path)
        return
    _smtp_send(url, msg)


def _smtp_send(url: str, msg: EmailMessage) -> None:
    parts = urlparse(url)
    options = parse_qs(parts.query)
    secure = parts.scheme in ("smtps", "smtp+ssl")
    port = parts.port or (465 if secure else 25)
    smtp_cls = smtplib.SMTP_SSL if secure else smtplib.SMTP
    with smtp_cls(parts.hostname, port, timeout=30) as smtp:
        if options.get("starttls", ["0"])[0] in ("1", "true"):
            smtp.starttls(context=ssl.create_default_context())
        if parts.username:
            smtp.login(unquote(parts.username), unquote(parts.password or ""))
        smtp.send_message(msg)
