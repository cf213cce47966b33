"""Every domain's models, imported in one place so db.metadata knows every table.

The app factory and Alembic's env import this module; no models module imports another
domain's models just to have its tables registered. A new domain adds its line here.
"""

from watchparty.auth import models as auth
from watchparty.billing import event_models as billing_events
from watchparty.billing import models as billing
from watchparty.chat import models as chat
from watchparty.creators import models as creators
from watchparty.extensions import db
from watchparty.feed import models as feed
from watchparty.friends import models as friends
from watchparty.groups import models as groups
from watchparty.interactive import models as interactive
from watchparty.library import models as library
from watchparty.messaging import models as messaging
from watchparty.moderation import models as moderation
from watchparty.notifications import models as notifications
from watchparty.parties import invite_models as party_invites
from watchparty.parties import models as parties
from watchparty.playback import models as playback
from watchparty.search import models as search
from watchparty.site import error_models as site_errors
from watchparty.site import models as site
from watchparty.support import models as support
from watchparty.users import models as users
from watchparty.videos import engagement_models as video_engagement
from watchparty.videos import models as videos
from watchparty.videos import subtitle_models as video_subtitles

MODULES = (
    site,
    site_errors,
    users,
    notifications,
    auth,
    videos,
    video_engagement,
    video_subtitles,
    parties,
    party_invites,
    moderation,
    chat,
    interactive,
    friends,
    library,
    playback,
    billing,
    billing_events,
    creators,
    messaging,
    feed,
    groups,
    support,
    search,
)
metadata = db.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: the database objects made by DDL statements instead of the models
    (search's full-text column, indexes and FTS5 tables) are not schema drift."""
    return not (reflected and compare_to is None and search.ddl_made(name))
