"""Reporting from the page in a real browser: a creator's post (phone-sized) and a party from its
lobby card; the report reaches the moderators' queue, and nobody sees Report on their own."""

from playwright.sync_api import expect

from tests.factories import PartyFactory
from tests.web.social_helpers import PHONE
from tests.web.test_feed import _creator
from watchparty.extensions import db
from watchparty.feed.models import Post
from watchparty.moderation.models import ContentReport
from watchparty.parties.models import PUBLIC


def test_a_reader_reports_a_post_from_the_feed_and_it_reaches_the_queue(viewers, users, client):
    star, _gold = _creator(users)
    post = Post(creator_id=star.id, title="Buy my coin", text="Guaranteed returns")
    db.session.add(post)
    db.session.commit()
    own = viewers(star).open(f"/creators/{star.id}").page
    expect(own.locator("article", has_text="Guaranteed returns")).to_be_visible()
    expect(own.get_by_role("button", name="Report “Buy my coin”")).to_have_count(0)

    reader = users.create(first_name="Reader")
    page = viewers(reader, viewport=PHONE).open(f"/creators/{star.id}").page
    card = page.locator("article", has_text="Guaranteed returns")
    card.get_by_role("button", name="Report “Buy my coin”").click()
    form = card.get_by_role("form", name="Report “Buy my coin”")
    form.get_by_label("Why are you reporting").select_option("spam")
    form.get_by_role("button", name="Send report").click()
    expect(form).to_contain_text("the report was sent to the moderators")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    db.session.expire_all()
    report = db.session.query(ContentReport).one()
    assert (report.content_type, report.content_id, report.reporter_id, report.reason) == (
        "creator_post",
        post.id,
        reader.id,
        "spam",
    )
    queue = client.get(
        "/api/moderation/admin/queue/", headers=users.session_headers(users.moderator())
    ).get_json()
    assert [r["id"] for r in queue["results"]] == [str(report.id)]


def test_a_party_is_reported_from_its_lobby_card_but_not_by_its_host(viewers, users):
    host, viewer = users.create(first_name="Hedy"), users.create(first_name="Ada")
    party = PartyFactory().create(host, title="Loud night", visibility=PUBLIC, status="live")
    own = viewers(host).open("/").page
    expect(own.locator("li.party-card", has_text="Loud night").first).to_be_visible()
    expect(own.get_by_role("button", name="Report Loud night")).to_have_count(0)

    page = viewers(viewer).open("/").page
    # The party is in two lobby sections, which load in either order: use the public one's card.
    card = page.locator("#public-parties li.party-card", has_text="Loud night")
    card.get_by_role("button", name="Report Loud night").click()
    form = card.get_by_role("form", name="Report “Loud night”")
    form.get_by_label("Why are you reporting").select_option("harassment")
    form.get_by_role("button", name="Send report").click()
    expect(form).to_contain_text("the report was sent to the moderators")
    db.session.expire_all()
    report = db.session.query(ContentReport).one()
    assert (report.content_type, report.content_id, report.owner_id) == ("party", party.id, host.id)
