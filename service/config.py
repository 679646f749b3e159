"""Runtime settings, from arguments or the environment (never from the wall clock or cwd state)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///timeline.db"
DATABASE_ENV = "TIMELINE_DATABASE_URL"
MAX_BODY_BYTES = 1024 * 1024
WORKERS_ENV = "TIMELINE_ANALYSIS_WORKERS"  # processes that analyse a batch's articles: N (below 2: none) or "auto"
AUTO_BATCH = 64  # "auto": workers only for batches at least this large, where they repay starting
MAX_AUTO_WORKERS = 4


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    load_seeds: bool = True
    max_body_bytes: int = MAX_BODY_BYTES

    @classmethod
    def from_env(cls, database_url: str | None = None, load_seeds: bool = True) -> Settings:
        """Explicit arguments win over the environment, which wins over the defaults."""
        url = database_url or os.environ.get(DATABASE_ENV) or DEFAULT_DATABASE_URL
        return cls(database_url=url, load_seeds=load_seeds)


def sqlite_path(url: str) -> Path:
    """The file behind a ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` URL."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or len(url) == len(prefix):
        raise ValueError(f"unsupported database URL {url!r}: expected sqlite:///PATH")
    return Path(url[len(prefix) :])


def analysis_workers(batch: int) -> int:
    """Worker processes for a batch of ``batch`` articles (``WORKERS_ENV``): 0, in process, by default;
    "auto": one per core (at most ``MAX_AUTO_WORKERS``) for batches of ``AUTO_BATCH`` or more."""
    value = os.environ.get(WORKERS_ENV, "").strip().lower()
    if value == "auto":
        return min(os.cpu_count() or 1, MAX_AUTO_WORKERS) if batch >= AUTO_BATCH else 0
    return int(value) if value.isdigit() else 0
