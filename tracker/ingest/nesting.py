"""How deeply an HTML page's tags nest, counted without parsing it.

libxml2 (under lxml) stops building the tree about 255 levels down and drops
what lies below, so a page whose text sits deeper reads as empty. Saying "no
extractable text" then would be wrong: the page is too deeply nested. The count
is one pass over the tags; elements that never nest (void elements, and those
whose end tag may be left out, like <p> and <li>) are not counted.
"""

from __future__ import annotations

import re

#: Deeper than this, lxml loses the content (measured: html, body and 253 divs read).
MAX_DEPTH = 250

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup rp rt".split()
)


def depth(markup: str) -> int:
    """The deepest nesting of open tags in ``markup`` (an estimate that never parses)."""
    level = deepest = 0
    for match in _TAG.finditer(markup):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _NOT_NESTING:
            continue
        if closing:
            level = max(level - 1, 0)
        else:
            level += 1
            deepest = max(deepest, level)
    return deepest


def too_deep(markup: str) -> bool:
    return depth(markup) > MAX_DEPTH
