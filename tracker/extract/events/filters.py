"""Which dated mentions can become events at all.

A date that only stamps a dateline, bounds a period ("since 1990", "the
quarter ended Sept. 30"), sets a comparison base ("up from $3 million in
1988") or names a document, a security or a record day ("bonds due 1993",
"holders of record Nov. 8", "the letter, dated Monday") does not date a
happening of its own; nor does either end of a range ("between 1994 and
1997") or a deadline ("must leave by Jan. 14"). These tests look only at a few characters either side
of the date.
"""

from __future__ import annotations

import re

from tracker.extract.events.chrome import is_stamp
from tracker.extract.events.dates import granularity_of
from tracker.extract.events.lexicon import triggers
from tracker.extract.events.noise import names_a_contract
from tracker.extract.events.scan import may_end_with, may_hold
from tracker.extract.types import Timex

_BOUNDARY_BEFORE = re.compile(
    r"(?:\b(?:since|until|till|through|throughout|as\s+of|up\s+to|record|due|effective|"
    r"compared\s+(?:with|to)|versus|vs\.?|than|before|prior\s+to|after)\s+(?:the\s+end\s+of\s+)?$)",
    re.IGNORECASE,
)
_DURING = re.compile(r"(throughout)|through\b", re.IGNORECASE)
_LONG_PERIODS = ("decade", "year", "quarter", "season", "month", "week")
_FROM_FIGURE = re.compile(
    r"\b(?:up|down|rose|fell|increased|decreased|climbed|dropped|compared|gained|lost|rising|"
    r"falling|climbing|dropping|gaining|increasing|declining|declined)\b(?:[^.;]|\d\.\d){0,60}"
    r"\bfrom\s+(?:(?:[^,;.]|\d\.\d){0,40}?\s)?(?:(?:in|on|at)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# The words `_BOUNDARY_BEFORE` cannot match without, last before the date: a cheap test
# first, as most dates follow "on" or "in" (held to the pattern by a test).
BOUNDARY_ENDINGS = (
    "since", "until", "till", "through", "throughout", "of", "to", "record", "due",
    "effective", "with", "versus", "vs", "vs.", "than", "before", "after",
)  # fmt: skip
# "compared with $1.6145 Wednesday": the date of the figure compared against.
_COMPARED_FIGURE = re.compile(
    r"\bcompared\s+(?:with|to)\s+(?:about\s+)?[$\u00a3\u20ac#]?\d[\d,.]*[^,;]{0,30}?$"
    # "a 24% premium over Thursday's closing price": the price a figure is set against
    r"|\b(?:premium|discount)\s+(?:over|to|from|on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Words `_FROM_FIGURE` or `_COMPARED_FIGURE` cannot match without.
_COMPARING_WORDS = ("from", "compared", "premium", "discount")
_AFTER_COMPARISON = re.compile(
    r"^(?:'s)?\s*(?:earlier|ago|before|level|levels|period)\b", re.IGNORECASE
)
_DATELINE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][\w .]*)?,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|_|\u2014|\u2013|-\s)")
_PREMOD_BEFORE = re.compile(r"\b(?:the|that|this|its|their|his|her|a|an|fiscal)\s+$", re.IGNORECASE)
_NAMED_LAW = re.compile(r"[A-Z]\w+\s+of\s+$")
_PERIOD_END = re.compile(
    r"\b(?:quarter|year|period|months|weeks|half|season)\s+(?:that\s+)?(?:ended|ending|ends|to)\s+$",
    re.IGNORECASE,
)
PERIOD_END_ENDINGS = ("ended", "ending", "ends", "to")  # what `_PERIOD_END` ends with
# "For the year ended Sept. 30, the chain earned $12 million", "net income for the nine
# months ended Sept. 29 fell", "sales rose in the quarter ended June 30": a span of time
# with no calendar name of its own is known by the day it closed, so that day dates its
# results. A named period ("the third quarter ended Sept. 30") is dated by its name
# instead, and the day only labels it.
_UNNAMED_PERIOD_ENDED = re.compile(
    r"\b(?:(?:the|its|their|fiscal)\s+(?:fiscal\s+)?year|(?:\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|\d+-)\s*(?:months|weeks))\s+(?:that\s+)?ended\s+$",
    re.IGNORECASE,
)
# "the fourth quarter", "its first half", "fiscal 1989": a period named by itself, which
# dates the results told of it even when its last day follows ("ended Aug. 26").
_NAMED_PERIOD = re.compile(
    r"(?:\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?:quarter|half)"
    r"|\bfiscal\s+\d{4})$",
    re.IGNORECASE,
)
_BASE_PERIOD = re.compile(
    r"^(?:a|one|the)\s+(?:year|quarter)\s+(?:ago|earlier|before)$|year-ago|year-earlier|^last year$",
    re.IGNORECASE,
)
_COMPARES = re.compile(r"\b(?:from|compared|versus|than|up|down)\b", re.IGNORECASE)
# Nothing but a clause's opening before a date: the sentence's start, a comma or
# semicolon, or a conjunction after one ("..., but last year").
_CLAUSE_OPENING = re.compile(
    r"(?:^|[,;]\s*(?:(?:but|and|while|whereas|yet)\s+)?|^(?:but|and|yet)\s+)$", re.IGNORECASE
)
# A subject right after the date: the clause goes on ("last year they contributed").
_SUBJECT_NEXT = re.compile(r",?\s+(?:the|a|an|it|they|he|she|we|its|their|[A-Z]\w*)\b")
# An amount of money, a share or a rate: what a results report gives.
FIGURES = re.compile(r"[$\u00a3\u20ac#]\s?\d|\d\s?%|\bcents\b|\bpercent\b")
_PERIOD_WORD = re.compile(r"quarter|year|half|month|period|season", re.IGNORECASE)
_ENDED_AFTER = re.compile(r"^\s*(?:that\s+|which\s+)?(?:ended|ending|ends|end)\b", re.IGNORECASE)
_ANY_NEXT_WORD = re.compile(r"^\s([A-Za-z][\w\-]*)")
# A capitalised word or an acronym just before a bare year, on the same line.
_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z]*[A-Z]|[A-Z][a-z]+)[ \t]+$")
_FUNCTION_WORDS = frozenset(
    """the a an and or but nor to when as after before in on at of for with by from that which
    who whom where while was were is are be been had has have will would could should may might
    can did does do it he she they we i his her its their our this these those there than so
    then until since during through against into about amid under over because if""".split()
)
_DEADLINE_AFTER = re.compile(r"^(?:'s)?\s+(?:deadline|target|goal)\b", re.IGNORECASE)
# "not until Friday", "won't open until 2026", "wasn't to begin shipping until 1993": what
# is not done before the date is done at it; not a negated relative clause ("the shares
# that it doesn't own until ...").
_NOT_UNTIL = re.compile(
    r"(?:\bnot|\b(?:\w+\s+)?\w+n't|\bnever)\s+"
    r"(?:[^\s.;:,]+\s+){0,6}?until\s+$",
    re.IGNORECASE,
)
_WHEN_AFTER = re.compile(r"^\s*(?:,|_|--)?\s*(?:when|to\s+[a-z]+)\b")
# A plural noun right after a date: "overnight losses", "weekend talks".
_NOUN_AFTER = re.compile(r"\s+(?!(?:was|has|is|its|this|was)\b)[a-z]{3,}s\b")
_WHEN_CLAUSE = re.compile(r"\s*,\s*when\s")
_NEXT_WORD = re.compile(r"^\s*([a-z][a-z\-]+)")


def _premodifies_event(after: str) -> bool:
    """True for "the 1998 bombing", "Friday's talks": the date stamps an event noun."""
    words = re.findall(r"[a-z][a-z\-]+", after[:40].lower())[:3]
    table = triggers()
    return any(
        (w in table and (table[w][2] == "noun" or table[w][3] in ("ing", "base")))
        or w.endswith(("ization", "isation"))  # "its 1988 recapitalization"
        or w in ("law", "laws")  # "a 1996 law": passed that year
        for w in words
    )


# Both ends of a range: "between 1994 and 1997", "from Sept. 14 to Thursday".
_RANGE_BEFORE = re.compile(
    r"\b(?:between\s+(?:the\s+)?|between\s+[^,;.]{1,30}?\s+and\s+(?:the\s+)?|from\s+(?:the\s+)?|"
    r"from\s+[^,;]{1,30}?\s+(?:to|through|until)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
RANGE_ENDINGS = ("between", "the", "and", "from", "to", "through", "until")  # `_RANGE_BEFORE`'s
# "by" opening a clause ("But by Monday, officials had ...") sets the scene instead.
_BY_BEFORE = re.compile(
    r"(?<![,.;]\s)(?<!^)(?<!\bBut\s)\bby\s+(?:the\s+(?:end|middle|close)\s+of\s+(?:the\s+)?)?$"
)
BY_ENDINGS = ("by", "of", "the")  # what `_BY_BEFORE` ends with


# "declared a dividend, payable Dec. 15 to holders of record Nov. 17": the days of a
# payout's schedule; the declaration is not on them.
_PAYABLE = re.compile(r",\s*(?:payable|distributable)\s+(?:on\s+)?$", re.IGNORECASE)


# "two days after Hamas gunmen attacked": an offset from a happening, not from a date.
_OFFSET_FROM_EVENT = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
    r"(?:day|week|month|year|hour)s?\s+(?:after|before|since)$",
    re.IGNORECASE,
)


# "has fallen 2% this year through Oct. 19", "this year to June": a running total, told
# for the period and as of the day it runs to.
_RUNNING_PERIOD_THROUGH = re.compile(
    r"\bthis\s+(?:year|quarter|month)\s+(?:through|to)\s+$", re.IGNORECASE
)
RUNNING_ENDINGS = ("through", "to")  # what `_RUNNING_PERIOD_THROUGH` ends with
_RANGE_AFTER = re.compile(r"^\s+(?:to|through|until|till)\b", re.IGNORECASE)
_TIMETABLE = re.compile(
    r"\b(?:each|every|daily|weekly|monthly|nights|mornings|weekends|a week|a day|a month)\b",
    re.IGNORECASE,
)
_RECURRING_AFTER = re.compile(
    r"(?:\s+and\s+\w+)?\s+(?:nights|mornings|afternoons|evenings|weekends)\b", re.IGNORECASE
)
_YEAR_AGO = re.compile(r"(?:year|quarter)-(?:ago|earlier)(?:\s+(?:period|quarter|results))?")


_GENERIC_TODAY = re.compile(
    r"^(?:'s|\u2019s)\s+(?:\w+\s+)?(?:world|youth|society|generation|economy|children|"
    r"standards|terms|market|technology|computers|politics|young)\b",
    re.IGNORECASE,
)


def comparison_base(text: str, tx: Timex, sentence: tuple[int, int] | None = None) -> bool:
    """The date is the period a figure is compared with: "up from $3 million a year
    earlier", "compared with $1.61 Wednesday", "the year-ago quarter".

    What the clause itself says happened then is still a dated fact ("Harlow Mills earned
    $7 million in the year-ago quarter"), but a figure's past, not the news: such
    events rank last (see ``compared_figure`` for the bases that date nothing).
    """
    if _YEAR_AGO.fullmatch(tx.text.lower().removeprefix("the ").removeprefix("a ")):
        return True  # "the year-ago results", "year-earlier profit": a comparison label
    if sentence is not None and _BASE_PERIOD.search(tx.text):
        # "up from $3 million a year earlier": the period is a comparison base.
        if (
            FIGURES.search(text, sentence[0], sentence[1])
            and (
                tx.text.lower() != "last year"
                or (
                    _COMPARES.search(text, sentence[0], sentence[1])
                    # "No profit came this year, but last year they contributed $34 million":
                    # a "last year" opening its own clause dates that clause's happening.
                    and not (
                        _CLAUSE_OPENING.search(text[sentence[0] : tx.start])
                        and _SUBJECT_NEXT.match(text, tx.end)
                    )
                )
            )
        ):
            return True
    before = text[max(0, tx.start - 80) : tx.start]
    if not may_hold(before, _COMPARING_WORDS):
        return False  # both patterns need one of these words: skip their slow search
    return bool(_FROM_FIGURE.search(before) or _COMPARED_FIGURE.search(before))


# What a period's results held: "year-earlier results included a $2 million gain".
_HELD_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:also\s+)?(?:included|includes|include|reflected|contained|showed)\b",
    re.IGNORECASE,
)
_COMPARING = re.compile(
    r"\b(?:from|compared|versus|vs|(?<!more )(?<!less )(?<!fewer )than|against|below|above)\b"
    r"|\b(?:premium|discount)\s+(?:over|to|on)\b",
    re.IGNORECASE,
)


def compared_figure(text: str, tx: Timex, sentence: tuple[int, int] | None = None) -> bool:
    """A comparison base that dates only the figure compared with, not the clause's
    happening: "Exports rose to $4 billion, up from $3 billion in 2021" (the rise is
    not in 2021), "compared with a deficit of $2 million in 2022".

    >>> from tracker.extract.types import Timex
    >>> s = "Exports rose to $4 billion, up from $3 billion in 2021."
    >>> compared_figure(s, Timex("2021", s.index("2021"), s.index("2021") + 4, "DATE", "2021"))
    True
    >>> s = "Harlow Mills earned $7 million in the year-ago quarter."
    >>> at = s.index("the year-ago")
    >>> compared_figure(s, Timex("the year-ago quarter", at, at + 20, "DATE", "1988-Q3"))
    False
    """
    if not comparison_base(text, tx, sentence):
        return False
    lo = max(sentence[0] if sentence else 0, tx.start - 80)
    if re.fullmatch(r"(?:year|quarter)-(?:ago|earlier)", tx.text.lower()) and (
        sentence is None
        or _COMPARING.search(text, sentence[0], tx.start)
        or not _HELD_AFTER.match(text, tx.end)
    ):
        # "compared with year-earlier profit of $3 million", "the year-ago results were
        # restated": a label on a figure; "Year-earlier results included a gain" tells
        # what that period held, a fact of its own.
        return True
    return bool(_COMPARING.search(text, lo, tx.start))


# What news says is "due" on a day happens that day: a vote, a verdict, a report. A
# security or a bill "due 2030" only matures or falls due, so it dates no happening.
_SCHEDULED = frozenset(
    """election elections vote referendum verdict verdicts ruling decision decisions report
    reports results figures data announcement hearing trial sentencing talks meeting summit
    visit arrival launch release reply response answer debate poll polls""".split()
)
_DUE_BEFORE = re.compile(
    r"\b([a-z]+)(?:\s+(?:on|of|for|from|in)\s+(?:the\s+)?[\w-]+)?"
    r"\s+(?:(?:is|are|was|were)\s+)?(?:now\s+|also\s+)?due\s+$",
    re.IGNORECASE,
)


# "The strike will continue until Friday", "price wars will last through next year": a
# state that goes on up to the date is told of that date (it holds then), unlike an act
# whose limit the date sets ("extended the offer until Friday", "through Oct. 19").
_LASTS_UNTIL = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|remain(?:s|ed|ing)?|(?<!the\s)(?<!at\s)last(?:s|ed|ing)?|persist(?:s|ed|ing)?)\b"
    r"(?:\s+(?!and\b|but\b)[\w%$'-]+){0,8}?\s+(?:through|throughout|until|till)\s+$",
    re.IGNORECASE,
)


def _scheduled(before: str) -> bool:
    """ "the election due this September", "a decision on the plant is due next week": a
    happening set for the date, not a deadline or a maturity.

    >>> _scheduled("With the general election due ")
    True
    >>> _scheduled("a ruling on the appeal is due ")
    True
    >>> _scheduled("$100 million of senior notes due ")
    False
    """
    m = _DUE_BEFORE.search(before)
    return m is not None and m.group(1).lower() in _SCHEDULED


def _not_until(before: str) -> bool:
    m = _NOT_UNTIL.search(before)
    return m is not None and not _RELATIVE_END.search(before, 0, m.start())


_RELATIVE_END = re.compile(r"\b(?:that|which|who|whom)\s+$", re.IGNORECASE)


_LONE_DATE_REST = re.compile(r"(?:\s|[.,;:!\-\u2014\u2013]|\b(?:in|on|at|by)\b)*", re.IGNORECASE)


def lone_date(text: str, sentence: tuple[int, int], tx: Timex) -> bool:
    """Whether the sentence is the date alone ("January 1997.", "In March 2003."): a
    chronology's or a broadcast's way to set the time of what the next sentence tells.

    >>> from tracker.extract.types import Timex
    >>> s = "In January 1997. A bomb went off at a clinic."
    >>> lone_date(s, (0, 16), Timex("January 1997", 3, 15, "DATE", "1997-01"))
    True
    >>> s = "Police said in January 1997."
    >>> lone_date(s, (0, len(s)), Timex("January 1997", 14, 26, "DATE", "1997-01"))
    False
    """
    lo, hi = sentence
    return bool(
        _LONE_DATE_REST.fullmatch(text, lo, tx.start)
        and _LONE_DATE_REST.fullmatch(text, tx.end, hi)
    )


def dates_a_happening(
    text: str,
    tx: Timex,
    sentence: tuple[int, int] | None = None,
    *,
    bases: bool = False,
    figures: bool = False,
) -> bool:
    """False when the context shows the date is a boundary, base or label; a
    comparison base passes when ``bases`` is set (see ``comparison_base``), and any
    base, even of a compared figure, when ``figures`` is set."""
    before = text[max(0, tx.start - 80) : tx.start]
    if _OFFSET_FROM_EVENT.match(tx.text):
        return False
    if is_stamp(text, tx.start):
        return False  # "(Updated 7:40 p.m.)": the page's stamp
    if names_a_contract(text, tx.text, tx.end):
        return False  # "December wheat": the month names the contract
    if _RECURRING_AFTER.match(text, tx.end):
        return False  # "on Monday and Tuesday nights": a timetable, not a day
    if (
        not figures
        and (compared_figure if bases else comparison_base)(text, tx, sentence)
        and not (_WHEN_CLAUSE.match(text, tx.end))
    ):
        # "down 6% from Oct. 13, when the crash began": the base date gets a happening of
        # its own in the "when" clause.
        return False
    # Each look-back pattern below ends at the date; a cheap test of the word last
    # before it comes first (see `scan.may_end_with`).
    if (
        may_end_with(before, PERIOD_END_ENDINGS)
        and _PERIOD_END.search(before)
        and not _UNNAMED_PERIOD_ENDED.search(before)
    ):
        return False
    if _PAYABLE.search(before):
        return False  # "declared a dividend, payable Dec. 15": the payment's day, not the news
    after = text[tx.end : tx.end + 40]
    if (
        _PERIOD_WORD.search(tx.text)
        and _ENDED_AFTER.match(after)
        and not _NAMED_PERIOD.search(tx.text)
    ):
        return False  # "the year ended Sept. 30": the day dates it (see _UNNAMED_PERIOD_ENDED)
    if tx.text.lower() == "today" and _GENERIC_TODAY.match(after):
        return False  # "today's youth", "in today's world": the present age, not a day
    if _premodifies_event(after) and re.match(r"^(?:'s|\u2019s)?\s+[A-Za-z]", after):
        return True
    bound = _BOUNDARY_BEFORE.search(before) if may_end_with(before, BOUNDARY_ENDINGS) else None
    if bound and may_end_with(before, RUNNING_ENDINGS) and _RUNNING_PERIOD_THROUGH.search(before):
        bound = None  # "has fallen 2% this year through Oct. 19": as of that day
    during = _DURING.match(bound.group()) if bound else None
    if during and granularity_of(tx) in (_LONG_PERIODS if during.group(1) else ("decade", "week")):
        # "throughout 2003" is during it, and so is "through the nineties" or "through
        # this week"; "through Friday" and "through 2025" (a contract "runs through
        # 2025") are the last day or year of a span. Within a day ("throughout the
        # afternoon") a date stays what the story's day holds.
        bound = None
    if (
        bound
        and not (figures and _COMPARES.search(bound.group()))
        and not _WHEN_AFTER.match(after)
        and not _not_until(before)  # "it was not until Friday that the minister conceded"
        and not _scheduled(before)
        and not _LASTS_UNTIL.search(before)
    ):
        return False
    if _AFTER_COMPARISON.match(after):
        return False
    if tx.start < 200 and _DATELINE.search(before) and _DATELINE_AFTER.match(after):
        return False
    if re.fullmatch(r"\d{4}", tx.text) and _NAMED_LAW.search(before):
        return False
    if re.fullmatch(r"\d{4}", tx.text):
        prev = _NAME_BEFORE.search(before)
        if prev and prev.group(1).lower() not in _FUNCTION_WORDS:
            return False  # "WWDC 2005", "Expo 2020": the year is part of a name
    if re.fullmatch(r"\d{4}|\d{4}s", tx.text):
        nxt = _ANY_NEXT_WORD.match(after)
        if (
            nxt
            and nxt.group(1).lower() not in _FUNCTION_WORDS
            and (
                _PREMOD_BEFORE.search(before)
                or nxt.group(1)[0].isupper()
                or nxt.group(1).endswith("s")
            )
        ):
            return False  # "his 1990 earnings projection", "the 2000 Olympics": a label
    rng = _RANGE_BEFORE.search(before[-60:]) if may_end_with(before, RANGE_ENDINGS) else None
    if rng and (
        " ".join(rng.group().lower().split()) not in ("from", "from the")
        or _RANGE_AFTER.match(after)
        or (sentence is not None and _TIMETABLE.search(text, sentence[0], sentence[1]))
    ):
        # "between 1994 and 1997", "from Sept. 14 to Thursday", a timetable's "from
        # March 30": bounds. A bare start ("join the bloc from January") dates a change.
        return False
    if (
        may_end_with(before, BY_ENDINGS)
        and _BY_BEFORE.search(before)
        and not _NOUN_AFTER.match(after)
    ):
        # "by Jan. 14", "by the end of the month": a deadline; not "hit by overnight
        # losses", where the date describes the noun after it
        return False
    if _DEADLINE_AFTER.match(after):
        return False
    return True
