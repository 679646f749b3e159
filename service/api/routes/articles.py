"""Articles: add them to a story, read them, correct their metadata, remove them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from service.api import services
from service.api.deps import ArticleId, Cursor, Limit, StoreDep, StoryId
from service.api.inputs import ArticleCreate, ArticlePatch
from service.api.problems import responses
from service.api.schemas import Article, ArticleList, ExpressionList

router = APIRouter(tags=["articles"])

ARTICLE_LINKS = {
    "GetArticle": {"operationId": "getArticle", "parameters": {"article_id": "$response.body#/id"}},
    "GetArticleExpressions": {
        "operationId": "getArticleExpressions",
        "parameters": {"article_id": "$response.body#/id"},
    },
    "PatchArticle": {"operationId": "patchArticle", "parameters": {"article_id": "$response.body#/id"}},
    "DeleteArticle": {"operationId": "deleteArticle", "parameters": {"article_id": "$response.body#/id"}},
    "GetStory": {"operationId": "getStory", "parameters": {"story": "$response.body#/story"}},
    "GetTimeline": {"operationId": "getTimeline", "parameters": {"story": "$response.body#/story"}},
}


@router.post(
    "/v1/stories/{story}/articles",
    operation_id="addArticle",
    summary="Add an article to a story",
    status_code=201,
    response_model=Article,
    responses={
        201: {"description": "The article was added; the story's timeline is rebuilt.", "links": ARTICLE_LINKS},
        200: {"model": Article, "description": "This exact text is already in the story; nothing changed.",
              "links": ARTICLE_LINKS},
        **responses(400, 413, 415, 422, 500),
    },
)
def add_article(story: StoryId, body: ArticleCreate, store: StoreDep, response: Response) -> Any:
    """Creates the story on first use. The article id derives from the story and the text's hash."""
    found, created = services.ingest(store, story, body)
    if not created:
        response.status_code = 200
    return found


@router.get(
    "/v1/stories/{story}/articles",
    operation_id="listArticles",
    summary="List a story's articles (without their text)",
    response_model=ArticleList,
    responses=responses(404, 422, 500),
)
def list_articles(story: StoryId, store: StoreDep, limit: Limit = 100, cursor: Cursor = None) -> Any:
    """In ingestion order; a cursor is valid until the story next changes."""
    return services.articles_page(store, story, limit, cursor)


@router.get(
    "/v1/articles/{article_id}",
    operation_id="getArticle",
    summary="One article with its text",
    response_model=Article,
    responses=responses(404, 422, 500),
)
def get_article(article_id: ArticleId, store: StoreDep) -> Any:
    return services.article(store, article_id)


@router.get(
    "/v1/articles/{article_id}/expressions",
    operation_id="getArticleExpressions",
    summary="The article's temporal expressions, resolved",
    response_model=ExpressionList,
    responses=responses(404, 422, 500),
)
def get_expressions(article_id: ArticleId, store: StoreDep) -> Any:
    return services.expressions(store, article_id)


@router.patch(
    "/v1/articles/{article_id}",
    operation_id="patchArticle",
    summary="Set or correct an article's metadata",
    response_model=Article,
    responses=responses(400, 404, 413, 415, 422, 500),
)
def patch_article(article_id: ArticleId, body: ArticlePatch, store: StoreDep) -> Any:
    """Fields sent as null are cleared; the story's clock and timeline are re-resolved."""
    return services.patch(store, article_id, body)


@router.delete(
    "/v1/articles/{article_id}",
    operation_id="deleteArticle",
    summary="Remove an article and all it contributed",
    status_code=204,
    response_class=Response,
    responses=responses(404, 422, 500),
)
def delete_article(article_id: ArticleId, store: StoreDep) -> Response:
    """The story stays (possibly empty); its clock and timeline are re-resolved without the article."""
    services.delete(store, article_id)
    return Response(status_code=204)
