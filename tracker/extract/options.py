"""Per-call settings of the extraction library (no globals)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How relative expressions find the date they count from:
# "narrative": "two days later", "that week" hang on the date the text was
#              last talking about, else on the article's date (the default);
# "document":  always on the article's date;
# "none":      not at all: relative expressions come back with value None
#              (absolute dates such as "4 July 2021" still resolve).
ReferencePolicy = Literal["narrative", "document", "none"]


@dataclass(frozen=True)
class ExtractOptions:
    """How to read one article.

    day_first:  read 03/04/2025 as 3 April (as in most of the world), not March 4.
    languages:  codes of the rule sets to use, in order of precedence ("en").
    reference:  the `ReferencePolicy` for relative expressions.
    """

    day_first: bool = False
    languages: tuple[str, ...] = ("en",)
    reference: ReferencePolicy = "narrative"

    def __post_init__(self) -> None:
        if self.reference not in ("narrative", "document", "none"):
            raise ValueError(f"unknown reference policy {self.reference!r}")
        if not self.languages:
            raise ValueError("at least one language is needed")
