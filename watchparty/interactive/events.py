"""Placeholder: Socket.IO namespace of interactive/events.py (being written)."""

from watchparty.common.realtime import AuthedNamespace


class InteractiveNamespace(AuthedNamespace):
    """Placeholder namespace."""
