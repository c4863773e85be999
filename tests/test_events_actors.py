"""Actors: people by their fullest name, countries, organisations, kinds (issue 4, point 3)."""

from __future__ import annotations

from datetime import date

import pytest
from test_events_support import events, only

from tracker import extract
from tracker.extract.events.article import Article


def test_a_surname_resolves_to_the_fullest_name_the_article_uses():
    text = (
        "Secretary of State Antony Blinken arrived in Kyiv late at night. "
        "Blinken met Ukrainian officials on Wednesday."
    )
    ev = only(events(text, ("Wednesday", "2024-11-13")))
    assert "Antony Blinken" in ev.actors
    assert ev.actor_kinds[ev.actors.index("Antony Blinken")] == "person"


def test_countries_come_from_abbreviations_and_demonyms():
    text = "US and Ukrainian negotiators met on Sunday to discuss a minerals deal."
    ev = only(events(text, ("Sunday", "2024-11-10")))
    assert {"United States", "Ukraine"} <= set(ev.actors)


def test_metonyms_stand_for_their_government():
    text = "The Kremlin rejected the proposal on Tuesday, and Washington imposed new sanctions."
    ev = events(text, ("Tuesday", "2024-11-12"))[0]
    assert "Russia" in ev.actors
    assert ev.actor_kinds[ev.actors.index("Russia")] == "country"


def test_a_capital_named_as_a_place_is_the_location_not_an_actor():
    text = "European diplomats gathered in Washington on Thursday for a security conference."
    ev = only(events(text, ("Thursday", "2024-11-14")))
    assert ev.location == "Washington"
    assert "United States" not in ev.actors


def test_international_organisations_are_org_actors():
    text = "The IAEA board met in Vienna on Monday and NATO officials attended."
    ev = only(events(text, ("Monday", "2024-11-11")))
    assert ev.actors[:2] == ("IAEA", "NATO") or {"IAEA", "NATO"} <= set(ev.actors)
    assert ev.actor_kinds[ev.actors.index("NATO")] == "org"


@pytest.mark.parametrize(
    "text",
    [
        "Crowds poured into the streets of Kenya on Thursday.",
        "Crowds marched across parts of Kenya on Thursday.",
    ],
)
def test_the_streets_or_parts_of_a_place_are_that_place(text):
    ev = only(events(text, ("Thursday", "2024-11-14")))
    assert ev.location == "Kenya"


def test_a_meeting_of_several_parties_is_one_event_with_all_of_them():
    text = (
        "Foreign ministers of France, Germany, Italy, Poland and Spain met in Warsaw "
        "on Friday to coordinate aid."
    )
    ev = only(events(text, ("Friday", "2024-11-15")))
    assert {"France", "Germany", "Italy", "Poland", "Spain"} <= set(ev.actors)
    assert ev.location == "Warsaw"


def test_people_joined_by_and_to_a_name_that_acts_are_people_too():
    found = people("Anna Berg, Piet Smit and Tom Lund met in Oslo on Tuesday.")
    assert found == [("Anna Berg", 0), ("Piet Smit", 11), ("Tom Lund", 25)]
    # A family name inside a full name is no second mention.
    assert people("Marta Ilves and Jonas Kask met on Friday.") == [
        ("Marta Ilves", 0),
        ("Jonas Kask", 16),
    ]


def people(text: str) -> list[tuple[str, int]]:
    art = Article(text, list(extract.find_timexes(text, date(2024, 11, 13))))
    return [(m.name, m.start) for m in art.actors.mentions if m.kind == "person"]


def test_a_party_label_before_a_name_describes_the_person_and_a_conjunction_is_no_name():
    text = (
        "Democrat Ann Ross and Liberal Democrat Jo Marr met voters in Leeds on Friday. "
        "Because Ann Ross spoke first, the crowd stayed. The Liberal Democrats said so."
    )
    names = {name for name, _start in people(text)}
    assert names == {"Ann Ross", "Jo Marr"}  # the party's own name is no person


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fed chairman Ben S. Bernanke met lawmakers on Friday.", "Ben S. Bernanke"),
        ("Henry M. Paulson Jr. met bankers on Friday.", "Henry M. Paulson"),
        ("Finally Obama spoke to the crowd on Friday.", "Obama"),
        # A long run of capitals: the office, then the name (never "Ida K.").
        (
            "The fund, once run by Treasury Secretary Ida K. Rebane Jr.'s old aide, closed.",
            "Ida K. Rebane",
        ),
        ("Bank of Norland Governor Mark Lind spoke on Friday.", "Mark Lind"),
        ("She replaces Otto A. Kivi, who retired in May.", "Otto A. Kivi"),
    ],
)
def test_initials_and_generations_belong_to_a_name_and_an_opening_adverb_does_not(text, name):
    art = Article(text, list(extract.find_timexes(text, date(2024, 11, 13))))
    names = [m.name for m in art.actors.mentions]
    assert name in names
    for n in names:  # never an office, an opening adverb or a cut initial in a name
        assert not n.startswith(("Finally", "Treasury", "Bank")) and not n[-1].isupper(), n


def test_a_family_named_as_one_party_is_an_actor_but_no_company():
    text = (
        "The Holm family sold its stake in the mills on Monday. "
        "The company put itself up for sale on Tuesday."
    )
    sold, sale = events(text, ("on Monday", "2024-11-11"), ("on Tuesday", "2024-11-12"))
    assert sold.actors == ("Holm family",)
    # "the company" is never the family
    assert "Holm" not in sale.title and "Holm family" not in sale.actors


@pytest.mark.parametrize(
    "text, phrase, value, actor",
    [
        (
            "Norvik recalled 40,000 vans on Monday. Shares in Norvik fell.",
            "on Monday",
            "2024-11-11",
            "Norvik",
        ),
        ("KLX recalled 40,000 vans on Monday.", "on Monday", "2024-11-11", "KLX"),
        # a name ending in "s" that the text capitalises mid-sentence, never with "the"
        (
            "Aeris won an order for 40 jets on Monday. The deal gives Aeris a lead over its rival.",
            "on Monday",
            "2024-11-11",
            "Aeris",
        ),
    ],
)
def test_a_company_known_by_one_word_or_its_letters_is_an_actor(text, phrase, value, actor):
    evs = events(text, (phrase, value))
    assert evs and actor in evs[0].actors
    assert evs[0].actor_kinds[evs[0].actors.index(actor)] == "org"


@pytest.mark.parametrize(
    "text",
    [
        # a group named in the plural, a word shouted, a state named as a setting
        "The Republicans wanted a vote on Monday. Later the Republicans left.",
        "THIS happened on Monday and this is why.",
        "A group led by a family of Texas acquired the mill on Monday.",
    ],
)
def test_plural_groups_shouted_words_and_states_are_no_companies(text):
    for ev in events(text, ("on Monday", "2024-11-11")):
        assert not {"Republicans", "THIS", "Texas"} & set(ev.actors), ev.actors


def test_a_count_of_people_is_no_company():
    text = "Thousands took to the streets of Lyon on Monday. Later Thousands marched again."
    for ev in events(text, ("on Monday", "2024-11-11")):
        assert "Thousands" not in ev.actors
