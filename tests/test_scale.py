"""Issue 6's measure, end to end through the command line: ``batch`` over 200 copies of the
test corpus's articles gives, for every copy, exactly the tables ``extract`` gives for its
original, on one machine (``--jobs 2``) and on a Dask LocalCluster (Parquet partitions)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
COPIES = 200
TABLES = ("actors", "mentions", "timexes", "events", "contacts", "quotes")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "lib")}, timeout=1800)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scale")
    originals = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")
    copies = tmp / "copies"
    copies.mkdir()
    origin = {}
    for i in range(COPIES):
        source = originals[i % len(originals)]
        name = f"{i:03d}-{source.stem}"
        shutil.copy(source, copies / f"{name}.md")
        origin[name] = source.stem
    extracted = {}
    for source in originals:
        run = _cli("extract", str(source), "--out", str(tmp / "extract" / source.stem))
        assert run.returncode == 0, run.stderr
        extracted[source.stem] = {t: pd.read_csv(tmp / "extract" / source.stem / f"{t}.csv", dtype=str,
                                                 keep_default_na=False) for t in TABLES}
    local = _cli("batch", str(copies), "--out", str(tmp / "local"), "--jobs", "2")
    assert local.returncode == 0, local.stderr
    dask = _cli("batch", str(copies), "--out", str(tmp / "dask"), "--jobs", "2", "--engine", "dask",
                "--format", "parquet")
    assert dask.returncode == 0, dask.stderr
    return tmp, origin, extracted


@pytest.mark.parametrize("table", TABLES)
def test_every_copy_equals_extract_of_its_original(runs, table):
    tmp, origin, extracted = runs
    combined = pd.read_csv(tmp / "local" / f"{table}.csv", dtype=str, keep_default_na=False)
    assert list(combined["article_id"].unique()) == [a for a in origin if (extracted[origin[a]][table]).shape[0]]
    for article_id, rows in combined.groupby("article_id", sort=False):
        got = rows.drop(columns="article_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, extracted[origin[article_id]][table])


@pytest.mark.parametrize("table", TABLES)
def test_dask_parquet_partitions_equal_the_local_run(runs, table):
    tmp, origin, _ = runs
    local = pd.read_csv(tmp / "local" / f"{table}.csv", dtype=str, keep_default_na=False)
    parts = sorted((tmp / "dask" / f"{table}.parquet").iterdir())
    assert [p.name for p in parts] == [f"{a}.parquet" for a in origin]  # one partition per article
    dask = pd.read_parquet(tmp / "dask" / f"{table}.parquet").astype(str)
    pd.testing.assert_frame_equal(dask.reset_index(drop=True), local.astype(str))
