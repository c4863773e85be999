"""Modality of a dated happening: reported, planned, hypothetical or denied.

Read from cues before the trigger (negations, modals, "plans to", "if"), from
denials of reports, and from the date itself: a period wholly after the
article's date cannot have happened yet.
"""

from __future__ import annotations

from tracker.extract.events.clauses import _HARD_BREAK, Sentence, Trigger
from tracker.extract.events.lexicon import (
    CONDITIONAL,
    DENIAL_VERBS,
    MODALS_FUTURE,
    MODALS_HYPOTHETICAL,
    NEGATIONS,
    PLAN_CUES,
)
from tracker.model import Modality

# Before a past participle these make it non-finite ("to be held", "has been set").
_NONFINITE_BEFORE = frozenset("to be been being is are was were has have had will".split())


def modality(sent: Sentence, trig: Trigger | None, after_anchor: bool, timex_text: str = "") -> str:
    """reported | planned | hypothetical | denied, from cues before the trigger."""
    toks = sent.tokens
    if trig is None:
        return Modality.PLANNED if after_anchor else "reported"
    i = trig.index
    lo = i - 1
    window: list[str] = []
    # Walk left over the verb group and a few adverbs, stopping at a clause break.
    while lo >= 0 and len(window) < 5:
        w = toks[lo].low
        if toks[lo].text in _HARD_BREAK or toks[lo].text == ",":
            break
        window.append(w)
        lo -= 1
    clause = sent.clause(sent.clause_of[i])
    clause_words = clause.word_set
    if any(w in NEGATIONS or w.endswith("n't") for w in window[:4]) and not _until_date(
        sent, timex_text
    ):
        return Modality.DENIED
    if trig.pos == "noun" and window[:2] and window[0] == "no":
        return Modality.DENIED
    if trig.lemma == "have" and i + 1 < len(toks) and toks[i + 1].low == "no":
        return Modality.DENIED  # "the unit had no profit in 2023"
    if any(w in DENIAL_VERBS for w in clause_words) and clause_words & {
        "report",
        "reports",
        "claim",
        "claims",
        "allegation",
        "allegations",
        "that",
        "rumours",
    }:
        return Modality.DENIED
    if any(w in MODALS_HYPOTHETICAL for w in window[:4]):
        return Modality.HYPOTHETICAL
    if inverted_condition(sent, i):
        return Modality.HYPOTHETICAL
    if clause_words & CONDITIONAL and not clause_words & {"said", "says"}:
        first = clause.words[0] if clause.words else ""
        if first in CONDITIONAL or window and any(w in CONDITIONAL for w in window):
            return Modality.HYPOTHETICAL
    if any(w in MODALS_FUTURE for w in window[:4]):
        return Modality.PLANNED
    if (
        window
        and window[0] == "to"
        and len(window) > 1
        and (window[1] in PLAN_CUES or window[1] in ("is", "are", "was", "were", "be"))
    ):
        return Modality.PLANNED
    if trig.pos == "noun" and any(
        w in ("upcoming", "planned", "scheduled", "proposed", "next") for w in window[:3]
    ):
        return Modality.PLANNED
    finite_past = (
        trig.pos == "verb"
        and trig.tense == "past"
        and not (window[:1] and window[0] in _NONFINITE_BEFORE)
    )
    if timex_text.lower().startswith(("later", "next", "coming", "upcoming")) and not finite_past:
        return Modality.PLANNED  # "later yesterday ... added": a finite past verb says it is done
    if after_anchor:
        return Modality.PLANNED  # a period wholly after the article's date cannot have happened yet
    return Modality.REPORTED


# "Had she come ...", "Were the talks to fail ...", "Should prices rise ...": a condition
# told by putting the auxiliary first, before a subject, up to the comma that ends it.
_INVERTING = frozenset("had were should".split())
_SUBJECT_OPENERS = frozenset(
    "i you he she it we they the a an this that these those his her its their our".split()
)


def inverted_condition(sent: Sentence, i: int) -> bool:
    """Whether the trigger at ``i`` sits in an opening condition with the auxiliary first.

    >>> from tracker.extract.events.clauses import analyse
    >>> s = "Had she come to Oslo in May, she would have been ignored."
    >>> sent = analyse(s, 0, len(s), [])
    >>> inverted_condition(sent, 2), inverted_condition(sent, 11)
    (True, False)
    """
    toks = sent.tokens
    if len(toks) < 3 or toks[0].low not in _INVERTING or not toks[0].text[:1].isupper():
        return False
    second = toks[1]
    if second.low not in _SUBJECT_OPENERS and not second.text[:1].isupper():
        return False
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    return comma is not None and i < comma


def _until_date(sent: Sentence, timex_text: str) -> bool:
    """The date comes after "until": "won't open until March" says when it opens, a
    plan or a fact, not a denial."""
    first = timex_text.split()[0].lower() if timex_text.split() else ""
    toks = sent.tokens
    return bool(first) and any(
        t.low == "until" and k + 1 < len(toks) and toks[k + 1].low in (first, "the")
        for k, t in enumerate(toks)
    )
