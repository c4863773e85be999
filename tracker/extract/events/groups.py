"""Bodies named by a role: "G20 leaders" ... "The leaders" ... "their summit"."""

from __future__ import annotations

import re

from tracker.extract.events.article import Article
from tracker.extract.events.clauses import Sentence, Trigger

_ROLES = r"(?:leaders|ministers|foreign ministers|defence ministers|defense ministers|envoys|negotiators|delegates|allies|members)"
_GROUP_TITLE = re.compile(
    rf"^(?!(?:The|A|An|Its|Their|Our|His|Her)\s)((?:[A-Z][\w.\-]*\s)+){_ROLES}\b"
)
_THE_ROLE = re.compile(rf"^The ({_ROLES})\b")


class Groups:
    """ "G20 leaders end their summit ... The leaders adopt their declaration": the second
    title names the same body, and "their next summit" is that body's."""

    def __init__(self, art: Article) -> None:
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
