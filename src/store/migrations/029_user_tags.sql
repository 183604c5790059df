-- Keywords the user gave, not the page: newsboat's tags of a feed, brought
-- by `import-newsboat` onto that feed's articles (source 'tag'). They were
-- stored as the page's own ('page'): on every article of their feed, the
-- reader took them for the site's boilerplate and hid them, and a feed's
-- correction of an item, stored again, took them off with the page's.
-- SQLite cannot change a CHECK: the table is made again, its rows, index
-- and trigger as they were. Nothing references it, so it is dropped with
-- foreign keys on, and a DROP fires no trigger: the counts stay.
CREATE TABLE article_keywords_new (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    keyword_id INTEGER NOT NULL REFERENCES keywords (id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('page', 'auto', 'tag')),
    PRIMARY KEY (article_id, keyword_id)
) WITHOUT ROWID;
INSERT INTO article_keywords_new (article_id, keyword_id, pos, source)
    SELECT article_id, keyword_id, pos, source FROM article_keywords;
DROP TABLE article_keywords;
ALTER TABLE article_keywords_new RENAME TO article_keywords;
CREATE INDEX article_keywords_keyword ON article_keywords (keyword_id, article_id);
CREATE TRIGGER article_keywords_count_del AFTER DELETE ON article_keywords BEGIN
    UPDATE keywords SET article_count = article_count - 1 WHERE id = OLD.keyword_id;
END;

-- The items noted deleted (newsboat's), by their key alone: another feed
-- carrying one (a `filter:` line's feed beside the plain one) finds it
-- gone and leaves it out (store::feeds). Few rows: deleted items only.
CREATE INDEX IF NOT EXISTS feed_items_gone ON feed_items (key) WHERE article_id IS NULL;
