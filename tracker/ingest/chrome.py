"""Page chrome in article text, the headline above it, and site names in titles.

Text saved from news pages carries the page around the article: edition and
share widgets, bylines, photo credits, datelines, cookie and newsletter
prompts, comment sections, copyright lines and link lists. Left in, they
become bogus titles and bogus events. This module finds them; it never edits
a Document itself.

- `find_chrome(text)` gives the character spans that are chrome, and
  `mask(text, spans)` blanks them while keeping every offset.
- `headline(text)` is the first headline-like line of the text, or None.
- `clean_title(title, site)` strips the site name from an HTML or og title.

Rules are data (`tracker.ingest.chrome_rules`), each with examples that run as
tests. The bias is precision: a real news sentence must never be marked, so a
rule only fires on wording no article sentence uses. Pure stdlib, no Qt, and
linear in the text (every pattern is bounded, see `chrome_rules`).

    >>> text = "Skip to content\\nFloods close the port\\nBy Ana Ruiz, Staff Writer\\nShips waited."
    >>> headline(text)
    'Floods close the port'
    >>> mask(text, find_chrome(text)).split("\\n")[0].strip() == ""
    True
    >>> clean_title("Floods close the port | World news | The Guardian")
    'Floods close the port'
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from tracker.ingest.chrome_rules import HEAD, LINK_LIST_HEADINGS, RULES, Rule
from tracker.ingest.dateline import HEAD_LINES

#: Rules marked `top` apply to this many non-empty lines at the start: the
#: article's top as the dateline scan reads it, so any dateline it finds can be masked.
TOP_LINES = HEAD_LINES
#: A link list after a "Related Topics" heading: lines this short, without a full stop.
_LINK_MAX_WORDS = 12
_LINK_MAX_CHARS = 120
#: Running heads of printed pages: short lines seen at least this often.
_RUNNING_MIN_REPEATS = 3
_RUNNING_MAX_CHARS = 100
#: Characters skipped between chrome pieces glued on one line ("YES | NO By ...").
_GLUE = re.compile(r"[\s|•·▪►*>›»\-–—]*")

Span = tuple[int, int]


def find_chrome(text: str) -> list[Span]:
    """Sorted, non-overlapping (start, end) spans of `text` that are page chrome.

    Whole lines, the leading chrome part of a line, or a dateline or credit
    inside one. Blank them with `mask` before extracting events.
    """
    found: list[Span] = []
    top = _top_line_starts(text)
    for start in sorted(_candidate_starts(text) | top):
        end = _line_end(text, start)
        line = text[start:end]
        pieces = _line_chrome(line, top=start in top)
        found.extend((start + a, start + b) for a, b, _ in pieces)
    headings = [h.start() + 1 for h in _LINK_HEADING_AT_START.finditer(text)]
    if _LINK_HEADING_AT_START.match("\n" + text[:HEAD]):
        headings.insert(0, 0)
    for heading in headings:
        found.extend(_link_list_after(text, _line_end(text, heading)))
    found.extend(_comment_thread(text))
    running = _running_heads(text)
    if running:  # rare: only texts with repeated short lines pay for this pass
        for start, line in _lines(text):
            if _head_key(line) in running:
                found.append((start, start + len(line)))
    return _merged(found)


#: The end of a reader's comment: its signature closes with a "Report abuse" link
#: ("Posted by: Ana | May 4, 2025 6:15 PM | Report abuse").
_COMMENT_END = re.compile(r"\|[ \t]*Report (?:abuse|this comment)\b[ \t]*\|?", re.IGNORECASE)
#: Signatures it takes to call the text between them a comment thread.
_THREAD_MIN = 3


def _comment_thread(text: str) -> list[Span]:
    """The comments of a reader thread: the text between one comment's signature
    and the next. The article stands before the first comment, and the first
    comment's own text is left alone, since nothing marks where it starts."""
    ends = [m.end() for m in _COMMENT_END.finditer(text)]
    if len(ends) < _THREAD_MIN:
        return []
    return [(ends[k], ends[k + 1]) for k in range(len(ends) - 1)]


#: Whole-text scans that find the few lines worth a closer look, so ordinary
#: lines cost no Python work: a "line" or "lead" rule matching at a line start,
#: or a "span" rule matching anywhere. `_line_chrome` then decides.
_START_GLUE = r"[ \t|•·▪►*>›»\-–—]*"
# Each scan starts with a literal newline, which the regex engine finds with a
# fast character search; the first line of the text is checked apart.
_AT_LINE_START = re.compile(
    rf"(?m)\n{_START_GLUE}(?:"
    + "|".join(r.pattern.pattern for r in RULES if r.how in ("line", "lead") and not r.top)
    + ")"
)
_LINK_HEADING_AT_START = re.compile(rf"(?m)\n[ \t]*(?:{LINK_LIST_HEADINGS.pattern})")
_NON_EMPTY_LINE = re.compile(r"(?m)^[^\S\n]*\S")


def _candidate_starts(text: str) -> set[int]:
    starts = {found.start() + 1 for found in _AT_LINE_START.finditer(text)}
    starts.add(0)  # the first line is always looked at (it is a top line anyway)
    for rule in _SPAN_ANYWHERE:
        if rule.needs and not any(n in text for n in rule.needs):
            continue
        starts.update(
            text.rfind("\n", 0, found.start()) + 1 for found in rule.pattern.finditer(text)
        )
    return starts


def _top_line_starts(text: str) -> set[int]:
    """Offsets of the first `TOP_LINES` non-empty lines."""
    starts: set[int] = set()
    for found in _NON_EMPTY_LINE.finditer(text):
        starts.add(found.start())
        if len(starts) >= TOP_LINES:
            break
    return starts


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return end - 1 if end > start and text[end - 1] == "\r" else end


def _link_list_after(text: str, pos: int) -> Iterator[Span]:
    """Spans of the short link lines that follow a "Related Topics" heading ending at `pos`."""
    while pos < len(text):
        start = pos + 1
        end = _line_end(text, start)
        line = text[start:end]
        if line.strip():
            if not _is_link_line(line):
                return
            yield start, end
        pos = text.find("\n", start)
        if pos < 0:
            return


def mask(text: str, spans: list[Span]) -> str:
    """`text` with the characters of `spans` turned into spaces, newlines kept.

    The result has the same length and offsets as `text`. Chrome inside a line
    (a scraper's "Headline Standfirst Tuesday 3 May 2005 08.43 BST First
    sentence") parts what stands on either side of it: the span's last
    character becomes a line break, so the headline never runs into the lead.

    >>> mask("ON NOW\\nTalks resume", [(0, 6)])
    '      \\nTalks resume'
    >>> mask("Pay deal agreed 3 May 2005 08.43 BST Unions agreed", [(16, 36)])
    'Pay deal agreed                     \\nUnions agreed'
    >>> mask("Pay deal agreed 3 May 2005 08.43 BST Unions agreed", [(16, 37)])
    'Pay deal agreed                     \\nUnions agreed'
    """
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append(text[pos:start])
        blank = re.sub(r"[^\n]", " ", text[start:end])
        if start > 0 and text[start - 1] != "\n" and end < len(text) and text[end] != "\n":
            # Inside a line: what is left either side stands apart, the break right
            # before what follows (a space after the span becomes the break).
            if text[end] in " \t":
                parts.append(blank)
                blank, end = "\n", end + 1
            else:
                blank = blank[:-1] + "\n"
        parts.append(blank)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def headline(text: str, max_chars: int = 200) -> str | None:
    """The first headline-like line of `text`, skipping chrome; None if there is none.

    When a dateline or byline sits inside the line, the headline is the part
    before it. Text that follows a dateline is the article body, so a page that
    opens with a dateline and then the first sentence has no headline.
    """
    running = _running_heads(text)
    seen = 0
    for _, line in _lines(text):
        if not line.strip():
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        line = line[: HEAD * 4]
        if running and _head_key(line) in running:
            continue
        candidate, body_next = _headline_part(line)
        if candidate is None:
            if body_next:
                return None
            continue  # the whole line was chrome
        candidate = _title_case_head(candidate)
        verdict = _judge(candidate)
        if verdict == "headline":
            return _shorten(candidate, max_chars)
        if verdict == "prose" or body_next:
            return None
    return None


# --- Title cleaning ------------------------------------------------------------------

#: Site names that pages append to or prepend before their titles.
SITE_NAMES = frozenset(
    s.lower()
    for s in (
        "Reuters",
        "BBC",
        "BBC News",
        "BBC Sport",
        "BBC World Service",
        "The Guardian",
        "Guardian",
        "the Guardian",
        "CNN",
        "CNN International",
        "CNN Politics",
        "CNN Business",
        "The New York Times",
        "New York Times",
        "NYTimes",
        "The Washington Post",
        "Washington Post",
        "Al Jazeera",
        "Al Jazeera English",
        "AP",
        "AP News",
        "Associated Press",
        "AFP",
        "Bloomberg",
        "Financial Times",
        "FT",
        "The Independent",
        "Independent",
        "The Telegraph",
        "Telegraph",
        "Sky News",
        "NPR",
        "Fox News",
        "NBC News",
        "CBS News",
        "ABC News",
        "Politico",
        "The Economist",
        "DW",
        "Deutsche Welle",
        "France 24",
        "Euronews",
        "The Times",
        "The Sunday Times",
        "Daily Mail",
        "Mail Online",
        "Le Monde",
        "Der Spiegel",
        "Spiegel",
        "Axios",
        "The Hill",
        "USA Today",
        "USA TODAY",
        "The Wall Street Journal",
        "Wall Street Journal",
        "WSJ",
        "Los Angeles Times",
        "LA Times",
        "The Atlantic",
        "Vox",
        "Newsweek",
        "Yahoo News",
        "MSN",
        "HuffPost",
        "The Irish Times",
        "The Hindu",
        "Times of India",
        "The Japan Times",
        "South China Morning Post",
        "SCMP",
        "ABC",
        "CBC",
        "CBC News",
        "RTE",
        "RTÉ",
        "Kyiv Independent",
        "Haaretz",
        "Times of Israel",
        "The Times of Israel",
        "Arab News",
        "Middle East Eye",
        "Voice of America",
        "VOA",
        "Radio Free Europe",
        "RFE/RL",
        "Xinhua",
        "Anadolu Agency",
        "TASS",
        "Euractiv",
    )
)
#: Section names that sit between a headline and the site name.
SECTION_NAMES = frozenset(
    s.strip()
    for s in """world news|world|uk news|us news|news|politics|business|opinion|comment is free|sport
    |sports|technology|tech|science|environment|middle east|europe|africa|asia|americas
    |asia pacific|latin america|markets|economy|money|health|culture|analysis|live
    |breaking news|top stories|international|national|local|media|education""".split("|")
)
#: Separators between title parts; a hyphen only counts with spaces around it,
#: so "Israel-Hamas truce holds" stays whole.
_TITLE_SEP = re.compile(r"\s+(?:\||::|»|•|·|--|-|–|—)\s+")
_STRONG_SEP = re.compile(r"\s+(?:\||::|»|•|·)\s+")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]{2,40}(?:\.[\w-]{2,20}){1,3}", re.IGNORECASE)


def clean_title(title: str, site: str | None = None) -> str:
    """`title` without the site name (and section) pages add to it.

    >>> clean_title("Israel-Hamas truce holds - Reuters")
    'Israel-Hamas truce holds'
    >>> clean_title("CNN.com - Floods close the port")
    'Floods close the port'
    """
    title = " ".join(title.split())
    parts = _TITLE_SEP.split(title)
    seps = _TITLE_SEP.findall(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and (_is_site(parts[-1], site) or _is_section(parts[-1])):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and (_is_site(parts[0], site) or _is_section(parts[0])):
        parts.pop(0)
        seps.pop(0)
    if any(_STRONG_SEP.fullmatch(s) for s in seps):
        # "Page title | Section | Site": keep the longest "|" segment whole.
        groups = _STRONG_SEP.split(_rejoin(parts, seps))
        return max(groups, key=lambda g: len(g.split())).strip() or title
    return _rejoin(parts, seps).strip() or title


def _rejoin(parts: list[str], seps: list[str]) -> str:
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out


def _is_site(segment: str, site: str | None) -> bool:
    seg = segment.strip().lower()
    if seg in SITE_NAMES or _DOMAIN.fullmatch(seg):
        return True
    if site:
        name = site.strip().lower()
        stem = re.sub(r"^www\.|\.(?:com|co\.uk|org|net|co|de|fr)$", "", name)
        return seg in (name, stem) or seg.replace(" ", "") in (name.replace(" ", ""), stem)
    return False


def _is_section(segment: str) -> bool:
    return segment.strip().lower() in SECTION_NAMES


# --- Internals ----------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line of `text`, without the line break."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line.rstrip("\r")
        pos += len(line) + 1


class _Table:
    """Rules of one kind compiled into one alternation: one regex call per line, not thirty.

    Alternatives are tried in rule order, as a loop over the rules would.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.pattern = re.compile(
            "|".join(f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(rules))
        )

    def rule(self, found: re.Match[str]) -> Rule:
        return self.rules[int(str(found.lastgroup)[1:])]


def _tables(how: tuple[str, ...], top: bool) -> _Table:
    return _Table([r for r in RULES if r.how in how and (top or not r.top)])


_LINE = {top: _tables(("line",), top) for top in (True, False)}
_LEAD = {top: _tables(("lead",), top) for top in (True, False)}
# Span rules run one by one: an alternation of them would lose the regex
# engine's quick scan for each pattern's first character, which matters on long lines.
_SPAN_ANYWHERE = [r for r in RULES if r.how in ("span", "in") and not r.top]
_SPAN_TOP = [r for r in RULES if r.how in ("span", "in") and r.top]


def _line_chrome(line: str, *, top: bool) -> list[tuple[int, int, Rule]]:
    """Chrome pieces of one line as (start, end, rule), in line order."""
    pieces: list[tuple[int, int, Rule]] = []
    head = line[:HEAD]
    pos = 0
    lead, whole = _LEAD[top], _LINE[top]
    for _ in range(6):  # a few glued pieces at most: "YES | NO By Ana Ruiz, CNN ..."
        # Bullets and separators before a piece of chrome belong to it.
        start = pos
        glue = _GLUE.match(head, pos)
        pos = glue.end() if glue else pos
        if pos >= len(head):
            break
        found = lead.pattern.match(head, pos)
        if found and found.end() > pos:
            pieces.append((start, found.end(), lead.rule(found)))
            pos = found.end()
            continue
        found = whole.pattern.match(head, pos)
        if found:
            pieces.append((start, len(line), whole.rule(found)))
            return pieces
        break
    # Rules for the top only look at the head of the line, where datelines sit.
    searches = [(_SPAN_ANYWHERE, line)] + ([(_SPAN_TOP, head)] if top else [])
    for rules, where in searches:
        for rule in rules:
            if rule.needs and not any(n in where for n in rule.needs):
                continue
            for found in rule.pattern.finditer(where, pos):
                if found.end() == found.start():
                    continue
                if rule.how == "in":
                    return [(0, len(line), rule)]
                pieces.append((found.start(), found.end(), rule))
    pieces.sort(key=lambda p: p[0])
    return pieces


def _head_key(line: str) -> str:
    """A short line with digits blurred, so "Page 3" and "Page 4" of a running head match."""
    if len(line) > _RUNNING_MAX_CHARS:
        return ""
    return _DIGITS.sub("#", line.strip())


_DIGITS = re.compile(r"\d+")


# One entry: reading a document asks for the same text's running heads twice
# (`find_chrome`, then `headline` for its title), and the pass is most of `headline`.
@functools.lru_cache(maxsize=1)
def _running_heads(text: str) -> frozenset[str]:
    """Short lines (digits blurred) repeated on every page: running heads and feet.

    A line counts when it appears `_RUNNING_MIN_REPEATS` times, has letters, and
    does not end like a sentence ("Thank you." in a transcript is kept).
    """
    counts = Counter(line for line in text.split("\n") if 0 < len(line) <= _RUNNING_MAX_CHARS)
    repeated = Counter[str]()
    for line, count in counts.items():
        repeated[_head_key(line)] += count
    repeated.pop("", None)
    return frozenset(
        key
        for key, count in repeated.items()
        if count >= _RUNNING_MIN_REPEATS
        and re.search(r"[^\W\d_]{2}", key)
        and not key.endswith((".", "!", "?", '"', "”", "'", "’"))
    )


def _is_link_line(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= _LINK_MAX_CHARS
        and len(stripped.split()) <= _LINK_MAX_WORDS
        and not stripped.endswith((".", "?", "!", '"', "”", ":"))
    )


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


_MARKERS = re.compile(r"^[\s•·▪►*#>|:,;.\-–—]+|[\s|:,;\-–—•·]+$")


def _headline_part(line: str) -> tuple[str | None, bool]:
    """(the line's headline candidate or None, whether article body follows it)."""
    pieces = _line_chrome(line, top=True)
    pos = 0
    body_next = False
    cut = len(line)
    for start, end, rule in pieces:
        if line[pos:start].strip():
            cut = start  # chrome inside the line: the headline is the part before it
            break
        pos = max(pos, end)
        body_next = body_next or rule.body_follows
    candidate = _MARKERS.sub("", line[pos:cut])
    if not candidate:
        return None, body_next and bool(line[pos:].strip())
    if body_next:
        return None, True  # text after a dateline is the article's first sentence
    return candidate, False


#: Words a Title Case headline leaves in lower case.
_MINOR = frozenset(
    "a an and as at but by for from in into of off on or over per the to up via vs with".split()
)
#: Words that open the first sentence after a headline glued to it.
_OPENERS = frozenset("The A An This These It He She They We I When After As".split())


def _title_case_head(candidate: str) -> str:
    """The headline of "Financial Crisis Deepens in Europe The euro fell ..." (Title Case, glued).

    Only when at least four Title Case words come first and a sentence opener
    ("The", "A", ...) followed by a lower-case word ends them; otherwise unchanged.
    """
    words = candidate.split()
    for i, word in enumerate(words[:40]):
        if i >= 4 and word in _OPENERS and i + 1 < len(words) and words[i + 1][:1].islower():
            return " ".join(words[:i])
        initial = word.lstrip("\"'“‘(")[:1]
        if initial.islower() and word.lower() not in _MINOR:
            break  # not (or no longer) Title Case
    return candidate


# A story-highlights marker ("NEW: Police say ..."): a page's bullet list run into its
# headline, each bullet one.
_HIGHLIGHT = re.compile(r"(?:^|\s)(?:NEW|UPDATED?|BREAKING|LATEST):\s+")


def without_highlights(title: str) -> str:
    """The headline before a page's highlight bullets run into it, or the first bullet
    when the title opens with one.

    >>> without_highlights("Floods close the port NEW: Ships wait offshore NEW: Rain eases")
    'Floods close the port'
    >>> without_highlights("NEW: Ships wait offshore NEW: Rain eases")
    'Ships wait offshore'
    >>> without_highlights("What's NEW in the budget")
    "What's NEW in the budget"
    """
    parts = [p.strip() for p in _HIGHLIGHT.split(title)]
    first = next((p for p in parts if len(p.split()) >= 3), None)
    return first if first is not None and len(parts) > 1 else title


# Words a standfirst (or a lead) opens with that never go on a headline's last word:
# "... getting louder As the insurgency grows ...", "... arms race The threat of ...".
_SENTENCE_OPENERS = frozenset(
    """the a an as in on at but and it he she they we this that these those when while
    after before if since for with by from there here what how why who now yet so""".split()
)
# A headline's word that a capitalised word may follow inside it ("Calls for Talks",
# "coverage of Hurricane Katrina"): no standfirst begins after one of these.
_HEADLINE_LINKS = (_MINOR - {"off"}) | frozenset(
    """nor upon about after before during against between through under within without
    across around behind beyond like than""".split()
)
_QUOTE_MARKS = "`'\"\u2018\u2019\u201c\u201d"


def headline_before_standfirst(title: str) -> str:
    """The headline of a line that runs it into its standfirst without a stop ("The
    echoes of the war are getting louder As the insurgency grows, so do ..."): the words
    before a sentence opener that follows a lower-case word. Unchanged when there is
    none, or when the headline would keep fewer than three words. (A Title Case
    headline glued so is cut by `_title_case_head` while `headline` looks for one;
    this one is for a sentence-case headline, and for a page's own title.)

    >>> headline_before_standfirst("Two years on, the echoes grow louder As the fighting spreads, so do fears")
    'Two years on, the echoes grow louder'
    >>> headline_before_standfirst("Aid agencies warn of famine in the north")
    'Aid agencies warn of famine in the north'
    >>> headline_before_standfirst("Tony Blair criticises the coverage of The Daily Example")
    'Tony Blair criticises the coverage of The Daily Example'
    """
    words = title.split()
    for k in range(3, len(words) - 2):
        opener = words[k].strip(_QUOTE_MARKS)
        before = words[k - 1].rstrip(_QUOTE_MARKS)
        if not opener[:1].isupper() or opener.isupper() or opener.lower() not in _SENTENCE_OPENERS:
            continue
        if not (before[:1].islower() or words[k - 1][-1:] in _QUOTE_MARKS):
            continue  # after a capitalised word: a Title Case headline or a name goes on
        if before.endswith((",", ":", ";")) or before.lower() in _HEADLINE_LINKS:
            continue
        return " ".join(words[:k])
    return title


#: A speaker's label in a transcript: "ANA RUIZ, HOST: ...", "RUIZ: ...".
_SPEAKER = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:,\s[A-Z][A-Z.'’ -]{1,40}){0,2}:\s")
_URL = re.compile(r"(?i)^(?:https?://|www\.)\S*$|^\S+\.(?:com|org|net|co\.uk)(?:/\S*)?$")
_DIGITS_ONLY = re.compile(r"^[\d\s/.:,-]+$")


def _judge(candidate: str) -> str:
    """'headline', 'skip' (not a headline, look further) or 'prose' (the body starts)."""
    words = candidate.split()
    if _URL.match(candidate) or _DIGITS_ONLY.match(candidate):
        return "skip"
    if not re.search(r"[^\W\d_]", candidate):
        return "skip"
    if candidate == candidate.lower():
        return "skip" if len(words) < 8 else "prose"
    first = words[0]
    if first[0].islower() and first == first.lower():
        return "skip" if len(words) < 8 else "prose"
    if _SPEAKER.match(candidate):
        return "prose"  # a transcript opens with dialogue, and has no headline below
    if len(words) < 3:
        return "skip"  # a section label ("World news") or a name
    if len(words) > 25:
        return "prose"
    return "headline"


def _shorten(value: str, max_chars: int) -> str:
    value = " ".join(value.split())
    if len(value) <= max_chars:
        return value
    cut = value[: max_chars + 1].rsplit(" ", 1)[0]
    return (cut if cut else value[:max_chars]).rstrip(" ,;:-–—")
