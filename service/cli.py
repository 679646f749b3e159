"""The ``timeline`` command: serve the API, ingest article files, export a timeline, print the OpenAPI."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from service.config import Settings


def openapi_document() -> str:
    """The canonical text of openapi/openapi.json (regenerate with ``timeline openapi``)."""
    from service.main import create_app

    document = create_app(Settings()).openapi()  # opens no database: the store is made on first use
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.main import create_app
    from service.seeds import load_seed_story
    from service.store import Store

    settings = Settings.from_env(args.database, load_seeds=not args.no_seeds)
    store = Store(settings.database_url)
    if settings.load_seeds:
        load_seed_story(store)
    uvicorn.run(create_app(settings, store), host=args.host, port=args.port)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from fastapi import HTTPException

    from service.api.inputs import STORY_PATTERN, ArticleCreate
    from service.api.services import calendar_guard
    from service.store import NewArticle, Store

    if not re.fullmatch(STORY_PATTERN, args.story):
        print(f"timeline: invalid story id {args.story!r} (expected {STORY_PATTERN})", file=sys.stderr)
        return 2
    articles = []
    for path in args.files:
        try:
            body = ArticleCreate(
                text=Path(path).read_bytes().decode("utf-8"),
                publisher=args.publisher,
                published_at=args.published_at,
            )
        except (OSError, UnicodeDecodeError, ValidationError) as exc:
            print(f"timeline: cannot ingest {path}: {exc}", file=sys.stderr)
            return 2
        articles.append(NewArticle(**body.model_dump()))
    store = Store(Settings.from_env(args.database).database_url)
    try:
        with calendar_guard():
            results = store.add_articles(args.story, articles)
    except HTTPException as exc:
        print(f"timeline: nothing ingested: {exc.detail}", file=sys.stderr)
        return 2
    for path, (article, created) in zip(args.files, results):
        print(json.dumps({"file": path, "id": article["id"], "created": created}))
    return 0


def _export(args: argparse.Namespace) -> int:
    from fastapi import HTTPException

    from service.api.schemas import Timeline
    from service.api.services import timeline_page
    from service.store import Store, TimelineFilter

    store = Store(Settings.from_env(args.database).database_url)
    try:
        body = timeline_page(store, args.story, TimelineFilter(), limit=-1, after=None)
    except HTTPException as exc:
        print(f"timeline: {exc.detail}", file=sys.stderr)
        return 1
    print(Timeline.model_validate(body).model_dump_json(indent=2))
    return 0


def _openapi(args: argparse.Namespace) -> int:
    sys.stdout.write(openapi_document())
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="timeline", description="Timeline reconstruction service.")
    commands = root.add_subparsers(dest="command", required=True)
    database = {"help": "database URL (default: $TIMELINE_DATABASE_URL or sqlite:///timeline.db)"}

    serve = commands.add_parser("serve", help="serve the REST API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--database", **database)
    serve.add_argument("--no-seeds", action="store_true", help="do not load the seed story")
    serve.set_defaults(run=_serve)

    ingest = commands.add_parser("ingest", help="add article text files to a story")
    ingest.add_argument("files", nargs="+", metavar="FILE")
    ingest.add_argument("--story", required=True)
    ingest.add_argument("--published-at", help="ISO date, or date-time with offset")
    ingest.add_argument("--publisher")
    ingest.add_argument("--database", **database)
    ingest.set_defaults(run=_ingest)

    export = commands.add_parser("export", help="print a story's timeline as JSON")
    export.add_argument("--story", required=True)
    export.add_argument("--database", **database)
    export.set_defaults(run=_export)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document")
    openapi.set_defaults(run=_openapi)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
