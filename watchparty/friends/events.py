"""The /people namespace: every signed-in page holds one connection, in the user's own room.

Friends' presence changes and party invitations arrive here; the page says when it is hidden
(`away`) and can ask for the whole list again (`status`, the same as REST's online-status).
"""

from flask import request
from flask_socketio import join_room

from watchparty.common.realtime import user_room
from watchparty.friends import presence
from watchparty.friends.schemas import AwaySchema, OnlineStatusSchema
from watchparty.live import online
from watchparty.live.sockets import AuthedNamespace, acked, current_user, current_user_id

_status = OnlineStatusSchema()


class PeopleNamespace(AuthedNamespace):
    """A user's site-wide connection: friends' presence in, away/back out."""

    def connected(self, user_id) -> None:
        """Every connection of a user listens in the user's own room."""
        join_room(user_room(user_id), sid=request.sid, namespace=self.namespace)

    @acked(AwaySchema)
    def on_away(self, data):
        """This page is hidden (`away: true`) or shown again; acked with your status."""
        state = online.set_away(current_user_id(), self.namespace, request.sid, data["away"])
        return {"status": state["status"]}

    @acked()
    def on_status(self, data):
        """Every friend's presence now, as GET /api/users/online-status/ answers."""
        return _status.dump(presence.friends_status(current_user()))
