"""Video factories: plain rows for catalogue tests, and READY videos with a real HLS ladder.

`ready_video` runs ffmpeg's own hls muxer on a clip (independent of the transcoding worker)
and stores the result in the layout the worker publishes:
`private/videos/<id>/hls/<version>/master.m3u8`, `<quality>/index.m3u8`, `<quality>/seg_00001.ts`.
"""

import itertools
import subprocess
import uuid
from pathlib import Path

from watchparty.extensions import db
from watchparty.storage import content_type, storage
from watchparty.videos import keys
from watchparty.videos.ffmpeg import ffmpeg_binary
from watchparty.videos.models import PUBLIC, READY, Video

RUNGS = (("360p", 640, 360, 600), ("240p", 426, 240, 300))  # quality, width, height, kbit/s
_seq = itertools.count(1)
_ladders: dict[Path, Path] = {}


def plain_video(owner, **fields) -> Video:
    """A bare video row: ready and public unless told, nothing else set, no files."""
    video = Video(
        owner_id=owner.id, **({"title": "Clip", "status": READY, "visibility": PUBLIC} | fields)
    )
    db.session.add(video)
    db.session.commit()
    return video


def make_video(owner, **fields) -> Video:
    """A stored video row (READY and public unless told), with no files behind it."""
    n = next(_seq)
    values = {
        "title": f"Video {n}",
        "description": "",
        "status": READY,
        "visibility": PUBLIC,
        "duration": 3.0,
        "format": "mp4",
        "qualities": ",240p,360p,",
    }
    video = Video(owner_id=owner.id, **(values | fields))
    db.session.add(video)
    db.session.commit()
    return video


def hls_ladder(clip: Path) -> Path:
    """A folder holding master.m3u8, two rungs of 1-second segments and thumb.jpg (cached)."""
    if clip in _ladders:
        return _ladders[clip]
    out = clip.parent / f"{clip.stem}-hls"
    out.mkdir(exist_ok=True)
    split = "[0:v]split=2[a][b];[a]scale=-2:360[v0];[b]scale=-2:240[v1]"
    run = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(clip)]
    subprocess.run(
        [*run, "-filter_complex", split, "-map", "[v0]", "-map", "0:a", "-map", "[v1]"]
        + ["-map", "0:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
        + ["-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-b:v:0", "600k"]
        + ["-b:v:1", "300k", "-c:a", "aac", "-b:a", "64k", "-ac", "2", "-f", "hls"]
        + ["-hls_time", "1", "-hls_playlist_type", "vod", "-start_number", "1"]
        + ["-hls_segment_filename", str(out / "%v" / "seg_%05d.ts")]
        + ["-master_pl_name", "master.m3u8"]
        + ["-var_stream_map", "v:0,a:0,name:360p v:1,a:1,name:240p", str(out / "%v/index.m3u8")],
        check=True,
        timeout=120,
    )
    subprocess.run(
        [*run, "-ss", "1", "-frames:v", "1", "-vf", "scale=-2:240", str(out / "thumb.jpg")],
        check=True,
        timeout=60,
    )
    _ladders[clip] = out
    return out


def ready_video(owner, clip: Path, **fields) -> Video:
    """A READY video whose source, HLS ladder and thumbnail are in the app's storage."""
    ladder = hls_ladder(clip)
    video_id = uuid.uuid4()
    prefix = keys.hls_prefix(video_id, "v1")
    store = storage()
    for path in sorted(p for p in ladder.rglob("*") if p.is_file() and p.name != "thumb.jpg"):
        key = prefix + str(path.relative_to(ladder))
        store.save_path(key, path, content_type(key))
    thumb = keys.thumbnail_key(video_id, "v1")
    store.save_path(thumb, ladder / "thumb.jpg", "image/jpeg")
    store.save_path(keys.source_key(video_id), clip, "video/mp4")
    variants = [
        {"quality": q, "width": w, "height": h, "bitrate": b, "playlist": f"{q}/index.m3u8"}
        for q, w, h, b in RUNGS
    ]
    values = {
        "hls_prefix": prefix,
        "variants": variants,
        "qualities": "," + ",".join(sorted(q for q, *_ in RUNGS)) + ",",
        "thumbnail_key": thumb,
        "source_key": keys.source_key(video_id),
        "file_size": clip.stat().st_size,
        "width": 640,
        "height": 360,
        "original_filename": clip.name,
    }
    return make_video(owner, id=video_id, **(values | fields))
