"""REST mirror of the /party `control` event: the same service, the same broadcast."""

import uuid
from datetime import UTC, datetime

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.playback import control
from watchparty.playback.schemas import ControlBodySchema, ControlResultSchema

blp = Blueprint("party_control", __name__, description="Parties: playback control")


@blp.post("/<uuid:party_id>/control/")
@auth_required
@blp.arguments(ControlBodySchema)
@blp.response(200, ControlResultSchema)
@blp.alt_response(403, description="The control policy does not allow this user")
@blp.alt_response(409, description="The party has ended")
def control_party(command, party_id: uuid.UUID):
    """Play, pause, seek, change rate or video; socket clients get the same `state`."""
    result = control.control(party_id, current_user.id, command)
    state = result["state"]
    return {
        "success": True,
        "action": command["action"],
        "seq": result["seq"],
        "duplicate": result.get("duplicate", False),
        "timestamp": state["position"],
        "synced_at": datetime.fromtimestamp(state["at"] / 1000, UTC),
        "state": state,
    }
