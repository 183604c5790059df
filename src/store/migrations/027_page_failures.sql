-- docbao schema, version 27: a full-page feed's item whose page failed, how
-- many updates tried it, and whether docbao has stopped asking for it. Before,
-- a page that kept failing (a deleted article, a PDF, a video page) was asked
-- for at every update for as long as the feed carried its item, and each
-- update exited 1 for it (an independent review's find: a cron mail every
-- run). `src/jobs/feeds/full_page.rs` says how many tries over how long:
-- three and an hour when the answer says the page is not there or holds no
-- article, ten and a day for a timeout or a server's error. A table of its
-- own (`IF NOT EXISTS`), so a store a test took back to an older version,
-- which may keep it, migrates again. An item whose key changes (a feed that
-- keeps its guid and corrects its link) takes its row along.
CREATE TABLE IF NOT EXISTS feed_page_failures (
    feed_id  INTEGER NOT NULL,
    key      TEXT NOT NULL,
    tries    INTEGER NOT NULL,
    -- When its first try failed (seconds since the Unix epoch).
    first_at INTEGER NOT NULL,
    -- 1 once docbao stops asking for the page (the feed's summary stays).
    gone     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (feed_id, key),
    FOREIGN KEY (feed_id, key) REFERENCES feed_items (feed_id, key)
        ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

-- A feed whose server asked docbao to wait (HTTP 429 or 503 with
-- `Retry-After`): updates skip it until then, at most a day (a cron update
-- every few minutes kept asking a server that had asked for a pause: an
-- independent review's find).
CREATE TABLE IF NOT EXISTS feed_waits (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds (id) ON DELETE CASCADE,
    until   INTEGER NOT NULL
);

-- A feed whose updates fail: since when, and how many updates in a row.
-- `feed list` said only the last error, and a feed dead for three weeks
-- looked like one that failed a minute ago (an independent review's find).
CREATE TABLE IF NOT EXISTS feed_failing (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds (id) ON DELETE CASCADE,
    since   INTEGER NOT NULL,
    tries   INTEGER NOT NULL
);
