"""Group reports of the same happening: `fuse` turns members into stories.

Pure and deterministic: the same members give the same groups whatever order
they come in. Members are visited in a canonical order (date, then article
date, article, event id); each joins the best-linked existing group it may
join, or starts its own. Candidate groups are found through a date index
(the same day, days within `MAX_DAY_GAP` of the same type, the week or month
holding a day), so the work grows with the reports near each date, not with
the corpus.

A group stays coherent: a member joins only if no member of the group rules it
out (another place, another user pin, a day too far from any of its days),
which stops chains of near-matches from drifting across a week.

A happening the user deleted comes in as a pinned group of its deleted reports
(`Member.deleted_at`). It takes only reports that are new since it was deleted
(no story yet, their article added after the deletion): the caller hides those
with it, so a deletion holds when more articles report the same happening, and
no report the user saw changes group because of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from tracker.model import Period

from .evidence import MAX_DAY_GAP, Member, date_relation, link

_SAMPLE = 6
#: A link this strong (same day, shared participants, same type, much shared content) ends the search.
_SURE = 1.0


class _Group:
    __slots__ = (
        "members",
        "pin",
        "deleted_at",
        "locations",
        "first",
        "last",
        "words",
        "places",
        "heads",
    )

    def __init__(self, pin: str | None, deleted_at: str | None = None) -> None:
        self.members: list[Member] = []
        self.pin = pin
        self.deleted_at = deleted_at  # a happening the user deleted (its latest deletion)
        self.locations: set[str] = set()
        self.first: int | None = None  # first and last day (ordinals) of its day-dated reports
        self.last: int | None = None
        # Content words, places and title words of the members in `sample`, counted.
        self.words: dict[str, int] = {}
        self.places: dict[str, int] = {}
        self.heads: dict[str, int] = {}

    def add(self, m: Member) -> None:
        self.members.append(m)
        if m.location:
            self.locations.add(m.location.lower())
        if m.fine:
            day = m._span[1]
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
        self._count(m, 1)
        n = len(self.members)
        if n > 2 * _SAMPLE:  # the member just before the latest few leaves the sample
            self._count(self.members[n - 1 - _SAMPLE], -1)

    def _count(self, m: Member, step: int) -> None:
        keys = [(w, self.words) for w in m.words] + [(w, self.heads) for w in m.headline]
        for key, table in [*keys, (m.location, self.places)]:
            if key:
                left = table.get(key, 0) + step
                if left:
                    table[key] = left
                else:
                    del table[key]

    def may_link(self, m: Member) -> bool:
        """Some member of the sample shares a content word, the place or a title word with
        ``m``: without any, `link` finds too little evidence for any rule (a title shares
        words with the title it matches), so every link would be 0."""
        return (
            bool(m.location and m.location in self.places)
            or not self.words.keys().isdisjoint(m.words)
            or not self.heads.keys().isdisjoint(m.headline)
        )

    def sample(self) -> list[Member]:
        """The members a newcomer is compared with: all of a small group; the first and
        latest few of a big one (a long-running story stays cheap to join)."""
        ms = self.members
        return ms if len(ms) <= 2 * _SAMPLE else ms[:_SAMPLE] + ms[-_SAMPLE:]

    def admits(self, m: Member) -> bool:
        """No member of the group rules ``m`` out."""
        if self.deleted_at is not None and not (
            m.story_id is None and m.added is not None and m.added >= self.deleted_at
        ):
            return False  # a deleted happening takes only what came after its deletion
        if m.pin is not None:
            return self.pin == m.pin  # a user's group takes new reports, never another group
        if m.location and self.locations and m.location.lower() not in self.locations:
            return False
        if m.fine and self.first is not None and self.last is not None:
            day = m._span[1]
            if day - self.first > MAX_DAY_GAP or self.last - day > MAX_DAY_GAP:
                return False
        return True


def _order(m: Member) -> tuple[int, int, int, int, int]:
    rank, first, _last = m._span
    published = m.published.toordinal() if m.published is not None else 1 << 30
    return (first if m.period is not None else 1 << 30, rank, published, m.article_id, m.event_id)


def _coarse_keys(p: Period) -> list[str]:
    """Values of the week and month holding a day: where a vaguer report of it is filed."""
    d = p.first_day
    iso_year, week, _ = d.isocalendar()
    return [f"{iso_year:04d}-W{week:02d}", f"{d.year:04d}-{d.month:02d}"]


def fuse(members: Iterable[Member]) -> list[list[Member]]:
    """Groups of members that report one happening each, in canonical order.

    Members with the same user ``pin`` always form one group, and members with
    different pins never share one. Members with no date stay alone.
    """
    ordered = sorted(members, key=_order)
    groups: list[_Group] = []
    by_pin: dict[str, int] = {}
    # Days as ordinals: the index is probed fifteen times per report.
    by_day: dict[int, list[int]] = defaultdict(list)
    by_day_type: dict[tuple[int, str], list[int]] = defaultdict(list)
    by_value: dict[tuple[str, str], list[int]] = defaultdict(list)

    def file(g: int, m: Member) -> None:
        p = m.period
        if p is None:
            return
        if m.fine:
            day = m._span[1]
            if g not in by_day[day]:
                by_day[day].append(g)
            if g not in by_day_type[(day, m.type)]:
                by_day_type[(day, m.type)].append(g)
        elif g not in by_value[(p.value, m.type)]:
            by_value[(p.value, m.type)].append(g)

    # The user's groups first, whole; then every other report joins the best group it may.
    for m in ordered:
        if m.pin is None:
            continue
        if m.pin not in by_pin:
            by_pin[m.pin] = len(groups)
            groups.append(_Group(m.pin))
        group = groups[by_pin[m.pin]]
        if m.deleted_at is not None and (group.deleted_at or "") < m.deleted_at:
            group.deleted_at = m.deleted_at
        group.add(m)
        file(by_pin[m.pin], m)
    for m in ordered:
        if m.pin is not None:
            continue
        best, best_score = -1, 0.0
        if m.period is not None:
            for g in _candidates(m, by_day, by_day_type, by_value):
                group = groups[g]
                if not group.admits(m) or not group.may_link(m):
                    continue
                score = 0.0
                for o in group.sample():
                    s = link(m, o)
                    if s > score:
                        score = s
                        if s >= _SURE:
                            break  # as sure as a link gets: no need to read the rest
                if score > best_score:
                    best, best_score = g, score
        if best < 0:
            groups.append(_Group(None))
            best = len(groups) - 1
        groups[best].add(m)
        file(best, m)
    return [g.members for g in groups]


def _candidates(
    m: Member,
    by_day: dict[int, list[int]],
    by_day_type: dict[tuple[int, str], list[int]],
    by_value: dict[tuple[str, str], list[int]],
) -> list[int]:
    """Groups ``m`` may join: the same day (any type: see `link`), other days near it
    (the same type only), and the week or month holding it (or the days a week or month holds)."""
    p = m.period
    assert p is not None
    seen: dict[int, None] = {}
    _rank, first, last = m._span
    if m.fine:
        for g in by_day.get(first, ()):
            seen[g] = None
        kind = m.type
        for d in range(first - MAX_DAY_GAP, first + MAX_DAY_GAP + 1):
            found = by_day_type.get((d, kind))
            if found and d != first:
                for g in found:
                    seen[g] = None
        for value in _coarse_keys(p):
            for g in by_value.get((value, m.type), ()):
                seen[g] = None
    else:
        # A vaguer date meets only reports of the same type (see `link`).
        for g in by_value.get((p.value, m.type), ()):
            seen[g] = None
        if last - first < 31:
            for d in range(first, last + 1):
                for g in by_day_type.get((d, m.type), ()):
                    seen[g] = None
    return sorted(seen)


def related(a: Member, b: Member) -> bool:
    """True when the dates of two members could name one happening (for callers' windows)."""
    return date_relation(a, b) is not None


__all__: Sequence[str] = ("fuse", "related")
