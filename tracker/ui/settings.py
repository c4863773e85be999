"""Typed access to the window's persistent UI state (geometry, splitters, folders, recents).

Every key is declared once here with its type and default, as Picard's config
does, so no widget reads a raw QSettings key. Domain data never lives here: it
belongs in the database. Tests build ``Settings(path)`` on a temporary INI file
so they never touch the user's real settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

MAX_RECENT = 8


class _Key(Generic[T]):
    """A descriptor binding one attribute to one QSettings key with a type and default."""

    def __init__(self, key: str, kind: type, default: T) -> None:
        self.key = key
        self.kind = kind
        self.default = default

    def __get__(self, obj: Settings | None, owner: type) -> Any:
        if obj is None:
            return self
        return obj._read(self.key, self.kind, self.default)

    def __set__(self, obj: Settings, value: T) -> None:
        obj._write(self.key, value)


class Settings:
    """The UI's settings, stored by QSettings in the user's config folder or a given file."""

    geometry: QByteArray = _Key("window/geometry", QByteArray, QByteArray())
    window_state: QByteArray = _Key("window/state", QByteArray, QByteArray())
    splitter_state: QByteArray = _Key("window/splitter", QByteArray, QByteArray())
    table_header: QByteArray = _Key("window/table_header", QByteArray, QByteArray())
    last_import_dir: str = _Key("folders/import", str, "")
    last_export_dir: str = _Key("folders/export", str, "")
    last_database_dir: str = _Key("folders/database", str, "")
    lane_mode: str = _Key("timeline/lane_mode", str, "none")
    recent_databases: list = _Key("databases/recent", list, [])

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Tracker", "Tracker"
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> str:
        """The file the settings are stored in."""
        return self._qs.fileName()

    def _read(self, key: str, kind: type, default: Any) -> Any:
        value = self._qs.value(key, None)
        if value is None:
            return default
        if kind is list:
            # INI storage turns a one-item list into a bare string.
            if isinstance(value, str):
                return [value] if value else []
            return [str(v) for v in value]
        if kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _write(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)

    def add_recent_database(self, path: str | Path) -> list[str]:
        """Move ``path`` to the front of the recent databases, keeping at most MAX_RECENT."""
        p = str(Path(path).resolve())
        recent = [r for r in self.recent_databases if r != p]
        recent.insert(0, p)
        self.recent_databases = recent[:MAX_RECENT]
        return self.recent_databases

    def sync(self) -> None:
        self._qs.sync()
