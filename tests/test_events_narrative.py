"""Narrative time: undated sentences told after a dated one (issue 11, entity timelines).

News keeps a date as the time the story is told at until a new date appears,
and what the day's protagonist says and does in those sentences is part of the
person's timeline. Invented articles; timexes by hand (see test_events_support).
"""

from __future__ import annotations

from datetime import date

import pytest
from test_events_support import events

from tracker.extract.events.actors import ArticleActors
from tracker.extract.events.day_news import says_something

KEYNOTE = (
    "Varnholt Systems unveils folding tablet\n\n"
    "Varnholt Systems chief executive Mira Castell opened the company's developer "
    "conference in Lisbon with a keynote on Tuesday.\n\n"
    "The conference drew about 4,000 developers from forty countries this year.\n\n"
    "Prices of memory chips have risen sharply over the past year.\n\n"
    "Rival makers were not represented at the event.\n\n"
    "Several analysts expect tablet sales to slow.\n\n"
    "Castell demoed a keyboard that folds into the tablet's cover.\n\n"
    "She said that the company had shipped two million tablets since its launch.\n\n"
    "She said in an interview.\n\n"
)


def _by_sentence(start: str) -> list:
    evs = events(KEYNOTE, ("Tuesday", "2025-03-11"), anchor=date(2025, 3, 13))
    at = KEYNOTE.index(start)
    return [e for e in evs if e.sentence_start == at]


def test_what_the_protagonist_does_later_in_the_story_takes_the_day_it_is_told_at():
    [ev] = _by_sentence("Castell demoed")
    assert (ev.date, ev.timex, ev.dated_by) == ("2025-03-11", "Tuesday", "text")
    assert ev.actors == ("Mira Castell",)
    assert ev.title.startswith("Castell demoed a keyboard")


def test_a_pronoun_speaker_is_the_protagonist_named_before_and_her_statement_is_an_entry():
    [ev] = _by_sentence("She said that")
    assert ev.date == "2025-03-11"
    assert ev.actors[0] == "Mira Castell"
    assert ev.title.startswith("Castell says that the company")


def test_a_statement_that_says_nothing_is_no_entry():
    assert _by_sentence("She said in an interview") == []


@pytest.mark.parametrize(
    ("title", "ok"),
    [
        ("Castell says the company shipped two million tablets", True),
        ("Castell says", False),
        ("Castell says in an interview", False),  # an occasion, not what was said
        ("Castell demoed a keyboard", True),  # no saying at all
    ],
)
def test_a_statement_title_must_give_what_was_said(title, ok):
    assert says_something(title) is ok


def test_the_leading_words_of_a_company_name_are_that_company_not_a_person():
    text = (
        "Kalder Data Processing Inc. plans to redeem its notes. "
        "Kalder Data closed at $46.50 a share, and Kalder said the notes cost too much."
    )
    found = ArticleActors(text)
    kinds = {(text[m.start : m.end], m.name, m.kind) for m in found.mentions}
    assert ("Kalder Data", "Kalder Data Processing Inc.", "org") in kinds
    assert not any(kind == "person" for _, _, kind in kinds), kinds


def test_an_acronym_is_no_part_of_a_person_s_name():
    text = "Velto OS X has had a second life, and Mira Castell said the port took five years."
    people = {m.name for m in ArticleActors(text).mentions if m.kind == "person"}
    assert people == {"Mira Castell"}


LAUNCH = (
    "Kestrel Motors chief executive Anna Lindqvist unveiled the Kestrel E3 in Turin "
    "yesterday, at this year's motor show.\n\n"
    "In March, a car magazine published photographs of an early prototype.\n\n"
    "During the presentation, Lindqvist drove the car onto the stage herself.\n\n"
    "The car was praised by Lindqvist as the quietest the company had ever built.\n\n"
)


def _launch(start: str) -> list:
    evs = events(
        LAUNCH,
        ("yesterday", "2025-06-10"),
        ("this year", "2025"),
        ("March", "2025-03"),
        anchor=date(2025, 6, 11),
    )
    at = LAUNCH.index(start)
    return [e for e in evs if e.sentence_start == at]


def test_after_an_aside_about_an_older_date_the_occasion_named_again_brings_back_its_day():
    [ev] = _launch("During the presentation")
    assert (ev.date, ev.timex) == ("2025-06-10", "yesterday")
    assert ev.actors == ("Anna Lindqvist",)


def test_the_agent_of_a_passive_is_the_protagonist_acting():
    [ev] = _launch("The car was praised")
    assert ev.date == "2025-06-10"
    assert "Anna Lindqvist" in ev.actors


def test_a_coarser_date_around_the_day_s_news_does_not_move_the_story_off_that_day():
    text = (
        "Orvane chief executive Selma Radic opened the company's product show in Rotterdam "
        "on Tuesday.\n\n"
        "More than 2,000 installers attended the show this year.\n\n"
        "Radic unveiled a heat pump small enough to hang on a balcony.\n\n"
    )
    evs = events(text, ("Tuesday", "2025-10-07"), ("this year", "2025"), anchor=date(2025, 10, 8))
    at = text.index("Radic unveiled")
    [ev] = [e for e in evs if e.sentence_start == at]
    assert (ev.date, ev.timex) == ("2025-10-07", "Tuesday")


SHOW = (
    "Kestrel Motors chief executive Anna Lindqvist opened the Turin motor show on Tuesday.\n\n"
    "In 2019, the company unveiled its first electric car in Geneva.\n\n"
    "The new model has a range of 600 kilometres.\n\n"
    "It charges in twenty minutes.\n\n"
    "Its battery is made in Poland.\n\n"
    "The base version costs 41,000 euros.\n\n"
    "Lindqvist drove the car onto the stage herself.\n\n"
    "Lindqvist was fined more than a dozen times for speeding.\n\n"
)


def _show(start: str) -> list:
    evs = events(SHOW, ("Tuesday", "2025-06-10"), ("2019", "2019"), anchor=date(2025, 6, 11))
    at = SHOW.index(start)
    return [e for e in evs if e.sentence_start == at]


def test_the_present_tense_ends_an_aside_about_the_past():
    # The sentences just after the aside stay in its time (see follow_ons); once the
    # story is told in the present again, the protagonist acts on the day of the news.
    [ev] = _show("Lindqvist drove")
    assert (ev.date, ev.timex) == ("2025-06-10", "Tuesday")


def test_a_habit_is_not_the_day_s_happening():
    assert _show("Lindqvist was fined") == []


EARNINGS = (
    "Harbor Foods profit climbs\n\n"
    "Harbor Foods said its third-quarter profit rose 12% to $40 million. "
    "Sales advanced to $900 million from $850 million a year earlier. "
    "The company opened a bakery in Leeds in 2019.\n"
)


def test_a_date_that_only_dates_a_compared_figure_leaves_the_sentence_in_the_story_time():
    evs = events(
        EARNINGS,
        ("third-quarter", "2024-Q3"),
        ("a year earlier", "2023-Q3"),
        ("2019", "2019"),
        anchor=date(2024, 10, 20),
    )
    at = EARNINGS.index("Sales advanced")
    [sales] = [e for e in evs if e.sentence_start == at]
    # the sales rose in the quarter told about, not a year earlier
    assert (sales.date, sales.timex) == ("2024-Q3", "third-quarter")
    assert "Sales" in sales.title


COLUMN = (
    "Letter from the capital\n\n"
    "On Friday I visited the ruined museum with two friends. "
    "We have all signed the petition since then. "
    "Police arrested two men near the museum on Friday.\n"
)


def test_the_writers_own_voice_is_no_event_but_the_news_beside_it_is():
    import doctest

    from tracker.extract.events import news

    assert doctest.testmod(news).failed == 0
    evs = events(
        COLUMN, ("On Friday", "2025-03-07"), ("on Friday", "2025-03-07"), anchor=date(2025, 3, 8)
    )
    quotes = [COLUMN[e.sentence_start : e.sentence_end] for e in evs]
    assert not any(q.startswith(("On Friday I", "We have")) for q in quotes), quotes
    assert any(q.startswith("Police arrested") for q in quotes), quotes


OPINION = (
    "Troops stay on\n\n"
    "The army extended the tour of two battalions in the desert on Tuesday. "
    "We have all read reports of soldiers angry at being kept there.\n"
)


def test_a_sentence_in_the_first_person_is_no_event_whatever_verb_it_hangs_on():
    # The passive "being kept" is not the first person's act, but the sentence
    # tells the writer's reading of reports: no entry follows the day's news there.
    evs = events(OPINION, ("on Tuesday", "2025-03-04"), anchor=date(2025, 3, 5))
    quotes = [OPINION[e.sentence_start : e.sentence_end] for e in evs]
    assert any(q.startswith("The army extended") for q in quotes), quotes
    assert not any(q.startswith("We have") for q in quotes), quotes


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("I thank the finance minister for joining me today.", "today", "2025-03-05"),
        ("The new premier invited me on Tuesday to join the cabinet.", "on Tuesday", "2025-03-04"),
    ],
)
def test_the_writer_or_host_as_the_object_is_the_first_person_too(text, phrase, value):
    # "joining me", "told us": the host's or writer's own voice, no timeline entry
    assert events(text, (phrase, value), anchor=date(2025, 3, 5)) == []


SPEECH = (
    "Premier defends war record\n\n"
    "The premier defended the March 2003 invasion of Iraq in a speech on Tuesday. "
    "She said the September 11 attacks had changed how the country saw danger.\n"
)


def test_a_date_before_a_happening_noun_names_that_happening():
    import doctest

    from tracker.extract.events import named

    assert doctest.testmod(named).failed == 0
    evs = events(
        SPEECH,
        ("March 2003", "2003-03"),
        ("on Tuesday", "2025-03-04"),
        ("September 11", "2001-09-11"),
        anchor=date(2025, 3, 6),
    )
    by_date = {e.date: e for e in evs}
    invasion = by_date["2003-03"]
    assert invasion.title == "March 2003 invasion of Iraq"
    assert invasion.actors == ("Iraq",)
    # the speech is Tuesday's, not 2003's
    assert "defend" in by_date["2025-03-04"].title
    assert by_date["2001-09-11"].title == "September 11 attacks"


def test_a_possessive_weekday_names_its_event_and_a_delayed_one_lies_ahead():
    text = "Debate put off\n\nThe senator wanted to delay Friday night's debate on energy.\n"
    [ev] = events(text, ("Friday night", "2025-03-07TNI"), anchor=date(2025, 3, 5))
    assert (ev.title, ev.date, ev.modality) == ("Debate on energy", "2025-03-07TNI", "planned")
