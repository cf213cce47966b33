"""The Messages page in two real browsers (one phone-sized): Message on a profile opens the
conversation, messages arrive live on the other side, typing shows and fades, reading shows as
"Seen", text stays text, a new conversation starts from the friends list, and a block refuses."""

from playwright.sync_api import expect

from tests.friends.presence_kit import befriend
from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.friends.models import Block
from watchparty.messaging import service
from watchparty.messaging.models import DirectMessage


def conversation_log(page):
    """The open conversation's messages."""
    return page.get_by_role("log", name="Conversation")


def send(page, text: str) -> None:
    """Type `text` in the composer and press Enter."""
    box = page.get_by_label("Write a message")
    box.fill(text)
    box.press("Enter")


def test_message_from_a_profile_arrives_live_with_typing_and_seen(viewers, users):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    befriend(ada, bob)
    mine = viewers(ada).open(f"/users/{bob.id}").page
    mine.get_by_role("link", name="Message", exact=True).click()
    expect(mine.get_by_role("heading", name="Bob Builder")).to_be_visible()
    send(mine, "<b>film</b> tonight?")
    expect(conversation_log(mine).locator("li.dm.mine:not(.pending)")).to_have_count(1)

    theirs = viewers(bob, viewport=PHONE).open("/messages").page
    row = theirs.get_by_role("list", name="Conversations").get_by_role("button")
    expect(row).to_contain_text("Ada Lovelace")
    expect(row.get_by_label("1 unread")).to_be_visible()
    row.click()
    log = conversation_log(theirs)
    expect(log).to_contain_text("<b>film</b> tonight?")  # shown as typed, never as markup
    expect(log.locator("b")).to_have_count(0)
    expect(mine.get_by_text("Seen by Bob Builder")).to_be_visible()

    theirs.get_by_label("Write a message").press_sequentially("sure", delay=30)
    expect(mine.get_by_text("Bob Builder is typing…")).to_be_visible()
    theirs.get_by_label("Write a message").press("Enter")
    expect(conversation_log(mine)).to_contain_text("sure")
    expect(mine.get_by_text("Bob Builder is typing…")).to_have_count(0)
    send(mine, "great")
    expect(log).to_contain_text("great")  # live, on the phone, without a reload
    stored = db.session.query(DirectMessage).order_by(DirectMessage.created_at).all()
    assert [m.text for m in stored] == ["<b>film</b> tonight?", "sure", "great"]


def test_phone_goes_back_from_the_conversation_to_the_list(viewers, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    befriend(ada, bob)
    conversation = service.start(ada, [bob.id], initial_message="hello")
    page = viewers(bob, viewport=PHONE).open(f"/messages?c={conversation.id}").page
    expect(conversation_log(page)).to_contain_text("hello")
    expect(page.get_by_role("list", name="Conversations")).to_be_hidden()
    page.get_by_role("button", name="‹ Conversations").click()
    expect(page.get_by_role("list", name="Conversations")).to_be_visible()
    expect(page.get_by_role("list", name="Conversations")).to_contain_text("hello")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_group_conversation_starts_from_the_friends_list(viewers, users):
    ada = users.create(first_name="Ada")
    bob, cy = users.create(first_name="Bob"), users.create(first_name="Cy")
    befriend(ada, bob)
    befriend(ada, cy)
    page = viewers(ada).open("/messages").page
    page.get_by_text("New conversation").click()
    page.get_by_role("checkbox", name="Bob").check()
    page.get_by_role("checkbox", name="Cy").check()
    page.get_by_role("button", name="Start conversation").click()
    send(page, "movie club")
    expect(conversation_log(page).locator("li.dm.mine:not(.pending)")).to_have_count(1)
    theirs = viewers(cy).open("/messages").page
    theirs.get_by_role("list", name="Conversations").get_by_role("button").click()
    expect(conversation_log(theirs)).to_contain_text("movie club")
    expect(theirs.get_by_role("heading", name="Ada Tester, Bob Tester")).to_be_visible()


def test_someone_who_blocked_you_cannot_be_messaged_from_the_page(viewers, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    db.session.add(Block(blocker_id=bob.id, blocked_id=ada.id))
    db.session.commit()
    page = viewers(ada).open(f"/messages?with={bob.id}").page
    expect(page.get_by_role("status").first).not_to_be_empty()
    expect(page.get_by_role("log", name="Conversation")).to_have_count(0)
    assert db.session.query(DirectMessage).count() == 0
