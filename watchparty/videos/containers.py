"""Recognise the accepted containers (seed 001) from a file's first bytes, not its name."""

ALLOWED = ("mp4", "avi", "mov", "mkv", "wmv", "flv", "webm")
UNSUPPORTED_MESSAGE = (
    "File type not supported. Allowed types: .mp4, .avi, .mov, .mkv, .wmv, .flv, .webm"
)
HEAD_BYTES = 4096
ASF_GUID = bytes.fromhex("3026B2758E66CF11A6D900AA0062CE6C")
EBML = bytes.fromhex("1A45DFA3")
QUICKTIME_BRANDS = (b"qt  ",)
QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")


def sniff(head: bytes) -> str | None:
    """The container the bytes start like (mp4, mov, avi, mkv, webm, wmv, flv), or None."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mov" if head[8:12] in QUICKTIME_BRANDS else "mp4"
    if len(head) >= 8 and head[4:8] in QUICKTIME_ATOMS:
        return "mov"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "avi"
    if head[:4] == EBML:
        return "webm" if b"webm" in head[:64] else "mkv"
    if head[:16] == ASF_GUID:
        return "wmv"
    if head[:3] == b"FLV":
        return "flv"
    return None
