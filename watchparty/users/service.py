"""Profiles: the signed-in user's own, other users' public cards, and user search."""

import uuid

from sqlalchemy import Select, false, func, select

from watchparty.common.hooks import Hook
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.users import activity, settings
from watchparty.users.models import ACTIVE, User

# fn(viewer_id, owner_id) -> bool: are they friends (who sees a `friends`-only profile).
friend_checks = Hook("users.friend_checks")
# fn(viewer_id, owner_id) -> bool: must this profile not exist for the viewer (a block)?
profile_hidden = Hook("users.profile_hidden")
# fn(viewer) -> SQL condition on User that search results must meet (no one who blocked you).
search_filters = Hook("users.search_filters")
# fn(viewer_id) -> set of user ids whose messages the viewer does not see (those they blocked).
hidden_authors = Hook("users.hidden_authors")


def hidden_from(viewer_id: uuid.UUID) -> set[uuid.UUID]:
    """The users whose messages `viewer_id` does not see, by every contributor."""
    return set().union(*hidden_authors.run(viewer_id))


def update_profile(user: User, changes: dict) -> User:
    """Apply validated profile changes and log them; nothing is stored on error."""
    changed = sorted(key for key, value in changes.items() if getattr(user, key) != value)
    for key in changed:
        setattr(user, key, changes[key])
    if changed:
        activity.record(user.id, activity.PROFILE_UPDATED, fields=changed)
    db.session.commit()
    return user


def public_profile(viewer: User, user_id: uuid.UUID) -> User:
    """Another user's public card, honouring their profile visibility."""
    user = db.session.get(User, user_id)
    if user is None or not user.can_sign_in:
        raise NotFound("No such user.")
    if user.id == viewer.id:
        return user
    if profile_hidden.any(viewer.id, user.id):
        raise NotFound("No such user.")
    visibility = settings.current(user, "privacy")["profile_visibility"]
    if visibility == "private" or (
        visibility == "friends" and not friend_checks.any(viewer.id, user.id)
    ):
        raise Forbidden("This profile is private.", code="profile_private")
    return user


def _searchable() -> object:
    """SQL condition: the user has not opted out of search."""
    # Absent key means the default (searchable); only an explicit false hides the account.
    # (`IS NOT false` is true for NULL on both PostgreSQL and SQLite.)
    return User.privacy_settings["searchable"].as_boolean().is_not(false())


def search_statement(viewer: User, query: str) -> Select:
    """Active, searchable users other than `viewer` whose name contains `query`."""
    names = (
        User.first_name,
        User.last_name,
        User.display_name,
        User.first_name + " " + User.last_name,
    )
    return (
        select(User)
        .where(
            User.id != viewer.id,
            User.status == ACTIVE,
            _searchable(),
            any_contains(names, query),
            *search_filters.run(viewer),
        )
        .order_by(func.lower(User.first_name), func.lower(User.last_name), User.id)
    )


def search(viewer: User, query: str, page: int, page_size: int) -> dict:
    """One page of users matching `query` (the view dumps them as public cards)."""
    return paginate(search_statement(viewer, query), page, page_size)
