"""A deterministic corpus of wire-style articles (~3-5 KB each) from templates written here.

Used by the scale benchmarks (``scale_bench.py``) and nothing else. The same
``seed`` and count always give the same files, byte for byte. Every article
has a headline, a dateline with a date (one in 40 gives no year, so the batch
must settle it), and paragraphs built from a dozen sentence templates that
mix absolute dates, weekdays, months, years, plans and reported meetings,
between background sentences with no date (about three in five).
Names and facts are invented or public-record; the sentences are ours.
"""

from __future__ import annotations

import random
from pathlib import Path

CITIES = [
    "Brussels", "Geneva", "Doha", "Ankara", "Vienna", "Nairobi", "Hanoi", "Lima",
    "Oslo", "Jakarta", "Cairo", "Warsaw", "Tokyo", "Ottawa", "Dakar", "Santiago",
]  # fmt: skip
PEOPLE = [
    "Maria Lindqvist", "Omar Haddad", "Chen Wei", "Ana Costa", "Pieter de Vries",
    "Amina Diallo", "Kenji Sato", "Elena Petrova", "David Okafor", "Sofia Rossi",
    "Tomas Novak", "Leila Karimi", "James Whitaker", "Ingrid Berg", "Rafael Mendes",
]  # fmt: skip
OFFICES = ["Foreign Minister", "Prime Minister", "President", "Trade Minister", "envoy"]
BODIES = [
    "NATO", "the European Union", "the United Nations", "the African Union",
    "ASEAN", "the World Bank", "the IMF", "the OSCE", "the G20",
]  # fmt: skip
TOPICS = [
    "a ceasefire", "grain exports", "a border dispute", "debt relief", "water rights",
    "a prisoner exchange", "fishing quotas", "climate finance", "a trade pact",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

SENTENCES = [
    "{office} {person} met {person2} in {city} on {weekday} to discuss {topic}.",
    "Talks on {topic} opened in {city} on {day} {month} {year}, officials said.",
    "{body} will hold an extraordinary summit in {city} on {day2} {month2} {next_year}.",
    "The last round of negotiations collapsed in {month} {prev_year} after two days.",
    "{person} is due to visit {city2} next week for talks with {body}.",
    "A joint statement issued on {weekday} said both sides would return to {topic} in {month2}.",
    "The agreement signed in {prev_year} expires at the end of {year}, diplomats noted.",
    "{person2} said on {weekday} that {body} could suspend aid if the deadline passed.",
    "Delegates from {body} arrived in {city2} on {day} {month} {year} for three days of meetings.",
    "Observers expect a vote on {topic} in the third quarter of {next_year}.",
    "In {prev_year}, {person} led the first mission to {city2} since the war began.",
    "Ministers will meet again in {city} on {day2} {month2} {year} to review progress.",
    "Critics said the plan, announced in {month} {year}, would not survive the winter.",
    "{office} {person2} denied that any deal on {topic} had been reached on {weekday}.",
]

#: Background sentences with no date, as most of a real report is.
FILLER = [
    "Neither side gave details of the draft text, which runs to several pages.",
    "Aid groups have warned that the delay is costing lives along the frontier.",
    "Analysts said the mood in the room was better than at any point this year.",
    "The talks are closed to the press and no transcript will be published.",
    "Markets in the region barely moved on the news.",
    "{person} told reporters that {body} wanted a lasting settlement on {topic}.",
    "Officials in {city} declined to comment on the details of the proposal.",
    "The dispute over {topic} has strained relations between the two capitals.",
    "Several delegations asked for more time to consult their governments.",
    "{office} {person2} described the discussions as frank but constructive.",
    "Diplomats said the biggest obstacle remained the sequencing of the steps.",
    "Observers from {body} are expected to monitor whatever is agreed.",
    "Opposition figures in {city2} criticised the government's handling of {topic}.",
    "A spokesperson said the delegation would report back to parliament.",
]


def _fill(template: str, rng: random.Random, year: int) -> str:
    people = rng.sample(PEOPLE, 2)
    cities = rng.sample(CITIES, 2)
    months = rng.sample(MONTHS, 2)
    return template.format(
        office=rng.choice(OFFICES),
        person=people[0],
        person2=people[1],
        city=cities[0],
        city2=cities[1],
        body=rng.choice(BODIES),
        topic=rng.choice(TOPICS),
        weekday=rng.choice(WEEKDAYS),
        day=rng.randint(1, 28),
        day2=rng.randint(1, 28),
        month=months[0],
        month2=months[1],
        year=year,
        prev_year=year - 1,
        next_year=year + 1,
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def article(i: int, rng: random.Random) -> str:
    """One article, ~3-5 KB: headline, dateline paragraph, then 3-5 paragraphs."""
    year = rng.randint(2015, 2025)
    city = rng.choice(CITIES)
    topic = rng.choice(TOPICS)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    dated = f"{month} {day}" if i % 40 == 39 else f"{month} {day}, {year}"
    lines = [
        f"{_cap(rng.choice(BODIES))} envoys meet in {city} on {topic} (report {i})",
        "",
        f"{city.upper()}, {dated} (Wire) - " + _fill(SENTENCES[0], rng, year),
        "",
    ]
    target = rng.randint(3000, 4800)
    size = sum(len(x) + 1 for x in lines)
    while size < target:
        # About two sentences in five carry a date, as in a wire report.
        para = [
            _fill(rng.choice(SENTENCES if rng.random() < 0.4 else FILLER), rng, year)
            for _ in range(rng.randint(4, 7))
        ]
        text = " ".join(para)
        lines += [text, ""]
        size += len(text) + 2
    return "\n".join(lines)


def write_corpus(folder: Path, n: int, seed: int = 13) -> list[Path]:
    """Write ``n`` articles as ``a00000.txt`` ... into ``folder``; returns the paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"a{i:05}.txt"
        path.write_text(article(i, rng), encoding="utf-8")
        paths.append(path)
    return paths
