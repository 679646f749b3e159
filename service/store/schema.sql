-- Articles are the source of truth; every other table is derived from them by analyse_story and is
-- replaced whole, in the same transaction, whenever a story's articles change.
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    url TEXT,
    published_at TEXT,
    content_sha256 TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    UNIQUE (story, content_sha256)
);

CREATE TABLE IF NOT EXISTS article_analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    reference_date TEXT NOT NULL,
    furniture TEXT NOT NULL,
    expression_count INTEGER NOT NULL,
    entry_count INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS expressions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE IF NOT EXISTS entries (
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    dated INTEGER NOT NULL,
    earliest TEXT,
    latest TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (story, position)
);
CREATE INDEX IF NOT EXISTS entries_by_id ON entries (story, id);

CREATE TABLE IF NOT EXISTS entry_actors (
    story TEXT NOT NULL,
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (story, position, actor_id),
    FOREIGN KEY (story, position) REFERENCES entries (story, position) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS entry_actors_by_actor ON entry_actors (story, actor_id);

-- Ids of deleted articles are never reused: re-adding a deleted text gives it a new id.
CREATE TABLE IF NOT EXISTS tombstones (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);
