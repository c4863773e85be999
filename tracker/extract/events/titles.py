"""Short timeline titles built from the clause around a dated happening.

"On Wednesday, Secretary of State Antony Blinken met NATO and EU officials in
Brussels, officials said" becomes "Blinken meets NATO and EU officials in
Brussels": subject, verb in the headline present (or "to" + verb when
planned), object; the date, reporting frames and trailing asides are dropped,
and the result is clipped at a word that can end a phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from tracker.extract.events.agreement import plural
from tracker.extract.events.clauses import Sentence, Token, Trigger
from tracker.extract.events.clipping import clip, headline
from tracker.extract.events.gazetteer import gazetteer
from tracker.extract.events.lexicon import (
    DONE_TO,
    FINITE_AUX,
    PLAIN_PAST_BASES,
    REPORTING,
    SENTENCE_ADVERBS,
    base_of_past,
    known_verb,
    participle,
    third_person,
)
from tracker.extract.events.modality import modality as modality_of
from tracker.extract.events.participles import (
    adjectival,
    carrier_from,
    finite_in,
    first_verb_after,
    opens_aside,
    verb_after_aside,
    verb_after_noun,
)
from tracker.extract.events.phrases import (
    AUX_WORDS,
    BE,
    DETERMINERS,
    HAVE,
    PARTICLES,
    PRONOUNS,
    RELATIVE,
    STANCE,
    SUBJECT_STOP,
    Usable,
    antecedent,
    infinitive_subject,
    join_tokens,
    object_phrase,
    said_before,
    span_of,
    verb_group,
)
from tracker.extract.events.scan import has_word

_REGNAL = frozenset("pope king queen prince princess emir sheikh sultan".split())


def build_title(
    text: str,
    sent: Sentence,
    trig: Trigger | None,
    modality: str,
    skip: list[tuple[int, int]],
    fallback_actor: Callable[[str], str | None],
    people: dict[str, str] | None = None,
    short_name: Callable[[str], str] | None = None,
    own: tuple[int, int] | None = None,
    groups: dict[str, str] | None = None,
    frame: Trigger | None = None,
    words: list[str] | None = None,
    depth: int = 0,
) -> str:
    """Title of the event at ``trig`` (the date and reporting frames left out).

    ``words``, when given, receives the clause's words the title was cut from
    (subject, verb, object and adjuncts): the event's participants are named there.

    ``own`` is the span of the event's own date, ``groups`` maps the surfaces of
    organisations and countries in the sentence to their short names, ``frame``
    is the reporting verb when the event is what someone said ("police said
    they had arrested ...": "they" are the police).
    """
    skip = [(s, e) for s, e in skip if s < sent.end and e > sent.start]
    if trig is None:
        return _fallback(text, sent, skip)
    toks = sent.tokens
    clause = sent.clause_of[trig.index]

    # Which tokens a title may take: those of the trigger's clause outside the dates
    # skipped. Asked a few dozen times per title, so settled once for every token.
    ok = [c == clause for c in sent.clause_of]
    for s, e in skip:
        for k in range(bisect_left(sent.token_starts, s), bisect_left(sent.token_starts, e)):
            ok[k] = False

    def usable(k: int) -> bool:
        return ok[k]

    def on_verb(carrier: Trigger, mod: str, level: int) -> str:
        """The title built on another verb of the clause, everything else as given."""
        return build_title(
            text, sent, carrier, mod, skip, fallback_actor, people, short_name, own, groups,
            frame, words, level,
        )  # fmt: skip

    verbs = {t.index for t in sent.triggers if t.pos == "verb" and not t.reporting}
    i = trig.index
    obj = object_phrase(sent, i, usable, skip, own, verbs)
    if trig.pos == "verb" and depth < 2 and _on_stage(trig, obj):
        # "Marsh took the stage in San Jose, unveiling a phone": the stage only sets the
        # scene; what was done there is the headline.
        doing = next(
            (
                t
                for t in sent.triggers
                if t.pos == "verb"
                and t.tense == "ing"
                and t.index > i
                and toks[t.index - 1].text == ","
            ),
            None,
        )
        if doing is not None:
            return on_verb(doing, modality, depth + 1)
    if trig.pos == "noun":
        title = _noun_title(text, sent, trig, obj, usable, verbs, fallback_actor, modality)
        carrier = _carrying_verb(sent, trig, usable) if len(title.split()) <= 1 else None
        if carrier is not None:
            # "Delegates attended the ceremony on Friday": a bare "Ceremony" tells
            # nothing; the verb that governs the noun makes the headline.
            told = on_verb(carrier, modality, depth)
            if len(told.split()) >= 3 and trig.token.text.lower() in told.lower():
                return told
        if len(title.split()) <= 1 and depth < 2 and _in_opening_phrase(sent, trig):
            # "In a speech on Wednesday, the premier praised the army": the noun only sets
            # the scene; the clause after the comma tells what happened.
            main = verb_after_aside(sent, trig)
            if main is not None:
                told = on_verb(main, modality_of(sent, main, False), depth + 1)
                if len(told.split()) >= 3:
                    return told
        if depth < 2:
            told = _noun_as_subject(
                text, sent, trig, title, obj, usable, verbs, skip, own, depth, modality
            )
            if told:
                return told
        return title
    aux, subj, stop = verb_group(sent, i, usable, verbs, skip, text)
    if subj and subj[0].low in FINITE_AUX and i > len(subj):
        # "the mill, which is 60%-owned by Acme": all before the verb is auxiliary,
        # and the relative pronoun before it stands for the subject.
        before = i - len(aux) - len(subj) - 1
        if toks[before].low in RELATIVE:
            aux, subj, stop = [*subj, *aux], [], before
    if not subj and stop is None and not aux and trig.tense == "ing" and toks[i - 1].text == ",":
        # "Its stock slumped, closing unchanged at $29": the main clause's subject.
        head_verb = next((v for v in sorted(verbs, reverse=True) if v < i - 1), None)
        if head_verb is not None:
            subj = verb_group(sent, head_verb, lambda k: usable(k) or k < i, verbs, skip, text)[1]
    carrier, mode, subj = _not_the_verb(sent, trig, aux, subj, verbs, own, skip)
    faithful = mode == "faithful"
    aside = mode == "aside"
    if aside:
        # "The plant, opened on Monday, ...": the noun before the aside is what was
        # done; "Cited for speeding, the driver ...": the clause's subject is.
        main = verb_after_aside(sent, trig)
        opener = i <= 1 or (i == 2 and sent.tokens[0].low in _OPENERS)
        if opener and main is not None:
            subj = verb_group(sent, main.index, usable, verbs, skip, text)[1]
        elif not opener:
            subj = verb_group(sent, i - 1, usable, verbs, skip, text)[1]
            if finite_in(sent, subj, verbs) is not None:
                subj, aside = [], False  # "X, which is a bank, agreed": no aside
        comma = next((n for n, t in enumerate(obj) if t.text == ","), len(obj))
        obj = obj[:comma]  # the aside ends at its comma
    if carrier is not None and depth < 2:
        # "Dealers can lose money on orders filled at low prices": the clause's own
        # verb makes the headline, with its own modality.
        return on_verb(carrier, modality_of(sent, carrier, False), depth + 1)
    if faithful:
        # No finite verb to build on: the words as written, never a garbled form.
        head = join_tokens([*subj, *aux, trig.token], text)
        rest = _short_names(join_tokens(obj, text), people or {}, short_name)
        if words is not None:
            words.append(f"{head} {rest}")
        return clip(headline(f"{head} {rest}", len(head.split())), keep=len(head))
    got = bool(subj) and subj[-1].low in _GET and trig.tense == "past"
    if got:
        subj = subj[:-1]  # "Two pumps got broken": a passive, as with "were"
    while len(subj) > 1 and subj[-1].low in _SUBJECT_ADVERBS:
        subj = subj[:-1]  # "The bank last raised": the adverb is no part of the subject
    if len(subj) > 1 and subj[0].low.endswith("ly") and subj[0].low in SENTENCE_ADVERBS:
        subj = subj[1:]  # "Finally Obama spoke": the adverb opens the sentence
    run_in = [
        k
        for k in range(1, len(subj))
        if subj[k].text == "The"
        and subj[k - 1].text[:1].isupper()
        and any(t.text.islower() for t in subj[k + 1 :])  # not "Stop The War Coalition"
    ]
    if run_in:
        # "Bailout Set in Motion The Bush administration proposed": a headline run
        # into its lead; the lead's subject opens at its capital "The".
        subj = subj[run_in[-1] :]
    subject = join_tokens(subj, text)
    if not subj and stop is not None:
        subject = antecedent(text, toks, stop, skip) or subject
    if not subj and not subject:
        subject = infinitive_subject(sent, aux, verbs, text)
        if subject[:1].islower():
            subject = subject[:1].upper() + subject[1:]
    subject = _short_subject(subject, people or {}, short_name)
    subject = _group_subject(subject, groups or {})
    role_of = _ROLE_OF.match(subject)
    if role_of and len(role_of.group(1)) <= 40:
        subject = role_of.group(
            1
        )  # "Foreign ministers of Malta and Tunisia" -> "Malta and Tunisia"
    if len(subject) > 60 and " of " in subject:
        subject = subject.split(" of ")[0]  # "The leaders of Italy, Canada, ..." -> "The leaders"
    if frame is not None and subject.lower() in PRONOUNS and subject.lower() != "it":
        speaker = join_tokens(verb_group(sent, frame.index, usable, verbs, skip, text)[1], text)
        speaker = _group_subject(_short_subject(speaker, people or {}, short_name), groups or {})
        if speaker and speaker.lower() not in PRONOUNS:
            subject = speaker
    said_by = _frame_speaker(sent, i, subject, text, verbs, skip) if frame is None else None
    if said_by is not None:
        subject = _group_subject(_short_subject(said_by, people or {}, short_name), groups or {})
    first, *adverbs = subject.split() or [""]
    if first.lower() in PRONOUNS and adverbs and all(w.endswith("ly") for w in adverbs):
        subject = first  # "He briefly made": the adverb is no part of who acted
    if subject == "It" and any(t.low in BE for t in aux) and obj and obj[0].low == "that":
        # "It has long been rumoured that ...": no one is named; the words stay.
        head = join_tokens([*subj, *aux, trig.token], text)
        return clip(headline(f"{head} {join_tokens(obj, text)}", len(head.split())), keep=len(head))
    stood_for = None  # the pronoun (or nothing) a guessed name stands in for
    if not subject or subject.lower() in PRONOUNS or len(subject) > 60:
        stood_for = subject if len(subject) <= 60 else None
        subject = fallback_actor(subject) or subject
        if len(subject) > 60:
            subject = subject[:60].rsplit(" ", 1)[0]
    # "a survey published by the Daily Example": a past form with no auxiliary right
    # after its noun, its agent next, describes the noun (a passive participle).
    reduced = (
        not aux
        and bool(subj)
        and bool(obj)
        and obj[0].low == "by"
        and (toks[i - 1].low not in PRONOUNS and toks[i - 1].text[:1].isalpha())
    )
    # "Six crew killed when the boat sank": done to them, no one named it was done to.
    done_to = (
        not aux and bool(subj) and trig.lemma in DONE_TO and (not obj or obj[0].low in _NO_OBJECT)
    )
    passive = (
        got or aside or reduced or done_to or any(t.low in BE for t in aux)
    ) and trig.tense == "past"
    if (
        modality == "hypothetical"
        and [t.low for t in aux] == ["would"]
        and _said_before(sent, i, usable)
    ):
        modality = "planned"  # "said it would close 40 branches": "X to close 40 branches"
    # "Rogers meets": a person's family name is one person, whatever its ending.
    named = set((people or {}).values())
    many = plural(subject) and subject not in named | {
        short_name(n) if short_name else n.split()[-1] for n in named
    }
    neg = any(t.low in ("not", "n't", "never") for t in aux)
    lemma = _REPORT_LEMMA.get(trig.token.low, trig.lemma) if trig.reporting else trig.lemma
    known = known_verb(lemma) or trig.tense == "base"
    part = participle(lemma) if known else trig.token.text
    stance = next((t.low for t in aux if t.low in STANCE), None)
    if stance is not None and (known or trig.tense == "base"):
        verb = f"{stance} to {lemma}"  # "Israel willing to withdraw": never "Israel withdraws"
    elif modality == "planned" and (known or passive):
        verb = ("to be " + part) if passive else "to " + lemma
    elif modality in ("hypothetical", "denied") or neg:
        verb = " ".join(t.text for t in aux if t.low not in BE or passive) + " " + trig.token.text
    elif passive and subject.lower() in ("i", "we"):
        verb = join_tokens([*aux, trig.token], text)  # "I am shocked": never "I shocked"
    elif passive:
        # "were little changed", "is 61%-owned": what qualifies the participle stays.
        kept = [t for t in aux if not (t.low in BE or t.low in HAVE or t.low in AUX_WORDS)]
        verb = join_tokens([*kept, trig.token._replace(text=part)], text) if kept else part
    elif trig.tense == "ing" and not aux:
        # "Marsh took the stage, unveiling a phone": "Marsh unveils a phone".
        verb = trig.token.text
        if known_verb(trig.lemma):
            verb = trig.lemma if many else third_person(trig.lemma)
    elif trig.reporting:
        verb = {"told": "tells", "tell": "tells", "added": "adds", "reported": "reports"}.get(
            trig.token.low, "says"
        )
        if known_verb(trig.lemma) and trig.lemma not in _REPORT_LEMMA.values():
            verb = third_person(trig.lemma)  # "announced that ..." -> "announces that ..."
        if many:
            verb = verb[:-1]
    elif not known_verb(trig.lemma) and trig.tense != "base":
        # A verb outside the lexicon keeps its own form unless its base is certain:
        # no invented words.
        plain = all(t.low in HAVE or t.low not in BE and t.low not in AUX_WORDS for t in aux)
        base = None
        if trig.tense == "past" and plain:
            # a base the analysis settled ("had a net loss" -> "have"), else one only
            # when it is certain
            low = trig.token.low
            base = trig.lemma if trig.lemma != low else base_of_past(low)
        if base is None:
            # "have barely broken even": a form with no certain present keeps its
            # auxiliaries rather than read as a bare participle.
            verb = join_tokens([*aux, trig.token], text) if plain else trig.token.text
        else:
            verb = base if many else third_person(base)
    elif many:
        verb = trig.lemma
    elif not known_verb(trig.lemma) and trig.token.low.endswith("s"):
        verb = trig.token.text  # "notes": already third person, never "noteses"
    else:
        verb = third_person(trig.lemma)
    verb = verb.strip()
    if passive and modality == "reported" and not neg and len(obj) > 1 and obj[0].low == "by":
        active = _active(text, subject, trig, known, obj, people or {}, groups or {}, short_name)
        if active is not None:
            subject, verb, obj = active
    if obj and obj[0].low in PARTICLES and obj[0].start - toks[i].end <= 1:
        # "sworn in", "took over": the particle belongs to the verb, never a dangling word.
        verb += " " + obj.pop(0).text
    head = f"{subject} {verb}"
    if trig.reporting and not obj:
        # "Three states may join, the minister said on Saturday": what was said comes first.
        obj = said_before(sent, i, skip)
    rest = _short_names(join_tokens(obj, text), people or {}, short_name)
    if stood_for is not None and subject != stood_for and _named_in(subject, rest):
        # "It sold its stake in Jaguar": the guess names the object; a name never acts
        # on itself, so the pronoun and its verb stay as written.
        if stood_for.lower() in ("he", "she", "it"):
            head = f"{stood_for[:1].upper()}{stood_for[1:]} {verb}"  # "It accuses Kuwait"
        elif stood_for:
            words_as_written = join_tokens([*subj, *aux, trig.token], text)
            head = words_as_written[:1].upper() + words_as_written[1:]  # "I was pleased"
        else:
            head = verb
    if trig.reporting and verb.endswith(("says", "say", "tells", "tell")):
        # "said it would close" -> "says it will close": the headline present throughout
        rest = re.sub(r"^((?:that\s+)?\S+\s+)would\b", r"\1will", rest)
    if words is not None:
        words.append(f"{join_tokens(subj, text) or subject} {verb} {join_tokens(obj, text)}")
    return clip(headline(f"{head} {rest}", len(head.split())), keep=len(" ".join(head.split())))


def _own_date_in_aside(sent: Sentence, trig: Trigger, own: tuple[int, int]) -> bool:
    toks = sent.tokens
    comma = next((k for k in range(trig.index + 1, len(toks)) if toks[k].text == ","), None)
    end = toks[comma].start if comma is not None else sent.end
    return trig.token.start < own[0] < end


def _on_stage(trig: Trigger, obj: list[Token]) -> bool:
    """ "took the stage", "took to the podium": a verb that only sets a scene."""
    words = [t.low for t in obj[:3]]
    if words[:1] == ["to"]:
        words = words[1:]
    return trig.lemma == "take" and words[:2] in (["the", w] for w in _STAGES)


_STAGES = ("stage", "podium", "floor", "rostrum", "lectern")


def _not_the_verb(
    sent: Sentence,
    trig: Trigger,
    aux: list[Token],
    subj: list[Token],
    verbs: set[int],
    own: tuple[int, int] | None,
    skip: list[tuple[int, int]],
) -> tuple[Trigger | None, str, list[Token]]:
    """When the past form at ``trig`` is no finite verb (see ``participles``): the
    clause's verb to build the title on, or a mode: "faithful" keeps the words as
    written, "aside" reads a participle clause as a passive ("The plant opened").
    The subject comes back too, cut after a conjunction when a first clause ran
    into it ("they never came and the firm completed": "the firm")."""
    if trig.pos != "verb":
        return None, "", subj
    noun_of = verb_after_noun(sent, trig, skip)
    if noun_of is None and _names_or_noun(sent, trig, aux, subj):
        noun_of = first_verb_after(sent, trig)
        if noun_of is None:
            return None, "faithful", subj  # "Rally officials were not available"
    if noun_of is not None:
        return noun_of, "", subj  # "Some brokers on Monday bought": "bought" is the act
    if opens_aside(sent, trig, aux, subj):
        main = verb_after_aside(sent, trig)
        closes = any(t.text == "," for t in sent.tokens[trig.index + 1 :])
        if own is not None and _own_date_in_aside(sent, trig, own) and trig.index and closes:
            return None, "aside", subj  # "The plant, opened on Monday, ...": the news
        return main, "", subj
    if trig.tense == "past" and subj and subj[0].low in ("with", "without") and not aux:
        return None, "faithful", subj  # "With inflation held in check, the Fed ...": no act
    got = len(subj) > 1 and subj[-1].low in _GET  # "Two pumps got broken": a passive
    at = finite_in(sent, subj[:-1] if got else subj, verbs)
    if at is not None:
        index = {t.start: n for n, t in enumerate(subj)}
        start = sent.tokens[at].start
        conj = [n for n, t in enumerate(subj) if t.start > start and t.low in _CLAUSE_JOINS]
        if conj and conj[-1] + 1 < len(subj):
            return None, "", subj[conj[-1] + 1 :]  # the trigger's own subject
        carrier = carrier_from(sent, at, trig.index)
        if trig.tense != "ing" or carrier is not None:
            return carrier, "faithful", subj  # "set ... the deadline for any bids"
        # "The envoy was on his way to Cairo, carrying a letter": "The envoy carries".
        return None, "", subj[: index.get(start, 0)] or subj
    if adjectival(sent, trig):
        before = sent.tokens[trig.index - 1].start if trig.index else -1
        carrier = next((t for t in sent.triggers if t.token.start == before), None)
        if carrier is not None and carrier.pos == "verb" and not carrier.reporting:
            return carrier, "", subj  # "Shares closed unchanged": the closing is the act
        main = verb_after_aside(sent, trig)
        if main is not None:
            return main, "", subj  # "Coors, its publicly traded rival, fell": the fall
        return None, "faithful", subj
    return None, "", subj


def _names_or_noun(sent: Sentence, trig: Trigger, aux: list[Token], subj: list[Token]) -> bool:
    """ "Mark Lutz says", "Riot police stopped", "A radio report citing ... said": a
    capitalised first word before a name or a noun, or a plain form after a singular
    subject, is no verb; the verb comes later."""
    toks = sent.tokens
    nxt = toks[trig.index + 1] if trig.index + 1 < len(toks) else None
    if trig.tense == "past" and trig.index == 0 and trig.token.text[:1].isupper():
        # "Advanced Medical Technologies said": a past form opening a name
        return nxt is not None and nxt.text[:1].isupper() and nxt.text.isalpha()
    if trig.tense not in ("base", "3sg") or aux or trig.reporting:
        return False
    if trig.index == 0 and trig.token.text[:1].isupper() and nxt is not None:
        return nxt.text.isalpha() and nxt.low not in _NOT_A_NOUN
    if (
        trig.index > 1
        and toks[trig.index - 1].low.endswith(("ing", "ed"))
        and toks[trig.index - 2].low in DETERMINERS | {"any", "some", "all", "no"}
    ):
        return True  # "any competing bids", "the revised plans": a noun phrase
    words = " ".join(t.text for t in subj)
    plain = trig.tense == "base" and not trig.token.low.endswith("s")  # not "notes"
    return plain and bool(subj) and not plural(words) and words.lower() not in ("i", "you")


# Words after a first-word trigger that show it is a verb after all ("Attack on ...").
_NOT_A_NOUN = frozenset(
    """the a an his her its their our this these those on in at to for with by from of
    and or that""".split()
)
_CLAUSE_JOINS = frozenset("and but or ;".split())
_OPENERS = frozenset("however meanwhile but and yet still also then later".split())


def _named_in(name: str, words: str) -> bool:
    """``name`` (or its last word, "Sununu" of "John Sununu") occurs in ``words``."""
    last = name.split()[-1] if name.split() else ""
    return bool(last) and has_word(words, last)


_GET = frozenset("got gets get gotten getting".split())
# Adverbs standing between a subject and its verb ("The bank last raised rates").
_SUBJECT_ADVERBS = frozenset(
    """last also then first later finally recently previously again just already still
    now once reportedly allegedly""".split()
)
_SAY_FORMS = frozenset("said says told tells announced announces added adds".split())


def _said_before(sent: Sentence, i: int, usable: Usable) -> bool:
    """A say-verb stands before the trigger's subject ("Ostmark said it would close")."""
    toks = sent.tokens
    return any(toks[k].low in _SAY_FORMS for k in range(max(0, i - 8), i))


def _frame_speaker(
    sent: Sentence,
    i: int,
    subject: str,
    text: str,
    verbs: set[int],
    skip: list[tuple[int, int]],
) -> str | None:
    """ "Ostmark Bank said on Tuesday it would close 40 branches": "it" (or "they") is
    the one who said so, when a name says it right before the pronoun."""
    if subject.lower() not in ("it", "they"):
        return None
    toks = sent.tokens
    say = next((k for k in range(i - 1, max(-1, i - 10), -1) if toks[k].low in _SAY_FORMS), None)
    if say is None or say == 0:
        return None
    between = [t for t in toks[say + 1 : i] if not any(s <= t.start < e for s, e in skip)]
    if any(
        t.low not in ("it", "they", "that", "would", "will", "had", "has", "on") for t in between
    ):
        return None  # something else stands between: not sure who "it" is

    def same_clause(k: int) -> bool:
        return sent.clause_of[k] == sent.clause_of[say - 1] and not any(
            s <= toks[k].start < e for s, e in skip
        )

    words = verb_group(sent, say, same_clause, verbs, skip, text)[1]
    speaker = join_tokens(words, text)
    if not speaker or not speaker[:1].isupper() or speaker.lower() in PRONOUNS:
        return None
    return speaker


# "Foreign ministers of Malta and Tunisia", "Leaders of the G7": the states or bodies
# act through their envoys, and a headline names them.
_ROLE_OF = re.compile(
    r"^[\W_]*(?:[Tt]he\s+)?(?:[A-Z]?[a-z]+\s+){0,2}(?:governments?|ministers|leaders|envoys|officials|delegations|"
    r"nation|country|kingdom|republic|"
    r"representatives|negotiators|delegates|heads\s+of\s+(?:state|government))\s+of\s+"
    r"(?:the\s+)?([A-Z].*)$"
)


def _active(
    text: str,
    subject: str,
    trig: Trigger,
    known: bool,
    obj: list[Token],
    people: dict[str, str],
    groups: dict[str, str],
    short_name: Callable[[str], str] | None,
) -> tuple[str, str, list[Token]] | None:
    """ "The fees were praised by Lerche as ..." -> "Lerche praises the fees as ...": a
    headline puts a named agent first. None when the agent is not a name or the
    verb's present form is not certain."""
    words = subject.split()
    if not 2 <= len(words) <= 4 or words[0] not in _DETERMINERS:
        return None  # only a plain thing or group as the patient: "The new phone"
    at = obj[1].start
    # People named in full, and organisations or countries: never a stray capital.
    names = {**{s: "" for s, n in people.items() if len(n.split()) >= 2}, **groups}
    surface = max((s for s in names if text.startswith(s, at)), key=len, default=None)
    if surface is None:
        return None
    rest = [t for t in obj[1:] if t.start >= at + len(surface)]
    if rest and rest[0].low not in _AFTER_AGENT:
        return None  # the agent's name runs on: not sure where it ends
    base = trig.lemma if known else base_of_past(trig.token.low)
    if base is None:
        return None
    agent = names[surface] or _short_subject(surface, people, short_name)
    thing = " ".join([words[0].lower(), *words[1:]])
    return agent, f"{third_person(base)} {thing}", rest


_DETERMINERS = frozenset("The A An Its Their His Her This These Those".split())
_AFTER_AGENT = frozenset("as for in at on to during after before with , .".split())


def _short_names(
    phrase: str, people: dict[str, str], short_name: Callable[[str], str] | None
) -> str:
    """ "talks with Polish President Tomasz Nowicki" -> "talks with Nowicki"."""
    for surface, name in people.items():
        if surface not in phrase or len(name.split()) < 2:
            continue
        short = short_name(name) if short_name else name.split()[-1]
        i = phrase.find(surface)
        while i >= 0:
            m = _office_words_before().search(phrase, 0, i)
            cut = m.start() if m else i
            phrase = phrase[:cut] + short + phrase[i + len(surface) :]
            i = phrase.find(surface, cut + len(short))
    return phrase


@cache
def _office_words_before() -> re.Pattern[str]:
    """Titles of office and demonyms standing right before a name ("Polish President ")."""
    gaz = gazetteer()
    words = {t for t in gaz.titles if t[:1].isupper()}
    words |= {s for s, e in gaz.entries.items() if e.kind == "demonym"}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:(?<![\w])(?:{alternation})\s+)+$")


_REPORT_LEMMA = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "tells": "tell",
    "added": "add",
    "adds": "add",
    "noted": "note",
    "reported": "report",
    "wrote": "write",
    "stated": "state",
    "explained": "explain",
    "argued": "argue",
}


_GENERATION = re.compile(r",?\s+(?:Jr|Sr|Jnr|Snr)\.?$")


def _short_subject(
    subject: str, people: dict[str, str], short_name: Callable[[str], str] | None
) -> str:
    """ "U.S. Secretary of State Antony Blinken" -> "Blinken" (titles live in the actors)."""
    subject = _GENERATION.sub("", subject)  # "Henry M. Paulson Jr." is Paulson
    for surface, name in people.items():
        if subject.endswith(surface) and len(subject) >= len(surface):
            head = subject[: -len(surface)].rstrip()
            words = head.split()
            if _names_a_complement(words):
                continue  # "Three soldiers of the Black Guard": the name completes another head
            if "and" not in words and "," not in head:
                if len(name.split()) == 1 or name.split()[0].lower() in _REGNAL:
                    return name
                return short_name(name) if short_name else name.split()[-1]
    return subject


_HEAD_OPENERS = frozenset(
    "the a an this that these those its his her their our no some several many few most all "
    "both each every one two three four five six seven eight nine ten dozens hundreds "
    "thousands millions".split()
)


def _names_a_complement(head: list[str]) -> bool:
    """Whether the words before a name are a noun phrase whose preposition the name
    completes ("Three soldiers of the", "The abuse at"): then the name is not the subject.

    A head that does not open with a determiner or a number, or has another one inside,
    is a clause cut short ("Among those calling for", "No wonder the boys at"), not a
    noun phrase: the name is the subject after all.
    """
    if head and head[-1].lower() in ("the", "a", "an"):
        head = head[:-1]
    if len(head) < 2 or len(head) > 6 or head[-1].lower() not in _NOUN_PRE_STOP:
        return False
    if head[-1].lower() == "by":
        return False  # an agent ("The deal approved by Kask"): the actor, told actively
    first, inner = head[0], head[1:-1]
    if not (first.lower() in _HEAD_OPENERS or first[:1].isdigit()):
        return False
    return all(w.lower() not in _HEAD_OPENERS and w.isalpha() for w in inner)


_GROUP_OF = re.compile(r"^(?:[Tt]he\s+)?([A-Za-z][a-z]+(?:\s+[a-z]+)?)\s+of\s+(?:the\s+)?(.+)$")


def _group_subject(subject: str, groups: dict[str, str]) -> str:
    """ "Leaders of the Group of 20" -> "G20 leaders": the body first, as headlines put it."""
    m = _GROUP_OF.match(subject)
    if not m:
        return subject
    body = m.group(2)
    short = groups.get(body) or groups.get("the " + body)
    if not short or len(short) > 20 or not m.group(1).endswith("s"):
        return subject
    head = m.group(1).split()
    if (
        len(head) == 2
        and (head[0].lower() in _HEAD_OPENERS or head[0].isdigit())
        and head[1].lower() not in _HEAD_OPENERS  # "many thousands of ..."
    ):
        # "Three soldiers of the Black Guard" -> "Three Black Guard soldiers"
        return f"{head[0]} {short} {head[1].lower()}"
    return f"{short} {m.group(1).lower()}"


_POSSESSIVES = frozenset("their its his her our".split())
_NOUN_PRE_STOP = frozenset(
    "on at for with by after before during from since in into to as of over".split()
)


def _noun_title(
    text: str,
    sent: Sentence,
    trig: Trigger,
    obj: list[Token],
    usable: Usable,
    verbs: frozenset[int] | set[int] = frozenset(),
    fallback_actor: Callable[[str], str | None] | None = None,
    modality: str = "reported",
) -> str:
    toks = sent.tokens
    j = trig.index - 1
    pre: list[Token] = []
    while j >= 0 and usable(j):
        tok = toks[j]
        if tok.low in SUBJECT_STOP or tok.text in {",", ";"} or tok.low in _NOUN_PRE_STOP:
            break
        if tok.low in BE or tok.low in HAVE or tok.low in REPORTING:
            break
        pre.insert(0, tok)
        j -= 1
        if len(pre) >= 6:
            break
    if pre and pre[0].low in ("least", "most") and j >= 0 and toks[j].low == "at":
        pre.insert(0, toks[j])  # "At least three fires": a quantity, not a place's "at"
    while pre and pre[0].low in ("a", "an", "the", "in", "of", "to", "and"):
        pre.pop(0)
    if pre and pre[0].low in _POSSESSIVES:
        pre.pop(0)  # "Their next summit": the owner is too often guessed wrong to name
    # The complement of a noun stops at its first verb.
    comp: list[Token] = []
    index = {t.start: k for k, t in enumerate(toks)}
    for n, tok in enumerate(obj):
        if tok.low in BE or tok.low in HAVE or tok.low in ("will", "would", "that", "which"):
            break
        at = index.get(tok.start)
        if (
            n
            and at is not None
            and at - index.get(obj[n - 1].start, at) > 1
            and obj[n - 1].low in _NOUN_PRE_STOP
            and (at in verbs or (tok.text.islower() and tok.low.endswith("ed")))
        ):
            break  # "His arrest on Monday united ...": the date closed the noun's phrase
        if index.get(tok.start) in verbs:
            after = obj[n + 1].low if n + 1 < len(obj) else ""
            if not (n == 0 and tok.start - toks[trig.index].end <= 1 and after == "by"):
                break  # "the visit came ...": the noun's own phrase ends at the verb
            # "a poll published by the Daily Example": a participle that describes the
            # noun, with its agent, is part of the noun's phrase.
        comp.append(tok)
    while comp and comp[-1].low in _NOUN_PRE_STOP:
        comp.pop()  # the preposition of a date left out ("arrest on [Monday]")
    if not pre and len(comp) <= 1:
        # "which goes on sale in June": a bare "Sale" tells nothing; the light verb
        # that carries the noun, and its subject, make the headline.
        carried = _light_verb_title(text, sent, trig, comp, usable, verbs, modality)
        if carried:
            return carried
    head = join_tokens(pre, text)
    if pre and pre[0].low in ("he", "she") and fallback_actor is not None:
        # "He made an appearance": who "he" is, as for a verb's subject.
        who = fallback_actor(pre[0].text)
        if who:
            head = " ".join([who, join_tokens(pre[1:], text)])
    return clip(f"{head} {trig.token.text} {join_tokens(comp, text)}")


def _noun_as_subject(
    text: str,
    sent: Sentence,
    trig: Trigger,
    title: str,
    obj: list[Token],
    usable: Usable,
    verbs: set[int],
    skip: list[tuple[int, int]],
    own: tuple[int, int] | None,
    depth: int,
    modality: str,
) -> str:
    """ "Quarterly sales dropped 11%", "Sales in the quarter were $8 million": a bare
    noun title ("Sales") is the subject of the verb after its phrase; that verb makes
    the headline, or, when it is "be" or "have", the clause as written does."""
    toks = sent.tokens
    if not title.lower().endswith(trig.token.low) and not obj:
        return ""
    for j in range(trig.index - 1, max(-1, trig.index - 5), -1):
        if toks[j].low in _NOUN_PRE_STOP:
            return ""  # "according to a memorandum": a noun inside a phrase is no subject
        if toks[j].text in {",", ";"} or j in verbs:
            break
    index = {t.start: k for k, t in enumerate(toks)}
    k = trig.index + 1
    for tok in obj:  # the noun's own phrase ("in the latest quarter") ends at a verb
        at = index.get(tok.start, k)
        if at in verbs or tok.low in FINITE_AUX or tok.low in BE or tok.text == ",":
            k = at
            break
        if at is not None and _plain_past(toks, at):
            k = at
            break
        k = at + 1
    while k < len(toks) and (span_of(skip, toks[k].start) or toks[k].low in _SUBJECT_ADVERBS):
        k += 1
    if k >= len(toks) or not usable(k) or k - trig.index > 8:
        return ""
    verb = next((t for t in sent.triggers if t.index == k and t.pos == "verb"), None)
    if verb is not None and not verb.reporting:
        told = build_title(
            text, sent, verb, modality, skip, lambda _: None, own=own, depth=depth + 1
        )
        ok = len(told.split()) >= 3 and trig.token.low in told.lower()
        return told if ok else ""
    if verb is None and _plain_past(toks, k):
        # "The vote on Sunday gave the party a majority": a verb no event is made of
        # still tells what the dated noun did.
        base = PLAIN_PAST_BASES.get(toks[k].low) or base_of_past(toks[k].low)
        rest = object_phrase(sent, k, usable, list(skip), own, verbs)
        noun = title[: title.lower().rfind(trig.token.low) + len(trig.token.low)]
        if base and rest and noun:
            return clip(f"{noun} {third_person(base)} {join_tokens(rest, text)}", keep=len(noun))
        return ""
    if toks[k].low in BE or toks[k].low in FINITE_AUX:
        rest = object_phrase(sent, k, usable, list(skip), own, verbs)
        if len(rest) >= 1:
            be = _PRESENT_BE.get(toks[k].low, toks[k].text)  # the headline present
            if toks[k].low in BE and re.fullmatch(r"[a-z]+ed|held|set|made|taken", rest[0].low):
                be = ""  # "The next summit is planned": "Next summit planned"
            return clip(f"{title} {be} {join_tokens(rest, text)}", keep=len(title))
    return ""


_PRESENT_BE = {"was": "is", "were": "are", "had": "has", "will": "to"}


def _plain_past(toks: list[Token], k: int) -> bool:
    """A past form at ``k`` that can only be a finite verb here: an irregular past that
    is no participle ("gave"), or a regular "-ed" form whose base is certain, after
    neither a determiner nor an auxiliary ("the amended bill", "was praised")."""
    tok = toks[k]
    low = tok.low
    if not tok.text.islower() or not low.isalpha():
        return False  # "Mechanised Brigade": part of a name
    prev = toks[k - 1].low if k else ""
    if prev in _HEAD_OPENERS | BE | HAVE | _NOUN_PRE_STOP or "'" in prev or "\u2019" in prev:
        return False  # "in appalled silence", "they're concerned"
    if k + 1 < len(toks) and toks[k + 1].low in _NOUN_PRE_STOP:
        return False  # "a ban on lending based on": a participle's phrase
    if low in PLAIN_PAST_BASES:
        return low not in ("put", "set", "cost", "left")  # also present, or a noun
    return low.endswith("ed") and base_of_past(low) is not None


#: Words that open no object: what follows a verb that has none.
_NO_OBJECT = frozenset(
    "when while as after during in at near on outside inside following by with to for over from".split()
)
_OPENING_PREPS = frozenset("in at during after before following as when while once".split())


def _in_opening_phrase(sent: Sentence, trig: Trigger) -> bool:
    """The noun sits in a phrase or clause that opens the sentence and ends at a comma
    ("In a speech on Wednesday, ...", "At a meeting in Oslo, ...", "As the talks
    ended on Friday, ...")."""
    toks = sent.tokens
    if not toks or toks[0].low not in _OPENING_PREPS or trig.index > 4:
        return False
    if any(t.text == "," for t in toks[1 : trig.index]):
        return False
    return any(t.text == "," for t in toks[trig.index + 1 : trig.index + 8])


def _carrying_verb(sent: Sentence, trig: Trigger, usable: Usable) -> Trigger | None:
    """The nearest verb before the noun in its clause ("attended the ceremony")."""
    before = [
        t
        for t in sent.triggers
        if t.pos == "verb" and t.index < trig.index and usable(t.index) and not t.reporting
    ]
    return before[-1] if before else None


# Verbs that carry a happening named by a noun ("goes on sale", "took place", "came
# into force"): the lemma of each form, for the headline's present tense.
_LIGHT_FORMS = {
    form: lemma
    for lemma, forms in {
        "go": "go goes went gone going",
        "come": "come comes came coming",
        "take": "take takes took taken taking",
        "enter": "enter enters entered entering",
    }.items()
    for form in forms.split()
}
_CARRIER_GAP = frozenset("on into in under to a an the its their effect".split())


def _light_verb_title(
    text: str,
    sent: Sentence,
    trig: Trigger,
    comp: list[Token],
    usable: Usable,
    verbs: frozenset[int] | set[int],
    modality: str,
) -> str:
    """ "The tablet, which goes on sale in June" -> "The tablet goes on sale" (planned:
    "The tablet to go on sale"); "" when no light verb carries the noun."""
    toks = sent.tokens
    k = trig.index - 1
    while k >= 0 and usable(k) and toks[k].low in _CARRIER_GAP and trig.index - k <= 3:
        k -= 1
    if k < 0 or not usable(k) or toks[k].low not in _LIGHT_FORMS:
        return ""
    lemma = _LIGHT_FORMS[toks[k].low]
    aux, subj, stop = verb_group(sent, k, usable, set(verbs), [], text)
    subject = join_tokens(subj, text)
    if not subj and stop is not None:
        subject = antecedent(text, toks, stop, [])
        first = stop - 1 - len(subject.split()) - (toks[stop - 1].text == ",")
        if subject and first >= 1 and toks[first].low in ("for", "of"):
            # "a tablet for students, which": the noun phrase runs back over "for"
            words = antecedent(text, toks, first, []).split()
            at = max((n for n, w in enumerate(words) if w.lower() in DETERMINERS), default=0)
            if words[at:]:
                subject = " ".join([*words[at:], toks[first].text, subject])
        subject = subject[:1].upper() + subject[1:]
    if not subject or subject.lower() in PRONOUNS:
        return ""
    if modality == "planned":
        verb = "to " + lemma
    elif aux or toks[k].low.endswith("ing"):
        return ""
    else:
        verb = lemma if plural(re.split(r" (?:for|of) ", subject)[0]) else third_person(lemma)
    gap = join_tokens(toks[k + 1 : trig.index], text)
    head = f"{subject} {verb}"
    return clip(f"{head} {gap} {trig.token.text} {join_tokens(comp, text)}", keep=len(head))


def _fallback(text: str, sent: Sentence, skip: list[tuple[int, int]]) -> str:
    kept = [t for t in sent.tokens if not any(s <= t.start < e for s, e in skip)]
    return clip(join_tokens(kept, text))
