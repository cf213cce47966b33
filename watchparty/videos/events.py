"""/videos: an uploader's live processing progress, emitted by the transcoding worker."""

import uuid

from flask import request
from flask_socketio import join_room

from watchparty.common.realtime import VIDEOS_NS as NAMESPACE
from watchparty.common.realtime import user_room
from watchparty.live.sockets import AuthedNamespace


class VideosNamespace(AuthedNamespace):
    """Progress of the caller's own uploads: `video_progress` events, nothing to send."""

    def connected(self, user_id: uuid.UUID) -> None:
        """Put the connection in its user's room, where the worker's events arrive."""
        join_room(user_room(user_id), sid=request.sid, namespace=NAMESPACE)
