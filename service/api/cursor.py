"""Opaque page cursors, valid only for the story revision and the query they were made for.

Any change to a story (ingest, patch, delete) rebuilds its derived rows, so a cursor from an older
revision would skip or repeat items: it is reported stale (404) rather than silently misread.
"""

from __future__ import annotations

import base64
import hashlib

from fastapi import HTTPException


def _scope_tag(scope: str) -> str:
    return hashlib.sha256(scope.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def encode(revision: int, offset: int, scope: str) -> str:
    raw = f"{revision}.{offset}.{_scope_tag(scope)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str | None, revision: int, scope: str) -> int:
    """The offset a cursor points to; 0 without one; 404 when it is stale or not ours."""
    if cursor is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        rev, offset, tag = raw.split(".")
        if int(rev) == revision and tag == _scope_tag(scope) and offset.isdigit():
            return int(offset)
    except ValueError:
        pass
    raise HTTPException(404, "Unknown or stale cursor: start again without one.")


def next_cursor(revision: int, offset: int, returned: int, total: int, scope: str) -> str | None:
    end = offset + returned
    return encode(revision, end, scope) if end < total else None
