"""Hypothesis profiles: a quick default, and a thorough one for occasional long runs.

The default profile is derandomized, so a test run (and CI) gives the same result every
time; the thorough profile draws new examples on every run, to find new failures.
Select with ``HYPOTHESIS_PROFILE=thorough pytest``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=150, deadline=None, derandomize=True)
settings.register_profile(
    "thorough",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
