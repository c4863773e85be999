"""English regex fragments the rules of `lang/en.py` are built from.

Each fragment is an alternation over a word list of `lexicon` (months,
weekdays, units ...) with the named groups the normalisers read ("mon",
"day", "year", "unit" ...). Fragments used by more than one rule live here;
a rule's own shape lives in its record.
"""

from __future__ import annotations

from tracker.extract.timex.lexicon import (
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    UNITS,
    alt,
)

FULL_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
ABBR_MONTHS = [m for m in MONTHS if len(m) <= 4 and m != "may" and m not in ("june", "july")]
MONTH = rf"(?P<mon>{alt(FULL_MONTHS)}|{alt(ABBR_MONTHS)}\.?)"
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
# A zone in brackets takes its closing bracket, a bare one does not: "(01:47 GMT)".
TZ = r"(?:\s+(?P<tzo>\()?(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|IST|JST|AES[DT])(?(tzo)\))|\s+local\s+time)?"
ORDINAL_WORD = alt(k for k in ORDINALS if k not in ("last", "final"))

REL_UNIT = r"(?P<unit>week|weekend|month|year|quarter|half|decade|century|spring|summer|fall|autumn|winter|period|fiscal\s+year|day|morning|afternoon|evening|night)"
REL = (
    r"(?P<rel>this(?:\s+past|\s+coming)?|last|next|current|the\s+(?:current|latest|previous|prior|"
    r"following|next|coming|same|last|past|present|full)|that|the|coming|past|previous|same)"
)
CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
    r"|(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)|(?P<noon>noon|midnight|midday)"
    # "six o'clock", "4 in the morning", "10 o'clock at night"
    r"|(?P<hw>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+o'clock(?:\s+(?P<dp>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
    r"|(?<=\d)\s+(?P<dp2>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)))"
)
SET_UNIT = r"(?:day|week|month|year|quarter|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|hour|minute)"
HOLIDAYS = (
    r"(?P<hol>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s(?:\s+(?:Day|Eve))?|"
    r"Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|"
    r"Halloween|Valentine'?s\s+Day|Boxing\s+Day|Good\s+Friday|Christmas)"
)
YEAR_WORDS = (
    r"(?P<yw>nineteen(?:[\s-]+hundred(?:\s+and)?)?[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)|two\s+thousand(?:\s+and)?"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]+(?:one|two|three|four|five))?))?)"
)
