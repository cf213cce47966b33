"""Feed fixtures: creators with tiers and active subscribers as plain rows (no Stripe), posts
made over REST, and a client helper that follows a redirect to the stored file."""

import io
import itertools
from types import SimpleNamespace

import pytest

from tests.users.conftest import image_bytes
from watchparty.creators.models import CreatorProfile, CreatorSubscription, CreatorTier
from watchparty.extensions import db

_seq = itertools.count(1)
LOCAL = "http://localhost:5000"


@pytest.fixture
def creators(users):
    """`creators("Gold", "Silver")`: a creator with those tiers: .user .id .headers .tiers."""

    def make(*tier_names: str, **fields) -> SimpleNamespace:
        user = users.create(**fields)
        db.session.add(CreatorProfile(user_id=user.id, bio="films"))
        tiers = {}
        for price, name in enumerate(tier_names, start=1):
            tiers[name] = CreatorTier(creator_id=user.id, name=name, price=price * 500)
            db.session.add(tiers[name])
        db.session.commit()
        return SimpleNamespace(
            user=user, id=str(user.id), headers=users.session_headers(user), tiers=tiers
        )

    return make


@pytest.fixture
def people(users):
    """`people()`: a signed-in user who is no creator: .user .id .headers."""

    def make(**fields) -> SimpleNamespace:
        user = users.create(**fields)
        return SimpleNamespace(user=user, id=str(user.id), headers=users.session_headers(user))

    return make


def subscribe(person, creator, tier, status: str = "active") -> CreatorSubscription:
    """An entitling subscription row, as the Stripe webhook sync leaves one."""
    n = next(_seq)
    row = CreatorSubscription(
        subscriber_id=person.user.id,
        creator_id=creator.user.id,
        tier_id=tier.id,
        stripe_subscription_id=f"sub_feed_{n}",
        stripe_plan_id=f"plan_feed_{n}",
        amount=tier.price,
        status=status,
    )
    db.session.add(row)
    db.session.commit()
    return row


def post(client, creator, **body) -> dict:
    """A post published over REST (public unless `tier_ids` is given)."""
    body.setdefault("title", "Hello")
    body.setdefault("text", "The body")
    if body.get("tier_ids"):
        body.setdefault("visibility", "tiers")
        body["tier_ids"] = [str(t) for t in body["tier_ids"]]
    response = client.post("/api/feed/posts/", json=body, headers=creator.headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def with_image(client, creator, post_id: str) -> dict:
    """Attach a real PNG to the post; the post as its creator sees it."""
    response = client.post(
        f"/api/feed/posts/{post_id}/image/",
        headers=creator.headers,
        data={"image": (io.BytesIO(image_bytes()), "pic.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def local(url: str) -> str:
    """An absolute URL the API handed out, as a path for the test client."""
    return url.removeprefix(LOCAL)
