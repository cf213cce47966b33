"""Subtitle tracks of an uploaded video (WebVTT, stored privately beside its HLS output)."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db


class VideoSubtitle(IdMixin, db.Model):
    """One track: its language (BCP 47, e.g. en, pt-BR), label and stored WebVTT file."""

    __tablename__ = "video_subtitles"

    video_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(35))
    label: Mapped[str] = mapped_column(String(100))
    storage_key: Mapped[str] = mapped_column(String(500))
    cue_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
