"""Text search that works the same on PostgreSQL and SQLite."""

from sqlalchemy import ColumnElement, func, or_


def contains_pattern(text: str) -> str:
    """A lower-case LIKE pattern in which %, _ and \\ match themselves."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def any_contains(columns, text: str) -> ColumnElement[bool]:
    """SQL: at least one of `columns` contains `text`, case-insensitively and literally."""
    pattern = contains_pattern(text)
    return or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))
