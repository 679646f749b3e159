"""Pipeline dataclasses to plain JSON values, the form derived rows are stored (and served) in."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any


def plain(value: Any) -> Any:
    """Dataclasses become dicts, tuples lists, dates ISO strings; field names are kept as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    return json.loads(text)
