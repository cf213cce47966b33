"""Parties as reportable content (common/reportables.py): hiding one takes it out of public
lists pending review; removing one ends it and removes it from every view, live."""

import uuid

from watchparty.common import reportables
from watchparty.extensions import db
from watchparty.parties import service
from watchparty.parties.access import is_viewer
from watchparty.parties.models import Party


def _party(party_id: uuid.UUID) -> Party | None:
    party = db.session.get(Party, party_id)
    return party if party is not None and party.deleted_at is None else None


def _owner(party_id: uuid.UUID):
    party = _party(party_id)
    return party.host_id if party is not None else None


def _visible_to(user, party_id: uuid.UUID) -> bool:
    party = _party(party_id)
    return party is not None and is_viewer(party, user.id)


def _text(party_id: uuid.UUID) -> str:
    party = db.session.get(Party, party_id)
    return f"{party.title}\n\n{party.description or ''}".strip() if party is not None else ""


def _set_hidden(hidden: bool):
    def change(party_id: uuid.UUID):
        party = db.session.get(Party, party_id)
        if party is not None:
            party.hidden = hidden

    return change


def _remove(party_id: uuid.UUID, actor_id: uuid.UUID):
    party = _party(party_id)
    return service.stage_delete(party) if party is not None else None


REPORTABLE = reportables.Reportable(
    name=reportables.PARTY,
    label="Party",
    owner=_owner,
    visible_to=_visible_to,
    text=_text,
    hide=_set_hidden(True),
    unhide=_set_hidden(False),
    remove=_remove,
)
