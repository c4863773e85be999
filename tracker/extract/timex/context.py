"""Tense and direction cues around an expression.

A relative expression such as "Friday" or "in January" points back or forward
depending on its clause: "will", "is set to", "plans to", "next", "upcoming"
point forward, and so do present-tense schedule verbs ("the summit closes on
Sunday"); past-tense verbs, "ago", "last" point back. The nearest cue before
the expression wins, so in "said Monday it will ..." the reporting verb decides,
in "said the vote will be held on Monday" the "will" does, and in "met Putin in
Moscow on Monday to discuss plans" the "met" does. Deadlines ("until
Tuesday") point forward unless told in the past perfect.
"""

from __future__ import annotations

import re

# Clause limits; quotation marks count, so that the reporting verb outside a
# quote ("We will meet on Friday," he said) does not decide the tense inside it.
_CLAUSE_END = re.compile(r"[.;!?\n]\s|[\n\"\u201c\u201d]|``|''")
_CLAUSE_MARK = re.compile(r"[.;!?]\s|[\n\"\u201c\u201d]|``|''")
_FUTURE = (
    r"will|won't|wo\s+n't|'ll|shall|is\s+set\s+to|are\s+set\s+to|set\s+to|plans?\s+to|planning\s+to|"
    r"ha(?:s|ve|d)\s+(?:scheduled|planned|set)|"
    r"ha(?:s|ve|d)\s+(?:decided|agreed|voted|promised|pledged|vowed|threatened|resolved)\s+to|"
    r"(?:decide|agree|vote|promise|pledge|vow|threaten|resolve)(?:s|d)?\s+to|"
    r"(?:set|slated|pencil+ed\s+in)\s+for|slated\s+to|"
    r"(?:forecast(?:ed)?|predicted|projected|poised|likely|unlikely|on\s+track)\s+to|"
    r"scheduled|expected\s+to|expects?\s+to|going\s+to|due\s+to|upcoming|next|coming|intends?\s+to|"
    r"aims?\s+to|hopes?\s+to|is\s+to|are\s+to|would|tomorrow|later\s+this|"
    # "planned", "plans"; not the noun after its determiner ("rejected the plan on Friday")
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bthis\s)"
    r"plan(?:s|ned|ning)?|"
    r"as\s+soon\s+as|as\s+early\s+as|expected|scheduled|preparing\s+to|ready\s+to|payable|effective|due|"
    r"(?:postponed|delayed|extended|adjourned|runs?|lasts?)\s+until|"
    r"(?:postponed|delayed|adjourned|pushed\s+back|rescheduled|deferred|put\s+off)\s+"
    r"(?:to|till)|"
    r"to\s+(?:be|begin|start|hold|meet|vote|visit|take|open|launch|announce|report|release|resume|end|"
    r"reopen|complete|finish|sign|publish|deliver|decide|arrive|travel|host|introduce|"
    r"implement|impose|submit|present|unveil|rule|reach|become)|"
    # present-tense schedule verbs: "the president travels to Paris on Monday",
    # "the summit, which closes on Sunday"
    r"meets|begins|starts|opens|travels|visits|leaves|arrives|returns|faces|heads|resumes|"
    r"com(?:es|e)\s+into\s+(?:force|effect)|takes?\s+effect|appl(?:y|ies)\s+from|"
    r"convenes|expires|flies|ends|closes|concludes|finishes|runs|kicks\s+off|wraps\s+up|"
    r"takes\s+place|gets\s+under\s+way|is\s+held|are\s+held|is\s+due|are\s+due|"
    r"go(?:es)?\s+on\s+sale|"
    r"(?:is|are|am)\s+going\s+to"
)
# The present progressive points ahead only when it governs the date closely
# ("the ministers are meeting on Monday"), not as a distant background verb
# ("said the group is still hoping to find a buyer, under a June accord").
_PROGRESSIVE = r"(?:is|are|am)\s+(?:not\s+)?(?!being\b)[a-z]{2,}ing|'re\s+[a-z]{2,}ing"
_PROGRESSIVE_REACH = 30
# Bare plural present of schedule verbs ("the two leaders meet Monday") is as
# close-bound; "did not meet", "to meet" and "will meet" are found by other
# cues. Verbs that double as nouns ("the close of business Thursday") are left out.
_PLURAL_SCHEDULE = (
    r"(?<!\bdid\s)(?<!\bnot\s)(?<!n't\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)"
    r"(?<!\ba\s)(?<!\bthe\s)(?:meet|travel|arrive|convene|gather|resume|go|fly|compete|open)"
)
_PAST = (
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)(?<!\bbeen\s)(?:"  # passive "will be paid"
    r"was|were|had|did|said|told|ago|last|earlier|yesterday|has\s+been|have\s+been|since|"
    r"ha(?:s|ve)\s+(?:not\s+|already\s+|also\s+|just\s+)?\w+(?:ed|en|wn|ne|ome|un|t)|"
    r"announced|reported|closed|rose|fell|came|went|began|took|made|met|held|won|lost|left|"
    r"gave|got|saw|became|spoke|wrote|sold|bought|paid|ran|led|struck|hit|killed|found|"
    r"brought|thought|caught|sought|fought|kept|felt|meant|sent|spent|built|told|stood|rose|"
    r"chose|broke|drew|grew|threw|knew|flew|shot|fled|sank|won|lost|began|ago|"
    # regular past tenses, lower case only so that "United" or "Ted" do not count;
    # after an article or "still" the form is an adjective ("a still undecided point")
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)"
    r"(?-i:(?!(?:need|indeed|speed|seed|feed|breed|proceed|exceed|succeed|bed|red|hundred|shed|"
    r"sacred|naked|wicked|kindred|embed|ted)\b)[a-z]{2,}ed))"
)
# "as planned", "previously scheduled": conformity with a plan, which says
# nothing of when the planned thing happens; the clause's own verb decides.
_AS_PLANNED = (
    r"as\s+(?:previously\s+|originally\s+|first\s+)?(?:planned|scheduled|expected)|"
    r"(?:previously|originally)\s+(?:planned|scheduled)"
)
# Every cue begins with a letter or an apostrophe ("they'll"): the lookahead turns away
# the ends of words at once, before the long alternation is tried there.
_CUE = re.compile(
    rf"\b(?=[\w'])(?:(?P<neutral>{_AS_PLANNED})|(?P<fut>{_FUTURE})|"
    rf"(?P<prog>{_PROGRESSIVE}|{_PLURAL_SCHEDULE})|(?P<past>{_PAST}))\b",
    re.IGNORECASE,
)


def clause_bounds(text: str, start: int, end: int, limit: int = 150) -> tuple[int, int]:
    """Start and end of the clause around text[start:end], at most ``limit`` chars each way."""
    lo = max(0, start - limit)
    cs = lo
    for m in _CLAUSE_MARK.finditer(text, lo, start):
        cs = m.end()
    right = text[end : end + limit]
    stop = _CLAUSE_END.search(right)
    ce = end + (stop.start() if stop else len(right))
    return cs, ce


# Words after the expression that open a new clause: the tense there governs
# another verb ("met him on Monday in a visit that will anger ...").
_SUBCLAUSE = re.compile(
    r"\b(?:that|which|who|whom|whose|where|while|because|although|though|after|before|"
    r"when|until|unless|since|if|so|but|and\s+(?:he|she|it|they|we|i|then))\b|[,:(]\s",
    re.IGNORECASE,
)

_ASIDE = re.compile(r",\s*(?:who|which|whose|whom|where)\b[^,;]{0,120},", re.IGNORECASE)
_LEAD_COMMA = re.compile(r"\s*[,:]\s*")
_HAD = re.compile(r"\bhad\s+(?:been\s+|not\s+|already\s+)?$", re.IGNORECASE)
_HAD_ANY = re.compile(r"\bhad\b", re.IGNORECASE)
# "didn't open until March", "won't open until March": what is not done before the
# date is done at it; the verb's own tense says when.
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:[^\s.;:,]+\s+){0,6}$", re.IGNORECASE)
_DEADLINE = re.compile(
    # "through January" too, but not year-to-date "this year through August"
    r"\b(?:until|till|(?<!year\s)through|by|no\s+later\s+than)\s+"
    r"(?:(?:at\s+)?(?:noon|midnight|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)\s+)?$",
    re.IGNORECASE,
)


# An infinitive after a past verb is that verb's purpose or complement, as past as it
# ("flew to Paris to meet Chirac on Friday", "made it hard to meet demand into the
# summer"); after a request or an intent it points ahead ("asked them to vote Friday").
_INFINITIVE = re.compile(r"to\s", re.IGNORECASE)
_ASKED = re.compile(
    r"\b(?:asked|urged|called|told|ordered|invited|instructed|wanted|hoped|wished|decided|"
    r"agreed|voted|promised|pledged|vowed|threatened|offered|prepared|arranged|intended|"
    r"expected|planned|needed|requested|authori[sz]ed|allowed|permitted|encouraged|"
    r"challenged|appealed|pressed|persuaded|cleared|approved|chose|elected|refused|declined)\b"
    r"(?:\s+\w+){0,4}\s*$",
    re.IGNORECASE,
)


def direction(text: str, start: int, end: int) -> int:
    """-1 if the clause around text[start:end] talks about the past, +1 the future, 0 unknown.

    In English the verb a date belongs to usually comes before it ("Orban met
    Putin in Moscow on Monday"), so the nearest cue before the expression wins;
    a cue after it counts only when none comes before, or when it is right
    next to the expression ("Monday's vote will ...") and the one before is far.
    """
    cs, ce = clause_bounds(text, start, end)
    left: tuple[int, int] | None = None
    # A relative clause between commas ("met Putin, who is expected to visit
    # Budapest, in Moscow on Monday") holds the tense of another verb.
    asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text, cs, start)]
    for m in _CUE.finditer(text, cs, start):
        dist = start - m.end()
        if dist < 0 or m.lastgroup == "neutral":
            continue
        if m.lastgroup == "prog" and dist > _PROGRESSIVE_REACH:
            continue
        if any(a <= m.start() < b for a, b in asides):
            continue
        d = -1 if m.lastgroup == "past" else 1
        if d > 0 and (m.group().lower().startswith("had") or _HAD.search(text, cs, m.start())):
            d = -1  # "had been due to expire Friday": a plan that lies in the past
        if (
            d > 0
            and left is not None
            and left[1] < 0
            and _INFINITIVE.match(m.group())
            and not _ASKED.search(text, cs, m.start())
        ):
            d = -1  # "flew to Paris to meet Chirac on Friday": the past verb's purpose
        left = (dist, d)
    # "until Tuesday", "by Friday": a deadline ahead ("has given them until
    # 9 a.m. Tuesday"), unless told in the past perfect ("Until Thursday, they
    # had not ...") or bound to the past verb right before ("lasted until Friday").
    dl = _DEADLINE.search(text, max(cs, start - 14), start)
    if (
        dl is not None
        and not text.startswith("'s", end)
        and not _HAD_ANY.search(text, cs, ce)
        and not _NEGATED.search(text[cs : dl.start()])
        and not (left is not None and left[1] < 0 and left[0] <= start - dl.start() + 1)
    ):
        return 1
    # A comma right after the expression ends an adverbial ("On Monday, the
    # king met ..."), not the clause; the next marker does. So does the colon of a
    # list entry's date ("March 3: six crew were killed ...").
    after = _LEAD_COMMA.match(text, end, ce)
    sub = _SUBCLAUSE.search(text, after.end() if after else end, ce)
    right: tuple[int, int] | None = None
    cue = next(
        (
            m
            for m in _CUE.finditer(text, end, sub.start() if sub else ce)
            if m.lastgroup != "neutral"
        ),
        None,
    )
    if cue is not None and not (cue.lastgroup == "prog" and cue.start() - end > _PROGRESSIVE_REACH):
        right = (cue.start() - end, -1 if cue.lastgroup == "past" else 1)
    if left is None:
        return right[1] if right else 0
    if right is not None and right[0] <= 2 and left[0] > 40:
        return right[1]
    return left[1]
