"""Curation specs: stars, hidden events, tags, named periods and saved views (issue 14 item 7).

All of them are keyed like edits, so re-extracting an article keeps them.
"""

from __future__ import annotations

import pytest
from test_store import TEXT, _db_with_article, _meeting_and_gathering

from tracker import services
from tracker.model import Actor
from tracker.store import events as event_store
from tracker.store.curation import NamedPeriod
from tracker.store.events import EventFilter


def given_two_events():
    db, aid = _db_with_article()
    event_store.replace_extracted(db, aid, _meeting_and_gathering(), TEXT)
    ids = {e.title: e.id for e in event_store.query_events(db)}
    return db, aid, ids


def when_re_extracted(db, aid):
    event_store.replace_extracted(db, aid, _meeting_and_gathering(), TEXT)
    return {e.title: e for e in event_store.query_events(db, EventFilter(include_hidden=True))}


def test_a_starred_event_stays_starred_through_re_extraction_and_unstars_on_undo():
    db, aid, ids = given_two_events()
    services.flag_events(db, {ids["Ministers meet"]: True}, "starred")
    assert when_re_extracted(db, aid)["Ministers meet"].starred
    assert [e.title for e in services.list_events(db, EventFilter(starred=True))] == [
        "Ministers meet"
    ]
    services.flag_events(db, {ids["Ministers meet"]: False}, "starred")  # the undo
    assert not when_re_extracted(db, aid)["Ministers meet"].starred


def test_hidden_events_leave_the_list_and_the_export_and_can_be_shown_again(tmp_path):
    db, aid, ids = given_two_events()
    services.flag_events(db, {ids["Leaders gather"]: True}, "hidden")
    assert [e.title for e in services.list_events(db)] == ["Ministers meet"]
    shown = when_re_extracted(db, aid)
    assert shown["Leaders gather"].hidden
    out = tmp_path / "v.csv"
    assert services.export_events(db, out, "csv", EventFilter(include_hidden=True)) == 1
    services.flag_events(db, {ids["Leaders gather"]: False}, "hidden")
    assert len(services.list_events(db)) == 2


def test_tags_have_colours_filter_and_survive_re_extraction():
    db, aid, ids = given_two_events()
    services.tag_events(db, [ids["Ministers meet"]], "summit")
    services.set_tag_colour(db, "summit", "#c0392b")
    tagged = when_re_extracted(db, aid)["Ministers meet"]
    assert tagged.tags == (("summit", "#c0392b"),)
    assert [e.title for e in services.list_events(db, EventFilter(tag="summit"))] == [
        "Ministers meet"
    ]
    services.tag_events(db, [ids["Ministers meet"]], "summit", on=False)
    assert services.list_events(db, EventFilter(tag="summit")) == []


def test_named_periods_are_stored_checked_and_removed():
    db, _aid, _ids = given_two_events()
    pid = services.add_period(db, NamedPeriod(None, "Minsk talks", "2014-09-05", "2015-02-12"))
    (p,) = services.list_periods(db)
    assert (p.name, p.start_day, p.end_day) == ("Minsk talks", "2014-09-05", "2015-02-12")
    services.remove_period(db, pid)
    assert services.list_periods(db) == []
    services.add_period(db, p)  # undo puts it back with its id
    assert services.list_periods(db) == [p]
    with pytest.raises(ValueError):
        services.add_period(db, NamedPeriod(None, "Backwards", "2015", "2014"))
    with pytest.raises(ValueError):
        services.add_period(db, NamedPeriod(None, "Nonsense", "soon", "2014"))


def test_saved_views_keep_filters_lanes_and_range_by_name():
    db, _aid, _ids = given_two_events()
    state = {"filter": {"actor": "NATO"}, "lanes": "actor", "range": [1.0, 2.0]}
    services.save_view(db, "NATO lanes", state)
    assert services.list_views(db) == ["NATO lanes"]
    assert services.load_view(db, "NATO lanes") == state
    services.delete_view(db, "NATO lanes")
    assert services.load_view(db, "NATO lanes") is None


def test_search_finds_events_by_actor_and_place_not_by_their_article():
    db, aid, ids = given_two_events()
    event_store._set_actors(db, ids["Ministers meet"], [("Josep Borrell", "person")])
    db.execute("update events set location = 'Brussels' where id = ?", [ids["Leaders gather"]])
    assert [e.title for e in services.list_events(db, EventFilter(search="Borrell"))] == [
        "Ministers meet"
    ]
    found = {e.title for e in services.list_events(db, EventFilter(search="Brussels"))}
    assert "Leaders gather" in found
    assert Actor  # the model's actor type is what the store fills


def test_an_event_added_by_hand_survives_re_extraction_and_links_its_passage():
    db, aid, _ids = given_two_events()
    fields, source = services.event_from_selection(db, aid, 29, 45)  # "13 November 2024"
    assert fields["date"] == "2024-11-13" and source.text == "13 November 2024"
    assert "Ministers met in Brussels" in source.quote
    fields["title"] = "Ministers meet again"
    new_id = services.add_event(db, fields, source)
    after = when_re_extracted(db, aid)
    assert after["Ministers meet again"].id == new_id
    assert after["Ministers meet again"].created_by == "user"
    assert after["Ministers meet again"].passages[0].timex == "13 November 2024"
    loose = services.add_event(db, {"title": "Talks resume", "date": "2025-01"})
    ev = services.get_event(db, loose)
    assert ev.article_title == "Events added by hand" and ev.date == "2025-01"
