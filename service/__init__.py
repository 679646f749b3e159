"""Timeline reconstruction service: news articles in, an ordered, source-attributed timeline out."""

__version__ = "0.1.0"
