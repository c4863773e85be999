"""The day's news: what an article's lead reports without giving a date.

News copy opens with what happened on or just before the publication day,
and often says so only by its tense: "the airline has won an order", "the
ministry announced that ...", "the company unveils a phone". Such a lead
sentence is an event dated by the article itself (granularity day, marked as
dated by publication). Background ("had agreed", "since the war began"),
plans and conjecture ("will", "could"), questions and first-person opinion
are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.extract.events.clauses import Sentence, Trigger

LEAD_SENTENCES = 3  # how many body sentences make the lead
_MIN_TOKENS = 6  # shorter lines are datelines, bylines or captions
_MODALS = frozenset("will would could may might should must can shall 'll".split())
_BACKGROUND = frozenset("had since".split())
_FIRST_PERSON = frozenset("i we my our me us".split())
_QUOTES = frozenset({'"', "\u201c", "``", "'"})
# Verbs that describe a state, not a happening ("Apple is", "the store has").
_STATES = frozenset("be is are was were have has had seem seems remain remains".split())


# "During the keynote", "at the summit": the occasion the story is about, named again.
# After an aside about an older date, such a sentence is back at the occasion's time.
OCCASIONS = (
    "conference keynote summit meeting event speech talks visit ceremony hearing briefing "
    "presentation launch rally session"
).split()
_OCCASION_ANAPHOR = re.compile(
    r"\b(?:[Aa]t|[Dd]uring|[Ii]n|[Aa]fter|[Bb]efore|[Ww]hile)\s+(?:the|this)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:" + "|".join(OCCASIONS) + r")s?\b"
)


def back_at_occasion(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` names the story's occasion again."""
    return _OCCASION_ANAPHOR.search(text, start, end) is not None


# "arrested more than a dozen times", "over the past 20 years": habits, not one happening.
HABITUAL = re.compile(
    r"\b(?:(?:dozen|many|numerous|\d+|hundreds\s+of|thousands\s+of)\s+times|repeatedly|often|"
    r"usually|regularly|frequently|over\s+the\s+(?:past|last)|for\s+(?:years|decades|months))\b"
)
_PRESENT = frozenset("is are has have".split())
_PAST = frozenset("was were had".split())


def tells_present(sent: Sentence) -> bool:
    """Whether the sentence's first clause is told in the present tense."""
    if not sent.tokens or sent.tokens[0].text in ('"', "\u201c", "``"):
        return False  # a quotation keeps its speaker's tenses
    verbs = {t.index: t for t in sent.triggers if t.pos == "verb"}
    clause = sent.clause_of[0]
    for k, tok in enumerate(sent.tokens):
        if sent.clause_of[k] != clause:
            break
        verb = verbs.get(k)
        if tok.low in _PRESENT or (verb is not None and verb.tense == "3sg"):
            return True
        if tok.low in _PAST or (verb is not None and verb.tense == "past"):
            return False
    return False


def is_lead_candidate(sent: Sentence) -> bool:
    """Long enough to be a sentence of the body, not opinion, not a question."""
    toks = sent.tokens
    if len(toks) < _MIN_TOKENS or toks[0].text in _QUOTES:
        return False
    if toks[-1].text == "?":
        return False
    inside_quote = False
    for tok in toks:
        if tok.text in ('"', "\u201c", "\u201d", "``", "''"):
            inside_quote = not inside_quote
        elif not inside_quote and tok.low in _FIRST_PERSON:
            return False
    return True


# Words between a subject and its verb: auxiliaries, negation and the adverbs that sit
# there ("we have all read", "I have now stopped", "we were very surprised").
_VERB_GLUE = frozenset(
    """have has had 've 're 'm 'd was were am are is be been will would could may might
    shall should can do did does not n't all also now then just never still only even
    really already at last first""".split()
)


def first_person_act(sent: Sentence, trig: Trigger) -> bool:
    """The happening is told in the first person: "I watched in horror", "we have all
    read reports", "my colleagues left": a column, a diary or a quoted speaker's own
    voice, not a report a timeline entry can stand on.

    >>> from tracker.extract.events.clauses import analyse
    >>> def told(s, lemma):
    ...     sent = analyse(s, 0, len(s), [])
    ...     return first_person_act(sent, next(t for t in sent.triggers if t.lemma == lemma))
    >>> told("Eleven days ago I visited the ruined museum.", "visit")
    True
    >>> told("We have all signed the petition.", "sign")
    True
    >>> told("My two brothers left the city on Friday.", "leave")
    True
    >>> told("Mr Ortega said I had misread the ruling, and the court agreed on Monday.", "agree")
    False
    """
    if trig.pos != "verb":
        return False  # "our forces": a noun's owner, not who acts
    toks = sent.tokens
    k = trig.index - 1
    while k >= 0 and toks[k].low in _VERB_GLUE:
        k -= 1
    if k < 0:
        return False
    if toks[k].low in ("i", "we"):
        return True
    # "My kind watched", "our two sons left": a first-person possessive opens the subject.
    clause = sent.clause_of[k]
    for j in range(k - 1, max(-1, k - 4), -1):
        if sent.clause_of[j] != clause or toks[j].text in (",", ";"):
            break
        if toks[j].low in ("my", "our"):
            return True
    return False


_FIRST_PERSON_OPENERS = frozenset("i we i've we've i'm we're i'd we'd i'll we'll my our".split())


def first_person_title(title: str) -> bool:
    """The title a happening would show opens in the first person: whatever verb the
    event hangs on, the writer or a quoted speaker tells it ("We have all read reports
    of soldiers angry at being kept ...": the soldiers' plight is an opinion's premise,
    not a report), so it is no timeline entry (see `first_person_act`).

    >>> first_person_title("We have all read reports of troops kept at the border")
    True
    >>> first_person_title("My colleagues leave the city")
    True
    >>> first_person_title("Iran says we will see no deal")
    False
    >>> first_person_title("Joining me")  # "I thank the minister for joining me today"
    True
    >>> first_person_title("Police tell us the road is closed")
    True
    >>> first_person_title("The US imposes sanctions")
    False
    """
    words = title.split()
    if not words:
        return False
    if words[0].lower().replace("\u2019", "'") in _FIRST_PERSON_OPENERS:
        return True
    # The writer or host as the object ("joining me", "told us"): their own voice too.
    return any(w.strip(",.;:") in ("me", "us") for w in words[1:])


def news_trigger(
    sent: Sentence,
    reporting_content: Callable[[Sentence, Trigger], Trigger | None],
    announcing: frozenset[str] = frozenset(),
) -> Trigger | None:
    """The happening a lead sentence reports as today's news, if any.

    ``reporting_content(sent, trig)`` gives the happening a reporting verb
    introduces ("announced it has settled" -> "settled"); when there is none,
    or it is only planned, an announcement (a verb in ``announcing``) is the
    news itself ("announced that the phone will ship in June").
    """
    verbs = [t for t in sent.triggers if t.pos == "verb"]
    if not verbs:
        return None
    trig = verbs[0]
    if trig.reporting:
        content = reporting_content(sent, trig)
        if content is not None and _finite_news(sent, content):
            return content
        if trig.lemma in announcing and trig.tense == "past":
            return trig
        return None
    return trig if _finite_news(sent, trig) else None


def _finite_news(sent: Sentence, trig: Trigger) -> bool:
    """Past or present, not planned, conjectured or told as background."""
    if trig.token.low in _STATES or trig.tense not in ("past", "3sg"):
        return False
    toks = sent.tokens
    before = [t.low for t in toks[max(0, trig.index - 3) : trig.index]]
    if any(w in _MODALS or w in _BACKGROUND for w in before):
        return False
    clause = sent.clause_of[trig.index]
    opening = [t.low for k, t in enumerate(toks[: trig.index]) if sent.clause_of[k] == clause]
    return "if" not in opening and "since" not in opening


_ANAPHOR = re.compile(
    r"(?:that|the\s+same)\s+(?:day|week|month|year|morning|afternoon|evening|night)", re.I
)
_TIME_TOLD = frozenset("will would was were had did".split())
_PRESENT_MODALS = frozenset("can may must".split())


def generic_anaphor(sent: Sentence, timex_text: str) -> bool:
    """ "that day" in a sentence told in the present tense: the day of a general case
    ("on days when prices tumble, dealers lose money that day"), not a day that came
    before; a story's "that day" is told in the past ("that day the army withdrew") or
    the future ("that day the leaders will sign").

    >>> from tracker.extract.events.clauses import analyse
    >>> s = "When a rumour spreads, you see heavy selling that day."
    >>> generic_anaphor(analyse(s, 0, len(s), []), "that day")
    True
    >>> s = "Dealers can lose money on trades made that day."
    >>> generic_anaphor(analyse(s, 0, len(s), []), "that day")
    True
    >>> s = "Troops withdrew from the border that day."
    >>> generic_anaphor(analyse(s, 0, len(s), []), "that day")
    False
    """
    if not _ANAPHOR.fullmatch(timex_text.strip()):
        return False
    if any(t.low in _TIME_TOLD for t in sent.tokens):
        return False
    if any(t.low in _PRESENT_MODALS for t in sent.tokens):
        return True  # "dealers can lose money on trades made that day"
    return not any(t.pos == "verb" and t.tense == "past" for t in sent.triggers)
