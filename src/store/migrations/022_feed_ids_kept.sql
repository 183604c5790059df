-- A feed's id is never given to another feed (AUTOINCREMENT): `list --feed 2`
-- in a script, or a reader showing feed 2, must not come to mean a feed added
-- after feed 2 was removed. SQLite adds AUTOINCREMENT only to a new table, so
-- the table is made again with its rows; `store::migrate` runs this step
-- with foreign keys off (dropping `feeds` would otherwise delete every
-- feed's items and memberships) and checks them before it commits.
CREATE TABLE feeds_022 (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,
    -- fetch each new item's full page (readable offline), not just its summary
    full_page     INTEGER NOT NULL DEFAULT 0 CHECK (full_page IN (0, 1)),
    etag          TEXT,
    last_modified TEXT,
    added_at      INTEGER NOT NULL,
    checked_at    INTEGER,
    last_error    TEXT,
    site_url      TEXT
);
INSERT INTO feeds_022 (id, url, title, full_page, etag, last_modified, added_at, checked_at,
                       last_error, site_url)
    SELECT id, url, title, full_page, etag, last_modified, added_at, checked_at, last_error,
           site_url
    FROM feeds;
DROP TABLE feeds;
ALTER TABLE feeds_022 RENAME TO feeds;
