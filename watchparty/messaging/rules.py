"""How fast a user may send direct messages and typing signals: chat's token buckets."""

import uuid

from flask import current_app

from watchparty.live import limits

TYPING_RATE, TYPING_BURST = 1.0, 5  # a client signals about every 2 s while someone types


def check_flood(user_id: uuid.UUID) -> None:
    """Take one token from the user's message bucket (chat's burst and rate), or 429."""
    config = current_app.config
    burst = int(config["CHAT_FLOOD_BURST"])
    rate = float(config["CHAT_FLOOD_RATE"])
    message = f"Slow down: at most {burst} messages at once and {rate:g} per second."
    limits.take(f"messaging:flood:{user_id}", rate, burst, message)


def check_typing(user_id: uuid.UUID) -> None:
    """Typing signals are cheap but fan out to every member: a small bucket, or 429."""
    message = "Too many typing signals."
    limits.take(f"messaging:typing:{user_id}", TYPING_RATE, TYPING_BURST, message)
