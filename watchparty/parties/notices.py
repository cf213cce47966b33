"""What the parties domain tells people through notifications: invitations (after the commit)."""

from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.parties.invite_models import PartyInvitation
from watchparty.parties.models import Party
from watchparty.users.models import User


def invited(party: Party, inviter_id, invitations: list[PartyInvitation]) -> None:
    """Each invitee hears who invited them to which party (refused invitees were skipped)."""
    inviter = db.session.get(User, inviter_id)
    for row in invitations:
        notify(
            row.invitee_id,
            "party_invitation",
            "Party invitation",
            f"{inviter.full_name} invited you to “{party.title}”",
            data={
                "party_id": str(party.id),
                "invitation_id": str(row.id),
                "inviter_id": str(inviter.id),
                "room_code": party.room_code,
            },
            actor_id=inviter.id,
            collapse_key=f"party_invitation:{party.id}",
        )
