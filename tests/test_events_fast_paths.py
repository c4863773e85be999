"""The cheap paths extraction takes instead of costly patterns give the same answers.

Each test runs the shortcut and the pattern it stands for on many generated texts
(letters re.IGNORECASE folds in odd ways, word characters such as "_", brackets,
dashes and line breaks included) and asserts equal results: a shortcut that skips a
case the pattern matches fails here.
"""

from __future__ import annotations

import doctest
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.events import chrome, clauses, filters, names, scan

# Pieces of text that reach the patterns' corners: capitals and acronyms, brackets,
# dashes, word characters that are not letters, and letters re.IGNORECASE folds.
_PIECES = st.sampled_from(
    [
        "Northern", "Grain", "Authority", "of", "the", "(NGA)", "(N.G.A.)", "(Reuters)", "(AP)",
        "Halvorsen", "Freight", "Corp.", "Bank", "&", "-", "_", "--", "\u2014", " ", "\t", "\n",
        "\n\n", ".", ",", "(", ")", "Here's", "what", "we", "know", "Click", "BERLIN", "OSLO _",
        "up", "from", "FROM", "compared", "with", "$4", "premium", "over", "pr\u0130mium",
        "d\u0131scount", "\u017fhare", "contributed", "to", "this", "article", "weren't",
        "available", "for", "comment", "?", "online", "ONL\u0130NE", "discuss", "Joining", "me", "Jinping", "Xi", "Xi_", "\u00c9mile", "3",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=30).map(" ".join) | st.lists(_PIECES, max_size=30).map("".join)


def test_doctests() -> None:
    from tracker.extract.events import actors

    assert doctest.testmod(scan).failed == 0
    assert doctest.testmod(actors).failed == 0


@settings(max_examples=400)
@given(_TEXT, st.sampled_from(["Jinping", "Xi", "NGA", "_", "Corp.", "-", "3"]), _TEXT)
def test_has_word_is_the_word_pattern(text: str, word: str, extra: str) -> None:
    text = text + extra
    for before in ("Xi", "Halvorsen", "Corp."):
        pattern = rf"(?<!{re.escape(before)} )\b{re.escape(word)}\b"
        assert scan.has_word(text, word, not_after=before) == bool(re.search(pattern, text))
    assert scan.has_word(text, word) == bool(re.search(rf"\b{re.escape(word)}\b", text))


@settings(max_examples=400)
@given(_TEXT, st.sampled_from(["from", "premium", "discount", "share", "contributed"]))
def test_may_hold_never_misses_a_case_insensitive_match(text: str, word: str) -> None:
    if re.search(word, text, re.IGNORECASE):
        assert scan.may_hold(text, (word,))
    if not scan.may_hold(text, (word,)):
        assert not re.search(word, text, re.IGNORECASE)


def test_may_hold_reads_the_odd_folds() -> None:
    # "İ", "ı" and "ſ" match "i" and "s" under re.IGNORECASE; str.lower() keeps them apart.
    for text in ("pr\u0130mium", "d\u0131scount", "\u017fhare"):
        word = text.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s")
        assert re.search(word, text, re.IGNORECASE)
        assert scan.may_hold(text, (word,))


@settings(max_examples=400)
@given(_TEXT)
def test_acronym_definitions_as_the_full_scan(text: str) -> None:
    fast = [(m.span(), m.groups()) for m in names._acronym_definitions(text)]
    full = [(m.span(), m.groups()) for m in names._ACRONYM_DEF.finditer(text)]
    assert fast == full


def test_acronym_definitions_found() -> None:
    text = "Staff of the Northern Grain Authority (NGA) met. Halvorsen Freight (HF) and (AP) too."
    found = [m.group(2) for m in names._acronym_definitions(text)]
    assert found == ["NGA", "HF"]


@settings(max_examples=400)
@given(_TEXT)
def test_tells_nothing_as_its_patterns(text: str) -> None:
    s = text.strip()
    no_news = bool(chrome._NO_NEWS.search(s)) and len(s.split()) <= 16
    chat = bool(chrome._CHAT.search(s))
    expected = chat or no_news or bool(chrome._QUESTION.search(s) or chrome._TEASER.match(s))
    assert chrome.tells_nothing(text) == expected


@settings(max_examples=300)
@given(_TEXT)
def test_plain_teaser_is_the_teaser_without_a_dash(text: str) -> None:
    if "_" not in text and "--" not in text and "\u2014" not in text:
        assert bool(chrome._PLAIN_TEASER.match(text)) == bool(chrome._TEASER.match(text))


@settings(max_examples=300)
@given(_TEXT)
def test_comparing_words_are_needed(text: str) -> None:
    if chrome._QUESTION.search(text) is None and not scan.may_hold(text, filters._COMPARING_WORDS):
        assert not filters._FROM_FIGURE.search(text)
        assert not filters._COMPARED_FIGURE.search(text)
    if filters._FROM_FIGURE.search(text) or filters._COMPARED_FIGURE.search(text):
        assert scan.may_hold(text, filters._COMPARING_WORDS)


_WORDS = st.sampled_from(
    "will to plans quietly did n't Approve approve exactly apply the would fail . , "
    "Ministers met signed announced \u2019s it\u2019s Inácio _ foo_bar _Lund 3_000 1,5".split()
)


@settings(max_examples=300)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_tokens_as_the_pattern_reads_them(text: str) -> None:
    expected = [
        (m.group(), m.start(), m.end(), m.group().lower().replace("\u2019", "'"))
        for m in clauses._TOKEN.finditer(text, 1, len(text))
    ]
    tokens = clauses.tokenize(text, 1, len(text))
    assert [tuple(t) for t in tokens] == expected
    assert all(type(t) is clauses.Token for t in tokens)
    for i in range(1, len(tokens)):
        if clauses._after_verb_marker(tokens, i):
            # the look-back `analyse` tests before calling it
            prev = tokens[i - 1].low
            assert prev in clauses._VERB_MARKERS or prev == "to" or prev.endswith("ly")


def test_the_odd_folds_are_all() -> None:
    # Every character re.IGNORECASE matches as a Latin letter lowers to it, but these.
    odd = {
        chr(c)
        for a in "abcdefghijklmnopqrstuvwxyz"
        for c in range(0x80, 0x3000)
        if re.fullmatch(a, chr(c), re.IGNORECASE) and chr(c).lower() != a
    }
    assert odd == set(scan.ODD_FOLDS)


_BEFORE = st.lists(
    st.sampled_from(
        ["George", "W", "W.", "U.S.", "Jan", ".", "..", " ", "\n", "(", "J", "Inc.", "3"]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=500)
@given(_BEFORE)
def test_word_and_initial_before_a_break_as_the_patterns(before: str) -> None:
    from tracker.extract import sentences

    wb = sentences._WORD_BEFORE.search(before)
    assert sentences._word_before(before) == (wb.group(1) if wb else "")
    assert sentences._ends_in_initial(before) == bool(sentences._INITIAL.search(before))


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=20).map(" ".join))
def test_clip_as_its_patterns(words: str) -> None:
    from tracker.extract.events import clipping

    title = clipping.clip(words)
    # what the skipped patterns would have changed is already so
    assert re.sub(r"\s+([,.;:])", r"\1", title) == title
    assert not (re.search(r"(?:^|\s)[a-z]{2,}\.$", title) and not title.endswith(" etc."))


@settings(max_examples=200)
@given(st.lists(_WORDS, max_size=20).map(" ".join), st.integers(-2, 200))
def test_token_index_is_the_first_token_ending_after(text: str, offset: int) -> None:
    sent = clauses.analyse(text, 0, len(text), [])
    first = next((k for k, t in enumerate(sent.tokens) if t.end > offset), None)
    expected = first if first is not None else max(0, len(sent.tokens) - 1)
    assert clauses.token_index(sent, offset) == expected


# The sentence-break pattern as it was before its first-character guard.
_BREAK_UNGUARDED = re.compile(
    r"""
    (?P<punct>[.!?]+[\"'\u201d\u2019)\]]*)(?=\s)   # end punctuation before whitespace
    | (?P<blank>\n[ \t]*\n\s*)                     # paragraph break
    | (?P<line>(?<=[^.!?:;,\s\"'\u201d\u2019])[ \t]*\n(?=[ \t]*[A-Z\"\u201c(]))  # unpunctuated line end
    """,
    re.VERBOSE,
)
_PROSE = st.lists(
    st.sampled_from(
        [
            "The", "the", "Dr.", "U.S.", "Omar Haddad", "McDonald's", "O'Brien", "Jean-Luc",
            "Halvorsen Freight Corp.", "the Bank of Oslo", "Acme Inc", "iPhone", "\u00c9mile",
            "said", "met", ".", "!", "?", '."', ".)", "\n", "\n\n", " \n", "\t", ",", ";", "-",
            "(", ")", "\u201c", "\u2019", "_", "3", "Jan. 20",
        ]
    ),
    max_size=30,
).map(" ".join)  # fmt: skip


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern.startswith("(?=[")  # the guard, then the pattern as it was
    return re.compile(pattern.pattern[pattern.pattern.index("])") + 2 :], pattern.flags)


@settings(max_examples=400)
@given(_PROSE | _TEXT)
def test_guarded_patterns_find_what_they_found(text: str) -> None:
    from tracker.extract import sentences
    from tracker.extract.events import actors

    def found(p: re.Pattern[str]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.lastgroup) for m in p.finditer(text)]

    assert found(sentences._BREAK) == found(_BREAK_UNGUARDED)
    for p in (actors._CAP_SEQ, actors._CAPWORD, names._org_pattern()):
        assert found(p) == found(_unguarded(p))


_STAMP_UNGUARDED = re.compile(
    r"(?:(?:^|\n|\(|\|)\s*(?:Last\s+)?(?:Updated|Posted|Published|Modified|Edited|Filed)\b|"
    r"\bPosted\s+by\b)[^\n.]{0,40}$|"
    r"\(\s*Updated\b[^\n]{0,40}$"
)
_STAMPS = st.lists(
    st.sampled_from(
        ["Updated", "Posted", "by:", "reader", "|", "(", ")", "\n", "Last", "Filed", "on",
         "May 2, 2024", "7:40 p.m.", ".", "Pat", "the video was posted", " "]
    ),
    max_size=14,
).map(" ".join)  # fmt: skip


@settings(max_examples=400)
@given(_STAMPS, st.integers(0, 40), st.integers(0, 90))
def test_stamp_guard_finds_what_it_found(text: str, lo: int, hi: int) -> None:
    from tracker.extract.events import chrome

    new = chrome._STAMP_BEFORE.search(text, lo, hi)
    old = _STAMP_UNGUARDED.search(text, lo, hi)
    assert (new and new.span()) == (old and old.span())


@settings(max_examples=300)
@given(_PROSE | _TEXT)
def test_gazetteer_candidates_guarded(text: str) -> None:
    from tracker.extract.events import gazetteer

    def found(p: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in p.finditer(text)]

    assert found(gazetteer._CANDIDATE) == found(_unguarded(gazetteer._CANDIDATE))


def test_a_sentence_is_analysed_once_and_its_clauses_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tracker.extract.events import article, modality

    calls = {"analyse": 0, "clause": 0}
    real_analyse, real_clause = article.analyse, clauses.Clause

    def counting_analyse(*args):  # type: ignore[no-untyped-def]
        calls["analyse"] += 1
        return real_analyse(*args)

    def counting_clause(*args):  # type: ignore[no-untyped-def]
        calls["clause"] += 1
        return real_clause(*args)

    monkeypatch.setattr(article, "analyse", counting_analyse)
    monkeypatch.setattr(clauses, "Clause", counting_clause)
    text = "Troops crossed the river on Monday, although the talks failed. Kask resigned."
    art = article.Article(text, [])
    sent = art.sentence(0)
    assert art.sentence(0) is sent and calls["analyse"] == 1
    for trig in sent.triggers:  # types and modality ask for the clause of each trigger
        clauses.refine_type(sent, trig)
        modality.modality(sent, trig, False)
    asked = {sent.clause_of[t.index] for t in sent.triggers}
    assert len(asked) == 2 and calls["clause"] == len(asked)  # built once per clause
    for c in asked:
        words = [t.low for t, k in zip(sent.tokens, sent.clause_of, strict=True) if k == c]
        assert sent.clause(c).words == tuple(words)
        assert sent.clause(c).joined == " ".join(words)
    assert calls["clause"] == len(asked)


# Words around the look-back patterns of `filters.dates_a_happening`: each ending they
# need, in odd cases, the letters re.IGNORECASE folds, and whitespace that `\s` and
# `str.rstrip` both read as such (a no-break space, an em space, a record separator).
_LOOK_BACK = st.lists(
    st.sampled_from(
        ["since", "SINCE", "\u017fince", "until", "till", "Through", "throughout", "as", "of",
         "up", "to", "TO", "record", "due", "effective", "compared", "with", "w\u0130th",
         "versus", "vs", "vs.", "VS.", "than", "before", "prior", "after", "the", "The", "end",
         "middle", "close", "by", "By", "But", "between", "and", "from", "quarter", "year",
         "months", "that", "ended", "ending", "ends", "this", "month", "Law", "Act", "on", "in",
         "last", ",", ".", ";", "$4", "\u0131n", " ", "\t", "\n", "\u00a0", "\u2003", "\x1c"]
    ),
    max_size=12,
)  # fmt: skip
_GUARDED_LOOK_BACKS = [
    (filters._BOUNDARY_BEFORE, filters.BOUNDARY_ENDINGS),
    (filters._PERIOD_END, filters.PERIOD_END_ENDINGS),
    (filters._RUNNING_PERIOD_THROUGH, filters.RUNNING_ENDINGS),
    (filters._RANGE_BEFORE, filters.RANGE_ENDINGS),
    (filters._BY_BEFORE, filters.BY_ENDINGS),
]


@settings(max_examples=600)
@given(_LOOK_BACK, st.sampled_from([" ", "", "  ", "\u00a0", "\t"]))
def test_look_back_guards_never_skip_a_match(words: list[str], sep: str) -> None:
    # A guard (`scan.may_end_with`) may let a text through that its pattern does not
    # match; it must never turn away one it does.
    for text in (sep.join(words), sep.join(words) + " "):
        for pattern, endings in _GUARDED_LOOK_BACKS:
            for before in (text, text[-60:]):  # `_RANGE_BEFORE` reads the last 60 only
                if pattern.search(before):
                    assert scan.may_end_with(text, endings), (pattern.pattern, text)


def test_look_back_guards_on_every_short_tail() -> None:
    # Every run of up to three of the patterns' words, before a date: none a pattern
    # matches is turned away by its guard.
    import itertools

    words = (
        "since until till through throughout as of up to record due effective compared with "
        "versus vs vs. than before prior after the end by between and from quarter ended "
        "ending ends this year on May"
    ).split()
    for n in (1, 2, 3):
        for tail in itertools.product(words, repeat=n):
            text = "Sales rose " + " ".join(tail) + " "
            for pattern, endings in _GUARDED_LOOK_BACKS:
                if pattern.search(text[-60:]):
                    assert scan.may_end_with(text, endings), (pattern.pattern, text)


def test_look_back_guards_hold_each_ending() -> None:
    # Every ending is needed: one of the pattern's own phrases ends with it alone.
    phrases = {
        filters._BOUNDARY_BEFORE: "since|until|till|through|throughout|as of|up to|record|due"
        "|effective|compared with|compared to|versus|vs|vs.|than|before|prior to|after",
        filters._PERIOD_END: "quarter ended|year ending|half ends|months to",
        filters._RUNNING_PERIOD_THROUGH: "this year through|this month to",
        filters._RANGE_BEFORE: "between|between the|between May and|from|from May to"
        "|from May through|from May until",
        filters._BY_BEFORE: "was done by|done by the end of|done by the end of the",
    }
    for pattern, endings in _GUARDED_LOOK_BACKS:
        ends = set()
        for phrase in phrases[pattern].split("|"):
            text = f"It rose {phrase} "
            assert pattern.search(text), phrase
            assert scan.may_end_with(text, endings)
            assert scan.may_end_with(text.upper(), endings)  # any case
            ends.add(next(e for e in endings if text.rstrip().endswith(e)))
        assert ends == set(endings)
    assert not scan.may_end_with("talks resumed on ", filters.BOUNDARY_ENDINGS)
    assert scan.may_end_with("\u017finc\u0130 ", ("since",))  # odd folds: left to the pattern


def test_tells_nothing_asked_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from tracker.extract.events import article, builder
    from tracker.extract.timex import find_timexes

    asked: list[str] = []

    def counting(sentence: str) -> bool:
        asked.append(sentence)
        return chrome.tells_nothing(sentence)

    text = (
        "Dock workers in Rotterdam walked out on Monday. The strike closed two terminals. "
        "What happens next? Talks resumed on Tuesday. Shipping lines rerouted cargo. "
        "Port officials weren't available for comment on Wednesday."
    )
    anchor = date(2026, 3, 4)
    timexes = find_timexes(text, anchor)
    before = builder.build_events(text, timexes, anchor)
    monkeypatch.setattr(article, "tells_nothing", counting)
    after = builder.build_events(text, timexes, anchor)
    assert after == before  # the same events, asked through the article
    assert asked and len(asked) == len(set(asked))  # no sentence asked twice
    art = article.Article(text, timexes)
    for i, (start, end) in enumerate(art.spans):
        assert art.tells_nothing(i) == chrome.tells_nothing(text[start:end])
    assert [art.tells_nothing(i) for i in range(len(art.spans))].count(True) == 2


_VALUES = st.sampled_from(
    ["2026", "2026-03", "2026-03-02", "2026-03-03", "2026-W10", "2026-Q1", "2025-12-31", "",
     "PAST_REF", "2026-03-02T10:00", "XXXX-03-02", "2026-SU"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.dictionaries(st.integers(0, 40), st.sets(_VALUES, min_size=1)), _VALUES)
def test_moved_from_is_every_sentence_asked(moving: dict[int, set[str]], day: str) -> None:
    from tracker.extract.events import builder
    from tracker.extract.events.dates import holds

    asked = {
        k for k, values in moving.items() if any(v != day and not holds(v, day) for v in values)
    }
    assert builder.moved_from(moving, day) == asked


def test_moves_weighed_once_per_day(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from tracker.extract.events import builder
    from tracker.extract.timex import find_timexes

    days: list[str] = []
    real = builder.moved_from

    def counting(moving: dict[int, set[str]], day: str) -> set[int]:
        days.append(day)
        return real(moving, day)

    text = (
        "Dock workers in Rotterdam walked out on Monday. Police cleared the gates on Monday. "
        "The port authority sued the union on Monday. Talks had failed on Friday. "
        "Shipping lines rerouted cargo on Tuesday. Ferries sailed on Tuesday."
    )
    anchor = date(2026, 3, 4)
    timexes = find_timexes(text, anchor)
    before = builder.build_events(text, timexes, anchor)
    monkeypatch.setattr(builder, "moved_from", counting)
    after = builder.build_events(text, timexes, anchor)
    assert after == before
    assert days and len(days) == len(set(days))  # each day's moves weighed once
    assert len([e for e in after if e.date == days[0]]) >= 2  # though several events had it


@settings(max_examples=400)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["Lula", "da", "Silva", "Inacio", "Luiz", "Xi", "", "J."]), max_size=5
        ).map(" ".join),
        max_size=8,
    )
)
def test_longer_forms_as_every_pair_tested(names: list[str]) -> None:
    from tracker.extract.events import actors

    longer = actors.longer_forms(names)
    for n in set(names) | {"Silva", "da Silva", "Lula da Silva", ""}:
        paired = next((m for m in names if m != n and m.endswith(" " + n)), n)
        assert longer.get(n, n) == paired
