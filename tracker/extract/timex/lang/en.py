"""English: the rules of the temporal-expression grammar, most specific first.

Each `Rule` names its regex (built from the word lists in `lexicon` and the
fragments in `patterns`), the normaliser that turns a match into a TIMEX3
value, and worked examples that run as tests (tests/test_timex_rules.py),
read against a Wednesday, 13 November 2024, unless they say otherwise. Order
matters: at a position the first rule that matches wins, so full dates come
before months, months before bare years, and so on.

All quantifiers are bounded or separated by literal words, so no rule can
backtrack catastrophically.
"""

from __future__ import annotations

from datetime import date

from tracker.extract.timex import (
    absolute,
    clock,
    comparisons,
    durations,
    holidays,
    relative,
    weekdays,
)
from tracker.extract.timex.detect import accept
from tracker.extract.timex.lexicon import DECADE_WORDS, SEASONS, alt
from tracker.extract.timex.patterns import (
    ABBR_MONTHS,
    CLOCK,
    DAY,
    DAY2,
    FULL_MONTHS,
    HOLIDAYS,
    MOD,
    MONTH,
    MONTH2,
    NUM,
    ORD_Q,
    ORDINAL_WORD,
    PART,
    REL,
    REL_UNIT,
    SEASON,
    SET_UNIT,
    TZ,
    UNIT,
    VAGUE,
    WD,
    WD_FULL,
    WDF,
    YEAR,
    YEAR2,
    YEAR_WORDS,
)
from tracker.extract.timex.rules import Example, Language, Rule

# A decade: "1980s", "1990's", "'80s", "the nineties".
DECADE = rf"(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s|(?P<decw>{alt(DECADE_WORDS)}))"

RULES: tuple[Rule, ...] = (
    Rule(
        "week_of",
        doc='"the week of March 6": the week holding that day; "the weekend of" its weekend',
        pattern=rf"the\s+week(?P<wkend>end)?\s+of\s+(?:(?P<day0>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}"
        rf"(?:\s+{DAY})?(?:,?\s+{YEAR})?",
        normalise=absolute.rule_week_of,
        examples=(
            Example(
                "Hearings are set for the week of March 3.",
                "the week of March 3",
                "2025-W10",
                type="DATE",
            ),
            Example(
                "The summit is set for the weekend of June 14-15.",
                "the weekend of June 14",
                "2025-W24-WE",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "iso",
        pattern=r"(?P<y>(?:1[0-9]|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
        r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
        normalise=absolute.rule_iso,
        examples=(
            Example("The filing is dated 2023-06-30.", "2023-06-30", "2023-06-30", type="DATE"),
            Example(
                "Logged at 2024-02-01T08:15Z by the desk.",
                "2024-02-01T08:15Z",
                "2024-02-01T08:15",
                type="TIME",
            ),
        ),
    ),
    Rule(
        "numeric",
        pattern=r"(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[0-9]|20)\d\d|\d\d)(?![\d/.-]\d)",
        normalise=absolute.rule_numeric,
        examples=(
            Example(
                "The treaty was signed on 10/04/2019 in Oslo.",
                "10/04/2019",
                "2019-10-04",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "clock",
        pattern=rf"(?:(?P<approx>about|around|approximately|shortly\s+(?:before|after))\s+)?{CLOCK}{TZ}(?:,?\s+(?:on\s+)?(?:(?P<wdrel>last|next|this)\s+)?(?P<wd>{WD_FULL})|\s+(?P<rel>today|yesterday|tomorrow|tonight)|,?\s+(?:on\s+)?(?:{MONTH}\s+{DAY}|(?P<dday>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmon>{alt(FULL_MONTHS)}|{alt(ABBR_MONTHS)}\.?))(?:,?\s+{YEAR})?)?",
        normalise=clock.rule_clock,
        examples=(
            Example(
                "Polls close at 8 p.m. on Friday.",
                "8 p.m. on Friday",
                "2024-11-08T20:00",
                type="TIME",
            ),
            # a weekday with "last" or "next" after the time: told on a Monday, "last
            # Monday" is a week back, not the day itself
            Example(
                "The rocket rose at 4.10 am last Monday.",
                "4.10 am last Monday",
                "2024-11-04T04:10",
                type="TIME",
                anchor=date(2024, 11, 11),
            ),
            # the plural present of a schedule verb looks ahead: "polls open"
            Example(
                "Polls open at 7 a.m. Thursday.",
                "7 a.m. Thursday",
                "2024-11-14T07:00",
                type="TIME",
            ),
            # a zone in brackets keeps its closing bracket, not the words after it
            Example(
                "The quake struck at 03:47 local time (01:47 GMT) on Saturday.",
                "01:47 GMT",
                "2024-11-09T01:47",
                type="TIME",
            ),
            Example(
                "The ferry will sail at six o'clock.",
                "six o'clock",
                "2024-11-13T06:00",
                type="TIME",
            ),
        ),
    ),
    Rule(
        "mdy",
        doc='"Monday, Jan. 20, 2025", "January 20th", "Jan 20-22"',
        pattern=rf"(?:{WD},?\s+)?{MONTH}\s+{DAY}(?:\s*(?:-|–|to|through)\s*{DAY2})?(?:,?\s+{YEAR})?",
        normalise=absolute.rule_mdy,
        examples=(
            Example(
                "The envoy arrived on Jan. 20, 2025.", "Jan. 20, 2025", "2025-01-20", type="DATE"
            ),
            Example("The court will rule on December 2.", "December 2", "2024-12-02", type="DATE"),
            # no year: the article's year, which in the past tense lies behind
            Example(
                "The new governor was sworn in on January 8.",
                "January 8",
                "2024-01-08",
                type="DATE",
            ),
            # a day history names by its date: the happening beside it says which year
            Example(
                "Security rules have tightened since the September 11 attacks.",
                "September 11",
                "2001-09-11",
                type="DATE",
            ),
            Example(
                "The council voted on September 11.", "September 11", "2024-09-11", type="DATE"
            ),
        ),
    ),
    Rule(
        "dmy",
        doc='"20 January 2025", "the 20th of January", "from 20 to 22 January"',
        pattern=rf"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s*(?:-|–|to|and)\s*{DAY2})?\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
        normalise=absolute.rule_dmy,
        examples=(
            Example("The port reopened on 4 July 2021.", "4 July 2021", "2021-07-04", type="DATE"),
            Example(
                "Talks ran from 20 to 22 January 2023.",
                "20 to 22 January 2023",
                "2023-01-20",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "month_range",
        pattern=rf"(?:between\s+|from\s+)?{MONTH}\s*(?:-|–|to|and|through|until)\s*{MONTH2},?\s+(?:of\s+)?{YEAR}",
        normalise=absolute.rule_month_range,
        examples=(
            Example(
                "Exports slumped between March and May 2022.",
                "March and May 2022",
                "2022-03",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "month_range_rel",
        pattern=rf"(?:between|from)\s+{MONTH}\s*(?:-|–|to|and|through|until)\s*{MONTH2}(?![\s,]+(?:of\s+)?\d)",
        normalise=absolute.rule_month_range_rel,
        examples=(
            Example(
                "Roadworks will run from June to August.", "June to August", "2025-06", type="DATE"
            ),
        ),
    ),
    Rule(
        "month_year",
        pattern=rf"(?:{MOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?{YEAR}",
        normalise=absolute.rule_month_year,
        examples=(
            Example("The mine closed in October 2019.", "October 2019", "2019-10", type="DATE"),
            Example(
                "Growth slowed in early March 2020.", "early March 2020", "2020-03", type="DATE"
            ),
        ),
    ),
    Rule(
        "month_rel_year",
        pattern=rf"(?:{MOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
        normalise=absolute.rule_month_rel_year,
        examples=(
            Example("The law passed in June last year.", "June last year", "2023-06", type="DATE"),
        ),
    ),
    Rule(
        "rel_month",
        pattern=rf"(?:{MOD}[\s-]+)?(?P<rel>last|next|this\s+past|this\s+coming|this)\s+{MONTH}(?!\.?\s*\d)",
        normalise=absolute.rule_rel_month,
        examples=(
            Example(
                "The minister resigned last February.", "last February", "2024-02", type="DATE"
            ),
            # The month just gone is "last month": named, it is the one a year before.
            Example(
                "Two ferries collided last October.",
                "last October",
                "2023-10",
                anchor=date(2024, 11, 2),
                type="DATE",
            ),
            Example(
                "Two ferries collided this past October.",
                "this past October",
                "2024-10",
                anchor=date(2024, 11, 2),
                type="DATE",
            ),
            Example(
                "The plant opens next December.",
                "next December",
                "2025-12",
                anchor=date(2024, 11, 2),
                type="DATE",
            ),
        ),
    ),
    Rule(
        "year_range",
        doc='"2014-2022", "1998-99"; "between 1994 and 1997" stays two expressions, as in TimeML.',
        pattern=rf"{YEAR}\s*[-–]\s*{YEAR2}",
        normalise=absolute.rule_year_range,
        examples=(Example("He led the agency in 2014-2018.", "2014-2018", "2014", type="DATE"),),
    ),
    Rule(
        "season",
        pattern=rf"(?:{MOD}[\s-]+)?(?:the\s+)?{SEASON}(?:\s+of)?,?\s+{YEAR}",
        normalise=absolute.rule_season,
        examples=(
            Example(
                "The bridge opened in the spring of 2021.",
                "the spring of 2021",
                "2021-SP",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "season_the",
        pattern=rf"(?:{MOD}[\s-]+)?the\s+(?:(?P<mod2>early|late|mid)[\s-]+)?{SEASON}(?!\s+of\s)",
        normalise=absolute.rule_season_the,
        examples=(
            Example("Crops failed during the summer.", "the summer", "2024-SU", type="DATE"),
        ),
    ),
    Rule(
        "quarter",
        pattern=rf"(?:(?P<det>the)\s+)?(?:fiscal[\s-]+)?(?:{ORD_Q}(?P<sep>[\s-]+)(?:fiscal[\s-]+)?(?P<qh>quarter|half)(?!\s+of\s+(?:the\s+)?{DECADE})|Q(?P<qn>[1-4])|(?P<hn>[12])H|H(?P<hn2>[12]))(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?:{YEAR}|(?P<thisyear>this|last|next)\s+year)|(?P<ofyear>\s+of\s+the\s+(?:current\s+)?year))?",
        normalise=absolute.rule_quarter,
        examples=(
            Example(
                "Sales fell in the third quarter.", "the third quarter", "2024-Q3", type="DATE"
            ),
            # "of the year": the last one of this year, not the one before this
            Example(
                "Hiring tends to pick up in the last half of the year.",
                "the last half of the year",
                "2024-H2",
                type="DATE",
            ),
            Example("Output rose in Q2 2023.", "Q2 2023", "2023-Q2", type="DATE"),
        ),
    ),
    Rule(
        "quarter_pre",
        pattern=rf"(?:the\s+)?(?:{YEAR}|(?P<thisyear>this|last|next)\s+year's)\s+(?:fiscal\s+)?(?:{ORD_Q}[\s-]+(?P<qh>quarter|half)|Q(?P<qn>[1-4]))",
        normalise=absolute.rule_quarter_pre,
        examples=(
            Example(
                "The group lifted its 2023 fourth quarter outlook.",
                "2023 fourth quarter",
                "2023-Q4",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "year_period",
        doc='"the 1988 period", "last year\'s quarter": the quarter under discussion, in that year',
        pattern=rf"(?:the\s+{YEAR}|(?P<rel>last|this)\s+year's)\s+(?P<unit>quarter|period)",
        normalise=absolute.rule_year_period,
        examples=(
            Example(
                "Orders beat the 2022 period by a third.", "the 2022 period", "2022-Q3", type="DATE"
            ),
        ),
    ),
    Rule(
        "year_end",
        doc='"by year-end", "since year end", "before year\'s end"',
        pattern=r"(?:(?P<rel>this|last|next)\s+)?year(?:'s)?[\s-]+end(?![\w-])",
        normalise=absolute.rule_year_end,
        examples=(
            Example("The merger should close by year-end.", "year-end", "2024", type="DATE"),
        ),
    ),
    Rule(
        "period_year_ago",
        doc='"the corresponding period last year", "the quarter a year ago"',
        pattern=r"the\s+(?:(?:corresponding|comparable|same|like)\s+)?(?P<unit>period|quarter)\s+"
        r"(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))",
        normalise=comparisons.rule_period_year_ago,
        examples=(
            Example(
                "Third-quarter sales rose from the same period last year.",
                "the same period last year",
                "2023-Q3",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "year_ago_adj",
        pattern=r"(?P<the>the\s+(?:comparable\s+|same\s+)?)?year[\s-](?:earlier|ago)(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?P<unit>quarter|period|month|week|year))?",
        normalise=comparisons.rule_year_ago_adj,
        examples=(
            Example("Year-earlier sales were flat.", "Year-earlier", "2023", type="DATE"),
            Example(
                "Profit doubled from the year-ago quarter.",
                "the year-ago quarter",
                "2023-Q3",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "decade",
        doc='"the 1980s", "the late nineties", "the first half of the \'90s" (a decade, mod START)',
        pattern=rf"(?:(?P<the>the)\s+)?(?:(?P<half>first|second|last|latter)\s+half\s+of\s+(?:the\s+)?)?"
        rf"(?:{MOD}[\s-]+)?{DECADE}",
        normalise=absolute.rule_decade,
        examples=(
            Example("The factory boomed in the 1980s.", "the 1980s", "198", type="DATE"),
            Example(
                "Sales stayed flat through the last half of the '90s.",
                "the last half of the '90s",
                "199",
                type="DATE",
            ),
            Example(
                "Rents were lower in the late nineties.", "the late nineties", "199", type="DATE"
            ),
        ),
    ),
    Rule(
        "century",
        pattern=rf"(?:the\s+)?(?:{MOD}[\s-]+)?(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century",
        normalise=absolute.rule_century,
        examples=(
            Example(
                "The chapel dates from the 12th century.", "the 12th century", "11", type="DATE"
            ),
        ),
    ),
    Rule(
        "fiscal",
        pattern=rf"(?:the\s+)?fiscal(?:\s+year)?\s+(?:{YEAR}|(?P<fy2>\d\d)\b)|FY\s?(?P<fy3>(?:19|20)\d\d|\d\d)\b",
        normalise=absolute.rule_fiscal,
        examples=(
            Example("The budget for fiscal 2025 is larger.", "fiscal 2025", "2025", type="DATE"),
        ),
    ),
    Rule(
        "holiday",
        doc='"Christmas Day", "Thanksgiving 2019", "Easter week" (the week holding the day)',
        pattern=rf"(?:(?P<rel>last|next|this)\s+)?{HOLIDAYS}(?P<hweek>\s+week(?![\w-]))?(?:,?\s+{YEAR})?",
        normalise=holidays.rule_holiday,
        examples=(
            Example(
                "Shops will close on Christmas Day.", "Christmas Day", "2024-12-25", type="DATE"
            ),
            Example(
                "The strike ended before Thanksgiving 2019.",
                "Thanksgiving 2019",
                "2019-11-28",
                type="DATE",
            ),
            # a week before the holiday, a past verb still means this year's
            Example(
                "Crowds filled the squares as Christmas week began.",
                "Christmas week",
                "2024-W52",
                type="DATE",
                anchor=date(2024, 12, 20),
            ),
        ),
    ),
    Rule(
        "year_words",
        doc='"January nineteen ninety-seven", "the winter of nineteen ninety-four" (transcripts)',
        pattern=rf"(?:the\s+year\s+|(?P<ym>{alt(FULL_MONTHS)})\s+|(?:the\s+)?(?P<ys>{alt(SEASONS)})\s+of\s+)?"
        rf"{YEAR_WORDS}(?![\s-]+years?\b)",
        normalise=holidays.rule_year_words,
        examples=(
            Example(
                "It happened in nineteen eighty-four.", "nineteen eighty-four", "1984", type="DATE"
            ),
        ),
    ),
    Rule(
        "ago",
        doc='"two days ago", "a year earlier", "several weeks later"',
        pattern=rf"(?:(?P<approx>nearly|almost|about|some|more\s+than|over|roughly|just|only)\s+)?(?:{NUM}|{VAGUE})(?:\s+or\s+so)?[\s-]+{UNIT}(?:\s+or\s+so)?(?:\s+|(?=['\u2019]))(?P<dir>ago|earlier|later|from\s+now|hence|['\u2019]s?\s+time|(?:before|after)(?!\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|we|I|[a-z]+ing)\b))",
        normalise=relative.rule_ago,
        examples=(
            Example("The mayor resigned two days ago.", "two days ago", "2024-11-11", type="DATE"),
            Example(
                "The ceasefire collapsed three weeks later.",
                "three weeks later",
                "2024-W49",
                type="DATE",
            ),
            # "later", "ago" are adverbs: what follows is the clause, not an object
            Example(
                "The mill opened in 1998. A year later it was sold.",
                "A year later",
                "1999",
                type="DATE",
            ),
            # before/after a named day counts from it, and takes it in
            Example(
                "The shop closed two days after Christmas.",
                "two days after Christmas",
                "2024-12-27",
                type="DATE",
                anchor=date(2025, 1, 6),
            ),
            # ... from an event with no date, only the length is known
            Example("Two days after Smith resigned, the board met.", "Two days", "P2D"),
            # ... unless that event's day is given, as for "two days after the vote"
            Example(
                "He was freed two days after Smith resigned on March 3.",
                "two days",
                "2024-03-05",
            ),
        ),
    ),
    Rule(
        "recent",
        pattern=r"(?P<w>recent|the\s+coming|coming|the\s+next\s+few|future)\s+(?P<unit>days|weeks|months|years|quarters|decades)",
        normalise=relative.rule_recent,
        examples=(
            Example("Prices have fallen in recent weeks.", "recent weeks", "PAST_REF", type="DATE"),
        ),
    ),
    Rule(
        "freq",
        doc='"twice a year", "three times a week": a frequency (TimeML SET)',
        pattern=r"(?P<freq>once|twice|(?:three|four|five|six|ten|\d{1,2})\s+times)\s+(?:a|an|per|each)\s+"
        r"(?P<unit>day|week|month|year|quarter|decade)(?![\w-])",
        normalise=durations.rule_freq,
        examples=(Example("The board meets twice a year.", "twice a year", "P1Y", type="SET"),),
    ),
    Rule(
        "set",
        pattern=rf"(?:every|each)\s+(?:other\s+|(?P<n>two|three|four|five|six|ten|twelve|\d{{1,2}})\s+)?(?:(?P<wd>{WD_FULL})|(?P<mname>{alt(FULL_MONTHS)})(?![\w-]|\s+Day\b)|(?P<unit>{SET_UNIT})s?)|(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)",
        normalise=durations.rule_set,
        examples=(
            Example("The council meets every Monday.", "every Monday", "XXXX-WXX-1", type="SET"),
            Example("The fleet sails north each June.", "each June", "XXXX-06", type="SET"),
            Example("The paper is printed daily.", "daily", "P1D", type="SET"),
        ),
    ),
    Rule(
        "duration",
        pattern=rf"(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|final|following|remaining|same|latest)|the(?=\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))|another|an?\s+(?:additional|further)|more\s+than|less\s+than|nearly|almost|about|roughly|over|some|up\s+to|at\s+least)\s+)?(?:{NUM}|{VAGUE})(?:\s+(?:more|full|straight|consecutive|successive))?[\s-]+{UNIT}(?!-(?:earlier|ago)\b)(?:[\s-]+(?:long|old))?",
        normalise=durations.rule_duration,
        examples=(
            Example("The strike lasted six weeks.", "six weeks", "P6W", type="DURATION"),
            Example(
                "Negotiators talked for nearly 20 hours.", "20 hours", "PT20H", type="DURATION"
            ),
        ),
    ),
    Rule(
        "bare_units",
        doc='"for years", "within weeks": an unspecified number of units',
        pattern=r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s))"
        r"(?P<unit>years|months|weeks|days|decades|hours)(?![\w-])(?!\s+(?:of|old|ago)\b)",
        normalise=durations.rule_bare_units,
        examples=(
            Example("The two towns have feuded for years.", "years", "PXY", type="DURATION"),
        ),
    ),
    Rule(
        "day_around",
        pattern=r"the\s+day\s+(?P<w>before\s+yesterday|after\s+tomorrow)",
        normalise=relative.rule_day_around,
        examples=(
            Example(
                "The parcel arrived the day before yesterday.",
                "the day before yesterday",
                "2024-11-11",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "ordinal_day",
        doc='"today is the eighth day of the strike", "Monday was the third straight day"',
        pattern=rf"the\s+(?P<ord>{ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))\s+"
        r"(?:(?:straight|consecutive|successive|full)\s+)?day\b(?!s)",
        normalise=relative.rule_ordinal_day,
        examples=(
            Example(
                "Schools stayed shut; today is the fourth day of the strike.",
                "the fourth day",
                "2024-11-13",
                type="DATE",
            ),
            Example(
                "Ferries stopped on Monday. It was the third straight day of storms.",
                "the third straight day",
                "2024-11-11",
                type="DATE",
            ),
            Example(
                "Monday was the 10th day of protests.", "the 10th day", "2024-11-11", type="DATE"
            ),
        ),
    ),
    Rule(
        "day_of_month",
        doc='"on the 20th": a day of the month in discussion (only after "on", and not "the 20th anniversary")',
        pattern=r"(?<=\bon\s)the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*[,.;:)]|\s*$|\s+(?:and|but|when|at|in|on|they|he|she|it|we|I|you|the|a|an|to|for|after|before|as|with|was|were|is|will|had|has)\b)",
        normalise=absolute.rule_day_of_month,
        examples=(
            Example(
                "Voting opened in May; on the 12th it was halted.",
                "the 12th",
                "2024-05-12",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "rel_unit",
        pattern=rf"(?:{MOD}[\s-]+(?:in\s+)?)?{REL}\s+{REL_UNIT}(?:\s+(?P<part>morning|afternoon|evening|night))?",
        normalise=relative.rule_rel_unit,
        examples=(
            Example("The minister resigned last week.", "last week", "2024-W45", type="DATE"),
            Example("Ticket sales will rise next month.", "next month", "2024-12", type="DATE"),
            Example(
                "The dam burst on 2 May 2019. The following month, the valley was drained.",
                "The following month",
                "2019-06",
            ),
            Example("Losses narrowed in the quarter ended Sept. 30.", "the quarter", "2024-Q3"),
            Example("Shelling went on last night.", "last night", "2024-11-12TNI", type="TIME"),
            Example("The market opens this weekend.", "this weekend", "2024-W46-WE"),
            Example("The drought began last summer.", "last summer", "2024-SU"),
            Example("Profit rose 8% for the full year.", "the full year", "2024"),
            Example(
                "Revenue fell for the year ended March 31.", "the year", "P1Y", type="DURATION"
            ),
            Example("He will be back the next evening.", "the next evening", "2024-11-14TEV"),
            Example("Prices have doubled over the past year.", "the past year", "P1Y"),
            Example(
                "A ruling is expected by the end of the week.",
                "the end of the week",
                "2024-W46",
                type="DATE",
            ),
            Example(
                "Exports slipped in 2021; the year before was far worse.",
                "the year before",
                "2020",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "deictic",
        pattern=r"(?:(?P<mod>late|early|earlier|later|mid)[\s-]+)?(?:(?P<part1>mid-?afternoon|afternoon|morning|evening)\s+)?(?P<w>right\s+now|now|currently|nowadays|presently|at\s+present|these\s+days|today|tonight|overnight(?!\s+(?:rates?|interest|loans?|lending|repos?|index|success|bags?|stays?|trips?|guests?|deposits?|markets?)\b)|yesterday|tomorrow|(?:more\s+|most\s+|until\s+)?recently|lately|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|a\s+later\s+date|the\s+past|the\s+(?:near|short|long)\s+term|current)(?:\s+(?P<part>morning|afternoon|evening|night))?",
        normalise=relative.rule_deictic,
        examples=(
            Example("The minister resigned yesterday.", "yesterday", "2024-11-12", type="DATE"),
            Example("The bridge is now closed.", "now", "PRESENT_REF", type="DATE"),
            # a newspaper's name is no date; the day named after it is
            Example(
                "USA Today said today that the poll was flawed.",
                "today",
                "2024-11-13",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "part_alone",
        doc='"by mid afternoon", "in late morning": a part of the day in discussion',
        pattern=r"(?P<mod>early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)(?!\s+(?:of|on|session|trading|edition|papers?|news|shows?)\b)",
        normalise=relative.rule_part_alone,
        examples=(
            Example(
                "Rain fell on Friday and cleared by mid afternoon.",
                "mid afternoon",
                "2024-11-08TAF",
                type="TIME",
            ),
        ),
    ),
    Rule(
        "year",
        pattern=rf"(?:{MOD}[\s-]+|(?P<pre>the\s+year|in|since|of|by|until|from|during|before|after|for)\s+)?{YEAR}",
        normalise=absolute.rule_year,
        examples=(
            Example("The museum opened in 1998.", "1998", "1998", type="DATE"),
            Example("The plant opens in late 2026.", "late 2026", "2026", type="DATE"),
            Example("Debt should fall by end-2027.", "end-2027", "2027", type="DATE"),
        ),
    ),
    Rule(
        "month",
        pattern=rf"(?:{MOD}[\s-]+)?{MONTH}",
        normalise=absolute.rule_month,
        examples=(
            Example("Parliament will vote in January.", "January", "2025-01", type="DATE"),
            # "a still undecided point": an adjective, not a past tense
            Example(
                "Workers will get the bonus at a still undecided point in March.",
                "March",
                "2025-03",
                type="DATE",
            ),
            # a present-tense schedule ("goes on sale") looks ahead, as "opens" does
            Example("The tablet goes on sale in June.", "June", "2025-06", type="DATE"),
            # "set for", "slated for" put the date ahead, as "scheduled for" does
            Example("Local polls are set for mid-March.", "mid-March", "2025-03", type="DATE"),
        ),
    ),
    Rule(
        "weekday_range",
        doc='"from Friday to Sunday", "Monday through Wednesday": one span, as "20 to 22 January"',
        pattern=rf"(?:(?P<fb>from|between)\s+)?{WDF}\s*"
        rf"(?(fb)(?:to|through|until|till|and|-|–)|(?:through|-|–))\s*(?P<wd2>{WD_FULL})",
        normalise=weekdays.rule_weekday_range,
        examples=(
            Example(
                "The fair runs from Friday to Sunday.",
                "Friday to Sunday",
                "2024-11-15",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "weekday",
        pattern=rf"(?:(?P<pre>(?:late|early|earlier|later)\s+(?:on\s+)?|last\s+|next\s+|this\s+(?:past\s+|coming\s+)?|the\s+(?:previous|prior|preceding|following|next)\s+))?{WDF}(?:\s+{PART}|,?\s+at\s+(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b))?",
        normalise=weekdays.rule_weekday,
        examples=(
            Example("The president flew to Rome on Monday.", "Monday", "2024-11-11", type="DATE"),
            Example("Talks resume next Tuesday.", "next Tuesday", "2024-11-19", type="DATE"),
            Example(
                "The talks collapsed on Friday evening.",
                "Friday evening",
                "2024-11-08TEV",
                type="TIME",
            ),
            Example(
                "Rescuers reached the village late Thursday.",
                "late Thursday",
                "2024-11-07",
                type="DATE",
            ),
            Example(
                "The storm is forecast to make landfall on Thursday morning.",
                "Thursday morning",
                "2024-11-14TMO",
                type="TIME",
            ),
            # a postponement names the new day, which lies ahead
            Example("The trial was adjourned to Monday.", "Monday", "2024-11-18", type="DATE"),
            # and what is delayed had not happened yet, past tense or not
            Example(
                "The league called off Friday's final after the flooding.",
                "Friday",
                "2024-11-15",
                type="DATE",
            ),
            Example("Fans packed Friday's final.", "Friday", "2024-11-08", type="DATE"),
            # "as planned" says the plan was kept, not that the day lies ahead
            Example(
                "The army let the assault go ahead as originally planned on Sunday.",
                "Sunday",
                "2024-11-10",
                type="DATE",
            ),
            # the story's day is named two paragraphs up: "the previous Friday"
            # is the one before it, not the one before the article's day
            Example(
                "Grain futures slid on Friday as traders took profits before the harvest"
                " report.\n\nDealers blamed the slide on the weather. Rain across the"
                " plains delayed planting in several states, and forecasters see more of"
                " it. Some growers have switched to soybeans, which can go in later, and"
                " others are waiting for drier fields before they commit. Exporters said"
                " demand from abroad held steady, while feed buyers stayed on the sidelines"
                " and freight rates on the river barely moved.\n\nThe benchmark contract"
                " ended 3% below its close of the previous Friday.",
                "the previous Friday",
                "2024-11-01",
                type="DATE",
            ),
        ),
    ),
    Rule(
        "ordinal_weekday",
        pattern=rf"{ORD_Q}\s+{WDF}\s+(?:of|in)\s+{MONTH}",
        normalise=weekdays.rule_ordinal_weekday,
        examples=(
            Example(
                "The vote was held on the second Sunday in March.",
                "second Sunday in March",
                "2024-03-10",
                type="DATE",
            ),
        ),
    ),
)

# Words the trigger scan should not wait for when a rule holds a rarer one.
COMMON_WORDS = frozenset(
    """the a an in on of at by to and or for from since until till between during before after
    about around over some more than less up just only nearly almost roughly approximately
    shortly early earlier late later mid middle this that last next previous prior following
    same its their another each every other several few many number numerous""".split()
)

ENGLISH = Language("en", RULES, accept, COMMON_WORDS)
