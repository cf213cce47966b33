"""The interactive domain's services, in one place for views, socket handlers and analytics."""

from watchparty.interactive.poll_payloads import poll_payload
from watchparty.interactive.polls import (
    close_overdue,
    close_poll,
    create_poll,
    finish,
    get_poll_for,
    list_polls,
    open_polls,
    vote,
)
from watchparty.interactive.reactions import heatmap, list_reactions, react, reaction_heatmap

__all__ = [
    "close_overdue",
    "close_poll",
    "create_poll",
    "finish",
    "get_poll_for",
    "heatmap",
    "list_polls",
    "list_reactions",
    "open_polls",
    "poll_payload",
    "react",
    "reaction_heatmap",
    "vote",
]
