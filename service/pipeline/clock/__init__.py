"""The story clock: each article's reference date, from its metadata, its text and its story."""

from service.pipeline.clock.resolve import resolve_reference_dates

__all__ = ["resolve_reference_dates"]
