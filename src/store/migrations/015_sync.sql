-- Sync through the Fever API (issue 16). Which server feed is which docbao
-- feed, which server item is which article, how far the items were pulled
-- (`sync_state`, so that an interrupted sync goes on from there), and a log
-- of the read and bookmark changes made to synced articles since they were
-- last pushed. The log is kept by triggers, so that a mark made anywhere
-- (the reader, the command line, a mark-all) is logged, and a row leaves it
-- only once the server took the change: a push cut off mid-way is finished
-- by the next sync. The sync's own changes (the server's state applied
-- here) are taken out of the log in the transaction that makes them.
CREATE TABLE sync_feeds (
    server_id INTEGER PRIMARY KEY,
    feed_id   INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE
);
CREATE INDEX sync_feeds_feed ON sync_feeds (feed_id);

CREATE TABLE sync_items (
    server_id  INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX sync_items_article ON sync_items (article_id);

-- 'server': the endpoint the ids above belong to; 'max_item_id': the
-- highest item id stored.
CREATE TABLE sync_state (
    k TEXT PRIMARY KEY,
    v TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_changes (
    seq        INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    mark       TEXT NOT NULL CHECK (mark IN ('read', 'unread', 'saved', 'unsaved')),
    at         INTEGER NOT NULL
);
-- The newest mark of an article's flag, and a pushed mark's rows, by article.
CREATE INDEX sync_changes_article ON sync_changes (article_id, seq);

CREATE TRIGGER articles_sync_read AFTER UPDATE OF read ON articles
WHEN OLD.read IS NOT NEW.read AND EXISTS (SELECT 1 FROM sync_items WHERE article_id = NEW.id)
BEGIN
    INSERT INTO sync_changes (article_id, mark, at)
    VALUES (NEW.id, CASE WHEN NEW.read THEN 'read' ELSE 'unread' END, unixepoch());
END;

CREATE TRIGGER articles_sync_saved AFTER UPDATE OF bookmarked ON articles
WHEN OLD.bookmarked IS NOT NEW.bookmarked AND EXISTS (SELECT 1 FROM sync_items WHERE article_id = NEW.id)
BEGIN
    INSERT INTO sync_changes (article_id, mark, at)
    VALUES (NEW.id, CASE WHEN NEW.bookmarked THEN 'saved' ELSE 'unsaved' END, unixepoch());
END;
