"""REST views of payments between users: tips (both seed paths) and transactions."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.creators import tips, transactions
from watchparty.creators.schemas import (
    PaymentTransactionQuerySchema,
    TipCreateSchema,
    TipPageSchema,
    TipResultSchema,
    TransactionPageSchema,
)

blp = Blueprint("creators_payment_routes", __name__, description="Tips and transactions")


def _send(body):
    return tips.send_tip(current_user._get_current_object(), body)


@blp.post("/tips/")
@auth_required
@blp.arguments(TipCreateSchema)
@blp.response(201, TipResultSchema)
@blp.alt_response(202, schema=TipResultSchema, description="3-D Secure needed")
def send_tip(body):
    """Tip a creator (amount 9.99 or "5.00", message, optional party and card)."""
    return _send(body)


@blp.post("/send-tip/")
@auth_required
@blp.arguments(TipCreateSchema)
@blp.response(201, TipResultSchema)
def send_tip_seed(body):
    """Tip a creator (seed 000's path; `comment_text` is the message)."""
    return _send(body)


@blp.get("/tips/received/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, TipPageSchema)
def tips_received(query):
    """The caller's (a creator's) tips with their messages, newest first."""
    return tips.received(current_user, query["page"], query["page_size"])


@blp.get("/tips/sent/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, TipPageSchema)
def tips_sent(query):
    """The tips the caller sent, any status, newest first."""
    return tips.sent(current_user, query["page"], query["page_size"])


@blp.get("/transactions/")
@auth_required
@blp.arguments(PaymentTransactionQuerySchema, location="query")
@blp.response(200, TransactionPageSchema)
def list_transactions(query):
    """The caller's payments, newest first; `kind` filters."""
    page, size = query["page"], query["page_size"]
    return transactions.list_transactions(current_user, query["kind"], page, size)
