"""Subject-verb agreement in headlines: whether a subject takes a plural verb
("Analysts complain", "The bank complains"), read from the subject's head noun."""

from __future__ import annotations

from tracker.extract.events.gazetteer import gazetteer
from tracker.extract.events.lexicon import triggers
from tracker.extract.events.phrases import DETERMINERS

_SINGULAR_BODIES = frozenset(
    """Service Department Agency Council Office Ministry Bank Commission Committee Union
    Organization Organisation Court Board Authority Administration Company Group""".split()
)


# Words opening a subject that make it plural ("Some analysts", "Many", "Both firms").
_PLURAL_QUANTIFIERS = frozenset(
    """some many several few both those these others two three four five six seven eight
    nine ten dozens hundreds thousands millions""".split()
)
# Subjects and the number of their verb: examples that run as tests.
AGREEMENT_EXAMPLES = (
    "plural: Analysts | Some | Many traders | Both banks | Orangemen | Two of the pumps | "
    "Italy and France | Protesters in Alexandria | The unions | Regulators | Witnesses | "
    "Clashes | The Iraqis | Israelis | The Swiss | The French | Exports | Earnings"
    " || singular: The showdown between Iraq and the United States | "
    "A venture involving Exxon and Shell | The Immigration and Naturalization Service | "
    "Sales chief Jones | The bank | Jones | Williams | The bus | "
    "Photographer Mary Rogers | Ann Myers"
)
# A head noun ends before a preposition or a participle ("A venture involving ...").
_HEAD_END = frozenset(
    """of in from at on for with across near between among against over after by under
    about""".split()
)


def _head_words(subject: str) -> list[str]:
    """The words of the subject up to its head noun: before the first preposition, or
    a participle after a noun ("A venture involving two firms"; not "The coming talks")."""
    words = subject.split()
    for k, w in enumerate(words):
        if k and (
            w in _HEAD_END
            or (w.endswith("ing") and w.islower() and words[k - 1].lower() not in DETERMINERS)
        ):
            return words[:k]
    return words


def plural(subject: str) -> bool:
    # "Protesters in Alexandria": the noun before the first preposition is the head.
    head = _head_words(subject)
    head_text = " ".join(head)
    if not head:
        return False
    last = head[-1].strip("`'\"\u201c")
    if last.lower() in ("we", "they", "i", "you", "people", "police", "children"):
        return True
    if head[0].lower() in ("we", "they", "i", "you"):
        return True  # "They each report": a pronoun is never inflected
    if head[0].lower() in _PLURAL_QUANTIFIERS:
        return True  # "Some analysts", "Many": a quantifier counts more than one
    if last.lower().endswith("men") and (last.islower() or len(last) > 6):
        return True  # "gunmen", "women", "Orangemen"
    if any(w.replace(",", "").isdigit() and w not in ("1", "one") for w in head[:-1]):
        return last.endswith("s")  # "13 Cubans", "Two segments"
    if " and " in head_text:
        # "Italy and France"; not "the Immigration and Naturalization Service"
        return last not in _SINGULAR_BODIES
    if (
        len(head) >= 2
        and last[:1].isupper()
        and head[-2][:1].isupper()
        and head[-2].lower() not in DETERMINERS
        and " and " not in head_text
    ):
        return False  # "Photographer Mary Rogers": a name's "-ers" is no plural
    if last.endswith(("sses", "ches", "shes", "xes")) and last[1:].islower():
        return True  # "Witnesses", "Clashes", "Taxes": an "-es" plural, never a name
    if len(head) == 2 and head[0].lower() == "the" and _is_demonym(last):
        return True  # "The Swiss", "The French": the people of a country
    if last.endswith("is") and _is_demonym(last[:-1]):
        return True  # "The Iraqis", "Israelis": a people named by its demonym
    if not last.endswith("s") or last.endswith(("ss", "us", "is", "'s")):
        return False
    if len(head) == 1 and len(head) < len(subject.split()) and last[1:].islower():
        return True  # "Delegates from forty countries", "Protesters in Alexandria"
    return (
        last.islower()
        or last.lower() in triggers()  # "Talks", "Sanctions", "Negotiations"
        or last.lower() in _COMMON_PLURALS  # "Troops shelled the port"
        or last.lower().endswith(
            ("ers", "ists", "ysts", "ans", "ors", "ants", "ents", "ees", "ives", "ies", "men")
        )
    )


# Plurals that open sentences in news, capitalised there, with endings a name also has
# ("Troops", "Rebels", "Officials"; the suffixes above take "Protesters", "Residents").
_COMMON_PLURALS = frozenset(
    """troops forces rebels officials shares prices stocks markets banks bonds vessels
    ships planes jets tanks guards allies nations states parties unions courts victims
    nurses crowds fans clubs teams firms police locals rivals exports imports earnings
    profits revenues costs rates yields deposits assets""".split()
)


def _is_demonym(word: str) -> bool:
    entry = gazetteer().entries.get(word)
    return entry is not None and entry.kind == "demonym"
