"""validate-url: is a remote media URL playable? Refuses private networks (SSRF), pins the
checked address, follows at most 3 redirects (each checked again) and reads only the first
couple of MiB: enough to recognise the container and, usually, its duration."""

import ipaddress
import re
import socket
import subprocess
import tempfile
import time
from urllib.parse import SplitResult, urljoin, urlsplit

import urllib3
from flask import current_app

from watchparty.errors import ValidationError
from watchparty.videos.containers import HEAD_BYTES, UNSUPPORTED_MESSAGE, sniff
from watchparty.videos.ffmpeg import ffmpeg_binary

PROBE_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
REDIRECTS = (301, 302, 303, 307, 308)
# IPv6 forms that carry an IPv4 address the connection really goes to.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
RANGE_TOTAL = re.compile(r"bytes\s+\d+-\d+/(\d+)")


UNREACHABLE, NOT_MEDIA = "media_unreachable", "not_media"


class Unplayable(Exception):
    """The URL was fetched (or tried) and is not usable media: answered as `valid: false`."""

    def __init__(self, reason: str, code: str = UNREACHABLE) -> None:
        super().__init__(reason)
        self.code = code


def _refuse(reason: str) -> ValidationError:
    return ValidationError(reason, errors={"url": [reason]})


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses inside an IPv6 one (mapped, 6to4, Teredo, NAT64, IPv4-compatible)."""
    found = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
    if ip in NAT64 or ip in IPV4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [inner for inner in found if inner is not None]


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable unicast: not loopback, private, link-local, multicast, reserved or
    unspecified (is_global alone lets multicast through), also for IPv4 inside IPv6."""
    flags = (
        ip.is_loopback,
        ip.is_private,
        ip.is_link_local,
        ip.is_multicast,
        ip.is_reserved,
        ip.is_unspecified,
    )
    if not ip.is_global or any(flags):
        return False
    return ip.version == 4 or all(is_public(inner) for inner in _embedded_ipv4(ip))


def parse(url: str) -> SplitResult:
    """The URL's parts, or 400: http(s) with a host, no credentials, a valid port."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise _refuse("Only http and https URLs can be used.")
    if not parts.hostname:
        raise _refuse("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise _refuse("URLs with credentials are not accepted.")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise _refuse("The URL's port is not valid.") from error
    return parts


def _port(parts: SplitResult) -> int:
    return parts.port or (443 if parts.scheme.lower() == "https" else 80)


def resolve(parts: SplitResult) -> str:
    """The address to connect to; 400 when any address of the host is not public."""
    try:
        infos = socket.getaddrinfo(parts.hostname, _port(parts), type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise Unplayable("The host name could not be resolved.") from error
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise Unplayable("The host name could not be resolved.")
    if not current_app.config["MEDIA_URL_ALLOW_PRIVATE"]:
        for address in addresses:
            if not is_public(ipaddress.ip_address(address.split("%", 1)[0])):
                raise _refuse(
                    "The URL points to a private, loopback or otherwise non-public address; "
                    "only media on the public internet can be used."
                )
    return addresses[0]


def _pool(parts: SplitResult, address: str, timeout: float):
    """A connection to the checked address; TLS still verifies the URL's host name."""
    options = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False}
    if parts.scheme.lower() == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            _port(parts),
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    return urllib3.HTTPConnectionPool(address, _port(parts), **options)


def _host_header(parts: SplitResult) -> str:
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"


def _read(response, deadline: float) -> bytes:
    """At most PROBE_BYTES of the body, within the overall deadline."""
    chunks, size = [], 0
    while size < PROBE_BYTES:
        if time.monotonic() > deadline:
            raise Unplayable("The server took too long to answer.")
        chunk = response.read(min(65536, PROBE_BYTES - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def fetch(parts: SplitResult, address: str) -> tuple[int, dict, bytes]:
    """One ranged GET of the first PROBE_BYTES from the pinned address: status, headers, bytes."""
    timeout = float(current_app.config["REMOTE_PROBE_TIMEOUT"])
    deadline = time.monotonic() + timeout
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {
        "Host": _host_header(parts),
        "Range": f"bytes=0-{PROBE_BYTES - 1}",
        "Accept-Encoding": "identity",
        "User-Agent": "watchparty-media-probe/1.0",
    }
    pool = _pool(parts, address, timeout)
    try:
        response = pool.urlopen(
            "GET", target, headers=headers, redirect=False, preload_content=False
        )
        try:
            body = _read(response, deadline)
        finally:
            response.release_conn()
        return response.status, dict(response.headers), body
    except urllib3.exceptions.SSLError as error:
        raise Unplayable("The server's TLS certificate could not be verified.") from error
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise Unplayable("The server could not be reached or timed out.") from error
    finally:
        pool.close()


MIME_TYPES = {
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "mkv": "video/x-matroska",
    "webm": "video/webm",
    "avi": "video/x-msvideo",
    "wmv": "video/x-ms-wmv",
    "flv": "video/x-flv",
}
# ffmpeg is told the demuxer we recognised, so it never guesses its way into a playlist
# format that would fetch other URLs.
DEMUXERS = {"mp4": "mov", "mov": "mov", "mkv": "matroska", "webm": "matroska"}
DURATION = re.compile(r"Duration:\s*(\d+):(\d\d):(\d\d(?:\.\d+)?)")


def invalid(reason: str) -> dict:
    """The answer for a URL that is not usable media."""
    return {
        "valid": False,
        "content_type": None,
        "file_size": None,
        "duration": None,
        "format": None,
        "reason": reason,
    }


def _total_size(status: int, headers: dict, got: int) -> int | None:
    """The whole file's size: Content-Range's total, else a full answer's Content-Length."""
    lowered = {k.lower(): v for k, v in headers.items()}
    match = RANGE_TOTAL.match(lowered.get("content-range", ""))
    if match:
        return int(match.group(1))
    length = lowered.get("content-length", "")
    if status == 200 and length.isdigit():
        return int(length)
    return got if status == 200 and got < PROBE_BYTES else None


def hls_duration(text: str) -> float | None:
    """A VOD media playlist's length (sum of #EXTINF); None for master or live playlists."""
    if "#EXT-X-STREAM-INF" in text or "#EXT-X-ENDLIST" not in text:
        return None
    total = 0.0
    for line in text.splitlines():
        if line.startswith("#EXTINF:"):
            try:
                total += float(line[8:].split(",", 1)[0])
            except ValueError:
                return None
    return round(total, 3)


def media_duration(head: bytes, container: str) -> float | None:
    """What ffmpeg reads as the duration of these first bytes, or None when it cannot."""
    demuxer = DEMUXERS.get(container, container.replace("wmv", "asf"))
    timeout = float(current_app.config["REMOTE_PROBE_TIMEOUT"])
    with tempfile.NamedTemporaryFile(suffix=f".{container}") as partial:
        partial.write(head)
        partial.flush()
        command = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-protocol_whitelist", "file"]
        command += ["-f", demuxer, "-i", partial.name]
        try:
            result = subprocess.run(  # noqa: S603 - a fixed argument list
                command, capture_output=True, text=True, timeout=timeout
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
    match = DURATION.search(result.stderr)
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)


def _is_hls(parts: SplitResult, content_type: str, head: bytes) -> bool:
    return (
        parts.path.lower().endswith(".m3u8")
        or "mpegurl" in content_type
        or head.lstrip(b"\xef\xbb\xbf").startswith(b"#EXTM3U")
    )


def describe(parts: SplitResult, status: int, headers: dict, head: bytes) -> dict:
    """The answer for the final response: an HLS playlist or a recognised container."""
    if status not in (200, 206):
        raise Unplayable(f"The server answered HTTP {status}.")
    content_type = (headers.get("Content-Type") or headers.get("content-type") or "").lower()
    content_type = content_type.split(";", 1)[0].strip()
    size = _total_size(status, headers, len(head))
    if _is_hls(parts, content_type, head):
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        if not text.startswith("#EXTM3U"):
            raise Unplayable(
                "This is not an HLS playlist (it does not start with #EXTM3U).", NOT_MEDIA
            )
        return {
            "valid": True,
            "content_type": content_type or "application/vnd.apple.mpegurl",
            "file_size": size,
            "duration": hls_duration(text),
            "format": "hls",
        }
    container = sniff(head[:HEAD_BYTES])
    if container is None:
        raise Unplayable(UNSUPPORTED_MESSAGE, NOT_MEDIA)
    if content_type in ("", "application/octet-stream", "binary/octet-stream"):
        content_type = MIME_TYPES[container]
    return {
        "valid": True,
        "content_type": content_type,
        "file_size": size,
        "duration": media_duration(head, container),
        "format": container,
    }


def follow(url: str, address: str, answer=None):
    """Probe `url` through an already-checked `address`; every redirect target is parsed,
    resolved and checked again (400 when it is not public) before it is fetched. `answer`
    (default `describe`) turns the final (parts, status, headers, head) into the result."""
    parts = parse(url)
    for hop in range(MAX_REDIRECTS + 1):
        status, headers, head = fetch(parts, address)
        if status not in REDIRECTS:
            return (answer or describe)(parts, status, headers, head)
        location = headers.get("Location") or headers.get("location")
        if not location:
            raise Unplayable(f"The server answered a redirect ({status}) without a Location.")
        if hop == MAX_REDIRECTS:
            break
        url = urljoin(url, location)
        parts = parse(url)
        address = resolve(parts)
    raise Unplayable(f"Too many redirects (more than {MAX_REDIRECTS}).")


def probe(url: str) -> dict:
    """A playable URL's type, size and duration; raises Unplayable (with its code) if not,
    and 400 for a URL that is not public."""
    return follow(url, resolve(parse(url)))


def validate_url(url: str) -> dict:
    """Whether a remote URL is playable media: type, size and duration, or why not."""
    try:
        return probe(url)
    except Unplayable as reason:
        return invalid(str(reason))


def fetch_small(url: str) -> bytes:
    """The body of a small remote file (a subtitle track, at most PROBE_BYTES), fetched the
    same SSRF-safe way as a probe; raises Unplayable when it cannot be had whole."""

    def whole(parts, status, headers, head):
        if status not in (200, 206):
            raise Unplayable(f"The server answered HTTP {status}.")
        size = _total_size(status, headers, len(head))
        if size is None or size > len(head):
            raise Unplayable("The file is too large.", NOT_MEDIA)
        return head

    return follow(url, resolve(parse(url)), whole)
