"""REST views of the FAQ under /api/support/faq/ (seed 003 "FAQ System"): categories, a
searchable list, an entry read (counted), votes; staff create, change and delete."""

import uuid

from flask_jwt_extended import current_user

from watchparty.common.auth import admin_required, auth_required, caller, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.support import faq, faq_admin
from watchparty.support.faq_schemas import (
    FaqCategoryCreateSchema,
    FaqCategorySchema,
    FaqCategoryUpdateSchema,
    FaqCreateSchema,
    FaqPageSchema,
    FaqQuerySchema,
    FaqSchema,
    FaqUpdateSchema,
    FaqVoteSchema,
)

blp = Blueprint("support_faq", __name__, description="Help centre: the FAQ")


@blp.get("/faq/categories/")
@blp.response(200, FaqCategorySchema(many=True))
def list_categories():
    """Every FAQ category in order, with how many entries each holds."""
    return faq.categories()


@blp.post("/faq/categories/")
@admin_required
@blp.arguments(FaqCategoryCreateSchema)
@blp.response(201, FaqCategorySchema)
def create_category(body):
    """Create a category (staff)."""
    return faq_admin.create_category(body)


@blp.patch("/faq/categories/<uuid:category_id>/")
@admin_required
@blp.arguments(FaqCategoryUpdateSchema)
@blp.response(200, FaqCategorySchema)
def update_category(body, category_id: uuid.UUID):
    """Rename, describe or move a category (staff)."""
    return faq_admin.update_category(category_id, body)


@blp.delete("/faq/categories/<uuid:category_id>/")
@admin_required
@blp.response(200, MessageSchema)
def delete_category(category_id: uuid.UUID):
    """Delete an empty category (staff)."""
    faq_admin.delete_category(category_id)
    return message("Category deleted.")


@blp.get("/faq/")
@optional_auth
@blp.arguments(FaqQuerySchema, location="query")
@blp.response(200, FaqPageSchema)
def list_faq(query):
    """FAQ entries, of one `category` (id or slug) and containing `search`, in order."""
    return faq.listing(caller(), query)


@blp.post("/faq/")
@admin_required
@blp.arguments(FaqCreateSchema)
@blp.response(201, FaqSchema)
def create_faq(body):
    """Add an entry to a category (staff)."""
    return faq_admin.create_faq(current_user, body)


@blp.patch("/faq/<uuid:faq_id>/")
@admin_required
@blp.arguments(FaqUpdateSchema)
@blp.response(200, FaqSchema)
def update_faq(body, faq_id: uuid.UUID):
    """Change an entry (staff)."""
    return faq_admin.update_faq(current_user, faq_id, body)


@blp.delete("/faq/<uuid:faq_id>/")
@admin_required
@blp.response(200, MessageSchema)
def delete_faq(faq_id: uuid.UUID):
    """Delete an entry and its votes (staff)."""
    faq_admin.delete_faq(faq_id)
    return message("FAQ entry deleted.")


@blp.get("/faq/<uuid:faq_id>/view/")
@optional_auth
@blp.response(200, FaqSchema)
def view_faq(faq_id: uuid.UUID):
    """One entry in full; the read is counted."""
    return faq.view(caller(), faq_id)


@blp.post("/faq/<uuid:faq_id>/vote/")
@auth_required
@blp.arguments(FaqVoteSchema)
@blp.response(200, FaqSchema)
def vote_faq(body, faq_id: uuid.UUID):
    """Say whether the entry helped (one vote each; voting again changes it)."""
    return faq.vote(current_user, faq_id, body["helpful"])
