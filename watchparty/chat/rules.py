"""What a message may contain and how fast a user may send: checked on every send."""

import re
import uuid

from flask import current_app

from watchparty.chat.models import EMOJI
from watchparty.errors import ValidationError
from watchparty.live import limits
from watchparty.site import settings as site_settings

LINK = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
# Pictographs, symbols, dingbats, flags and the joiners/selectors that build emoji sequences.
EMOJI_CHARS = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\U0001f1e6-\U0001f1ff]"
    "[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*"
)


def emojis_in(text: str) -> list[str]:
    """The emojis a text contains, in order."""
    return [m.group(0).replace("\ufe0f", "") for m in EMOJI_CHARS.finditer(text)]


def check_text(text: str, message_type: str, settings: dict) -> str:
    """The message text to store, or a 400 naming the broken rule."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("A message cannot be empty.", errors={"text": ["Required."]})
    limit = settings["max_message_length"]
    if len(text) > limit:
        raise ValidationError(
            f"Messages are limited to {limit} characters.",
            code="message_too_long",
            errors={"text": [f"Longer than {limit} characters."]},
        )
    if not settings["allow_links"] and LINK.search(text):
        raise ValidationError(
            "Links are not allowed in this chat.",
            code="links_not_allowed",
            errors={"text": ["Links are not allowed."]},
        )
    has_emoji = message_type == EMOJI or bool(EMOJI_CHARS.search(text))
    if not settings["allow_emojis"] and has_emoji:
        raise ValidationError(
            "Emojis are turned off in this chat.",
            code="emojis_not_allowed",
            errors={"text": ["Emojis are not allowed."]},
        )
    check_words(text, settings)
    return text


def blocked_word(text: str, words) -> str | None:
    """The first of `words` the text holds as a whole word (any case), or None."""
    for word in words:
        word = word.strip()
        if word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return word
    return None


def check_words(text: str, settings: dict) -> None:
    """400 when the text holds a word of the site-wide or the party's word filter."""
    words = [*site_settings.get("chat_word_filter"), *(settings.get("blocked_words") or [])]
    if blocked_word(text, words) is not None:
        raise ValidationError(
            "This message contains a word that is not allowed in this chat.",
            code="blocked_word",
            errors={"text": ["Contains a blocked word."]},
        )


def check_flood(user_id: uuid.UUID) -> None:
    """Take one token from the user's bucket (shared by every process), or 429."""
    config = current_app.config
    burst = int(config["CHAT_FLOOD_BURST"])
    rate = float(config["CHAT_FLOOD_RATE"])
    message = f"Slow down: at most {burst} messages at once and {rate:g} per second."
    limits.take(f"chat:flood:{user_id}", rate, burst, message)


def check_slow_mode(party_id: uuid.UUID, user_id: uuid.UUID, settings: dict) -> None:
    """In slow mode, one message per user per interval (the stamp lives in the live store)."""
    if not settings["slow_mode"]:
        return
    interval = settings["slow_mode_interval"]
    message = f"Slow mode is on: one message every {interval} seconds."
    limits.once_per(f"chat:slow:{party_id}:{user_id}", interval, message, code="slow_mode")
