"""Request bodies are capped before anything reads them: 1 MiB (MAX_CONTENT_LENGTH) everywhere,
larger only on the upload routes, which stream."""

import io
import os

import pytest

from watchparty.storage import signing

MIB = 1024 * 1024
SHAPE = {"success", "error", "message", "detail", "errors", "timestamp"}


class CountingStream(io.RawIOBase):
    """A request body of `size` bytes (`pattern` repeated) that counts what the server reads."""

    def __init__(self, size: int, pattern: bytes = b'{"a": "' + b"x" * 1024) -> None:
        self.size, self.pattern, self.position, self.read_bytes = size, pattern, 0, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True  # the test client seeks to the end to learn the length

    def seek(self, offset: int, whence: int = 0) -> int:
        self.position = {0: offset, 1: self.position + offset, 2: self.size + offset}[whence]
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.size - self.position)
        buffer[:n] = (self.pattern * (n // len(self.pattern) + 1))[:n]
        self.position += n
        self.read_bytes += n
        return n


def assert_413(response) -> None:
    body = response.get_json()
    assert response.status_code == 413, body
    assert set(body) == SHAPE and body["error"] == "payload_too_large"


@pytest.mark.parametrize("path", ["/api/auth/login/", "/api/no-such-route/", "/api/auth/register/"])
def test_json_body_over_the_limit_is_413_before_any_byte_is_read(client, path):
    stream = CountingStream(2 * MIB)
    response = client.post(
        path,
        input_stream=stream,
        headers={"Content-Type": "application/json", "Content-Length": str(2 * MIB)},
    )
    assert_413(response)
    assert stream.read_bytes == 0


def test_chunked_json_body_is_cut_off_at_the_limit(client):
    # No Content-Length: the server de-chunks (wsgi.input_terminated) and the stream is capped.
    stream = CountingStream(8 * MIB)
    response = client.post(
        "/api/auth/login/",
        input_stream=stream,
        headers={"Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_413(response)
    assert stream.read_bytes <= MIB + 64 * 1024


def test_form_body_over_the_limit_is_413(client):
    stream = CountingStream(2 * MIB, pattern=b"token=" + b"x" * 1024)
    response = client.post(
        "/api/auth/login/",
        input_stream=stream,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": str(2 * MIB),
        },
    )
    assert_413(response)
    assert stream.read_bytes == 0


def test_json_on_an_upload_route_keeps_the_json_limit(client, auth, users):
    headers = auth(users.create())
    stream = CountingStream(2 * MIB)
    response = client.post(
        "/api/videos/",
        input_stream=stream,
        headers={**headers, "Content-Type": "application/json", "Content-Length": str(2 * MIB)},
    )
    assert_413(response)
    assert stream.read_bytes == 0


def test_a_json_body_under_the_limit_is_parsed_as_before(client):
    padding = "x" * (MIB // 2)
    response = client.post(
        "/api/auth/login/", json={"email": "a@example.com", "password": "p", "pad": padding}
    )
    assert response.status_code in (400, 401)


def test_an_avatar_larger_than_the_json_limit_is_accepted(client, auth, users):
    # Incompressible noise so the PNG really is over 1 MiB; the avatar limit is 5 MiB.
    from PIL import Image

    noise = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG")
    assert out.tell() > MIB
    response = client.post(
        "/api/users/avatar/upload/",
        headers=auth(users.create()),
        data={"avatar": (io.BytesIO(out.getvalue()), "noise.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200, response.get_json()


def test_a_direct_put_larger_than_the_json_limit_is_accepted(client, app):
    key = f"private/uploads/body-limit-{os.getpid()}.mp4"
    with app.test_request_context():
        token = signing.sign_put(key, "video/mp4")
    response = client.put(
        f"/media/upload/{token}", data=b"\0" * (3 * MIB), content_type="video/mp4"
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["size"] == 3 * MIB
