"""Who takes part in an event: people, countries and organisations in an article.

The article is scanned once (gazetteer alternation plus a few person patterns);
events then ask for the actors inside a span with a binary search. People are
resolved to the fullest name the article uses ("Blinken" -> "Antony Blinken"),
capitals count as their country only when used as a government ("Moscow
said", not "in Moscow"), demonyms name their country ("Ukrainian forces").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tracker.extract.events.gazetteer import Gazetteer, find_surfaces, gazetteer
from tracker.extract.events.lexicon import SENTENCE_ADVERBS
from tracker.extract.events.names import find_names
from tracker.extract.events.scan import has_word

# Upper-case letters of the Latin scripts ("É", "Ł", "Š"); ``[^\W\d_]`` is any letter.
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# An initial first ("Ben S. Bernanke"): else the plain word takes its letter and
# leaves the period, which ends the name.
_NAME_WORD = (
    rf"(?:[{_UP}]\.(?=[ \t])|[{_UP}](?:[^\W\d_]|-)*(?:['\u2019][{_UP}](?:[^\W\d_]|-)+)?"
    rf"(?:['\u2019]s)?(?![^\W\d_]|-))"
)
_PARTICLE = r"(?:de|da|di|van|von|der|bin|ibn|al|el|la|le)"
_PARTICLE_WORD = re.compile(_PARTICLE)
# Space inside a name: a line may wrap in it, a blank line (a new paragraph) never.
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"
_NAME = rf"{_NAME_WORD}(?:{_GAP}(?:{_PARTICLE}{_GAP}){{0,2}}{_NAME_WORD}){{0,3}}"
_NAME_RE = re.compile(_NAME)
# Each whole-text pattern below opens with a look at the first character ("(?=[A-Z])"):
# rejecting most positions at once, it reads an article in about two thirds the time.
_CAP_SEQ = re.compile(
    rf"(?=[{_UP}])(?<![\w.])({_NAME_WORD}(?:{_GAP}(?:{_PARTICLE}{_GAP}){{0,2}}{_NAME_WORD}){{1,5}})(?![\w])"
)

# Capitalised words that never start or belong to a person's name.
_NOT_NAME = frozenset(
    """The A An In On At For From By With After Before During Since Until As But And Or If
    When While This That These Those His Her Its Their Our It He She They We I You
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr Sen Rep Gov Gen President Minister
    Prime Secretary Foreign Ministry Defence Defense State Department House Council Union
    Party Parliament Congress Senate Court Agency Bank Fund Organization Organisation
    Republic Kingdom United Nations National International General Assembly Security
    Federal Commission European Committee Office Army Navy Forces Force Air Corp Inc Co
    Group News Press Times Post Reuters Associated AP AFP Xinhua Street Square Palace
    Hall Summit Conference Treaty Agreement Accord Airport University Institute Center
    Centre Church Day Week Year Today Tomorrow Yesterday New North South East West
    Central Middle Northern Southern Eastern Western Sea Ocean Gulf River Island Islands
    Chief Deputy Vice Special Envoy Ambassador King Queen Prince Pope Chancellor Premier
    Spokesman Spokeswoman Officials Presidents Ministers Secretaries Senators Leaders Governors
    Generals Chancellors Premiers Kings Government Cabinet Kremlin White Pentagon Embassy
    Mission Alliance Bloc However Meanwhile Also Still Yet Earlier Later Last Next Some
    Many Most Several Both All Any Each Other Such No Not Only Even Now Then Here There
    What Who Why How Where Which Thursday's Sunday's Senator Governor Jr Sr Jnr Snr
    Dozens Scores Hundreds Thousands Millions Billions Tens""".split()
)
# Words that open a clause before a name ("Because Ann Ross spoke", "So Tom Lund left").
_OPENERS = frozenset(
    """Because So Like Hey Yes Well Thanks Please Just Although Though Unless Whether
    Once Dear Oh And But Or If When While As After Before Since Until""".split()
)
_NOT_NAME = _NOT_NAME | _OPENERS | {w.capitalize() for w in SENTENCE_ADVERBS}
# A party label before a person's name describes the person ("Democrat Ann Ross",
# "Liberal Democrat Jo Marr"); in a name of two words it is the party's own name.
_PARTY_LABEL = frozenset(
    "Democrat Republican Conservative Labour Tory Liberal Socialist Communist".split()
)

_ANY_VERB = re.compile(r"\s+(?:[a-z]+ed|won|met|took|made|gave|led|began|spoke|flew|went)\b")
_LONE_INITIAL = re.compile(r"[A-Z]\.?")
_JOINED_NAME = re.compile(r",?\s+and\s+|,\s+")
_BEFORE_PERSON = re.compile(r"\b(?:with|alongside|met|meets|meet|and|by|told|joined)\s+$")
_CAPWORD = re.compile(rf"(?=[{_UP}])(?<![\w'\u2019\-])[{_UP}](?:[^\W\d_]|-)*(?![^\W\d_])")
_SPACE_LOWER = re.compile(r"\s+[a-z]")
_MID_SENTENCE = re.compile(r"[a-z,]\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|outside)\s+$")
# Letters that stand for no party: offices, measures, times, things.
_NOT_ACTOR_ACRONYMS = frozenset(
    """CEO CFO COO CTO MP MPS PM AM GMT EST EDT PST PDT CET BST UTC ET TV PC OK ID DNA
    HIV AIDS SARS GDP CPI IPO VAT SUV ATM FAQ PR RSS PDF USB DVD CD GPS AP AFP II III IV
    VI JR SR VP POW MIA GI WMD IED RPG UAV ICBM""".split()
)

# Words after a name that show it is a person acting or speaking.
_PERSON_VERB = re.compile(
    r",\s+who\b|,\s+(?:the|a|an)\s+(?:[\w'\u2019\-]+\s+){0,3}?(?i:chief|head|founder|president|"
    r"chairman|chairwoman|director|minister|spokesman|spokeswoman|leader|ceo)\b|"
    r"\s+(?:said|says|told|added|met|meets|visited|visits|will|would|has|had|was|is|"
    r"spoke|called|urged|warned|announced|signed|wrote|insisted|arrived|denied|"
    r"travel(?:l)?ed|held|hosted|declined|accused|praised|vowed)\b"
)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str  # canonical
    kind: str  # person | org | country | other
    role: str | None = None  # "location" for a place named as a setting


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    name: str
    country: str | None


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|from|near|outside|inside|into|toward|towards|across|around|throughout|"
    r"visit|visits|visited|visiting|via|over)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+|"
    # "into the streets of Cairo", "across parts of Kenya": the place the crowd was in
    r"(?:streets|parts|cities|towns|villages|regions|provinces)\s+of\s+)?|"
    r"\b(?:travel\w*|trip|flew|fly|flies|flying|arriv\w+|return\w*|went|go|goes|going|came|come|"
    r"head\w*|journey\w*|moved)\s+(?:back\s+)?to\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# Seats of government named as places ("talks in the Kremlin").
_SEATS = frozenset("Kremlin White House Elysee Elysée Downing Street Pentagon".split())
# Titles that go with a single name ("Pope Francis", "King Charles").
_REGNAL = frozenset("pope king queen prince princess emir sheikh sultan ayatollah crown".split())


class _Match:
    """The three parts of a gazetteer hit, read like a regex match."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, surface: str) -> None:
        self._start, self._end, self._text = start, end, surface

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def longer_forms(names: list[str]) -> dict[str, str]:
    """Each tail of ``names`` after a space, mapped to the first name it ends: the first
    ``m`` of ``names`` with ``m.endswith(" " + n)`` for any ``n``, found by one pass over
    the names' spaces instead of a test of every pair.

    >>> longer_forms(["Luiz Inacio Lula da Silva", "Lula da Silva"])["Lula da Silva"]
    'Luiz Inacio Lula da Silva'
    """
    tails: dict[str, str] = {}
    for m in names:
        at = m.find(" ")
        while at >= 0:
            tails.setdefault(m[at + 1 :], m)
            at = m.find(" ", at + 1)
    return tails


def used_mid_sentence(text: str, name: str) -> bool:
    """Whether ``name`` stands somewhere after a lower-case word or a comma, alone."""
    at = text.find(name)
    while at >= 0:  # a plain scan: a pattern per name would crowd the regex cache
        end = at + len(name)
        before = text[max(0, at - 2) : at]
        after = text[end : end + 2]
        if (
            len(before) == 2
            and before[1] == " "
            and (before[0].islower() or before[0] == ",")
            and not (after[:1].isalnum() or (after[:1] == " " and after[1:].isupper()))
        ):
            return True
        at = text.find(name, end)
    return False


class ArticleActors:
    """All actor and place mentions of one article, sorted by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        gaz = gazetteer()
        self.short: dict[str, str] = {}  # full name -> the short form for titles
        mentions: list[ActorMention] = []
        places: list[Place] = []
        taken: list[tuple[int, int]] = []
        for m in (_Match(*hit) for hit in find_surfaces(text)):
            surface = m.group()
            entry = gaz.entries[surface]
            before = text[max(0, m.start() - 40) : m.start()]
            locative = bool(_LOCATIVE.search(before))
            if entry.kind == "city":
                places.append(Place(m.start(), m.end(), entry.canonical, entry.country))
                if not locative and entry.canonical in gaz.capitals and self._acts(m.end()):
                    mentions.append(
                        ActorMention(m.start(), m.end(), entry.country or "", "country")
                    )
            elif entry.kind == "metonym":
                seat = surface.removeprefix("the ").removeprefix("The ")
                if locative and (
                    surface in gaz.capitals or seat in _SEATS or seat == "White House"
                ):
                    places.append(Place(m.start(), m.end(), seat, entry.country))
                else:
                    mentions.append(ActorMention(m.start(), m.end(), entry.canonical, "country"))
            elif entry.kind in ("country", "demonym"):
                # "fired missiles at Israel": "at" before a country names a target.
                if entry.kind == "country" and locative and not before.rstrip().endswith(" at"):
                    places.append(Place(m.start(), m.end(), entry.canonical, entry.canonical))
                mentions.append(ActorMention(m.start(), m.end(), entry.canonical, "country"))
            else:
                mentions.append(ActorMention(m.start(), m.end(), entry.canonical, "org"))
            taken.append((m.start(), m.end()))
        # Companies, bodies and products outside the gazetteers, by their shape.
        self.aliases: dict[str, set[str]] = {}
        taken.sort()
        for n in find_names(text):
            i = bisect.bisect_left(taken, (n.start, -1))
            if any(
                0 <= j < len(taken) and taken[j][0] < n.end and n.start < taken[j][1]
                for j in (i - 1, i)
            ):
                continue
            mentions.append(ActorMention(n.start, n.end, n.name, n.kind))
            self.aliases.setdefault(n.name, set()).update(n.aliases)
            bisect.insort(taken, (n.start, n.end))
        self.roles: dict[str, str] = {}  # person -> title of office the article gives
        # "Automatic Data" after "Automatic Data Processing Inc.", "Dow Jones" after
        # "Dow Jones & Co.": the leading words of a company's name are that company.
        heads = {
            " ".join(m.name.split()[:k]): m.name
            for m in mentions
            if m.kind == "org"
            for k in range(2, len(m.name.split()))
        }
        mentions.extend(self._people(text, gaz, taken, heads))
        mentions.sort(key=lambda a: a.start)
        places.sort(key=lambda p: p.start)
        self.mentions = mentions
        self.starts = [a.start for a in mentions]
        self.places = places
        self._place_starts = [p.start for p in places]

    def _acts(self, end: int) -> bool:
        nxt = self.text[end : end + 30]
        return bool(
            re.match(
                r"(?:'s|\u2019s|\s+(?:has|have|had|is|was|will|would|said|says|"
                r"accused|rejected|warned|announced|denied|wants|insisted|responded|"
                r"imposed|expelled|called|urged|sent|agreed|and\s+[A-Z]))",
                nxt,
            )
        )

    def _people(
        self, text: str, gaz: Gazetteer, taken: list[tuple[int, int]], heads: dict[str, str]
    ) -> list[ActorMention]:
        found: dict[str, str] = {}  # full name -> first seen
        companies: list[ActorMention] = []  # short forms of companies, not people
        by_tail: dict[str, set[str]] = {}
        for head, org in heads.items():
            by_tail.setdefault(head.split()[-1], set()).add(org)
        tails = {w: next(iter(o)) for w, o in by_tail.items() if len(o) == 1}
        roles: dict[str, str] = {}  # name -> title of office first seen with it
        spans: list[tuple[int, int, str]] = []
        occupied = sorted(taken)

        def overlaps(s: int, e: int) -> bool:
            i = bisect.bisect_left(occupied, (s, -1))
            for j in (i - 1, i):
                if 0 <= j < len(occupied) and occupied[j][0] < e and s < occupied[j][1]:
                    return True
            return False

        titled: set[str] = set()  # names a title of office came with: people for sure
        one_word_titles = {t.lower() for t in gaz.titles if " " not in t}

        def accept(s: int, e: int, keep_title: bool = False, role: str | None = None) -> None:
            name = text[s:e]
            words = name.split()
            # "CEO Steve Jobs": the title is the actor's role, not part of the name.
            if not keep_title:
                # "Apple CEO Steve Jobs": what comes before the title is the employer.
                at = [k for k, w in enumerate(words[:-1]) if w.lower() in one_word_titles]
                if at:
                    role = words[at[-1]]
                    s = text.find(words[at[-1] + 1], s + len(" ".join(words[: at[-1] + 1])))
                    words = words[at[-1] + 1 :]
            for k, w in enumerate(words):
                if w.endswith(("'s", "\u2019s")):  # "Joe Biden's aide", "Elian's Miami kin"
                    words = words[:k] + [w[:-2]]
                    break
            while words and (
                words[-1].rstrip(".") in _NOT_NAME or _LONE_INITIAL.fullmatch(words[-1])
            ):
                words.pop()  # nor does a name end with an initial ("Henry M." of a cut name)
            while not keep_title and words and words[0].rstrip(".") in _NOT_NAME:
                words.pop(0)
            while not keep_title and len(words) >= 3 and words[0] in _PARTY_LABEL:
                words.pop(0)
            if not words:
                return
            caps = [w for w in words if len(w.rstrip(".")) > 1 and w.isupper()]
            if caps and len(caps) < len(words):
                return  # "Mac OS X", "the NSA Director": an acronym is no part of a name
            name = " ".join(words)
            s = text.find(words[0], s)
            e = s + len(name) if text[s : s + len(name)] == name else e
            if overlaps(s, e) or name in gaz.entries:
                return
            if name in heads:
                companies.append(ActorMention(s, e, heads[name], "org"))
                return
            spans.append((s, e, name))
            found.setdefault(name, name)
            if role:
                titled.add(name)
                roles.setdefault(name, role)

        # Title + name: "Secretary of State Antony Blinken", "President Zelensky".
        for m in gaz.title_pattern.finditer(text):
            gap = re.match(r",?\s", text[m.end() : m.end() + 2])
            nm = _NAME_RE.match(text, m.end() + gap.end()) if gap else None
            if nm and (m.group()[0].isupper() or m.group().islower()):
                if m.group().split()[-1].lower() in _REGNAL and " " not in nm.group():
                    accept(m.start(), nm.end(), keep_title=True)
                else:
                    accept(nm.start(), nm.end(), role=m.group())
        # Bare capitalised sequences acting as subjects: "Antony Blinken said".
        unsure: list[tuple[int, int, str]] = []
        acted: set[int] = set()  # where the sequences accepted here began
        for m in _CAP_SEQ.finditer(text):
            words = m.group(1).split()
            start = m.start(1)
            if len(words) >= 3 and words[0] in _OPENERS:
                # "Because Ann Ross spoke first": the clause's opener is no part of it.
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
            if "The" in words[1:]:
                # "Bailout Set in Motion The Bush administration": a headline run into
                # its lead; "The" opens a new phrase, never the middle of a name.
                cut = len(words) - 1 - words[::-1].index("The")
                start = text.index(words[cut], start + len(" ".join(words[:cut])))
                words = words[cut:]
                if len(words) < 3:
                    continue
            inner = [
                k
                for k in range(1, len(words) - 1)
                if words[k].rstrip(".") in _NOT_NAME and not _LONE_INITIAL.fullmatch(words[k])
            ]
            if inner:
                # "Treasury Secretary Henry M. Paulson": the name follows the office.
                cut = inner[-1] + 1
                start = text.index(words[cut], start + len(" ".join(words[:cut])))
                words = words[cut:]
                if len(words) < 2:
                    continue
            if words[0] in _NOT_NAME or any(w in gaz.entries for w in words):
                continue
            end = m.end()
            if words[-1] in ("Jr", "Sr") and text.startswith(".", end):
                end += 1  # "Henry M. Paulson Jr. met": the verb is after the period
            if (
                _PERSON_VERB.match(text, end)
                or _ANY_VERB.match(text, end)
                or _BEFORE_PERSON.search(text, max(0, start - 12), start)
            ):
                accept(start, m.end(1))
                acted.add(start)
            else:
                unsure.append((start, m.end(1), words[-1]))
        # "Anna Berg and Tom Lund met": a name joined by "and" (or a comma) to a name
        # that acts is a person too, the first of a list included (right to left).
        starts = {s for s, _e, _n in spans} | acted
        for start, end, _last in reversed(unsure):
            joined = _JOINED_NAME.match(text, end)
            if joined and joined.end() in starts:
                accept(start, end)
                starts.add(start)
        named = sorted((s, e) for s, e, _n in spans)
        # One pass over capitalised words serves the three checks below.
        caps = [(m.start(), m.end(), m.group()) for m in _CAPWORD.finditer(text)]
        # Lone surnames acting as subjects ("Biden announced"), when not a common word;
        # and companies known by one word or letters ("Airbus won", "GM recalled").
        # What the text shows of a word, asked once per word (a name recurs): whether it
        # stands capitalised mid-sentence, in lower case, or after "the".
        facts: dict[tuple[str, str], bool] = {}

        def shows(word: str, fact: str) -> bool:
            key = (word, fact)
            if key not in facts:
                if fact == "proper":
                    facts[key] = used_mid_sentence(text, word)
                elif fact == "lower":
                    facts[key] = has_word(text, word.lower())
                else:
                    facts[key] = f"the {word}" in text or f"The {word}" in text
            return facts[key]

        for start, end, word in caps:
            letters = (
                2 <= len(word) <= 6
                and word.isupper()
                and word not in _NOT_ACTOR_ACRONYMS
                and word.capitalize() not in _NOT_NAME
            )
            if (
                (len(word) < 3 and not letters)
                or word in _NOT_NAME
                or word in gaz.entries
                or not (letters or word[1:].replace("-", "").islower())
            ):
                continue
            if _PLACE_BEFORE.search(text, max(0, start - 12), start):
                continue  # "a court in Lyon fined": a place named as a setting
            k = bisect.bisect_right(named, (start, 10**9)) - 1
            if k >= 0 and named[k][1] >= end:
                continue  # "Lund" of "Tom Lund met": the full name is the mention
            if not (_PERSON_VERB.match(text, end) or _ANY_VERB.match(text, end)):
                continue
            if letters:
                # "GM recalled", "EADS said": letters are a name anywhere; not a word
                # shouted ("THIS is why", "NOT born to run"), which the text also writes
                # in lower case
                if not shows(word, "lower"):
                    accept(start, end)
            elif word.endswith("s"):
                # "Airbus won", not "Protests erupted" or "the Republicans": a plural is
                # capitalised mid-sentence only as a group ("the Democrats"), a name
                # ending in "s" is, with no "the" and never in lower case
                if shows(word, "proper") and not shows(word, "lower") and not shows(word, "the"):
                    accept(start, end)
            elif _PERSON_VERB.match(text, end) or (
                # "the blog Gizmodo obtained": mid-sentence, before a past-tense verb;
                # at a sentence's start, a word the text also capitalises mid-sentence.
                _MID_SENTENCE.search(text, max(0, start - 3), start) or shows(word, "proper")
            ):
                accept(start, end)
        # "confirm Marco Rubio" is a person when "Rubio" acts alone elsewhere ("Rubio is").
        for start, end, last in unsure:
            if last in found and start not in starts:
                accept(start, end)
        by_last: dict[str, str] = {}
        multi = sorted((n for n in found if len(n.split()) >= 2), key=len, reverse=True)
        for name in multi:
            parts = name.split()
            by_last.setdefault(parts[-1], name)
        # Capitalised words followed by a lower-case word: where a name stands alone.
        alone = {word for _, end, word in caps if _SPACE_LOWER.match(text, end)}
        for name in multi:
            # Family name first ("Xi Jinping" -> "Xi") when the article uses it alone.
            first = name.split()[0]
            if (
                first not in by_last
                and first in alone
                # "Jobs said" beats a stray "Steve called"
                and not has_word(text, name.split()[-1], not_after=first)
                and first.rstrip(".") not in _NOT_NAME
            ):
                by_last[first] = name
        for alias, full in by_last.items():
            # Prefer the family-name-first alias when the article uses it ("Xi").
            if full not in self.short or full.split()[0] == alias:
                self.short[full] = alias
        # "Inacio Lula da Silva" inside "Luiz Inacio Lula da Silva" is the same person.
        longer = longer_forms(multi)
        canonical = {n: longer.get(n, n) for n in found}
        # "Steve said": a first name alone is the person the article named in full.
        # Only for someone the article also calls by family name ("Jobs"): never a
        # product or a body that went for a person ("Apple TV").
        by_given = {n.split()[0]: n for n in reversed(multi) if n.split()[-1] in by_last}
        out: list[ActorMention] = []
        for s, e, name in spans:
            full = (
                by_last.get(name, by_given.get(name, name))
                if len(name.split()) == 1
                else canonical[name]
            )
            if name in roles:
                self.roles.setdefault(full, roles[name])
            # News introduces a person by full name or title; a lone capitalised word
            # acting without either is a company or a body ("Orvane announced").
            lone = len(name.split()) == 1 and full == name and name not in titled
            if lone and name in tails:
                out.append(ActorMention(s, e, tails[name], "org"))  # "Roy" of "Milton Roy"
                continue
            out.append(ActorMention(s, e, full, "org" if lone else "person"))
        # Surname-only mentions of known people ("Blinken met ..."), and every further
        # mention of a company found acting once ("Orvane's heaters").
        orgs = {m.name for m in out if m.kind == "org"}
        if by_last or orgs:
            seen = {(s, e) for s, e, _ in spans}
            covered = sorted([(s, e) for s, e, _ in spans] + occupied)
            for start, end, word in caps:
                if (word not in by_last and word not in orgs) or (start, end) in seen:
                    continue
                i = bisect.bisect_right(covered, (start, 10**9)) - 1
                if i >= 0 and covered[i][1] >= end:
                    continue
                if word in by_last:
                    out.append(ActorMention(start, end, by_last[word], "person"))
                else:
                    out.append(ActorMention(start, end, word, "org"))
        return out + companies

    def aliases_of(self, name: str) -> tuple[str, ...]:
        """Short forms the article uses for ``name`` ("Jobs", "NGA")."""
        forms = set(self.aliases.get(name, ()))
        alias = self.short.get(name)
        if alias and alias != name:
            forms.add(alias)
        return tuple(sorted(forms))

    def short_name(self, name: str) -> str:
        alias = self.short.get(name)
        words = name.split()
        if alias is not None and alias != words[-1]:
            return alias
        # A family name with a particle keeps it ("von der Leyen"); after three given
        # names the word before the particle is the one in use ("Lula da Silva").
        for k, w in enumerate(words[1:], 1):
            if _PARTICLE_WORD.fullmatch(w):
                return " ".join(words[k - 1 if k >= 3 else k :])
        return words[-1]

    def within(self, start: int, end: int) -> list[ActorMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def places_within(self, start: int, end: int) -> list[Place]:
        i = bisect.bisect_left(self._place_starts, start)
        out = []
        while i < len(self.places) and self.places[i].start < end:
            out.append(self.places[i])
            i += 1
        return out


def unique_actors(mentions: list[ActorMention]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Distinct actor names in order of appearance, people first-class, with kinds."""
    names: list[str] = []
    kinds: list[str] = []
    for a in mentions:
        if a.name and a.name not in names:
            names.append(a.name)
            kinds.append(a.kind)
    # A person's own country adds little next to the person when both come
    # from the same demonym-title-name phrase; keep both but people first.
    order = sorted(range(len(names)), key=lambda i: (kinds[i] != "person", i))
    return tuple(names[i] for i in order), tuple(kinds[i] for i in order)
