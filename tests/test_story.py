"""Fused events across articles: one event per happening, its sources, its importance.

Every corpus here is written for these tests: small named helpers build
"five articles report one summit", "two meetings on one day", "a look back
months later".
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from datetime import date

import pytest
from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles

from tracker import services
from tracker.cli import main
from tracker.export.csv_writer import write_csv
from tracker.model import Event, Period
from tracker.story import Evidence, importance
from tracker.story.evidence import Member, text_words
from tracker.story.fusion import fuse
from tracker.story.refresh import _neighbourhood

# --- corpus helpers -----------------------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    database = services.open_db(tmp_path / "story.db")
    yield database
    database.close()


def the_events(db, **kw) -> list[Event]:
    return services.list_events(db, **kw)


def the_summit(db) -> list[Event]:
    """The fused summit events: the reports' follow-on sentences ("the talks lasted
    six hours") are events of their own since the event layer reads narrative."""
    return [e for e in the_events(db) if any(a.name == "Sergei Lavrov" for a in e.actors)]


def event_on(db, day: str) -> list[Event]:
    return [e for e in the_events(db) if e.date == day]


# --- fusion -------------------------------------------------------------------------------


def test_five_reports_of_one_summit_become_one_event_with_five_sources(db):
    articles = given_articles(db, SUMMIT_REPORTS)
    events = the_summit(db)
    assert len(events) == 1
    summit = events[0]
    assert summit.date == "2023-05-10"
    assert summit.type == "meeting"
    assert summit.location == "Ankara"
    assert summit.source_count == 5
    # every report stays linked to its own article
    assert sorted({p.article_id for p in summit.passages}) == sorted(articles)
    assert len(summit.member_ids) == 5
    # Its title is a report's that says who met, not the bare "Summit in Ankara".
    assert "Kuleba" in summit.title and "Lavrov" in summit.title


def test_the_wrong_date_is_kept_as_a_disagreement_not_averaged_away(db):
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    assert summit.date == "2023-05-10"
    assert summit.other_dates == (("2023-05-08", 1),)
    out = io.StringIO()
    write_csv([summit], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["other_dates"] == "2023-05-08 (1 source)"
    assert row["source_count"] == "5"


def test_two_meetings_on_one_day_with_the_same_people_stay_apart(db):
    given_articles(
        db,
        [
            (
                date(2024, 3, 5),
                "Envoys discuss prisoner exchange in Geneva",
                "Antony Blinken and Sergei Lavrov met in Geneva on Monday to discuss a "
                "prisoner exchange.",
            ),
            (
                date(2024, 3, 5),
                "Arms control talks held in Vienna",
                "Antony Blinken and Sergei Lavrov met in Vienna on Monday for arms control "
                "talks on nuclear warheads.",
            ),
        ],
    )
    events = event_on(db, "2024-03-04")
    assert len(events) == 2
    assert {e.location for e in events} == {"Geneva", "Vienna"}
    assert all(e.source_count == 1 for e in events)


def test_one_happening_named_in_passing_by_several_articles_is_one_event(db):
    given_articles(
        db,
        [
            (
                date(2024, 6, 3),
                "Ports tighten checks",
                "Harbour police have searched every container since the March 4 explosion "
                "in Rotterdam, officials said.",
            ),
            (
                date(2024, 6, 10),
                "Insurers count the cost",
                "Claims filed after the explosion of March 4 reached a record, the "
                "association reported.",
            ),
            (
                date(2024, 6, 12),
                "A quiet summer at the docks",
                "Traffic has not recovered from the March 4 explosion, traders complained.",
            ),
        ],
    )
    [explosion] = [e for e in the_events(db) if e.date == "2024-03-04"]
    assert explosion.source_count == 3
    assert "explosion" in explosion.title.lower()


def test_a_look_back_months_later_counts_as_a_later_source(db):
    given_articles(db, SUMMIT_REPORTS[1:2])
    before = the_events(db)[0].importance
    given_articles(
        db,
        [
            (
                date(2023, 9, 20),
                "Grain corridor collapses",
                "The corridor agreed when Dmytro Kuleba and Sergei Lavrov met in Ankara on "
                "10 May 2023 to reopen grain exports has collapsed.",
            )
        ],
    )
    looked_back = [e for e in the_events(db) if e.date == "2023-05-10"]
    assert len(looked_back) == 1
    assert looked_back[0].source_count == 2
    assert looked_back[0].importance > before


def test_members_far_apart_or_elsewhere_never_fuse():
    def member(i: int, day: str, place: str | None) -> Member:
        from tracker.model import Period

        return Member(
            event_id=i,
            article_id=i,
            period=Period.parse(day),
            type="meeting",
            modality="reported",
            location=place,
            actors=frozenset({"lavrov"}),
            words=text_words("talks on grain corridor", "", ["Lavrov"]),
        )

    groups = fuse(
        [
            member(1, "2023-05-10", "Ankara"),
            member(2, "2023-05-10", "Ankara"),
            member(3, "2023-05-10", "Geneva"),
            member(4, "2023-06-10", "Ankara"),
        ]
    )
    assert sorted(sorted(m.event_id for m in g) for g in groups) == [[1, 2], [3], [4]]


def test_fusion_does_not_depend_on_the_order_reports_come_in():
    from tracker.model import Period

    members = [
        Member(
            event_id=i,
            article_id=i,
            period=Period.parse(day),
            type="meeting",
            modality="reported",
            location=None,
            actors=frozenset({"kuleba"}),
            words=text_words("summit on the grain corridor", "", []),
        )
        for i, day in enumerate(["2023-05-10", "2023-05-11", "2023-05-10", "2023-05-25"], 1)
    ]
    one = sorted(sorted(m.event_id for m in g) for g in fuse(members))
    two = sorted(sorted(m.event_id for m in g) for g in fuse(list(reversed(members))))
    assert one == two == [[1, 2, 3], [4]]


# --- salience -----------------------------------------------------------------------------


def test_a_day_beats_a_month_beats_a_year_with_the_same_evidence():
    day, month, year = (
        importance(Evidence(sources=3, granularity=g)) for g in ("day", "month", "year")
    )
    assert day > month > year


def test_a_vague_event_never_outranks_a_dated_one_with_real_support():
    dated = importance(Evidence(sources=2, granularity="day"))
    vague = importance(Evidence(sources=50, later_sources=50, lead=1.0, granularity="month"))
    assert dated > vague


def test_reported_beats_planned_beats_hypothetical():
    scores = [
        importance(Evidence(sources=2, granularity="day", modality=m))
        for m in ("reported", "planned", "hypothetical")
    ]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 3


def test_more_independent_sources_and_later_looks_back_raise_importance():
    base = importance(Evidence(sources=1, granularity="day"))
    assert importance(Evidence(sources=4, granularity="day")) > base
    assert importance(Evidence(sources=1, later_sources=2, granularity="day")) > base
    assert 0.0 <= base <= 1.0


# --- key events ---------------------------------------------------------------------------


def test_top_k_lists_the_most_important_events_first(db, tmp_path, capsys):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    top = services.list_events(db, top=2)
    assert len(top) == 2
    assert top[0].date == "2023-05-10" and top[0].source_count == 5
    assert top[0].importance >= top[1].importance
    assert main(["events", "--db", str(tmp_path / "story.db"), "--json", "--top", "1"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["date"] for e in listed] == ["2023-05-10"]
    assert listed[0]["source_count"] == 5
    assert len(listed[0]["passages"]) >= 5
    assert listed[0]["other_dates"] == [{"date": "2023-05-08", "sources": 1}]


def test_export_top_k_writes_the_same_rank_order_as_csv(db, tmp_path):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    out = tmp_path / "top.csv"
    assert (
        main(["export", "--db", str(tmp_path / "story.db"), "--out", str(out), "--top", "2"]) == 0
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    ranked = services.list_events(db, top=2)
    assert len(ranked) == 2  # else two empty lists would agree
    assert [int(r["event_id"]) for r in rows] == [e.id for e in ranked]


# --- incremental and user edits -----------------------------------------------------------


def test_new_articles_only_re_fuse_the_days_near_them(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    far = [e for e in the_events(db) if e.date and e.date < "2023-03-01"]
    assert far
    seeds = [(0, "2023-05-11", "2023-05-11", "2023-05-11")]
    near = _neighbourhood(db, seeds)
    assert near and not near & {m for e in far for m in e.member_ids}


def test_story_ids_stay_when_unrelated_articles_arrive(db):
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    given_articles(db, OTHER_NEWS)
    again = the_summit(db)
    assert [e.story_id for e in again] == [summit.story_id]
    assert again[0].id == summit.id


def test_a_split_report_stays_apart_after_re_dating(db):
    articles = given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    odd = next(m for m in summit.member_ids if m != summit.id)
    services.split_event(db, odd)
    assert len(the_summit(db)) == 2
    services.reanchor(db, articles[0], date(2023, 5, 11))
    assert len(the_summit(db)) == 2


def test_merged_events_stay_merged_and_deleted_ones_stay_deleted(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    budget = next(e for e in the_events(db) if "budget" in e.title.lower())
    storm = next(e for e in the_events(db) if "storm" in (e.title + e.passages[0].quote).lower())
    services.merge_events(db, [budget.id, storm.id])
    merged = services.get_event(db, budget.id)
    assert merged is not None and set(merged.member_ids) >= {budget.id, storm.id}
    (summit,) = the_summit(db)
    services.delete_event(db, summit.id)
    assert not the_summit(db)
    # re-extraction of every article keeps both corrections
    for a in services.list_articles(db):
        services.reanchor(db, a.id, date.fromisoformat(a.anchor_date))
    assert not the_summit(db)
    merged = services.get_event(db, budget.id)
    assert merged is not None and set(merged.member_ids) >= {budget.id, storm.id}
    services.restore_event(db, summit.id)
    (back,) = the_summit(db)
    assert back.source_count == 5


def test_an_event_splits_into_its_reports_and_the_grouping_comes_back(db):
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    before = services.grouping_of(db, [summit.id])
    assert sorted(before) == sorted(summit.member_ids) and set(before.values()) == {None}
    count = len(the_events(db))
    services.split_reports(db, summit.id)
    assert len(the_events(db)) == count + 4
    for member in summit.member_ids:
        assert services.get_event(db, member).member_ids == (member,)
    services.restore_grouping(db, before)
    (again,) = the_summit(db)
    assert sorted(again.member_ids) == sorted(summit.member_ids)


def test_a_merge_is_undone_by_restoring_the_grouping_it_replaced(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    budget = next(e for e in the_events(db) if "budget" in e.title.lower())
    (summit,) = the_summit(db)
    odd = next(m for m in summit.member_ids if m != summit.id)
    services.split_event(db, odd)  # a user grouping the undo must keep
    count = len(the_events(db))
    before = services.grouping_of(db, [budget.id, odd])
    assert before[odd] is not None and before[budget.id] is None
    services.merge_events(db, [budget.id, odd])
    assert len(the_events(db)) == count - 1
    services.restore_grouping(db, before)
    assert len(the_events(db)) == count
    assert len(the_summit(db)) == 2  # the split still holds
    assert services.get_event(db, budget.id).member_ids == (budget.id,)


def test_an_edited_title_wins_over_every_source(db):
    given_articles(db, SUMMIT_REPORTS[:3])
    (summit,) = the_summit(db)
    services.edit_event(db, summit.id, title="Grain corridor summit")
    given_articles(db, SUMMIT_REPORTS[3:])
    (summit,) = the_summit(db)
    assert summit.title == "Grain corridor summit"
    assert summit.source_count == 5


def test_importing_one_more_article_fuses_only_the_reports_near_its_dates(db, monkeypatch):
    months = [date(2021 + i // 12, i % 12 + 1, 14) for i in range(24)]
    given_articles(
        db,
        [
            (
                day,
                f"Port reopens after repairs {i}",
                f"The port of Tallinn reopened on Tuesday after repairs, harbour master {i} said.",
            )
            for i, day in enumerate(months)
        ],
    )
    seen: list[int] = []
    refresh_module = importlib.import_module("tracker.story.refresh")  # not the function
    real_fuse = refresh_module.fuse

    def counting_fuse(members):
        members = list(members)
        seen.append(len(members))
        return real_fuse(members)

    monkeypatch.setattr(refresh_module, "fuse", counting_fuse)
    given_articles(db, [(months[5], "Port reopens again", OTHER_NEWS[1][2])])
    assert seen and seen[-1] <= 3  # its own report and the one report of that week
    assert len(the_events(db)) >= 24


def test_an_actor_filter_finds_the_fused_event_by_a_short_form_in_any_case(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    found = services.list_events(db, services.EventFilter(actor="lavrov"))
    assert found and all(any(a.name == "Sergei Lavrov" for a in e.actors) for e in found)
    assert services.list_events(db, services.EventFilter(actor="Nobody Atall")) == []


def test_new_reports_of_a_deleted_happening_stay_deleted_with_it(db):
    given_articles(db, SUMMIT_REPORTS[:2] + OTHER_NEWS)
    (summit,) = the_summit(db)
    services.delete_event(db, summit.id)
    before = {e.id for e in the_events(db)}
    # Three more articles report the deleted summit; one also has other news.
    later = given_articles(db, SUMMIT_REPORTS[2:])
    assert not the_summit(db)
    added = [e for e in the_events(db) if e.id not in before]
    assert added and all(e.article_id in later for e in added)  # their other news shows
    assert not any("Ankara" in e.title for e in added)
    # A re-extraction keeps them hidden; restoring the happening brings every report back.
    for a in later:
        services.reanchor(db, a, date.fromisoformat(services.get_article(db, a).anchor_date))
    assert not the_summit(db)
    # The list of deleted events has it once, with every report hidden with it.
    (gone,) = services.deleted_happenings(db)
    assert gone.reports == 5 and gone.date == "2023-05-10" and gone.deleted_at
    services.restore_event(db, gone.event_id)
    (back,) = the_summit(db)
    assert back.source_count == 5
    assert services.deleted_happenings(db) == []


def test_an_import_says_how_many_reports_it_hid_with_a_deleted_happening(db, tmp_path, capsys):
    given_articles(db, SUMMIT_REPORTS[:2] + OTHER_NEWS)
    (summit,) = the_summit(db)
    services.delete_event(db, summit.id)
    # One article pasted in: its summit report hides, its other news does not count.
    published, headline, body = SUMMIT_REPORTS[2]
    pasted = services.import_text(
        db, text=f"{headline}\n\n{body}\n", title=headline, anchor=published
    )
    assert pasted.status == "imported" and pasted.hidden == 1
    shown = services.list_events(db, services.EventFilter(article_id=pasted.article_id))
    assert shown and not any("Ankara" in (e.location or "") for e in shown)  # the rest shows
    # A batch of files: each file's result says so; news of another day hides nothing.
    files = []
    for i, (published, headline, body) in enumerate(SUMMIT_REPORTS[3:] + [OTHER_NEWS[0]]):
        f = tmp_path / f"report{i}.txt"
        f.write_text(f"{headline}\n{published.isoformat()}\n\n{body} Anything else.\n")
        files.append(f)
    results = services.import_paths(db, files)
    assert [r.status for r in results] == ["imported"] * 3
    assert [r.hidden > 0 for r in results] == [True, True, False]
    assert not the_summit(db)
    # The command line says it too, on the file's line.
    other = tmp_path / "cli.db"
    assert main(["--db", str(other), "import", str(files[0])]) == 0
    odb = services.open_db(other)
    (first,) = services.list_events(odb)  # the summit, told in a look back
    services.delete_event(odb, first.id)
    odb.close()
    capsys.readouterr()
    assert main(["--db", str(other), "import", str(files[1])]) == 0
    line = capsys.readouterr().out
    assert "report1.txt" in line and "1 hidden with happenings you deleted" in line


def _report(event_id: int, **kw) -> Member:
    return Member(
        event_id=event_id,
        article_id=event_id,
        period=Period.parse("2023-05-10"),
        type="meeting",
        modality="reported",
        location="Ankara",
        actors=frozenset({"lavrov", "kuleba"}),
        words=frozenset({"grain", "corridor", "summit"}),
        **kw,
    )


def test_a_deleted_happening_takes_only_reports_new_since_its_deletion():
    deleted = [
        _report(1, pin="deleted-7", story_id=7, deleted_at="2024-03-01T10:00:00+00:00"),
        _report(2, pin="deleted-7", story_id=7, deleted_at="2024-03-01T10:00:05+00:00"),
    ]
    after = _report(3, added="2024-03-01T10:00:05+00:00")
    before = _report(4, added="2024-03-01T10:00:04+00:00")  # no story: an import cut short
    shown = _report(5, added="2024-03-02T08:00:00+00:00", story_id=9)  # the user saw it
    groups = fuse([*deleted, after, before, shown])
    by_event = {m.event_id: tuple(sorted(o.event_id for o in g)) for g in groups for m in g}
    assert by_event[3] == (1, 2, 3)
    assert by_event[4] == by_event[5] == (4, 5)  # together, as without the deleted happening
