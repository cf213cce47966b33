"""Search fixtures: rows made directly (the index follows every flush), a search helper."""

import pytest

from tests.feed.conftest import creators, people  # noqa: F401 - fixtures shared with feed
from watchparty.extensions import db
from watchparty.videos.models import READY, Video


def video(owner, title: str, description: str = "", **fields) -> Video:
    """A stored, ready video of `owner` (public unless told)."""
    fields.setdefault("status", READY)
    row = Video(owner_id=owner.id, title=title, description=description, **fields)
    db.session.add(row)
    db.session.commit()
    return row


@pytest.fixture
def search(client, users):
    """`search("q", as_=user, **params)`: GET /api/search/ and its JSON (200 asserted)."""

    def run(q: str, as_=None, status: int = 200, path: str = "/api/search/", **params) -> dict:
        headers = users.session_headers(as_) if as_ is not None else {}
        response = client.get(path, query_string={"q": q, **params}, headers=headers)
        assert response.status_code == status, response.get_json()
        return response.get_json()

    return run


def ids(found: dict, group: str) -> list[str]:
    """The ids of one group of a search answer, in order."""
    return [hit["id"] for hit in found["results"][group]]
