"""A language's rules compiled into one scanner, with the trigger words derived.

`Grammar` joins every rule's regex into one alternation (inner group names
prefixed with the rule name, so they stay unique) that scans the text in one
pass; Python's alternation is leftmost-first, so at a position the earlier
rule wins.

Trying that alternation at every word of an article is slow, so the scanner
first walks the text's tokens and only tries it at words that can begin a
rule ("starters") lying shortly before a word that every match of some rule
contains ("triggers": month names, units, "ago", digits ...). Both sets are
derived here from the rules' own regexes, by walking their parse trees:

- the starters of a rule are the tokens its matches can begin with;
- its trigger set is one set of tokens of which every match holds at least
  one: for a sequence the most specific of its parts' sets (fewest of the
  language's common words), for an alternation the union of the branches'.

`full_scan` is the slow reference (the alternation at every token start);
the tests prove with hypothesis that `scan` finds exactly what it finds.
"""

from __future__ import annotations

import re

# The stdlib's own regex parser (no public API; typeshed has no stubs for it).
import re._constants as sre_c  # type: ignore[import-not-found]
import re._parser as sre_p  # type: ignore[import-not-found]
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.resolve import Ctx, Result
from tracker.extract.timex.rules import Language, Rule

FLAGS = re.IGNORECASE
DIGITS = "#"  # the token class of any run of digits
_WILD = "*"  # a token the analysis cannot spell out (a letter class)
TOKENS = re.compile(r"[A-Za-z]+|\d+")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

# A trigger word lies at most this many characters after the start of the
# match that holds it. The longest lead in English is a hedge plus a vague
# count before the unit ("approximately the past few weeks ago" is 36); the
# property test in tests/test_timex_rules.py fails if a rule outgrows it.
TRIGGER_REACH = 40
_EXPAND_LIMIT = 400  # largest finite spelling set expanded letter by letter


# --- regex analysis --------------------------------------------------------------


@dataclass
class _Info:
    """What a sub-pattern guarantees about the tokens of any text it matches."""

    nullable: bool  # can match without consuming a token
    first: set[str] = field(default_factory=set)  # tokens a match can begin with
    req: set[str] | None = None  # one of these is in every match (None: no such set)


def _is_letter(ch: int) -> bool:
    return chr(ch).isalpha() and chr(ch).isascii()


def _spell(node: tuple[Any, Any]) -> set[str] | None:
    """The finite set of letter/digit strings ``node`` matches ("0" stands for any digit).

    None when it can match anything else (spaces, punctuation, unbounded runs).
    """
    op, av = node
    if op is sre_c.LITERAL:
        if _is_letter(av):
            return {chr(av).lower()}
        return {"0"} if chr(av).isdigit() else None
    if op is sre_c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is sre_c.LITERAL and (_is_letter(iav) or chr(iav).isdigit()):
                out.add("0" if chr(iav).isdigit() else chr(iav).lower())
            elif iop is sre_c.RANGE and chr(iav[0]).isdigit() and chr(iav[1]).isdigit():
                out.add("0")
            elif iop is sre_c.CATEGORY and iav is sre_c.CATEGORY_DIGIT:
                out.add("0")
            elif iop is sre_c.RANGE and _is_letter(iav[0]):
                out.add(_WILD)
            else:
                return None
        return out
    if op is sre_c.SUBPATTERN:
        return _spell_seq(av[3])
    if op is sre_c.BRANCH:
        alts = [_spell_seq(b) for b in av[1]]
        if any(a is None for a in alts):
            return None
        return set().union(*alts)  # type: ignore[arg-type]
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        inner = _spell_seq(sub)
        if inner is None or hi > 2:
            return None
        options = {""} if lo == 0 else set()
        options |= inner
        if hi == 2:
            options |= {a + b for a in inner for b in inner}
        return options
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
        return {""}
    return None


def _spell_seq(seq: Iterable[tuple[Any, Any]]) -> set[str] | None:
    out = {""}
    for node in seq:
        s = _spell(node)
        if s is None:
            return None
        out = {a + b for a, b in product(out, s)}
        if len(out) > _EXPAND_LIMIT:
            return None
    return out


def _token_info(spellings: set[str]) -> _Info:
    """Info of one token run spelled out: its first token and the token it requires."""
    info = _Info(nullable="" in spellings, req=set())
    for s in spellings:
        if not s:
            continue
        first = TOKENS.match(s.replace("0", "1").replace(_WILD, "a"))
        if s.startswith(_WILD):
            info.first.add(_WILD)
        else:
            info.first.add(DIGITS if s[0] == "0" else (first.group().lower() if first else s))
        assert info.req is not None
        info.req.add(DIGITS if "0" in s else (_WILD if _WILD in s else s))
    if info.nullable or (info.req and _WILD in info.req):
        info.req = None
    return info


def _seq_info(seq: Iterable[tuple[Any, Any]], common: frozenset[str]) -> _Info:
    units: list[_Info] = []
    run: list[tuple[Any, Any]] = []

    def close_run() -> None:
        if run:
            spelled = _spell_seq(run)
            assert spelled is not None
            units.append(_token_info(spelled))
            run.clear()

    for node in seq:
        op = node[0]
        if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
            continue  # zero-width: no token
        s = _spell(node)
        if s is not None and not (s == {""}):
            run.append(node)
            continue
        close_run()
        units.append(_node_info(node, common))
    close_run()
    info = _Info(nullable=all(u.nullable for u in units))
    for u in units:
        info.first |= u.first
        if not u.nullable:
            break
    candidates = [u.req for u in units if u.req]
    if candidates:
        info.req = min(candidates, key=lambda r: (len(r & common), DIGITS not in r, len(r)))
    return info


def _node_info(node: tuple[Any, Any], common: frozenset[str]) -> _Info:
    op, av = node
    if op is sre_c.SUBPATTERN:
        return _seq_info(av[3], common)
    if op is sre_c.BRANCH:
        return _alternatives([_seq_info(b, common) for b in av[1]])
    if op is sre_c.GROUPREF_EXISTS:
        return _alternatives([_seq_info(av[1], common), _seq_info(av[2] or [], common)])
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        lo, _, sub = av
        inner = _seq_info(sub, common)
        if lo == 0:
            return _Info(nullable=True, first=inner.first)
        return inner
    if op is sre_c.GROUPREF:
        return _Info(nullable=True)  # repeats a separator already matched ("/" or "-")
    # a separator: spaces, punctuation, a class of non-letters
    return _Info(nullable=False)


def _alternatives(alts: list[_Info]) -> _Info:
    info = _Info(nullable=any(a.nullable for a in alts))
    for a in alts:
        info.first |= a.first
    if all(a.req for a in alts):
        info.req = set().union(*(a.req or set() for a in alts))
    return info


def analyse(pattern: str, common: frozenset[str] = frozenset()) -> _Info:
    """Starters and trigger words of one rule's regex (see the module docstring)."""
    return _seq_info(sre_p.parse(pattern, FLAGS), common)


# --- compiling and scanning -------------------------------------------------------


def _prefix(rule: str, pattern: str) -> str:
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{rule}__{m.group(1)}>", pattern)
    pattern = re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({rule}__{m.group(1)})", pattern)
    return re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={rule}__{m.group(1)})", pattern)


def _group_names(pattern: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", pattern)))


def _alternation(rules: Iterable[Rule]) -> re.Pattern[str]:
    # Word boundary on both sides; no match starting inside a number or amount.
    return re.compile(
        r"(?<![\w$£€#@/.-])(?:"
        + "|".join(f"(?P<{r.name}>{_prefix(r.name, r.pattern)})" for r in rules)
        + r")(?![\w%$£€@])",
        FLAGS,
    )


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, with shared prefixes factored out."""
    root: _Trie = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def spell(node: _Trie) -> str:
        alts = [re.escape(ch) + spell(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return spell(root)


class Grammar:
    """The compiled scanner of one or more languages (their rules in order)."""

    def __init__(self, languages: Iterable[Language], common: frozenset[str]) -> None:
        self.languages = tuple(languages)
        self.rules: dict[str, Rule] = {}
        for lang in self.languages:
            for r in lang.rules:
                self.rules.setdefault(r.name, r)
        self.groups = {name: _group_names(r.pattern) for name, r in self.rules.items()}
        self.master = _alternation(self.rules.values())
        triggers: set[str] = set()
        starters: set[str] = set()
        self._firsts: list[tuple[str, frozenset[str]]] = []  # alpha rules, in order
        digit_rules = []
        for r in self.rules.values():
            info = analyse(r.pattern, common)
            if not info.req:
                raise ValueError(f"rule {r.name!r}: no word that every match contains")
            if _WILD in info.first:
                raise ValueError(f"rule {r.name!r}: its first word cannot be spelled out")
            triggers |= info.req
            starters |= info.first
            if DIGITS in info.first:
                digit_rules.append(r)
            if info.first - {DIGITS}:
                self._firsts.append((r.name, frozenset(info.first)))
        self.triggers = frozenset(triggers - {DIGITS})
        self.starters = frozenset(starters - {DIGITS})
        # At a token start the scanner tries only the rules that can begin
        # there: those starting with a number, or with that very word (compiled
        # on first use). Rule order is kept inside each, so the same rule wins.
        self.master_digit = _alternation(digit_rules)
        self._by_word: dict[str, re.Pattern[str]] = {}
        self._by_rules: dict[tuple[str, ...], re.Pattern[str]] = {}
        # A trigger is a whole ASCII word (as TOKENS reads words) or any digit run.
        # Spelled as a trie ("a(?:pr(?:il)?|ug(?:ust)?)"): a flat alternation
        # of 160 words is three times slower for the regex engine.
        self.trigger_re = re.compile(
            rf"(?<![A-Za-z])(?:{_trie(self.triggers)})(?![A-Za-z])|(?<!\d)\d",
            re.IGNORECASE | re.ASCII,
        )

    def _word_matcher(self, word: str) -> re.Pattern[str]:
        """The alternation of just the rules that can begin with ``word`` (compiled once)."""
        names = tuple(n for n, first in self._firsts if word in first)
        pat = self._by_rules.get(names)
        if pat is None:
            pat = self._by_rules[names] = _alternation(self.rules[n] for n in names)
        self._by_word[word] = pat
        return pat

    def candidate(self, m: re.Match[str]) -> Candidate:
        rule = m.lastgroup or ""
        groups = {n: m.group(f"{rule}__{n}") for n in self.groups[rule]}
        return Candidate(m.start(), m.end(), rule, groups, m)

    def normalise(self, ctx: Ctx, c: Candidate) -> Result | None:
        """The value of candidate ``c`` by the rule that matched it (None: the rule declines)."""
        return self.rules[c.rule].normalise(ctx, c)

    def accept(self, text: str, c: Candidate) -> bool:
        return all(lang.accept(text, c) for lang in self.languages)

    def scan(self, text: str, lo: int = 0, hi: int | None = None) -> list[Candidate]:
        """All accepted candidates in text[lo:hi], left to right, non-overlapping.

        Finds what `full_scan` finds, trying the alternation only at starters
        that lie within TRIGGER_REACH characters before a trigger or a number.
        The triggers are found by one regex (in C), so the words between them
        cost nothing; only the short lead before each trigger is tokenised.
        """
        hi = len(text) if hi is None else hi
        # Tokens are read in text[lo:hi] as `full_scan` reads them: a word cut
        # by either bound is a token of its own.
        sub = text if lo == 0 and hi == len(text) else text[lo:hi]
        out: list[Candidate] = []
        pos = 0  # in sub
        match_any, match_digit = self.master.match, self.master_digit.match
        starters, by_word = self.starters, self._by_word
        tried = -1  # the alternation already failed (or was rejected) at every start up to here
        for trig in self.trigger_re.finditer(sub):
            ts = trig.start()
            if ts < pos:
                continue
            window = max(pos, ts - TRIGGER_REACH)
            for tok in TOKENS.finditer(sub, max(0, window - 1), trig.end()):
                p = tok.start()
                w = tok.group()
                digit = w[0].isdigit()
                prev = sub[p - 1] if p else ""
                if prev and (prev.isdigit() if digit else prev in _ASCII_LETTERS):
                    continue  # the tail of a longer token
                lw = w if digit else w.lower()
                if not digit and lw not in starters:
                    continue
                starts = (p - 1, p) if digit and prev == "'" else (p,)  # "'90s"
                for q in starts:
                    if q < window or q <= tried:
                        continue
                    tried = q
                    at = q + lo
                    if q < p:
                        m = match_any(text, at)  # the apostrophe of "'90s"
                    elif digit:
                        m = match_digit(text, at)
                    else:
                        m = (by_word.get(lw) or self._word_matcher(lw)).match(text, at)
                    if m is None or m.end() > hi:
                        continue
                    c = self.candidate(m)
                    if self.accept(text, c):
                        out.append(c)
                        pos = m.end() - lo
                        break
                else:
                    continue
                break
        return out

    def full_scan(self, text: str, lo: int = 0, hi: int | None = None) -> list[Candidate]:
        """The reference scan: the alternation at every token start (slow; for tests)."""
        hi = len(text) if hi is None else hi
        out: list[Candidate] = []
        pos = lo
        for tok in TOKENS.finditer(text, lo, hi):
            starts = [tok.start()]
            if tok.group()[0].isdigit() and tok.start() > lo and text[tok.start() - 1] == "'":
                starts.insert(0, tok.start() - 1)
            for p in starts:
                if p < pos:
                    continue
                m = self.master.match(text, p)
                if m is None or m.end() > hi:
                    continue
                c = self.candidate(m)
                if self.accept(text, c):
                    out.append(c)
                    pos = m.end()
                    break
        return out
