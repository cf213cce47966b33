"""POST /api/users/avatar/upload/: real images only, re-encoded, size-limited."""

import io

import pytest
from PIL import Image

from tests.users.conftest import image_bytes
from watchparty.extensions import db
from watchparty.storage import storage

URL = "/api/users/avatar/upload/"


def _upload(client, headers, data: bytes, name="me.png", field="avatar"):
    return client.post(
        URL,
        headers=headers,
        data={field: (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _fetch(client, url: str) -> Image.Image:
    response = client.get(url.removeprefix("http://localhost:5000"))
    assert response.status_code == 200
    return Image.open(io.BytesIO(response.data))


@pytest.mark.parametrize(
    ("fmt", "mode", "ext"),
    [
        ("PNG", "RGB", ".jpg"),
        ("JPEG", "RGB", ".jpg"),
        ("GIF", "P", ".png"),
        ("WEBP", "RGBA", ".png"),
    ],
)
def test_upload_stores_a_served_image_and_sets_the_user_avatar(client, me, fmt, mode, ext):
    user, headers = me
    response = _upload(client, headers, image_bytes(fmt, mode=mode), name=f"me.{fmt.lower()}")
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True
    assert f"/media/avatars/{user.id}/" in body["avatar_url"]
    assert body["avatar_url"].endswith(ext)
    assert _fetch(client, body["avatar_url"]).size == (64, 48)
    profile = client.get("/api/users/profile/", headers=headers).get_json()
    assert profile["avatar"] == body["avatar_url"] == profile["profile"]["avatar"]


def test_large_image_is_downscaled_to_512_and_metadata_stripped(client, me):
    _, headers = me
    exif = Image.Exif()
    exif[0x010E] = "secret description"
    data = image_bytes("JPEG", size=(2000, 1000), exif=exif.tobytes())
    body = _upload(client, headers, data, name="big.jpg").get_json()
    image = _fetch(client, body["avatar_url"])
    assert image.size == (512, 256)
    assert not image.getexif()


def test_file_field_name_is_accepted_too(client, me):
    _, headers = me
    assert _upload(client, headers, image_bytes(), field="file").status_code == 200


def test_new_upload_deletes_the_previous_file(client, me):
    user, headers = me
    _upload(client, headers, image_bytes())
    db.session.expire_all()
    first = user.avatar
    _upload(client, headers, image_bytes("JPEG"))
    db.session.expire_all()
    assert user.avatar != first
    assert not storage().path(first).exists()
    assert storage().path(user.avatar).exists()


def test_text_file_named_jpg_is_415(client, me):
    user, headers = me
    response = _upload(client, headers, b"hello, I am not a picture\n" * 10, name="me.jpg")
    assert response.status_code == 415
    assert response.get_json()["error"] == "unsupported_media_type"
    db.session.expire_all()
    assert user.avatar is None


def test_truncated_image_is_415(client, me):
    _, headers = me
    response = _upload(client, headers, image_bytes()[:60], name="cut.png")
    assert response.status_code == 415


def test_unsupported_image_format_is_415(client, me):
    _, headers = me
    response = _upload(client, headers, image_bytes("BMP"), name="me.bmp")
    assert response.status_code == 415


def test_file_over_the_limit_is_413(app, client, me, monkeypatch):
    user, headers = me
    monkeypatch.setitem(app.config, "AVATAR_MAX_BYTES", 1000)
    response = _upload(client, headers, image_bytes(size=(400, 400)) + b"\0" * 1000)
    assert response.status_code == 413
    assert response.get_json()["error"] == "payload_too_large"
    db.session.expire_all()
    assert user.avatar is None


def test_missing_file_is_400(client, me):
    _, headers = me
    response = client.post(URL, headers=headers, data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "avatar" in response.get_json()["errors"]


def test_json_body_instead_of_a_file_is_400(client, me):
    _, headers = me
    assert client.post(URL, headers=headers, json={"avatar": "x"}).status_code == 400


def test_empty_file_is_400(client, me):
    _, headers = me
    assert _upload(client, headers, b"").status_code == 400
