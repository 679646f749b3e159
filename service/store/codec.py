"""Pipeline dataclasses to plain JSON values, the form derived rows are stored (and served) in, and back."""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date
from typing import Any

_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """Dataclasses become dicts, tuples lists, dates ISO strings; field names are kept as they are."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
    if kind is date:
        return value.isoformat()
    names = _names(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    return value


@functools.cache
def _names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def dumps(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    return json.loads(text)


def build(kind: Any, value: Any) -> Any:
    """The inverse of ``plain`` for a pipeline type: ``build(Statement, loads(text))``."""
    return None if value is None else _builder(kind)(value)


@functools.cache
def _builder(kind: Any):
    """A function from the plain value of ``kind`` back to it, made once per type."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is types.UnionType or origin is typing.Union:
        inner = _builder(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _builder(args[0])
        return lambda v: tuple(item(x) for x in v)
    if kind is date:
        return date.fromisoformat
    if dataclasses.is_dataclass(kind):
        fields = [(name, _builder(hint)) for name, hint in typing.get_type_hints(kind).items()]
        return lambda v: kind(**{name: make(v[name]) for name, make in fields if name in v})
    return lambda v: v
