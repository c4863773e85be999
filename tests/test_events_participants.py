"""Participants, open-world names, roles and the day's news (issue 11, items 2-5)."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from test_events_support import events, only

from tracker import store
from tracker.extract.events.actors import ArticleActors
from tracker.extract.events.names import find_names
from tracker.extract.events.noise import QUIET, quiet_topic
from tracker.model import Article
from tracker.resources import resource_path
from tracker.store import articles as article_store
from tracker.store import events as event_store
from tracker.store.events import EventFilter, actor_matches


def _name_examples() -> list[tuple[str, str, str, str]]:
    rows = []
    path = resource_path("gazetteers", "name_examples.tsv")
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#"):
                rows.append(tuple((row + [""] * 4)[:4]))
    return rows


@pytest.mark.parametrize(("sentence", "actor", "kind", "role"), _name_examples())
def test_the_name_rules_examples(sentence, actor, kind, role):
    """Every example line of the name rules' data runs as a test."""
    found = ArticleActors(sentence)
    kinds = {m.name: m.kind for m in found.mentions}
    assert kinds.get(actor) == kind, kinds
    assert found.roles.get(actor, "") == role


def test_an_acronym_defined_in_the_text_is_a_short_form_of_the_full_name():
    text = (
        "The Northern Grain Authority (NGA) cut its forecast. The NGA said more cuts were likely."
    )
    names = find_names(text)
    assert [n.name for n in names] == ["Northern Grain Authority"] * 2
    assert ArticleActors(text).aliases_of("Northern Grain Authority") == ("NGA",)


def test_a_name_never_runs_over_a_blank_line():
    text = "It bought jets from Coastline Air\n\nBrenholt Aviation has won an order."
    assert {m.name for m in ArticleActors(text).mentions} >= {"Coastline Air", "Brenholt Aviation"}


def test_the_title_of_office_is_split_off_as_the_actors_role():
    text = "Ostria Motors chief executive Lorenzo Bassi resigned on Friday."
    ev = only(events(text, ("Friday", "2024-11-08")))
    assert ev.title == "Bassi resigns"
    assert "Lorenzo Bassi" in ev.actors
    assert ev.actor_roles[ev.actors.index("Lorenzo Bassi")] == "chief executive"


def test_participants_are_who_the_clause_names_not_every_name_in_the_sentence():
    text = (
        "Germany, France and Italy watched closely as Serbia and Kosovo signed "
        "a border accord in Ohrid on Friday."
    )
    ev = events(text, ("Friday", "2024-11-08"))[0]
    assert {"Serbia", "Kosovo"} <= set(ev.actors)
    assert not {"Germany", "France", "Italy"} & set(ev.actors)


def test_the_agent_of_a_passive_takes_part():
    text = "Kestrel Records was bought by Meridale Bank in 1987 after a long dispute."
    ev = events(text, ("1987", "1987"))[0]
    assert ev.title == "Kestrel Records bought by Meridale Bank"
    assert ev.actors[:2] == ("Kestrel Records", "Meridale Bank")
    assert ev.actor_kinds[:2] == ("org", "org")


def test_the_lead_reports_the_day_s_news_dated_by_the_article():
    text = (
        "Brenholt Aviation wins jet order\n\n"
        "OSLO (Wire) - Brenholt Aviation has won an order for 40 regional jets from Coastline Air.\n\n"
        "The airline first flew the type in 2019."
    )
    evs = events(text, ("2019", "2019"), anchor=date(2025, 5, 20))
    news = [e for e in evs if e.dated_by == "publication"]
    assert len(news) == 1
    ev = news[0]
    assert (ev.date, ev.granularity, ev.timex) == ("2025-05-20", "day", "")
    assert ev.title == "Brenholt Aviation wins an order for 40 regional jets from Coastline Air"
    assert {"Brenholt Aviation", "Coastline Air"} <= set(ev.actors)
    assert ev.location == "Oslo"  # the dateline city
    assert text[ev.sentence_start : ev.sentence_end].startswith("OSLO (Wire) - Brenholt")


def test_background_plans_and_opinion_in_the_lead_are_not_the_day_s_news():
    text = (
        "The Meridale Bank had agreed to the merger years before.\n\n"
        "Meridale Bank could close a hundred branches.\n\n"
        "We think Meridale Bank was wrong to wait."
    )
    assert events(text, anchor=date(2025, 5, 20)) == []


def test_without_an_article_date_there_is_no_day_s_news():
    text = "Brenholt Aviation has won an order for 40 regional jets from Coastline Air."
    assert events(text, anchor=None) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "name", "aliases", "matches"),
    [
        ("Steve Jobs", "Steve Jobs", (), True),
        ("jobs", "Steve Jobs", (), True),  # a part of the name, any case
        ("IBM", "International Business Machines", ("IBM",), True),  # a short form
        ("the Beatles' Apple Corps", "Apple Corps", (), True),  # a fuller name
        ("iTunes store", "iTunes Music Store", (), True),  # its words in order
        ("iTunes store", "iTunes", (), True),  # a one-word name and a common noun
        ("iPhone 3G", "iPhone", (), False),  # not the model asked for
        ("Apple Corps", "Apple", (), False),
        ("Jobs", "Steve Wozniak", (), False),
    ],
)
def test_events_actor_matches_names_short_forms_and_fuller_names(query, name, aliases, matches):
    assert actor_matches(query, name, aliases) is matches


def test_roles_short_forms_context_and_publication_dating_are_stored():
    text = (
        "CEO Dana Whitcombe said Halvorsen Freight Corporation (HFC) closed two depots "
        "on 3 March 2025. The depots had lost money for years."
    )
    db = store.connect(memory=True)
    aid = article_store.insert_article(
        db, Article(id=None, title="Depots", text=text, anchor_date="2025-03-04", date_source="cli")
    )
    from tracker.extract import extract

    evs = list(extract(text, date(2025, 3, 4)).events)
    assert event_store.replace_extracted(db, aid, evs, text) >= 1
    [got] = event_store.query_events(db, EventFilter(actor="hfc"))
    assert got.title.startswith("Halvorsen Freight Corporation closes two depots")
    passage = got.passages[0]
    assert passage.quote.endswith("on 3 March 2025.")
    assert passage.context is not None and "lost money" in passage.context
    assert got.dated_by == "text"


def _noise_examples() -> list[tuple[str, str]]:
    rows = []
    with open(resource_path("gazetteers", "noise_examples.tsv"), encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#"):
                rows.append(((row + [""])[0], (row + [""])[1]))
    return rows


@pytest.mark.parametrize(("sentence", "topic"), _noise_examples())
def test_the_quiet_topics_examples(sentence, topic):
    """Every example line of the quiet topics' data runs as a test."""
    assert (quiet_topic(sentence) or "") == topic


def test_a_market_report_is_the_least_important_entry_and_a_contract_month_no_date():
    text = (
        "Turkey and Ukraine signed a grain deal in Istanbul on Tuesday. "
        "December wheat futures edged lower on Tuesday as traders took profits."
    )
    evs = events(
        text,
        ("Tuesday", "2024-11-12"),
        ("December", "2024-12"),
        ("Tuesday", "2024-11-12", "DATE", 1),
    )
    assert "2024-12" not in {e.date for e in evs}  # "December wheat" names a contract
    deal = next(e for e in evs if "grain deal" in e.title)
    market = next(e for e in evs if "wheat" in e.title.lower() or "futures" in e.title.lower())
    assert market.importance == QUIET < deal.importance
