"""Hypothesis profiles: fast by default, thorough with HYPOTHESIS_PROFILE=ci (used by .ci/run),
and HYPOTHESIS_PROFILE=explore for a long hunt for rare failures before a release."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
# CI draws the same examples on every run, so that a change is judged by its own code and
# not by a rare draw; the explore profile draws fresh ones and far more of them.
settings.register_profile(
    "ci",
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "explore",
    max_examples=5000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
