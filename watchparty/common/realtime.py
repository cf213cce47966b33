"""The names of real-time things, in one place: namespaces and rooms.

Every namespace, emitter and worker names a namespace or a room through these, never by a
literal, so renaming one cannot leave a caller talking to an empty room.
"""

import uuid

PARTY_NS = "/party"
CHAT_NS = "/chat"
INTERACTIVE_NS = "/interactive"
VIDEOS_NS = "/videos"
MESSAGING_NS = "/messaging"
NOTIFICATIONS_NS = "/notifications"  # each user's notifications, to their own room
RTC_NS = "/rtc"  # voice chat: WebRTC signalling and voice-room state, per party
PEOPLE_NS = "/people"  # site-wide: friends' presence and invitations, to each user's own room
PARTY_ROOM_PREFIX = "party:"
USER_ROOM_PREFIX = "user:"


def room(party_id) -> str:
    """The one name of a party's room (each namespace has its own rooms)."""
    return f"{PARTY_ROOM_PREFIX}{party_id}"


def user_room(user_id) -> str:
    """The room holding every connection of one user on a namespace."""
    return f"{USER_ROOM_PREFIX}{user_id}"


def party_id_of(room_name: str | None) -> uuid.UUID | None:
    """The party a room name belongs to, or None for any other room (a sid's own, a user's)."""
    if not room_name or not room_name.startswith(PARTY_ROOM_PREFIX):
        return None
    try:
        return uuid.UUID(room_name.removeprefix(PARTY_ROOM_PREFIX))
    except ValueError:
        return None


def joined_parties(server, sid: str, namespace: str = PARTY_NS) -> list[uuid.UUID]:
    """The parties whose room of `namespace` connection `sid` is in (this process holds it)."""
    ids = (party_id_of(name) for name in server.rooms(sid, namespace=namespace))
    return [party_id for party_id in ids if party_id is not None]
