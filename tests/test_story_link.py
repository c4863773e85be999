"""`link`'s shortcuts give the same answer as reading every rule.

Fusion compares many candidate pairs, so `link` rejects a pair early when its
shared content is below what any rule asks for, and `shares_participant` tests
sets instead of building them. These properties pin both to the plain reading.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.model import Period
from tracker.story import evidence
from tracker.story.evidence import Member, link, shares_participant

_DAYS = ["2023-05-09", "2023-05-10", "2023-05-11", "2023-05-14", "2023-05", "2023-W19", "2023"]
_WORDS = ["grain", "corridor", "talk", "ceasefire", "port", "deal", "summit", "envoy"]
_ACTORS = ["lavrov", "kuleba", "european union", "united nations", "union"]
_NAMES = ["lavrov", "european", "union", "nations", "united", "grain", "talks"]
_HEADS = ["lavrov", "grain", "deal", "sign"]  # a title's words may name its participants


@st.composite
def members(draw: st.DrawFn, event_id: int) -> Member:
    return Member(
        event_id=event_id,
        article_id=draw(st.integers(1, 3)),
        period=Period.parse(draw(st.sampled_from(_DAYS))),
        type=draw(st.sampled_from(["meeting", "agreement"])),
        modality="reported",
        location=draw(st.sampled_from([None, "Geneva", "geneva", "Ankara"])),
        actors=frozenset(draw(st.lists(st.sampled_from(_ACTORS), max_size=2))),
        words=frozenset(draw(st.lists(st.sampled_from(_WORDS), max_size=6))),
        names=frozenset(draw(st.lists(st.sampled_from(_NAMES), max_size=5))),
        headline=frozenset(draw(st.lists(st.sampled_from(_HEADS), max_size=3))),
    )


def _named_in(keys: frozenset[str], names: frozenset[str]) -> bool:
    return any(" " in k and all(w in names for w in k.split()) for k in keys)


@settings(max_examples=400, deadline=None)
@given(members(1), members(2))
def test_shares_participant_reads_as_its_definition(a: Member, b: Member) -> None:
    plain = bool(a.actors & b.actors or a.actors & b.names or b.actors & a.names)
    plain = plain or _named_in(a.actors, b.names) or _named_in(b.actors, a.names)
    assert shares_participant(a, b) == plain


@settings(max_examples=600, deadline=None)
@given(members(1), members(2))
def test_the_early_rejection_never_changes_a_link(a: Member, b: Member) -> None:
    quick = link(a, b)
    saved = evidence._LEAST_EVIDENCE
    evidence._LEAST_EVIDENCE = dict.fromkeys(saved, float("-inf"))
    try:
        assert link(a, b) == quick
    finally:
        evidence._LEAST_EVIDENCE = saved


def test_a_pair_at_the_least_evidence_of_a_same_day_rule_links() -> None:
    def member(i: int, words: list[str]) -> Member:
        return Member(
            event_id=i,
            article_id=i,
            period=Period.parse("2023-05-10"),
            type="meeting",
            modality="reported",
            location=None,
            actors=frozenset({"lavrov"}),
            words=frozenset(words),
        )

    # One shared word in sixteen: dice 2/16 = 0.125, just over the 0.12 a shared
    # participant and the same type ask for on the same day.
    a = member(1, ["grain", *(f"a{k}" for k in range(7))])
    b = member(2, ["grain", *(f"b{k}" for k in range(7))])
    assert link(a, b) > 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=2, max_size=40))
def test_groups_passed_over_for_sharing_nothing_change_no_fusion(seeds: list[int]) -> None:
    # Many reports on few days, so that groups outgrow their sample of members.
    import random

    from tracker.story import fusion

    def member(i: int, seed: int) -> Member:
        rnd = random.Random(seed)
        return Member(
            event_id=i,
            article_id=rnd.randint(1, 30),
            period=Period.parse(rnd.choice(_DAYS[:4])),
            type=rnd.choice(["meeting", "agreement"]),
            modality="reported",
            location=rnd.choice([None, None, "Geneva", "geneva"]),
            actors=frozenset(rnd.sample(_ACTORS, rnd.randint(0, 1))),
            words=frozenset(rnd.sample(_WORDS, rnd.randint(0, 3))),
            names=frozenset(rnd.sample(_NAMES, rnd.randint(0, 3))),
            headline=frozenset(rnd.sample(_HEADS, rnd.randint(0, 2))),
        )

    members = [member(i, s) for i, s in enumerate(seeds, 1)]
    quick = [[m.event_id for m in g] for g in fusion.fuse(members)]
    saved = fusion._Group.may_link
    fusion._Group.may_link = lambda self, m: True  # type: ignore[method-assign]
    try:
        plain = [[m.event_id for m in g] for g in fusion.fuse(members)]
    finally:
        fusion._Group.may_link = saved  # type: ignore[method-assign]
    assert quick == plain
