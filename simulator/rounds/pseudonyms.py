"""Trainee pseudonyms: a stable stand-in for a name in exports and pseudonymised reports.

A pseudonym is a keyed hash (HMAC-SHA256) of the trainee's name under the gradebook's own
secret (kept in the gradebook, made when it is created). The same name gives the same
pseudonym in every round of one gradebook, so a learning platform can follow a trainee
from round to round; without the secret, nobody can tell whose it is by hashing a staff
list. Pure: the shell reads the secret and passes it in.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace

from scoring.cohort import GradedConversation
from scoring.review import Review, ReviewKey

PSEUDONYM_PREFIX = "trainee-"
PSEUDONYM_HEX_DIGITS = 16
"""64 bits of the keyed hash: two trainees of one gradebook share a pseudonym with odds far below one in a billion."""


def pseudonym(secret: str, trainee: str) -> str:
    """The pseudonym of `trainee` under `secret`, e.g. `trainee-3f9a2c1e5b7d9e0f`."""
    name = unicodedata.normalize("NFC", trainee).encode("utf-8")
    digest = hmac.new(secret.encode("utf-8"), name, hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:PSEUDONYM_HEX_DIGITS]


def pseudonymised_grades(
    graded: Sequence[GradedConversation], reviews: Mapping[ReviewKey, Review], secret: str
) -> tuple[list[GradedConversation], dict[ReviewKey, Review]]:
    """Graded conversations and their reviews with every trainee name replaced by its pseudonym."""
    return (
        [replace(conversation, trainee=pseudonym(secret, conversation.trainee)) for conversation in graded],
        {(pseudonym(secret, trainee), scenario): review for (trainee, scenario), review in reviews.items()},
    )
