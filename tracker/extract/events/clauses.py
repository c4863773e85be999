"""Reading the sentence around a date: tokens, clauses, the happening it dates.

For each dated mention we find the trigger (verb or noun naming a happening)
that the date most plausibly attaches to: the nearest non-reporting trigger in
the same clause; a reporting verb ("said on Tuesday") only when nothing else
is there, in which case the date's sentence is a reporting frame and the
happening may sit in the neighbouring sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import NamedTuple

from tracker.extract.events.lexicon import (
    FINITE_AUX,
    IRREGULAR_PAST,
    LIGHT_VERBS,
    NOT_TRIGGERS,
    REPORTING,
    RESULTS,
    TYPE_CUES,
    triggers,
)

# Letters of any script ("Inácio", "Erdoğan"): ``[^\W\d_]`` is a letter.
_TOKEN = re.compile(r"[^\W\d_](?:[^\W_]|[\u2019'\-])*|\d[\d,.:]*\d|\d|[^\w\s]")
# `_TOKEN` for text without "_": there ``[^\W_]`` is ``\w``, and one character class
# repeated is read much faster than an alternation of two.
_TOKEN_NO_UNDERSCORE = re.compile(r"[^\W\d_][\w\u2019'\-]*|\d[\d,.:]*\d|\d|[^\w\s]")
_PAST_FORM = re.compile(r"^[a-z]{2,}[^e]ed$|^[a-z]{3,}eed$")
_SOMETIMES_REPORTING = frozenset("added adds add noted notes reported reports report".split())
_TEMPORAL_PREPS = frozenset("since after before until following amid despite during".split())
_AFTER_PLURAL_NOUN = frozenset(("on", "in", "at", "for", "from", "with", "by", "of", ",", "."))
_PLURAL_AUX = frozenset("have are were will would had could".split())
_VERB_MARKERS = frozenset(
    """will would could may might should must can cannot did didn't does doesn't do don't
    won't wouldn't couldn't shouldn't 'll n't""".split()
)
_TO_VERB_HEADS = frozenset(
    """plan plans planned want wants wanted agreed agree decided expected scheduled due set
    likely going ready able refused failed promised vowed threatened sought hoped intend
    intends intended prepared voted moved""".split()
)
_NOT_BASE_VERBS = frozenset(
    """be have not also still only just never ever soon then now the a an this that these
    those his her its their our my your some any no all both each more most less very
    so too again already probably likely certainly really even further""".split()
)
_ANNOUNCE = frozenset("announce unveil pledge declare confirm".split())
_BASE_VERB_BEFORE = frozenset(
    """to will would could should may might must can cannot did didn't does doesn't do
    don't won't wouldn't couldn't shouldn't not n't 'll i we you they and or also never
    jointly formally officially then""".split()
)
_INVERTED_AUX = frozenset("had should did does would could will can".split())
_TALK_VERBS = frozenset("speak spoke talk talks hold held have had discuss confer".split())
_ING_VERB_BEFORE = frozenset(
    """is are was were be been being by after before while when since without""".split()
)
_DATE_GLUE = frozenset("on late early this last at".split())
_DETERMINERS = frozenset("a an the his her its their our this that these those 's any no".split())
# Before a past form, "that" is a relative pronoun ("the storm that flooded the valley"),
# not a determiner: the other determiners make the past form an adjective ("the
# injured man", "its frozen meals").
_BEFORE_ADJECTIVE = _DETERMINERS - {"that"}
_QUANTIFIERS = frozenset("some many several few most other both all".split())
_AUX = frozenset(
    """is are was were be been being has have had do does did will would could should
    may might must can shall 'll to not n't never also""".split()
)
# Punctuation and words that separate clauses for the purpose of attaching a date.
_HARD_BREAK = frozenset(';:\u2014\u2013()"\u201c\u201d')
_SOFT_BREAK_WORDS = frozenset("but while whereas although though because which who whom".split())
# Every token (lower-cased) that may start a clause: any other never does.
_MAY_BREAK = _HARD_BREAK | _SOFT_BREAK_WORDS | {"--", "-"}


class Token(NamedTuple):  # a tuple: tens of thousands are made per corpus
    text: str
    start: int
    end: int
    low: str


class Trigger(NamedTuple):
    index: int  # type: ignore[assignment]  # token index in its sentence (shadows tuple.index)
    token: Token
    lemma: str
    type: str
    pos: str  # verb | noun
    tense: str  # base | 3sg | ing | past | none
    reporting: bool


@dataclass
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    triggers: list[Trigger]
    clause_of: list[int]  # token index -> clause id
    # What readers ask of a clause (its words), built on the first question and shared
    # by every later one: types, modality and titles ask it of the same clauses again.
    _clauses: dict[int, Clause] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def token_starts(self) -> list[int]:
        """Where each token starts, in order (for a binary search)."""
        return [t.start for t in self.tokens]

    @cached_property
    def token_ends(self) -> list[int]:
        """Where each token ends, in order (for a binary search)."""
        return [t.end for t in self.tokens]

    def clause(self, clause: int) -> Clause:
        """The words of clause number ``clause`` (computed once per sentence)."""
        got = self._clauses.get(clause)
        if got is None:
            words = tuple(
                t.low for t, c in zip(self.tokens, self.clause_of, strict=True) if c == clause
            )
            got = self._clauses[clause] = Clause(words, frozenset(words), " ".join(words))
        return got


class Clause(NamedTuple):
    words: tuple[str, ...]  # lower-cased, in order
    word_set: frozenset[str]
    joined: str  # the words joined by single spaces


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    add = out.append
    pattern = _TOKEN_NO_UNDERSCORE if text.find("_", start, end) < 0 else _TOKEN
    if text.find("\u2019", start, end) < 0:  # no curly apostrophe to make straight
        for m in pattern.finditer(text, start, end):
            word = m.group()
            at = m.start()
            add(_new_token((word, at, at + len(word), word.lower())))
        return out
    for m in pattern.finditer(text, start, end):
        word = m.group()
        at = m.start()
        add(_new_token((word, at, at + len(word), word.lower().replace("\u2019", "'"))))
    return out


# A token made without the named tuple's own ``__new__`` (a Python call per token).
_new_token = partial(tuple.__new__, Token)


_PERIODS = frozenset("year quarter half months weeks period".split())


def analyse(text: str, start: int, end: int, timex_spans: list[tuple[int, int]]) -> Sentence:
    tokens = tokenize(text, start, end)
    timex_spans = [(s, e) for s, e in timex_spans if s < end and e > start]
    table = triggers()
    trigs: list[Trigger] = []
    clause_of: list[int] = []
    clause = 0
    # A short aside in brackets ("Halvorsen Freight (HFC) closed") splits no clause.
    short_aside: set[int] = set()
    if text.find("(", start, end) >= 0:  # every "(" is a token of its own
        for i, tok in enumerate(tokens):
            if tok.text == "(":
                close = next(
                    (k for k in range(i + 1, min(i + 5, len(tokens))) if tokens[k].text == ")"),
                    None,
                )
                if close is not None:
                    short_aside.update((i, close))
    lows = [t.low for t in tokens]
    for i, tok in enumerate(tokens):
        low = lows[i]
        if low not in _MAY_BREAK:
            pass  # most words: none of the tests below can hold
        elif i in short_aside:
            pass
        elif (
            tok.text in _HARD_BREAK
            or tok.text == "--"
            or (tok.text == "-" and text[tok.start - 1 : tok.start] == " ")
        ):
            clause += 1
        elif low in _SOFT_BREAK_WORDS and i > 0 and tokens[i - 1].text == ",":
            clause += 1
        clause_of.append(clause)
        entry = table.get(low)
        if entry is None:
            if not i:
                continue
            prev_low = lows[i - 1]
            if low == "had" and any(w in RESULTS for w in lows[i + 1 : i + 4]):
                # "Harlow Mills had a net loss of $5 million": results reported
                entry = ("have", "other", "verb", "past")
            elif (
                ((low.endswith("ed") and _PAST_FORM.match(low)) or low in IRREGULAR_PAST)
                and low not in NOT_TRIGGERS
                and prev_low not in _BEFORE_ADJECTIVE
                and prev_low not in _QUANTIFIERS  # "some allied forces"
                # "in appalled silence", "of armed men"; not "have kind of clamped down"
                and (prev_low not in _PREPOSITIONS or _hedge_of(tokens, i - 1))
            ):
                # Any past-tense verb names some happening; its type stays "other".
                entry = (low, "other", "verb", "past")
            elif (
                # the only words `_after_verb_marker` looks back to: a cheap test first
                (prev_low in _VERB_MARKERS or prev_low == "to" or prev_low.endswith("ly"))
                and _after_verb_marker(tokens, i)
            ):
                # "would fail", "didn't disclose", "plans to remove": a verb after a modal.
                entry = (low, "other", "verb", "base")
            else:
                continue
        if any(s <= tok.start < e for s, e in timex_spans):
            continue
        lemma, etype, pos, tense = entry
        prev = tokens[i - 1].low if i else ""
        if pos == "verb" and tense == "past" and (prev in _BEFORE_ADJECTIVE or prev.endswith("'s")):
            continue  # "its frozen meals", "the injured man": an adjective, not a happening
        if low == "left" and _political_left(tokens, i):
            continue  # "united right and left": the side, not a leaving
        if (
            lemma == "end"
            and prev in _PERIODS
            and i + 1 < len(tokens)
            and any(s <= tokens[i + 1].start < e for s, e in timex_spans)
        ):
            continue  # "the nine months ended June 29" names a period; no happening
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if (
            pos == "verb"
            and tense in ("base", "3sg")
            and (
                prev in _DETERMINERS
                or prev.endswith("'s")
                or prev in ("%", "percent")
                or (i and any(s <= tokens[i - 1].start < e for s, e in timex_spans))
            )
        ):
            pos = "noun"  # "the attack", "Russia's offensive", "a 20% gain"
        elif (
            pos == "verb"
            and tense == "3sg"
            and (
                nxt in _PLURAL_AUX
                or (
                    tokens[i - 1].text.isalpha()
                    and tokens[i - 1].text.islower()
                    and prev not in _BASE_VERB_BEFORE
                    and nxt in _AFTER_PLURAL_NOUN
                    and i >= 2
                    and tokens[i - 2].low not in _DETERMINERS  # not "the summit closes on"
                )
            )
        ):
            pos = "noun"  # "Sanctions have been", "signed executive orders on Monday"
        elif (
            pos == "verb"
            and tense == "base"
            and i
            and tokens[i - 1].text.isalpha()
            and tokens[i - 1].text.islower()
            and prev not in _BASE_VERB_BEFORE
            and not _after_verb_marker(tokens, i)  # "will quietly approve"
            and not (  # "Had she come ...", "Did he know": the auxiliary before its subject
                prev in ("he", "she", "it") and i >= 2 and tokens[i - 2].low in _INVERTED_AUX
            )
        ):
            pos = "noun"  # "a direct attack", "military aid": base forms follow to/modals/subjects
        elif (
            pos == "verb"
            and tense == "ing"
            and i
            and prev not in _ING_VERB_BEFORE
            and (
                prev in _DETERMINERS
                or prev.endswith("'s")
                or tokens[i - 1].text[0].isalpha()
                and prev not in _AUX
                and not prev.endswith("ly")
            )
        ):
            pos = "noun"  # "a virtual meeting", "the bombing": a gerund used as a noun
        elif pos == "verb" and tense == "ing" and not i and _finite_next(tokens, table):
            pos = "noun"  # "Fighting raged in the north": a gerund as the subject
        if pos == "noun" and lemma == "issue":
            continue  # "the issue" is a topic, not an act of issuing
        if (
            tok.text[0].isupper()
            and i > 0
            and tokens[i - 1].text not in ('"', "\u201c", "(")
            and lemma not in ("talks",)
        ):
            # Capitalised mid-sentence: part of a name ("Camp David Accords" aside), skip.
            continue
        reporting = tok.low in REPORTING
        if reporting and tok.low in _SOMETIMES_REPORTING:
            nxt = tokens[i + 1].low if i + 1 < len(tokens) else "."
            prv = tokens[i - 1].text if i else ","
            nxt_dated = i + 1 < len(tokens) and any(
                s <= tokens[i + 1].start < e for s, e in timex_spans
            )
            reporting = (
                nxt in {",", ".", "that", "''", '"', "\u201d", "on", "in"}
                or prv in {",", "''", '"'}
                or nxt_dated  # "the newspaper reported Friday"
            )
            if not reporting:
                lemma, etype = tok.low, "other"
        elif tok.low in ("learned", "learnt") and (
            i + 1 == len(tokens) or tokens[i + 1].text in (".", '"', "\u201d")
        ):
            # "..., the newspaper has learned.": a source closing what it reports.
            reporting = True
        elif pos == "verb" and (lemma in SAY_LIKE or tok.low in SAY_LIKE_PAST):
            # "announced Wednesday that ...", "confirmed it would ...": a report of what
            # follows; "announced sanctions" names a happening of its own.
            k = i + 1
            while k < len(tokens) and any(s <= tokens[k].start < e for s, e in timex_spans):
                k += 1
            while k < len(tokens) and tokens[k].low in ("on", "in", "late", "early", "last"):
                k += 1
            nxt = tokens[k].low if k < len(tokens) else "."
            passive = i > 0 and tokens[i - 1].low in ("was", "were", "been", "be", "is", "are")
            reporting = nxt in _CLAUSE_OPENERS and not passive  # not "was announced Friday,"
        trigs.append(Trigger(i, tok, lemma, etype, pos, tense, reporting))
    return Sentence(start, end, tokens, trigs, clause_of)


# A past form right after one of these is an adjective, never a happening.
_PREPOSITIONS = frozenset("in with of for by at on from into among against amid".split())


def _hedge_of(tokens: list[Token], i: int) -> bool:
    """ "kind of", "sort of" at ``i``: a hedge before a verb, not a preposition."""
    return tokens[i].low == "of" and i > 0 and tokens[i - 1].low in ("kind", "sort")


def _political_left(tokens: list[Token], i: int) -> bool:
    """ "right and left", "left and right", "the far left": the political side."""
    prev = tokens[i - 1].low if i else ""
    nxt = [t.low for t in tokens[i + 1 : i + 3]]
    return prev in ("far", "centre", "center", "hard") or (
        (prev == "and" and i >= 2 and tokens[i - 2].low == "right") or nxt == ["and", "right"]
    )


# Verbs that end like an adverb: after "did" or "will", "apply" is a verb, "exactly" not.
_LY_VERBS = frozenset("apply rely reply supply comply multiply imply ally fly tally rally".split())


def _after_verb_marker(tokens: list[Token], i: int) -> bool:
    word = tokens[i].low
    if not word.isalpha() or not tokens[i].text.islower() or word in _NOT_BASE_VERBS:
        return False
    if word.endswith("ly") and word not in _LY_VERBS:
        return False  # "the mayor did exactly as asked": an adverb, no verb to title
    if i > 1 and tokens[i - 1].low.endswith("ly") and tokens[i - 1].low not in _LY_VERBS:
        i -= 1  # "will personally direct": the verb stands after the adverb
    prev = tokens[i - 1].low
    if prev in _VERB_MARKERS:
        return True
    return prev == "to" and i > 1 and tokens[i - 2].low in _TO_VERB_HEADS


def token_index(sent: Sentence, offset: int) -> int:
    """The index of the token at (or, past the end, before) ``offset``: the first that
    ends after it (token ends rise strictly, so a binary search finds it)."""
    i = bisect_right(sent.token_ends, offset)
    return i if i < len(sent.tokens) else max(0, len(sent.tokens) - 1)


def _cleft_happening(sent: Sentence, ti: int, tj: int) -> Trigger | None:
    """ "It was 4 a.m. last Sunday when the rocket rose into the sky": a date set up by
    "it was" names the time of the when- (or that-) clause after it, whose verb is the
    happening; the nouns near the date are not."""
    toks = sent.tokens
    if ti > 8 or len(toks) < 5 or toks[0].low != "it" or toks[1].low not in ("was", "is"):
        return None
    if any(t.index < ti for t in sent.triggers):
        return None  # "It was a long debate on Monday that ...": the noun is the happening
    opener = next(
        (k for k in range(tj + 1, min(len(toks), tj + 12)) if toks[k].low in ("when", "that")),
        None,
    )
    if opener is None:
        return None
    return next(
        (t for t in sent.triggers if t.index > opener and t.pos == "verb" and not t.reporting),
        None,
    )


# Verbs of going on that follow a gerund subject besides the auxiliaries ("Fighting
# continues", "Shelling has resumed").
_GOES_ON = frozenset("continues remains seems".split())


def _finite_next(tokens: list[Token], table: dict[str, tuple[str, str, str, str]]) -> bool:
    """Whether the sentence's second word is a finite verb, so that an opening "-ing"
    word is its subject ("Shelling resumed"), not a participle ("Speaking on Friday, ...")."""
    if len(tokens) < 2 or not tokens[1].text.islower():
        return False
    low = tokens[1].low
    entry = table.get(low)
    if entry is not None:
        return entry[2] == "verb" and entry[3] in ("past", "3sg")
    return (
        low in FINITE_AUX or low in _GOES_ON or low in IRREGULAR_PAST or bool(_PAST_FORM.match(low))
    )


def choose_trigger(sent: Sentence, t_start: int, t_end: int) -> Trigger | None:
    """The trigger a date at [t_start, t_end) most plausibly dates."""
    if not sent.triggers:
        return None
    ti = token_index(sent, t_start)
    tj = token_index(sent, max(t_start, t_end - 1))
    cleft = _cleft_happening(sent, ti, tj)
    if cleft is not None:
        return cleft
    clause = sent.clause_of[ti] if sent.clause_of else 0
    # "said on Tuesday", "said Tuesday", "Tuesday said": the date belongs to the report;
    # "reported third-quarter profit rose": a date before a noun opens what is reported.
    nxt = sent.tokens[tj + 1] if tj + 1 < len(sent.tokens) else None
    premodifier = nxt is not None and (
        nxt.low in ("'s", "\u2019s")
        or (nxt.text.isalpha() and nxt.text.islower() and nxt.low not in _AFTER_FRAME_DATE)
    )
    for tr in sent.triggers:
        if tr.reporting and tr.pos == "verb" and not (premodifier and tr.index < ti):
            if tr.index < ti and all(
                sent.tokens[k].low in _DATE_GLUE for k in range(tr.index + 1, ti)
            ):
                return tr
            if tr.index == tj + 1 and tr.tense != "ing":
                # "on Tuesday said"; not "issued a statement on 4 June announcing that":
                # a participle after the date describes what the main verb made.
                return tr
            if (
                tr.index < ti
                and ti - tr.index <= 10
                and not any(not t.reporting and tr.index < t.index < ti for t in sent.triggers)
                and _frames(sent, tr, ti)
            ):
                # "told the Assembly in New York on Friday that ...": still the report's date.
                return tr
    commas = [k for k, tok in enumerate(sent.tokens) if tok.text == ","]
    noun_at = {t.index for t in sent.triggers if t.pos == "noun"}

    # "Those who voted for the plan on Monday were thanked": a date inside a relative
    # clause is that clause's, not the main verb's after it.
    verb_at = [t.index for t in sent.triggers if t.pos == "verb"]
    in_relative = any(
        sent.tokens[w].low in ("who", "which", "that")
        and any(w < k < ti for k in verb_at)
        and not any(w < k < ti for k in commas)
        for w in range(max(0, ti - 8), ti)
    )

    def cost(tr: Trigger) -> float:
        d = ti - tr.index if tr.index < ti else tr.index - tj
        c = float(d)
        if sent.clause_of[tr.index] != clause:
            c += 12
        if tr.reporting:
            c += 8
        if tr.pos == "noun":
            c += 1.5 if d <= 2 else 5.5  # a noun takes a date it sits right next to
        if tr.type == "other":
            c += 1
        if tr.index > tj:
            c += 0.5  # dates usually follow what they date in English news copy
            if any(sent.tokens[k].low == "to" for k in range(tj + 1, tr.index)):
                c += 6  # a purpose clause ("... on Friday to discuss") is not the happening
            elif tr.pos == "verb" and any(
                sent.tokens[k].low == "and" for k in range(tj + 1, tr.index)
            ):
                c += 8  # "took over on 1 December and will host": the date closes the first
        lo, hi = sorted((tr.index, ti))
        if any(lo < k < hi for k in commas):
            c += 5
            if tr.reporting and tr.index > tj:
                c += 10  # "..., police said": a tail frame leaves the date to the main clause
            if tr.index > tj and (
                tr.tense == "ing"
                or (
                    tr.tense == "past"
                    and (sent.tokens[tr.index - 1].text == "," or tr.index - 1 in noun_at)
                )
            ):
                # ", urging leaders to ...", ", hosted by ...", ", in a ceremony moved
                # inside": a participle clause adds, it does not date
                c += 3
        wh = next(
            (
                k
                for k in range(max(0, tr.index - 3), tr.index)
                if sent.tokens[k].low in ("what", "which", "who")
            ),
            None,
        )
        if in_relative and tr.index > tj:
            c += 4
        if wh is not None and not (
            tr.index < ti and not any(tr.index < k < ti for k in verb_at + commas)
        ):
            # (a relative clause that goes on to the date is the date's own: "those who
            # voted for the plan on Monday")
            c += 3
            if (
                wh > 0
                and sent.tokens[wh - 1].text == ","
                and sent.tokens[wh].low != "what"
                and not wh < ti < next((k for k in commas if k > wh), len(sent.tokens))
            ):
                # ", which was returning from a patrol,": an aside about someone named,
                # not the happening the sentence reports (unless it holds the date)
                c += 5
        return c

    best = min(sent.triggers, key=cost)
    best = _governing_verb(sent, best)
    heads_pp = any(
        sent.tokens[k].low in _TEMPORAL_PREPS for k in range(max(0, best.index - 3), best.index)
    )
    of_date = best.index + 2 == ti and sent.tokens[best.index + 1].low == "of"
    if (
        best.pos == "noun"
        and not heads_pp
        and not of_date  # "the election of 5 November" names its own date
        and min(abs(best.index - ti), abs(best.index - tj)) > 1
    ):
        # A noun deep inside a prepositional phrase ("met X on the sidelines of the summit
        # on Sunday") yields to the clause's verb when no comma separates them.
        for tr in reversed(sent.triggers):
            if (
                tr.index < best.index
                and tr.pos == "verb"
                and not tr.reporting
                and sent.clause_of[tr.index] == sent.clause_of[best.index]
                and not any(tr.index < k < best.index for k in commas)
            ):
                return tr
    return best


SAY_LIKE = frozenset(
    "announce declare disclose reveal confirm acknowledge indicate claim insist predict".split()
)
SAY_LIKE_PAST = frozenset(
    "disclosed revealed acknowledged indicated claimed predicted estimated conceded".split()
)
_CLAUSE_OPENERS = frozenset("that he she it they we i ``".split()) | {'"', "\u201c", ",", "."}
# Words that follow the date of a report ("said Friday that", "said Friday it would").
_AFTER_FRAME_DATE = frozenset(
    """that it he she they we i the a an his her its their this these those there in on at
    to and but after before when while as with for from by of night morning afternoon
    evening no not""".split()
)
_TELL = frozenset("tell tells told telling informed assured".split())
_PREPS = frozenset("in at on during after before from to with before".split())


def _frames(sent: Sentence, tr: Trigger, ti: int) -> bool:
    """Whether a date a few words after a reporting verb still dates the report.

    "said in a statement on Friday", "told the Assembly on Friday": yes; "said that
    last week a customer found", "reported third-quarter profit jumped": no, the
    date opens the reported clause.
    """
    between = sent.tokens[tr.index + 1 : ti]
    while between and between[0].low.endswith("ly"):
        between = between[1:]  # "said privately on Thursday"
    if not between or tr.token.low in _TELL:
        return True
    first = between[0].low
    return first in _PREPS or (first == "," and len(between) > 1 and between[1].low in _PREPS)


def _governing_verb(sent: Sentence, trig: Trigger) -> Trigger:
    """ "condemned the attack on Sunday" dates the condemning; "an election held on
    Friday" dates the election: prefer the verb over its object, the noun over its
    participle."""
    by_index = {t.index: t for t in sent.triggers}
    if trig.pos == "noun":
        for k in range(trig.index - 1, max(-1, trig.index - 4), -1):
            tr = by_index.get(k)
            if tr is not None and tr.pos == "verb" and not tr.reporting:
                between = sent.tokens[k + 1 : trig.index]
                if all(
                    t.low in _DETERMINERS or t.low.endswith("'s") or not t.text[0].isupper()
                    for t in between
                ):
                    return tr
            if sent.tokens[k].text in {",", ";"}:
                break
    elif trig.tense == "past" and trig.index > 0:
        prev = by_index.get(trig.index - 1)
        k = trig.index - 1
        # "The visit came ...", "Shelling resumed ...": a noun opening the clause is the
        # verb's subject.
        opens = k == 0 or (
            sent.tokens[k - 1].low in _DETERMINERS
            and (
                k == 1
                or sent.tokens[k - 2].text in {",", ";"}
                or sent.tokens[k - 2].text in _HARD_BREAK
            )
        )
        if prev is not None and prev.pos == "noun" and not opens:
            return prev
    return trig


_CALL_FORMS = frozenset("call calls called calling".split())
_WON_DEALS = frozenset("order orders contract contracts deal deals tender tenders".split())


def _own_type(sent: Sentence, trig: Trigger) -> str:
    """The trigger's type as the words after it show it: "called for a ceasefire", "a
    call for calm", "called on Iran to ..." are demands, not phone calls; "won an order"
    is a deal, not a vote."""
    if trig.token.low in _CALL_FORMS and trig.index + 1 < len(sent.tokens):
        nxt = sent.tokens[trig.index + 1].low
        if nxt == "for" or (nxt == "on" and trig.pos == "verb"):
            return "statement"
    if trig.lemma == "win" and trig.pos == "verb":
        # "won an order for 40 jets", "wins the contract": business, not a vote
        after = sent.tokens[trig.index + 1 : trig.index + 5]
        if any(t.low in _WON_DEALS for t in after):
            return "agreement"
    return trig.type


def refine_type(sent: Sentence, trig: Trigger) -> str:
    """The trigger's type, or a more telling one from its object or clause."""
    etype = _own_type(sent, trig)
    if etype == "statement" and trig.type != "statement":
        return etype
    if etype not in ("other", "statement") and trig.lemma not in LIGHT_VERBS:
        return etype
    clause = sent.clause_of[trig.index]
    if etype == "other" and trig.pos == "verb":
        # "Shelling resumed", "The protests erupted": the subject right before names
        # the happening the verb tells of.
        subject = next((t for t in sent.triggers if t.index == trig.index - 1), None)
        if (
            subject is not None
            and subject.pos == "noun"
            and _own_type(sent, subject) not in ("other", "statement")
            and sent.clause_of[subject.index] == clause
        ):
            return _own_type(sent, subject)
    if trig.lemma in LIGHT_VERBS or etype == "other":
        for tr in sent.triggers:
            if (
                tr.pos == "noun"
                and trig.index < tr.index <= trig.index + 6
                and sent.clause_of[tr.index] == clause
                and tr.type not in ("other",)
            ):
                return _own_type(sent, tr)
    if trig.lemma in _ANNOUNCE:
        # "announced that the US would send air defence systems": the content's type.
        for tr in sent.triggers:
            if (
                trig.index < tr.index <= trig.index + 14
                and tr.pos == "verb"
                and tr.type not in ("other", "statement")
            ):
                return tr.type
    if etype != "other" and trig.lemma not in _TALK_VERBS:
        return etype  # no cue below can change it
    words = sent.clause(clause)
    for cue, cue_type in TYPE_CUES.items():
        if (etype == "other" or (cue_type == "call" and trig.lemma in _TALK_VERBS)) and (
            cue in words.word_set or (" " in cue and cue in words.joined)
        ):
            return cue_type
    return etype
