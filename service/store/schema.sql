-- Articles are the source of truth; every other table is derived from them and kept equal, in the
-- same transaction as each change, to analyse_story of the story's articles (see incremental.py).
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
CREATE INDEX IF NOT EXISTS articles_by_metadata ON articles (story, published_at);

CREATE TABLE IF NOT EXISTS article_analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    reference_date TEXT NOT NULL,
    furniture TEXT NOT NULL,
    expression_count INTEGER NOT NULL,
    people TEXT NOT NULL
);

-- Each article's statements as extracted (actors as the article names them), by merge partition.
CREATE TABLE IF NOT EXISTS statements (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    story TEXT NOT NULL,
    partition TEXT NOT NULL,
    day TEXT NOT NULL,  -- the merge batch: the article's reference day (batches.batch_day)
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- A token per merged partition, new at each change: an in-process merge state is reused only
-- while its token is the stored one.
CREATE TABLE IF NOT EXISTS partitions (
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    partition TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (story, partition)
);
CREATE INDEX IF NOT EXISTS statements_by_partition ON statements (story, partition);

-- The story's actor registry: each distinct actor its statements and articles name, how often, and its canonical form.
CREATE TABLE IF NOT EXISTS story_actors (
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    data TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (story, actor_id, data)
);
CREATE TABLE IF NOT EXISTS canonical_actors (
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    data TEXT NOT NULL,
    shown_id TEXT,  -- a person's canonical id, under which entries show it (partitions.shown_people)
    PRIMARY KEY (story, actor_id)
);
CREATE INDEX IF NOT EXISTS canonical_actors_shown ON canonical_actors (story, shown_id);
-- Each distinct person or organisation under each of its link keys (merge/actor_links.py), so a
-- change recomputes the canonical forms of the actors it can reach and no others.
CREATE TABLE IF NOT EXISTS actor_links (
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    link TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (story, link, data)
);
CREATE TABLE IF NOT EXISTS actor_partitions (
    story TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    partition TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (story, actor_id, partition, article_id)
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
    partition TEXT NOT NULL,
    rank TEXT NOT NULL,  -- the entry's group in its partition's merge (batches.group_key)
    sort_key BLOB NOT NULL,  -- timeline order (partitions.sort_key); position is only a row key
    PRIMARY KEY (story, position)
);
CREATE UNIQUE INDEX IF NOT EXISTS entries_by_group ON entries (story, partition, rank);
CREATE INDEX IF NOT EXISTS entries_by_id ON entries (story, id);
CREATE INDEX IF NOT EXISTS entries_in_order ON entries (story, sort_key);

CREATE TABLE IF NOT EXISTS entry_articles (
    story TEXT NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story, position, article_id),
    FOREIGN KEY (story, position) REFERENCES entries (story, position) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS entry_articles_by_article ON entry_articles (article_id);

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
