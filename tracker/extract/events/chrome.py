"""Page furniture and talk that tell no happening: the stamps of a web page, questions,
teasers and calls to the reader.

News pages carry their own furniture: "(Updated 7:40 p.m.)" before each entry of a
live blog, "Posted by: reader | May 2, 2024 10:53 AM" under each comment, "Here's
what we know", "Click to watch". A question ("Where does Egypt go from here?") asks,
it does not report. None of these is an event, whatever date stands in it.
"""

from __future__ import annotations

import re

from tracker.extract.events.scan import may_hold

# A stamp word opening its line (or a bracket, or a "|" field), then up to a few words
# ("by: reader |", "on", "at") before the date: the date stamps the page, not a happening.
# Capitalised only: "the video was posted on Monday" reports a happening.
_STAMP_BEFORE = re.compile(
    # (A stamp opens the text or one of these characters: a quick test at each one.)
    r"(?:^|(?=[\n(|P]))(?:"
    r"(?:(?:^|\n|\(|\|)\s*(?:Last\s+)?(?:Updated|Posted|Published|Modified|Edited|Filed)\b|"
    r"\bPosted\s+by\b)[^\n.]{0,40}$|"  # a comment's "Posted by: reader |" stands anywhere
    r"\(\s*Updated\b[^\n]{0,40}$"  # "(Updated 7:40 p.m. (0240 GMT))": the second time too
    r")"
)
# A question: the sentence ends with "?" (a closing quote or bracket may follow).
_QUESTION = re.compile(r"\?[\"'\u201d\u2019)\]\s]*$")
# Teasers and calls to the reader: "Here's what we know", "Click the link", "Watch:",
# "Read more", "Share your photos", "Sign up", "Join us", "What you need to know".
_DATELINE = r"(?:[A-Z][A-Z .,'-]{2,}(?:\s+\([A-Za-z]+\))?\s*(?:_|--|\u2014)\s*)"
_TEASER_WORDS = (
    r"(?:Here(?:'s|\u2019s|\s+is|\s+are)\s+(?:what|how|why|who|where|when|the\s+latest)\b|"
    r"Click\b|Tap\s+(?:here|to)\b|Watch\s*:|Listen\s*:|Read\s+(?:more|full|our)\b|"
    r"Share\s+your\b|Sign\s+up\b|Subscribe\b|Join\s+us\b|Follow\s+us\b|"
    # the reader or viewer asked to send, look or listen ("Send us your photos", "Take a
    # listen to what she told us", "Watch the video"): an invitation, not news
    r"(?:Send|E-?mail|Tell|Show)\s+(?:us|me)\b|Send\s+(?:in\s+)?your\b|"
    # a host leading the viewer on ("Let me play you what she said", "Let's bring in ...");
    # not a speaker's own point ("Let me be clear: ...")
    r"Let(?:'s|\s+(?:me|us))\s+(?:play|show|bring|ask|turn|go|get|start|remind|read)\b|"
    r"(?:Take|Have)\s+a\s+(?:closer\s+)?(?:look|listen)\b|Have\s+your\s+say\b|"
    r"(?:Watch|View|Listen\s+to)\s+(?:the|this|our|more)\s+(?:video|clip|footage|"
    r"interview|gallery|photos?|report)\b|"
    r"What\s+you\s+need\s+to\s+know\b|"
    # a broadcast's host bringing in a guest: "Joining me now from Cairo is ..."
    r"(?:And\s+)?Joining\s+(?:me|us)\b|"
    # "Following are excerpts from ...", "Here is the text of ...": a text that comes next
    r"(?:The\s+)?Following\s+(?:is|are)\b|Here\s+(?:is|are)\s+(?:the\s+)?(?:text|excerpts?|transcripts?|statements?)\b)"
)
_TEASER = re.compile(rf"^\W*{_DATELINE}?{_TEASER_WORDS}", re.IGNORECASE)
# The same without a dateline, for sentences that hold none of its dashes: trying a
# dateline there would read the whole sentence, and back, only to fail.
_PLAIN_TEASER = re.compile(rf"^\W*{_TEASER_WORDS}", re.IGNORECASE)


# A reporter's credit ("Ann Ross in Oslo contributed to this article") and a source out
# of reach ("Lawyers for the bank weren't available for comment"): nothing happened. (A
# refusal, "declined to comment", is an act of its own.)
_NO_NEWS = re.compile(
    r"\b(?:contributed\s+(?:reporting\s+)?to\s+this\s+(?:article|report|story)|"
    r"(?:was|were|is|are)(?:n't|\s+not)\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment|"
    r"could(?:n't|\s+not)\s+(?:immediately\s+)?be\s+reached\s+for\s+comment)\b",
    re.IGNORECASE,
)
_NO_NEWS_WORDS = ("contributed", "available", "reached")  # `_NO_NEWS` needs one of them
# A web chat with a reporter or an analyst ("Ann Ross was online Monday at 2 p.m. to
# discuss ...", "will be online to take your questions"): the page promotes itself,
# however long the list of topics.
_CHAT = re.compile(
    r"\b(?:was|were|is|are|will\s+be)\s+online\b[^\n]{0,50}?\bto\s+"
    r"(?:discuss|answer|chat|talk|offer|take\s+(?:your\s+)?questions)\b",
    re.IGNORECASE,
)


def is_stamp(text: str, start: int) -> bool:
    """The date at ``start`` stamps the page: "(Updated 7:40 p.m.)", "Posted by: X | <date>".

    >>> is_stamp("(Updated 7:40 p.m. (0240 GMT))", 9)
    True
    >>> is_stamp("(Updated 7:40 p.m. (0240 GMT))", 20)
    True
    >>> is_stamp("The video was posted on Monday", 24)
    False
    >>> is_stamp('we earn it" Posted by: reader | May 2, 2024 10:53 AM', 32)
    True
    """
    return bool(_STAMP_BEFORE.search(text, max(0, start - 60), start))


def tells_nothing(sentence: str) -> bool:
    """A question, a teaser or a call to the reader: no happening to put on a timeline.

    >>> tells_nothing("Where does Egypt go from here?")
    True
    >>> tells_nothing("Here's what we talked about on Friday.")
    True
    >>> tells_nothing("LISBON _ Following are excerpts from the minister's speech on Tuesday.")
    True
    >>> tells_nothing("Officials at the ministry weren't available for comment on Monday.")
    True
    >>> tells_nothing("Ann Ross in Oslo contributed to this article.")
    True
    >>> tells_nothing("Ann Ross was online Monday, Oct. 6 at 1 p.m. ET to discuss the vote.")
    True
    >>> tells_nothing("Joining me now from Oslo is our correspondent.")
    True
    >>> tells_nothing("Send us your photos of Friday's storm.")
    True
    >>> tells_nothing("Take a listen to what one farmer told us on Friday.")
    True
    >>> tells_nothing("Watch the video of Tuesday's launch.")
    True
    >>> tells_nothing("Oslo will send its envoy to the talks on Friday.")
    False
    >>> tells_nothing("Let me be clear: the troops will leave on Friday.")
    False
    >>> tells_nothing("Let me play you what the minister said on Thursday.")
    True
    >>> tells_nothing("Take the vote on Friday: 40 of 60 members backed the plan.")
    False
    >>> tells_nothing("Egypt's envoy asked on Monday whether talks could resume.")
    False
    >>> tells_nothing("The bank's customers were online on Monday to check their balances.")
    False
    """
    s = sentence.strip()
    if may_hold(s, ("online",)) and _CHAT.search(s):  # `_CHAT` needs the word
        return True
    if may_hold(s, _NO_NEWS_WORDS) and _NO_NEWS.search(s) and len(s.split()) <= 16:
        return True  # a short sentence of no news; a longer one may tell more
    teaser = _TEASER if "_" in s or "--" in s or "\u2014" in s else _PLAIN_TEASER
    return bool(_QUESTION.search(s) or teaser.match(s))
