"""The /interactive namespace: reactions and polls in real time (same services as REST)."""

from flask import request

from watchparty.interactive import service
from watchparty.interactive.schemas import (
    PartyRefSchema,
    PollRefSchema,
    SocketPollCreateSchema,
    SocketReactionSchema,
    SocketVoteSchema,
)
from watchparty.live import rooms
from watchparty.live.sockets import AuthedNamespace, acked, current_user_id
from watchparty.parties.access import get_party, require_member


class InteractiveNamespace(AuthedNamespace):
    """Members react and vote; hosts and moderators run polls."""

    def disconnected(self, user_id) -> None:
        """Connection closed: forget it in every party room it was in."""
        rooms.forget(self.namespace, user_id, request.sid)

    @acked(PartyRefSchema)
    def on_join(self, data):
        """A member's client enters the party's room; acked with the open polls."""
        user_id = current_user_id()
        require_member(get_party(data["party_id"]), user_id)
        rooms.enter(self.namespace, data["party_id"], user_id, request.sid)
        return {
            "party_id": str(data["party_id"]),
            "polls": service.open_polls(data["party_id"], user_id),
        }

    @acked(PartyRefSchema)
    def on_leave(self, data):
        """A client stops receiving the party's reactions and polls."""
        rooms.leave(self.namespace, data["party_id"], current_user_id(), request.sid)
        return {}

    @acked(SocketReactionSchema)
    def on_react(self, data):
        """A member reacts with one emoji; broadcast as `reaction`."""
        args = (data["party_id"], current_user_id(), data["emoji"], data["video_ts"])
        return {"reaction": service.react(*args)}

    @acked(SocketPollCreateSchema)
    def on_poll_create(self, data):
        """A host or moderator opens a poll; broadcast as `poll`."""
        party_id = data.pop("party_id")
        return {"poll": service.create_poll(party_id, current_user_id(), **data)}

    @acked(SocketVoteSchema)
    def on_vote(self, data):
        """A member votes once; broadcast as `poll` with the new counts."""
        return {"poll": service.vote(data["poll_id"], current_user_id(), data["option_id"])}

    @acked(PollRefSchema)
    def on_poll_close(self, data):
        """A host or moderator closes a poll; broadcast as `poll`."""
        return {"poll": service.close_poll(data["poll_id"], current_user_id())}
