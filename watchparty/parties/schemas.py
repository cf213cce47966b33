"""Party representations: the client's `WatchParty` and `PartyParticipant` (seeds 003/004)."""

import marshmallow as ma
from sqlalchemy import select

from watchparty.common.pagination import PaginatedSchema
from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.shown import Shown
from watchparty.common.types import iso
from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties.models import ACTIVE, HOST, MODERATOR, PartyParticipant
from watchparty.users.schemas import UserBriefSchema


class PartySchema(ma.Schema):
    """The `WatchParty` every client parses."""

    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String()
    description = ma.fields.String()
    host = ma.fields.Nested(UserBriefSchema, dump_only=True)
    video_id = ma.fields.UUID(allow_none=True)
    video = ma.fields.Function(
        lambda p: str(p.video_id) if p.video_id else None, metadata={"description": "= video_id"}
    )
    media_url = ma.fields.String(allow_none=True)
    visibility = ma.fields.String()
    is_public = ma.fields.Boolean()
    category = ma.fields.String(allow_none=True)
    max_participants = ma.fields.Integer()
    participant_count = ma.fields.Integer(attribute="seats_taken", dump_only=True)
    online_count = ma.fields.Method("_online_count", metadata={"type": "integer"})
    scheduled_start = UTCDateTimeField(allow_none=True)
    scheduled_for = ma.fields.Function(
        lambda p: iso(p.scheduled_start), metadata={"description": "= scheduled_start"}
    )
    require_approval = ma.fields.Boolean()
    allow_chat = ma.fields.Boolean()
    allow_reactions = ma.fields.Boolean()
    voice_enabled = ma.fields.Boolean(
        dump_only=True, metadata={"description": "voice chat on (voice-chat/manage/ switches it)"}
    )
    control_policy = ma.fields.String()
    wait_for_ready = ma.fields.Boolean()
    queue_policy = ma.fields.String()
    skip_ratio = ma.fields.Float()
    subtitle_language = ma.fields.String(allow_none=True)
    status = ma.fields.String()
    room_code = ma.fields.String()
    started_at = UTCDateTimeField(allow_none=True)
    ended_at = UTCDateTimeField(allow_none=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()

    def _online_count(self, party) -> int:
        """Viewers online now: `online_now` when the service already read presence."""
        known = getattr(party, "online_now", None)
        return presence.online_count(party.id) if known is None else known


class TrendingPartySchema(PartySchema):
    """A trending party: also how many joined in the last day."""

    recent_joins = ma.fields.Integer()


class ParticipantSchema(ma.Schema):
    """A member as the client's `PartyParticipant`, with live presence and drift."""

    user = ma.fields.Nested(UserBriefSchema)
    role = ma.fields.String()
    status = ma.fields.String()
    joined_at = UTCDateTimeField()
    is_online = ma.fields.Boolean()
    drift_ms = ma.fields.Float(allow_none=True)
    watch_seconds = ma.fields.Integer()


# Built once: a big room dumps its member list on every join.
_MANY_MEMBERS = ParticipantSchema(many=True)
_PARTY = PartySchema()


class PartyDetailSchema(PartySchema):
    """A party with its active participants (GET /api/parties/<id>/)."""

    participants = ma.fields.List(ma.fields.Nested(ParticipantSchema))
    my_role = ma.fields.String(allow_none=True)
    my_status = ma.fields.String(allow_none=True)


_ROLE_ORDER = {HOST: 0, MODERATOR: 1}


def dump_party(party, online: int | None = None) -> dict:
    """One party as a `WatchParty` for a socket event (online_count read unless given)."""
    return _PARTY.dump(party if online is None else Shown(party, online_now=online))


def _member(row, online: dict) -> dict:
    entry = online.get(str(row.user_id))
    return {
        "user": row.user,
        "role": row.role,
        "status": row.status,
        "joined_at": row.joined_at,
        "is_online": entry is not None,
        "drift_ms": entry.get("drift_ms") if entry else None,
        "watch_seconds": row.watch_seconds or 0,
    }


def member_view(row, online: dict | None = None) -> dict:
    """One membership row with its presence, for ParticipantSchema; `online` is
    presence.online_users()."""
    online = presence.online_users(row.party_id) if online is None else online
    return _member(row, online)


def member_views(rows, party_id, online: dict | None = None) -> list[dict]:
    """Membership rows with their presence, for ParticipantSchema, reading presence once."""
    online = presence.online_users(party_id) if online is None else online
    return [_member(row, online) for row in rows]


def dump_members(rows, party_id, online: dict | None = None) -> list[dict]:
    """Membership rows as participant JSON (for socket events)."""
    return _MANY_MEMBERS.dump(member_views(rows, party_id, online))


def active_rows(party_id) -> list[PartyParticipant]:
    """Active memberships: host first, then moderators, then by join time."""
    rows = db.session.scalars(
        select(PartyParticipant)
        .where(PartyParticipant.party_id == party_id, PartyParticipant.status == ACTIVE)
        .order_by(PartyParticipant.joined_at, PartyParticipant.id)
    ).all()
    return sorted(rows, key=lambda r: _ROLE_ORDER.get(r.role, 2))


def dump_participants(party, online: dict | None = None) -> list[dict]:
    """The party's active members with presence and drift, as JSON (for socket events)."""
    return dump_members(active_rows(party.id), party.id, online)


class JoinResultSchema(ma.Schema):
    """Seed 004's join response, plus the party."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    participant = ma.fields.Nested(ParticipantSchema)
    party = ma.fields.Nested(PartySchema)


class MemberResultSchema(ma.Schema):
    """A role change: what happened and the member as it is now."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    participant = ma.fields.Nested(ParticipantSchema)


class ParticipantPageSchema(PaginatedSchema):
    """`PaginatedResponse<PartyParticipant> & {online_count}`."""

    results = ma.fields.List(ma.fields.Nested(ParticipantSchema))
    online_count = ma.fields.Integer()


class InviteCodeSchema(ma.Schema):
    invite_code = ma.fields.String()
    invite_url = ma.fields.String()
    expires_at = UTCDateTimeField()
    max_uses = ma.fields.Integer(allow_none=True)


class PartyBriefSchema(ma.Schema):
    """A party as named inside an invitation."""

    id = ma.fields.UUID()
    title = ma.fields.String()
    status = ma.fields.String()
    room_code = ma.fields.String()
    host = ma.fields.Nested(UserBriefSchema)


class InvitationSchema(ma.Schema):
    """A personal invitation to a party."""

    id = ma.fields.UUID()
    party = ma.fields.Nested(PartyBriefSchema)
    inviter = ma.fields.Nested(UserBriefSchema)
    invitee = ma.fields.Nested(UserBriefSchema)
    message = ma.fields.String()
    status = ma.fields.String()
    created_at = UTCDateTimeField()
    responded_at = UTCDateTimeField(allow_none=True)


class InviteResultSchema(ma.Schema):
    success = ma.fields.Boolean()
    message = ma.fields.String()
    invitations = ma.fields.List(ma.fields.Nested(InvitationSchema))
    skipped = ma.fields.List(ma.fields.UUID())


class AnalyticsSchema(ma.Schema):
    """Party analytics; `messages` and `reactions` are null until those domains report them."""

    party_id = ma.fields.UUID()
    status = ma.fields.String()
    members = ma.fields.Integer()
    total_joined = ma.fields.Integer()
    online_count = ma.fields.Integer()
    peak_online = ma.fields.Integer()
    duration_seconds = ma.fields.Integer()
    total_watch_seconds = ma.fields.Integer()
    max_drift_ms = ma.fields.Float(allow_none=True)
    messages = ma.fields.Integer(allow_none=True)
    reactions = ma.fields.Raw(allow_none=True)
    participants = ma.fields.List(ma.fields.Nested(ParticipantSchema))


class AnalyticsUpdateSchema(ma.Schema):
    success = ma.fields.Boolean()
    message = ma.fields.String()
    online_count = ma.fields.Integer()
    peak_online = ma.fields.Integer()
