"""A minimal TURN client (RFC 5766 Allocate over UDP with long-term credentials), enough to
ask the real coturn whether it accepts a username and credential."""

import hashlib
import hmac
import os
import socket
import struct

MAGIC = 0x2112A442
ALLOCATE, SUCCESS, ERROR = 0x0003, 0x0103, 0x0113
USERNAME, INTEGRITY, ERROR_CODE, REALM, NONCE, TRANSPORT = 0x6, 0x8, 0x9, 0x14, 0x15, 0x19


def _attr(kind: int, value: bytes) -> bytes:
    return struct.pack("!HH", kind, len(value)) + value + b"\0" * (-len(value) % 4)


def _message(attrs: bytes, key: bytes | None) -> bytes:
    tid = os.urandom(12)
    if key is None:
        return struct.pack("!HHI", ALLOCATE, len(attrs), MAGIC) + tid + attrs
    header = struct.pack("!HHI", ALLOCATE, len(attrs) + 24, MAGIC) + tid
    mac = hmac.new(key, header + attrs, hashlib.sha1).digest()
    return header + attrs + _attr(INTEGRITY, mac)


def _parse(data: bytes) -> tuple[int, dict]:
    kind, length = struct.unpack("!HH", data[:4])
    attrs, at = {}, 20
    while at < 20 + length:
        code, size = struct.unpack("!HH", data[at : at + 4])
        attrs[code] = data[at + 4 : at + 4 + size]
        at += 4 + size + (-size % 4)
    return kind, attrs


def _ask(sock, message: bytes) -> tuple[int, dict]:
    sock.send(message)
    return _parse(sock.recv(2048))


def allocate(host: str, port: int, username: str, password: str) -> int:
    """Allocate a relay: 200 when coturn accepts the credentials, else its error code (401)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(3)
        sock.connect((host, port))
        transport = _attr(TRANSPORT, bytes([17, 0, 0, 0]))
        _, challenge = _ask(sock, _message(transport, None))
        realm, nonce = challenge[REALM], challenge[NONCE]
        secret = f"{username}:{realm.decode()}:{password}".encode()
        key = hashlib.md5(secret).digest()  # noqa: S324 (RFC 5389 defines the key as MD5)
        attrs = _attr(USERNAME, username.encode()) + _attr(REALM, realm) + _attr(NONCE, nonce)
        kind, answer = _ask(sock, _message(attrs + transport, key))
    if kind == SUCCESS:
        return 200
    error = answer.get(ERROR_CODE, b"\0\0\0\0")
    return error[2] * 100 + error[3]
