"""Short timeline titles built from the clause around a dated happening.

"On Wednesday, Secretary of State Antony Blinken met NATO and EU officials in
Brussels, officials said" becomes "Blinken meets NATO and EU officials in
Brussels": subject, verb in the headline present (or "to" + verb when
planned), object; the date, reporting frames and trailing asides are dropped,
and the result is clipped at a word that can end a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.extract.events.clauses import _HARD_BREAK, Sentence, Token, Trigger
from tracker.extract.events.lexicon import REPORTING, participle, third_person

MAX_TITLE = 90
_DANGLING = frozenset(
    """a an the of to in on at for with by from and or but as that which who whom its his
    her their our this these those than into onto over under about after before during
    while since until when where whose is are was were be been has have had will would
    could should may might can not also said says 's""".split()
)
_SUBJECT_STOP = frozenset(
    """but while whereas although though because since after before when as which who
    whom that where if unless said says told including""".split()
)
_OBJECT_STOP = frozenset(
    """after as while because although though when which who whom where saying according
    amid despite but since before following whereas so until""".split()
)
_REGNAL = frozenset("pope king queen prince princess emir sheikh sultan".split())
_PRONOUNS = frozenset("he she they it we i".split())
_BE = frozenset("is are was were be been being".split())
_HAVE = frozenset("has have had".split())


def _join(tokens: list[Token], text: str) -> str:
    if not tokens:
        return ""
    out = [tokens[0].text]
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        gap = text[prev.end : tok.start]
        out.append((" " if gap else "") + tok.text)
    return "".join(out)


def _clip(words: str) -> str:
    words = " ".join(words.split())
    cut_name = False
    if len(words) > MAX_TITLE:
        rest = words[MAX_TITLE + 1 :].split()
        words = words[: MAX_TITLE + 1].rsplit(" ", 1)[0]
        nxt = words and len(words) < MAX_TITLE + 1 and rest
        cut_name = bool(nxt) and rest[0][:1].isupper()
    parts = words.split()
    while cut_name and parts and parts[-1][:1].isupper():
        parts.pop()  # never end on half a name ("in New" for "in New Delhi")
    while parts and (parts[-1].lower().strip(",") in _DANGLING or parts[-1] in {",", "-", "--"}):
        parts.pop()
    while parts and parts[0].lower() in {"and", "but", "or", ",", "so", "then", "also"}:
        parts.pop(0)
    title = " ".join(parts).strip(" ,;:-\u2014")
    # Unbalanced quotes or brackets read as fragments.
    for ch in ('"', "\u201c", "\u201d"):
        if title.count(ch) == 1:
            title = title.replace(ch, "")
    if title.count("(") != title.count(")"):
        title = title.replace("(", "").replace(")", "")
    title = re.sub(r"\s+([,.;:])", r"\1", title)
    return title[:1].upper() + title[1:] if title else title


def build_title(
    text: str,
    sent: Sentence,
    trig: Trigger | None,
    modality: str,
    skip: list[tuple[int, int]],
    fallback_actor: Callable[[str], str | None],
    people: dict[str, str] | None = None,
    short_name: Callable[[str], str] | None = None,
) -> str:
    """Title of the event at ``trig`` (the date and reporting frames left out)."""
    skip = [(s, e) for s, e in skip if s < sent.end and e > sent.start]
    if trig is None:
        return _fallback(text, sent, skip)
    toks = sent.tokens
    clause = sent.clause_of[trig.index]

    def usable(k: int) -> bool:
        t = toks[k]
        return sent.clause_of[k] == clause and not any(s <= t.start < e for s, e in skip)

    i = trig.index
    # Object / complement: from the trigger to a clause boundary.
    obj: list[Token] = []
    k = i + 1
    while (
        k < len(toks)
        and usable(k)
        or (k < len(toks) and any(s <= toks[k].start < e for s, e in skip))
    ):
        tok = toks[k]
        if any(s <= tok.start < e for s, e in skip):
            # Drop the date and a preposition just before it.
            if obj and obj[-1].low in (
                "on",
                "in",
                "at",
                "during",
                "by",
                "since",
                "from",
                "last",
                "this",
                "next",
            ):
                obj.pop()
            k += 1
            continue
        if (
            tok.text == ","
            and k + 1 < len(toks)
            and (toks[k + 1].low in _OBJECT_STOP or _reporting_tail(toks, k + 1) or len(obj) >= 4)
        ):
            break
        if tok.low in _OBJECT_STOP and obj:
            break
        if tok.low in REPORTING and obj:
            break
        if tok.text in _HARD_BREAK or tok.text == "." and k == len(toks) - 1:
            break
        obj.append(tok)
        k += 1
    while obj and obj[-1].text in {",", ".", "'s"}:
        obj.pop()
    if trig.pos == "noun":
        return _noun_title(text, sent, trig, obj, usable)
    # Verb group and subject: walk left.
    j = i - 1
    aux: list[Token] = []
    while (
        j >= 0
        and usable(j)
        and (
            toks[j].low in _BE
            or toks[j].low in _HAVE
            or toks[j].low
            in {
                "will",
                "would",
                "could",
                "should",
                "may",
                "might",
                "must",
                "can",
                "to",
                "not",
                "n't",
                "never",
                "also",
                "reportedly",
                "formally",
                "officially",
                "finally",
                "then",
                "did",
                "does",
                "do",
                "plans",
                "planned",
                "scheduled",
                "expected",
                "due",
                "set",
                "going",
                "is",
                "already",
                "was",
                "'ll",
                "jointly",
                "later",
                "first",
                "again",
                "earlier",
            }
        )
    ):
        aux.insert(0, toks[j])
        j -= 1
    subj: list[Token] = []
    while j >= 0 and usable(j):
        tok = toks[j]
        if (
            tok.text == ","
            and subj
            and j > 0
            and toks[j - 1].text[:1].isupper()
            and any(t.low == "and" for t in subj)
        ):
            j -= 1  # a list of parties: "Italy, Canada, Belgium and the EU"
            continue
        if tok.low in _SUBJECT_STOP or tok.text in {",", ";"}:
            break  # an aside right before the verb ("Putin, who ..., addressed"): use the fallback
        subj.insert(0, tok)
        j -= 1
    # Leading prepositional phrase ("On Wednesday, ...") already skipped via the date span;
    # drop a dangling preposition left at the start of the subject.
    while subj and subj[0].low in ("on", "in", "at", "last", "this", "next", "early", "late"):
        subj.pop(0)
    subject = _join(subj, text)
    subject = _short_subject(subject, people or {}, short_name)
    if len(subject) > 60 and " of " in subject:
        subject = subject.split(" of ")[0]  # "The leaders of Italy, Canada, ..." -> "The leaders"
    if not subject or subject.lower() in _PRONOUNS or len(subject) > 60:
        subject = fallback_actor(subject) or subject
        if len(subject) > 60:
            subject = subject[:60].rsplit(" ", 1)[0]
    passive = any(t.low in _BE for t in aux) and trig.tense == "past"
    neg = any(t.low in ("not", "n't", "never") for t in aux)
    if modality == "planned":
        verb = ("to be " + participle(trig.lemma)) if passive else "to " + trig.lemma
    elif modality in ("hypothetical", "denied") or neg:
        verb = " ".join(t.text for t in aux if t.low not in _BE or passive) + " " + trig.token.text
    elif passive:
        verb = participle(trig.lemma)
    elif trig.tense == "ing" and not aux:
        verb = trig.token.text
    elif trig.reporting:
        verb = {"told": "tells", "tell": "tells", "added": "adds", "reported": "reports"}.get(
            trig.token.low, "says"
        )
    elif trig.lemma == trig.token.low and trig.tense == "past":
        verb = trig.token.text  # a verb outside the lexicon keeps its past form
    elif _plural(subject):
        verb = trig.lemma
    else:
        verb = third_person(trig.lemma)
    return _clip(f"{subject} {verb.strip()} {_join(obj, text)}")


def _reporting_tail(toks: list[Token], k: int) -> bool:
    """ ", the State Department said" : a reporting verb before the next comma."""
    for tok in toks[k : k + 7]:
        if tok.text in {",", ";"}:
            return False
        if tok.low in REPORTING:
            return True
    return False


def _plural(subject: str) -> bool:
    head = subject.split(" of ")[0].split()
    if not head:
        return False
    last = head[-1]
    if " and " in subject:
        return True
    if not last.endswith("s") or last.endswith(("ss", "us", "is", "'s")):
        return False
    return last.islower() or last.lower().endswith(
        ("ers", "ists", "ians", "ors", "ants", "ents", "ees", "ives", "ies", "ies", "ers", "men")
    )


def _short_subject(subject: str, people: dict[str, str], short_name) -> str:
    """ "U.S. Secretary of State Antony Blinken" -> "Blinken" (titles live in the actors)."""
    for surface, name in people.items():
        if subject.endswith(surface) and len(subject) >= len(surface):
            head = subject[: -len(surface)].rstrip()
            if "and" not in head.split() and "," not in head:
                if len(name.split()) == 1 or name.split()[0].lower() in _REGNAL:
                    return name
                return short_name(name) if short_name else name.split()[-1]
    return subject


_NOUN_PRE_STOP = frozenset(
    "on at for with by after before during from since in into to as of over".split()
)


def _noun_title(text, sent, trig, obj, usable) -> str:
    toks = sent.tokens
    j = trig.index - 1
    pre: list[Token] = []
    while j >= 0 and usable(j):
        tok = toks[j]
        if tok.low in _SUBJECT_STOP or tok.text in {",", ";"} or tok.low in _NOUN_PRE_STOP:
            break
        if tok.low in _BE or tok.low in _HAVE or tok.low in REPORTING:
            break
        pre.insert(0, tok)
        j -= 1
        if len(pre) >= 6:
            break
    while pre and pre[0].low in ("a", "an", "the", "in", "of", "to", "and"):
        pre.pop(0)
    # The complement of a noun stops at its first verb.
    comp: list[Token] = []
    for tok in obj:
        if tok.low in _BE or tok.low in _HAVE or tok.low in ("will", "would", "that", "which"):
            break
        comp.append(tok)
    return _clip(f"{_join(pre, text)} {trig.token.text} {_join(comp, text)}")


def _fallback(text: str, sent: Sentence, skip: list[tuple[int, int]]) -> str:
    kept = [t for t in sent.tokens if not any(s <= t.start < e for s, e in skip)]
    return _clip(_join(kept, text))
