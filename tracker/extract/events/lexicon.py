"""Word lists that drive event detection: triggers by type, reporting verbs, cues.

A trigger is a verb or noun naming a happening. Each lemma carries one of the
event types documented in ``resources/event_types.md``; verb inflections are
generated here so that the tables stay readable.
"""

from __future__ import annotations

import re
from functools import cache

# type -> verbs (lemma or "lemma:past:participle" for irregular ones)
_VERBS: dict[str, str] = {
    "meeting": """meet:met:met visit host gather convene discuss negotiate travel arrive
        attend welcome receive:received:received confer tour mediate""",
    "call": "phone telephone",
    "statement": """announce declare issue warn urge condemn criticise criticize accuse deny pledge
        promise vow reject insist praise threaten demand appeal proclaim unveil
        confirm dismiss vowed denounce apologise apologize acknowledge reveal
        speak:spoke:spoken address""",
    "agreement": """sign agree ratify endorse approve join conclude broker settle adopt
        recognise recognize normalise normalize cooperate""",
    "aid": "donate provide deliver supply fund grant lend:lent:lent send:sent:sent",
    "sanctions": """sanction embargo blacklist expel:expelled:expelled impose ban
        freeze:froze:frozen boycott""",
    "military": """attack invade bomb shell strike:struck:struck raid kill fire launch shoot:shot:shot
        seize capture deploy bombard storm occupy withdraw:withdrew:withdrawn retreat
        advance assault wound destroy intercept shell fight:fought:fought retaliate""",
    "election": """elect inaugurate vote win:won:won defeat swear:swore:sworn""",
    "protest": "protest demonstrate march riot throng rally",
    "other": """resign appoint name arrest detain release die open close begin:began:begun
        start end collapse fall:fell:fallen rise:rose:risen drop increase decrease
        report:reported:reported buy:bought:bought sell:sold:sold acquire merge file
        complete submit pass:passed:passed take:took:taken leave:left:left return
        hold:held:held make:made:made become:became:become crash explode
        occur happen:happened:happened mark celebrate honour honor sentence charge
        convict try:tried:tried rescue evacuate suspend cancel postpone delay
        introduce order hire step quit:quit:quit succeed
        offer:offered:offered bid:bid:bid plunge soar climb slide:slid:slid tumble jump
        gain lose:lost:lost post:posted:posted earn cut:cut:cut raise lower
        halt resume restart reach produce build:built:built award
        go:went:gone come:came:come""",
}

# type -> nouns naming happenings
_NOUNS: dict[str, str] = {
    "meeting": """meeting meetings talks summit visit visits trip tour conference session
        negotiations summitry gathering audience reception consultations dialogue forum
        ministerial debate""",
    "call": "call phone-call teleconference videoconference",
    "statement": """statement speech remarks address announcement declaration communique
        communiqué warning appeal interview briefing tweet post proclamation comments
        accusation denial pledge""",
    "agreement": """agreement deal accord treaty ceasefire cease-fire truce pact memorandum
        signing accession ratification settlement armistice compact""",
    "aid": "aid assistance package donation loan grant shipment funding",
    "sanctions": "sanctions sanction embargo tariffs tariff expulsion ban blacklisting",
    "military": """attack attacks invasion strike strikes airstrike airstrikes air-strike
        bombing bombardment shelling offensive raid raids assault war clash clashes
        fighting incursion annexation occupation shooting shootings explosion blast
        massacre coup siege counteroffensive counter-offensive operation drills exercise
        exercises missile launch test slaying killing murder assassination kidnapping
        hijacking uprising revolution rebellion insurgency withdrawal deployment bombing
        blast explosion ambush battle takeover""",
    "election": """election elections vote ballot referendum inauguration poll polls runoff
        run-off primary swearing-in victory re-election""",
    "protest": "protest protests demonstration demonstrations rally rallies march riot riots unrest",
    "other": """resignation appointment arrest death release opening closure collapse
        crash ceremony funeral trial verdict ruling anniversary earthquake flood
        hurricane disaster decision launch merger acquisition sale purchase bankruptcy
        layoffs decline drop rise increase gain loss growth fall plunge jump surge
        meltdown crisis outbreak celebration parade broadcast hearing testimony inquiry
        investigation probe indictment conviction execution evacuation rescue payment
        redemption revision offering departure arrival return resignation dismissal
        visit shutdown strike walkout""",
}

# Adverbs that open a sentence before its subject ("Finally Obama spoke"): no part of a
# name (actors) nor of a title's subject (titles).
SENTENCE_ADVERBS = frozenset(
    """finally moreover furthermore nevertheless nonetheless instead indeed perhaps clearly
    obviously surely certainly ultimately eventually initially originally previously
    recently currently unfortunately fortunately hopefully apparently""".split()
)

# Verbs done to someone that news never uses without their object: with none after
# them and no auxiliary, the past form is a headline's passive ("Six crew killed when
# the boat sank", "Two reporters detained in Minsk").
DONE_TO = frozenset(
    """kill wound injure hurt arrest detain jail imprison capture kidnap abduct execute
    stab behead evacuate rescue charge convict sentence""".split()
)

REPORTING = frozenset(
    """say says said saying tell tells told telling add adds added noted note notes
    report reports reported according stated explained explain wrote
    write writes quoted quote quotes reiterated reiterate asserted assert argued argue
    suggested commented""".split()
)

MODALS_HYPOTHETICAL = frozenset(
    "would could might may should must can can't cannot couldn't wouldn't 'd ought".split()
)
MODALS_FUTURE = frozenset("will shall 'll won't".split())
PLAN_CUES = frozenset(
    """scheduled planned plans plan expected due set slated poised intends intend
    intended going upcoming proposed to invitation agreed agrees decided promised
    pledged vowed offered prepared preparing hopes hoped""".split()
)
# Words that are never triggers although they look like past-tense verbs.
NOT_TRIGGERS = frozenset(
    """expected scheduled planned due set alleged supposed used based related
    concerned interested united limited detailed advanced compared"""
    # words spelled like a past tense that are none: "two hundred", "indeed", "naked"
    """ hundred indeed kindred sacred naked wicked rugged ragged jagged wretched crooked
    hatred""".split()
)
# Verbs whose own type yields to the type of their object ("announced sanctions").
LIGHT_VERBS = frozenset(
    """announce unveil approve pledge issue declare hold take make launch
    begin start end conduct stage carry order reach""".split()
)
# Clause words that reveal the type of a happening named by a vague verb.
TYPE_CUES = {
    "troops": "military",
    "forces": "military",
    "missiles": "military",
    "missile": "military",
    "drones": "military",
    "warplanes": "military",
    "siege": "military",
    "rockets": "military",
    "by phone": "call",
    "phone": "call",
    "telephone": "call",
    "video call": "call",
    "sanctions": "sanctions",
    "tariffs": "sanctions",
    "protesters": "protest",
    "demonstrators": "protest",
    "ballot": "election",
    "polls": "election",
}
NEGATIONS = frozenset("not n't never no neither nor without".split())
DENIAL_VERBS = frozenset("denied denies deny denying dismissed rejected refuted disputed".split())
CONDITIONAL = frozenset("if unless whether".split())


def _inflect(lemma: str) -> dict[str, str]:
    """Verb forms -> tense tag ("base", "past", "ing", "3sg")."""
    parts = lemma.split(":")
    base = parts[0]
    if len(parts) == 3:
        past, participle = parts[1], parts[2]
    elif base.endswith("e"):
        past = participle = base + "d"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past = participle = base[:-1] + "ied"
    elif base in ("ban", "plan", "step", "drop", "ship", "stop", "shop", "bid"):
        past = participle = base + base[-1] + "ed"
    else:
        past = participle = base + "ed"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"  # "goes", "vetoes"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith("ee"):
        ing = base[:-1] + "ing"
    elif base in (
        "ban",
        "plan",
        "step",
        "drop",
        "ship",
        "stop",
        "shop",
        "bid",
        "cut",
        "win",
        "shop",
        "put",
        "run",
        "begin",
    ):
        ing = base + base[-1] + "ing"
    else:
        ing = base + "ing"
    forms = {base: "base", third: "3sg", ing: "ing", past: "past"}
    forms.setdefault(participle, "past")
    return forms


@cache
def happening_nouns() -> frozenset[str]:
    """Every noun of the lexicon and its plural ("protest", "protests", "talks")."""
    return frozenset(w for w, (_, _, pos, _) in _noun_table().items() if pos == "noun")


def _noun_table() -> dict[str, tuple[str, str, str, str]]:
    table: dict[str, tuple[str, str, str, str]] = {}
    for etype, words in _NOUNS.items():
        for noun in words.split():
            table.setdefault(noun, (noun, etype, "noun", "none"))
        for noun in words.split():
            # Plurals name happenings too ("the bombings", "two killings").
            if not noun.endswith("s") and "-" not in noun[-3:]:
                plural = (
                    noun[:-1] + "ies"
                    if noun.endswith("y") and noun[-2] not in "aeiou"
                    else (noun + "es" if noun.endswith(("sh", "ch", "x")) else noun + "s")
                )
                table.setdefault(plural, (noun, etype, "noun", "none"))
    return table


@cache
def triggers() -> dict[str, tuple[str, str, str, str]]:
    """Lower-case word -> (lemma, event type, part of speech, tense tag)."""
    table = _noun_table()
    for etype, words in _VERBS.items():
        for entry in words.split():
            lemma = entry.split(":")[0]
            for form, tag in _inflect(entry).items():
                # A verb form wins over an identical noun ("visit", "attack"):
                # the part of speech is settled from context later.
                prev = table.get(form)
                if prev is None or prev[2] == "noun":
                    table[form] = (lemma, etype if prev is None else prev[1], "verb", tag)
    for word in REPORTING:
        table.setdefault(
            word, (word, "statement", "verb", "past" if word.endswith("d") else "base")
        )
    return table


# Words that make a clause finite: forms of "be" and "have", modals.
FINITE_AUX = frozenset(
    """is are was were has have had will would can could may might must should shall
    'll""".split()
)

# What marks an amount of money or a share: "$3 million", "4%", "26 cents".
FIGURE_MARKS = ("$", "%", "cents", "percent", "#", "\u00a3", "\u20ac")

# Results a company reports for a period: the nouns a compared figure is given as, and
# what "had" reports ("Harlow Mills had a net loss of $5 million").
RESULTS = frozenset(
    """loss losses profit profits income earnings net sales revenue revenues deficit surplus
    turnover""".split()
)


# Irregular past forms outside the typed lexicon: still happenings (type "other").
# Those that are never participles carry their base ("wrote" -> "write"), for a
# headline's present ("Author writes ..."); a form that is a participle too ("found",
# "paid", "laid") stays as written: "a rifle found near the house" tells of no finding
# by the rifle.
IRREGULAR_BASES = {
    past: base
    for pair in """wore:wear saw:see ran:run ate:eat drove:drive grew:grow knew:know sank:sink
    rang:ring flew:fly broke:break forgot:forget drew:draw overtook:overtake
    overthrew:overthrow rode:ride shook:shake spoke:speak stole:steal threw:throw tore:tear
    underwent:undergo withdrew:withdraw woke:wake wrote:write shrank:shrink froze:freeze
    forbade:forbid forgave:forgive""".split()
    for past, base in [pair.split(":")]
}
IRREGULAR_PAST = frozenset(IRREGULAR_BASES) | frozenset(
    """born thrown got brought caught spent stood paid hit put shot split hung fled dealt
    taught thought found meant kept felt broken chose chosen drawn fought rebuilt slid
    swept swung sought bled fed laid lit dug hid bore struck hurt""".split()
)

# Present tense of irregular past forms, for titles ("met" -> "meets").
_IRREGULAR_PAST = frozenset("told said made took gave led won met sent held".split())


# Base forms of the common irregular past forms no event verb has ("gave" -> "give"),
# for a headline's present when such a verb follows a dated noun ("The vote on Sunday
# gave the party a majority": "Vote gives the party a majority").
PLAIN_PAST_BASES = {
    past: base
    for pair in """gave:give took:take made:make brought:bring sent:send left:leave
    put:put set:set kept:keep drew:draw won:win lost:lose cost:cost""".split()
    for past, base in [pair.split(":")]
}


def known_lemmas() -> frozenset[str]:
    """Every verb and noun lemma of the lexicon."""
    return _known_lemmas()


@cache
def _known_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _, _, _ in triggers().values())


def known_verb(lemma: str) -> bool:
    """Whether the lexicon knows this verb's forms (others are never inflected)."""
    return lemma in _lemma_entries()


_ONE_SYLLABLE_PLAIN = (
    r"[^aeiouy]*(?:[aeiou]{2}[dtnlmkprfb]|[aeiou](?:[lr][dtkmpbnf]|n[dtk]|m[pb]|s[tkp]|ck|ft|"
    r"ct|pt|xt))ed"
)


# Past forms whose base English spelling makes certain: no English verb ends in
# "v", "c", "dg" or "rg", so "moved", "announced", "judged", "urged" only added a
# "d"; doubled "ss" and "zz" were kept whole. Each rule: (the word's ending, how
# many letters to drop, examples as past:base, which run as tests). Vowel pairs
# before the ending ("headed", "poured") and unsure endings ("visited",
# "honored", "focused") are left out.
SPELLED_BASES: tuple[tuple[re.Pattern[str], int, str], ...] = tuple(
    (re.compile(ending + "$"), cut, examples)
    for ending, cut, examples in (
        (r"[^aeiou][aeiou]ved", 1, "moved:move approved:approve"),
        (r"[lr]ved", 1, "solved:solve served:serve resolved:resolve"),
        (r"ced", 1, "announced:announce forced:force reduced:reduce"),
        (r"[dlr]ged", 1, "judged:judge urged:urge merged:merge bulged:bulge"),
        (r"[^aeiou][aei]ged", 1, "managed:manage engaged:engage obliged:oblige"),
        (r"(?:ch|r)anged", 1, "exchanged:exchange changed:change arranged:arrange"),
        (r"unged", 1, "plunged:plunge expunged:expunge"),
        (r"[iy]zed", 1, "criticized:criticize seized:seize analyzed:analyze"),
        (r"(?:[^aeiou]|[iu])ated", 1, "negotiated:negotiate stated:state evacuated:evacuate"),
        (r"[^aeiou][aeiou]ded", 1, "decided:decide invaded:invade concluded:conclude"),
        (r"[^aeiou]uted", 1, "executed:execute disputed:dispute"),
        (r"[^aeiou]ured", 1, "secured:secure captured:capture"),
        (r"[ai]sed", 1, "raised:raise praised:praise revised:revise based:base"),
        (r"[^aeiou]osed", 1, "closed:close proposed:propose imposed:impose"),
        (r"eased", 1, "released:release increased:increase"),
        (r"[nrp]sed", 1, "licensed:license reversed:reverse collapsed:collapse"),
        (r"ssed", 2, "passed:pass discussed:discuss"),
        # No English verb ends in these letters plus "e": the "ed" was only added.
        (
            r"(?:nd|rt|lt|ct|pt|rn|rm|ll|ck|sh|ch|nk|lk|rk)ed",
            2,
            "defended:defend "
            "started:start resulted:result elected:elect adopted:adopt warned:warn "
            "formed:form killed:kill attacked:attack pushed:push launched:launch "
            "thanked:thank walked:walk marked:mark",
        ),
        (r"[^a]sted", 2, "arrested:arrest protested:protest insisted:insist"),
        (
            r"(?:[aeo]y|[eo]w)ed",
            2,
            "played:play surveyed:survey deployed:deploy showed:show reviewed:review",
        ),
        (r"(?:ain|ear)ed", 2, "explained:explain appeared:appear"),
        (r"zzed", 2, "buzzed:buzz"),
    )
)


def base_of_past(word: str) -> str | None:
    """The base form of a regular past form outside the lexicon, only when it is certain.

    "wrapped" -> "wrap", "certified" -> "certify", "fined" -> "fine"; "opened" (open?
    opene?) -> None.

    >>> [base_of_past(w) for w in ("travelled", "cancelled", "compelled", "shelled", "quelled")]
    ['travel', 'cancel', 'compel', 'shell', 'quell']
    >>> [base_of_past(w) for w in ("totalled", "signalled", "equalled", "fuelled", "controlled")]
    ['total', 'signal', 'equal', 'fuel', 'control']
    >>> [base_of_past(w) for w in ("patrolled", "installed", "stalled", "called", "rolled")]
    ['patrol', 'install', 'stall', 'call', 'roll']
    """
    if word in IRREGULAR_BASES:
        return IRREGULAR_BASES[word]  # "laid" -> "lay": irregular, and certain
    if len(word) > 5 and word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("created"):
        return word[:-1]  # "created", "recreated": two syllables, not "treated"
    if re.fullmatch(r"[a-z]*[aeiou][a-z]*[^aeiou]icked", word):
        return word[:-3]  # "panicked", "mimicked": a "k" was added; not "clicked"
    if (
        len(word) > 6
        and word.endswith("ed")
        and word[-3] == word[-4]
        and word[-3] in "bgmnpt"
        and word[-5] in "aeiou"
        and word[-6] not in "aeiou"
    ):
        return word[:-3]
    if re.fullmatch(_ONE_SYLLABLE_PLAIN, word):
        # One syllable ending in two vowels and a consonant ("tweeted", "claimed") or a
        # vowel and two consonants ("jumped", "landed"): nothing was dropped.
        return word[:-2]
    if re.fullmatch(r"(?!.*qu)[a-z]*[aeiou][a-z]*[^aeiouy]elled", word):
        # British doubling after an unstressed "el" ("travelled", "cancelled",
        # "labelled") or a stressed one ("compelled"): the base has one "l"; not
        # one-syllable "smelled" or "shelled".
        return word[:-3]
    if _british_doubled_l(word):
        return word[:-3]
    for pattern, cut, _examples in SPELLED_BASES:
        if len(word) > 4 and pattern.search(word):
            return word[:-cut]
    if re.fullmatch(r"[^aeiouy]*[aeiou][^aeiouwxy]ed", word):
        # One syllable, one vowel, one consonant: the silent "e" went ("fined" -> "fine",
        # "voted" -> "vote"); "opened", "jumped", "rained" are not this shape.
        return word[:-2] + "e"
    return None


def _british_doubled_l(word: str) -> bool:
    """A British "-lled" past form whose base has one "l" (beside "-elled", above): an
    unstressed "-al" after a vowel and one consonant other than "s", or after "i" or
    "qu" ("totalled", "pedalled", "marshalled", "dialled", "equalled"; "installed",
    "stalled", "called" have "-all"); "-uel" ("fuelled"); the stressed "-trol" and
    "-tol" ("controlled", "patrolled", "extolled"; "rolled", "polled" have "-oll")."""
    if word.endswith("alled"):
        stem = word[:-5]
        if stem.endswith("qu"):
            return any(c in "aeiou" for c in stem[:-2])  # "equalled"; not "squalled"
        if stem.endswith("i"):
            return len(stem) > 1  # "dialled", "trialled"
        return (
            len(stem) >= 2
            and stem[-1] in "dnvht"
            and stem[-2] in "aeiou"
            or len(stem) >= 3
            and stem[-2:] in ("gn", "sh", "rt", "nt")
            and any(c in "aeiou" for c in stem[:-2])
        )
    if word.endswith("uelled"):
        return not word.endswith("quelled")
    return word.endswith(("ntrolled", "atrolled", "xtolled"))


def third_person(lemma: str) -> str:
    if lemma == "have":
        return "has"
    return next((f for f, t in _inflect_lookup(lemma).items() if t == "3sg"), lemma + "s")


@cache
def _lemma_entries() -> dict[str, str]:
    out: dict[str, str] = {}
    for words in _VERBS.values():
        for entry in words.split():
            out.setdefault(entry.split(":")[0], entry)
    return out


def _inflect_lookup(lemma: str) -> dict[str, str]:
    return _inflect(_lemma_entries().get(lemma, lemma))


def participle(lemma: str) -> str:
    if lemma not in _lemma_entries() and (lemma.endswith("ed") or lemma in _IRREGULAR_PAST):
        return lemma  # already a past form (a verb outside the lexicon)
    entry = _lemma_entries().get(lemma, lemma)
    parts = entry.split(":")
    if len(parts) == 3:
        return parts[2]
    return next(f for f, t in _inflect(entry).items() if t == "past")
