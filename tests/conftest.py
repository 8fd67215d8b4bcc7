"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "tests" / "stages"))  # the stages' tests share their hand-made actors and mentions

SEED = ROOT / "seeds" / "2021-10-24-iranian-azerbaijani-fms-hold-phone-talks.md"
VALIDATION = ROOT / "tests" / "dictionaries" / "petrarch_validation"


@pytest.fixture(scope="session")
def nlp():
    from parley.nlp import load

    return load()


@pytest.fixture(scope="session")
def phoenix():
    """The vendored Phoenix set: CAMEO 2.0 verbs, Phoenix actors and agents, compiled once."""
    from parley.dictionaries import load

    return load()


@pytest.fixture(scope="session")
def validation():
    """PETRARCH's validation set: PETR.Validate.* (fictional states: Arnor ARN, Gondor GON, ...)."""
    from parley.dictionaries import load

    return load(VALIDATION)


@pytest.fixture(scope="session")
def seed_result():
    """The seed article, analysed once for every end-to-end test."""
    from parley import analyze, read_article

    return analyze(read_article(SEED))


def run_cli(capsys, *args) -> tuple[int, str]:
    """``python -m parley`` in this process (the model stays loaded): exit code and stderr."""
    from parley import cli

    code = cli.main([str(a) for a in args])
    return code, capsys.readouterr().err


def read_tables(out) -> dict:
    """The six CSV tables a run wrote to ``out``, every cell as text."""
    import pandas as pd

    from parley.schema import TABLES

    return {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False) for t in TABLES}
