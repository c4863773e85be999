"""Finding the phrases of a clause that a title is made of.

Walking left from a trigger gives its auxiliaries and subject ("is due to be",
"NATO foreign ministers"), walking right gives its object up to a clause
boundary, with the dates left out; a relative pronoun is replaced by the noun
phrase it stands for, and a tail frame (", the minister said") by what was said.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tracker.extract.events.clauses import _HARD_BREAK, Sentence, Token
from tracker.extract.events.gazetteer import gazetteer
from tracker.extract.events.lexicon import REPORTING

SUBJECT_STOP = frozenset(
    """but while whereas although though because since after before when as which who
    whom that where if unless said says told including""".split()
)
OBJECT_STOP = frozenset(
    """after as while because although though when which who whom where saying according
    amid despite but since before following whereas so until""".split()
)

PRONOUNS = frozenset("he she they it we i".split())
BE = frozenset("am is are was were be been being".split())
HAVE = frozenset("has have had".split())


def join_tokens(tokens: list[Token], text: str) -> str:
    if not tokens:
        return ""
    out = [tokens[0].text]
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        gap = text[prev.end : tok.start]
        out.append((" " if gap else "") + tok.text)
    return "".join(out)


AUX_WORDS = frozenset(
    """will would could should may might must can to not n't never also reportedly formally
    officially finally then did does do plans planned scheduled expected due set going is still
    already was 'll jointly later first again earlier ready willing able unable likely
    eager prepared""".split()
)
STANCE = frozenset("ready willing able unable likely eager prepared".split())
DATE_PREPS = frozenset(
    "on in at during by since from last this next for of through throughout until over within into".split()
)
# Words that open a second verb phrase after "and" ("... and will host", "... and to start").
_VP_OPENERS = frozenset("to will would could should may might must can 'll also then later".split())
_FINITE_NEXT = frozenset("is are was were has have had will would can could may might must".split())
PARTICLES = frozenset("in up down off out over back away".split())
# Words that open or mark a past clause reported after a verb ("said that", "had").
_CLAUSE_PAST = frozenset("that had was were did".split())


_PARTICIPLE = re.compile(r"^(?:[a-z]+ed|held|made|set|given|taken|chosen|won|begun|seen)$")


# Adverbs that stand between auxiliaries ("has long been", "was quickly sent").
_AUX_ADVERB = re.compile(
    r"^(?:long|still|already|just|now|since|yet|little|itself|himself|herself|themselves|"
    r"[a-z]{3,}ly)$"
)

Usable = Callable[[int], bool]  # whether token k may go into a phrase
Spans = Sequence[tuple[int, int]]  # character spans of the dates, left out of phrases


def span_of(skip: Spans, offset: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in skip if s <= offset < e), None)


def verb_group(
    sent: Sentence, i: int, usable: Usable, verbs: set[int], skip: Spans = (), text: str = ""
) -> tuple[list[Token], list[Token], int | None]:
    """Auxiliaries and subject of the verb at token ``i`` (walking left), and the index
    of a relative pronoun that stood in for the subject ("the plan, which calls for").
    ``text``, when given, shows the separators the tokenizer drops (a dateline's "_")."""
    toks = sent.tokens
    j = i - 1
    aux: list[Token] = []
    while j >= 0 and usable(j):
        low = toks[j].low
        if not (low in BE or low in HAVE or low in AUX_WORDS):
            before = toks[j - 1].low if j > 0 and usable(j - 1) else ""
            if not (_AUX_ADVERB.match(low) and (before in BE or before in HAVE)):
                break  # "has long been expected": the adverb stays inside the verb group
        aux.insert(0, toks[j])
        j -= 1
    adverb = (  # "... and temporarily halted": the adverb of a second verb phrase
        j > 0 and usable(j - 1) and toks[j - 1].low == "and" and toks[j].low.endswith("ly")
    )
    k = j - 1 if adverb else j
    if k >= 0 and usable(k) and toks[k].low == "and":
        # A second verb phrase ("took over ... and will host ..."): its subject is the first one's.
        prev = [v for v in verbs if v < k and usable(v)]
        if not prev and any(v.index == i and v.tense == "past" for v in sent.triggers):
            # "told customers ... and stopped shipping": a reporting verb's subject too,
            # when both verbs are past forms (not "said it faces costs and lower demand")
            # and no reported clause of the past stands between ("told me that they had
            # money and wanted ...": the second verb is theirs)
            prev = [
                t.index
                for t in sent.triggers
                if t.pos == "verb"
                and t.index < k
                and usable(t.index)
                and t.tense == "past"
                and not any(toks[m].low in _CLAUSE_PAST for m in range(t.index + 1, k))
            ]
        if prev:
            _, first_subj, first_stop = verb_group(sent, max(prev), usable, verbs, skip, text)
            if first_subj or not adverb:
                return ([toks[j]] if adverb else []) + aux, first_subj, first_stop
    subj: list[Token] = []
    clause = sent.clause_of[i]
    home = -1  # the clause a skipped relative aside leads back to ("X, which ..., agreed")

    def fits(j: int) -> bool:
        return usable(j) or (sent.clause_of[j] == home and not span_of(skip, toks[j].start))

    if j > 1 and toks[j].text in _DASHES:
        # "Six crew - five from the navy, one from the army - died": the aside between
        # the dashes is no subject; the phrase before it is.
        opening = next(
            (k for k in range(j - 1, max(0, j - 20), -1) if toks[k].text == toks[j].text), None
        )
        if opening is not None and opening > 0:
            j, home = opening - 1, sent.clause_of[opening - 1]
    elif j > 1 and toks[j].text in _QUOTES:
        # 'A group of "looters" entered the museum': a word set off by quotation marks
        # (a label the writer keeps at a distance) is still the subject's.
        opening = next(
            (k for k in range(j - 1, max(0, j - 5), -1) if toks[k].text in _QUOTES), None
        )
        words = toks[opening + 1 : j] if opening is not None else []
        if opening is not None and opening > 0 and words and all(t.text.isalpha() for t in words):
            subj, j, home = list(words), opening - 1, sent.clause_of[opening - 1]

    while j >= 0 and (fits(j) or (sent.clause_of[j] == clause and span_of(skip, toks[j].start))):
        tok = toks[j]
        if not fits(j):
            # A date inside the subject ("Net income this year has risen"): leave it out.
            j -= 1
            while j >= 0 and span_of(skip, toks[j].start):
                j -= 1
            if j >= 0 and toks[j].low in DATE_PREPS | {"early", "late"}:
                j -= 1
            if subj and subj[0].low in DETERMINERS:
                break  # "told reporters on Monday its troops would": a new noun phrase
            continue
        if j + 1 < len(toks) and "_" in text[toks[j].end : toks[j + 1].start]:
            break  # "OSLO, Norway (Wire) _ Rail workers": the dateline is no part of the subject
        if tok.text == ")" and any(toks[k].text == "(" for k in range(max(0, j - 8), j)):
            # "Halvorsen Freight Corporation (HFC) closed": the acronym adds nothing.
            j = max(k for k in range(max(0, j - 8), j) if toks[k].text == "(") - 1
            continue
        if (
            tok.text == ","
            and subj
            and j > 0
            and toks[j - 1].text[:1].isupper()
            and any(t.low == "and" for t in subj)
        ):
            subj.insert(0, tok)  # a list of parties: "Italy, Canada, Belgium and the EU"
            j -= 1
            continue
        infinitive = [t.low for t in aux] == ["to"]  # a bare "to join": no subject to find
        if tok.text == "," and not subj and not infinitive:
            named = _name_after_role(toks, j)
            if named is not None:
                # "a senior customs official, Marta Ilves, was arrested": the name acts.
                subj = toks[named:j]
                break
            aged = _name_given_an_age(toks, j, verbs)
            if aged is not None:
                # "Alan Kerr, 32, of the Border Sappers, based at Tarsa, Norland, died".
                j, home = aged, sent.clause_of[aged]
                continue
        region = _region_aside(toks, j) if tok.text == "," and not subj and not infinitive else None
        if region is not None:
            # "the board of Tarsa county, Norland, will vote": the region places the
            # county; the subject is the phrase before it.
            j, home = region, sent.clause_of[region]
            continue
        if tok.text == "," and not subj and not infinitive and _apposition(toks, j) is not None:
            # "Steve Jobs, the company's chief executive, announced": the name is the subject.
            j = _apposition(toks, j)  # type: ignore[assignment]
            while (
                j >= 2
                and _is_age(toks[j])
                and toks[j - 1].text == ","
                and toks[j - 2].text[:1].isupper()
            ):
                j -= 2  # "Owen Price, 19, from Swansea, died": the age is a second aside
            home = sent.clause_of[j]
            continue
        if (
            tok.text == ","
            and home != -1
            and 0 < len(subj) <= 2
            and all(t.text[:1].isupper() for t in subj)
            and j > 1
            and (
                toks[j - 1].text[:1].isupper()
                or toks[j - 1].text == "."
                and toks[j - 2].text[:1].isupper()
            )
        ):
            # "A tanker from the port of Skagen, Denmark, which was sailing, was struck":
            # the country places the port; the subject is the phrase before it.
            subj = []
            j -= 1
            continue
        if tok.low in SUBJECT_STOP or tok.text in {",", ";"} or tok.text in _HARD_BREAK:
            break  # an aside right before the verb ("Putin, who ..., addressed"): use the fallback
        subj.insert(0, tok)
        j -= 1
    # Leading prepositional phrase ("On Wednesday, ...") already skipped via the date span;
    # drop a dangling preposition left at the start of the subject.
    while subj and subj[0].low in ("on", "in", "at", "last", "this", "next", "early", "late"):
        if len(subj) > 1 and subj[0].low == "at" and subj[1].low in ("least", "most"):
            break  # "At least four people": a quantity, no date's preposition
        subj.pop(0)
    while subj and subj[0].text in _QUOTES:
        subj.pop(0)
    if len(subj) > 2 and subj[0].low == "according" and subj[1].low == "to":
        subj = subj[2:]  # "According to a survey published by ...": the survey
    if home != -1 and subj and subj[0].low in ("of", "from", "with"):
        subj = []  # "Moss, of the 4th Battalion, Border Rifles, died": asides all the way
    for k in range(len(subj) - 2, 0, -1):
        if (
            subj[k].low in _TIME_NOUNS
            and subj[k - 1].low in ("the", "that")
            and subj[k + 1].text[:1].isalpha()
            and subj[k + 1].low not in DATE_PREPS | {"and", "or", "to", "'s"}
        ):
            # "9 April was the day the army took the city": the clause after "the day"
            # tells what happened, its own subject acts.
            subj = subj[k + 1 :]
            break
    stop = j if not subj and j >= 0 and toks[j].low in RELATIVE else None
    if subj and j >= 1 and toks[j].low in ("who", "which") and toks[j - 1].text != ",":
        # "officials who monitor the talks said": the doer is the relative's antecedent.
        subj, stop = [], j
    return aux, subj, stop


#: Nouns of time a contact clause can follow ("the day troops took the city").
_TIME_NOUNS = frozenset(
    "day night date moment week weekend month year morning evening afternoon time hour".split()
)
_APPOSITION_OPENERS = frozenset("the a an its his her their".split())
# A lowercase past form opening an aside between commas: a participle clause.
_PARTICIPLE_ASIDE = re.compile(
    r"^(?!(?:including|excluding|according|following|regarding|concerning)$)[a-z]{3,}(?:ed|ing)$"
)


def _apposition(toks: list[Token], comma: int) -> int | None:
    """Index of the word before an aside that ends at ``comma``, so that the subject
    walk skips it: an apposition after a name (", the Apple chief executive,",
    ", chairman of the board,"), a relative clause (", which is also a bank,") or a
    participle clause (", accompanied by his agent,", ", betting on a rise,")."""
    k = next((n for n in range(comma - 1, max(-1, comma - 15), -1) if toks[n].text == ","), None)
    if k is None or k + 1 >= comma or k == 0:
        return None
    inside = toks[k + 1 : comma]
    if any(t.text in _HARD_BREAK for t in inside):
        return None
    first, before = toks[k + 1], toks[k - 1]
    if before.text == "." and k > 1 and toks[k - 2].text[:1].isupper():
        before = toks[k - 2]  # "Ivo Brandt Jr., chairman of ...,": the name ends on "."
    if first.low in _RELATIVE_OPENERS:
        # "Society, which said it is a bank, agreed": a relative clause holds any verb.
        return k - 1 if before.text[:1].isalnum() else None
    if any(t.low in SUBJECT_STOP for t in inside[1:]):
        return None
    if first.low in _ASIDE_OPENERS or _PARTICIPLE_ASIDE.match(first.text):
        return k - 1 if before.text[:1].isalnum() else None
    if 0 < len(inside) <= 2 and all(t.text[:1].isupper() and t.text.isalpha() for t in inside):
        if before.text[:1].isupper() and before.text.isalpha():
            return k - 1  # "The plant in Dayton, Ohio, closed", "Jane Roe, CEO, said"
    if len(inside) == 1 and _is_age(first):
        return k - 1 if before.text[:1].isupper() else None  # "Daniel Hale, 27, was killed"
    plain = not any(t.low in BE or t.low in HAVE for t in inside)
    if first.low in _APPOSITION_OPENERS:
        return k - 1 if before.text[:1].isalnum() else None  # "The panel, an investor group,"
    if plain and _ROLE_ASIDE.match(first.text):
        return k - 1 if before.text[:1].isupper() else None
    owner = first.text[:1].isupper() and first.low.endswith(("'s", "\u2019s"))
    if plain and owner:
        return k - 1 if before.text[:1].isupper() else None  # "Lee, Acme's chairman,"
    return None


def _region_aside(toks: list[Token], comma: int) -> int | None:
    """Where the phrase before ", Region," ends (the comma at ``comma`` closes the
    aside of one or two capitalised words after a place), else None."""
    k = comma - 1
    while k > comma - 3 and k > 0 and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        k -= 1
    if k == comma - 1 or k < 1 or toks[k].text != ",":
        return None
    before = toks[k - 1]
    entries = gazetteer().entries
    aside = " ".join(t.text for t in toks[k + 1 : comma])
    placed = (
        before.low in _PLACE_NOUNS
        or getattr(entries.get(before.text), "kind", None) == "city"
        or (
            getattr(entries.get(aside), "kind", None) == "country"
            and before.text[:1].isupper()
            and before.text.isalpha()
        )
    )
    return k - 1 if placed else None


# Nouns a region's name may follow ("Tarsa county, Norland,").
_PLACE_NOUNS = frozenset(
    "county state province city town village district region port island".split()
)


def _is_age(tok: Token) -> bool:
    """A person's age as news gives it after the name ("Daniel Hale, 27,")."""
    return tok.text.isdigit() and len(tok.text) <= 3


def _name_given_an_age(toks: list[Token], comma: int, verbs: set[int]) -> int | None:
    """Last word of a name given with its age, when only asides without a verb stand
    between it and the verb whose subject is sought (``comma`` ends the last aside):
    "Alan Kerr, 32, of the Border Sappers, based at Tarsa, Norland, died"."""
    for n in range(comma - 1, max(1, comma - 30), -1):
        t = toks[n]
        if t.text in _HARD_BREAK or t.low in SUBJECT_STOP or n in verbs:
            return None
        if (
            _is_age(t)
            and toks[n - 1].text == ","
            and toks[n + 1].text == ","
            and toks[n - 2].text[:1].isupper()
        ):
            return n - 2
    return None


def _name_after_role(toks: list[Token], comma: int) -> int | None:
    """Start of a name set off by commas after the role it fills, when the aside ends at
    ``comma`` right before the verb: "a senior customs official, Marta Ilves, was
    arrested" (the name is who acted, not the role before it)."""
    k = next((n for n in range(comma - 1, max(-1, comma - 6), -1) if toks[n].text == ","), None)
    if k is None or k < 2 or comma - k - 1 < 2:
        return None
    inside = toks[k + 1 : comma]
    if not all(t.text[:1].isupper() and t.text.isalpha() for t in inside):
        return None
    # The role: a lowercase noun phrase opened by an article ("a senior official"),
    # itself opening the clause or standing after a comma (not "X and the head of Y").
    j = k - 1
    while j > 0 and toks[j - 1].text.isalpha() and toks[j - 1].text.islower():
        j -= 1
    if toks[j].low not in ("a", "an", "the") or k - j < 2:
        return None
    return k + 1 if j == 0 or toks[j - 1].text == "," else None


# An aside opening with a lowercase word after a name (", chairman of the board,",
# ", president of the division,"): an apposition when it holds no verb.
_ROLE_ASIDE = re.compile(r"^[a-z][a-z\-]+$")
_RELATIVE_OPENERS = frozenset("which who whose".split())
# A purpose or a comment set off by commas (", to cut costs,", ", as expected,").
_ASIDE_OPENERS = frozenset(
    "to as however meanwhile though including for with in at on from by after like".split()
)


_NOUN_TOO = frozenset("note notes report reports quote quotes".split())
_DASHES = frozenset(("-", "--", "\u2013", "\u2014"))
_SUBORDINATORS = frozenset(
    "although though while whereas because since unless if once until when whenever as".split()
)


def _quoted_noun(toks: list[Token], k: int, obj: list[Token]) -> list[Token]:
    """The words of a short quotation at ``k`` that the phrase before it needs (it ends
    on a determiner or an adjective: 'a new "official line"'), else nothing."""
    if not obj or toks[k].text not in _QUOTES or obj[-1].text in _QUOTES:
        return []
    if not (obj[-1].low in DETERMINERS or any(t.low in DETERMINERS for t in obj[-2:])):
        return []
    end = next((n for n in range(k + 1, min(len(toks), k + 6)) if toks[n].text in _QUOTES), None)
    if end is None or end == k + 1:
        return []
    words = toks[k + 1 : end]
    return words if all(t.text[:1].isalnum() for t in words) else []


def object_phrase(
    sent: Sentence,
    i: int,
    usable: Usable,
    skip: Spans,
    own: tuple[int, int] | None,
    verbs: set[int],
) -> list[Token]:
    """From the trigger to a clause boundary, the dates left out."""
    toks = sent.tokens
    obj: list[Token] = []
    k = i + 1
    # "Although he declined, Kask stays on": an opening subordinate clause ends at its
    # comma, and the main clause after it is no object.
    opening = (
        bool(toks) and toks[0].low in _SUBORDINATORS and "," not in (t.text for t in toks[1:i])
    )
    # The trigger's clause is a relative one ("the bombers who hit the port", "the
    # storm that flooded the valley").
    relative = any(t.low in ("who", "which") for t in toks[max(0, i - 3) : i]) or (
        i > 0 and toks[i - 1].low == "that"
    )
    after_date: tuple[int, int] | None = None  # the date just skipped, if any
    dropped: Token | None = None  # the preposition dropped with it
    ends_on_date = False  # no word kept after the last date skipped
    while k < len(toks):
        tok = toks[k]
        date_span = span_of(skip, tok.start)
        if date_span is not None:
            # Drop the date and a preposition just before it.
            if obj and obj[-1].low in DATE_PREPS and after_date != date_span:
                dropped = obj.pop()
            after_date = date_span
            ends_on_date = True
            k += 1
            continue
        if not usable(k):
            quoted = _quoted_noun(toks, k, obj)
            if quoted:
                # 'changed into a new "official line"': the quoted words end the phrase.
                obj.extend(quoted)
            break
        if after_date is not None and tok.low in ("'s", "\u2019s"):
            k += 1  # "in today's editions": the date's possessive goes with it
            continue
        if after_date is not None and dropped is not None and _modified_noun(tok, k, verbs):
            # "a drop in third-quarter net income": the date only qualified the noun,
            # so the preposition stays ("a drop in net income").
            obj.append(dropped)
            dropped = None
        if after_date is not None:
            if tok.text == ",":
                break  # ", the first day of the meeting": an aside on the date
            if tok.low in _FINITE_NEXT and relative:
                break  # "the bombers who hit the port on Monday are ...": the main verb
            if obj and tok.low.endswith("ing") and tok.text.islower() and len(tok.low) > 5:
                break  # "issued a statement on 4 June announcing that ...": an aside
            if tok.low == "and":
                if own is not None and after_date != own and own[0] > tok.start:
                    # "attended A on Wednesday and B on Thursday": Thursday's is B.
                    obj = []
                    after_date = None
                    k += 1
                    continue
                break
        after_date = None
        if opening and tok.text == ",":
            break
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if (
            tok.low == "and"
            and obj
            and nxt is not None
            and (
                nxt.low in _VP_OPENERS
                or k + 1 in verbs
                or (nxt.low.endswith("ly") and k + 2 in verbs)  # "and quietly halted"
            )
        ):
            break  # "... and will host ...": a second verb phrase
        if (
            tok.text == ","
            and nxt is not None
            and (
                nxt.low in OBJECT_STOP
                or _reporting_tail(toks, k + 1)
                or len(obj) >= 4
                or (nxt.low.endswith("ing") and nxt.text.islower())
                or nxt.low in _FINITE_NEXT  # "which is owned by Acme, had a loss"
                or k + 1 in verbs
            )
        ):
            break
        if tok.low in OBJECT_STOP and obj and not _role_as(toks, k, verbs):
            break
        compound = (tok.low in ("report", "reports") and obj[-1:] and obj[-1].text.islower()) or (
            # "struck the wrong note", "a new report": a noun after its determiner
            tok.low in _NOUN_TOO and any(t.low in DETERMINERS for t in obj[-2:])
        )
        if tok.low in REPORTING and obj and not compound:
            break  # not "an earnings report": a noun after a noun
        if tok.text in _HARD_BREAK or tok.text == "." and k == len(toks) - 1:
            break
        obj.append(tok)
        ends_on_date = ends_on_date and not tok.text[:1].isalnum()
        k += 1
    while obj and obj[-1].text in {",", ".", "'s"}:
        obj.pop()
    if ends_on_date and len(obj) > 1 and _PARTICIPLE.match(obj[-1].low):
        obj.pop()  # "an election held [from Friday to Sunday]": the participle goes too
    return obj


_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''", "'", "`"})
_OPENERS = frozenset("but and however yet so still also meanwhile".split())
_LOWER_FIRST = frozenset(
    """the a an this that these those it its their our we there some many most all both
    several few one two three four five six seven eight nine ten""".split()
)


def _modified_noun(tok: Token, k: int, verbs: set[int]) -> bool:
    """A plain lowercase word right after a date, the noun the date qualified."""
    return (
        tok.text.isalpha()
        and tok.text.islower()
        and k not in verbs
        and tok.low not in DATE_PREPS
        and tok.low not in _NP_STOP
        and tok.low not in OBJECT_STOP
        and tok.low not in ("and", "or", "to", "that", "which", "who")
        and tok.low not in _FINITE_NEXT
        and tok.low not in AUX_WORDS
        and tok.low not in DETERMINERS
        and tok.low not in PRONOUNS
        and tok.low not in ("there", "you", "him", "her", "them", "us")
        and not tok.low.endswith("ing")
    )


def said_before(sent: Sentence, i: int, skip: Spans) -> list[Token]:
    """The reported clause before a tail frame (", the minister said"), if any."""
    toks = sent.tokens
    comma = next((k for k in range(i - 1, max(-1, i - 9), -1) if toks[k].text == ","), None)
    if comma is None or comma < 3:
        return []
    begin = 0
    for k in range(min(comma, 10)):
        if toks[k].text in {")", "\u2014", "\u2013", "--", ":"}:
            begin = k + 1  # after a dateline ("BONN, Germany (AP) --")
    while begin < comma and toks[begin].text.isupper() and len(toks[begin].text) > 1:
        begin += 1  # "WASHINGTON The economy ..."
    said = [
        t for t in toks[begin:comma] if span_of(skip, t.start) is None and t.text not in _QUOTES
    ]
    while said and (
        not said[0].text[:1].isalnum()
        or said[0].low in _OPENERS
        or (len(said) > 2 and said[1].text == ",")  # "Sometime [next year], the firm"
    ):
        said = said[2:] if len(said) > 2 and said[1].text == "," else said[1:]
    if said and said[0].low in _LOWER_FIRST:
        said[0] = said[0]._replace(text=said[0].low)
    return said


RELATIVE = frozenset("which that who".split())
DETERMINERS = frozenset("a an the this that these those its his her their our".split())

_NP_STOP = frozenset(
    "on at for with by after before during from since in into to of over and or but".split()
)


def antecedent(text: str, toks: list[Token], k: int, skip: Spans) -> str:
    """The noun phrase a relative pronoun at ``k`` stands for ("the plan, which ...")."""
    j = k - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    np, j = _noun_phrase_before(text, toks, j, skip)
    if np and j >= 2 and toks[j].low in ("of", "from") and toks[j - 1].text == ",":
        # "Sergeant Tomas Berg, 24, of Lund, who died": the relative stands for the
        # person, not the home town the asides give.
        m = j - 2
        if m >= 1 and toks[m].text.isdigit() and toks[m - 1].text == ",":
            m -= 2
        person, _ = _noun_phrase_before(text, toks, m, skip) if m >= 0 else ([], m)
        if person and all(t.text[:1].isupper() for t in person):
            return join_tokens(person, text)
    if 0 < len(np) <= 2 and all(t.text[:1].isupper() for t in np) and j >= 1:
        if toks[j].text == "," and toks[j - 1].text[:1].isupper():
            # "a tanker from the port of Skagen, Denmark, which was sailing": the country
            # places the port; the relative stands for the phrase before it.
            head, _ = _noun_phrase_before(text, toks, j - 1, skip)
            np = head or np
    if not np or np[-1].text[:1].isdigit():
        return ""
    return join_tokens(np, text)


def _noun_phrase_before(
    text: str, toks: list[Token], j: int, skip: Spans
) -> tuple[list[Token], int]:
    """The noun phrase ending at token ``j`` (at most five words), and where it starts."""
    np: list[Token] = []
    while j >= 0 and len(np) < 5:
        tok = toks[j]
        if (
            tok.low in _NP_STOP
            or tok.low in SUBJECT_STOP
            or not (tok.text[:1].isalnum() or tok.text == "'s")
            or tok.low in BE
            or tok.low in HAVE
            or span_of(skip, tok.start) is not None
            or (np and tok.low.endswith("ing") and j > 0 and toks[j - 1].low not in DETERMINERS)
        ):
            break  # "prosecuting the bombings which ...": the noun phrase ends at a verb
        if np and "_" in text[tok.end : np[0].start]:
            break  # "NEW YORK _ A woman who ...": the dateline is no part of the noun phrase
        np.insert(0, tok)
        j -= 1
        if tok.low in DETERMINERS:
            break  # "ignore the ten thousand people who ...": the phrase opens at "the"
    return np, j


def _role_as(toks: list[Token], k: int, verbs: set[int]) -> bool:
    """ "sworn in as president", "took office as head of NATO": "as" naming a role."""
    if toks[k].low != "as":
        return False
    ahead = toks[k + 1 : k + 5]
    if not ahead or ahead[0].low in PRONOUNS or ahead[0].low.endswith("ed"):
        return False
    return not any(k < v <= k + 4 for v in verbs) and not any(t.text == "," for t in ahead[:2])


def _reporting_tail(toks: list[Token], k: int) -> bool:
    """ ", the State Department said" : a reporting verb before the next comma."""
    for tok in toks[k : k + 7]:
        if tok.text in {",", ";"}:
            return False
        if tok.low in REPORTING:
            return True
    return False


def infinitive_subject(sent: Sentence, aux: list[Token], verbs: set[int], text: str) -> str:
    """ "agreed to invite six countries, including Iran, to join": who is to join is
    the object of the verb before, not that verb's subject."""
    if not aux or aux[0].low != "to":
        return ""
    toks = sent.tokens
    at = next((k for k, t in enumerate(toks) if t.start == aux[0].start), None)
    if at is None:
        return ""
    before = [
        v
        for v in range(at)
        if v in verbs
        or (v > 0 and toks[v - 1].low == "to" and toks[v].text.isalpha() and toks[v].text.islower())
    ]
    if not before:
        return ""
    np: list[Token] = []
    for tok in toks[max(before) + 1 : at]:
        if tok.text in {",", ";"} or tok.low == "to" or tok.text in _HARD_BREAK:
            break
        np.append(tok)
    if not np or len(np) > 5 or np[0].low in DETERMINERS - {"a", "an", "the"}:
        return ""
    if not np[-1].text.isalpha():
        return ""
    return join_tokens(np, text)
