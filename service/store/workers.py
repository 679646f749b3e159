"""A batch's per-article stages in worker processes, when the setting asks for them.

An article's analysis is a pure function of the article and its reference date, so what a worker
returns equals, value for value, what this process would compute: the stored timeline does not
depend on the setting. Workers are started with "spawn" (safe beside a server's threads) on the
first batch large enough, and kept for the life of the process. Results are handed over in order as
they come, so this process stores each article's analysis while the workers go on with the rest.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from service.config import analysis_workers
from service.pipeline.clock import resolve_reference_dates
from service.pipeline.model import AnalysedArticle, ArticleInput, ReferenceDate
from service.pipeline.story import analyse_article

MIN_BATCH = 8  # fewer articles are analysed in place: shipping them costs more than it saves

Work = tuple[ArticleInput, ReferenceDate | None]  # None: the article's own metadata gives its reference date

_pool: ProcessPoolExecutor | None = None
_size = 0
_lock = threading.Lock()


def analyse_all(work: list[Work]) -> Iterator[AnalysedArticle]:
    """Each article analysed, in order: in workers when the setting gives 2 or more for this batch
    (``config.analysis_workers``), else here, one at a time as the caller asks."""
    workers = analysis_workers(len(work))
    if workers < 2 or len(work) < MIN_BATCH:
        return map(analyse, work)
    chunk = max(1, len(work) // (4 * workers))
    return _executor(workers).map(analyse, work, chunksize=chunk)


def analyse(item: Work) -> AnalysedArticle:
    article, reference = item
    if reference is None:
        reference = resolve_reference_dates([article])[article.id]
    return analyse_article(article, reference)


def _executor(workers: int) -> ProcessPoolExecutor:
    global _pool, _size
    with _lock:
        if _pool is None or _size != workers:
            if _pool is not None:
                _pool.shutdown(wait=False)
            _pool, _size = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")), workers
        return _pool
