"""Small corpora written for the story tests: one summit in five wordings, other news."""

from __future__ import annotations

from datetime import date

from tracker import services

SUMMIT_REPORTS = [
    # (published, headline, body): five wordings of one meeting on 10 May 2023; the
    # fourth, a look back, gets the day wrong (8 May).
    (
        date(2023, 5, 11),
        "Ministers agree grain corridor at Ankara summit",
        "ANKARA - Dmytro Kuleba and Sergei Lavrov met in Ankara on Wednesday at a summit "
        "hosted by Turkey to agree a grain corridor across the Black Sea.\n"
        "The talks lasted six hours.",
    ),
    (
        date(2023, 5, 10),
        "Grain talks in Ankara end with deal",
        "The foreign ministers of Ukraine and Russia, Dmytro Kuleba and Sergei Lavrov, met in "
        "Ankara on 10 May and agreed to reopen the grain corridor, Turkish officials said.",
    ),
    (
        date(2023, 5, 12),
        "Turkey brokers Black Sea grain deal",
        "At a summit in Ankara on Wednesday, Sergei Lavrov and Dmytro Kuleba met and agreed "
        "on a corridor for grain ships.\nShipping firms welcomed the news.",
    ),
    (
        date(2023, 5, 13),
        "What the Ankara grain summit means",
        "When Kuleba and Lavrov met in Ankara on 8 May, they agreed a corridor for grain "
        "exports, a summit that analysts called a breakthrough.",
    ),
    (
        date(2023, 5, 11),
        "Grain prices fall after Ankara summit",
        "Wheat prices fell after Dmytro Kuleba and Sergei Lavrov met at the Ankara summit on "
        "10 May 2023 and agreed a grain corridor.",
    ),
]


OTHER_NEWS = [
    (
        date(2023, 1, 20),
        "Parliament passes budget",
        "The parliament of Estonia passed the budget on Thursday after a long debate.",
    ),
    (
        date(2023, 2, 3),
        "Storm closes ports",
        "A storm closed the ports of Tallinn on Friday, the harbour authority said.",
    ),
]


def given_articles(db, reports) -> list[int]:
    ids = []
    for published, headline, body in reports:
        result = services.import_text(
            db, text=f"{headline}\n\n{body}\n", title=headline, anchor=published
        )
        assert result.status == "imported", result
        ids.append(result.article_id)
    return ids
