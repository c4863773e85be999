"""Past forms that are not the clause's verb: participles and adjectives.

A title inflects its verb into the headline present ("closed" -> "closes"). That
is only right for the finite verb of the clause. A past form is often something
else, and inflecting it garbles the title:

- a reduced relative after a noun, when a finite verb stands earlier in the
  same clause ("Dealers can lose money on orders filled at low prices": the
  clause's verb is "lose", "filled" says which orders);
- a participle clause set off by commas ("The actor, accompanied by his agent,
  arrived": the verb is "arrived");
- an adjective: "un-" before a verb's past form ("unchanged", "unsolved"), or a
  past form after a degree word ("the most advanced plant", "a newly built road").

For these the title is built from the clause's own finite verb, or, when there
is none, the words are kept as written (a faithful clause beats a garbled one).
"""

from __future__ import annotations

from tracker.extract.events.clauses import Sentence, Token, Trigger
from tracker.extract.events.lexicon import FINITE_AUX, base_of_past, triggers

# Real verbs that begin with "un": their past forms are acts, not adjectives
# ("The firm unveiled a phone", "Troops unearthed a cache").
UN_VERBS = frozenset(
    """unveil unveiled uncover uncovered unleash unleashed unlock unlocked unfold unfolded
    unearth unearthed unseat unseated unwrap unwrapped unload unloaded unite united unify
    unified unnerve unnerved unravel unraveled unravelled unpack unpacked unplug unplugged
    unfreeze unfroze unwind unwound undo undid undermine undermined underline underlined
    underscore underscored undertake undertook undergo underwent understand understood
    unsettle unsettled""".split()
)

# "un-" + a past form whose base is a verb, as an adjective: examples that run as tests.
UN_ADJECTIVE_EXAMPLES = "unchanged unsolved unspecified unconsolidated unannounced unidentified"

# Degree words before a past form make it an adjective ("the most advanced").
DEGREE = frozenset("most more less least very so too fully highly newly well".split())
_DETERMINERS = frozenset("a an the its his her their our this that these those".split())


def un_adjective(word: str) -> bool:
    """ "unchanged", "unspecified": "un" + a verb's past form, not a verb itself."""
    low = word.lower()
    if not (low.startswith("un") and low.endswith("ed") and len(low) > 6):
        return False
    if low in UN_VERBS or low.startswith("under") or low in triggers():
        return False
    return base_of_past(low[2:]) is not None or low[2:].endswith("ied")


def adjectival(sent: Sentence, trig: Trigger) -> bool:
    """The past form at ``trig`` describes a noun rather than telling an act."""
    if trig.pos != "verb" or trig.tense != "past":
        return False
    if un_adjective(trig.token.text):
        return True
    i = trig.index
    if i > 0 and (sent.tokens[i - 1].low in DEGREE or sent.tokens[i - 1].low.endswith("'s")):
        return True  # "the most advanced", "the firm's advanced systems"
    # "the company's publicly traded rival", "a widely held view": determiner, adverb,
    # past form, noun.
    return (
        i > 1
        and sent.tokens[i - 1].low.endswith("ly")
        and (sent.tokens[i - 2].low in _DETERMINERS or sent.tokens[i - 2].low.endswith("'s"))
    )


def _index(sent: Sentence) -> dict[int, int]:
    return {t.start: k for k, t in enumerate(sent.tokens)}


def finite_in(sent: Sentence, words: list[Token], verbs: set[int]) -> int | None:
    """Token index of the first finite verb among ``words`` (a would-be subject): an
    auxiliary or a lowercase verb in the past or third person. A subject never holds
    one, so the trigger after it is no finite verb."""
    index = _index(sent)
    by_index = {t.index: t for t in sent.triggers}
    for tok in words:
        k = index.get(tok.start)
        if k is None:
            continue
        if tok.low in FINITE_AUX:
            return k
        tr = by_index.get(k)
        if (
            tr is not None
            and k in verbs
            and tok.text.islower()
            and (tr.tense == "past" or (tr.tense == "3sg" and _takes_object(sent, k)))
            and not adjectival(sent, tr)
        ):
            return k
    return None


# A third-person form is also a plural noun ("brokers", "reports"): it counts as a
# verb only when an object follows it ("represents a loss", "expects the board").
_OBJECT_OPENERS = frozenset("a an the its his her their this that these those no to".split())


def _takes_object(sent: Sentence, k: int) -> bool:
    nxt = sent.tokens[k + 1].low if k + 1 < len(sent.tokens) else ""
    return nxt in _OBJECT_OPENERS


def carrier_from(sent: Sentence, k: int, stop: int) -> Trigger | None:
    """The first verb trigger from token ``k`` up to ``stop`` (not a reporting one)."""
    for tr in sent.triggers:
        if k <= tr.index < stop and tr.pos == "verb" and not tr.reporting:
            return tr
    return None


def opens_aside(sent: Sentence, trig: Trigger, aux: list[Token], subj: list[Token]) -> bool:
    """ "..., accompanied by his agent, ...", "Adopted after a long debate, the plan":
    a past form right after a comma (or first in the sentence) with no subject and
    no auxiliary opens a participle clause."""
    if trig.pos != "verb" or trig.tense != "past" or aux or subj:
        return False
    i = trig.index
    return i == 0 or sent.tokens[i - 1].text == ","


def verb_after_aside(sent: Sentence, trig: Trigger) -> Trigger | None:
    """The clause's verb after a participle clause closes at its comma."""
    toks = sent.tokens
    comma = next((k for k in range(trig.index + 1, len(toks)) if toks[k].text == ","), None)
    if comma is None:
        return None
    return carrier_from(sent, comma + 1, min(len(toks), comma + 8))


def verb_after_noun(sent: Sentence, trig: Trigger, skip: list[tuple[int, int]]) -> Trigger | None:
    """ "Some brokers on Monday bought shares": a third-person form ("brokers",
    "tours") followed by a finite verb is the subject's noun; that verb is the act."""
    if trig.pos != "verb" or trig.tense != "3sg":
        return None
    by_index = {t.index: t for t in sent.triggers}
    toks = sent.tokens
    k = trig.index + 1
    seen_aux = False
    while k < len(toks) and k <= trig.index + 8:
        tok = toks[k]
        if any(s <= tok.start < e for s, e in skip) or tok.low in ("on", "in", "last"):
            k += 1
            continue
        tr = by_index.get(k)
        if tr is not None and tr.pos == "verb" and not tr.reporting:
            if seen_aux or tr.tense == "past":
                return tr
            return None
        if tok.low in FINITE_AUX or tok.low in ("been", "be", "also", "not"):
            seen_aux = True
            k += 1
            continue
        return None
    return None


def first_verb_after(sent: Sentence, trig: Trigger) -> Trigger | None:
    """The first verb after ``trig`` in its clause ("Riot police in armored cars
    stopped"), a reporting one too ("Mark Lutz says"), within a short reach."""
    clause = sent.clause_of[trig.index]
    for tr in sent.triggers:
        if trig.index < tr.index <= trig.index + 10 and sent.clause_of[tr.index] == clause:
            if tr.pos == "verb" and tr.tense != "ing":
                return tr
    return None
