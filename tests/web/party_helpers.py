"""A party with nothing to play yet (no transcode to wait for), for tests of the room's chrome."""

from tests.web.account_helpers import create_party


def plain_party(client, users, host, *guests, **fields) -> dict:
    """A public party hosted by `host` with `guests` joined as members; returns it."""
    party = create_party(client, users, host, visibility="public", **fields)
    for guest in guests:
        joined = client.post(
            f"/api/parties/{party['id']}/join/", headers=users.session_headers(guest)
        )
        assert joined.status_code in (200, 201), joined.get_json()
    return party
