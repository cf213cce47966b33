"""Placeholder: Socket.IO namespace of chat/events.py (being written)."""

from watchparty.common.realtime import AuthedNamespace


class ChatNamespace(AuthedNamespace):
    """Placeholder namespace."""
