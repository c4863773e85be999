"""Days the articles point at: day references, day weight, and events for referred-to days.

Every corpus here is written for these tests: a vote that later articles keep
referring back to, a busy day of publications that nobody mentions again, a
ceasefire day named in several later articles' background sentences.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker import extract, services, story
from tracker.model import Article
from tracker.store import articles as article_store
from tracker.store.dayrefs import replace_day_refs
from tracker.story import Evidence, importance
from tracker.story.days import central, day_weights
from tracker.story.salience import day_weight


@pytest.fixture
def db(tmp_path):
    database = services.open_db(tmp_path / "days.db")
    yield database
    database.close()


# --- the weight of a day (pure) -----------------------------------------------------------


def test_a_day_referred_back_to_outweighs_a_day_only_published_on():
    looked_back = day_weight(referring=3, referring_later=3, published_only=0)
    published = day_weight(referring=0, referring_later=0, published_only=3)
    named_ahead = day_weight(referring=3, referring_later=0, published_only=0)
    assert looked_back > named_ahead == published > 0
    assert day_weight(0, 0, 0) == 0


def test_later_references_can_not_exceed_references():
    assert day_weight(referring=1, referring_later=5, published_only=0) == day_weight(1, 1, 0)


def test_the_day_weight_raises_importance_only_as_far_as_the_saturation_allows():
    alone = importance(Evidence(sources=1, granularity="day"))
    pointed_at = importance(Evidence(sources=1, day_weight=4.0, granularity="day"))
    assert alone < pointed_at < 1.0
    # A month pointed at by everything still never beats a day with support.
    month = importance(Evidence(sources=1, day_weight=100.0, granularity="month"))
    assert month < importance(Evidence(sources=2, granularity="day"))


def test_the_most_central_sentence_shares_most_words_with_the_others():
    sentences = [
        "Markets rallied in Tokyo on Monday.",
        "The central bank cut its lending rate on Monday to calm markets.",
        "On Monday the central bank cut the rate by half a point.",
        "Analysts said the central bank rate cut on Monday came early.",
    ]
    assert central(sentences) in (1, 2, 3)
    assert central(sentences) != 0
    assert central(["only one"]) == 0


# --- day references at import -------------------------------------------------------------

VOTE = date(2024, 3, 3)  # a Sunday

REFERRED_BACK = [
    (
        date(2024, 3, 3),
        "Parliament passes the water law",
        "Parliament passed the water law on Sunday after a night of debate in Valmora.",
    ),
    (
        date(2024, 3, 12),
        "Farmers count the cost of new water rules",
        "Since the March 3 vote, farmers near the river have had to apply for permits.\n"
        "Many say the forms are too long.",
    ),
    (
        date(2024, 3, 25),
        "Water law faces its first court test",
        "Lawyers for the irrigation union argue that the law passed on March 3 broke the "
        "constitution.",
    ),
    (
        date(2024, 4, 9),
        "A month of the water law",
        "The water law, adopted on 3 March, has cut river use by a tenth, the agency says.",
    ),
]

BUSY_DAY = [
    (
        date(2024, 3, 18),
        f"Column {n}: thoughts on the season",
        f"Spring is the time for gardens, writes our columnist number {n}.\n"
        "Seeds are cheap and the soil is warm.",
    )
    for n in range(1, 6)
]


def import_all(db, reports) -> list[int]:
    ids = []
    for published, headline, body in reports:
        result = services.import_text(
            db, text=f"{headline}\n\n{body}\n", title=headline, anchor=published
        )
        assert result.status == "imported", result
        ids.append(result.article_id)
    return ids


def test_import_stores_every_day_an_article_names(db):
    (first,) = import_all(db, REFERRED_BACK[1:2])
    rows = db.execute(
        "select day, sentence_start, sentence_end from day_refs where article_id = ?", [first]
    ).fetchall()
    assert [r[0] for r in rows] == [VOTE.isoformat()]
    article = services.get_article(db, first)
    assert article is not None
    sentence = article.text[rows[0][1] : rows[0][2]]
    assert sentence.startswith("Since the March 3 vote") and sentence.endswith("permits.")


def test_re_dating_an_article_re_resolves_its_day_references(db):
    (one,) = import_all(db, REFERRED_BACK[:1])
    assert [r[0] for r in db.execute("select day from day_refs")] == ["2024-03-03"]
    services.reanchor(db, one, date(2024, 3, 12))  # "on Sunday" is now the 10th
    assert [r[0] for r in db.execute("select day from day_refs")] == ["2024-03-10"]


def test_a_day_later_articles_refer_back_to_outranks_a_day_only_published_on(db):
    import_all(db, REFERRED_BACK + BUSY_DAY)
    weights = day_weights(db)
    # Four articles name the vote, three of them looking back; five only publish on the 18th.
    assert weights[VOTE.isoformat()] > weights["2024-03-18"] > 0
    ranked = [e.date for e in services.list_events(db, top=50)]
    assert ranked.index(VOTE.isoformat()) < ranked.index("2024-03-18")


# --- day events ---------------------------------------------------------------------------

CEASEFIRE = "2024-06-02"
# Background sentences naming one day, in articles whose own news is elsewhere: the
# story layer is tested here on its own, with no extractor events stored at all.
BACKGROUND = [
    (date(2024, 6, 9), "The ceasefire of June 2 has held in the north, aid workers said."),
    (
        date(2024, 6, 15),
        "Since the June 2 ceasefire between the army and the rebels, "
        "the ceasefire has held and roads reopened.",
    ),
    (
        date(2024, 6, 20),
        "Both sides signed the ceasefire on June 2 in Tarsa, ending the army and rebels' fighting.",
    ),
]


def store_without_events(db, reports) -> list[int]:
    """Articles and their day references, as an import stores them, but no events."""
    ids = []
    with db.atomic():
        for published, text in reports:
            article_id = article_store.insert_article(
                db,
                Article(
                    id=None,
                    title=text[:30],
                    text=text,
                    anchor_date=published.isoformat(),
                    date_source="cli",
                ),
            )
            refs = story.day_refs_of(text, extract.find_timexes(text, published))
            replace_day_refs(db, article_id, refs)
            ids.append(article_id)
        story.refresh(db, article_ids=ids)
    return ids


def day_events(db, day: str | None = None) -> list:
    return [
        e
        for e in services.list_events(db)
        if e.created_by == "story" and (day is None or e.date == day)
    ]


def test_a_day_many_articles_refer_back_to_gets_an_event_from_its_central_sentence(db):
    store_without_events(db, BACKGROUND)
    (made,) = day_events(db, CEASEFIRE)
    assert made.granularity == "day" and made.modality == "reported"
    # The second sentence shares the most words with the other two.
    assert made.passages[0].quote.startswith("Since the June 2 ceasefire")
    assert made.passages[0].timex == "June 2"
    assert made.title.startswith("Since the June 2 ceasefire")


def test_a_day_event_quotes_a_report_rather_than_a_column_or_a_question(db):
    store_without_events(
        db,
        [
            # the most central sentence of the three, but a columnist's own voice
            (date(2024, 6, 9), "Since the June 2 ceasefire I have driven the north road twice."),
            (date(2024, 6, 15), "Will the June 2 ceasefire between the army and rebels hold?"),
            (date(2024, 6, 20), "Aid convoys reached Tarsa after the June 2 ceasefire."),
        ],
    )
    (made,) = day_events(db, CEASEFIRE)
    assert made.passages[0].quote.startswith("Aid convoys reached Tarsa")


def test_a_day_only_published_on_gets_an_event_from_its_lead(db):
    store_without_events(
        db,
        [
            (
                date(2024, 6, 5),
                "Aid convoy reaches Tarsa\n"
                "A convoy of forty trucks reached the besieged town of Tarsa with food and fuel.\n"
                "It was the first to get through.",
            )
        ],
    )
    (made,) = day_events(db, "2024-06-05")
    assert made.passages[0].quote.startswith("A convoy of forty trucks")
    assert made.passages[0].timex == ""


def test_a_lead_glued_to_its_headline_and_page_stamp_is_read_without_them(db):
    # A scraper's one line: headline, standfirst, the page's time stamp, then the lead,
    # which tells of the day before; the publication day's entry is no glued line.
    import_all(
        db,
        [
            (
                date(2024, 6, 5),
                "Aid reaches Tarsa",
                "Convoy gets through Trucks reach the town after a month "
                "Wednesday 5 June 2024 08.43 BST "
                "A convoy of forty trucks reached the besieged town of Tarsa yesterday.\n"
                "The town has been cut off from the coast since the spring floods.",
            )
        ],
    )
    shown = services.list_events(db)
    assert any(e.title.startswith("A convoy of forty trucks") for e in shown)
    for e in shown:  # no entry quotes the headline's matter or the stamp
        assert "BST" not in e.passages[0].quote and not e.title.startswith("Convoy gets")


def test_a_day_named_only_ahead_of_it_gets_a_planned_event_that_ranks_below(db):
    store_without_events(
        db,
        [
            (date(2024, 6, 1), "Talks are due to open in Tarsa on June 12, envoys said."),
            *BACKGROUND,
        ],
    )
    (ahead,) = day_events(db, "2024-06-12")
    assert ahead.modality == "planned"
    (looked_back,) = day_events(db, CEASEFIRE)
    assert looked_back.importance > ahead.importance


def test_a_lead_about_another_day_makes_no_event_for_its_publication_day(db):
    # Its one sentence names June 2: that day gets it; June 9 has nothing of its own.
    store_without_events(db, BACKGROUND[:1])
    assert {e.date for e in day_events(db)} == {CEASEFIRE}


def test_a_deleted_day_event_stays_deleted_when_more_articles_refer_to_its_day(db):
    store_without_events(db, BACKGROUND[:2])
    (made,) = day_events(db, CEASEFIRE)
    services.delete_event(db, made.id)
    store_without_events(db, BACKGROUND[2:])
    assert day_events(db, CEASEFIRE) == []


def test_a_day_with_an_event_of_its_own_gets_no_day_event(db):
    import_all(db, REFERRED_BACK)
    assert any(e.date == VOTE.isoformat() for e in services.list_events(db))
    assert day_events(db, VOTE.isoformat()) == []


def test_re_dating_the_article_behind_a_day_event_drops_it_from_the_old_day(db):
    # Published on Wednesday 12 June: "on Sunday" is the 9th; re-dated to the 20th, the 16th.
    (article,) = store_without_events(
        db, [(date(2024, 6, 12), "The truce signed on Sunday in Tarsa has held, monitors said.")]
    )
    assert [e.date for e in day_events(db)] == ["2024-06-09"]
    services.reanchor(db, article, date(2024, 6, 20))
    assert day_events(db, "2024-06-09") == []
    assert "2024-06-16" in {e.date for e in services.list_events(db)}


def test_a_day_event_can_be_edited_merged_and_split_like_any_event(db):
    store_without_events(db, BACKGROUND)
    import_all(db, [(date(2024, 6, 3), "Envoys in Tarsa", "Envoys arrived in Tarsa on Sunday.")])
    (made,) = day_events(db, CEASEFIRE)
    services.edit_event(db, made.id, title="Ceasefire signed in Tarsa")
    (made,) = day_events(db, CEASEFIRE)
    assert made.title == "Ceasefire signed in Tarsa"
    other = next(e for e in services.list_events(db) if e.created_by == "extractor")
    services.merge_events(db, [made.id, other.id])
    merged = [e for e in services.list_events(db) if made.id in e.member_ids]
    assert len(merged) == 1 and other.id in merged[0].member_ids
    services.split_event(db, made.id)
    assert [e for e in services.list_events(db) if made.id in e.member_ids][0].member_ids == (
        made.id,
    )


def test_refreshing_thousands_of_days_at_once_makes_only_the_events_needed(db):
    from datetime import timedelta

    from tracker.store.dayrefs import delete_day_events
    from tracker.story.days import refresh_day_events

    store_without_events(db, BACKGROUND[:1])
    delete_day_events(db, [e.id for e in day_events(db)])
    start = date(2020, 1, 1)
    days = [(start + timedelta(days=i)).isoformat() for i in range(2000)] + [CEASEFIRE]
    created, _lost = refresh_day_events(db, days)
    assert len(created) == 1
