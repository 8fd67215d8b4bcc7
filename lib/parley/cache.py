"""The on-disk cache: JSON values that are slow to build, kept between processes.

Each value lives in its own file under ``$XDG_CACHE_HOME/parley/`` (default ``~/.cache/parley/``)
together with the key it was built under: a dict of everything the value is built from
(package versions, hashes of data files and of the code that builds it). A value stored under
any other key is never returned, so changing an input invalidates the cache by itself.

The cache may only ever change the speed, never a result: a missing, corrupt or stale file
reads as no value, and a directory that cannot be written is skipped silently.

    key = {"pycountry": metadata.version("pycountry"), "rules.csv": sha256(...)}
    value = cache.load("rules.json", key)
    if value is None:
        value = build()
        cache.store("rules.json", key, value)
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_path(name: str) -> Path | None:
    """Where the cache file ``name`` lives (``$XDG_CACHE_HOME/parley/NAME``, by default under
    ``~/.cache``), or None when there is no home directory to put it in."""
    root = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(root):  # the XDG spec: a relative path is to be ignored
        try:
            root = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(root) / "parley" / name


def load(name: str, key: dict[str, str]) -> Any | None:
    """The value stored in the cache file ``name`` under exactly ``key``; None if there is no
    such file, it cannot be read or parsed, or it was written under another key."""
    path = cache_path(name)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["value"] if data["key"] == key else None
    except (OSError, ValueError, LookupError, TypeError):  # missing, unreadable, corrupt: no value
        return None


def store(name: str, key: dict[str, str], value: Any) -> None:
    """Write ``value`` (anything ``json.dump`` takes) to the cache file ``name`` under ``key``.

    The file is replaced atomically (a reader sees the old file or the new one, never half of
    one); when the cache directory cannot be created or written, nothing is stored."""
    path = cache_path(name)
    if path is None:
        return
    text = json.dumps({"key": key, "value": value}, ensure_ascii=False)  # a value JSON cannot hold fails here, loudly
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                         delete=False) as f:
            tmp = f.name
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
