"""The detection grammar: one ordered list of named regex rules, compiled once.

Each rule is a regex with its own named groups. `MASTER` joins them all into a
single alternation (inner group names prefixed by the rule name, so they stay
unique), which scans the text in one pass. Python's alternation is
leftmost-first, so at a given position the earlier rule wins: rules are listed
from the most specific (full dates) to the least (bare years, weekdays).

All quantifiers are bounded or separated by literal words, so no rule can
backtrack catastrophically.
"""

from __future__ import annotations

import re

from tracker.extract.timex.lexicon import (
    DAY_PARTS,
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    alt,
)

_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
_ABBR_MONTHS = [m for m in MONTHS if len(m) <= 4 and m != "may" and m not in ("june", "july")]
MONTH = rf"(?P<mon>{alt(_FULL_MONTHS)}|{alt(_ABBR_MONTHS)}\.?)"
MONTH2 = MONTH.replace("?P<mon>", "?P<mon2>")
WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WD_ANY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?)"
WD = rf"(?P<wd>{WD_ANY})"
WDF = rf"(?P<wd>{WD_FULL})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d,.]\d)"
YEAR2 = r"(?P<year2>(?:1[0-9]|20)\d\d|\d\d)(?![\d,.]\d)"
SEASON = rf"(?P<season>{alt(SEASONS)})"
PART = rf"(?P<part>{alt(DAY_PARTS)})"
MOD = r"(?P<mod>early|earlier|late|later|mid|middle|the\s+(?:early|late|middle|mid)|the\s+(?:start|beginning|end|middle)\s+of|end\s+of|beginning\s+of|start\s+of|end(?=-)|start(?=-))"
ORD_Q = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
NUM = rf"(?P<num>\d+(?:\.\d+)?|{alt(k for k in NUMBER_WORDS if k not in ('a', 'an'))}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|a|an)"
VAGUE = r"(?P<vague>several|a\s+few|few|many|some|a\s+number\s+of|numerous|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|recent|coming)"
UNIT = rf"(?P<unit>{alt(UNITS)})s?"
TIME = (
    r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)?"
)
TZ = r"(?:\s+\(?(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|IST|JST|AES[DT])\)?|\s+local\s+time)?"
ORDINAL_WORD = alt(k for k in ORDINALS if k not in ("last", "final"))

_REL_UNIT = r"(?P<unit>week|weekend|month|year|quarter|half|decade|century|spring|summer|fall|autumn|winter|period|fiscal\s+year|day|morning|afternoon|evening|night)"
_REL = (
    r"(?P<rel>this(?:\s+past|\s+coming)?|last|next|current|the\s+(?:current|latest|previous|prior|"
    r"following|next|coming|same|last|past|present|full)|that|the|coming|past|previous|same)"
)
_CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
    r"|(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)|(?P<noon>noon|midnight|midday)"
    # "six o'clock", "4 in the morning", "10 o'clock at night"
    r"|(?P<hw>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+o'clock(?:\s+(?P<dp>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
    r"|(?<=\d)\s+(?P<dp2>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)))"
)
_SET_UNIT = r"(?:day|week|month|year|quarter|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|hour|minute)"
_HOLIDAYS = (
    r"(?P<hol>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s(?:\s+(?:Day|Eve))?|"
    r"Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|"
    r"Halloween|Valentine'?s\s+Day|Boxing\s+Day|Good\s+Friday|Christmas)"
)
_YEAR_WORDS = (
    r"(?P<yw>nineteen(?:[\s-]+hundred(?:\s+and)?)?[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)|two\s+thousand(?:\s+and)?"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]+(?:one|two|three|four|five))?))?)"
)

# (rule name, regex). Order matters: see the module docstring.
RULES: list[tuple[str, str]] = [
    # "the week of March 6": the week holding that day
    (
        "week_of",
        rf"the\s+week\s+of\s+(?:(?P<day0>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}"
        rf"(?:\s+{DAY})?(?:,?\s+{YEAR})?",
    ),
    (
        "iso",
        r"(?P<y>(?:1[0-9]|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
        r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
    ),
    (
        "numeric",
        r"(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[0-9]|20)\d\d|\d\d)(?![\d/.-]\d)",
    ),
    (
        "clock",
        rf"(?:(?P<approx>about|around|approximately|shortly\s+(?:before|after))\s+)?{_CLOCK}{TZ}(?:,?\s+(?:on\s+)?(?P<wd>{WD_FULL})|\s+(?P<rel>today|yesterday|tomorrow|tonight)|,?\s+(?:on\s+)?(?:{MONTH}\s+{DAY}|(?P<dday>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmon>{alt(_FULL_MONTHS)}|{alt(_ABBR_MONTHS)}\.?))(?:,?\s+{YEAR})?)?",
    ),
    # "Monday, Jan. 20, 2025", "January 20th", "Jan 20-22"
    ("mdy", rf"(?:{WD},?\s+)?{MONTH}\s+{DAY}(?:\s*(?:-|–|to|through)\s*{DAY2})?(?:,?\s+{YEAR})?"),
    # "20 January 2025", "the 20th of January", "from 20 to 22 January"
    (
        "dmy",
        rf"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s*(?:-|–|to|and)\s*{DAY2})?\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
    ),
    (
        "month_range",
        rf"(?:between\s+|from\s+)?{MONTH}\s*(?:-|–|to|and|through|until)\s*{MONTH2},?\s+(?:of\s+)?{YEAR}",
    ),
    (
        "month_range_rel",
        rf"(?:between|from)\s+{MONTH}\s*(?:-|–|to|and|through|until)\s*{MONTH2}(?![\s,]+(?:of\s+)?\d)",
    ),
    ("month_year", rf"(?:{MOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?{YEAR}"),
    ("month_rel_year", rf"(?:{MOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year"),
    (
        "rel_month",
        rf"(?:{MOD}[\s-]+)?(?P<rel>last|next|this\s+past|this\s+coming|this)\s+{MONTH}(?!\.?\s*\d)",
    ),
    # "2014-2022", "1998-99"; "between 1994 and 1997" stays two expressions, as in TimeML.
    ("year_range", rf"{YEAR}\s*[-–]\s*{YEAR2}"),
    ("season", rf"(?:{MOD}[\s-]+)?(?:the\s+)?{SEASON}(?:\s+of)?,?\s+{YEAR}"),
    (
        "season_the",
        rf"(?:{MOD}[\s-]+)?the\s+(?:(?P<mod2>early|late|mid)[\s-]+)?{SEASON}(?!\s+of\s)",
    ),
    (
        "quarter",
        rf"(?:(?P<det>the|its|their)\s+)?(?:fiscal[\s-]+)?(?:{ORD_Q}(?P<sep>[\s-]+)(?:fiscal[\s-]+)?(?P<qh>quarter|half)|Q(?P<qn>[1-4])|(?P<hn>[12])H|H(?P<hn2>[12]))(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?:{YEAR}|(?P<thisyear>this|last|next)\s+year)|\s+of\s+the\s+(?:current\s+)?year)?",
    ),
    (
        "quarter_pre",
        rf"(?:the\s+)?(?:{YEAR}|(?P<thisyear>this|last|next)\s+year's)\s+(?:fiscal\s+)?(?:{ORD_Q}[\s-]+(?P<qh>quarter|half)|Q(?P<qn>[1-4]))",
    ),
    # "the 1988 period", "last year's quarter": the quarter under discussion, in that year
    (
        "year_period",
        rf"(?:the\s+{YEAR}|(?P<rel>last|this)\s+year's)\s+(?P<unit>quarter|period)",
    ),
    # "by year-end", "since year end", "before year's end"
    ("year_end", r"(?:(?P<rel>this|last|next)\s+)?year(?:'s)?[\s-]+end(?![\w-])"),
    # "the corresponding period last year", "the quarter a year ago"
    (
        "period_year_ago",
        r"the\s+(?:(?:corresponding|comparable|same|like)\s+)?(?P<unit>period|quarter)\s+"
        r"(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))",
    ),
    (
        "year_ago_adj",
        r"(?P<the>the\s+(?:comparable\s+|same\s+)?)?year[\s-](?:earlier|ago)(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?P<unit>quarter|period|month|week|year))?",
    ),
    (
        "decade",
        rf"(?:(?P<the>the)\s+)?(?:{MOD}[\s-]+)?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s|(?P<decw>{alt(DECADE_WORDS)}))",
    ),
    (
        "century",
        rf"(?:the\s+)?(?:{MOD}[\s-]+)?(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century",
    ),
    (
        "fiscal",
        rf"(?:the\s+)?fiscal(?:\s+year)?\s+(?:{YEAR}|(?P<fy2>\d\d)\b)|FY\s?(?P<fy3>(?:19|20)\d\d|\d\d)\b",
    ),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?{_HOLIDAYS}(?:,?\s+{YEAR})?"),
    # "January nineteen ninety-seven", "the winter of nineteen ninety-four" (transcripts)
    (
        "year_words",
        rf"(?:the\s+year\s+|(?P<ym>{alt(_FULL_MONTHS)})\s+|(?:the\s+)?(?P<ys>{alt(SEASONS)})\s+of\s+)?"
        rf"{_YEAR_WORDS}(?![\s-]+years?\b)",
    ),
    ("mod_year", rf"{MOD}[\s-]+{YEAR}"),
    # "two days ago", "a year earlier", "several weeks later"
    (
        "ago",
        rf"(?:(?P<approx>nearly|almost|about|some|more\s+than|over|roughly|just|only)\s+)?(?:{NUM}|{VAGUE})(?:\s+or\s+so)?[\s-]+{UNIT}(?:\s+or\s+so)?(?:\s+|(?=['\u2019]))(?P<dir>ago|earlier|before|later|after|from\s+now|hence|['\u2019]s?\s+time)(?!\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|we|I|[a-z]+ing)\b)",
    ),
    (
        "recent",
        r"(?P<w>recent|the\s+coming|coming|the\s+next\s+few|future)\s+(?P<unit>days|weeks|months|years|quarters|decades)",
    ),
    # "twice a year", "three times a week": a frequency (TimeML SET)
    (
        "freq",
        r"(?P<freq>once|twice|(?:three|four|five|six|ten|\d{1,2})\s+times)\s+(?:a|an|per|each)\s+"
        r"(?P<unit>day|week|month|year|quarter|decade)(?![\w-])",
    ),
    (
        "set",
        rf"(?:every|each)\s+(?:other\s+|(?P<n>two|three|four|five|six|ten|twelve|\d{{1,2}})\s+)?(?:(?P<wd>{WD_FULL})|(?P<unit>{_SET_UNIT})s?)|(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)",
    ),
    (
        "duration",
        rf"(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|final|following|remaining|same|latest)|the(?=\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))|another|an?\s+(?:additional|further)|more\s+than|less\s+than|nearly|almost|about|roughly|over|some|up\s+to|at\s+least)\s+)?(?:{NUM}|{VAGUE})(?:\s+(?:more|full|straight|consecutive|successive))?[\s-]+{UNIT}(?!-(?:earlier|ago)\b)(?:[\s-]+(?:long|old))?",
    ),
    # "for years", "within weeks": an unspecified number of units
    (
        "bare_units",
        r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s))"
        r"(?P<unit>years|months|weeks|days|decades|hours)(?![\w-])(?!\s+(?:of|old|ago)\b)",
    ),
    ("day_around", r"the\s+day\s+(?P<w>before\s+yesterday|after\s+tomorrow)"),
    # "on the 20th": a day of the month in discussion (only after "on", and not
    # "the 20th anniversary")
    (
        "day_of_month",
        r"(?<=\bon\s)the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*[,.;:)]|\s*$|\s+(?:and|but|when|at|in|on|they|he|she|it|we|I|you|the|a|an|to|for|after|before|as|with|was|were|is|will|had|has)\b)",
    ),
    (
        "rel_unit",
        rf"(?:{MOD}[\s-]+(?:in\s+)?)?{_REL}\s+{_REL_UNIT}(?:\s+(?P<part>morning|afternoon|evening|night))?",
    ),
    (
        "deictic",
        r"(?:(?P<mod>late|early|earlier|later|mid)[\s-]+)?(?:(?P<part1>mid-?afternoon|afternoon|morning|evening)\s+)?(?P<w>right\s+now|now|currently|nowadays|presently|at\s+present|these\s+days|today|tonight|overnight(?!\s+(?:rates?|interest|loans?|lending|repos?|index|success|bags?|stays?|trips?|guests?|deposits?|markets?)\b)|yesterday|tomorrow|(?:more\s+|most\s+|until\s+)?recently|lately|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|a\s+later\s+date|the\s+past|the\s+(?:near|short|long)\s+term|current)(?:\s+(?P<part>morning|afternoon|evening|night))?",
    ),
    # "by mid afternoon", "in late morning": a part of the day in discussion
    (
        "part_alone",
        r"(?P<mod>early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)(?!\s+(?:of|on|session|trading|edition|papers?|news|shows?)\b)",
    ),
    (
        "year",
        rf"(?:(?P<pre>the\s+year|in|since|of|by|until|from|during|before|after|for)\s+)?{YEAR}",
    ),
    ("month", rf"(?:{MOD}[\s-]+)?{MONTH}"),
    # "from Friday to Sunday", "Monday through Wednesday": one span, as "20 to 22 January"
    (
        "weekday_range",
        rf"(?:(?P<fb>from|between)\s+)?{WDF}\s*"
        rf"(?(fb)(?:to|through|until|till|and|-|–)|(?:through|-|–))\s*(?P<wd2>{WD_FULL})",
    ),
    (
        "weekday",
        rf"(?:(?P<pre>(?:late|early|earlier|later)\s+(?:on\s+)?|last\s+|next\s+|this\s+(?:past\s+|coming\s+)?|the\s+(?:previous|prior|preceding|following|next)\s+))?{WDF}(?:\s+{PART}|,?\s+at\s+(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b))?",
    ),
    ("ordinal_weekday", rf"{ORD_Q}\s+{WDF}\s+(?:of|in)\s+{MONTH}"),
]

MASTER_FLAGS = re.IGNORECASE


def _prefix(rule: str, pattern: str) -> str:
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{rule}__{m.group(1)}>", pattern)
    pattern = re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({rule}__{m.group(1)})", pattern)
    return re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={rule}__{m.group(1)})", pattern)


def _group_names(pattern: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", pattern)))


GROUPS: dict[str, list[str]] = {name: _group_names(p) for name, p in RULES}


# Word boundary on both sides; no match starting inside a number or amount.
def _compile(names: set[str] | None) -> re.Pattern[str]:
    """The alternation of ``names`` (all rules if None), in grammar order."""
    return re.compile(
        r"(?<![\w$£€#@/.-])(?:"
        + "|".join(
            f"(?P<{name}>{_prefix(name, p)})" for name, p in RULES if names is None or name in names
        )
        + r")(?![\w%$£€@])",
        MASTER_FLAGS,
    )


MASTER = _compile(None)
# Rules that can begin with a digit, and rules that can begin with a letter:
# at a token start the scanner uses the smaller alternation that applies
# (leftmost-first order is kept, so results are the same as with MASTER).
_DIGIT_RULES = {
    "iso", "numeric", "clock", "dmy", "year_range", "quarter", "quarter_pre", "decade",
    "century", "ago", "duration", "year", "ordinal_weekday", "freq",
}  # fmt: skip
MASTER_DIGIT = _compile(_DIGIT_RULES)
MASTER_ALPHA = _compile({name for name, _ in RULES} - {"iso", "numeric", "year_range"})

# Every rule contains one of these words (or a digit) within TRIGGER_REACH
# characters of its start. The scanner looks for them first, with a cheap token
# pass, and runs MASTER only at the few word starts just before each one, which
# is several times faster than letting MASTER try every position of the text.
TRIGGER_WORDS = frozenset(
    set(MONTHS)
    | {w for w in WEEKDAYS if len(w) > 3}
    | set(SEASONS)
    | set(UNITS)
    | {u + "s" for u in UNITS}
    | set(DAY_PARTS)
    | set(DECADE_WORDS)
    | set(
        """centuries now currently nowadays presently present today tonight yesterday tomorrow
        recently lately future past term current quarter half fiscal fy period periods
        thanksgiving christmas new independence labor memorial veterans election easter halloween
        valentine boxing nineteen thousand daily weekly monthly annually yearly nightly hourly
        quarterly noon midnight clock overnight mornings evenings afternoons nights days weeks
        date""".split()
    )
)
TRIGGER_REACH = 40
# Words a rule can begin with: MASTER is only tried at tokens from this set.
START_WORDS = (
    TRIGGER_WORDS
    | frozenset(NUMBER_WORDS)
    | frozenset(ORDINALS)
    | frozenset(
        """the a an this that last next past previous prior following coming current same latest full
    early earlier late later mid middle end beginning start between from in since of by until till
    during before after for about around approximately shortly nearly almost some more over roughly
    just only less up at another several few many number numerous recent every each right these
    most fiscal fy year years q sometime once twice comparable additional further first second third fourth
    st nd rd th h""".split()
    )
)
TOKENS = re.compile(r"[A-Za-z]+|\d+")
WORD_STARTS = re.compile(r"(?<!\w)\S")
