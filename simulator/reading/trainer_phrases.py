"""A trainer's own phrases on top of the learned reader (`phrases:` in a scenario, `--phrases`).

An organisation has words the reader was never taught: its incident system ("Datix"), its
review ("revalidation"), its dashboards. A trainer lists them by focus, or under `nea` for
words that make any question about them a compliance check. The reader takes the model's
form and lets a trainer's phrase decide the focus, because the trainer knows what the word
means in that workplace and the corpus does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.phrase_scan import PhraseScanner
from simulator.reading.set_aside import in_its_clause, puts_aside
from simulator.reading.trainee_text import EDGE_JUNK, normalise
from simulator.vocabulary import Focus, PhraseLists

NEA_KIND = "nea"
"""The list of words whose mention makes a question a compliance check."""

_KINDS = frozenset({*(focus.value for focus in Focus if focus is not Focus.NONE), NEA_KIND})


class TrainerPhrases:
    """A trainer's phrase lists, compiled once."""

    def __init__(self, lists: PhraseLists) -> None:
        fragments = tuple(
            (kind, tuple(dict.fromkeys(filter(None, map(_phrase_fragment, phrases)))))
            for kind, phrases in lists
            if kind in _KINDS
        )
        self._scanner = PhraseScanner(tuple((kind, found) for kind, found in fragments if found))

    def first_in(self, clean: str) -> tuple[str, str] | None:
        """The first trainer phrase in a normalised line, as (kind, words matched); `nea` wins a tie.

        An NEA word the line sets aside wherever it names it ("Forget the ARCP for now. How are
        you, really?", "The e-portfolio can wait.") makes no compliance check: asked after that,
        "How are you?" shut Niamh down. Its other phrases still count.
        """
        hits = [
            hit
            for hit in self._scanner.scan(clean)
            if hit[0] != NEA_KIND or not _only_set_aside(clean, hit[1])
        ]
        if not hits:
            return None
        return next((hit for hit in hits if hit[0] == NEA_KIND), hits[0])


def _only_set_aside(clean: str, words: str) -> bool:
    """Whether every mention of `words` in the line is in a clause that sets it aside."""
    mentions = re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", clean)
    return all(puts_aside(*in_its_clause(clean, found)) for found in mentions)


@lru_cache(maxsize=32)
def trainer_phrases(lists: PhraseLists) -> TrainerPhrases:
    """A trainer's phrase lists compiled, once per set of lists."""
    return TrainerPhrases(lists)


def _phrase_fragment(phrase: str) -> str:
    """A trainer's phrase as a literal fragment, normalised as trainee lines are ("Datix" -> "datix")."""
    clean = normalise(phrase).strip(EDGE_JUNK)
    if not clean[:1].isalnum():
        return ""
    return re.escape(clean).replace("\\ ", " ").replace("\\-", "-").replace("\\'", "'")
