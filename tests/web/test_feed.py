"""The creator page and the feed in real browsers (one phone-sized): a creator posts from their
page, a fan follows them and sees a public post open and a gated one locked with a Subscribe
hint, likes and comments; a subscriber sees the gated post's text."""

from types import SimpleNamespace

from playwright.sync_api import expect

from tests.feed.conftest import subscribe
from tests.web.social_helpers import PHONE
from watchparty.creators.models import CreatorProfile, CreatorTier
from watchparty.extensions import db
from watchparty.feed.models import PostComment, PostLike


def _creator(users):
    star = users.create(first_name="Stella", last_name="Star")
    db.session.add(CreatorProfile(user_id=star.id, bio="I make films"))
    gold = CreatorTier(creator_id=star.id, name="Gold", price=500)
    db.session.add(gold)
    db.session.commit()
    return star, gold


def test_post_follow_see_locked_like_and_comment(viewers, users):
    star, gold = _creator(users)
    mine = viewers(star).open(f"/creators/{star.id}").page
    composer = mine.get_by_role("form", name="New post")
    composer.get_by_label("Title").fill("Hello fans")
    composer.get_by_label("Text").fill("Open to all")
    composer.get_by_role("button", name="Post").click()
    expect(mine.get_by_role("region", name="Posts")).to_contain_text("Open to all")
    composer.get_by_label("Title").fill("Gold only")
    composer.get_by_label("Text").fill("Secret plans")
    composer.get_by_label("Who sees it").select_option("tiers")
    composer.get_by_label("Gold").check()
    composer.get_by_role("button", name="Post").click()
    expect(mine.get_by_role("region", name="Posts")).to_contain_text("Secret plans")

    fan = users.create(first_name="Fan")
    page = viewers(fan, viewport=PHONE).open(f"/creators/{star.id}").page
    follow = page.get_by_role("button", name="Follow · 0 followers")
    follow.click()
    expect(page.get_by_role("button", name="Following · 1 follower")).to_be_visible()
    page.goto(page.url.rsplit("/creators", 1)[0] + "/feed")
    feed = page.get_by_role("region", name="Your feed")
    locked = feed.locator("article.locked")
    expect(locked).to_contain_text("Gold only")
    expect(locked).to_contain_text("For subscribers of Gold")
    expect(locked.get_by_role("link", name="Subscribe")).to_be_visible()
    expect(feed).not_to_contain_text("Secret plans")
    open_post = feed.locator("article", has_text="Open to all")
    open_post.get_by_role("button", name="Like (0)").click()
    expect(open_post.get_by_role("button", name="Liked (1)")).to_be_visible()
    open_post.get_by_label("Write a comment").fill("Lovely")
    open_post.get_by_role("button", name="Comment").click()
    expect(open_post.get_by_role("list", name="Comments")).to_contain_text("Lovely")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    db.session.expire_all()
    assert db.session.query(PostLike).count() == 1 and db.session.query(PostComment).count() == 1

    subscriber = users.create(first_name="Goldie")
    subscribe(SimpleNamespace(user=subscriber), SimpleNamespace(user=star), gold)
    theirs = viewers(subscriber).open(f"/creators/{star.id}").page
    expect(theirs.get_by_role("region", name="Posts")).to_contain_text("Secret plans")
