"""Shares: a tracked link to the video, and the platform's own share-intent URL for it."""

import uuid
from urllib.parse import quote

from flask import current_app

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.access import visible_video
from watchparty.videos.engagement_models import VideoShare
from watchparty.videos.models import Video
from watchparty.videos.view_counts import bump, counter

PLATFORMS = ("twitter", "facebook", "whatsapp", "telegram", "reddit", "linkedin", "email", "link")


def _q(text: str) -> str:
    """Percent-encode everything that is not unreserved (so `&`, `#` and spaces are safe)."""
    return quote(text, safe="")


def platform_url(platform: str, link: str, text: str, title: str) -> str:
    """Where to send the sharer: the platform's share intent with the link and text encoded."""
    with_link = f"{text} {link}".strip()
    intents = {
        "twitter": f"https://twitter.com/intent/tweet?url={_q(link)}&text={_q(text)}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={_q(link)}",
        "whatsapp": f"https://wa.me/?text={_q(with_link)}",
        "telegram": f"https://t.me/share/url?url={_q(link)}&text={_q(text)}",
        "reddit": f"https://www.reddit.com/submit?url={_q(link)}&title={_q(text or title)}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={_q(link)}",
        "email": f"mailto:?subject={_q(title)}&body={_q(with_link)}",
        "link": link,
    }
    return intents[platform]


def share(user, video_id: uuid.UUID, platform: str, message: str) -> dict:
    """Record a share and hand back its tracked link and the platform URL. Commits."""
    video = visible_video(user, video_id)
    record = VideoShare(
        id=uuid.uuid4(),
        video_id=video.id,
        user_id=user.id,
        platform=platform,
        message=message,
        created_at=utcnow(),
    )
    db.session.add(record)
    db.session.flush()
    bump(Video, video.id, "shares_count", 1)
    db.session.commit()
    base = current_app.config["FRONTEND_URL"].rstrip("/")
    link = f"{base}/videos/{video.id}?ref={record.id}"
    return {
        "success": True,
        "share_id": str(record.id),
        "share_url": link,
        "platform": platform,
        "platform_url": platform_url(platform, link, message or video.title, video.title),
        "message": message,
        "shares_count": counter(Video, video.id, "shares_count"),
    }
