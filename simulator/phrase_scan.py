"""Compiling word lists into fast matchers: the machinery under both readers of text.

A word list is a tuple of regular-expression fragments written in lower case (see
`simulator.reading.cue_lexicon` and `simulator.talk.lexicon`). Python's regex engine tries the
alternatives of a pattern one by one at every position, which is slow for lists of hundreds
of phrases. For the reader of trainee lines (`simulator.reading.moves`) this module shapes each list
as a trie over its literal beginnings and, for scanning a sentence for many lists at once,
wakes the engine only at word starts where some phrase could begin (`PhraseScanner`). For
the reader of coachee language (`simulator.talk.client_talk`), `GroupScanner` files whole
patterns under the three characters they must start with, so each word tries only its own
file and the matches are those of one big alternation, match objects and inner groups
included. For a few dozen patterns searched anywhere in raw text, as `re.search` would search
their alternation (what a line grants a reply to presume, words of praise), `Alternatives`
searches each pattern for its literal start, without its leading `\b`, and checks the whole
pattern only where that start is found: the scanners above match only at word starts of
normalised text, which patterns anchored on punctuation or a line's end do not fit. Nothing
here knows about coaching.
"""

from __future__ import annotations

import re
import re._parser as _parser  # type: ignore[import-not-found]  # a pattern's parse, for `required_text`
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

__all__ = [
    "WORD_END",
    "WORD_START",
    "Alternatives",
    "GroupScanner",
    "PhraseScanner",
    "alternation",
    "anywhere",
    "opening",
    "word_starts",
]

WORD_START = r"(?<![\w'])"
WORD_END = r"(?:(?<![\w'])|(?![\w']))"  # satisfied if the match ended on a non-word char


def alternation(fragments: tuple[str, ...]) -> str:
    """One alternation of the fragments, shaped as a trie over their literal beginnings.

    Python's regex engine tries alternatives one by one at each word start. Sharing the
    literal beginnings ("you should", "you need to" -> "you (?:should|need to)") lets it
    reject most phrases with one comparison, which makes the reader several times faster
    without changing what matches (longer phrases are tried first).
    """
    trie = _TrieNode()
    others: list[str] = []
    for fragment in _distribute_leading_choice(fragments):
        prefix = _literal_prefix(fragment)
        if not prefix or _has_top_level_bar(fragment):
            others.append(fragment)
            continue
        node = trie
        for char in prefix:
            node = node.children.setdefault(char, _TrieNode())
        node.tails.append(fragment[len(prefix) :])
    branches = [trie.pattern()] if trie.children else []
    return "(?:" + "|".join(branches + [f"(?:{other})" for other in others]) + ")"


class _TrieNode:
    """Phrases sharing a literal beginning: the next characters, and the tails that end here."""

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode] = {}
        self.tails: list[str] = []

    def pattern(self) -> str:
        # Children (longer literal beginnings) first, so a longer phrase wins over its prefix.
        parts = [char + child.pattern() for char, child in self.children.items()] + self.tails
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _literal_prefix(fragment: str) -> str:
    """The plain characters a fragment starts with ("" if it starts with regex syntax)."""
    prefix = []
    for index, char in enumerate(fragment):
        if not (char.isalnum() or char in " ',-"):
            break
        if fragment[index + 1 : index + 2] in ("?", "*", "+", "{"):
            break
        prefix.append(char)
    return "".join(prefix)


_LEADING_CHOICE = re.compile(r"\(\?:([^()\\]*)\)(\??)(?![*+{])(.*)", re.DOTALL)


def _distribute_leading_choice(fragments: tuple[str, ...]) -> list[str]:
    """Rewrite "(?:a|b) c" as "a c" and "b c", and "(?:a )?c" as "a c" and "c", to expose plain beginnings."""
    spread: list[str] = []
    pending = list(fragments)
    while pending:
        fragment = pending.pop(0)
        choice = _LEADING_CHOICE.fullmatch(fragment)
        options = choice.group(1).split("|") if choice else []
        if choice and all(options):
            tail = choice.group(3)
            optional = [tail] if choice.group(2) and tail else []  # "(?:it's )?nice" is also "nice"
            pending[:0] = [option + tail for option in options] + optional
        else:
            spread.append(fragment)
    return spread


def _has_top_level_bar(fragment: str) -> bool:
    """True if the fragment has an alternation bar outside any group or character class."""
    return any(char == "|" and depth == 0 for _, char, depth in _syntax(fragment))


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a pattern outside escapes and character classes, with its group depth.

    Parentheses are given at the depth they open from or close back to, so a group's "(" and
    its ")" stand at the same depth. Every walk over regex syntax in this module goes through here.
    """
    depth, index = 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index) + 1
            continue
        if char == ")":
            depth -= 1
        yield index, char, depth
        if char == "(":
            depth += 1
        index += 1


def _class_end(pattern: str, start: int) -> int:
    """The index of the "]" closing the character class opened at `start`."""
    index = start + 1
    while index < len(pattern):
        if pattern[index] == "\\":
            index += 2
            continue
        if pattern[index] == "]":
            return index
        index += 1
    raise ValueError(f"unclosed character class: {pattern!r}")


def anywhere(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found anywhere in a sentence, on word boundaries."""
    return re.compile(WORD_START + alternation(fragments) + WORD_END)


def opening(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """Phrases that must open the sentence (use with .match)."""
    return re.compile(alternation(fragments) + WORD_END)


class PhraseScanner:
    """One pass over a sentence for many word lists at once, reporting which list matched.

    The phrases are indexed by their first two letters. A small "gate" pattern of how every
    phrase begins finds, in C, the next word start where some phrase could begin; only there
    does the scanner try the phrases filed under that word's first letters. Most words are
    skipped without waking Python, which keeps reading a line well under a tenth of a
    millisecond. Where two lists match at the same spot the earlier list wins, so lists come
    in priority order. Phrases anchored with "^" are tried at the first word only; phrases
    must otherwise begin with plain letters, or with a digit class ("\\d+ percent").
    """

    def __init__(self, lists: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        self._rank = {kind: rank for rank, (kind, _) in enumerate(lists)}
        keyed: dict[str, list[tuple[str, list[str]]]] = {}
        anywhere: list[tuple[str, list[str]]] = []
        first: list[tuple[str, list[str]]] = []  # phrases anchored to the start of the sentence
        beginnings: set[str] = set()  # how every phrase begins, as a pattern (see _beginning)
        for kind, fragments in lists:
            by_key: dict[str, list[str]] = {}
            loose: list[str] = []
            anchored = [f[1:] for f in fragments if f.startswith("^")]
            if anchored:
                first.append((kind, anchored))
                beginnings.update(_beginning(f) for f in _distribute_leading_choice(tuple(anchored)))
            for fragment in _distribute_leading_choice(tuple(f for f in fragments if not f.startswith("^"))):
                prefix = _literal_prefix(fragment)
                beginnings.add(_beginning(fragment))
                if prefix and not _has_top_level_bar(fragment):
                    # A one-letter beginning ("i(?:'ve| have)") is filed under that letter alone.
                    by_key.setdefault(prefix[:_KEY_LENGTH], []).append(fragment)
                elif fragment.startswith("\\d"):
                    loose.append(fragment)
                else:
                    raise ValueError(f"word list {kind!r}: {fragment!r} must start with plain letters or \\d")
            for key, phrases in by_key.items():
                keyed.setdefault(key, []).append((kind, phrases))
            if loose:
                anywhere.append((kind, loose))
        self._keyed = keyed
        self._anywhere = anywhere
        self._anchored = first
        # Compiled on first use, per two-letter key and per "first word or not": most keys
        # never occur, and compiling every one at import would slow every program start.
        self._patterns: dict[tuple[str, bool], re.Pattern[str] | None] = {}
        self._beginnings = tuple(sorted(beginnings))
        self._gate: re.Pattern[str] | None = None

    def _gate_pattern(self) -> re.Pattern[str]:
        """Where some phrase could begin: a word start followed by how one of the phrases begins.

        Searching for this in C skips most words without waking Python. It is compiled on
        first use (a few tens of milliseconds for the reader's largest scanner), not at
        import, so commands that never read a line do not pay for it.
        """
        if self._gate is None:
            # "\w" rather than WORD_START's "[\w']": a word may follow an opening quote; the
            # scan checks the few candidates that follow punctuation (see word_starts).
            self._gate = re.compile(r"(?<!\w)" + alternation(self._beginnings))
        return self._gate

    def _pattern_for(self, key: str, at_start: bool) -> re.Pattern[str] | None:
        entries = list(self._keyed.get(key, []))
        if len(key) > 1:
            entries += self._keyed.get(key[0], [])  # one-letter beginnings
        if not key[:1].isalpha():
            entries += self._anywhere  # "\d+ percent" and the like
        if at_start:
            entries = self._anchored + entries
        pattern = self._compile(entries) if entries else None
        if key.isascii():  # other keys are not kept, so unusual input cannot grow the table
            self._patterns[key, at_start] = pattern
        return pattern

    def _compile(self, entries: list[tuple[str, list[str]]]) -> re.Pattern[str]:
        # Several entries may share a kind; a group name may appear only once, so merge them,
        # and keep the lists in their order of priority.
        merged: dict[str, list[str]] = {}
        for kind, phrases in sorted(entries, key=lambda entry: self._rank[entry[0]]):
            merged.setdefault(kind, []).extend(phrases)
        named = "|".join(f"(?P<{kind}>{alternation(tuple(phrases))})" for kind, phrases in merged.items())
        return re.compile("(?:" + named + ")" + WORD_END)

    def finditer(self, text: str) -> Iterator[tuple[str, str]]:
        """Each match as (the list it came from, the words matched), left to right."""
        return iter(self.scan(text))

    def scan(self, text: str) -> list[tuple[str, str]]:
        """Every match as (the list it came from, the words matched), left to right.

        The gate finds the next word where some phrase could begin; the phrases filed under
        that word's first two letters then decide, the earlier list winning. The loop is the
        reader's hottest code, hence the local names.
        """
        found: list[tuple[str, str]] = []
        search = (self._gate or self._gate_pattern()).search
        patterns, build = self._patterns, self._pattern_for
        position = 0
        while True:
            candidate = search(text, position)
            if candidate is None:
                return found
            start = candidate.start()
            if (
                start
                and text[start - 1] != " "
                and text[text.rfind(" ", 0, start) + 1 : start].lstrip(_OPENING_PUNCTUATION)
            ):
                position = start + 1  # inside a token ("self-confidence"): not where a word starts
                continue
            key = (text[start : start + _KEY_LENGTH], not start)
            pattern = patterns[key] if key in patterns else build(*key)
            match = pattern.match(text, start) if pattern is not None else None
            if match:
                found.append((match.lastgroup or "", match.group()))
                position = match.end()
            else:
                position = start + 1

    def finds(self, text: str, kind: str) -> bool:
        """Whether a phrase from the named list occurs in the text."""
        return any(found == kind for found, _ in self.scan(text))


_KEY_LENGTH = 2


def _beginning(fragment: str) -> str:
    """How a phrase begins, as a small pattern for the gate: its plain letters and the next few
    plain groups and letters ("you (?:really )?want (?:more|less) of" -> "you (?:really )?want
    (?:more|less)"), which keeps the gate from stopping at every "you"."""
    prefix = _literal_prefix(fragment)
    if not prefix:
        return r"\d"
    end = len(prefix)
    for _ in range(_GATE_UNITS):
        unit = _GATE_UNIT.match(fragment, end)
        if not unit or unit.end() == end:
            break
        end = unit.end()
    return fragment[:end]


# The gate takes a phrase up to its third group or so: a group without groups or classes
# inside (optional or not), or a run of plain letters. Anything else ends the beginning.
_GATE_UNIT = re.compile(r"\(\?:(?:[^()\[\]\\]|\\.)*\)\??(?![*+{])|[a-z0-9 ',-]+(?![?*+{])")
_GATE_UNITS = 2


@lru_cache(maxsize=64)
def word_starts(text: str) -> tuple[int, ...]:
    """Where words begin: after a space, or after opening punctuation at the start of a token."""
    starts = []
    position = 0
    for token in text.split(" "):
        if token:
            word = token if token[0].isalnum() else token.lstrip(_OPENING_PUNCTUATION)
            if word:
                starts.append(position + len(token) - len(word))
        position += len(token) + 1
    return tuple(starts)


_OPENING_PUNCTUATION = "\"'([{-*_~`,.;:!?"


# --- scanning for named pattern groups (the reader of coachee language) ---------------------


def _close(pattern: str, start: int) -> int:
    """The index of the parenthesis closing the one at `start`."""
    opened = None
    for index, char, depth in _syntax(pattern):
        if index == start:
            opened = depth
        elif opened is not None and char == ")" and depth == opened:
            return index
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    bars = [index for index, char, depth in _syntax(pattern) if char == "|" and depth == 0]
    edges = [-1, *bars, len(pattern)]
    return [pattern[begin + 1 : end] for begin, end in pairwise(edges)]


def _prefixes(pattern: str, need: int = 3) -> set[str] | None:
    """Every literal start of `need` characters a pattern can match, or None when it is not literal."""
    found, index = "", 0
    while len(found) < need:
        if index >= len(pattern):
            return None
        char = pattern[index]
        if char == "(":
            end = _close(pattern, index)
            if pattern.startswith("(?=", index):  # what must follow is what comes next
                ahead = [
                    _prefixes(option, need - len(found)) for option in _alternatives(pattern[index + 3 : end])
                ]
                if any(rest is None for rest in ahead):
                    return None
                return {found + start for rest in ahead for start in rest or ()}
            if pattern.startswith("(?:", index):
                inner = index + 3
            elif pattern.startswith("(?P<", index):
                inner = pattern.index(">", index) + 1
            else:
                return None
            options, after = _alternatives(pattern[inner:end]), end + 1
            if after < len(pattern) and pattern[after] == "?":  # an optional group: with it or without
                options, after = [*options, ""], after + 1
            if after < len(pattern) and pattern[after] in "?*+{":
                return None
            starts: set[str] = set()
            for option in options:
                rest = _prefixes(option + pattern[after:], need - len(found))
                if rest is None:
                    return None
                starts |= {found + start for start in rest}
            return starts
        if char == "\\":
            if pattern[index + 1].isalnum():
                return None
            char, index = pattern[index + 1], index + 2
        elif char in "[.^$|)":
            return None
        else:
            index += 1
        if index < len(pattern) and pattern[index] in "?*+{":
            return None
        found += char
    return {found}


class GroupScanner:
    """Finds named phrase groups at word starts, left to right, without overlaps, like one big alternation.

    Where `PhraseScanner` takes word lists of phrases with plain beginnings and reports
    (list, words), this takes whole patterns (leading choices such as "(?:it|my \\w+)",
    lookaheads, inner named groups) and returns the match objects, so the caller can read
    the inner groups. One alternation of several hundred phrases would try every phrase at
    every word; instead each alternative is filed under every three-character start it can
    have, and each word start tries only its own file (plus the alternatives whose start is
    not literal). Same matches as the one big alternation (tests/test_client_talk.py holds
    this), in well under half the time. Words start only after a space, so the caller
    normalises its text to words one space apart. A group with an empty name is taken as
    written: it names its own groups and ends as it likes; a named group ends at a word end.
    """

    def __init__(self, groups: list[tuple[str, str]]) -> None:
        files: dict[str, list[tuple[int, int, str]]] = {}
        loose: list[tuple[int, int, str]] = []
        for group, (_, pattern) in enumerate(groups):
            for order, option in enumerate(_alternatives(pattern)):
                starts = _prefixes(option)
                entry = (group, order, option)
                if starts is None:
                    loose.append(entry)
                for start in starts or ():
                    files.setdefault(start, []).append(entry)
        self._files = {start: self._compile(groups, entries + loose) for start, entries in files.items()}
        self._loose = self._compile(groups, loose) if loose else None

    @staticmethod
    def _compile(groups: list[tuple[str, str]], entries: list[tuple[int, int, str]]) -> re.Pattern[str]:
        by_group: dict[int, list[str]] = {}
        for group, _, option in sorted(entries):
            by_group.setdefault(group, []).append(option)
        return re.compile(
            "|".join(
                f"(?P<{groups[group][0]}>(?:{'|'.join(options)})(?![\\w']))"
                if groups[group][0]
                else f"(?:{'|'.join(options)})"
                for group, options in by_group.items()
            )
        )

    def scan(self, line: str) -> list[re.Match[str]]:
        """The matches in `line`, in order, trying each word that follows a single space."""
        found: list[re.Match[str]] = []
        files, loose, free, at = self._files, self._loose, 0, 0
        for word in line.split(" "):  # the line is normalised: words are one space apart
            pattern = files.get(line[at : at + 3], loose) if at >= free else None
            if pattern is not None and (match := pattern.match(line, at)) is not None:
                found.append(match)
                free = match.end()
            at += len(word) + 1
        return found


_LEADING_WORD_BOUNDARY = r"\b"


class Alternatives:
    """`re.compile("|".join(patterns), flags)`, with the same answer to `search` but sooner."""

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        self.patterns = tuple(patterns)
        # Each pattern, and the same without its leading \b: wherever the whole matches, the
        # rest matches too, so the rest finds every place worth checking. And the longest run of
        # plain characters every match holds: most lines lack it, and `in` says so many times
        # sooner than the regex engine would.
        self._parts = tuple(
            (
                required_text(pattern, flags),
                re.compile(pattern, flags),
                re.compile(pattern[len(_LEADING_WORD_BOUNDARY) :], flags)
                if pattern.startswith(_LEADING_WORD_BOUNDARY)
                else None,
            )
            for pattern in self.patterns
        )

    def search(self, text: str) -> re.Match[str] | None:
        """A match in `text` of the first pattern that matches, or None: found exactly when the
        alternation finds one, though not always where it would (callers ask only whether)."""
        for needed, whole, rest in self._parts:
            if needed not in text:
                continue
            if rest is None:
                found = whole.search(text)
                if found is not None:
                    return found
                continue
            start = 0
            while (candidate := rest.search(text, start)) is not None:
                found = whole.match(text, candidate.start())  # \b looks at the text before the start
                if found is not None:
                    return found
                start = candidate.start() + 1
        return None


def required_text(pattern: str, flags: int = 0) -> str:
    """The longest run of plain characters that every match of `pattern` holds ("" if none can
    be named: a pattern that ignores case, or one of choices only). Read from the pattern's
    parse: the runs of literal characters in its top-level sequence and in the groups it
    always passes through; a choice, a class, an optional part or a lookaround ends a run."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return ""
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    runs: list[str] = []
    _literal_runs(parsed, runs)
    return max(runs, key=len, default="")


def _literal_runs(sequence: Iterable[tuple[object, object]], runs: list[str]) -> None:
    run: list[str] = []
    for op, argument in sequence:
        if op is _parser.LITERAL:
            run.append(chr(argument))  # type: ignore[arg-type]
            continue
        runs.append("".join(run))
        run = []
        if op is _parser.SUBPATTERN and not argument[1] & re.IGNORECASE:  # type: ignore[index]
            _literal_runs(argument[-1], runs)  # type: ignore[index]  # a group is passed through whole
    runs.append("".join(run))
