"""Tense and direction cues around an expression.

A relative expression such as "Friday" or "in January" points back or forward
depending on its clause: "will", "is set to", "plans to", "next", "upcoming"
point forward; past-tense verbs, "ago", "last" point back. The cue nearest to
the expression wins, so in "said Monday it will ..." the reporting verb decides,
and in "said the vote will be held on Monday" the "will" does.
"""

from __future__ import annotations

import re

# Clause limits; quotation marks count, so that the reporting verb outside a
# quote ("We will meet on Friday," he said) does not decide the tense inside it.
_CLAUSE_END = re.compile(r"[.;!?\n]\s|[\n\"\u201c\u201d]|``|''")
_CLAUSE_MARK = re.compile(r"[.;!?]\s|[\n\"\u201c\u201d]|``|''")
_FUTURE = (
    r"will|won't|wo\s+n't|'ll|shall|is\s+set\s+to|are\s+set\s+to|set\s+to|plans?\s+to|planning\s+to|"
    r"scheduled|expected\s+to|expects?\s+to|going\s+to|due\s+to|upcoming|next|coming|intends?\s+to|"
    r"aims?\s+to|hopes?\s+to|is\s+to|are\s+to|would|tomorrow|later\s+this|plan(?:s|ned|ning)?|"
    r"as\s+soon\s+as|as\s+early\s+as|expected|scheduled|preparing\s+to|ready\s+to|payable|effective|due|"
    r"postponed\s+until|delayed\s+until|until|"
    r"to\s+(?:be|begin|start|hold|meet|vote|visit|take|open|launch|announce|report|release|resume|end)|"
    # present-tense schedule verbs: "the president travels to Paris on Monday"
    r"meets|begins|starts|opens|travels|visits|leaves|arrives|returns|faces|heads|resumes|"
    r"convenes|expires|flies"
)
_PAST = (
    r"was|were|had|did|said|told|ago|last|earlier|yesterday|has\s+been|have\s+been|since|"
    r"ha(?:s|ve)\s+(?:not\s+|already\s+|also\s+|just\s+)?\w+(?:ed|en|wn|ne|ome|un|t)|"
    r"announced|reported|closed|rose|fell|came|went|began|took|made|met|held|won|lost|left|"
    r"gave|got|saw|became|spoke|wrote|sold|bought|paid|ran|led|struck|hit|killed|found|"
    r"brought|thought|caught|sought|fought|kept|felt|meant|sent|spent|built|told|stood|rose|"
    r"chose|broke|drew|grew|threw|knew|flew|shot|fled|sank|won|lost|began|ago|"
    # regular past tenses, lower case only so that "United" or "Ted" do not count
    r"(?-i:(?!(?:need|indeed|speed|seed|feed|breed|proceed|exceed|succeed|bed|red|hundred|shed|"
    r"sacred|naked|wicked|kindred|embed|ted)\b)[a-z]{2,}ed)"
)
_CUE = re.compile(rf"\b(?:(?P<fut>{_FUTURE})|(?P<past>{_PAST}))\b", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int, limit: int = 150) -> tuple[int, int]:
    """Start and end of the clause around text[start:end], at most ``limit`` chars each way."""
    lo = max(0, start - limit)
    cs = lo
    for m in _CLAUSE_MARK.finditer(text, lo, start):
        cs = m.end()
    right = text[end : end + limit]
    m = _CLAUSE_END.search(right)
    ce = end + (m.start() if m else len(right))
    return cs, ce


def direction(text: str, start: int, end: int) -> int:
    """-1 if the clause around text[start:end] talks about the past, +1 the future, 0 unknown."""
    cs, ce = clause_bounds(text, start, end)
    best: tuple[int, int] | None = None
    for m in _CUE.finditer(text, cs, ce):
        if start <= m.start() < end:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        # Cues before the expression bind a bit more tightly in English word order.
        if m.start() >= end:
            dist += 8
        d = 1 if m.lastgroup == "fut" else -1
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else 0
