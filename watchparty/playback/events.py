"""Socket.IO namespace /party: join, clock sync, playback control, reports and readiness."""

import uuid

from flask import g, request

from watchparty.common.realtime import joined_parties
from watchparty.live.sockets import AuthedNamespace, acked, current_user, current_user_id
from watchparty.live.state import server_ms
from watchparty.playback import control, drift, ready, room
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
            ready.expire(party_id)
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
