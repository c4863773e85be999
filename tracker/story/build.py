"""Build fused events from the stored rows of their reports (the slow, exact way).

A fused event is its lead report's values with its story's put over them, all
its reports' passages (lead first, then by article), and its corpus-level
importance (`tracker.story.salience`), computed from the story's evidence and
the corpus counts (`corpus_counts`). `tracker.story.records` keeps what this
builds, so listings rebuild only what no record holds yet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from tracker.model import Actor, Event
from tracker.store import events as event_store
from tracker.store import records as record_store

from .choose import is_fine
from .days import day_weights
from .salience import importance_of, prominence

_STORY_COLUMNS = (
    "id, lead_event_id, date, date_end, granularity, title, type, modality, location, actors,"
    " start_day, end_day, source_count, later_sources, lead, other_dates"
)

#: What a fused event's importance is computed from, besides the corpus counts:
#: (sources, later sources, lead, participants as stored JSON or None, granularity,
#: modality, date).
Proof = tuple[int, int, float, str | None, str | None, str, str | None]


class _Corpus:
    """Corpus-wide counts salience needs: participants' article counts, days' weights.

    Counted by `count_corpus` whenever `tracker.story.refresh` runs (every change
    to events, their participants, day references or article dates goes through
    it) and stored (`tracker.store.records.save_corpus`), so a fresh process reads
    them instead of passing over the whole corpus; kept on the connection until
    the database changes (see `corpus_counts`).
    """

    def __init__(self, actor_articles: dict[str, int], day_weight: dict[str, float]) -> None:
        self.actor_articles = actor_articles
        self.most = max(actor_articles.values(), default=0)
        self.day_weight = day_weight


def count_corpus(db: Database) -> _Corpus:
    """The corpus counts, counted now (a pass over events, participants, day references)."""
    return _Corpus(
        dict(
            db.execute(
                "select a.name, count(distinct e.article_id) from event_actors ea"
                " join actors a on a.id = ea.actor_id join events e on e.id = ea.event_id"
                " where e.deleted = 0 group by a.id"
            ).fetchall()
        ),
        day_weights(db),
    )


def store_corpus_counts(db: Database) -> None:
    """Count the corpus and store the counts (called by `refresh`, after its changes)."""
    corpus = count_corpus(db)
    record_store.save_corpus(db, corpus.actor_articles, corpus.day_weight)


#: The stored counts last decoded by any connection of this process, and their `_Corpus`:
#: connections reading the same texts share one object, so the events one made can be
#: compared by another (`tracker.story.records._Pool`) without comparing the counts.
_SHARED_CORPUS: tuple[tuple[str, str], _Corpus] | None = None


def corpus_counts(db: Database) -> _Corpus:
    """The `_Corpus` of ``db`` as it is now: kept on the connection until it changes,
    else as stored by the last refresh, else counted."""
    version = event_store._data_version(db)
    cached: tuple[tuple[int, int] | None, _Corpus, tuple[str, str] | None] | None = getattr(
        db, "_tracker_corpus", None
    )
    if cached is not None and cached[0] == version:
        return cached[1]
    texts = record_store.load_corpus_texts(db)
    if cached is not None and texts is not None and cached[2] == texts:
        corpus = cached[1]  # stored counts unchanged (a star, a tag): the same object
    elif texts is not None:
        global _SHARED_CORPUS
        shared = _SHARED_CORPUS
        if shared is not None and shared[0] == texts:
            corpus = shared[1]  # as another connection read them: the same object
        else:
            corpus = _Corpus(json.loads(texts[0]), json.loads(texts[1]))
            _SHARED_CORPUS = (texts, corpus)
    else:
        corpus = count_corpus(db)
    # Counted inside a transaction, it may be rolled back: compared again by its texts
    # at the next call, not taken as current.
    kept_for = None if db.conn.in_transaction else version
    db._tracker_corpus = (kept_for, corpus, texts)  # type: ignore[attr-defined]
    return corpus


def build_fused(
    db: Database, story_ids: Sequence[int], loose_ids: Sequence[int], *, scored: bool = True
) -> tuple[list[Event], dict[int, Proof]]:
    """The fused events of the stories ``story_ids`` (their visible reports) and of the
    stored events ``loose_ids`` that no story holds, in date order; with each story's
    `Proof`. ``scored``: False leaves importance at 0 (the corpus counts are not read)."""
    story_of: dict[int, int] = {}
    if story_ids:
        members = (
            "select sm.event_id, sm.story_id from story_members sm join events e"
            " on e.id = sm.event_id where e.deleted = 0"
        )
        if event_store.scan_whole(db, "stories", len(story_ids)):
            wanted = set(story_ids)
            story_of = {e: s for e, s in db.execute(members) if s in wanted}
        else:
            story_of = dict(
                db.execute(
                    f"{members} and sm.story_id in (select value from json_each(?))",
                    [json.dumps(list(story_ids))],
                ).fetchall()
            )
    ids = {*story_of, *loose_ids}
    if not ids:
        return [], {}
    rows = event_store.select_rows(db, ids)
    related = event_store.read_related(db, ids)
    by_story: dict[int, list[Sequence[Any]]] = {}
    loose: list[Sequence[Any]] = []
    for r in rows:  # members in date order, as `_fused` expects
        sid = story_of.get(r[0])
        if sid is None:
            loose.append(r)
        else:
            found = by_story.get(sid)
            if found is None:
                by_story[sid] = [r]
            else:
                found.append(r)
    story_rows = {}
    if event_store.scan_whole(db, "stories", len(by_story)):
        story_rows = {
            r[0]: r for r in db.execute(f"select {_STORY_COLUMNS} from stories") if r[0] in by_story
        }
    else:
        sids = sorted(by_story)
        for i in range(0, len(sids), 500):
            chunk = sids[i : i + 500]
            for r in db.execute(
                f"select {_STORY_COLUMNS} from stories where id in ({','.join('?' * len(chunk))})",
                chunk,
            ):
                story_rows[r[0]] = r
    build = _Builder(related, Scorer(corpus_counts(db)) if scored else None)
    out = [build.fused(story_rows.get(sid), ms) for sid, ms in by_story.items()]
    out.extend(build.fused(None, [r]) for r in loose)
    out.sort(key=date_order)
    return out, build.proofs


def date_order(e: Event) -> tuple[str, int]:
    """Listing order: by date (undated last), then id."""
    return (e.date or "~", e.id or 0)


# Row positions of `event_store._EVENT_COLUMNS` that `_fused` reads.
_ID, _CONFIDENCE, _CREATED_BY, _ARTICLE, _ARTICLE_DATE = 0, 8, 10, 12, 14


@lru_cache(maxsize=65536)
def json_names(text: str) -> tuple[str, ...]:
    """A story's participants, stored as a JSON list (a corpus repeats its lists)."""
    return tuple(json.loads(text))


@lru_cache(maxsize=4096)
def _json_dates(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((str(d), int(n)) for d, n in json.loads(text))


class Scorer:
    """Corpus-level importance of fused events from their evidence and the corpus
    counts; keeps what many of them share (each participant list's prominence)."""

    def __init__(self, corpus: _Corpus) -> None:
        self.corpus = corpus
        self.prominence: dict[tuple[str, ...], float] = {}

    def _prominence(self, names: tuple[str, ...]) -> float:
        found = self.prominence.get(names)
        if found is None:
            counts = self.corpus.actor_articles
            found = self.prominence[names] = prominence(
                [counts.get(n, 0) for n in names], self.corpus.most
            )
        return found

    def score(
        self,
        sources: int,
        later: int,
        lead: float,
        names: tuple[str, ...],
        granularity: str | None,
        modality: str,
        date: str | None,
    ) -> float:
        day = date if is_fine(granularity) else None
        return _importance(
            sources,
            later,
            self.corpus.day_weight.get(day[:10], 0.0) if day else 0.0,
            lead,
            self._prominence(names),
            granularity,
            modality,
        )

    def score_proof(self, proof: Proof) -> float:
        sources, later, lead, names, granularity, modality, date = proof
        return self.score(
            sources,
            later,
            lead,
            json_names(names) if names else (),
            granularity,
            modality,
            date,
        )


class _Builder:
    """Builds fused events from stored rows."""

    def __init__(self, related: event_store.Related, scorer: Scorer | None) -> None:
        self.related = related
        self.scorer = scorer
        self.proofs: dict[int, Proof] = {}

    def fused(self, row: Sequence[Any] | None, members: list[Sequence[Any]]) -> Event:
        """One fused event from its story row (None: an event no story holds) and its
        reports' stored rows. Built from the lead report's values with the story's
        put over them, without building each report as an `Event` first."""
        related = self.related
        lead_row = members[0]
        other: tuple[tuple[str, int], ...] = ()
        story_id: int | None = None
        later = 0
        passages = related.passages
        if row is None:  # not fused yet (no refresh ran): the event stands alone
            values = event_store.event_values(lead_row, related)
            sources = len({p.article_id for p in values[17]}) or 1
            lead = values[9]
            names = tuple(a.name for a in values[16])
        else:
            story_id = row[0]
            if len(members) > 1:
                for m in members:
                    if m[_ID] == row[1]:
                        lead_row = m
                        break
            values = event_store.event_values(lead_row, related)
            names = json_names(row[9]) if row[9] else ()
            if len(members) == 1:
                kinds = {a.name: a for a in values[16]}
                values[8] = lead_row[_CONFIDENCE] if lead_row[_CONFIDENCE] is not None else 0.5
            else:
                kinds = {a.name: a for m in members for a in related.actors.get(m[_ID], ())}
                values[8] = max(
                    m[_CONFIDENCE] if m[_CONFIDENCE] is not None else 0.5 for m in members
                )
            values[1:8] = [row[2], row[5], row[4], row[3], row[6], row[7], row[8]]
            values[16] = tuple([kinds.get(n) or Actor(n) for n in names])
            sources = int(row[12] or 1)
            later = int(row[13] or 0)
            lead = float(row[14]) if row[14] is not None else values[9]
            if row[15]:
                other = _json_dates(row[15])
        if story_id is not None:
            assert row is not None
            self.proofs[story_id] = (sources, later, lead, row[9], values[3], values[6], values[1])
        scorer = self.scorer
        values[9] = (
            scorer.score(sources, later, lead, names, values[3], values[6], values[1])
            if scorer is not None
            else 0.0
        )
        if len(members) == 1:
            values[17] = passages.get(lead_row[_ID], ())
            values[23] = (lead_row[_ID],) if lead_row[_ID] is not None else ()
        else:
            ordered = [
                lead_row,
                *sorted((m for m in members if m is not lead_row), key=_by_article),
            ]
            values[17] = tuple([p for m in ordered for p in passages.get(m[_ID], ())])
            values[23] = tuple([m[_ID] for m in ordered if m[_ID] is not None])
            if any(m[_CREATED_BY] == "user" for m in members):
                values[10] = "user"
        values[18] = sources
        values[22] = story_id
        values[24] = other
        return event_store._built(Event, event_store._EVENT_FIELDS, values)


#: `salience.importance_of`, memoised: a pure function, and a corpus repeats its
#: evidence (one source, no later ones, the same few days and participants).
_importance = lru_cache(maxsize=65536)(importance_of)


def _by_article(m: Sequence[Any]) -> tuple[str, int, int]:
    return (m[_ARTICLE_DATE] or "~", m[_ARTICLE] or 0, m[_ID] or 0)
