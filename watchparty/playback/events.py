"""Socket.IO namespace /party: join, clock sync, playback control, reports and readiness."""

import uuid

from flask import g, request

from watchparty.common.realtime import joined_parties
from watchparty.live.sockets import AuthedNamespace, acked, current_user, current_user_id
from watchparty.live.state import server_ms
from watchparty.playback import control, drift, ending, queue, ready, room, skipping
from watchparty.playback.queue_schemas import (
    QueueAddEventSchema,
    QueueItemRefSchema,
    QueueItemSchema,
    QueueMoveEventSchema,
    QueueRefSchema,
    QueueSchema,
)
from watchparty.playback.schemas import (
    ControlSchema,
    PartyRefSchema,
    ReadySchema,
    ReportSchema,
    TimeSchema,
)


class PartyNamespace(AuthedNamespace):
    """Synchronized playback and presence of a party's members."""

    def disconnected(self, user_id: uuid.UUID) -> None:
        """Connection closed: leave every party room it was in."""
        for party_id in joined_parties(self.server, request.sid):
            room.leave(party_id, user_id, request.sid)

    @acked(PartyRefSchema)
    def on_join(self, data):
        """Client enters a party: ack the full snapshot (also how a reconnect resyncs)."""
        return room.enter(data["party_id"], current_user(), request.sid)

    @acked(PartyRefSchema)
    def on_leave(self, data):
        """Client leaves a party's room (its membership stays)."""
        room.leave(data["party_id"], current_user_id(), request.sid)
        return {"party_id": str(data["party_id"])}

    def on_time(self, data=None):
        """Client asks for the server clock: ack {t0, t1, t2} for NTP-style offsets."""
        g.t1 = server_ms()  # the receive time, before parsing
        return self._clock(data)

    @acked(TimeSchema)
    def _clock(self, data):
        """The `time` ack; also lazily ends waits whose timer died with its process."""
        for party_id in joined_parties(self.server, request.sid):
            ending.catch_up(party_id)
        return {"t0": data["t0"], "t1": g.t1, "t2": server_ms()}

    @acked(ControlSchema)
    def on_control(self, data):
        """Client with control rights sends play/pause/seek/rate/video: ack {seq, state}."""
        return control.control(data.pop("party_id"), current_user_id(), data)

    @acked(ReportSchema)
    def on_report(self, data):
        """Client reports its playback about once a second: ack {drift_ms, correction}."""
        with drift.report_slot():
            return drift.report(data["party_id"], current_user_id(), request.sid, data)

    @acked(ReadySchema)
    def on_ready(self, data):
        """Client says whether it can play (media loaded, not buffering)."""
        return ready.set_ready(data["party_id"], current_user_id(), request.sid, data["ready"])

    @acked(QueueAddEventSchema)
    def on_queue_add(self, data):
        """Add a video or media URL to the queue: ack the item."""
        return ITEM.dump(queue.add(data.pop("party_id"), current_user(), data))

    @acked(QueueItemRefSchema)
    def on_queue_remove(self, data):
        """Remove an item: ack the queue."""
        return _queue(queue.remove(data["party_id"], current_user(), data["item_id"]))

    @acked(QueueMoveEventSchema)
    def on_queue_move(self, data):
        """Move an item to `index`: ack the queue."""
        moved = queue.move(data["party_id"], current_user(), data["item_id"], data["index"])
        return _queue(moved)

    @acked(QueueItemRefSchema)
    def on_queue_play(self, data):
        """Play an item now: ack the queue."""
        return _queue(queue.play_now(data["party_id"], current_user(), data["item_id"]))

    @acked(QueueRefSchema)
    def on_queue_clear(self, data):
        """Remove every waiting item: ack the queue."""
        return _queue(queue.clear(data["party_id"], current_user()))

    @acked(QueueRefSchema)
    def on_queue_skip(self, data):
        """Vote to skip the item playing: ack {skipped, votes, needed}."""
        return skipping.skip(data["party_id"], current_user())

    @acked(QueueRefSchema)
    def on_queue_cancel(self, data):
        """Stay on the last frame instead of starting the next item: ack the state."""
        return skipping.cancel_advance(data["party_id"], current_user())


def _queue(shown: dict) -> dict:
    return QUEUE.dump(shown)


ITEM, QUEUE = QueueItemSchema(), QueueSchema()
