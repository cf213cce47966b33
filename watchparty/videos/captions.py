"""Reading a subtitle file people send: WebVTT or SRT, checked cue by cue, as WebVTT text.

webvtt-py does the parsing and the SRT conversion; what it lets through is checked here too:
text only (UTF-8, no NUL bytes), at least one cue, every cue ending after it starts.
"""

import io

import webvtt
from flask import current_app
from webvtt.errors import MalformedCaptionError, MalformedFileError

from watchparty.errors import ValidationError


def _refuse(message: str, code: str = "invalid_subtitles") -> ValidationError:
    return ValidationError(message, code=code, errors={"file": [message]})


def _text(data: bytes) -> str:
    limit = current_app.config["SUBTITLE_MAX_BYTES"]
    if len(data) > limit:
        raise _refuse(f"A subtitle file may be at most {limit // 1024} KiB.", "file_too_large")
    if b"\0" in data:
        raise _refuse("This is not a text file.", "not_text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse("Subtitles must be UTF-8 text.", "not_text") from None


def to_webvtt(data: bytes) -> tuple[str, int]:
    """(WebVTT text, cue count) of a WebVTT or SRT file; 400 with the reason otherwise."""
    text = _text(data).replace("\r\n", "\n")
    try:
        if text.lstrip().startswith("WEBVTT"):
            track = webvtt.from_string(text.lstrip())
        else:
            track = webvtt.from_buffer(io.StringIO(text), format="srt")
    except (MalformedFileError, MalformedCaptionError, ValueError, IndexError) as error:
        raise _refuse(f"Not a valid WebVTT or SRT file ({error}).") from None
    if not track.captions:
        raise _refuse("The file has no cues.")
    for n, cue in enumerate(track.captions, start=1):
        if cue.end_time.in_milliseconds() <= cue.start_time.in_milliseconds():
            reason = f"Cue {n} ends ({cue.end}) before it starts ({cue.start})."
            raise _refuse(reason, "bad_cue_timing")
    return track.content, len(track.captions)
