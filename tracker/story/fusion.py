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

A large fusion can be split between two processes with the same result
(`cut_point`, `join`): this one fuses the reports before a day, another the
rest on its own, and this one carries on past the cut until both have the same
groups open; the other's groups then finish the work. (A fusion with a deleted
happening in it is never split: the caller fuses it in one pass.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date

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


#: The first "day" of a report with no date: after every dated one.
UNDATED = 1 << 30


def order_key(
    period: Period | None, published: date | None, article_id: int, event_id: int
) -> tuple[int, int, int, int, int]:
    """Where a report with these values comes in the order `fuse` visits them: by its
    first day, the finer date first, then the earlier article (`in_order`)."""
    first, rank = (
        (period.first_day.toordinal(), period.granularity.rank) if period else (UNDATED, 99)
    )
    day = published.toordinal() if published is not None else UNDATED
    return (first, rank, day, article_id, event_id)


def _order(m: Member) -> tuple[int, int, int, int, int]:
    return order_key(m.period, m.published, m.article_id, m.event_id)


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
    fusion = _Fusion()
    # The user's groups first, whole; then every other report joins the best group it may.
    for m in ordered:
        if m.pin is not None:
            fusion.pinned(m)
    for m in ordered:
        if m.pin is None:
            fusion.visit(m)
    return [g.members for g in fusion.groups]


class _Fusion:
    """The state of one greedy pass: the groups so far and the date index over them."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.by_pin: dict[str, int] = {}
        # Days as ordinals: the index is probed fifteen times per report.
        self.by_day: dict[int, list[int]] = defaultdict(list)
        self.by_day_type: dict[tuple[int, str], list[int]] = defaultdict(list)
        self.by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
        #: Group index -> the first day of its latest member (`join` asks which are live).
        self.latest: dict[int, int] = {}

    def _file(self, g: int, m: Member) -> None:
        p = m.period
        if p is None:
            return
        if m.fine:
            day = m._span[1]
            if g not in self.by_day[day]:
                self.by_day[day].append(g)
            if g not in self.by_day_type[(day, m.type)]:
                self.by_day_type[(day, m.type)].append(g)
        elif g not in self.by_value[(p.value, m.type)]:
            self.by_value[(p.value, m.type)].append(g)
        self.latest[g] = m._span[1]

    def pinned(self, m: Member) -> None:
        assert m.pin is not None
        if m.pin not in self.by_pin:
            self.by_pin[m.pin] = len(self.groups)
            self.groups.append(_Group(m.pin))
        g = self.by_pin[m.pin]
        group = self.groups[g]
        if m.deleted_at is not None and (group.deleted_at or "") < m.deleted_at:
            group.deleted_at = m.deleted_at
        group.add(m)
        self._file(g, m)

    def visit(self, m: Member) -> None:
        """``m`` (no pin) joins the best group it may, or starts its own."""
        groups = self.groups
        best, best_score = -1, 0.0
        if m.period is not None:
            for g in _candidates(m, self.by_day, self.by_day_type, self.by_value):
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
        self._file(best, m)


#: Fewer reports than this are fused in one pass (`fuse`): splitting costs more than it saves.
SPREAD_MIN = 20_000
#: The share of the reports (in canonical order) the calling process fuses itself when
#: another process takes the rest (`cut_point`). That one also unpickles the events and
#: chooses what its groups say; this one also reads and writes the stories. On 10,000
#: corpus articles, at 45% this process waited for the other, at 60% the other for it.
OWN_SHARE = 0.5
#: Days before a report's day that a group it may join can last have grown: a month is
#: filed under its first day and probed by every day it holds; a day is probed from
#: `MAX_DAY_GAP` days on. A group whose latest report is older can take no more.
_REACH = 31


def in_order(members: Iterable[Member]) -> list[Member]:
    """``members`` in the order `fuse` visits them."""
    return sorted(members, key=_order)


def cut_point(keys: Sequence[tuple[int, ...]], share: float = OWN_SHARE) -> int | None:
    """Where to split reports in `order_key` order (``keys``) for `join`: at the first
    report of the day about ``share`` of the way in; None when too few to be worth it."""
    if len(keys) < SPREAD_MIN:
        return None
    i = int(len(keys) * share)
    day = keys[i][0]
    if day == UNDATED:
        return None
    while i > 0 and keys[i - 1][0] == day:
        i -= 1
    return i or None


def _day(m: Member) -> int:
    return m._span[1] if m.period is not None else UNDATED


def join(
    ordered: Callable[[int], Member],
    ids: Sequence[int],
    cut: int,
    later: Callable[[], Sequence[Sequence[int]] | None],
) -> list[list[int]]:
    """Exactly `fuse`, as event ids, of members ``ids`` in `in_order` (none pinned;
    ``ordered(i)`` is the i-th) when another process fuses those from ``cut`` on, on
    their own, meanwhile: ``later()`` gives its groups (event ids, in `fuse` order), or
    None when it failed. Only the members this process visits are asked for (they
    may be built on demand).

    The greedy pass visits reports day by day, and a report meets only groups whose
    latest report is at most `_REACH` days older. So this process fuses those before ``cut``,
    then goes on past the cut, one report at a time, until, at the start of some day,
    the groups still open (latest report within `_REACH` days) are the same reports as
    the other process's open groups at that point: from there both passes make the same
    choices, and the other's groups finish the work. Without such a day (or a result)
    this pass goes on to the end, which is `fuse` itself.
    """
    fusion = _Fusion()
    for i in range(cut):
        fusion.visit(ordered(i))
    done = later()
    position = {e: i for i, e in enumerate(ids)}
    owner: dict[int, int] = {}
    if done is not None:
        for g, group in enumerate(done):
            for e in group:
                owner[e] = g
        if len(owner) != len(ids) - cut or any(position.get(e, -1) < cut for e in owner):
            done = None  # not the reports asked for: finish here
    i, n, day = cut, len(ids), -1
    while i < n:
        m = ordered(i)
        if done is not None and _day(m) != day:
            day = _day(m)
            if _same_open(fusion, ordered, ids, cut, i, done, owner, position):
                return _finish(fusion, i, done, position)
        fusion.visit(m)
        i += 1
    return [[m.event_id for m in g.members] for g in fusion.groups]


def _same_open(
    fusion: _Fusion,
    ordered: Callable[[int], Member],
    ids: Sequence[int],
    cut: int,
    i: int,
    done: Sequence[Sequence[int]],
    owner: dict[int, int],
    position: dict[int, int],
) -> bool:
    """Whether the groups open before the ``i``-th member hold the same reports in both passes."""
    since = _day(ordered(i)) - _REACH
    for g in [g for g, latest in fusion.latest.items() if latest < since]:
        del fusion.latest[g]  # closed for good: nothing later can join it
    here = {tuple(m.event_id for m in fusion.groups[g].members) for g in fusion.latest}
    there: set[tuple[int, ...]] = set()
    j = i - 1
    while j >= cut and _day(ordered(j)) >= since:
        g = owner[ids[j]]
        there.add(tuple(e for e in done[g] if position[e] < i))
        j -= 1
    return here == there


def _finish(
    fusion: _Fusion, i: int, done: Sequence[Sequence[int]], position: dict[int, int]
) -> list[list[int]]:
    """This pass's groups up to the ``i``-th member, grown and followed by the other's after it."""
    out = [[m.event_id for m in g.members] for g in fusion.groups]
    by_first = {g[0]: g for g in out}
    for ids in done:
        rest = [e for e in ids if position[e] >= i]
        if not rest:
            continue
        if position[ids[0]] >= i:
            out.append(rest)  # begun after the meeting point: in the same order in both
        else:
            by_first[ids[0]].extend(rest)  # open at the meeting point: the same in both
    return out


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


__all__: Sequence[str] = ("cut_point", "fuse", "in_order", "join", "order_key", "related")
