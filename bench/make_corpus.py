"""Write a corpus of real-shaped news articles (our own sentences) for screenshots and benchmarks.

``python bench/make_corpus.py OUT_DIR [N]`` writes N (default 300) plain-text
articles: a headline, a dateline, and paragraphs of dated events about talks,
visits, votes and aid in late 2024 and early 2025, plus two articles whose
background paragraphs reach far back (1948) and far ahead (2042): the
outliers the first view must not fit to. Deterministic for a given N.
"""

from __future__ import annotations

import calendar
import random
import sys
from datetime import date, timedelta
from pathlib import Path

CITIES = [
    ("BRUSSELS", "Belgium"),
    ("GENEVA", "Switzerland"),
    ("VIENNA", "Austria"),
    ("WARSAW", "Poland"),
    ("ANKARA", "Turkey"),
    ("NAIROBI", "Kenya"),
    ("OSLO", "Norway"),
    ("LISBON", "Portugal"),
    ("DOHA", "Qatar"),
    ("HELSINKI", "Finland"),
    ("ROME", "Italy"),
    ("TOKYO", "Japan"),
    ("BRASILIA", "Brazil"),
    ("RIYADH", "Saudi Arabia"),
]
COUNTRIES = [
    "France",
    "Germany",
    "Poland",
    "Norway",
    "Finland",
    "Kenya",
    "Brazil",
    "Japan",
    "Turkey",
    "Italy",
    "Portugal",
    "Qatar",
    "Canada",
    "Chile",
    "Ghana",
    "Austria",
]
BODIES = ["NATO", "the European Union", "the United Nations", "the African Union", "the G7"]
PEOPLE = [
    "Mark Rutte",
    "Ursula von der Leyen",
    "Antonio Guterres",
    "Kaja Kallas",
    "Olaf Scholz",
    "Donald Tusk",
    "Jonas Gahr Store",
    "Alexander Stubb",
]
MONTHS = list(calendar.month_name)[1:]

HEADLINES = [
    "{a} and {b} agree to resume talks on border crossings",
    "Ministers from {a} and {b} meet in {city} on energy supplies",
    "{body} sets date for emergency session on grain exports",
    "{person} visits {city} ahead of donor conference",
    "Parliament in {a} schedules vote on aid package",
    "{a} recalls ambassador after dispute with {b}",
    "Envoys of {a} and {b} sign port access accord",
    "{body} summit to focus on drone defences",
]
EVENT_LINES = [
    "Foreign ministers of {a} and {b} met in {city} on {d1} to discuss the border crossings.",
    "{person} held talks with officials from {a} in {city} on {d1}.",
    "The two governments signed a memorandum on grain shipments on {d1}.",
    "{body} will convene an emergency session on {d2}, diplomats said.",
    "Lawmakers in {a} are due to vote on the aid package on {d2}.",
    "{a} recalled its ambassador to {b} on {d1} after the dispute over fishing rights.",
    "A donor conference for the region is planned for {d2} in {city}.",
    "Delegations from {a} and {b} reached a provisional deal on {d1}.",
    "{person} announced on {d1} that {a} would send two field hospitals.",
    "Talks between {a} and {b} collapsed on {d1} without a joint statement.",
    "Defence chiefs from {body} are expected to meet on {d2} to review drone defences.",
    "Protesters gathered outside the embassy of {b} in {city} on {d1}.",
]
FILLER = [
    "Officials described the atmosphere as businesslike but cautious.",
    "Neither side published the full text of the proposals.",
    "Analysts said the outcome would depend on winter energy prices.",
    "A spokesperson declined to comment on the timing of further meetings.",
    "Trade between the two countries has fallen sharply over the past year.",
]


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def article(k: int, rng: random.Random) -> tuple[str, str]:
    pub = date(2024, 9, 2) + timedelta(days=rng.randrange(0, 200))
    city, _country = rng.choice(CITIES)
    a, b = rng.sample(COUNTRIES, 2)
    fill = {
        "a": a,
        "b": b,
        "city": city.title(),
        "body": rng.choice(BODIES),
        "person": rng.choice(PEOPLE),
    }
    head = rng.choice(HEADLINES).format(**fill)
    head = head[0].upper() + head[1:]
    paras = []
    for _n in range(rng.randint(2, 4)):
        d1 = pub - timedelta(days=rng.randrange(0, 6))
        d2 = pub + timedelta(days=rng.randrange(3, 40))
        line = rng.choice(EVENT_LINES).format(**fill, d1=_day(d1), d2=_day(d2))
        paras.append(line[0].upper() + line[1:] + " " + rng.choice(FILLER))
    dateline = f"{city}, {_day(pub)} — "
    text = f"{head}\n\n{dateline}{paras[0]}\n\n" + "\n\n".join(paras[1:]) + "\n"
    return f"{pub.isoformat()}-{k:03d}.txt", text


OUTLIERS = [
    (
        "2024-11-20-archive.txt",
        "Treaty archive opens to researchers\n\nGENEVA, 20 November 2024 — The archive of the "
        "1948 refugee treaty, signed in Geneva on 14 August 1948, opened to researchers on "
        "Wednesday. Historians said the papers show how quickly the text was drafted.\n",
    ),
    (
        "2024-12-03-climate.txt",
        "Ministers set a distant deadline\n\nOSLO, 3 December 2024 — Energy ministers met in "
        "Oslo on Tuesday to agree a timetable for coal.\n\nUnder the plan, the last coal plant "
        "in the region will close on 1 June 2042. Campaigners called the deadline too late.\n",
    ),
]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("corpus")
    n = int(argv[2]) if len(argv) > 2 else 300
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(14)
    for k in range(n):
        name, text = article(k, rng)
        (out / name).write_text(text, encoding="utf-8")
    for name, text in OUTLIERS:
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {n + len(OUTLIERS)} articles to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
