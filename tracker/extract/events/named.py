"""A date that names a happening: "the September 11 attacks", "the 2003 invasion of Iraq".

Written before a happening noun, a date is part of that happening's name: the
sentence around it is usually about something else, later ("Blair defended the
2003 invasion in a speech on Tuesday"). The entry is then the named happening
itself, titled by its name, with only the participants the name holds; the
clause's own verb is no part of it (and takes its own date, if it has one).
"""

from __future__ import annotations

from tracker.extract.events.clauses import Sentence, Token, Trigger, token_index
from tracker.extract.events.lexicon import IRREGULAR_PAST
from tracker.extract.types import Timex

# Words that may stand between the date and its noun: "the 2003 US-led invasion",
# "the 1991 Gulf war", "the June 3 ceasefire deal".
_MAX_BETWEEN = 2
# Words that carry the name on after the noun: "the 2003 invasion of Iraq".
_COMPLEMENT = frozenset(("of", "on", "in", "against"))
_MAX_COMPLEMENT = 4
# Words a plain complement stops at: "the vote on the plan that ..." ends before "that".
_STOP = frozenset(
    "that which who whom whose when where while after before and but or as by with at in to for".split()
)


def named_happening(sent: Sentence, tx: Timex) -> Trigger | None:
    """The happening noun the date ``tx`` premodifies, if any.

    >>> from tracker.extract.events.clauses import analyse
    >>> def named(s, date):
    ...     sent = analyse(s, 0, len(s), [(s.index(date), s.index(date) + len(date))])
    ...     at = s.index(date)
    ...     tr = named_happening(sent, Timex(date, at, at + len(date), "DATE", None))
    ...     return tr and tr.token.text
    >>> named("Blair defended the 2003 invasion in a speech.", "2003")
    'invasion'
    >>> named("The June 3 ceasefire deal has held.", "June 3")
    'ceasefire'
    >>> named("He was charged in the Oct. 23 shooting of a doctor.", "Oct. 23")
    'shooting'
    >>> named("The attacks of September 11 changed the agency.", "September 11")
    'attacks'
    >>> named("He left after the terrorist attacks of September 11.", "September 11")
    'attacks'
    >>> named("He wanted to delay Friday night's presidential debate.", "Friday night")
    'debate'
    >>> named("Rebels shelled the port in 2003 after the invasion.", "2003")
    """
    first = token_index(sent, tx.start)
    toks = sent.tokens
    if first >= 3 and toks[first - 1].low == "of" and not tx.text.lower().startswith("the "):
        # "the attacks of September 11", "the revolution of 1956"
        noun = next((t for t in sent.triggers if t.index == first - 2), None)
        the = next(
            (
                k
                for k in range(first - 3, max(-1, first - 4 - _MAX_BETWEEN), -1)
                if toks[k].low == "the"
            ),
            None,
        )
        if (
            noun is not None
            and _nominal(noun)
            and the is not None
            and all(t.text[:1].isalpha() for t in toks[the + 1 : first - 2])
        ):
            return noun
    # A name takes the article ("the 2003 invasion") or the possessive ("Friday's
    # vote"); "expect 2006 growth" is a figure, and "in 2003" before a noun sets the
    # time of a clause.
    named = first and toks[first - 1].low == "the" and not tx.text.lower().startswith("the ")
    if not (named or _possessive(sent, tx)):
        return None
    after = token_index(sent, max(tx.start, tx.end - 1)) + 1
    for trig in sent.triggers:
        if not _nominal(trig) or not 0 <= trig.index - after <= _MAX_BETWEEN:
            continue
        if not all(t.text[:1].isalpha() for t in sent.tokens[after : trig.index]):
            continue  # a comma between: "2003, the invasion" is no name
        if not named and trig.index == after and _complement_end(toks, trig.index) == trig.index:
            return None  # "Wednesday's ruling": a bare noun names nothing a title can show
        return trig
    return None


def _possessive(sent: Sentence, tx: Timex) -> bool:
    """ "Friday's vote", "Tuesday night's debate"."""
    k = token_index(sent, max(tx.start, tx.end - 1))
    return sent.tokens[k].low.endswith(("'s", "\u2019s"))


def _nominal(trig: Trigger) -> bool:
    """A happening noun after "the": "invasion", a gerund ("the Oct. 23 shooting") or a
    plural that could be a verb elsewhere ("the terrorist attacks")."""
    return trig.pos == "noun" or trig.tense in ("ing", "3sg")


def name_span(sent: Sentence, tx: Timex, trig: Trigger) -> tuple[int, int]:
    """Where the happening's name runs in the text: from the date to the noun and a
    short complement ("September 11 attacks", "March 2003 invasion of Iraq"), from
    the noun to the date ("attacks of September 11"), or after a possessive weekday,
    which the event's date says already ("Friday's vote" -> "vote")."""
    toks = sent.tokens
    if trig.token.start < tx.start:
        k = trig.index
        while (
            k > 0
            and toks[k - 1].low not in _DETERMINERS
            and toks[k - 1].low not in _PREPOSITIONS
            and trig.index - k < _MAX_BETWEEN
        ):
            k -= 1  # "the terrorist attacks of September 11": the modifiers are the name's
        return toks[k].start, tx.end
    start = tx.start
    if _possessive(sent, tx):
        start = toks[token_index(sent, max(tx.start, tx.end - 1)) + 1].start
    return start, toks[_complement_end(toks, trig.index)].end


def _complement_end(toks: list[Token], noun: int) -> int:
    """The last token of the name's complement ("of Iraq", "of Dr. Barnett Slepian"),
    or the noun when there is none."""
    k = noun + 1
    if k >= len(toks) or toks[k].low not in _COMPLEMENT:
        return noun
    j = k + 1
    if j < len(toks) and toks[j].low == "the":
        j += 1
    # "of"/"on" carry a plain noun phrase too ("vote on the rescue plan"); "in"/"against"
    # only a name ("invasion in Iraq"), not a scene ("attacks in a debate").
    plain = toks[k].low in ("of", "on")
    last = noun
    while j < len(toks) and j - k <= _MAX_COMPLEMENT + 1:
        if toks[j].text[:1].isupper() or (
            plain and toks[j].text.isalpha() and toks[j].low not in _STOP
        ):
            last = j
        elif not (toks[j].text == "." and last == j - 1 and len(toks[j - 1].text) <= 3):
            break  # a title's full stop ("Dr.") is still the name
        j += 1
    return last


def title_of(text: str, span: tuple[int, int]) -> str:
    """The name as a title: "September 11 attacks", "2003 invasion of Iraq"."""
    words = " ".join(text[span[0] : span[1]].split())
    return words[:1].upper() + words[1:]


# Prepositions whose object is a noun phrase, never a clause: a past form inside such a
# phrase ("of the all-time peak set on May 6") modifies the noun; it is not the verb.
_PREPOSITIONS = frozenset("of for on in at with from to over under about above below".split())
# Of those, the ones that point to something else than the clause's own occasion: "of
# the peak set on May 6", "for bonds issued on March 3". "in an election held on Sunday"
# or "at talks held on Friday" name where the clause itself happened, and date it.
_REFERENCE = frozenset("of for from to with above below over under about".split())
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_AUX = frozenset("was were is are be been being had has have having who which that".split())
_PRONOUNS = frozenset("i you he she it we they what whatever".split())
_CLAUSE_OPENERS = frozenset("since when after before until as because while once".split())
_PERIOD_NOUNS = frozenset("year quarter half months weeks period".split())
_COPULA = frozenset("is was are were".split())


def passing_participle(sent: Sentence, tx: Timex) -> Trigger | None:
    """The participle of a happening named in passing by a noun and the date right
    after it: "within 40 points of the all-time peak set on May 6", "paid for the bonds
    issued on March 3".
    The clause's own verb is no part of it, so the date dates only that participle.

    >>> from tracker.extract.events.clauses import analyse
    >>> def passing(s, date):
    ...     at = s.index(date)
    ...     sent = analyse(s, 0, len(s), [(at, at + len(date))])
    ...     tr = passing_participle(sent, Timex(date, at, at + len(date), "DATE", None))
    ...     return tr and tr.token.text
    >>> passing("Stocks rose to within 40 points of the record set on May 6.", "May 6")
    'set'
    >>> passing("The fund paid cash for the bonds issued on March 3.", "March 3")
    'issued'
    >>> passing("She won a second term in an election held on Sunday.", "Sunday")
    >>> passing("Under an accord signed on Monday, the creditors agreed to wait.", "Monday")
    >>> passing("He said the company collapsed on Friday.", "Friday")
    >>> passing("The company set a record on May 6.", "May 6")
    >>> passing("Troops moved in for the second time since the strike began on Monday.", "Monday")
    >>> passing("The verdict is a win for the movement born so suddenly on May 6.", "May 6")
    'born'
    >>> passing("There was no answer to what happened on May 6.", "May 6")
    """
    toks = sent.tokens
    first = token_index(sent, tx.start)
    k = first - 1
    if k >= 0 and toks[k].low in ("on", "in"):
        k -= 1
    while k >= 2 and (toks[k].low.endswith("ly") or toks[k].low in ("so", "just", "only")):
        k -= 1  # "the movement born so suddenly on January 25"
    if k < 2:
        return None
    part = next((t for t in sent.triggers if t.index == k), None)
    if part is None and _participle(toks[k].low):
        part = Trigger(k, toks[k], toks[k].low, "other", "verb", "past", False)
    if part is None or part.pos != "verb" or part.tense != "past" or part.reporting:
        return None
    if toks[k - 1].low in _AUX or toks[k - 1].low in _PERIOD_NOUNS:
        return None  # "was killed on Friday"; "the year ended Sept. 30" (a period)
    # Back over the noun phrase (a few plain words) to the word that opens it.
    j = k - 1
    while j >= max(0, k - 4) and toks[j].text.isalpha() and toks[j].text.islower():
        if toks[j].low in _PREPOSITIONS or toks[j].low in _DETERMINERS or toks[j].low in _AUX:
            break
        if toks[j].low in _PRONOUNS:
            return None  # "the fairness it won two years ago": a relative clause's verb
        if toks[j].low in _CLAUSE_OPENERS:
            return None  # "the busiest day since the strike began on Monday": a clause's verb
        j -= 1
    if j < 0 or j == k - 1 or toks[j].low in _AUX:
        return None
    if toks[j].low in _DETERMINERS:
        j -= 1
    if (
        j >= 0
        and toks[j].low in _REFERENCE
        and (
            any(t.pos == "verb" and t.index < j for t in sent.triggers)
            # "The verdict is a victory for the movement launched on May 6"
            or any(toks[m].low in _COPULA for m in range(j))
        )
    ):
        # After the clause's verb; a phrase in front ("Under an accord signed on
        # Monday, the creditors agreed ...") sets the scene of the whole clause.
        return part
    return None


def _participle(word: str) -> bool:
    """ "issued", "set", "shot": a past participle form."""
    return (word.endswith("ed") and len(word) > 4) or word in IRREGULAR_PAST or word == "set"
