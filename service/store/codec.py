"""Pipeline dataclasses to plain JSON values, the form derived rows are stored (and served) in, and back."""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from json.encoder import encode_basestring
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
    """``json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))``, written directly: an
    entry gathering thousands of sources is stored again whenever one joins, and each small immutable
    record (a source, an actor, a date) is encoded once and then reused from a cache."""
    return _encode(value)


def _encode(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is tuple or kind is list:
        return "[" + ",".join(map(_encode, value)) + "]"
    if value is None or kind is bool or kind is int or kind is float:
        return json.dumps(value)
    if kind is date:
        return '"' + value.isoformat() + '"'
    if kind is dict:
        return "{" + ",".join(encode_basestring(k) + ":" + _encode(v) for k, v in value.items()) + "}"
    if _small(kind):
        try:
            return _record(value)
        except TypeError:  # a list where the type says tuple (a record rebuilt by hand): not hashable
            pass
    write = _writer(kind)
    if write is not None:
        return write(value)
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


@functools.lru_cache(maxsize=1 << 16)
def _record(value: Any) -> str:
    """A small immutable record's JSON, by value."""
    return _writer(type(value))(value)


@functools.cache
def _writer(kind: type) -> Callable[[Any], str] | None:
    """A dataclass's JSON writer, made once per type: its fields in order, each string or integer
    field written inline (its value's type checked: any other value is encoded the generic way)."""
    keys = _keys(kind)
    if keys is None:
        return None
    hints = typing.get_type_hints(kind)
    parts = [repr(("{" if i == 0 else ",") + key) + " + " + _field(f"v{i}", name, hints.get(name))
             for i, (name, key) in enumerate(keys)]
    source = "def write(value):\n    return " + (" + ".join(parts) + " + '}'" if parts else "'{}'")
    scope = {"_encode": _encode, "_ebs": encode_basestring}
    exec(source, scope)  # noqa: S102 - the source is made of field names and these helpers only
    return scope["write"]


def _field(var: str, name: str, hint: Any) -> str:
    """The expression writing field ``name`` of ``value`` (``var``: a name of its own to hold it)."""
    options = set(typing.get_args(hint)) if typing.get_origin(hint) in (types.UnionType, typing.Union) else {hint}
    scalar = str if str in options else int if int in options else None
    if scalar is None or not options <= {scalar, type(None)}:
        return f"_encode(value.{name})"
    write = "_ebs" if scalar is str else "str"
    written = f"{write}({var}) if type({var}) is {scalar.__name__} else _encode({var})"
    if type(None) in options:
        return f"('null' if ({var} := value.{name}) is None else {written})"
    return f"({written.replace(f'type({var})', f'type({var} := value.{name})', 1)})"


@functools.cache
def _keys(kind: type) -> tuple[tuple[str, str], ...] | None:
    """(field name, its JSON key with the colon) of a dataclass type, None for any other type."""
    names = _names(kind)
    return None if names is None else tuple((name, encode_basestring(name) + ":") for name in names)


_LEAVES = frozenset({str, int, float, bool, type(None), date})


@functools.cache
def _small(kind: type) -> bool:
    """A frozen dataclass whose fields are scalars, dates, tuples of them or other such records: cheap
    to hash, so its encoding is cached by value (an entry's sources and the values of its figures
    are stored again, mostly unchanged, whenever one more outlet joins it)."""
    params = getattr(kind, "__dataclass_params__", None)
    if params is None or not params.frozen:
        return False
    for hint in typing.get_type_hints(kind).values():
        options = typing.get_args(hint) if typing.get_origin(hint) in (types.UnionType, typing.Union) else (hint,)
        if not all(o in _LEAVES or _leaves(o) or (isinstance(o, type) and _small(o)) for o in options):
            return False
    return True


def _leaves(hint: Any) -> bool:
    """A tuple of scalars (a discrepancy value's article ids)."""
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[0] in _LEAVES and args[1] is Ellipsis


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
