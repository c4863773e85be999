"""A large fusion split between two processes gives exactly the stories of one pass.

`fusion.join` fuses the first part of the reports here while another process
fuses the rest on its own, then reconciles from the day both passes have the
same groups open. These tests pin it to `fuse` itself: on random reports of
every kind of date, at every split, and through a real import with a reader.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import services, workers
from tracker.model import Period
from tracker.story import fusion
from tracker.story.evidence import Member

_WORDS = ["grain", "corridor", "talk", "ceasefire", "port", "deal", "summit", "envoy", "vote"]
_ACTORS = ["lavrov", "kuleba", "european union", "united nations"]
_START = date(2023, 1, 2)


def _value(rnd: random.Random, days: int) -> str | None:
    """A date value of any granularity within ``days`` days."""
    day = _START + timedelta(days=rnd.randint(0, days))
    kind = rnd.choices(
        ["day", "time", "week", "month", "quarter", "year", None], [12, 1, 2, 2, 1, 1, 1]
    )
    if kind[0] == "day":
        return day.isoformat()
    if kind[0] == "time":
        return f"{day.isoformat()}T{rnd.choice(['09:00', '14:30'])}"
    if kind[0] == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if kind[0] == "month":
        return f"{day.year}-{day.month:02d}"
    if kind[0] == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if kind[0] == "year":
        return str(day.year)
    return None


def _members(seed: int, n: int, days: int = 120) -> list[Member]:
    rnd = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        published = _START + timedelta(days=rnd.randint(0, days + 5))
        out.append(
            Member(
                event_id=i,
                article_id=rnd.randint(1, n // 4 + 1),
                period=Period.parse(_value(rnd, days)),
                type=rnd.choice(["meeting", "agreement"]),
                modality="reported",
                location=rnd.choice([None, None, "Geneva", "geneva", "Ankara"]),
                actors=frozenset(rnd.sample(_ACTORS, rnd.randint(0, 1))),
                words=frozenset(rnd.sample(_WORDS, rnd.randint(0, 4))),
                names=frozenset(rnd.sample(_WORDS, rnd.randint(0, 2))),
                headline=frozenset(rnd.sample(_WORDS, rnd.randint(0, 2))),
                published=published if rnd.random() < 0.9 else None,
            )
        )
    return out


def _cut(ordered: list[Member], share: float) -> int | None:
    """`fusion.cut_point` whatever the number of reports."""
    old = fusion.SPREAD_MIN
    fusion.SPREAD_MIN = 0
    try:
        keys = [fusion.order_key(m.period, m.published, m.article_id, m.event_id) for m in ordered]
        return fusion.cut_point(keys, share)
    finally:
        fusion.SPREAD_MIN = old


def _ids(groups: list[list[Member]]) -> list[list[int]]:
    return [[m.event_id for m in g] for g in groups]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.floats(0.05, 0.95))
def test_joining_a_split_fusion_gives_the_one_pass_groups(seed: int, share: float) -> None:
    members = _members(seed, 400)
    whole = _ids(fusion.fuse(members))
    ordered = fusion.in_order(members)
    ids = [m.event_id for m in ordered]
    cut = _cut(ordered, share)
    if cut is None:
        return
    assert ordered[cut].period is not None and (
        ordered[cut - 1].period is None or ordered[cut - 1]._span[1] < ordered[cut]._span[1]
    )  # a split between days
    rest = _ids(fusion.fuse(ordered[cut:]))
    asked: set[int] = set()

    def at(i: int) -> Member:
        asked.add(i)
        return ordered[i]

    assert fusion.join(at, ids, cut, lambda: rest) == whole
    # Failed, or answered for other reports: this process fuses the rest itself.
    assert fusion.join(ordered.__getitem__, ids, cut, lambda: None) == whole
    assert fusion.join(ordered.__getitem__, ids, cut, lambda: rest[1:]) == whole


def test_the_other_process_does_most_of_its_share() -> None:
    # Reports over two years: the passes agree within weeks of the split, so this
    # process reads few of the other's reports (the point of splitting).
    members = _members(7, 3000, 730)
    ordered = fusion.in_order(members)
    ids = [m.event_id for m in ordered]
    keys = [fusion.order_key(m.period, m.published, m.article_id, m.event_id) for m in ordered]
    assert fusion.cut_point(keys, 0.3) is None  # fewer than SPREAD_MIN reports: not worth it
    cut = _cut(ordered, 0.3)
    assert cut is not None
    asked: set[int] = set()

    def at(i: int) -> Member:
        asked.add(i)
        return ordered[i]

    rest = _ids(fusion.fuse(ordered[cut:]))
    assert fusion.join(at, ids, cut, lambda: rest) == _ids(fusion.fuse(members))
    beyond = len([i for i in asked if i >= cut])
    assert beyond < (len(ordered) - cut) // 2


_TEMPLATE = (
    "{city} talks on {topic}\n"
    "Envoys from {a} and {b} met in {city} on {day} to discuss {topic}, officials said.\n"
    "A second round on {topic} is planned for {later} in {city}.\n"
    "The meeting in {city} ended without a joint statement."
)


def _articles(folder: Path, n: int) -> list[Path]:
    rnd = random.Random(11)
    cities = ["Geneva", "Ankara", "Vienna", "Oslo"]
    topics = ["grain exports", "a ceasefire", "water rights", "fishing quotas"]
    people = ["Norway", "Chile", "Kenya", "Peru", "Japan", "Ghana"]
    folder.mkdir()
    paths = []
    for i in range(n):
        published = date(2023, 1, 2) + timedelta(days=rnd.randint(0, 200))
        day = published - timedelta(days=rnd.randint(0, 3))
        later = published + timedelta(days=rnd.randint(5, 40))
        a, b = rnd.sample(people, 2)
        text = _TEMPLATE.format(
            city=rnd.choice(cities),
            topic=rnd.choice(topics),
            a=a,
            b=b,
            day=f"{day.day} {day:%B} {day.year}",
            later=f"{later.day} {later:%B} {later.year}",
        )
        path = folder / f"{published.isoformat()}-{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _tables(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return (
            list(conn.execute("select * from stories order by id")),
            list(conn.execute("select * from story_members order by event_id")),
        )
    finally:
        conn.close()


def test_an_import_that_spreads_its_fusion_stores_the_same_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _articles(tmp_path / "news", 120)
    one = services.open_db(tmp_path / "one.db")
    services.import_paths(one, files, dates_from_path=True, pool=workers.WorkerPool(1))
    one.conn.close()
    monkeypatch.setattr(fusion, "SPREAD_MIN", 50)
    used: list[int] = []
    real = services.workers.in_background

    def counted(*args: object, **kw: object) -> object:
        used.append(1)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(services.workers, "in_background", counted)
    pool = workers.WorkerPool(2)
    try:
        two = services.open_db(tmp_path / "two.db")
        services.import_paths(two, files, dates_from_path=True, pool=pool)
        two.conn.close()
    finally:
        pool.close()
    assert used  # the fusion was split
    stories, members = _tables(tmp_path / "one.db")
    assert len(stories) > 50
    assert _tables(tmp_path / "two.db") == (stories, members)
