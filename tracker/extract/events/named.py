"""A date that names a happening: "the September 11 attacks", "the 2003 invasion of Iraq".

Written before a happening noun, a date is part of that happening's name: the
sentence around it is usually about something else, later ("Blair defended the
2003 invasion in a speech on Tuesday"). The entry is then the named happening
itself, titled by its name, with only the participants the name holds; the
clause's own verb is no part of it (and takes its own date, if it has one).
"""

from __future__ import annotations

from tracker.extract.events.clauses import Sentence, Token, Trigger, token_index
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
        while k > 0 and toks[k - 1].low != "the" and trig.index - k < _MAX_BETWEEN:
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
