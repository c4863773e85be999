"""One match of the detection grammar, before any rule has normalised it."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    """One regex match: the rule that fired and its groups (short names)."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    match: re.Match[str]

    def g(self, name: str) -> str | None:
        return self.groups.get(name)

    def s(self, name: str) -> str:
        """A group the rule's pattern always fills when this rule matched ("" if not)."""
        return self.groups.get(name) or ""

    def group_start(self, name: str) -> int:
        return self.match.start(f"{self.rule}__{name}")

    def group_end(self, name: str) -> int:
        return self.match.end(f"{self.rule}__{name}")

    def with_groups(self, **groups: str | None) -> Candidate:
        """The same match read with some groups replaced (a rule reusing another's logic)."""
        return Candidate(self.start, self.end, self.rule, {**self.groups, **groups}, self.match)
