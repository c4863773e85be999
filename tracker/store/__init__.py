"""SQLite storage over sqlite-utils: connect, migrate, check, back up, and query into model dataclasses."""

from tracker.store.connect import TrackerDatabase, connect
from tracker.store.errors import ReadOnlyDatabase, StoreError, batch_stopper
from tracker.store.schema import schema_version

__all__ = [
    "ReadOnlyDatabase",
    "StoreError",
    "TrackerDatabase",
    "batch_stopper",
    "connect",
    "schema_version",
]
