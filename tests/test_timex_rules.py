"""Spec: every timex rule is a record whose examples hold, and the fast scan misses nothing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.options import ExtractOptions
from tracker.extract.timex import find_timexes
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.grammar import DIGITS, Grammar, analyse
from tracker.extract.timex.lang import LANGUAGES, grammar_for
from tracker.extract.timex.resolve import Ctx, Result
from tracker.extract.timex.rules import Example, Language, Rule

_EXAMPLES = [
    pytest.param(code, rule.name, ex, id=f"{code}-{rule.name}-{i}")
    for code, lang in LANGUAGES.items()
    for rule in lang.rules
    for i, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize(("code", "rule_name", "ex"), _EXAMPLES)
def test_each_rule_example_yields_its_expression_and_value(code, rule_name, ex: Example):
    found = find_timexes(ex.text, ex.anchor, ExtractOptions(languages=(code,)))
    got = [(t.text, t.value, t.type) for t in found if t.text == ex.expr]
    assert got, f"{ex.expr!r} not found in {[t.text for t in found]}"
    text, value, type_ = got[0]
    assert value == ex.value
    if ex.type is not None:
        assert type_ == ex.type


@pytest.mark.parametrize(("code", "rule_name", "ex"), _EXAMPLES)
def test_each_rule_example_is_matched_by_that_rule(code, rule_name, ex: Example):
    at = ex.text.index(ex.expr)
    hits = [
        c.rule
        for c in grammar_for((code,)).scan(ex.text)
        if c.start <= at + len(ex.expr) and at <= c.end
    ]
    assert rule_name in hits


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_rule_has_examples_and_a_unique_name(code):
    rules = LANGUAGES[code].rules
    assert [r.name for r in rules if not r.examples] == []
    assert len({r.name for r in rules}) == len(rules)


# --- triggers are derived from the patterns --------------------------------------------


def test_the_trigger_of_a_rule_is_a_word_every_match_contains():
    info = analyse(r"(?:last|next|this)\s+weeks?", frozenset({"last", "next", "this"}))
    assert info.req == {"week", "weeks"}
    assert info.first == {"last", "next", "this"}


def test_an_optional_lead_word_is_a_starter_but_not_a_trigger():
    info = analyse(r"(?:about\s+)?(?P<n>\d+)\s+days\s+ago")
    assert info.first == {"about", DIGITS}
    assert info.req in ({DIGITS}, {"days"}, {"ago"})


def test_an_alternation_triggers_on_the_words_of_each_branch():
    info = analyse(r"(?:now|the\s+future|currently)", frozenset({"the"}))
    assert info.req == {"now", "future", "currently"}


def test_a_rule_without_a_required_word_is_refused():
    lang = Language("xx", (Rule("loose", r"(?:in\s+)?(?:the\s+)?", _none),), _yes)
    with pytest.raises(ValueError, match="loose"):
        Grammar([lang], frozenset())


# --- the fast scan finds what the full scan finds --------------------------------------

_GRAMMAR = grammar_for(("en",))
_WORDS = sorted(_GRAMMAR.triggers | _GRAMMAR.starters)
_FILLERS = ["said", "He", "vote", "Theresa", "troops", "$", "%", "'", "-", "/", ":", "(", ")"]
_TOKEN = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.capitalize),
    st.sampled_from(_FILLERS),
    st.integers(0, 2100).map(str),
    st.sampled_from(["1st", "20th", "1990s", "'90s", "a.m.", "p.m.", "Q3", "H1", "o'clock"]),
)
_SEP = st.sampled_from([" ", " ", " ", ", ", ". ", "-", "\n", "  "])
_TEXT = st.lists(st.tuples(_TOKEN, _SEP), max_size=40).map(lambda ts: "".join(a + b for a, b in ts))


def _spans(cands: list[Candidate]) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.rule) for c in cands]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_trigger_scan_finds_every_candidate_the_full_scan_finds(text):
    assert _spans(_GRAMMAR.scan(text)) == _spans(_GRAMMAR.full_scan(text))


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 400), st.integers(0, 400))
def test_a_scan_of_part_of_a_text_agrees_with_the_full_scan_of_that_part(text, a, b):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert _spans(_GRAMMAR.scan(text, lo, hi)) == _spans(_GRAMMAR.full_scan(text, lo, hi))


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose about 40 per cent in the past few weeks before the vote.",
        "It was approximately the beginning of the late nineteen-nineties.",
        "On the 12th, at 10:30 a.m. (1530 GMT) Friday, between March and May 2022.",
    ],
)
def test_the_trigger_scan_agrees_with_the_full_scan_on_long_leads(text):
    assert _spans(_GRAMMAR.scan(text)) == _spans(_GRAMMAR.full_scan(text))


# --- a second language is data plus a few functions -------------------------------------


def _none(ctx: Ctx, c: Candidate) -> Result | None:
    return None


def _yes(text: str, c: Candidate) -> bool:
    return True


def _gestern(ctx: Ctx, c: Candidate) -> Result | None:
    from datetime import timedelta

    if ctx.anchor is None:
        return Result("DATE", None, "day", "de-gestern", "document")
    return ctx.doc("de-gestern", "DATE", (ctx.anchor - timedelta(days=1)).isoformat(), "day")


def test_a_language_built_from_records_scans_and_resolves():
    from tracker.extract.timex import _resolve_all

    toy = Language("de", (Rule("gestern", r"gestern", _gestern),), _yes)
    grammar = Grammar([toy], frozenset())
    ctx = Ctx("Der Minister trat gestern zurueck.", date(2024, 11, 13), grammar=grammar)
    _resolve_all(ctx, grammar.scan(ctx.text), retry=True)
    assert [(t.text, t.value) for t in ctx.found] == [("gestern", "2024-11-12")]


def test_a_rule_that_fails_with_a_key_error_is_a_bug_not_a_miss():
    from tracker.extract.timex import _resolve_all

    def broken(ctx: Ctx, c: Candidate) -> Result | None:
        return {"a": None}["b"]

    toy = Language("xx", (Rule("broken", r"gestern", broken),), _yes)
    grammar = Grammar([toy], frozenset())
    ctx = Ctx("gestern", date(2024, 11, 13), grammar=grammar)
    with pytest.raises(KeyError):
        _resolve_all(ctx, grammar.scan(ctx.text), retry=True)


# --- options per call --------------------------------------------------------------------


def test_day_first_reads_the_day_before_the_month():
    text = "The accord was signed on 03/04/2021."
    assert find_timexes(text, None)[0].value == "2021-03-04"
    assert find_timexes(text, None, ExtractOptions(day_first=True))[0].value == "2021-04-03"


def test_the_document_policy_counts_from_the_article_date_not_the_story():
    text = "The quake struck on 3 March 2021. Two days later, aid arrived."
    wed = date(2024, 11, 13)
    narrative = find_timexes(text, wed)
    document = find_timexes(text, wed, ExtractOptions(reference="document"))
    assert narrative[1].value == "2021-03-05"
    assert document[1].value == "2024-11-15"


def test_the_none_policy_leaves_relative_expressions_unresolved():
    found = find_timexes("On 3 March 2021 it began; yesterday it ended.", date(2024, 11, 13),
                         ExtractOptions(reference="none"))  # fmt: skip
    assert [(t.text, t.value) for t in found] == [
        ("3 March 2021", "2021-03-03"),
        ("yesterday", None),
    ]


def test_an_unknown_language_or_policy_is_refused():
    with pytest.raises(ValueError, match="xx"):
        find_timexes("today", None, ExtractOptions(languages=("xx",)))
    with pytest.raises(ValueError):
        ExtractOptions(reference="sometimes")  # type: ignore[arg-type]


def test_extract_events_carries_the_options_to_the_timex_engine():
    from tracker.extract import extract_events

    text = "The ministers signed the accord on 03/04/2021 in Oslo."
    default = extract_events(text, date(2024, 11, 13))
    day_first = extract_events(text, date(2024, 11, 13), ExtractOptions(day_first=True))
    assert [e.date for e in default] == ["2021-03-04"]
    assert [e.date for e in day_first] == ["2021-04-03"]


def test_a_half_as_a_unit_is_six_months_and_never_an_error():
    from datetime import date

    from tracker import extract

    found = extract.extract(
        "Sales rose over the past half, and the next half looks weaker.", date(2024, 11, 13)
    )
    assert [t.value for t in found.timexes] == ["P6M", "P6M"]
