"""The lobby's notice goes away (dismissed, or on the next visit) and an ended party reads Ended."""

from playwright.sync_api import expect

from tests.web.account_helpers import create_party

NOTICE = (
    "window.dispatchEvent(new CustomEvent('watchparty:notice', {detail: 'The party has ended.'}))"
)


def test_the_party_has_ended_notice_can_be_dismissed_and_is_gone_after_navigating(viewers, users):
    viewer = viewers(users.create()).open("/")
    page = viewer.page
    notice = page.get_by_role("status").filter(has_text="The party has ended.")
    page.evaluate(NOTICE)  # what the room sends as it leaves for the lobby
    expect(notice).to_be_visible()
    page.get_by_role("button", name="Dismiss notice").click()
    expect(notice).to_have_count(0)
    expect(page.get_by_role("button", name="Dismiss notice")).to_have_count(0)

    page.evaluate(NOTICE)
    expect(notice).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Upload").click()
    expect(page.get_by_role("heading", name="Upload a video")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Lobby").click()
    expect(page.get_by_role("heading", name="Your parties")).to_be_visible()
    expect(page.get_by_text("The party has ended.")).to_have_count(0)
    assert viewer.errors() == []


def test_an_ended_party_reads_ended_without_a_live_dot_or_a_watching_count(viewers, users, client):
    me = users.create()
    done = create_party(client, users, me, title="Last week")
    ended = client.post(f"/api/parties/{done['id']}/end/", headers=users.session_headers(me))
    assert ended.status_code == 200, ended.get_json()
    create_party(client, users, me, title="Tonight")
    viewer = viewers(me).open("/")
    page = viewer.page
    yours = page.locator("#your-parties")
    old = yours.locator(".party-card", has_text="Last week")
    expect(old.locator(".badge-ended")).to_have_text("Ended")
    expect(old).not_to_contain_text("watching")
    expect(old.locator(".online")).to_have_count(0)
    # A party nobody is in yet keeps its count, with a quiet dot rather than the live green one.
    fresh = yours.locator(".party-card", has_text="Tonight").locator(".online")
    expect(fresh).to_have_text("0 watching")
    dot = fresh.evaluate("el => getComputedStyle(el, '::before').color")
    green = page.evaluate(
        "() => { const probe = document.createElement('i'); probe.style.color = 'var(--ok)';"
        " document.body.append(probe); const c = getComputedStyle(probe).color;"
        " probe.remove(); return c; }"
    )
    assert dot != green
    assert viewer.errors() == []
