"""The patterns that recognise page chrome, kept as data with their own examples.

Each `Rule` is one record: a name, a regex, how a match is turned into a span
(`how`), whether it applies only near the top of the text (`top`), lines it
must mark (`chrome`) and sentences it must leave alone (`prose`). The tests run
every example, so a rule and its evidence never drift apart.

`how` is one of:
  "line"  the pattern matches at the start of the line: the whole line is chrome;
  "lead"  the pattern matches at the start of the line: the match is chrome and
          the rest of the line is kept (chrome glued to the first sentence);
  "span"  the pattern may match anywhere in the line: each match is chrome;
  "in"    the pattern may match anywhere in the line: the whole line is chrome.

All patterns are written for speed on hostile input: every repetition of a
group is bounded, no quantified group contains another unbounded quantifier,
and the caller never hands a "line" or "lead" rule more than `HEAD` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.ingest.dateline import MONTHS

#: "line" and "lead" rules see at most this many characters of a line.
HEAD = 600


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    how: str  # "line", "lead", "span" or "in"
    top: bool  # only in the first few lines of the text
    chrome: tuple[str, ...]  # lines the rule marks (the marked parts in ⟦ ⟧, else all)
    prose: tuple[str, ...] = ()  # sentences no rule may mark
    body_follows: bool = False  # text after a "lead" match is the article body
    #: For "span" and "in" rules: the line must contain one of these strings,
    #: a quick test that spares running the pattern over most long lines.
    needs: tuple[str, ...] = ()


def _rule(
    name: str,
    pattern: str,
    how: str,
    *,
    top: bool = False,
    chrome=(),
    prose=(),
    body_follows: bool = False,
    needs=(),
    flags: int = 0,
) -> Rule:
    return Rule(
        name,
        re.compile(pattern, flags),
        how,
        top,
        tuple(chrome),
        tuple(prose),
        body_follows,
        tuple(needs),
    )


# --- Building blocks -------------------------------------------------------
# Dates are written out so a dateline is recognised without calling dateparser.
# Month names are the dateline's own table, capitalised as a dateline writes them.
_MONTH = (
    "(?:" + "|".join(sorted({m.capitalize() for m in MONTHS}, key=lambda m: (-len(m), m))) + r")\.?"
)
_WEEKDAY = r"(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
#: The same, not glued to a word or comma before it. The check sits after the
#: first letter so the pattern still starts with plain letters, which lets the
#: regex engine skip quickly to candidates on long lines.
#: A preposition before the weekday ("on Tuesday 4 March 2025 at 10:00") means a sentence.
_NOT_AFTER = (
    r"(?<![\w,].)(?<!\b[Oo]n .)(?<!\b[Aa]t .)(?<!\bby .)(?<!\bfrom .)(?<!\buntil .)"
    r"(?<!\bsince .)(?<!\bbefore .)(?<!\bafter .)(?<!\bof .)(?<!\bfor .)"
)
_WEEKDAY_AT_BOUNDARY = (
    rf"(?:M{_NOT_AFTER}on|T{_NOT_AFTER}(?:ues?|hu(?:rs)?)|W{_NOT_AFTER}ed(?:nes)?|F{_NOT_AFTER}ri"
    rf"|S{_NOT_AFTER}(?:at(?:ur)?|un))(?:day)?\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
#: "13 November 2024", "Nov. 13, 2024", "2024-11-13", "13/11/2024"
_DATE = (
    rf"(?:{_DAY}\s{{1,3}}{_MONTH},?\s{{1,3}}{_YEAR}|{_MONTH}\s{{1,3}}{_DAY},?\s{{1,3}}{_YEAR}"
    rf"|{_YEAR}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/{_YEAR})"
)
#: "08.43 GMT", "4:30 PM", "3:12pm EST", "16:00:00 ET", "10:02"
_TIME = (
    r"\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
    r"(?:\s{1,3}(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT))?"
)
#: "Tuesday 4 January 2005", "Tue Nov 12, 2024", "Tuesday, September 16, 2008"
_WEEKDAY_DATE = rf"{_WEEKDAY},?\s{{1,3}}{_DATE}"
#: One capitalised name word: "Jane", "O'Neill", "Al-Amin", "J."
#: Words that start a sentence or describe a job are never part of a name.
_NOT_NAME = (
    r"(?!(?:The|A|An|In|On|At|As|He|She|It|They|We|This|That|Two|Three|Staff|Senior|Chief"
    r"|Writer|Correspondent|Reporter|Editor|Producer)\b)"
)
_NAME_WORD = rf"{_NOT_NAME}[A-Z][\w'’.-]{{0,30}}"
#: A person's name of two to four words: "Jane Doe", "Mary-Ann de la Cruz"
_NAME = rf"{_NAME_WORD}(?:\s(?:(?:de|da|del|van|von|der|la|le|al|bin|el)\s)?{_NAME_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:\s(?:and|&)\s{_NAME}){{0,3}}"
#: News agencies and photo libraries that sign wires and pictures.
AGENCIES = (
    "Reuters",
    "AP",
    "AFP",
    "PA",
    "EPA",
    "UPI",
    "DPA",
    "ANSA",
    "Xinhua",
    "Kyodo",
    "Bloomberg",
    "Getty Images",
    "Getty",
    "Alamy",
    "Shutterstock",
    "Rex Features",
    "Rex",
    "Corbis",
    "Associated Press",
    "Agence France-Presse",
    "Press Association",
    "Anadolu",
    "Tass",
    "Wire",
    "CNN",
    "BBC",
    "NPR",
)
_AGENCY = "(?:" + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True)) + ")"
#: Words that end a byline's description of the writer.
_ROLE = (
    rf"(?:Staff\sWriter|Writer|Correspondent|Reporter|Editor|Producer|Contributor|Columnist"
    rf"|Analyst|Staff|Bureau\sChief|Special\sto\s(?:the\s)?(?:{_AGENCY}|[A-Z][\w.-]{{1,30}}))"
)
#: Short labels of navigation, share and account widgets (one item of a menu).
NAV_ITEMS = (
    "skip to (?:main )?content",
    "skip to navigation",
    "jump to (?:navigation|content)",
    "menu",
    "search",
    "home",
    "news",
    "close",
    "back to top",
    "sections",
    "more",
    "share",
    "share this(?: article| story| page| video)?",
    "tweet",
    "retweet",
    "email",
    "e-mail",
    "print",
    "save",
    "comment",
    "comments",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "copy link",
    "sign up",
    "sign in",
    "log in",
    "log out",
    "register",
    "subscribe",
    "subscribe now",
    "advertisement",
    "advertising",
    "live",
    "live tv",
    "watch live",
    "watch",
    "listen",
    "on now",
    r"yes\s?\|\s?no",
    "next",
    "previous",
    "loading",
    "toggle navigation",
    "breaking news",
    "most popular",
    "supported by",
    "listen to this article",
    r"\d{1,2} min(?:ute)?s? read",
    "image",
    "video",
    "photo",
    "gallery",
    "enlarge this image",
    "hide caption",
    "toggle caption",
    "edition",
    "(?:u\\.s\\.|uk|international|europe|asia) edition",
    # Section names of a menu bar ("World | Business | Sport").
    "world",
    "uk",
    "us",
    "business",
    "sport",
    "sports",
    "politics",
    "opinion",
    "culture",
    "lifestyle",
    "science",
    "technology",
    "tech",
    "health",
    "travel",
    "weather",
    "markets",
    "entertainment",
    "environment",
    "education",
    "video",
    "audio",
    "podcasts",
    "newsletters",
)
_NAV_ITEM = "(?:" + "|".join(NAV_ITEMS) + ")"
_SEP = r"\s{0,3}[|•·/>›»]\s{0,3}"

# --- The rules ---------------------------------------------------------------

#: Navigation, share, account and edition widgets: whole lines made only of
#: menu labels ("Share | Tweet | Email", "ON NOW", "YES | NO").
WIDGETS = [
    _rule(
        "nav menu line",
        # (?!...{120}) skips long lines at once: menus are short.
        rf"(?![^\n]{{80}})(?i:[•·▪►*]?\s{{0,3}}{_NAV_ITEM}(?:{_SEP}{_NAV_ITEM}|\s{{1,3}}{_NAV_ITEM}){{0,12}}\s{{0,3}}[:.!]?\s*$)",
        "line",
        chrome=[
            "Skip to content",
            "ON NOW",
            "YES | NO",
            "LIVE",
            "Share this",
            "Sign Up",
            "Share | Tweet | Email",
            "Advertisement",
            "5 min read",
            "Home › News",
        ],
        prose=["No deal was reached.", "Live cattle exports resumed on Monday."],
    ),
    _rule(
        "live-blog update stamp",
        # A live page's entries open with the time they were posted: "(Updated
        # 12:10 p.m. (1910 GMT))", "UPDATE 3:15 pm ET:". The time is the page's,
        # not the event's, and the words after it are the entry.
        rf"\(?(?:Updated?|UPDATED?)\s{{1,3}}(?:at\s)?{_TIME}"
        r"(?:\s{0,3}\([^()\n]{1,40}\))?\)?(?:\s{0,2}[:\-–—])?",
        "lead",
        chrome=[
            "⟦(Updated 12:10 p.m. (1910 in Cairo))⟧ Ministers called for calm.",
            "⟦UPDATE 3:15 pm ET:⟧ The ferry has docked.",
            "⟦Updated 09:40 GMT -⟧ Rescue teams reached the village.",
        ],
        prose=[
            "Updated figures show exports fell 3% in May.",
            "Update 2 of the software ships on Friday.",
        ],
    ),
    _rule(
        "widget glued to text",
        r"(?:YES\s{0,3}\|\s{0,3}NO|Skip to (?:main )?content|ON NOW|Toggle navigation)\s+(?=[\w\"'])"
        r"|[\"“]?\s?This Story:(?:\s{1,3}(?:Read|Watch|Talk|View|Listen|Discuss)\s?\+?\s{0,3}\|?){1,6}"
        r"|[\"“]?\s?Follow (?:The |the )?[A-Z][\w ]{1,30} On:"
        r"|For the latest [\w ]{1,40}: (?:www\.|https?://)\S{1,80}",
        "lead",
        chrome=[
            "⟦YES | NO⟧ The talks ended without a deal on Friday.",
            "⟦This Story: Read + | Watch + | Talk + |⟧ The ferry sank.",
            "⟦Follow The Europe Desk On:⟧ Ferry Strike Spreads",
            "⟦For the latest ferry news: www.example.com⟧ Ferries were cancelled.",
        ],
    ),
    _rule(
        "language or edition selector",
        r"(?:[•·▪►*]?\s{0,3}[a-z]{2}(?:[-_][A-Za-z]{2})?\s*$"
        r"|You['’]ve selected the [\w. ]{1,30} Edition\.?\s*$"
        r"|(?:Would you like to make|Make) this (?:your|my) (?:default|home) (?:edition|page|site)\b"
        r"|(?:Change|Set|Choose) (?:your )?edition\b)",
        "line",
        chrome=[
            "• en",
            "· fr-CA",
            "You've selected the International Edition.",
            "Would you like to make this your home edition?",
        ],
        prose=["Voters selected the new edition of the charter in May."],
    ),
    _rule(
        "reader prompt",
        r"(?:What do you think(?: of| about)? this|Would you like to (?:receive|get|sign|share|comment)"
        r"|Do you have (?:a story|information|photos?|video)|Have your say\b|Got a (?:news )?tip"
        r"|Tell us what you think|Interested (?:in|to) (?:knowing|know|learn)"
        r"|Select one of the options|Choose an option|Please (?:create|enter|choose|select|log in|sign in)"
        r"|Enter your (?:e-?mail|name|password|zip|postcode)|Share your (?:photos?|images?|videos?|stor(?:y|ies)|iReport|views?|thoughts?)"
        r"|Send us (?:an e-?mail|your)|Click (?:here|on (?:the|any|a) (?:links?|image|picture|photo)s?)\b|Tap here\b|Follow us on|Follow [A-Z][\w ]{1,30} on (?:Twitter|X|Facebook|Instagram)"
        r"|Like us on Facebook|Download (?:our|the) app)",
        "line",
        chrome=[
            "What do you think of this story?",
            "Please create a screen name.",
            "Share your photos and videos with us.",
            "Click here to read more",
            "Follow us on Twitter",
            "Enter your e-mail address and we will remind you.",
        ],
        prose=[
            "Please, he begged the guards, let the children go.",
            "Share prices fell by 3 percent on Tuesday.",
        ],
    ),
]

#: Bylines and photo credits: at the top of a page, or glued to the first sentence.
BYLINES = [
    _rule(
        "byline",
        rf"(?:By|BY|From)\s(?:the\s)?{_AGENCY}(?:\.com)?\s(?:Wires?\s)?Staff\b"
        rf"|(?:By|BY|From|Written by|Reporting by)\s{_NAMES}"
        # ...then what ends a byline: an outlet, a job, the line's end, a separator,
        # a date or a place in capitals ("By Ana Ruiz March 4, 2025", "... LAGOS, Nigeria --").
        rf"(?:,?\s[Ff]or\s{_AGENCY}\b|\s(?=[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}},\s{_YEAR})|\s(?=[A-Z]{{3,}}[ ,])"
        rf"|,?\s(?:{_AGENCY}(?:['’]s(?:\s[A-Z][\w-]{{0,20}}){{0,5}}?\s{_ROLE})?|{_ROLE}"
        rf"|[\w ]{{0,40}}?{_ROLE})\b|\s*$|(?=\s{{0,3}}[|•·]))",
        "lead",
        top=True,
        chrome=[
            "By Jane Doe, Staff Writer",
            "⟦From Ana Ruiz and Tom Berg, CNN⟧ Troops left the city",
            "⟦By Sam Okafor, CNN's Senior Foreign Producer⟧ Two days ago the talks",
            "⟦By Lena Fischer | 12 March 2025⟧",
            "BY KOFI MENSAH",
        ],
        prose=[
            "By Tuesday the troops had left the city.",
            "By Christmas Eve the shops were empty.",
            "From Monday, the border will be closed to trucks.",
        ],
    ),
    _rule(
        "byline after a separator",
        rf"(?<=[|•])\s{{0,3}}By\s{_NAMES}(?:,\s(?:{_AGENCY}(?:['’]s(?:\s[A-Z][\w-]{{0,20}}){{0,5}}?\s{_ROLE})?|{_ROLE})\b)?",
        "span",
        top=True,
        body_follows=True,
        chrome=[
            "Border reopens ⟦4 March 2025 | By Lena Fischer, Staff Writer⟧ The border",
            "Border reopens ⟦4 March 2025 | By Lena Fischer, CNN⟧ Harbour Police said",
        ],
    ),
    _rule(
        "reporting credits",
        rf"(?:Additional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|Compiled|Research)\sby\s{_NAMES}"
        rf"(?:[;,]\s(?:additional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)(?:\sby)?\s{_NAMES}){{0,3}}[.;]?\s*$",
        "line",
        chrome=[
            "Reporting by Tom Berg; Editing by Lena Fischer",
            "Additional reporting by Ana Ruiz and Kofi Mensah.",
        ],
        prose=["Reporting by Reuters showed that shipping rose."],
    ),
    _rule(
        "photo credit",
        rf"(?:Photograph|Photographs|Photo|Photos|Picture|Pictures|Image|Illustration|Credit|Video)"
        rf"\s{{0,2}}:\s{{0,2}}(?:{_AGENCY}\b(?:\s?/\s?[A-Z][\w.-]{{0,30}})?"
        rf"|[A-Z][\w.'’-]{{0,30}}(?:\s[A-Z][\w.'’-]{{0,30}}){{0,3}}\s?/\s?[A-Z][\w.&-]{{0,30}}"
        # More words after the slash only when the line ends there: "Agency/Photographer Name".
        rf"(?:(?:\s[A-Z][\w.&-]{{0,30}}){{1,3}}\s*$|\s(?:Images|Pictures|Press|Photos|Agency)\b)?)"
        rf"(?:\svia\s{_AGENCY})?",
        "lead",
        chrome=[
            "⟦Photograph: PA⟧ A lawyer said the order was unlawful.",
            "Credit: Agency/Photographer Name",
            "Photo: Ana Ruiz/AFP via Getty Images",
            "Photograph: Tom Berg/Reuters",
        ],
        prose=["Photograph the damage before you call the insurer, officials said."],
    ),
    _rule(
        "caption or credit line",
        # Only short lines: a caption glued to the first sentence is not all chrome.
        r"(?![^\n]{121})(?:Image caption|Image copyright|Image source|Media caption|Caption:|Photo credit|Picture:|"
        r"Photograph:|Photo:|Credit:|Illustration:|Getty Images$|\((?:Getty Images|AP|AFP|Reuters|EPA)"
        r"(?: Photo)?\)\s*$)",
        "line",
        top=False,
        chrome=[
            "Image caption Rescue teams searched the rubble overnight",
            "Photo: the scene at the harbour",
            "Image caption Long queues formed outside the only open bank in town on Friday",
            "Media caption Watch the moment the bridge fell",
        ],
        prose=[
            "Image rights were sold to a museum in 2019.",
            "Photo: Ana Ruiz Ferry fares will rise in May, the operator said on Tuesday, after "
            "two years of losses on the island routes that serve the north coast.",
        ],
    ),
    _rule(
        "credit in parentheses",
        rf"\((?:By|Photo by|Photos by|Credit:?|Photo:)\s[A-Z][^()\n]{{0,60}}?(?:--|—|/)\s{{0,2}}[A-Z][^()\n]{{0,40}}\)"
        rf"|\((?:{_AGENCY})(?: Photo| Images)?(?:\s?/\s?[A-Z][^()\n]{{0,40}})?\)(?=\s{{1,3}}[A-Z]|\s*$)",
        "span",
        needs=("(",),
        chrome=[
            "⟦(By Ana Ruiz -- Agency)⟧ Soldiers guard the gate.",
            "⟦(Getty Images)⟧ The crisis that began last week",
            "⟦(AP Photo/Tom Berg)⟧",
        ],
        prose=["(By contrast, exports rose.)", "The report (by the auditor) was late."],
    ),
]

#: Datelines: where and when the page says it was published, not an event.
DATELINES = [
    _rule(
        "weekday date and time",
        # A lower-case word after the time means a sentence ("... at 10:00 the sirens").
        rf"{_WEEKDAY_AT_BOUNDARY},?\s{{1,3}}{_DATE}[,;]?\s{{0,3}}(?:at\s)?{_TIME}(?!\s{{1,3}}[a-z])",
        "span",
        body_follows=True,
        needs=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        chrome=[
            "⟦Tuesday 4 March 2025 08.43 GMT⟧ The defence ministry said talks had stalled.",
            "⟦PARIS | Tue Nov 12, 2024 3:12pm EST⟧",
            "⟦Tuesday, September 16, 2025; 4:30 PM⟧ A day after the vote",
        ],
        prose=[
            "The ministers met on Tuesday 4 March 2025 to discuss the budget.",
            "On Tuesday 4 March 2025 at noon the sirens sounded.",
        ],
    ),
    _rule(
        "date and time at line start",
        rf"(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}\s{{0,3}}[,;:]?\s{{0,3}}(?:at\s)?{_TIME}\s{{0,3}}[|:-]?",
        "lead",
        body_follows=True,
        chrome=[
            "⟦March 4, 2025: 8:43 AM ET⟧ A selection of the day's stories.",
            "⟦4 March 2025 10:02⟧ Ferries stopped",
        ],
        prose=["March 4, 2025 was the day the ferries stopped."],
    ),
    _rule(
        "capitals wire dateline",
        rf"(?<![\w,.'’-])[A-Z]{{2,}}(?:[ -][A-Z]{{2,}}){{0,3}},\s{{1,3}}"
        rf"(?:[A-Z][a-z.]{{1,20}}(?:\s[A-Z][a-z.]{{1,20}}){{0,2}},?\s{{1,3}})?(?:{_MONTH}\s{{1,3}}\d{{1,2}}\s{{1,3}})?"
        r"(?:--|—|–)\s{0,3}",
        "span",
        top=True,
        body_follows=True,
        chrome=[
            "⟦NEW YORK, Sept. 24 --⟧ Ferry owners met on Tuesday.",
            "⟦LAGOS, Nigeria --⟧ Ferry owners met.",
            "⟦OSLO, Norway, Oct. 9 --⟧ The bad news",
            "Ferry Strike Spreads ⟦OSLO, Norway, Oct. 9 --⟧ The bad news",
        ],
        prose=["NATO, the alliance, met -- again -- on Tuesday."],
    ),
    _rule(
        "place before a dateline",
        rf"[A-Z][A-Z .'-]{{1,30}}\s{{0,3}}\|\s{{0,3}}(?={_WEEKDAY_DATE})",
        "lead",
        top=True,
        chrome=["⟦PARIS | Tue Nov 12, 2024 3:12pm EST⟧"],
        prose=["NATO | Tuesday talks"],
    ),
    _rule(
        "lone date line",
        rf"(?:(?:Published|Updated|Last updated|First published|Posted|Date)\s{{0,3}}:?\s{{0,3}}(?:on\s)?)?"
        rf"(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}(?:[,;]?\s{{0,3}}(?:at\s)?{_TIME})?\s{{0,3}}[|.]?\s*$",
        "line",
        top=True,
        chrome=[
            "Wednesday, 13 November 2024",
            "Published 13 November 2024",
            "2025-03-04",
            "Nov. 13, 2024 10:02 GMT",
        ],
        prose=["Elections were held on 13 November 2024."],
    ),
    _rule(
        "published label",
        rf"(?:Published|Updated|Last updated|Last modified|First published|Posted)\s{{0,3}}:?\s{{0,3}}(?:on\s|at\s)?"
        rf"(?:{_WEEKDAY},?\s{{1,3}})?(?:{_DATE}(?:[,;]?\s{{0,3}}(?:at\s)?{_TIME})?|{_TIME})\s{{0,3}}\|?",
        "lead",
        body_follows=True,
        chrome=[
            "⟦Published 13 November 2024⟧ Ministers met again on Monday.",
            "⟦Updated at 10:02 GMT⟧ Rescue work resumed",
        ],
        prose=["Published in 1998, the memoir sold a million copies."],
    ),
    _rule(
        "date before a separator",
        rf"(?<![\w,]){_DATE}(?:[,;]?\s{{0,3}}{_TIME})?\s{{0,3}}\|",
        "span",
        top=True,
        body_follows=True,
        chrome=["Border reopens ⟦4 March 2025 | By Lena Fischer⟧"],
        prose=["Output rose 4 percent in 2024 | a record, the agency said."],
    ),
    _rule(
        "wire dateline",
        # (?=...\() skips lines with no "(" near their start at once.
        rf"(?=[^\n(]{{0,80}}\()[A-Z][A-Za-z.'-]{{1,25}}(?:[ ,]{{1,2}}[A-Z][A-Za-z.'-]{{1,25}}){{0,3}},?\s{{1,3}}"
        rf"(?:(?:{_MONTH}\s{{1,3}}\d{{1,2}}(?:,\s{{1,3}}{_YEAR})?|{_DATE})\s{{1,3}})?"
        rf"\((?:{_AGENCY}|[A-Z][A-Za-z .&-]{{1,25}})\)\s{{0,3}}(?:--|-|—|–)\s{{0,3}}",
        "lead",
        body_follows=True,
        chrome=[
            "⟦BERLIN Nov 12 (Wire) -⟧ Ministers agreed on a budget.",
            "⟦Lagos, Nigeria (CNN) --⟧ Floods displaced thousands.",
            "⟦WASHINGTON, Nov. 13, 2024 (Reuters) -⟧ Officials said talks would resume.",
        ],
        prose=["Lagos (the largest city) - a megacity - keeps growing."],
    ),
    _rule(
        "broadcast transcript header",
        rf"Aired\s{{1,3}}{_DATE}(?:\s{{0,3}}-\s{{0,3}}{_TIME}|\s{{0,3}}$)"
        r"(?:\s{1,3}THIS IS A RUSH TRANSCRIPT\.?(?:\s{1,3}[A-Z][A-Z ,'’.-]{0,200}?[A-Z]\.)?)?"
        r"|THIS IS A RUSH TRANSCRIPT\.?(?:\s{1,3}[A-Z][A-Z ,'’.-]{0,200}?[A-Z]\.)?",
        "span",
        needs=("TRANSCRIPT", "Aired"),
        chrome=[
            "Talks resume; storms ⟦Aired March 4, 2025 - 18:30:00 EST THIS IS A RUSH TRANSCRIPT. "
            "IT MAY CHANGE LATER.⟧ HOST: Good evening.",
            "Talks resume; storms ⟦Aired March 4, 2025⟧",
        ],
        prose=["The interview aired March 4, 2025, on the evening news."],
    ),
]

#: Boilerplate found anywhere: cookies, newsletters, comments, copyright,
#: related-link headings, "page last updated", moderation notes.
BOILERPLATE = [
    _rule(
        "cookie notice",
        r"(?i:We use cookies|This (?:web)?site uses cookies|By (?:using|continuing to (?:use|browse)) "
        r"(?:this|our) (?:site|website)|Accept (?:all )?cookies|Cookie (?:policy|settings|preferences)\b"
        r"|Manage (?:cookies|consent|preferences)\b)",
        "line",
        chrome=[
            "We use cookies to improve your experience.",
            "Accept all cookies",
            "By continuing to browse this site you agree to our use of cookies.",
        ],
        prose=["Cookie sales rose 8 percent in the holiday quarter."],
    ),
    _rule(
        "newsletter prompt",
        r"(?:Sign up (?:for|to) (?:our|the|a|get|receive)|Sign Up\b|Subscribe (?:to (?:our|the)|now|for)\b"
        r"|Get (?:our|the) [\w ’'-]{0,40}?(?:newsletter|briefing|alerts?)\b|Newsletter sign[ -]?up"
        r"|[\w ’'-]{0,40}delivered to your inbox|Get the [\w ’'-]{1,40}? delivered\b|Notify me of"
        r"|Sign in to (?:comment|continue|read)|Already a subscriber|Create (?:a free )?account\b)",
        "line",
        chrome=[
            "Sign up for our daily briefing",
            "Get the Evening Digest delivered to your inbox",
            "Sign Up to get alerts",
            "Notify me of new stories via email.",
            "Subscribe now for full access",
        ],
        prose=["Subscribers to the fund lost money.", "Sign-ups for the draft doubled in May."],
    ),
    _rule(
        "comment section",
        r"(?:Comments? (?:are|is) (?:closed|now closed|not pre-screened|moderated|disabled)"
        r"|\d{1,6}\s(?:comments?|replies)\s*$|(?:Show|View|Read|Hide|Load) (?:all |more )?comments\b"
        r"|(?:Add|Leave|Post|Write) (?:your|a) comment|Reader comments|Join the (?:conversation|discussion)"
        r"|Posted by:\s\S|You must be logged in|Some comments (?:have been |were |are )?edited for|Report (?:this )?(?:comment|abuse)|Your browser['’]s settings may be preventing"
        r"|Editor['’]s Note:[^.]{0,60}moderat|[\w.]{1,40} is not responsible for (?:any )?content posted)",
        "line",
        chrome=[
            "Comments are closed.",
            "342 comments",
            "Join the conversation",
            "Some comments were edited for length.",
            "Posted by: reader77 | March 4, 2025 6:12 PM",
            "Report this comment",
        ],
        prose=["Comments from the minister angered the unions.", "The posted price was cut twice."],
    ),
    _rule(
        "blog post footer",
        r"Posted by [A-Z][\w .'’-]{1,40}? (?:at|on) [^|\n]{1,40}\|\s{0,3}(?:Comments \(\d{1,6}\)\s{0,3}\|?\s{0,3})?"
        r"(?:Permalink\b)?",
        "lead",
        chrome=[
            "⟦Posted by Ana Ruiz at 10:48 AM | Comments (3) | Permalink⟧ Ferry fares rise in May"
        ],
        prose=["Posted by train to the front, the letters took a month."],
    ),
    _rule(
        "feedback prompt",
        r"(?:Thoughts|Questions|Comments),\s(?:comments|questions|suggestions),?\s[^\n?]{0,120}\?",
        "span",
        needs=("Thoughts, ", "Questions, ", "Comments, "),
        chrome=["Ferry Cuts Explained ⟦Thoughts, comments, suggestions about our Q&A pages?⟧"],
        prose=["Comments, he said, were not welcome."],
    ),
    _rule(
        "compiled by staff",
        r"Compiled by (?:the )?[\w. ]{1,40}(?:staff|team|desk)\.?\s*$",
        "line",
        chrome=["Compiled by the Example.com news desk."],
    ),
    _rule(
        "signed reader comment",
        rf"Posted by:?\s[^|\n]{{1,60}}\|\s{{0,3}}(?:{_DATE}|{_MONTH}\s\d{{1,2}}|{_TIME})",
        "in",
        needs=("Posted by",),
        chrome=["⟦Nice story, thanks. Posted by: reader77 | March 4, 2025 6:12 PM⟧"],
    ),
    _rule(
        "copyright",
        r"(?:Copyright\s{0,3}(?:©|\(c\)|\d{4})|©\s{0,3}(?:\d{4}|[A-Z])|\(c\)\s{0,3}\d{4})",
        "line",
        chrome=[
            "Copyright 2025 Example Media. All rights reserved.",
            "© 2025 Example Media",
            "(c) 2025 Example Wire",
        ],
        prose=["Copyright lawyers say the ruling is narrow."],
    ),
    _rule(
        "rights reserved",
        r"All rights reserved\b",
        "in",
        needs=("All rights reserved",),
        chrome=["Example Media Ltd. All rights reserved.", "All rights reserved."],
        prose=["All rights are reserved for the crew, the captain said."],
    ),
    _rule(
        "print provenance",
        # Where and when the printed paper carried the article, glued to the text
        # around it: the paper's date, not a happening's.
        r"This (?:article|story) (?:appeared|appears|was (?:first |originally )?published)"
        r" (?:on|in) (?:p(?:age)?\s?[A-Z]?\d{1,3}\b|print\b|the (?:print|[A-Z]\w{1,30})\b|[a-z]{2,30}\.(?:co\.uk|com|org)\b)"
        r"[^\n]{0,160}?(?:\b\d{4}\b\.?|\.(?=\s|$)|$)",
        "span",
        needs=("This article ", "This story "),
        chrome=[
            "Rail strike ends ⟦This article appeared on p12 of the Main section of the Daily "
            "Example on Friday 4 March 2005.⟧",
            "⟦This article was published on example.co.uk at 10.02 GMT on Monday 3 April 2006.⟧",
            "⟦This article appeared in print on page A4.⟧",
        ],
        prose=[
            "This article appeared to anger the minister, aides said.",
            "This story was published in three languages by the ministry on Friday.",
        ],
    ),
    _rule(
        "correction notice",
        r"(?:Correction\s{0,2}:|Clarification\s{0,2}:|An earlier version of this (?:article|story)\b"
        r"|This (?:article|story) (?:misstated|misidentified|incorrectly (?:said|stated|reported|gave))\b)",
        "line",
        chrome=[
            "Correction: An earlier version gave the wrong date for the vote.",
            "This article misstated the name of the port authority's chairman.",
            "An earlier version of this story misspelled the mayor's name.",
        ],
        prose=["Corrections officers walked out on Monday.", "This article of the treaty is void."],
    ),
    _rule(
        "page furniture",
        r"(?:Page last updated\b|Last updated\s{0,3}:?\s{0,3}\d|Share this (?:article|story|page|with)\b"
        r"|Related (?:Topics|Stories|Articles|Links|Content|Coverage|Internet links)\b"
        r"|More on this (?:story|topic)\b|Read more\s{0,3}:|Read more\s*$|Most (?:Popular|Read|Viewed|Shared)\s*$"
        r"|Top Stories\s*$|You may also like|Recommended for you|More from [A-Z][\w ]{0,30}\s*:?\s*$"
        r"|Around the web\s*$|Sponsored (?:content|links|stories)|Promoted (?:content|stories)"
        r"|Listen to this article|Print this (?:page|article)|Topics\s*:?\s*$|Tags\s*:)",
        "line",
        chrome=[
            "Page last updated at 10:02 GMT",
            "Related Topics",
            "Share this with",
            "More on this story",
            "Read more: floods in the north",
            "Most Read",
            "Tags: floods",
        ],
        prose=[
            "Related talks on grain exports begin in Geneva next week.",
            "Read more carefully, the law bans the sale.",
        ],
    ),
]

#: Printed and mailed layouts: page numbers and running heads of PDF text,
#: the furniture of e-mail newsletters.
PRINT_AND_MAIL = [
    _rule(
        "page number",
        r"(?i:Page|Seite|p\.|pg\.?)\s{0,2}\d{1,4}(?:\s{0,2}(?:of|/|von)\s{0,2}\d{1,4})?\s*$|\d{1,4}\s{0,2}[-–—]?\s*$",
        "line",
        chrome=["Page 3 of 12", "p. 7", "14", "- 3 -"],
        prose=["Page 3 of the report lists the ferry routes."],
    ),
    _rule(
        "newsletter furniture",
        r"(?i:View (?:this )?(?:e-?mail|newsletter|message) (?:in|on) (?:your|a|the) (?:browser|web)"
        r"|Unsubscribe\b|You (?:are receiving|received|have received) this (?:e-?mail|newsletter|message)"
        r"|Forward (?:this (?:e-?mail )?)?to a friend|Update (?:your )?(?:preferences|subscription)"
        r"|Manage (?:your )?(?:subscription|preferences|e-?mail settings)|Add us to your address book"
        r"|Was this (?:e-?mail|newsletter) forwarded to you|Having trouble (?:viewing|reading) this"
        r"|To stop receiving these|Privacy (?:policy|notice)\s*(?:\||$))",
        "line",
        chrome=[
            "View this email in your browser",
            "Unsubscribe | Update your preferences",
            "You are receiving this email because you signed up at example.org.",
            "Was this newsletter forwarded to you? Sign up here.",
        ],
        prose=["The minister refused to unsubscribe from the treaty's goals, aides said."],
    ),
]

#: Every rule, in the order they are tried.
RULES: list[Rule] = WIDGETS + BYLINES + DATELINES + BOILERPLATE + PRINT_AND_MAIL

#: Headings after which a run of short link lines is chrome ("Related Topics"
#: followed by "Floods in the north", "Budget talks"...).
LINK_LIST_HEADINGS = re.compile(
    r"(?i:Related (?:Topics|Stories|Articles|Links|Content|Coverage|Internet links)"
    r"|More on this (?:story|topic)|More from [\w ]{1,30}|Most (?:Popular|Read|Viewed|Shared)"
    r"|Top Stories|You may also like|Recommended(?: for you)?|Around the web|Topics|Read more"
    r"|Sponsored (?:content|links|stories)|Promoted (?:content|stories))[ \t]*:?[ \t\r]*$"
)
