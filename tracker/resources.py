"""Where the files under ``resources/`` live, installed or in a checkout.

The wheel carries ``resources/`` as ``tracker/_resources`` (hatchling
force-include); an editable install or a source checkout reads the top-level
folder. This is the only module that knows the difference.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
