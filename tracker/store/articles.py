"""Article rows: insert, look up, list, and change an article's anchor date."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from tracker.model import Article, DateSource

from .events import _built


def content_hash(text: str) -> str:
    """Identity of an article's content: whitespace-insensitive, so a re-save is a duplicate."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class DuplicateArticle(Exception):
    """The same content is already stored (found under the write lock, so it may
    have arrived from another process a moment ago)."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"same content already imported as article {article_id}")
        self.article_id = article_id


def find_by_hash(db: Database, digest: str) -> int | None:
    row = db.execute("select id from articles where content_hash = ?", [digest]).fetchone()
    return row[0] if row else None


def storable(text: str | None) -> str | None:
    """``text`` as valid UTF-8 for SQLite: a file name's non-UTF-8 bytes (kept by
    Python as lone surrogates) become visible ``\\xNN`` escapes instead of an error."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")


def insert_article(db: Database, article: Article) -> int:
    """Store ``article``; raises DuplicateArticle when its content is already there.

    Call inside ``db.atomic()``: the transaction holds the write lock, so the
    duplicate check and the insert see the same database.
    """
    digest = article.content_hash or content_hash(article.text)
    existing = find_by_hash(db, digest)
    if existing is not None:
        raise DuplicateArticle(existing)
    row = {
        "title": storable(article.title),
        "source_name": article.source_name,
        "url": article.url,
        "author": article.author,
        "anchor_date": article.anchor_date,
        "date_source": article.date_source,
        "text": article.text,
        "content_hash": digest,
        "path": storable(article.path),
        "date_note": article.date_note,
        "suggested_date": article.suggested_date,
        "imported_at": article.imported_at or datetime.now(UTC).isoformat(timespec="seconds"),
    }
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cursor = db.execute(f"insert into articles ({columns}) values ({marks})", list(row.values()))
    assert cursor.lastrowid is not None  # set by every INSERT
    return cursor.lastrowid


_COLUMNS = (
    "a.id, a.title, a.text, a.anchor_date, a.date_source, a.source_name, a.url, a.author, "
    "a.path, a.content_hash, a.imported_at, a.date_note, a.suggested_date"
)


_FIELDS = tuple(Article.__dataclass_fields__)


def _article(row: tuple[Any, ...], event_count: int = 0) -> Article:
    return replace(Article(*row), event_count=event_count)


def get_article(db: Database, article_id: int) -> Article | None:
    row = db.execute(f"select {_COLUMNS} from articles a where a.id = ?", [article_id]).fetchone()
    if row is None:
        return None
    count = db.execute(
        "select count(*) from events where article_id = ? and deleted = 0", [article_id]
    ).fetchone()
    return _article(row, count[0])


def list_articles(db: Database) -> list[Article]:
    """Every article, newest first, WITHOUT its text (empty): lists never need it.

    Use ``get_article`` for the text.
    """
    columns = _COLUMNS.replace("a.text", "''")
    sql = f"""
        select {columns}, (select count(*) from events e where e.article_id = a.id and e.deleted = 0)
        from articles a
        order by coalesce(a.anchor_date, '') desc, a.id
    """
    # Every field in class order, the count last as `event_count` is: built without
    # ``__init__`` (a window lists every article at each refresh).
    return [_built(Article, _FIELDS, r) for r in db.execute(sql).fetchall()]


def set_anchor(
    db: Database,
    article_id: int,
    anchor_date: str | None,
    source: str = DateSource.USER,
    note: str | None = None,
) -> None:
    db.table("articles").update(
        article_id, {"anchor_date": anchor_date, "date_source": source, "date_note": note}
    )
