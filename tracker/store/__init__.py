"""SQLite storage over sqlite-utils: connect, migrate, and query into model dataclasses."""

from tracker.store.connect import connect
from tracker.store.schema import schema_version

__all__ = ["connect", "schema_version"]
