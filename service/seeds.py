"""The seed story that ships with the service, found in an installed wheel or in the source tree."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from service.store import NewArticle, Store

PACKAGED = Path(__file__).parent / "seeds_data"  # where the wheel puts them (hatch force-include)
SOURCE_TREE = Path(__file__).parent.parent / "seeds"


@dataclass(frozen=True, slots=True)
class SeedStory:
    story: str
    articles: tuple[NewArticle, ...]


def seeds_dir() -> Path:
    for candidate in (PACKAGED, SOURCE_TREE):
        if (candidate / "manifest.json").is_file():
            return candidate
    raise FileNotFoundError("seed manifest not found in the package or the source tree")


def read_seed_story(directory: Path | None = None) -> SeedStory:
    """The manifest's articles, text only: the manifest invents no dates or publishers."""
    directory = directory or seeds_dir()
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    texts = ((directory / item["file"]).read_bytes().decode("utf-8") for item in manifest["articles"])
    return SeedStory(manifest["story"], tuple(NewArticle(text=t) for t in texts))


def load_seed_story(store: Store, directory: Path | None = None) -> bool:
    """Add the seed story when the store lacks it; True when it was added (idempotent)."""
    seed = read_seed_story(directory)
    if store.get_story(seed.story) is not None:
        return False
    store.add_articles(seed.story, list(seed.articles))
    return True
