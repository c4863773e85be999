"""Reporting frames: "X said on Tuesday that Y".

A date on a reporting verb dates what was said; the entry is worth making when
a state or body speaks, or when what was said is a concrete happening (a call,
a strike, sanctions, a deal), found after the frame, before a tail frame
("Troops crossed the border, the ministry said"), or in the next sentence."""

from __future__ import annotations

import re

from tracker.extract.events.article import Article
from tracker.extract.events.clauses import Sentence, Trigger, refine_type
from tracker.extract.events.lexicon import FIGURE_MARKS, known_lemmas

_OFFICIAL = re.compile(
    r"\b(?:[Mm]inistry|[Gg]overnment|[Mm]inister|[Pp]resident|[Ss]pokes(?:man|woman|person)|"
    r"[Ee]mbassy|[Cc]abinet|[Cc]hancellor|[Ss]ecretary|[Dd]iplomats?|[Aa]mbassador|[Ee]nvoy|"
    r"[Pp]arliament|[Cc]ouncil|[Ll]eaders?)\b"
)
VAGUE = frozenset(("other", "statement"))
# Lexicon verbs too general to make a reported happening concrete on their own.
_GENERIC = frozenset(
    """take make hold become go come begin start end rise fall increase decrease drop gain
    lose reach mark occur happen offer post earn cut raise lower produce report file
    complete submit pass step""".split()
)


def neighbour_trigger(art: Article, i: int, dated: set[int]) -> tuple[int, Trigger] | None:
    """A happening in the next sentence for a date whose own sentence is only a frame."""
    j = i + 1
    if j >= len(art.spans) or j in dated:
        return None
    if "\n\n" in art.text[art.spans[i][1] : art.spans[j][0]]:
        return None
    subs = [t for t in art.sentence(j).triggers if not t.reporting]
    verbs = [t for t in subs if t.pos == "verb"]
    return (j, (verbs or subs)[0]) if subs else None


def content_trigger(sent: Sentence, frame: Trigger | None) -> Trigger | None:
    """The first happening reported after a dated reporting verb, if any."""
    if frame is None:
        return None
    for tr in sent.triggers:
        if (
            tr.index > frame.index
            and not tr.reporting
            and tr.pos == "verb"
            and tr.index - frame.index <= 12
        ):
            return tr
    return None


def concrete(sent: Sentence, trig: Trigger) -> bool:
    """A typed happening, or one the lexicon names outright ("arrested", "resigned");
    not talk, and not a vague or unknown verb ("made", "remained")."""
    etype = refine_type(sent, trig)
    if etype == "statement":
        return False
    if etype != "other":
        return True
    return trig.lemma in known_lemmas() and trig.lemma not in _GENERIC


def counted_plan(sent: Sentence, trig: Trigger) -> bool:
    """A plan told with a count or a measure: "will cut 500 jobs", "would raise its main
    rate by a quarter point". A vague verb ("cut", "raise") says what is to happen once
    its object counts something; told as done ("cut 500 jobs") it is a figure of the past.
    """
    toks = sent.tokens
    if trig.pos != "verb" or trig.lemma not in _AMOUNT_VERBS:
        return False
    if not any(
        toks[k].low in ("will", "would", "'ll", "to")
        for k in range(max(0, trig.index - 3), trig.index)
    ):
        return False
    clause = sent.clause_of[trig.index]
    for k in range(trig.index + 1, min(len(toks), trig.index + 9)):
        if sent.clause_of[k] != clause:
            break
        low = toks[k].low
        if toks[k].text[:1].isdigit() or low in _MEASURES or low in FIGURE_MARKS:
            return True
    return False


# Vague verbs that change an amount: with a count they say what is to happen.
_AMOUNT_VERBS = frozenset("cut raise lower increase decrease".split())
# Words that count or measure an object where no digit stands ("a quarter point").
_MEASURES = frozenset("quarter half third percentage point points dozen".split())


def names_happening(sent: Sentence, trig: Trigger) -> bool:
    """Whether a verb's object names a happening ("announced his resignation")."""
    clause = sent.clause_of[trig.index]
    return any(
        t.pos == "noun"
        and trig.index < t.index <= trig.index + 6
        and sent.clause_of[t.index] == clause
        for t in sent.triggers
    )


# Objects of "announced" that name no thing launched: a plan, a result, words.
_ABSTRACT = frozenset(
    """plan plans intention intentions decision decisions proposal proposals details
    measures figures results earnings terms view views support opposition hope hopes
    concern concerns that what how whether""".split()
)


def names_product(sent: Sentence, trig: Trigger) -> bool:
    """Whether an announcement's object is a thing launched: "announced a tablet for
    schools", "plans to announce new products" (not "announced the plan").

    The object opens with "a"/"an" or "new" within its first words, and none of
    those words is an abstract noun.
    """
    toks = sent.tokens
    head = [t.low for t in toks[trig.index + 1 : trig.index + 5]]
    if not head or head[0] not in ("a", "an", "new", "its", "their", "the"):
        return False
    if head[0] in ("its", "their", "the") and (len(head) < 2 or head[1] != "new"):
        return False
    return not any(w in _ABSTRACT for w in head)


def tail_content(sent: Sentence, frame: Trigger) -> Trigger | None:
    """The happening reported before a tail frame ("Troops crossed the border, the
    ministry said on Tuesday")."""
    toks = sent.tokens
    comma = next((k for k in range(frame.index - 1, -1, -1) if toks[k].text == ","), None)
    if comma is None:
        return None
    before = [t for t in sent.triggers if t.index < comma and not t.reporting]
    verbs = [t for t in before if t.pos == "verb"]
    found = verbs or before
    return found[0] if found else None


def concrete_tail(sent: Sentence, frame: Trigger) -> Trigger | None:
    tail = tail_content(sent, frame)
    if tail is None or tail.tense != "past" or not concrete(sent, tail):
        return None  # what is only planned stays dated by when it was said
    return tail


def official_speaker(art: Article, sent: Sentence, trig: Trigger | None) -> bool:
    """A dated statement is worth a timeline entry when a state or organisation speaks."""
    toks = sent.tokens
    if trig is None or not toks:
        return any(m.kind in ("country", "org") for m in art.actors.within(sent.start, sent.end))
    lo = toks[max(0, trig.index - 8)].start
    hi = toks[min(len(toks) - 1, trig.index + 5)].end
    if _OFFICIAL.search(art.text, lo, hi):
        return True
    return any(m.kind in ("country", "org") for m in art.actors.within(lo, hi))
