"""Groups' bodies and representations (seed 003 "Social Groups" paths)."""

import unicodedata

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.groups.models import ADMIN, DESCRIPTION_MAX, MEMBER, NAME_MAX, OWNER, VISIBILITIES
from watchparty.parties.schemas import PartySchema
from watchparty.users.schemas import UserBriefSchema

SCOPES = ("mine", "public")


def plain_text(*, multiline: bool):
    """A validator refusing control characters (new lines and tabs allowed when `multiline`)."""
    allowed = {"\n", "\t"} if multiline else set()

    def check(value: str) -> None:
        if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
            raise ma.ValidationError("Use plain text without control characters.")

    return check


class GroupCreateSchema(ma.Schema):
    """A new group: a name, an optional description, public (default) or invite_only."""

    name = ma.fields.String(
        required=True,
        validate=[ma.validate.Length(min=1, max=NAME_MAX), plain_text(multiline=False)],
    )
    description = ma.fields.String(
        load_default="",
        validate=[ma.validate.Length(max=DESCRIPTION_MAX), plain_text(multiline=True)],
    )
    visibility = ma.fields.String(load_default="public", validate=ma.validate.OneOf(VISIBILITIES))

    @ma.pre_load
    def trim(self, data, **kwargs):
        """Names and descriptions are stored without surrounding spaces."""
        if isinstance(data, dict):
            data = dict(data)
            for key in ("name", "description"):
                if isinstance(data.get(key), str):
                    data[key] = data[key].strip()
        return data


class GroupUpdateSchema(GroupCreateSchema):
    """A change of name, description or visibility (at least one)."""

    name = ma.fields.String(
        validate=[ma.validate.Length(min=1, max=NAME_MAX), plain_text(multiline=False)]
    )
    description = ma.fields.String(
        validate=[ma.validate.Length(max=DESCRIPTION_MAX), plain_text(multiline=True)]
    )
    visibility = ma.fields.String(validate=ma.validate.OneOf(VISIBILITIES))

    @ma.validates_schema
    def something(self, data, **kwargs):
        """An empty change is a mistake."""
        if not data:
            raise ma.ValidationError("Change the name, description or visibility.", "name")


class GroupQuerySchema(PageQuerySchema):
    """`scope`: mine (the groups you are in, default) or public (public groups to join)."""

    scope = ma.fields.String(load_default="mine", validate=ma.validate.OneOf(SCOPES))
    q = ma.fields.String(validate=ma.validate.Length(max=NAME_MAX))


class GroupSchema(ma.Schema):
    """A group, with how many are in it and the caller's role (null: not a member)."""

    id = ma.fields.UUID()
    name = ma.fields.String()
    description = ma.fields.String()
    visibility = ma.fields.String(metadata={"description": "public or invite_only"})
    is_public = ma.fields.Boolean()
    owner = ma.fields.Nested(UserBriefSchema)
    members_count = ma.fields.Integer()
    my_role = ma.fields.String(allow_none=True, metadata={"description": "owner, admin, member"})
    invited = ma.fields.Boolean(metadata={"description": "whether the caller holds an invitation"})
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


GroupPageSchema = page_of(GroupSchema, "GroupPage")


class GroupMemberSchema(ma.Schema):
    """One member: who, their role, since when."""

    user = ma.fields.Nested(UserBriefSchema)
    role = ma.fields.String(metadata={"description": "owner, admin or member"})
    joined_at = UTCDateTimeField()


GroupMemberPageSchema = page_of(GroupMemberSchema, "GroupMemberPage")


class RoleSchema(ma.Schema):
    """`{role}`: owner (hand the group over: owner only), admin or member."""

    role = ma.fields.String(required=True, validate=ma.validate.OneOf((OWNER, ADMIN, MEMBER)))


class GroupInviteSchema(ma.Schema):
    """`{user_id}`: whom to invite."""

    user_id = ma.fields.UUID(required=True)


class GroupBriefSchema(ma.Schema):
    """A group as named inside an invitation."""

    id = ma.fields.UUID()
    name = ma.fields.String()
    visibility = ma.fields.String()


class GroupInvitationSchema(ma.Schema):
    """An invitation to a group: which, from whom, to whom, when."""

    id = ma.fields.UUID()
    group = ma.fields.Nested(GroupBriefSchema)
    inviter = ma.fields.Nested(UserBriefSchema)
    invitee_id = ma.fields.UUID()
    created_at = UTCDateTimeField()


class GroupPartyBodySchema(ma.Schema):
    """`{party_id}`: a party you host, to host it for the group."""

    party_id = ma.fields.UUID(required=True)


class GroupPartySchema(ma.Schema):
    """A party hosted for a group, and how many members were invited to it."""

    group_id = ma.fields.UUID()
    party = ma.fields.Nested(PartySchema)
    invited = ma.fields.Integer(metadata={"description": "members invited when it was added"})
    created_at = UTCDateTimeField()


class GroupPartyFeedSchema(PartySchema):
    """A party of one of your groups, with the group's id and name."""

    group_id = ma.fields.UUID()
    group_name = ma.fields.String()


GroupPartyFeedPageSchema = page_of(GroupPartyFeedSchema, "GroupPartyFeedPage")
GroupPartyPageSchema = page_of(GroupPartySchema, "GroupPartyPage")
