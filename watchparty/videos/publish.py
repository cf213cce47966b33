"""Publishing a ladder: upload aside, swap the video onto it in one commit, sweep the old."""

import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import or_, update

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.storage import content_type, storage
from watchparty.videos import keys
from watchparty.videos.ladder import MASTER
from watchparty.videos.models import PROCESSING, READY, STEPS, Video
from watchparty.videos.thumbnails import AUTOMATIC, drop_others

UPLOAD_THREADS = 8


def upload(out: Path, prefix: str) -> None:
    """Copy every file under `out` to `prefix`: segments, then variant playlists, the master last.

    The prefix is new and nothing points at it yet, so a crash half-way leaves only an
    orphan folder that the next successful attempt sweeps away.
    """
    store = storage()
    files = sorted(path for path in out.rglob("*") if path.is_file())
    segments = [path for path in files if path.suffix != ".m3u8"]
    playlists = [path for path in files if path.suffix == ".m3u8" and path.name != MASTER]
    master = [path for path in files if path.name == MASTER]

    def put(path: Path) -> None:
        key = prefix + path.relative_to(out).as_posix()
        store.save_path(key, path, content_type(key))

    with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
        for batch in (segments, playlists, master):
            list(pool.map(put, batch))


def swap(video_id: uuid.UUID, attempt: int, ladder: dict, poster: str | None) -> bool:
    """Point the video at the uploaded ladder (and poster) in one commit.

    Only the newest attempt of a video still processing may publish; False otherwise.
    """
    result = db.session.execute(
        update(Video)
        .where(Video.id == video_id, Video.attempts == attempt, Video.status == PROCESSING)
        .values(
            status=READY,
            progress=100,
            failure_reason=None,
            estimated_completion=utcnow(),
            processing_steps={step: "completed" for step in STEPS},
            **ladder,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        return False
    if poster:
        # An image the owner set meanwhile wins over the automatic poster.
        db.session.execute(
            update(Video)
            .where(
                Video.id == video_id,
                or_(Video.thumbnail_key.is_(None), Video.thumbnail_key.like(f"%/{AUTOMATIC}%")),
            )
            .values(thumbnail_key=poster)
            .execution_options(synchronize_session=False)
        )
    db.session.commit()
    return True


def sweep(video_id: uuid.UUID, keep_prefix: str | None, keep_thumbnail: str | None) -> None:
    """Delete every HLS version but `keep_prefix`, and every thumbnail but `keep_thumbnail`."""
    store = storage()
    root = keys.video_prefix(video_id) + "hls/"
    versions = {key[len(root) :].split("/", 1)[0] for key in store.list_prefix(root)}
    for version in versions:
        prefix = f"{root}{version}/"
        if prefix != keep_prefix:
            store.delete_prefix(prefix)
    drop_others(video_id, keep_thumbnail)
