"""/proxy/ hands out the original upload: only when the video allows downloads, or to its owner."""

import uuid

from tests.helpers import assert_error
from tests.videos.factories import make_video
from watchparty.storage import storage
from watchparty.videos import keys

SOURCE = b"\x00\x00\x00\x18ftypisom-original"


def _video(owner, **fields):
    video_id = uuid.uuid4()
    storage().save(keys.source_key(video_id), SOURCE, "video/mp4")
    return make_video(owner, id=video_id, source_key=keys.source_key(video_id), **fields)


def test_proxy_refuses_the_original_to_viewers_when_downloads_are_off(client, users):
    owner, viewer = users.create(), users.create()
    video = _video(owner, allow_download=False)
    response = client.get(f"/api/videos/{video.id}/proxy/", headers=users.session_headers(viewer))
    assert_error(response, 403, "download_not_allowed")


def test_proxy_serves_the_original_to_its_owner_and_staff_when_downloads_are_off(client, users):
    owner = users.create()
    video = _video(owner, allow_download=False)
    for user in (owner, users.admin()):
        response = client.get(f"/api/videos/{video.id}/proxy/", headers=users.session_headers(user))
        assert response.status_code == 200 and response.data == SOURCE


def test_proxy_serves_the_original_to_viewers_when_downloads_are_on(client, users):
    owner, viewer = users.create(), users.create()
    video = _video(owner, allow_download=True)
    headers = users.session_headers(viewer) | {"Range": "bytes=4-7"}
    response = client.get(f"/api/videos/{video.id}/proxy/", headers=headers)
    assert response.status_code == 206 and response.data == b"ftyp"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
