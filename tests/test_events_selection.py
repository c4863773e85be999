"""Which dated mentions become timeline events (issue 4, point 1)."""

from __future__ import annotations

from test_events_support import events, only


def test_a_dated_meeting_becomes_an_event_with_the_date_at_its_own_granularity():
    text = "The two foreign ministers met in Ankara in March 2023 to discuss grain exports."
    ev = only(events(text, ("March 2023", "2023-03")))
    assert ev.date == "2023-03"
    assert ev.granularity == "month"
    assert text[ev.timex_start : ev.timex_end] == "March 2023"


def test_durations_sets_and_vague_references_do_not_become_events():
    text = "Talks lasted three days. Envoys meet every month. The mood is tense now."
    evs = events(
        text,
        ("three days", "P3D", "DURATION"),
        ("every month", "P1M", "SET"),
        ("now", "PRESENT_REF"),
    )
    assert evs == []


def test_a_background_clause_dates_its_own_happening():
    text = "Sanctions have been in place since the annexation of Crimea in 2014, officials noted."
    ev = only(events(text, ("2014", "2014")))
    assert ev.date == "2014"
    assert "annexation" in ev.title.lower()


def test_a_boast_about_what_could_be_done_within_a_week_is_not_a_dated_event():
    text = "A senior lawmaker boasted that the army could reach the capital within a week."
    assert events(text, ("within a week", "P1W", "DURATION")) == []


def test_a_dateline_date_is_not_an_event():
    text = "GENEVA, March 3 (Wire) - Envoys from both sides met on Tuesday at the UN offices."
    evs = events(text, ("March 3", "2024-03-03"), ("Tuesday", "2024-02-27"))
    assert [e.date for e in evs] == ["2024-02-27"]


def test_the_start_of_a_period_and_a_comparison_base_are_not_events():
    text = (
        "Trade between the two countries has grown since 2019. "
        "Exports rose to $4 billion, up from $3 billion in 2021."
    )
    assert events(text, ("2019", "2019"), ("2021", "2021")) == []


def test_the_event_passage_is_made_of_real_sentences_that_hold_the_date():
    text = (
        "The envoy arrived in Doha on Monday. She met Hamas negotiators there. "
        "Qatar said on Friday that a deal was close."
    )
    ev = events(text, ("Monday", "2024-11-11"), ("Friday", "2024-11-08"))[0]
    assert ev.sentence_start == 0
    assert ev.sentence_start <= ev.timex_start < ev.timex_end <= ev.sentence_end
    assert text[ev.sentence_end - 1] == "."


def test_a_date_in_a_reporting_frame_reaches_the_next_sentence_that_holds_the_happening():
    text = (
        "The Foreign Ministry said on Tuesday. Two diplomats were expelled over spying allegations."
    )
    ev = only(events(text, ("Tuesday", "2024-11-12")))
    assert ev.sentence_end > text.index("expelled")
    assert ev.type == "sanctions"


def test_the_ends_of_a_range_and_a_deadline_are_not_dated_happenings():
    text = (
        "Rebels shelled the town between 2019 and 2021. "
        "The envoy must leave the country by Friday. "
        "The tariff cut is effective 1 March."
    )
    evs = events(
        text,
        ("2019", "2019"),
        ("2021", "2021"),
        ("Friday", "2024-11-15"),
        ("1 March", "2025-03-01"),
    )
    assert evs == []


def test_a_clause_opening_by_date_still_dates_its_happening():
    text = "By Monday, the two delegations had agreed on a prisoner exchange."
    ev = only(events(text, ("Monday", "2024-11-11")))
    assert "agree" in ev.title.lower()


def test_a_date_opening_a_reported_clause_dates_the_reported_happening():
    text = "The ministry said that last week a patrol boat seized two fishing vessels."
    ev = only(events(text, ("last week", "2024-W45")))
    assert "seize" in ev.title.lower()


def test_an_announcement_of_what_someone_will_do_dates_the_announced_happening():
    text = "The Kremlin announced on Friday that it would expel four diplomats."
    ev = only(events(text, ("Friday", "2024-11-08")))
    assert "expel" in ev.title.lower()
    assert ev.type == "sanctions"


def test_an_offset_from_a_happening_is_not_a_date():
    text = "Troops shelled the port on Monday, two days after rebels seized the airport."
    evs = events(text, ("Monday", "2024-11-11"), ("two days after", "2024-11-13"))
    assert [e.date for e in evs] == ["2024-11-11"]


def test_two_expressions_of_one_moment_make_one_event():
    text = "Drones struck the refinery overnight on Saturday."
    evs = events(text, ("overnight", "2024-11-09TNI", "TIME"), ("Saturday", "2024-11-09"))
    assert [e.date for e in evs] == ["2024-11-09"]


def test_a_dated_report_is_an_entry_only_when_it_reports_a_concrete_happening():
    text = (
        "The defence ministry said on Monday that drones had struck a fuel depot. "
        "The foreign ministry said on Tuesday that the mood of the talks was good."
    )
    evs = events(text, ("Monday", "2024-11-11"), ("Tuesday", "2024-11-12"))
    assert [e.date for e in evs] == ["2024-11-11"]


def test_comparison_labels_and_the_present_age_are_not_dated_happenings():
    text = (
        "The year-ago results were restated in March. "
        "The case of the refugees is for today's youth a symbol of the war."
    )
    evs = events(text, ("year-ago", "2023"), ("March", "2024-03"), ("today", "2024-11-13"))
    assert [e.date for e in evs] == ["2024-03"]


def test_an_announcement_names_a_happening_only_through_its_object():
    text = (
        "The ministry announced the plan on Monday. "
        "The premier announced his resignation on Tuesday."
    )
    evs = events(text, ("Monday", "2024-11-11"), ("Tuesday", "2024-11-12"))
    assert [e.date for e in evs] == ["2024-11-12"]


def test_a_timetable_start_is_a_bound_but_a_dated_change_is_an_event():
    text = (
        "Two new flights will leave Oslo on Monday and Tuesday nights from 30 March. "
        "The council agreed to admit two states to the bloc from January 2025."
    )
    evs = events(
        text,
        ("Monday", "2024-11-18"),
        ("30 March", "2025-03-30"),
        ("January 2025", "2025-01"),
    )
    assert [e.date for e in evs] == ["2025-01"]


def test_the_quote_is_the_event_sentence_and_the_context_carries_on_without_the_headline():
    text = (
        "Envoys meet in Vienna\n\n"
        "The envoys met in Vienna on 2 March 2024. The talks ran late into the night.\n\n"
        "Next steps\n\n"
        "A second round is expected later."
    )
    ev, after = events(text, ("2 March 2024", "2024-03-02"))
    assert text[ev.sentence_start : ev.sentence_end] == "The envoys met in Vienna on 2 March 2024."
    # What the next sentence tells happened that day too: an event with its own quote.
    assert text[after.sentence_start : after.sentence_end] == "The talks ran late into the night."
    assert after.date == "2024-03-02" and after.importance < ev.importance
    context = text[ev.context_start : ev.context_end]
    assert context.startswith("The envoys met in Vienna")
    assert "ran late into the night" in context
    assert "Next steps" not in context and "Envoys meet" not in context


def test_a_year_that_closes_a_name_is_no_date_of_a_happening():
    text = "Varnholt opens Devcon 2025 with a keynote. The company was founded in 2019."
    evs = events(text, ("2025", "2025"), ("2019", "2019"))
    assert [e.date for e in evs] == ["2019"]
