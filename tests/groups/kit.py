"""Helpers of the groups tests: URLs and REST calls as a given user."""

BASE = "/api/social/groups/"


def url(group_id=None, tail: str = "") -> str:
    """The groups URL of a group (and a tail such as `join/`)."""
    return BASE if group_id is None else f"{BASE}{group_id}/{tail}"


def create(client, users, owner, **body):
    """Create a group as `owner`; its JSON."""
    body.setdefault("name", "Film club")
    answer = client.post(BASE, json=body, headers=users.session_headers(owner))
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def call(client, users, who, method: str, path: str, **kwargs):
    """A request to `path` as `who`."""
    return client.open(path, method=method, headers=users.session_headers(who), **kwargs)


def join(client, users, who, group_id):
    """`who` joins the group."""
    return call(client, users, who, "POST", url(group_id, "join/"))
