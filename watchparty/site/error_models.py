"""Recent server errors, kept by the logging handler of site/errors_log.py (newest N only)."""

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db


class ServerError(IdMixin, db.Model):
    """One ERROR or CRITICAL log record: where it came from, what it said, its traceback."""

    __tablename__ = "server_errors"

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    level: Mapped[str] = mapped_column(String(16), index=True)
    logger: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    traceback: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(16), default="")
    path: Mapped[str] = mapped_column(String(500), default="")
    request_id: Mapped[str] = mapped_column(String(100), default="")
