"""Text matching behind one interface: PostgreSQL full text (websearch_to_tsquery, ts_rank_cd,
prefixes, pg_trgm word similarity for typos) or SQLite FTS5 (porter stemming, prefixes, bm25).

`match(stmt, q)` adds the match to a SELECT over search_documents and returns the text rank
(higher is better); popularity and recency are applied afterwards by `boost`."""

import math
import re
from datetime import datetime

from sqlalchemy import func, literal, literal_column, not_, or_, table, text

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.search.models import SearchDocument

MAX_WORDS = 10
TYPO_THRESHOLD = 0.45
ENGLISH = literal_column("'english'::regconfig")
FTS = table("search_fts")
WORD = re.compile(r"\w+")


def words(q: str) -> list[str]:
    """The words of a query, lower-cased, at most MAX_WORDS."""
    return WORD.findall(q.lower())[:MAX_WORDS]


def postgresql() -> bool:
    """Whether the database is PostgreSQL (else SQLite and FTS5)."""
    return db.engine.dialect.name == "postgresql"


def _pg(stmt, q: str):
    wanted, unwanted = parse(q)
    tsv = literal_column("search_documents.tsv")
    web = func.websearch_to_tsquery(ENGLISH, q)
    prefix = func.to_tsquery(ENGLISH, " & ".join(f"{w}:*" for w in wanted))
    typed = " ".join(wanted)
    typo = literal(typed).op("<%")(SearchDocument.title)
    stmt = stmt.where(or_(tsv.op("@@")(web), tsv.op("@@")(prefix), typo))
    if unwanted:
        excluded = func.to_tsquery(ENGLISH, " | ".join(f"{w}:*" for w in unwanted))
        stmt = stmt.where(not_(tsv.op("@@")(excluded)))
    rank = func.greatest(
        func.ts_rank_cd(tsv, web), 0.8 * func.ts_rank_cd(tsv, prefix)
    ) + 0.2 * func.word_similarity(typed, SearchDocument.title)
    return stmt, rank


def parse(q: str) -> tuple[list[str], list[str]]:
    """The words wanted and the words excluded (`-word`, websearch style)."""
    wanted, unwanted = [], []
    for token in q.split()[: MAX_WORDS * 2]:
        found = words(token)
        (unwanted if token.startswith("-") and found else wanted).extend(found)
    wanted = wanted or unwanted
    return wanted[:MAX_WORDS], [w for w in unwanted if w not in wanted][:MAX_WORDS]


def fts5_expression(q: str) -> str:
    """An FTS5 query: every wanted word as a quoted prefix, then NOT each excluded one."""
    wanted, unwanted = parse(q)
    expression = " ".join(f'"{w}"*' for w in wanted)
    return expression + "".join(f' NOT "{w}"*' for w in unwanted)


def _sqlite(stmt, q: str):
    stmt = stmt.join(
        FTS, literal_column("search_fts.rowid") == literal_column("search_documents.rowid")
    )
    stmt = stmt.where(text("search_fts MATCH :fts_query").bindparams(fts_query=fts5_expression(q)))
    return stmt, -func.bm25(literal_column("search_fts"), 10.0, 1.0, 3.0)


def match(stmt, q: str):
    """`stmt` restricted to documents matching `q`, and the text rank column."""
    return _pg(stmt, q) if postgresql() else _sqlite(stmt, q)


def prepare() -> None:
    """PostgreSQL: let `<%` (word similarity, served by the trigram index) accept one typo in
    a short word ("wached" is 0.5 like "watched"; the default threshold is 0.6)."""
    if postgresql():
        db.session.execute(text(f"SET LOCAL pg_trgm.word_similarity_threshold = {TYPO_THRESHOLD}"))


def boost(rank: float, popularity: float, created_at: datetime | None) -> float:
    """Text rank x (1 + 0.15 ln(1 + popularity)) / (1 + age in days / 180)."""
    age = (utcnow() - created_at).total_seconds() / 86400 if created_at else 0
    return (
        float(rank or 0)
        * (1 + 0.15 * math.log1p(max(popularity or 0, 0)))
        / (1 + max(age, 0) / 180)
    )
