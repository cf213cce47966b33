"""Placeholder: Socket.IO namespace of parties/events.py (being written)."""

from watchparty.common.realtime import AuthedNamespace


class PartyNamespace(AuthedNamespace):
    """Placeholder namespace."""
