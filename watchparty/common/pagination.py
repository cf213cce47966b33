"""PaginatedResponse for every list: results, count, next, previous, page_size, pages."""

import math
import uuid
from datetime import UTC, datetime

import marshmallow as ma
from flask import request
from sqlalchemy import Select, func, select

from watchparty.errors import ValidationError
from watchparty.extensions import db

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 1_000_000


class PageQuerySchema(ma.Schema):
    """`page` and `page_size` (alias `limit`), max 100."""

    class Meta:
        unknown = ma.EXCLUDE

    # Bounded so OFFSET stays a valid integer in every database.
    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=MAX_PAGE))
    page_size = ma.fields.Integer(validate=ma.validate.Range(min=1))
    limit = ma.fields.Integer(validate=ma.validate.Range(min=1))

    @ma.post_load
    def resolve_size(self, data, **kwargs):
        size = data.pop("page_size", None) or data.pop("limit", None) or DEFAULT_PAGE_SIZE
        data.pop("limit", None)
        data["page_size"] = min(size, MAX_PAGE_SIZE)
        return data


class PaginatedSchema(ma.Schema):
    """Documentation shape of a page; `results` is typed per endpoint."""

    count = ma.fields.Integer()
    next = ma.fields.String(allow_none=True)
    previous = ma.fields.String(allow_none=True)
    page_size = ma.fields.Integer()
    current_page = ma.fields.Integer()
    total_pages = ma.fields.Integer()


def page_of(item_schema: type[ma.Schema], name: str | None = None) -> type[ma.Schema]:
    """A PaginatedResponse schema whose results are `item_schema`."""
    return PaginatedSchema.from_dict(
        {"results": ma.fields.List(ma.fields.Nested(item_schema))},
        name=name or f"{item_schema.__name__.removesuffix('Schema')}Page",
    )


def _page_url(page: int, size: int) -> str:
    args = request.args.to_dict()
    args.pop("limit", None)
    args.update(page=str(page), page_size=str(size))
    query = "&".join(f"{k}={v}" for k, v in args.items())
    return f"{request.base_url}?{query}"


def paginate(stmt: Select, page: int, page_size: int, dump=None) -> dict:
    """Run `stmt` for one page and wrap it; `dump` turns the rows into JSON-able items."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = db.session.scalars(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return page_dict(dump(rows) if dump else rows, total or 0, page, page_size)


def page_dict(results: list, total: int, page: int, page_size: int) -> dict:
    """The PaginatedResponse envelope for already-sliced results."""
    pages = max(1, math.ceil(total / page_size)) if page_size else 1
    return {
        "results": results,
        "count": total,
        "next": _page_url(page + 1, page_size) if page < pages else None,
        "previous": _page_url(page - 1, page_size) if page > 1 and page <= pages + 1 else None,
        "page_size": page_size,
        "current_page": page,
        "total_pages": pages,
    }


def history_bound(value: str, field: str, time_of_id) -> datetime:
    """A `before`/`after` bound of a message history: a message id (`time_of_id(uuid)` gives its
    time, raising NotFound for a stranger's) or an ISO 8601 time (UTC when it names no zone)."""
    try:
        return time_of_id(uuid.UUID(value))
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value.strip().replace(" ", "+"))
    except ValueError:
        raise ValidationError(errors={field: ["Use an ISO 8601 time or a message id."]}) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
