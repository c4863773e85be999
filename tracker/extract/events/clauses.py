"""Reading the sentence around a date: tokens, clauses, the happening it dates.

For each dated mention we find the trigger (verb or noun naming a happening)
that the date most plausibly attaches to: the nearest non-reporting trigger in
the same clause; a reporting verb ("said on Tuesday") only when nothing else
is there, in which case the date's sentence is a reporting frame and the
happening may sit in the neighbouring sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.events.lexicon import (
    CONDITIONAL,
    DENIAL_VERBS,
    LIGHT_VERBS,
    NOT_TRIGGERS,
    TYPE_CUES,
    MODALS_FUTURE,
    MODALS_HYPOTHETICAL,
    NEGATIONS,
    PLAN_CUES,
    REPORTING,
    triggers,
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z\u2019'\-]*|\d[\d,.:]*\d|\d|[^\w\s]")
_PAST_FORM = re.compile(r"^[a-z]{2,}[^e]ed$|^[a-z]{3,}eed$")
_DATE_GLUE = frozenset("on late early this last at".split())
_DETERMINERS = frozenset("a an the his her its their our this that these those 's any no".split())
_AUX = frozenset(
    """is are was were be been being has have had do does did will would could should
    may might must can shall 'll to not n't never also""".split()
)
# Punctuation and words that separate clauses for the purpose of attaching a date.
_HARD_BREAK = frozenset(";:\u2014\u2013()\"\u201c\u201d")
_SOFT_BREAK_WORDS = frozenset("but while whereas although though because which who whom".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    low: str


@dataclass(frozen=True)
class Trigger:
    index: int  # token index in its sentence
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


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end(), m.group().lower().replace("\u2019", "'"))
        for m in _TOKEN.finditer(text, start, end)
    ]


def analyse(text: str, start: int, end: int, timex_spans: list[tuple[int, int]]) -> Sentence:
    tokens = tokenize(text, start, end)
    table = triggers()
    trigs: list[Trigger] = []
    clause_of: list[int] = []
    clause = 0
    for i, tok in enumerate(tokens):
        if tok.text in _HARD_BREAK or tok.text == "--" or (
            tok.text == "-" and text[tok.start - 1 : tok.start] == " "
        ):
            clause += 1
        elif tok.low in _SOFT_BREAK_WORDS and i > 0 and tokens[i - 1].text == ",":
            clause += 1
        clause_of.append(clause)
        entry = table.get(tok.low)
        if (
            entry is None
            and _PAST_FORM.match(tok.low)
            and tok.low not in NOT_TRIGGERS
            and i
            and tokens[i - 1].low not in _DETERMINERS
        ):
            # Any past-tense verb names some happening; its type stays "other".
            entry = (tok.low, "other", "verb", "past")
        if entry is None:
            continue
        if any(s <= tok.start < e for s, e in timex_spans):
            continue
        lemma, etype, pos, tense = entry
        prev = tokens[i - 1].low if i else ""
        if pos == "verb" and tense in ("base", "3sg") and (prev in _DETERMINERS or prev.endswith("'s")):
            pos = "noun"
        if tok.text[0].isupper() and i > 0 and tokens[i - 1].text not in ('"', "\u201c", "(") and lemma not in ("talks",):
            # Capitalised mid-sentence: part of a name ("Camp David Accords" aside), skip.
            continue
        reporting = tok.low in REPORTING
        trigs.append(Trigger(i, tok, lemma, etype, pos, tense, reporting))
    return Sentence(start, end, tokens, trigs, clause_of)


def token_index(sent: Sentence, offset: int) -> int:
    for i, tok in enumerate(sent.tokens):
        if tok.end > offset:
            return i
    return max(0, len(sent.tokens) - 1)


def choose_trigger(sent: Sentence, t_start: int, t_end: int) -> Trigger | None:
    """The trigger a date at [t_start, t_end) most plausibly dates."""
    if not sent.triggers:
        return None
    ti = token_index(sent, t_start)
    tj = token_index(sent, max(t_start, t_end - 1))
    clause = sent.clause_of[ti] if sent.clause_of else 0
    # "said on Tuesday", "said Tuesday", "Tuesday said": the date belongs to the report.
    for tr in sent.triggers:
        if tr.reporting and tr.pos == "verb":
            if tr.index < ti and all(
                sent.tokens[k].low in _DATE_GLUE for k in range(tr.index + 1, ti)
            ):
                return tr
            if tr.index == tj + 1:
                return tr
    commas = [k for k, tok in enumerate(sent.tokens) if tok.text == ","]

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
        lo, hi = sorted((tr.index, ti))
        if any(lo < k < hi for k in commas):
            c += 3
        if any(sent.tokens[k].low in ("what", "which", "who") for k in range(max(0, tr.index - 3), tr.index)):
            c += 3
        return c

    best = min(sent.triggers, key=cost)
    return _governing_verb(sent, best)


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
                if all(t.low in _DETERMINERS or t.low.endswith("'s") or t.text[0].islower() for t in between):
                    return tr
            if sent.tokens[k].text in {",", ";"}:
                break
    elif trig.tense == "past" and trig.index > 0:
        prev = by_index.get(trig.index - 1)
        if prev is not None and prev.pos == "noun":
            return prev
    return trig


def substantive(sent: Sentence) -> list[Trigger]:
    return [t for t in sent.triggers if not t.reporting]


def refine_type(sent: Sentence, trig: Trigger) -> str:
    """The trigger's type, or a more telling one from its object or clause."""
    etype = trig.type
    if etype not in ("other", "statement") and trig.lemma not in LIGHT_VERBS:
        return etype
    clause = sent.clause_of[trig.index]
    if trig.lemma in LIGHT_VERBS or etype == "other":
        for tr in sent.triggers:
            if (
                tr.pos == "noun"
                and trig.index < tr.index <= trig.index + 6
                and sent.clause_of[tr.index] == clause
                and tr.type not in ("other",)
            ):
                return tr.type
    words = [t.low for k, t in enumerate(sent.tokens) if sent.clause_of[k] == clause]
    joined = " ".join(words)
    for cue, cue_type in TYPE_CUES.items():
        if (cue in words or (" " in cue and cue in joined)) and (
            etype == "other" or cue_type == "call"
        ):
            return cue_type
    return etype


def modality(
    sent: Sentence, trig: Trigger | None, after_anchor: bool, timex_text: str = ""
) -> str:
    """reported | planned | hypothetical | denied, from cues before the trigger."""
    toks = sent.tokens
    if trig is None:
        return "planned" if after_anchor else "reported"
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
    clause_words = {t.low for k, t in enumerate(toks) if sent.clause_of[k] == sent.clause_of[i]}
    if any(w in NEGATIONS or w.endswith("n't") for w in window[:4]):
        return "denied"
    if trig.pos == "noun" and window[:2] and window[0] == "no":
        return "denied"
    if any(w in DENIAL_VERBS for w in clause_words) and clause_words & {
        "report", "reports", "claim", "claims", "allegation", "allegations", "that", "rumours"
    }:
        return "denied"
    if any(w in MODALS_HYPOTHETICAL for w in window[:4]):
        reported_speech = any(
            t.reporting for t in sent.triggers if t.index < trig.index
        )
        if after_anchor and reported_speech and "would" in window[:4]:
            return "planned"  # "said Brazil would host ...": future in the past
        return "hypothetical"
    if clause_words & CONDITIONAL and not clause_words & {"said", "says"}:
        first = next((t.low for k, t in enumerate(toks) if sent.clause_of[k] == sent.clause_of[i]), "")
        if first in CONDITIONAL or window and any(w in CONDITIONAL for w in window):
            return "hypothetical"
    if any(w in MODALS_FUTURE for w in window[:4]):
        return "planned"
    if window and window[0] == "to" and len(window) > 1 and (
        window[1] in PLAN_CUES or window[1] in ("is", "are", "was", "were", "be")
    ):
        return "planned"
    if trig.pos == "noun" and any(w in ("upcoming", "planned", "scheduled", "proposed", "next") for w in window[:3]):
        return "planned"
    if timex_text.lower().startswith(("later", "next", "coming", "upcoming")):
        return "planned"
    if after_anchor and not (trig.pos == "verb" and trig.tense == "past" and "will" not in window):
        return "planned"
    return "reported"
