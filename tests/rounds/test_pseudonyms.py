"""Trainee pseudonyms: stable under one secret, unlinkable across secrets, never the name."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from simulator.rounds.pseudonyms import PSEUDONYM_PREFIX, pseudonym
from tests.strategies import trainee_names

secrets = st.text("0123456789abcdef", min_size=64, max_size=64)


@pytest.mark.slow
@given(secrets, trainee_names)
def test_a_pseudonym_is_stable_and_never_shows_the_name(secret: str, name: str) -> None:
    made = pseudonym(secret, name)
    assert made == pseudonym(secret, name)
    assert made.startswith(PSEUDONYM_PREFIX) and len(made) == len(PSEUDONYM_PREFIX) + 16
    assume(not set(name) <= set(PSEUDONYM_PREFIX + "0123456789abcdef"))  # "000" may well be in the hex
    assert name not in made


@pytest.mark.slow
@given(secrets, secrets, trainee_names)
def test_another_gradebook_s_secret_gives_another_pseudonym(first: str, second: str, name: str) -> None:
    if first != second:
        assert pseudonym(first, name) != pseudonym(second, name)


def test_two_trainees_get_two_pseudonyms_and_composed_accents_do_not_split_one() -> None:
    secret = "5" * 64
    assert pseudonym(secret, "Ann Lee") != pseudonym(secret, "Ann Leé")
    assert pseudonym(secret, "Zoe\u0301") == pseudonym(secret, "Zoé")
