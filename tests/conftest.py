"""Shared test set-up: one Hypothesis profile for every property in the suite."""

import os

from hypothesis import HealthCheck, settings

# Properties play whole conversations, so individual examples can take a few milliseconds;
# a deadline would make the suite flaky on a loaded machine without catching anything real.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=60, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
