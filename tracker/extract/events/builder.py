"""Orchestration: dated mentions -> scored, merged timeline events.

One pass over the timexes; each sentence is tokenised at most once and the
article's actors are indexed once, so the cost grows with the article, not
with the number of events times the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from tracker.extract.events.actors import ActorMention, ArticleActors, unique_actors
from tracker.extract.events.clauses import (
    SAY_LIKE,
    Sentence,
    Trigger,
    analyse,
    choose_trigger,
    refine_type,
)
from tracker.extract.events.filters import dates_a_happening
from tracker.extract.events.lexicon import known_lemmas
from tracker.extract.events.merge import merge_events
from tracker.extract.events.modality import modality
from tracker.extract.events.news import LEAD_SENTENCES, is_lead_candidate, news_trigger
from tracker.extract.events.noise import QUIET, quiet_topic
from tracker.extract.events.scoring import after_anchor, confidence, importance
from tracker.extract.events.titles import build_title
from tracker.extract.sentences import split_sentences
from tracker.extract.types import ExtractedEvent, Timex
from tracker.model import GRANULARITIES, Granularity, Period


def spans_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sorted ``spans`` that overlap [start, end): a binary search, not a scan of
    the article's every date for every sentence (the cost must grow with the text)."""
    # Timexes never nest, so a span that overlaps begins after start - the longest one.
    i = bisect.bisect_left(spans, (start - _LONGEST_TIMEX, 0))
    out = []
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            out.append(spans[i])
        i += 1
    return out


_LONGEST_TIMEX = 200  # characters; longer date expressions do not occur


def _period(timex: Timex) -> Period | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    return Period.parse(timex.value)


def is_calendar(timex: Timex) -> bool:
    """A date a timeline entry can carry: a placeable period, not a century, a weekend
    or an interval (the ``date`` contract lists none of those)."""
    p = _period(timex)
    return (
        p is not None
        and p.granularity is not Granularity.CENTURY
        and not p.value.endswith("-WE")
        and "/" not in p.value
    )


def granularity_of(timex: Timex) -> str:
    if timex.granularity in GRANULARITIES:
        return timex.granularity
    p = _period(timex)
    if p is None:
        return "day"
    # The contract has no "half": a half-year is reported at the nearest listed granularity.
    return "quarter" if p.granularity is Granularity.HALF else str(p.granularity)


_OFFICIAL = re.compile(
    r"\b(?:[Mm]inistry|[Gg]overnment|[Mm]inister|[Pp]resident|[Ss]pokes(?:man|woman|person)|"
    r"[Ee]mbassy|[Cc]abinet|[Cc]hancellor|[Ss]ecretary|[Dd]iplomats?|[Aa]mbassador|[Ee]nvoy|"
    r"[Pp]arliament|[Cc]ouncil|[Ll]eaders?)\b"
)
_VAGUE = frozenset(("other", "statement"))
# Lexicon verbs too general to make a reported happening concrete on their own.
_GENERIC = frozenset(
    """take make hold become go come begin start end rise fall increase decrease drop gain
    lose reach mark occur happen offer post earn cut raise lower produce report file
    complete submit pass step""".split()
)
# How far a passage may run on past its date's sentence (see _continuation).
_CONTINUATION_SENTENCES = 4
_SENTENCE_END = ".!?\"'\u201d\u2019:;)"
_MAX_PASSAGE = 900


_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2})"
    r"(?:,[^\n()\u2014\u2013]{0,40}?)?[ \t]*(?:\([A-Za-z .]{1,30}\)[ \t]*)?(?:--|\u2014|\u2013|-)[ \t]"
)
_NOT_CITY = frozenset("The A By Updated Published Posted Photo Image Video Editor".split())


class _Article:
    """Lazily analysed sentences of one article."""

    def __init__(self, text: str, timexes: list[Timex]) -> None:
        self.text = text
        self.spans = split_sentences(text) or [(0, len(text))]
        self.starts = [s for s, _ in self.spans]
        self.timex_spans = sorted((t.start, t.end) for t in timexes)
        # Titles drop dates but keep durations ("to mark two years since ...").
        self.date_spans = sorted((t.start, t.end) for t in timexes if t.type in ("DATE", "TIME"))
        self._cache: dict[int, Sentence] = {}
        self.actors = ArticleActors(text)

    @property
    def dateline_city(self) -> str | None:
        """The city of a wire dateline ("BRUSSELS (Reuters) -", "Geneva, May 2 --")."""
        m = _DATELINE.search(self.text, 0, 800)
        if m is None:
            return None
        city = " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
        return city if city.split()[0] not in _NOT_CITY else None

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def is_heading(self, i: int) -> bool:
        """A headline or crosshead: a line of its own with no sentence-final punctuation.

        Wire copy often has one-sentence paragraphs, so passages may cross
        paragraphs; they never take in a heading.
        """
        start, end = self.spans[i]
        line = self.text[start:end].rstrip()
        if not line or line[-1] in _SENTENCE_END or "\n" in line:
            return False
        rest = self.text[end : end + 80].lstrip(" \t")
        return not rest or rest[0] in "\r\n"

    def sentence(self, i: int) -> Sentence:
        sent = self._cache.get(i)
        if sent is None:
            s, e = self.spans[i]
            sent = analyse(self.text, s, e, spans_within(self.timex_spans, s, e))
            self._cache[i] = sent
        return sent


def _neighbour_trigger(art: _Article, i: int, dated: set[int]) -> tuple[int, Trigger] | None:
    """A happening in the next sentence for a date whose own sentence is only a frame."""
    j = i + 1
    if j >= len(art.spans) or j in dated:
        return None
    if "\n\n" in art.text[art.spans[i][1] : art.spans[j][0]]:
        return None
    subs = [t for t in art.sentence(j).triggers if not t.reporting]
    verbs = [t for t in subs if t.pos == "verb"]
    return (j, (verbs or subs)[0]) if subs else None


_ROLES = r"(?:leaders|ministers|foreign ministers|defence ministers|defense ministers|envoys|negotiators|delegates|allies|members)"
_GROUP_TITLE = re.compile(
    rf"^(?!(?:The|A|An|Its|Their|Our|His|Her)\s)((?:[A-Z][\w.\-]*\s)+){_ROLES}\b"
)
_THE_ROLE = re.compile(rf"^The ({_ROLES})\b")


class _Groups:
    """ "G20 leaders end their summit ... The leaders adopt their declaration": the second
    title names the same body, and "their next summit" is that body's."""

    def __init__(self, art: _Article) -> None:
        self.art = art
        self.by_role: dict[str, tuple[str, str | None]] = {}
        self.last: tuple[str, str | None] | None = None

    def resolve(
        self,
        title: str,
        sent: Sentence,
        trig: Trigger,
        actors: tuple[str, ...],
        kinds: tuple[str, ...],
    ) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        m = _GROUP_TITLE.match(title)
        if m:
            role = title[m.end(1) : m.end()]
            body = m.group(1).strip()
            actor = next((a for a in actors if a == body or body in a), None)
            self.by_role[role] = self.last = (f"{body} {role}", actor)
            return title, actors, kinds
        m = _THE_ROLE.match(title)
        if m and m.group(1) in self.by_role:
            named, actor = self.by_role[m.group(1)]
            title = named + title[m.end() :]
        elif (
            self.last is not None
            and trig.pos == "noun"
            and re.search(
                rf"\b[Tt]heir\s+(?:[\w'-]+\s+){{0,3}}{re.escape(trig.token.text)}\b",
                self.art.text[sent.start : sent.end],
            )
        ):
            named, actor = self.last
            title = f"{named}' {title[:1].lower()}{title[1:]}"
        else:
            return title, actors, kinds
        if actor and actor not in actors:
            actors, kinds = (*actors, actor), (*kinds, "org")
        return title, actors, kinds


_GLUE = re.compile(r"\s*(?:,|on|of|at|in)?\s*")


def _one_per_moment(text: str, dated: list[Timex]) -> list[Timex]:
    """ "overnight on Saturday", "10 a.m. Friday": two expressions, one moment, one event.

    The coarser value is kept: it is the one the rest of the article agrees with.
    """
    drop: set[int] = set()
    for k in range(len(dated) - 1):
        a, b = dated[k], dated[k + 1]
        va, vb = a.value or "", b.value or ""
        if _GLUE.fullmatch(text, a.end, b.start) and (va.startswith(vb) or vb.startswith(va)):
            drop.add(k if len(va) > len(vb) else k + 1)
    return [t for k, t in enumerate(dated) if k not in drop]


def build_events(
    text: str, timexes: list[Timex], anchor: date | None, *, day_news: bool = True
) -> list[ExtractedEvent]:
    """Events of the article: each dated happening, and (``day_news``) what its lead
    reports without a date, dated by the article's own day (``anchor``)."""
    dated = [t for t in timexes if is_calendar(t)]
    if not dated and (not day_news or anchor is None):
        return []
    art = _Article(text, timexes)
    dated_sentences = {art.index(t.start) for t in dated}
    n_sent = len(art.spans)
    events: list[ExtractedEvent] = []
    groups_seen = _Groups(art)
    claimed: set[int] = set()  # sentences that already tell an event
    for tx in _one_per_moment(text, dated):
        si = art.index(tx.start)
        if not dates_a_happening(text, tx, art.spans[si]):
            continue
        sent = art.sentence(si)
        trig = choose_trigger(sent, tx.start, tx.end)
        if trig is None:
            continue
        frame_trig = trig
        span = art.spans[si]
        host = sent
        how = "clause" if not trig.reporting else "frame"
        if sent.clause_of[trig.index] != sent.clause_of[_tok(sent, tx.start)]:
            how = "sentence"
        content: Trigger | None = None  # the happening the frame reports, when how is "frame"
        if how == "frame":
            content = _content_trigger(sent, trig)
            if not _official_speaker(art, sent, frame_trig):
                # Only a state or organisation makes a statement an entry; otherwise the date
                # stamps what was reported ("officials said Wednesday they had identified
                # the suspect").
                if content is None:
                    continue
                trig, how = content, "content"
            elif content is None and (tail := _concrete_tail(sent, trig)) is not None:
                # "X has won an order, the company announced today": the news is the order.
                trig, how = tail, "content"
            elif content is None and not any(t.text == "," for t in sent.tokens[: trig.index]):
                # "The ministry said on Tuesday. Two diplomats were expelled.": nothing was
                # said in the frame itself, so the next sentence holds the happening.
                nb = _neighbour_trigger(art, si, dated_sentences)
                if nb is not None:
                    j, trig = nb
                    host = art.sentence(j)
                    span = (span[0], art.spans[j][1])
                    how = "neighbour"
        # A headline's date tells nothing about the sentences below it.
        context = span if art.is_heading(si) else _continuation(art, span, dated_sentences)
        later = after_anchor(tx.value or "", anchor)
        mod = modality(host, trig, later, tx.text)
        etype = refine_type(host, trig)
        if trig.lemma in SAY_LIKE and etype in _VAGUE and not _names_happening(host, trig):
            continue  # "announced the plan Aug. 21": an announcement of nothing concrete
        if how in ("frame", "content", "neighbour"):
            # "X said on Tuesday that Y": an entry only when Y is a concrete happening (a
            # call, a strike, sanctions, a deal ...); talk about talk is no timeline event.
            said: Trigger | None = trig
            if how == "frame":
                said = content or _tail_content(sent, frame_trig)
            if said is None or not _concrete(host, said):
                continue
        title, actors, kinds, loc = _describe(
            art, host, trig, mod, (tx.start, tx.end), frame_trig if how == "content" else None
        )
        title, actors, kinds = groups_seen.resolve(title, host, trig, actors, kinds)
        if how == "frame" and len(title.split()) <= 3:
            continue  # "Fitzwater says": nothing said that a title could show
        gran = granularity_of(tx)
        frame_only = trig.reporting
        ev = ExtractedEvent(
            date=tx.value or "",
            granularity=gran,
            title=title or tx.text,
            timex=tx.text,
            timex_start=tx.start,
            timex_end=tx.end,
            sentence_start=span[0],
            sentence_end=span[1],
            date_end=tx.value_end,
            type=etype,
            modality=mod,
            confidence=confidence(how, trig, mod, gran, tx.relative),
            importance=importance(etype, si, n_sent, frame_only, tx.value or "", anchor),
            actors=actors[:6],
            actor_kinds=kinds[:6],
            actor_roles=tuple(art.actors.roles.get(n, "") for n in actors[:6]),
            actor_aliases=tuple("|".join(art.actors.aliases_of(n)) for n in actors[:6]),
            location=loc,
            relative=tx.relative,
            context_start=context[0],
            context_end=context[1],
        )
        events.append(ev)
        claimed.add(si)
        if mod == "reported":
            events.extend(_follow_ons(art, ev, span, context, claimed))
    if day_news and anchor is not None:
        # Where the story's time moves: sentences whose date made an event.
        moves = {
            art.index(e.timex_start): _recent(e.date, anchor)
            for e in events
            # "in the past decade" is background and "will ship in 2007" a forecast:
            # neither moves the time the story is told at.
            if e.granularity != "decade" and e.modality == "reported"
        }
        told = {art.index(e.sentence_start) for e in events}
        # Who the day's news is about: the people and bodies of its dated events.
        cast = {
            n
            for e in events
            if _recent(e.date, anchor)
            for n, k in zip(e.actors, e.actor_kinds, strict=False)
            if k in ("person", "org")
        }
        events.extend(_day_news(art, anchor, dated_sentences, moves, told, cast))
    events = [_quieted(text, e) for e in events]
    return merge_events(events) if len(events) > 1 else events


def _describe(
    art: _Article,
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
    fallback = _FallbackActor(art, trig.token.start, actors, kinds)
    people = {
        text[m.start : m.end]: m.name
        for m in art.actors.within(host.start, host.end)
        if m.kind == "person"
    }
    groups = {
        text[m.start : m.end]: m.name
        for m in art.actors.within(host.start, host.end)
        if m.kind in ("org", "country")
    }
    fallback.person = None
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
    actors, kinds = _participants(art, " ".join([title, *said]), mentions, actors, kinds)
    if fallback.person and fallback.person not in actors:
        # "On Sunday he visited Manaus": the person "he" stands for takes part.
        actors, kinds = (fallback.person, *actors), (fallback.kind, *kinds)
    return title, actors, kinds, loc


# An agent, a partner or a party named in a phrase of its own: participants too.
_AGENT_BEFORE = re.compile(
    r"\b(?:by|with|between|alongside|against)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){0,4}$"
)
_JOINS_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,1}\s+(?:attended|joined|took part|participated|were present)\b"
)


def _has_words(text: str, words: str) -> bool:
    """``words`` occur in ``text`` as whole words."""
    i = text.find(words)
    while i >= 0:
        end = i + len(words)
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        i = text.find(words, i + 1)
    return False


def _participants(
    art: _Article,
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
        if any(_has_words(title, f) for f in forms if f):
            named.add(m.name)
        elif _AGENT_BEFORE.search(text, max(0, m.start - 60), m.start) or _JOINS_AFTER.match(
            text, m.end
        ):
            named.add(m.name)  # "hosted by Lula", "talks with Iran", "NATO officials attended"
    if not named:
        return actors, kinds
    keep = [k for k, n in enumerate(actors) if n in named]
    return tuple(actors[k] for k in keep), tuple(kinds[k] for k in keep)


def _quieted(text: str, ev: ExtractedEvent) -> ExtractedEvent:
    """Market reports, weather, sport and listings stay on the timeline, but last;
    conjecture ranks below what happened."""
    if quiet_topic(text[ev.sentence_start : ev.sentence_end]):
        return replace(ev, importance=QUIET, confidence=round(ev.confidence * 0.5, 3))
    if ev.modality == "hypothetical":
        return replace(ev, importance=round(ev.importance * 0.5, 2))
    return ev


def _follow_ons(
    art: _Article,
    ev: ExtractedEvent,
    own: tuple[int, int],
    context: tuple[int, int],
    claimed: set[int],
) -> list[ExtractedEvent]:
    """Happenings told in the undated sentences around a dated one, dated alike.

    News narrative keeps a date as the reference time of the sentences after
    it until a new date appears ("Iran fired missiles on Tuesday. Most were
    intercepted."), and the sentence just before often tells what the dated
    one pins down ("Bombs hit two embassies. The blasts came minutes apart on
    Friday."). Each such sentence with a happening of its own is an event of
    its own, with its own sentence as the quote, less sure and less important
    than the dated one.
    """
    out: list[ExtractedEvent] = []
    first, last = art.index(context[0]), art.index(context[1] - 1)
    for j in range(first, last + 1):
        start, end = art.spans[j]
        if own[0] <= start < own[1] or j in claimed:
            continue
        claimed.add(j)  # the first date told of wins it
        sent = art.sentence(j)
        trig = _told_happening(sent)
        if trig is None:
            continue
        mod = modality(sent, trig, False)
        if mod != "reported":
            continue
        title, actors, kinds, loc = _describe(art, sent, trig, mod, (start, start), None)
        etype = refine_type(sent, trig)
        if len(title.split()) < 3 or (etype == "statement" and not actors):
            continue  # "Officials spoke at length": talk by nobody named is no entry
        out.append(
            replace(
                ev,
                title=title,
                sentence_start=start,
                sentence_end=end,
                type=etype,
                confidence=round(ev.confidence * 0.7, 3),
                importance=round(ev.importance * 0.6, 3),
                actors=actors[:6],
                actor_kinds=kinds[:6],
                actor_roles=tuple(art.actors.roles.get(n, "") for n in actors[:6]),
                actor_aliases=tuple("|".join(art.actors.aliases_of(n)) for n in actors[:6]),
                location=loc,
                mentions=(),
            )
        )
    return out


def _told_happening(sent: Sentence) -> Trigger | None:
    """The happening a narrative sentence tells: its first past-tense verb (what a
    reporting verb introduces), else a happening noun."""
    for tr in sent.triggers:
        if tr.pos != "verb":
            continue
        if tr.reporting:
            tr = _content_trigger(sent, tr) or tr
            if tr.reporting:
                return None
        before = sent.tokens[tr.index - 1].low if tr.index else ""
        if tr.tense == "3sg" or before in ("has", "have", "had"):
            # The present and present perfect speak of now, the past perfect of before.
            return None
        return tr
    nouns = [t for t in sent.triggers if t.pos == "noun" and t.type not in _VAGUE]
    return nouns[0] if nouns else None


def _recent(value: str, anchor: date) -> bool:
    """A date within the week up to the article's day ("yesterday", "on Monday")."""
    p = Period.parse(value)
    if p is None:
        return False
    return 0 <= (anchor - p.last_day).days <= _RECENT_DAYS and p.first_day <= anchor


_RECENT_DAYS = 7


_PRONOUN_START = re.compile(r"\s*(?:He|She|They|It)\b")


def _may_name(art: _Article, i: int, cast: set[str]) -> bool:
    """Whether sentence ``i`` names, or may stand for, someone of the day's news."""
    start, end = art.spans[i]
    if _PRONOUN_START.match(art.text, start):
        return True
    return any(m.name in cast for m in art.actors.within(start, end))


def _day_news(
    art: _Article,
    anchor: date,
    dated: set[int],
    moves: dict[int, bool],
    told: set[int],
    cast: set[str],
) -> list[ExtractedEvent]:
    """Events the article reports as its day's news without a date expression.

    The lead's sentences report the day's news. After the lead, a past-tense
    sentence keeps reporting it while the story's reference time is still the
    article's day (no older date named since), when it names someone the day's
    news is about ("Jobs also demoed ..."): news narrative keeps a time until
    a new one appears.
    """
    out: list[ExtractedEvent] = []
    seen = 0
    today = True  # the story's reference time is the article's day
    cast = set(cast)  # people and bodies of the day's news
    for i in range(len(art.spans)):
        if seen >= LEAD_SENTENCES and not today and i not in dated:
            continue  # past the lead, in another time: not worth reading closely
        if art.is_heading(i):
            continue
        if seen >= LEAD_SENTENCES and i not in dated and not _may_name(art, i, cast):
            continue  # names nobody of the day's news (checked before tokenising)
        sent = art.sentence(i)
        if not is_lead_candidate(sent):
            continue
        seen += 1
        if i in dated:
            today = moves.get(i, today)
            continue  # its own date expression says when
        if i in told:
            continue  # already told as part of a dated passage
        lead = seen <= LEAD_SENTENCES
        if not lead and not today:
            continue
        trig = news_trigger(sent, _content_trigger, SAY_LIKE)
        if trig is None or (not lead and trig.tense != "past"):
            continue
        mod = modality(sent, trig, False)
        etype = refine_type(sent, trig)
        if mod != "reported" or not (_concrete(sent, trig) or trig.lemma in SAY_LIKE):
            continue  # an announcement is news; what someone merely said is not
        title, actors, kinds, loc = _describe(art, sent, trig, mod, (sent.start, sent.start), None)
        if not actors or len(title.split()) < 3:
            continue  # nobody acting, or nothing a title can show
        if lead:
            cast.update(n for n, k in zip(actors, kinds, strict=False) if k in ("person", "org"))
        elif not cast.intersection(actors):
            continue
        start, end = art.spans[i]
        context = _continuation(art, (start, end), dated)
        out.append(
            ExtractedEvent(
                date=anchor.isoformat(),
                granularity="day",
                title=title,
                timex="",
                timex_start=start,
                timex_end=start,
                sentence_start=start,
                sentence_end=end,
                type=etype,
                modality=mod,
                confidence=0.45,
                importance=importance(etype, i, len(art.spans), False, anchor.isoformat(), anchor),
                actors=actors[:6],
                actor_kinds=kinds[:6],
                actor_roles=tuple(art.actors.roles.get(n, "") for n in actors[:6]),
                actor_aliases=tuple("|".join(art.actors.aliases_of(n)) for n in actors[:6]),
                location=loc or art.dateline_city,
                relative=True,
                context_start=context[0],
                context_end=context[1],
                dated_by="publication",
            )
        )
    return out


def _continuation(art: _Article, span: tuple[int, int], dated: set[int]) -> tuple[int, int]:
    """Extend a passage over the undated sentences that carry its story on.

    In narrative news copy a date stays the reference time of the sentences
    after it until a new date appears ("Iran fired missiles on Tuesday. Most
    were intercepted."), so those sentences belong to the same passage; and an
    undated sentence just before often tells what the dated one pins down
    ("Bombs hit two embassies. The blasts came minutes apart on Friday.").
    """
    first = art.index(span[0])
    if (
        first > 0
        and first - 1 not in dated
        and span[1] - art.spans[first - 1][0] <= _MAX_PASSAGE
        and not art.is_heading(first - 1)
    ):
        span = (art.spans[first - 1][0], span[1])
    last = art.index(span[1] - 1)
    for _ in range(_CONTINUATION_SENTENCES):
        nxt = last + 1
        if nxt >= len(art.spans) or nxt in dated or art.is_heading(nxt):
            break
        if art.spans[nxt][1] - span[0] > _MAX_PASSAGE:
            break
        span = (span[0], art.spans[nxt][1])
        last = nxt
    return span


def _content_trigger(sent: Sentence, frame: Trigger | None) -> Trigger | None:
    """The first happening reported after a dated reporting verb, if any."""
    if frame is None:
        return None
    for tr in sent.triggers:
        if (
            tr.index > frame.index
            and not tr.reporting
            and tr.pos == "verb"
            and tr.index - frame.index <= 12
        ):
            return tr
    return None


def _concrete(sent: Sentence, trig: Trigger) -> bool:
    """A typed happening, or one the lexicon names outright ("arrested", "resigned");
    not talk, and not a vague or unknown verb ("made", "remained")."""
    etype = refine_type(sent, trig)
    if etype == "statement":
        return False
    if etype != "other":
        return True
    return trig.lemma in known_lemmas() and trig.lemma not in _GENERIC


def _names_happening(sent: Sentence, trig: Trigger) -> bool:
    """Whether a verb's object names a happening ("announced his resignation")."""
    clause = sent.clause_of[trig.index]
    return any(
        t.pos == "noun"
        and trig.index < t.index <= trig.index + 6
        and sent.clause_of[t.index] == clause
        for t in sent.triggers
    )


def _tail_content(sent: Sentence, frame: Trigger) -> Trigger | None:
    """The happening reported before a tail frame ("Troops crossed the border, the
    ministry said on Tuesday")."""
    toks = sent.tokens
    comma = next((k for k in range(frame.index - 1, -1, -1) if toks[k].text == ","), None)
    if comma is None:
        return None
    before = [t for t in sent.triggers if t.index < comma and not t.reporting]
    verbs = [t for t in before if t.pos == "verb"]
    found = verbs or before
    return found[0] if found else None


def _concrete_tail(sent: Sentence, frame: Trigger) -> Trigger | None:
    tail = _tail_content(sent, frame)
    if tail is None or tail.tense != "past" or not _concrete(sent, tail):
        return None  # what is only planned stays dated by when it was said
    return tail


def _official_speaker(art: _Article, sent: Sentence, trig: Trigger | None) -> bool:
    """A dated statement is worth a timeline entry when a state or organisation speaks."""
    toks = sent.tokens
    if trig is None or not toks:
        return any(m.kind in ("country", "org") for m in art.actors.within(sent.start, sent.end))
    lo = toks[max(0, trig.index - 8)].start
    hi = toks[min(len(toks) - 1, trig.index + 5)].end
    if _OFFICIAL.search(art.text, lo, hi):
        return True
    return any(m.kind in ("country", "org") for m in art.actors.within(lo, hi))


def _tok(sent: Sentence, offset: int) -> int:
    for k, tok in enumerate(sent.tokens):
        if tok.end > offset:
            return k
    return max(0, len(sent.tokens) - 1)


def _clause_range(sent: Sentence, trig: Trigger | None) -> tuple[int, int]:
    if trig is None or not sent.tokens:
        return sent.start, sent.end
    c = sent.clause_of[trig.index]
    idx = [k for k, cl in enumerate(sent.clause_of) if cl == c]
    return sent.tokens[idx[0]].start, sent.tokens[idx[-1]].end


def _location(
    art: _Article, sent: Sentence, trig: Trigger | None, rng: tuple[int, int]
) -> str | None:
    places = art.actors.places_within(*rng)
    if not places:
        return None
    if trig is not None:
        after = [p for p in places if p.start > trig.token.start]
        if after:
            return after[0].name
    return places[0].name


_PRONOUN_REACH = 40  # actor mentions a pronoun may look back over


class _FallbackActor:
    """Who a pronoun or an unwieldy subject stands for, as a short title subject.

    ``person`` is the full name of the actor last resolved, for the actors, and
    ``kind`` its kind.
    """

    def __init__(
        self, art: _Article, offset: int, actors: tuple[str, ...], kinds: tuple[str, ...]
    ) -> None:
        self.art, self.offset, self.actors, self.kinds = art, offset, actors, kinds
        self.person: str | None = None
        self.kind = "person"

    def __call__(self, subject: str) -> str | None:
        art, offset, actors, kinds = self.art, self.offset, self.actors, self.kinds
        pronoun = subject.lower()
        mentions = art.actors.mentions
        i = bisect.bisect_left(art.actors.starts, offset) - 1
        if pronoun == "it":
            noun = _previous_noun(art, offset)
            if noun:
                return noun
        wanted = ("country", "org", "product") if pronoun in ("it", "they") else ("person",)
        if pronoun not in ("it", "they"):
            for name, kind in zip(actors, kinds, strict=False):
                if kind == "person":
                    return art.actors.short_name(name)
        if pronoun not in ("he", "she", "it", "they"):
            return actors[0] if actors else None
        floor = max(-1, i - _PRONOUN_REACH)  # a pronoun looks back a few names, not the article
        while i > floor:
            if mentions[i].kind in wanted:
                m = mentions[i]
                if m.kind != "person":
                    # "It is slated for release in June": the phone, company or state
                    # "it" stands for takes part.
                    self.person, self.kind = m.name, m.kind
                    return m.name
                self.person = m.name if pronoun in ("he", "she") else None
                self.kind = "person"
                return art.actors.short_name(m.name)
            i -= 1
        return actors[0] if actors else None


def _previous_noun(art: _Article, offset: int) -> str | None:
    """The happening "it" most likely refers to: the last event noun before it."""
    si = art.index(offset)
    for j in (si, si - 1):
        if j < 0:
            continue
        nouns = [t for t in art.sentence(j).triggers if t.pos == "noun" and t.token.start < offset]
        if nouns:
            return "The " + nouns[-1].token.text.lower()
    return None
