"""Race-free seats: 200 simultaneous joins to a 50-seat party admit exactly 50 members."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from tests.helpers import bearer
from tests.parties.helpers import create_party, many_users
from watchparty.extensions import db
from watchparty.parties.models import ACTIVE, PartyParticipant


def test_200_concurrent_joins_fill_50_seats_exactly(client, users, me, live_server):
    _, headers = me
    # 50 seats, host included: 49 joiners can get in.
    party = create_party(client, headers, max_participants=50)
    tokens = [users.session(user)["access_token"] for user in many_users(200)]
    url = f"{live_server.url}/api/parties/{party['id']}/join/"

    def join(token: str) -> int:
        return requests.post(url, json={}, headers=bearer(token), timeout=30).status_code

    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(join, tokens))

    assert statuses.count(200) == 49
    assert statuses.count(409) == 151
    db.session.expire_all()
    active = db.session.scalar(
        select(func.count())
        .select_from(PartyParticipant)
        .where(
            PartyParticipant.party_id == uuid.UUID(party["id"]), PartyParticipant.status == ACTIVE
        )
    )
    assert active == 50
    detail = client.get(f"/api/parties/{party['id']}/", headers=headers).get_json()
    assert detail["participant_count"] == 50
