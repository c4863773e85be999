"""Title, participants and place of one happening, from its own clause."""

from __future__ import annotations

import bisect
import re

from tracker.extract.events.actors import ActorMention, unique_actors, used_mid_sentence
from tracker.extract.events.article import Article, count_words, spans_within
from tracker.extract.events.clauses import Sentence, Trigger
from tracker.extract.events.gazetteer import gazetteer
from tracker.extract.events.lexicon import happening_nouns, triggers
from tracker.extract.events.pronouns import FallbackActor
from tracker.extract.events.titles import build_title


def describe(
    art: Article,
    host: Sentence,
    trig: Trigger,
    mod: str,
    own: tuple[int, int],
    frame: Trigger | None,
) -> tuple[str, tuple[str, ...], tuple[str, ...], str | None]:
    """Title, participants (with kinds) and place of the happening at ``trig``."""
    text = art.text
    clause_range = _clause_range(host, trig)
    mentions = art.actors.within(*clause_range)
    mentions = [m for m in mentions if not (own[0] <= m.start < own[1])]
    if not any(m.kind == "person" for m in mentions):
        # The doer may sit outside the clause ("Putin, who ..., addressed").
        near = [m for m in art.actors.within(host.start, clause_range[0]) if m.kind == "person"]
        mentions = near[-1:] + mentions
    actors, kinds = unique_actors(mentions)
    loc = _location(art, host, trig, clause_range)
    skip = spans_within(art.date_spans, host.start, host.end)
    fallback = FallbackActor(art, trig.token.start, actors, kinds)
    people = {
        text[m.start : m.end]: m.name
        for m in art.actors.within(host.start, host.end)
        if m.kind == "person"
    }
    # Bodies a title may put first ("Three Black Guard soldiers"); a people is not one
    # ("Thousands of Peruvians" stays so, never "Peru thousands").
    groups = {
        text[m.start : m.end]: m.name
        for m in art.actors.within(host.start, host.end)
        if m.kind == "org" or (m.kind == "country" and text[m.start : m.end] == m.name)
    }
    fallback.person = None
    fallback.parties = ("", [])
    said: list[str] = []
    title = build_title(
        text,
        host,
        trig,
        mod,
        skip,
        fallback,
        people,
        art.actors.short_name,
        own=own,
        groups=groups,
        frame=frame,
        words=said,
    )
    title = without_existential(without_period_label(title))
    named = _named_body(art, title, trig.token.start)
    if named is not None:
        # "The bank last raised rates": the bank the article named before.
        title = named + title[len(_BODY.match(title).group()) :]  # type: ignore[union-attr]
        if named not in actors:
            actors, kinds = (named, *actors), ("org", *kinds)
    actors, kinds = _participants(art, " ".join([title, *said]), mentions, actors, kinds)
    if fallback.person and fallback.person not in actors:
        # "On Sunday he visited Manaus": the person "he" stands for takes part.
        actors, kinds = (fallback.person, *actors), (fallback.kind, *kinds)
    written, parties = fallback.parties
    new = [(n, k) for n, k in parties if n not in actors] if written in title else []
    if new:  # "They signed a pact": the parties "they" stands for take part
        actors = (*(n for n, _k in new), *actors)
        kinds = (*(k for _n, k in new), *kinds)
    return title, actors, kinds, loc


# An agent, a partner or a party named in a phrase of its own: participants too.
_AGENT_BEFORE = re.compile(
    r"\b(?:by|with|between|alongside|against)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){0,4}$"
)
_JOINS_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,1}\s+(?:attended|joined|took part|participated|were present)\b"
)


def _participants(
    art: Article,
    title: str,
    mentions: list[ActorMention],
    actors: tuple[str, ...],
    kinds: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The actors the event's own words name: subject, verb and object, as the title
    keeps them ("Blinken meets Lavrov in Ankara"), not every name in the clause (a
    list of attendees, the subject of an aside). When the title names none of
    them (a pronoun subject, a noun title), the clause's actors stay."""
    named: set[str] = set()
    text = art.text
    for m in mentions:
        forms = {text[m.start : m.end], m.name, *art.actors.aliases_of(m.name)}
        if any(count_words(title, f) for f in forms if f):
            named.add(m.name)
        elif _AGENT_BEFORE.search(text, max(0, m.start - 60), m.start) or _JOINS_AFTER.match(
            text, m.end
        ):
            named.add(m.name)  # "hosted by Lula", "talks with Iran", "NATO officials attended"
    if not named:
        return actors, kinds
    keep = [k for k, n in enumerate(actors) if n in named]
    return tuple(actors[k] for k in keep), tuple(kinds[k] for k in keep)


def _clause_range(sent: Sentence, trig: Trigger | None) -> tuple[int, int]:
    if trig is None or not sent.tokens:
        return sent.start, sent.end
    c = sent.clause_of[trig.index]
    idx = [k for k, cl in enumerate(sent.clause_of) if cl == c]
    return sent.tokens[idx[0]].start, sent.tokens[idx[-1]].end


def _location(
    art: Article, sent: Sentence, trig: Trigger | None, rng: tuple[int, int]
) -> str | None:
    places = art.actors.places_within(*rng)
    if not places:
        return None
    if trig is not None:
        after = [p for p in places if p.start > trig.token.start]
        if after:
            return after[0].name
    return places[0].name


# "for the nine months ended" once its closing day is cut from a title: a label left
# without the day it names.
_PERIOD_LABEL = re.compile(
    r"\s+(?:for|in|during|over)\s+(?:(?:the|its|their)\s+)?(?:(?:[\w-]+\s+){0,2}?"
    r"(?:months|weeks|year|quarter|period|half)\s+)?(?:that\s+)?ended\b(?=\s|$)",
    re.IGNORECASE,
)


def without_period_label(title: str) -> str:
    """The title without a period label whose day the title leaves out.

    >>> without_period_label("Net income for the nine months ended falls 4%")
    'Net income falls 4%'
    >>> without_period_label("Sales for its ended rose 3%")
    'Sales rose 3%'
    >>> without_period_label("Ostmark Bank earns $3 million in the quarter")
    'Ostmark Bank earns $3 million in the quarter'
    """
    return _PERIOD_LABEL.sub("", title)


# "There were five attacks across the north": what there was is the headline.
_EXISTENTIAL = re.compile(r"^There (?:was|were|is|are|has been|have been) (?=\S+ \S)")


def without_existential(title: str) -> str:
    """The title without an opening "there was" (a headline names what there was).

    >>> without_existential("There were no less than four attacks across the north")
    'No less than four attacks across the north'
    >>> without_existential("There is hope")
    'There is hope'
    """
    rest = _EXISTENTIAL.sub("", title)
    return rest[:1].upper() + rest[1:] if rest != title else title


# Words no headline opens with: a verb or a link word left from a clause whose subject
# was lost ("Is nothing more than ...", "Than the ...", "Just released by ...").
_NO_HEADLINE_START = frozenset(
    """is was were are has had have than to just of and but or for with as from since
    until after before when while because although though if least""".split()
)


def untold(title: str) -> bool:
    """The title tells no one doing anything: a bare noun ("Missile"), or it opens
    with a gerund or a word no headline starts with ("Shifting against the war",
    "Than the ..."). Such entries rank below those that can be told.

    >>> [untold(t) for t in ("Missile", "Shifting against the war", "Is nothing more", "Joining me")]
    [True, True, True, True]
    >>> untold("It is assumed"), untold("It was a good year for the port of Tarsa")
    (True, False)
    >>> [untold(t) for t in ("Kask resigns", "Talks collapse in Oslo", "Boeing wins order")]
    [False, False, False]
    >>> untold("Joins in the march on the palace"), untold("Protests spread to Suez")
    (True, False)
    """
    words = title.split()
    if len(words) <= 1:
        return True
    if len(words) <= 4 and [w.lower() for w in words[:2]] in (["it", "is"], ["it", "was"]):
        return True  # "It is assumed": a hedge whose content was cut off tells nothing
    first = words[0]
    if first.lower() in _NO_HEADLINE_START:
        return True
    entry = triggers().get(first.lower())
    if (
        entry is not None
        and entry[2:] == ("verb", "3sg")
        and first.lower() not in happening_nouns()
        and first[1:].islower()
    ):
        return True  # "Marks the last quarter", "Joins in the march": its subject was lost
    # A gerund goes on with its object or an adverb ("Reviewing the lack ..."); a name
    # that ends the same way goes on with a verb ("Boeing wins", "Beijing says").
    second = words[1].lower()
    return (
        first.endswith("ing")
        and first[1:].islower()
        and (second in _GERUND_NEXT or second.endswith("ly"))
    )


_GERUND_NEXT = frozenset(
    "the a an his her its their our to into on in at for with up out down off against me us him them you it".split()
)


_BODY_REACH = 200  # mentions a "the bank" looks back over

# A body named by its kind at the head of a title ("The bank raises rates").
_BODY = re.compile(r"^The (bank|company|firm|airline|carrier|ministry|agency|council|court)\b")


def _named_body(art: Article, title: str, offset: int) -> str | None:
    """The organisation "the bank" or "the company" stands for at the head of a title:
    the nearest one named before ``offset`` whose name ends with that word ("Baltic
    Central Bank"), or, for "company", "firm" and "carrier", the company the article is
    about when it is about one. None when no such body was named."""
    m = _BODY.match(title)
    if m is None:
        return None
    noun = m.group(1)
    # The last mentions before it, a bounded look back (an article of thousands of
    # names and titles costs the same per title).
    i = bisect.bisect_left(art.actors.starts, offset)
    mentions = art.actors.mentions[max(0, i - _BODY_REACH) : i]
    for mention in reversed(mentions):
        words = mention.name.split()
        if mention.kind == "org" and words[-1].lower() == noun:
            return mention.name
    if noun in ("company", "firm", "carrier", "airline"):
        if len(art.story_subjects) == 1:
            (subject,) = art.story_subjects
            return subject
        # Else the company named last in the sentences just before: a body found by
        # its shape ("Ostmark Group"), not one of the gazetteer's (NATO, the UN).
        since = art.spans[max(0, art.index(offset) - 2)][0]
        entries = gazetteer().entries
        for mention in reversed(mentions):
            if mention.start < since:
                break
            if (
                mention.kind == "org"
                and mention.name not in entries
                and _company_like(art, mention.name)
            ):
                return mention.name
    return None


def _company_like(art: Article, name: str) -> bool:
    """A name of two words or more, or a single word the text also uses as a name
    mid-sentence ("shares of Orvane fell"): not a word capitalised only because it
    opens a sentence ("Revenue rose", "Wall Street")."""
    if " " in name:
        return not name.endswith(" family")  # "the Bass family" is people, no company
    known = art.name_facts.get(name)
    if known is None:
        known = art.name_facts[name] = used_mid_sentence(art.text, name)
    return known
