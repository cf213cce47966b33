"""What the messaging domain adds to the domains below it: a deleted account's clean-up,
and direct messages as reportable content."""

from sqlalchemy import delete, exists, select, update

from watchparty.common import reportables
from watchparty.extensions import db
from watchparty.messaging import reportable
from watchparty.messaging.models import Conversation, ConversationMember, DirectMessage
from watchparty.users import deletion
from watchparty.users.models import User


def forget_conversations(user: User) -> None:
    """A deleted account leaves every conversation; its messages stay, without an author;
    a conversation nobody is left in goes (with its messages). No commit."""
    mine = select(ConversationMember.conversation_id).where(ConversationMember.user_id == user.id)
    ids = list(db.session.scalars(mine))
    db.session.execute(delete(ConversationMember).where(ConversationMember.user_id == user.id))
    db.session.execute(
        update(DirectMessage).where(DirectMessage.sender_id == user.id).values(sender_id=None)
    )
    db.session.execute(
        update(Conversation).where(Conversation.created_by == user.id).values(created_by=None)
    )
    empty = ~exists().where(ConversationMember.conversation_id == Conversation.id)
    gone = list(db.session.scalars(select(Conversation.id).where(Conversation.id.in_(ids), empty)))
    if not gone:
        return
    # Explicit, not ON DELETE CASCADE: the embedded SQLite does not enforce foreign keys.
    opts = {"synchronize_session": False}
    db.session.execute(
        update(Conversation).where(Conversation.id.in_(gone)).values(last_message_id=None),
        execution_options=opts,
    )
    db.session.execute(
        delete(DirectMessage).where(DirectMessage.conversation_id.in_(gone)),
        execution_options=opts,
    )
    db.session.execute(
        delete(Conversation).where(Conversation.id.in_(gone)), execution_options=opts
    )


def register() -> None:
    """Attach the messaging domain's contributions (called once by the blueprint table)."""
    deletion.register_cleanup(forget_conversations)
    reportables.register(reportable.REPORTABLE)
