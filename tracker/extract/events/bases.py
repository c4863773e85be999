"""The result a comparison base dates.

Business copy gives last period's figure beside this period's: "posted a loss of
$2 million, compared with a profit of $1 million a year earlier". The base date
does not date the clause's happening (the loss is this quarter's), but it does
date the compared result it stands beside (the profit was a year earlier): a
dated fact of the figure's past, kept on the timeline but ranked last.
"""

from __future__ import annotations

from tracker.extract.events.clauses import Sentence, Trigger, token_index
from tracker.extract.events.lexicon import FIGURE_MARKS, RESULTS
from tracker.extract.types import Timex

_COMPARING = frozenset("compared versus vs vs. than from against".split())
_WINDOW = 16  # tokens between the comparing word and the date: "a profit of $2 million, or 5 cents each, then"


def compared_result(sent: Sentence, tx: Timex) -> Trigger | None:
    """The result noun of the compared figure the base date ``tx`` stands beside, as a
    noun trigger; None when the comparison names no result ("up from $3 million").

    >>> from tracker.extract.events.clauses import analyse
    >>> from tracker.extract.types import Timex
    >>> def base(s, phrase):
    ...     at = s.index(phrase)
    ...     sent = analyse(s, 0, len(s), [(at, at + len(phrase))])
    ...     r = compared_result(sent, Timex(phrase, at, at + len(phrase), "DATE", "2023"))
    ...     return r and r.token.text
    >>> base("It lost $2 million, compared with a profit of $1 million a year earlier.",
    ...      "a year earlier")
    'profit'
    >>> base("It lost $2 million, compared with year-earlier earnings of $1 million.",
    ...      "year-earlier")
    'earnings'
    >>> base("Sales rose to $4 million, up from $3 million a year earlier.", "a year earlier")
    """
    toks = sent.tokens
    ti = token_index(sent, tx.start)
    after = token_index(sent, tx.end)
    start = max(0, ti - _WINDOW)
    opener = next((k for k in range(ti - 1, start - 1, -1) if toks[k].low in _COMPARING), None)
    if opener is not None:
        window = range(opener + 1, ti)
    elif ti and toks[ti - 1].low in _COMPARING or "-" in tx.text:
        # "compared with year-earlier profit of $1 million": the label comes first
        window = range(after, min(len(toks), after + 3))
    else:
        return None
    if opener is not None and "-" in tx.text:
        window = range(opener + 1, min(len(toks), after + 3))
    figure = any(
        toks[k].text in FIGURE_MARKS or toks[k].low in FIGURE_MARKS
        for k in range(window.start, min(len(toks), window.stop + 6))
    )
    if not figure:
        return None
    for k in window:
        if toks[k].low in RESULTS and toks[k].start >= sent.start:
            return Trigger(k, toks[k], toks[k].low, "other", "noun", "none", False)
    return None


def figure_title(title: str) -> str:
    """The compared result's title without the comparing word it was cut after.

    >>> figure_title("Versus net income of $5 million")
    'Net income of $5 million'
    >>> figure_title("Profit of $3 million")
    'Profit of $3 million'
    """
    first, _, rest = title.partition(" ")
    if first.lower() in _COMPARING and rest:
        return rest[:1].upper() + rest[1:]
    return title


def reports_results(sent: Sentence, verb: Trigger) -> bool:
    """A report verb whose object is a result with its figure: "Halvorsen reported
    third-quarter net income of $21 million" tells the results, as "posted" would;
    "reported that ..." only frames what was said.

    >>> from tracker.extract.events.clauses import analyse
    >>> def told(s):
    ...     sent = analyse(s, 0, len(s), [])
    ...     return reports_results(sent, next(t for t in sent.triggers if t.token.low == "reported"))
    >>> told("Halvorsen reported quarterly net income of $21.3 million.")
    True
    >>> told("Halvorsen reported that income rose by $2 million.")
    False
    >>> told("Halvorsen reported strong demand for its ferries.")
    False
    """
    toks = sent.tokens
    obj = toks[verb.index + 1 : verb.index + 6]
    if not obj or obj[0].low in ("that", ",", "to", "on", "in"):
        return False
    figure = any(
        t.text in FIGURE_MARKS or t.low in FIGURE_MARKS
        for t in toks[verb.index + 1 : verb.index + 12]
    )
    return figure and any(t.low in RESULTS or t.low == "results" for t in obj)
