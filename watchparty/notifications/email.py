"""The email channel: a notification rendered from templates/email/notification.*, with a
one-click unsubscribe for its kind (a link in the body and the List-Unsubscribe headers)."""

import smtplib

from flask import render_template

from watchparty.mail.service import deliver
from watchparty.notifications import links
from watchparty.notifications.errors import Retryable
from watchparty.notifications.kinds import kind
from watchparty.notifications.templates import email_html


def send(delivery, notification, user) -> None:
    """Send the notification to the user's address now (the caller is a job)."""
    unsubscribe = links.unsubscribe_url(user.id, notification.type)
    context = {
        "user": user,
        "notification": notification,
        "label": kind(notification.type).label,
        "open_url": links.open_url(notification.data or {}),
        "unsubscribe_url": unsubscribe,
    }
    message = {
        "to": user.email,
        "subject": notification.title,
        "text": render_template("email/notification.txt", **context),
        "html": email_html(notification.data or {})
        or render_template("email/notification.html", **context),
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }
    try:
        deliver(message)
    except (smtplib.SMTPException, OSError) as error:  # the mail server is down or busy
        raise Retryable(f"smtp: {error}") from error
