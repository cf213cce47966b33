"""A video, from upload through transcoding to playback, and its upload sessions."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime
from watchparty.extensions import db

UPLOADING, PROCESSING, READY, FAILED = "uploading", "processing", "ready", "failed"
STATUSES = (UPLOADING, PROCESSING, READY, FAILED)
# The steps of processing_steps, each "pending", "processing", "completed" or "failed".
STEPS = ("transcoding", "thumbnail_generation", "quality_variants")
PUBLIC, PRIVATE, UNLISTED = "public", "private", "unlisted"
VISIBILITIES = (PUBLIC, PRIVATE, UNLISTED)
# Upload sessions: a form upload completes at once; a direct one when the client says so.
FORM, DIRECT = "form", "direct"
PENDING, COMPLETED = "pending", "completed"


class Video(IdMixin, TimestampMixin, db.Model):
    """An uploaded video: its metadata, its probe results and its published HLS ladder."""

    __tablename__ = "videos"

    owner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(50), index=True)
    tags: Mapped[list] = mapped_column(JSON, default=list)
    visibility: Mapped[str] = mapped_column(String(10), default=PUBLIC, index=True)
    allow_download: Mapped[bool] = mapped_column(Boolean, default=False)
    require_premium: Mapped[bool] = mapped_column(Boolean, default=False)
    # Processing: status, a reason the owner can read when it failed, live progress.
    status: Mapped[str] = mapped_column(String(12), default=UPLOADING, index=True)
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    processing_steps: Mapped[dict] = mapped_column(JSON, default=dict)
    processing_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    estimated_completion: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The source as uploaded, and what probing it found.
    original_filename: Mapped[str] = mapped_column(String(255), default="")
    source_key: Mapped[str | None] = mapped_column(String(500))
    file_size: Mapped[int | None] = mapped_column(BigInteger)
    format: Mapped[str | None] = mapped_column(String(20), index=True)
    duration: Mapped[float | None] = mapped_column(Float, index=True)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    video_codec: Mapped[str | None] = mapped_column(String(40))
    audio_codec: Mapped[str | None] = mapped_column(String(40))
    bitrate: Mapped[int | None] = mapped_column(Integer)  # kbit/s of the source
    # The published ladder: a key prefix swapped in one commit when a transcode finishes.
    hls_prefix: Mapped[str | None] = mapped_column(String(500))
    variants: Mapped[list] = mapped_column(JSON, default=list)
    qualities: Mapped[str] = mapped_column(String(100), default="")  # ",360p,720p," for filters
    thumbnail_key: Mapped[str | None] = mapped_column(String(500))
    # Engagement counters, kept by conditional UPDATEs next to the rows they count.
    views_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    likes_count: Mapped[int] = mapped_column(Integer, default=0)
    comments_count: Mapped[int] = mapped_column(Integer, default=0)
    shares_count: Mapped[int] = mapped_column(Integer, default=0)

    # Hidden pending review (moderation's report threshold) or removed by staff: only its
    # owner and staff still see it.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    owner = relationship("User", lazy="joined")


class VideoUpload(IdMixin, TimestampMixin, db.Model):
    """One upload session: where the bytes go, and the video it became."""

    __tablename__ = "video_uploads"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    video_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), index=True
    )
    method: Mapped[str] = mapped_column(String(10), default=FORM)
    status: Mapped[str] = mapped_column(String(12), default=PENDING)
    storage_key: Mapped[str] = mapped_column(String(500))
    filename: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(100), default="")
    declared_size: Mapped[int | None] = mapped_column(BigInteger)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
