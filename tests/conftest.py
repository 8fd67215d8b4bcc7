"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "tests" / "stages"))  # the stages' tests share their hand-made actors and mentions

SEED = ROOT / "seeds" / "2021-10-24-iranian-azerbaijani-fms-hold-phone-talks.md"


@pytest.fixture(scope="session")
def nlp():
    from parley.nlp import load

    return load()


@pytest.fixture(scope="session")
def seed_result():
    """The seed article, analysed once for every end-to-end test."""
    from parley import analyze, read_article

    return analyze(read_article(SEED))
