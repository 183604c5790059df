-- docbao schema, version 1.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    url           TEXT UNIQUE,
    title         TEXT NOT NULL,
    -- normalised title (case, spacing, punctuation and the Ð/Đ look-alike folded), for duplicates
    title_key     TEXT NOT NULL,
    published     TEXT,            -- RFC 3339 with the page's own offset, or NULL
    published_ts  INTEGER,         -- the same instant as Unix seconds, for sorting
    date_key      TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD (local to the page) or '' when unknown
    date_text     TEXT,            -- the date as the page printed it
    author        TEXT,
    views         INTEGER,
    site          TEXT,
    lead          TEXT,
    imported_at   INTEGER NOT NULL,  -- first import, Unix seconds
    updated_at    INTEGER NOT NULL,  -- last import that touched it
    -- newest first: the publication time, or the import time when the page had none
    sort_ts       INTEGER NOT NULL,
    read          INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    bookmarked    INTEGER NOT NULL DEFAULT 0 CHECK (bookmarked IN (0, 1)),
    -- reading position as a paragraph anchor: survives a different width
    position      INTEGER NOT NULL DEFAULT 0,
    opened_at     INTEGER,          -- last time it was opened in the reader
    content_hash  INTEGER NOT NULL DEFAULT 0  -- to tell an unchanged re-import from an update
);
CREATE INDEX articles_title_date ON articles (title_key, date_key);
CREATE INDEX articles_sort ON articles (sort_ts DESC, id DESC);
CREATE INDEX articles_bookmarked ON articles (bookmarked, sort_ts DESC, id DESC) WHERE bookmarked = 1;
CREATE INDEX articles_unread ON articles (read, sort_ts DESC, id DESC) WHERE read = 0;

-- A rowid table, not WITHOUT ROWID: paragraphs are often kilobytes long, and
-- large rows belong in a rowid b-tree (measured on the 35k baomoi import:
-- 10.8 s with WITHOUT ROWID, 9.7 s without, before other tuning).
CREATE TABLE paragraphs (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('text', 'caption', 'heading', 'quote')),
    text       TEXT NOT NULL,
    UNIQUE (article_id, pos)
);

CREATE TABLE keywords (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,          -- as first seen
    key           TEXT NOT NULL UNIQUE,   -- folded: one keyword, one entry
    article_count INTEGER NOT NULL DEFAULT 0  -- kept by triggers, never scanned
);

CREATE TABLE article_keywords (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    keyword_id INTEGER NOT NULL REFERENCES keywords (id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('page', 'auto')),
    PRIMARY KEY (article_id, keyword_id)
) WITHOUT ROWID;
CREATE INDEX article_keywords_keyword ON article_keywords (keyword_id, article_id);

CREATE TRIGGER article_keywords_count_ins AFTER INSERT ON article_keywords BEGIN
    UPDATE keywords SET article_count = article_count + 1 WHERE id = NEW.keyword_id;
END;
CREATE TRIGGER article_keywords_count_del AFTER DELETE ON article_keywords BEGIN
    UPDATE keywords SET article_count = article_count - 1 WHERE id = OLD.keyword_id;
END;

CREATE TABLE related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    title      TEXT NOT NULL,
    title_key  TEXT NOT NULL,
    url        TEXT,
    excerpt    TEXT,
    -- the stored article it points to, once that article is in the store
    target_id  INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    source     TEXT NOT NULL DEFAULT 'page' CHECK (source IN ('page', 'computed')),
    PRIMARY KEY (article_id, pos)
) WITHOUT ROWID;
CREATE INDEX related_url ON related (url) WHERE url IS NOT NULL;
CREATE INDEX related_title ON related (title_key);
CREATE INDEX related_target ON related (target_id);

-- small key/value state of the reader (last article open, …)
CREATE TABLE app_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
