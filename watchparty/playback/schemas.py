"""Payloads of the /party protocol and of the REST control mirror."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField

PLAY, PAUSE, SEEK, RATE, VIDEO = "play", "pause", "seek", "rate", "video"
ACTIONS = (PLAY, PAUSE, SEEK, RATE, VIDEO)
END = "ended"  # the server's own command: what plays reached its end
# Positions are seconds into the video; a day bounds any real media and keeps floats sane.
MAX_POSITION = 86400.0
MIN_RATE, MAX_RATE = 0.25, 4.0

_position = {"validate": ma.validate.Range(0, MAX_POSITION), "allow_nan": False}


class PartyRefSchema(ma.Schema):
    """`{party_id}`: join and leave."""

    party_id = ma.fields.UUID(required=True)


class TimeSchema(ma.Schema):
    """`{t0}`: the client's send time, echoed back."""

    t0 = ma.fields.Float(required=True, allow_nan=False)


class ControlBodySchema(ma.Schema):
    """A playback command (REST body; the socket payload adds `party_id`)."""

    class Meta:
        unknown = ma.EXCLUDE

    action = ma.fields.String(required=True, validate=ma.validate.OneOf(ACTIONS))
    position = ma.fields.Float(**_position)
    timestamp = ma.fields.Float(
        **_position, load_only=True, metadata={"description": "seed 003's name for position"}
    )
    rate = ma.fields.Float(validate=ma.validate.Range(MIN_RATE, MAX_RATE), allow_nan=False)
    video_id = ma.fields.UUID(allow_none=True)
    media_url = ma.fields.URL(
        schemes={"http", "https"},
        require_tld=False,
        allow_none=True,
        validate=ma.validate.Length(max=2000),
    )
    cmd_id = ma.fields.String(validate=ma.validate.Length(1, 100))

    @ma.post_load
    def merge_aliases(self, data, **kwargs):
        """Accept seed 003's `timestamp` as `position`; require what each action needs."""
        if "timestamp" in data:
            data.setdefault("position", data.pop("timestamp"))
        needs = {SEEK: "position", RATE: "rate"}.get(data["action"])
        if needs and data.get(needs) is None:
            raise ma.ValidationError({needs: [f"Required for {data['action']}."]})
        if data["action"] == VIDEO and not (data.get("video_id") or data.get("media_url")):
            raise ma.ValidationError({"media_url": ["Give a media_url or a video_id."]})
        return data


class ControlSchema(ControlBodySchema):
    """`control {party_id, action, ...}` over Socket.IO."""

    party_id = ma.fields.UUID(required=True)


class ReportSchema(ma.Schema):
    """`report {party_id, position, playing, buffering, rtt, sampled_at?}` about once a second."""

    class Meta:
        unknown = ma.EXCLUDE

    party_id = ma.fields.UUID(required=True)
    position = ma.fields.Float(required=True, **_position)
    playing = ma.fields.Boolean(required=True)
    buffering = ma.fields.Boolean(load_default=False)
    rtt = ma.fields.Float(load_default=None, validate=ma.validate.Range(0, 60000), allow_nan=False)
    sampled_at = ma.fields.Float(load_default=None, allow_nan=False)


class ReadySchema(ma.Schema):
    """`ready {party_id, ready}`: whether this client can play (media loaded, not buffering)."""

    party_id = ma.fields.UUID(required=True)
    ready = ma.fields.Boolean(required=True)


class StateSchema(ma.Schema):
    """The authoritative playback state (`state` event)."""

    party_id = ma.fields.UUID()
    seq = ma.fields.Integer()
    video_id = ma.fields.UUID(allow_none=True)
    media_url = ma.fields.String(allow_none=True)
    playing = ma.fields.Boolean()
    position = ma.fields.Float(metadata={"description": "seconds, at server time `at`"})
    rate = ma.fields.Float()
    at = ma.fields.Integer(metadata={"description": "server epoch ms the state applies from"})
    reason = ma.fields.String(allow_none=True, metadata={"description": "`ended` at the end"})
    waiting = ma.fields.List(ma.fields.String())
    duration = ma.fields.Float(allow_none=True, metadata={"description": "seconds, if known"})
    item_id = ma.fields.UUID(allow_none=True, metadata={"description": "the queue item"})
    title = ma.fields.String(allow_none=True)
    subtitle_track = ma.fields.String(
        allow_none=True, metadata={"description": "a media URL's track: GET it with your session"}
    )
    advance_at = ma.fields.Integer(
        allow_none=True, metadata={"description": "server epoch ms the next item starts"}
    )
    up_next = ma.fields.Dict(allow_none=True, metadata={"description": "{id, title}"})


class ControlResultSchema(ma.Schema):
    """The REST control answer (seed 004's shape plus the new state)."""

    success = ma.fields.Boolean()
    action = ma.fields.String()
    seq = ma.fields.Integer()
    duplicate = ma.fields.Boolean()
    timestamp = ma.fields.Float(metadata={"description": "position (s) at `synced_at`"})
    synced_at = UTCDateTimeField()
    state = ma.fields.Nested(StateSchema)
