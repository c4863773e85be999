"""System libraries the desktop window needs, checked before Qt loads.

The PySide6 wheels bundle Qt itself but not the system libraries Qt's platform
plugins link against. When one is missing, Qt aborts with a message about
"the xcb platform plugin" that does not say what to install. This module
names every library, says why it is needed, and turns a missing one into one
line with the install command. Qt-free: it runs before PySide6 is imported.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemLib:
    soname: str  # what the dynamic loader looks for
    package: str  # the Debian/Ubuntu package that provides it
    why: str
    platforms: tuple[str, ...]  # Qt platforms that need it ("any" for all)


#: Everything Qt's platform plugins load on Linux (from ``ldd libQt6XcbQpa.so``), by package.
LIBRARIES: tuple[SystemLib, ...] = (
    SystemLib("libGL.so.1", "libgl1", "OpenGL: Qt Gui links it even offscreen", ("any",)),
    SystemLib("libEGL.so.1", "libegl1", "EGL: Qt Gui's OpenGL context setup", ("any",)),
    SystemLib("libfontconfig.so.1", "libfontconfig1", "finds the system fonts", ("any",)),
    SystemLib("libfreetype.so.6", "libfreetype6", "draws the text", ("any",)),
    SystemLib("libglib-2.0.so.0", "libglib2.0-0", "Qt's event loop integration", ("any",)),
    SystemLib("libdbus-1.so.3", "libdbus-1-3", "desktop portals, tray and theme queries", ("any",)),
    SystemLib("libxkbcommon.so.0", "libxkbcommon0", "keyboard layouts", ("any",)),
    SystemLib("libX11-xcb.so.1", "libx11-xcb1", "the X11 connection Qt shares with GL", ("xcb",)),
    SystemLib(
        "libxcb-cursor.so.0", "libxcb-cursor0", "mouse cursors (Qt 6.5+ requires it)", ("xcb",)
    ),
    SystemLib("libxcb-icccm.so.4", "libxcb-icccm4", "window titles, sizes and hints", ("xcb",)),
    SystemLib("libxcb-image.so.0", "libxcb-image0", "drawing images to X windows", ("xcb",)),
    SystemLib("libxcb-keysyms.so.1", "libxcb-keysyms1", "key symbols for shortcuts", ("xcb",)),
    SystemLib("libxcb-randr.so.0", "libxcb-randr0", "screens and their resolutions", ("xcb",)),
    SystemLib("libxcb-render-util.so.0", "libxcb-render-util0", "antialiased drawing", ("xcb",)),
    SystemLib(
        "libxcb-shape.so.0", "libxcb-shape0", "drag-and-drop outlines, shaped windows", ("xcb",)
    ),
    SystemLib("libxcb-xkb.so.1", "libxcb-xkb1", "keyboard events from X", ("xcb",)),
    SystemLib("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "keyboard layouts under X", ("xcb",)),
    SystemLib("libwayland-client.so.0", "libwayland-client0", "Wayland sessions", ("wayland",)),
)


def platform(env: Mapping[str, str] | None = None) -> str:
    """The Qt platform plugin that will load: the one asked for, else xcb unless on Wayland."""
    env = os.environ if env is None else env
    asked = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if asked:
        return asked
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return "wayland"
    return "xcb"


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(
    plat: str | None = None,
    loads: Callable[[str], bool] = _loads,
    libraries: Iterable[SystemLib] = LIBRARIES,
) -> list[SystemLib]:
    """The libraries ``plat`` needs that the dynamic loader cannot find."""
    plat = plat or platform()
    return [
        lib
        for lib in libraries
        if ("any" in lib.platforms or plat in lib.platforms) and not loads(lib.soname)
    ]


def install_line(missing: Iterable[SystemLib]) -> str:
    """One line naming what is missing and the command that installs it."""
    packages = sorted({lib.package for lib in missing})
    return (
        f"tracker: the desktop window needs system libraries that are not installed "
        f"({', '.join(packages)}); install them with: "
        f"sudo apt-get install -y {' '.join(packages)}"
        " (other systems: the packages providing the same libraries)"
    )


def check(
    env: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads
) -> str | None:
    """None when the window can start, else the line to print instead of Qt's abort.

    ``TRACKER_SKIP_LIB_CHECK=1`` turns the check off (a system whose loader finds
    libraries ctypes does not, e.g. a bundled runtime).
    """
    env = os.environ if env is None else env
    if env.get("TRACKER_SKIP_LIB_CHECK"):
        return None
    plat = platform(env)
    if plat not in ("xcb", "wayland", "offscreen", "minimal", "eglfs", "vnc", "linuxfb"):
        return None  # windows, cocoa ...: the wheels bring what they need
    if os.name != "posix" or not os.path.exists("/proc"):
        return None  # not Linux: the libraries above are Linux names
    missing = missing_libraries(plat, loads)
    return install_line(missing) if missing else None
