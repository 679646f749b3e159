"""Runtime settings, from arguments or the environment (never from the wall clock or cwd state)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///timeline.db"
DATABASE_ENV = "TIMELINE_DATABASE_URL"
MAX_BODY_BYTES = 1024 * 1024
WORKERS_ENV = "TIMELINE_ANALYSIS_WORKERS"  # processes that analyse a batch's articles; below 2: none


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


def analysis_workers() -> int:
    """Worker processes for a batch's per-article stages (``WORKERS_ENV``); 0, in process, by default."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    return int(value) if value.isdigit() else 0
