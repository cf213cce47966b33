"""A party with a host, a moderator, a participant and an outsider, and their session headers
(the interactive and voice tests' `crowd` fixture)."""

from dataclasses import dataclass

from watchparty.parties.models import MODERATOR, PUBLIC, Party


@dataclass
class Crowd:
    """The four people of one public party, and each one's headers by user id."""

    party: Party
    host: object
    mod: object
    member: object
    outsider: object
    headers: dict

    def url(self, tail: str, party=None) -> str:
        """/api/interactive/parties/<id>/<tail>"""
        return f"/api/interactive/parties/{(party or self.party).id}/{tail}"


def make_crowd(users, parties) -> Crowd:
    """Host, moderator, participant and outsider of one public party."""
    host, mod, member, outsider = (users.create() for _ in range(4))
    party = parties.create(host, visibility=PUBLIC)
    parties.add(party, mod, MODERATOR)
    parties.add(party, member)
    headers = {u.id: users.session_headers(u) for u in (host, mod, member, outsider)}
    return Crowd(party, host, mod, member, outsider, headers)
