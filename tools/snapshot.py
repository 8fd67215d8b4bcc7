"""Write every table of every article parley is tested on to one folder, to diff two versions.

    .venv/bin/python tools/snapshot.py /tmp/before   # on the old code
    .venv/bin/python tools/snapshot.py /tmp/after    # on the new code
    diff -r /tmp/before /tmp/after                   # empty: a refactor changed no output
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))
FOLDERS = ("seeds", "tests/articles", "tests/articles/holdout", "tests/corpus")


def main(out: str) -> int:
    warnings.simplefilter("ignore")
    from parley import analyze, read_article
    from parley.corpus import articles

    for folder in FOLDERS:
        for path in articles(ROOT / folder):
            result = analyze(read_article(path))
            target = Path(out) / folder.replace("/", "_") / path.stem
            target.mkdir(parents=True, exist_ok=True)
            for name, frame in result.tables().items():
                frame.to_csv(target / f"{name}.csv", index=False, lineterminator="\n")
            result.sentences.to_csv(target / "sentences.csv", index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "snapshot"))
