-- Feed subscriptions and the items already seen in each.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,
    -- fetch each new item's full page (readable offline), not just its summary
    full_page     INTEGER NOT NULL DEFAULT 0 CHECK (full_page IN (0, 1)),
    etag          TEXT,
    last_modified TEXT,
    added_at      INTEGER NOT NULL,
    checked_at    INTEGER,
    last_error    TEXT
);

-- An item is recognised by its link, else its guid: it is imported once.
CREATE TABLE feed_items (
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    seen_at    INTEGER NOT NULL,
    PRIMARY KEY (feed_id, key)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items (article_id);
