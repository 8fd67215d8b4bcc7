"""Fixtures for the dictionary coder: each dictionary set is compiled (or read from the
disk cache) once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

VALIDATION = Path(__file__).resolve().parent / "petrarch_validation"


@pytest.fixture(scope="session")
def phoenix():
    """The vendored Phoenix set: CAMEO 2.0 verbs, Phoenix actors and agents."""
    from parley.dictionaries import load

    return load()


@pytest.fixture(scope="session")
def validation():
    """PETRARCH's validation set: PETR.Validate.* (fictional states: Arnor ARN, Gondor GON, ...)."""
    from parley.dictionaries import load

    return load(VALIDATION)
