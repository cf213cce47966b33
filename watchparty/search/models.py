"""The search index: one row per searchable thing, its text only. Who may see a row is decided
when searching, by the owning domain's own rules, so a stale row can never leak anything.

PostgreSQL adds a generated `tsv` tsvector (GIN) and a pg_trgm GIN index on the title;
SQLite adds an FTS5 table over the same rows, kept by triggers. Both through DDL events, so
`db.create_all()` builds them and the migration mirrors the same statements."""

import uuid
from datetime import datetime

from sqlalchemy import DDL, Index, String, Text, UniqueConstraint, Uuid, event
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

KINDS = ("video", "party", "user", "creator", "post")


class SearchDocument(IdMixin, db.Model):
    """What one video, party, user, creator profile or post is found by."""

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("kind", "object_id", name="uq_search_documents_kind_object"),
        Index("ix_search_documents_kind_created", "kind", "created_at"),
    )

    kind: Mapped[str] = mapped_column(String(10))
    object_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


TABLE = SearchDocument.__table__

# PostgreSQL: weights A (title), B (tags), C (body); the English configuration stems.
PG_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(tags, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')) STORED",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
    "CREATE INDEX ix_search_documents_title_trgm ON search_documents "
    "USING gin (title gin_trgm_ops)",
]

# SQLite: an external-content FTS5 table (porter stemming) that triggers keep in step.
SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tags, "
    "content='search_documents', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, title, body, tags) "
    "VALUES (new.rowid, new.title, new.body, new.tags); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body, tags) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.tags); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body, tags) "
    "VALUES ('delete', old.rowid, old.title, old.body, old.tags); "
    "INSERT INTO search_fts(rowid, title, body, tags) "
    "VALUES (new.rowid, new.title, new.body, new.tags); END",
]

DDL_MADE = frozenset({"tsv", "ix_search_documents_tsv", "ix_search_documents_title_trgm"})


def ddl_made(name: str | None) -> bool:
    """Whether a database object is one of the statements above, not a model's (the FTS5
    table's shadow tables are search_fts_*)."""
    return bool(name) and (name in DDL_MADE or name.startswith("search_fts"))


for statement in PG_DDL:
    event.listen(TABLE, "after_create", DDL(statement).execute_if(dialect="postgresql"))
for statement in SQLITE_DDL:
    event.listen(TABLE, "after_create", DDL(statement).execute_if(dialect="sqlite"))
event.listen(
    TABLE, "after_drop", DDL("DROP TABLE IF EXISTS search_fts").execute_if(dialect="sqlite")
)
