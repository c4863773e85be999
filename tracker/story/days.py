"""Days the articles point at: day references, their weight, and day events.

Every day-level date expression of an article is a *day reference*, kept with
its sentence (`day_refs_of`, stored in ``day_refs``) whether or not the
extractor built an event on it. `day_weights` turns them into the evidence
salience weighs for a day (`salience.day_weight`: later articles looking back
count most). A day that articles refer to with at least `DAY_EVENT_WEIGHT` but
that no visible fused event is dated on gets a *day event* (`refresh_day_events`):
the most central of the sentences naming it that no event was built on
(`central`), so the day can be ranked, selected and summarised. A sentence
already reported by an event fused under another date is not repeated: the
fused event keeps that date among its ``other_dates``. Day events are
``created_by`` "story", stand alone in fusion (they never gather or join other
reports), survive re-extraction, and are removed again only when their day
loses its references, unless the user edited or deleted them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from tracker.store.dayrefs import DayRef, delete_day_events, insert_day_event

from .evidence import dice, stem, tokens
from .salience import day_weight

if TYPE_CHECKING:
    from tracker.extract.types import Timex

#: A day with this much evidence gets an event of its own when it has none: one
#: article published on it or naming it. Salience, not this, decides which are key.
DAY_EVENT_WEIGHT = 0.5
#: Words a sentence needs to be an article's lead (shorter ones are bylines, datelines).
LEAD_WORDS = 8
#: Words a day event's title keeps from its sentence (the quote keeps all of it).
TITLE_WORDS = 14

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|T)")
_FINE = frozenset({"day", "time"})


def day_refs_of(text: str, timexes: Iterable[Timex]) -> list[DayRef]:
    """The day references of an article: each DATE/TIME expression resolved to a day
    (or a time of day), with the sentence holding it; one per (day, sentence)."""
    # Imported here: listing events never loads the extraction engine (see services).
    from tracker.extract.sentences import split_sentences

    sentences = split_sentences(text)
    out: list[DayRef] = []
    seen: set[tuple[str, int]] = set()
    i = 0
    for t in sorted(timexes, key=lambda t: t.start):
        if t.type not in ("DATE", "TIME") or not t.value or t.value_end:
            continue
        m = _DAY.match(t.value)
        if m is None or (t.granularity is not None and t.granularity not in _FINE):
            continue
        while i < len(sentences) and sentences[i][1] <= t.start:
            i += 1
        if i == len(sentences):
            break
        s0, s1 = sentences[i]
        if (m.group(1), s0) in seen:
            continue
        seen.add((m.group(1), s0))
        out.append(DayRef(m.group(1), s0, s1, t.start, t.end, t.text))
    return out


def day_weights(db: Database, days: Sequence[str] | None = None) -> dict[str, float]:
    """`salience.day_weight` of every day with a reference or a publication (or of ``days``)."""
    only = ""
    params: list[object] = []
    if days is not None:
        if not days:
            return {}
        only = f" where day in ({','.join('?' * len(days))})"
        params = list(days)
    refs = db.execute(
        "select r.day, count(*), sum(a.anchor_date > r.day) from"
        f" (select distinct article_id, day from day_refs{only}) r"
        " join articles a on a.id = r.article_id group by r.day",
        params,
    ).fetchall()
    pubs = db.execute(
        "select a.anchor_date, count(*) from articles a where a.anchor_date is not null"
        + (f" and a.anchor_date in ({','.join('?' * len(days))})" if days is not None else "")
        + " and not exists (select 1 from day_refs r where r.article_id = a.id"
        " and r.day = a.anchor_date) group by a.anchor_date",
        params,
    ).fetchall()
    later: dict[str, tuple[int, int]] = {d: (int(n), int(k or 0)) for d, n, k in refs}
    published = {str(d)[:10]: int(n) for d, n in pubs}
    return {
        d: day_weight(*later.get(d, (0, 0)), published.get(d, 0))
        for d in sorted(set(later) | set(published))
    }


def central(sentences: Sequence[str]) -> int:
    """Index of the sentence closest to all the others (most shared content words,
    Dice over stemmed words); the first on ties and when there are fewer than three."""
    words = [frozenset(map(stem, tokens(s))) for s in sentences]
    if len(words) < 3:
        return 0
    scores = [sum(dice(w, o) for j, o in enumerate(words) if j != i) for i, w in enumerate(words)]
    return max(range(len(words)), key=lambda i: (scores[i], -i))


def reads_as_news(sentence: str) -> bool:
    """A sentence a day's entry can quote: long enough, no question or teaser, not told
    in the first person outside quotation marks (see `news.is_lead_candidate`).
    The event layer is imported here, not with the module: opening a database needs
    none of its patterns."""
    from tracker.extract.events.chrome import tells_nothing
    from tracker.extract.events.clauses import analyse
    from tracker.extract.events.news import is_lead_candidate

    return not tells_nothing(sentence) and is_lead_candidate(
        analyse(sentence, 0, len(sentence), [])
    )


def short_title(sentence: str) -> str:
    words = sentence.split()
    if len(words) <= TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + " …"


def refresh_day_events(db: Database, days: Iterable[str]) -> tuple[list[int], set[int]]:
    """Create the day events ``days`` now need and drop those they no longer need.

    Returns (new event ids, ids of the stories that lost a day event): the
    caller fuses the first and rebuilds the second.
    """
    created: list[int] = []
    lost: set[int] = set()
    wanted = sorted({d for d in days if d and _DAY.match(d)})
    for i in range(0, len(wanted), _CHUNK):  # SQLite caps the parameters of one statement
        made, gone = _refresh_days(db, wanted[i : i + _CHUNK])
        created += made
        lost |= gone
    return created, lost


_CHUNK = 500


def _refresh_days(db: Database, wanted: list[str]) -> tuple[list[int], set[int]]:
    weights = day_weights(db, wanted)
    existing: dict[str, tuple[int, bool]] = {}
    for event_id, key, touched in db.execute(
        "select e.id, e.key, e.deleted or exists (select 1 from edits d where"
        " d.article_id = e.article_id and d.event_key = e.key) from events e"
        f" where e.created_by = 'story' and e.key in ({','.join('?' * len(wanted))})",
        [f"day:{d}" for d in wanted],
    ):
        existing[str(key)[4:]] = (int(event_id), bool(touched))
    shown = _days_with_stories(db, wanted)
    dropped = [
        have[0]
        for d, have in existing.items()
        if weights.get(d, 0.0) < DAY_EVENT_WEIGHT and not have[1]
    ]
    bare = [
        d
        for d in wanted
        if d not in existing and d not in shown and weights.get(d, 0.0) >= DAY_EVENT_WEIGHT
    ]
    created = [_make_day_event(db, d, rows) for d, rows in _sentences_for(db, bare).items()]
    lost: set[int] = set()
    if dropped:
        lost = {
            int(r[0])
            for r in db.execute(
                f"select story_id from story_members where event_id in ({','.join('?' * len(dropped))})"
                " and story_id is not null",
                dropped,
            )
        }
        delete_day_events(db, dropped)
    return created, lost


def _days_with_stories(db: Database, days: Sequence[str]) -> set[str]:
    """Days a visible fused event is dated on (a time of day counts for its day)."""
    return {
        str(r[0])
        for r in db.execute(
            f"select s.start_day from stories s where s.start_day in ({','.join('?' * len(days))})"
            " and s.granularity in ('day', 'time') and exists (select 1 from story_members sm"
            " join events e on e.id = sm.event_id where sm.story_id = s.id and e.deleted = 0)",
            list(days),
        )
    }


#: (article id, sentence start, end, timex start, end, timex, sentence, article date)
_Row = tuple[int, int, int, int, int, str, str, str | None]


def _sentences_for(db: Database, days: Sequence[str]) -> dict[str, list[_Row]]:
    """For each day, the sentences naming it that no event was built on; failing those,
    the leads of the articles published on it. Days with neither are left out."""
    out: dict[str, list[_Row]] = {}
    for i in range(0, len(days), 500):
        chunk = list(days[i : i + 500])
        for day, *row in db.execute(
            "select r.day, r.article_id, r.sentence_start, r.sentence_end, r.timex_start,"
            " r.timex_end, r.timex, substr(a.text, r.sentence_start + 1,"
            " r.sentence_end - r.sentence_start), a.anchor_date"
            " from day_refs r join articles a on a.id = r.article_id"
            f" where r.day in ({','.join('?' * len(chunk))}) and not exists (select 1 from"
            " passages p join events e on e.id = p.event_id where p.article_id = r.article_id"
            " and p.sentence_start = r.sentence_start and e.created_by != 'story')"
            " order by r.day, a.anchor_date, r.article_id, r.sentence_start",
            chunk,
        ):
            out.setdefault(str(day), []).append(tuple(row))
        rest = [d for d in chunk if d not in out]
        if not rest:
            continue
        for article_id, title, text, published in db.execute(
            "select id, title, text, anchor_date from articles"
            f" where anchor_date in ({','.join('?' * len(rest))}) order by anchor_date, id",
            rest,
        ):
            lead = _lead(str(text), str(title or ""), _taken(db, int(article_id)))
            if lead is not None:
                s0, s1 = lead
                out.setdefault(str(published), []).append(
                    (int(article_id), s0, s1, s0, s0, "", str(text)[s0:s1], str(published))
                )
    return out


def _make_day_event(db: Database, day: str, rows: list[_Row]) -> int:
    """A day event for ``day`` from the most central of its sentences (`_sentences_for`)."""
    quotes = [" ".join(r[6].split()) for r in rows]
    # Among the sentences naming the day, what reads as news: not a question or a
    # teaser, not the first person (a column's "I watched", a quote's "We will").
    # Failing any, the day still gets its event from what there is.
    told = [i for i, q in enumerate(quotes) if reads_as_news(q)] or list(range(len(quotes)))
    best = told[central([quotes[i] for i in told])]
    article_id, s0, s1, t0, t1, timex = rows[best][:6]
    # Named only ahead of it (a vote "due on 4 November"): planned, not yet reported.
    ahead = all(r[7] is not None and str(r[7]) < day for r in rows)
    ref = DayRef(day, int(s0), int(s1), int(t0), int(t1), str(timex))
    return insert_day_event(
        db,
        int(article_id),
        ref,
        short_title(quotes[best]),
        quotes[best],
        modality="planned" if ahead else "reported",
    )


def _taken(db: Database, article_id: int) -> set[tuple[int, int]]:
    """Sentences of an article that name a day or that an event was built on."""
    return {
        (int(a), int(b))
        for a, b in db.execute(
            "select sentence_start, sentence_end from day_refs where article_id = ? union"
            " select sentence_start, sentence_end from passages where article_id = ?",
            [article_id, article_id],
        )
    }


_OPENING = 2000


def _lead(text: str, title: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The first sentence of an article's body: its lead, the summary of its news
    (the headline, a dateline or a byline of a few words is not it). A sentence in
    ``taken`` (one naming a day, or already an event's) is about another day's news."""
    from tracker.extract.sentences import split_sentences
    from tracker.ingest.chrome import find_chrome, mask

    head = " ".join(title.split())
    # The lead is near the top: split only the opening (its last span may be cut short),
    # its page chrome blanked: a dateline's "Tuesday 3 May 2005 08.43 BST" is no part of it.
    top = text[:_OPENING]
    chrome = find_chrome(top)
    opening = split_sentences(mask(top, chrome))
    if len(text) > _OPENING:
        opening = opening[:-1]
    # What runs into chrome on its line ("Headline Standfirst Tuesday 3 May 2005 08.43
    # BST ...") is the headline's matter, not the body's first sentence.
    chrome_starts = {a for a, _ in chrome}
    for s0, s1 in opening[:6]:
        sentence = " ".join(text[s0:s1].split())
        after = len(top) - len(top[s1:].lstrip(" \t"))  # the next thing on the line
        if any(k in chrome_starts for k in range(s1, after + 1)):
            continue  # chrome follows on the same line
        if sentence != head and len(sentence.split()) >= LEAD_WORDS and (s0, s1) not in taken:
            return s0, s1
    return None
