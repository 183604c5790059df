-- An article belongs to every feed that carries it (a section feed and the
-- site's main feed bring the same links): it is stored once, and
-- `feed_articles` says which feeds carry it. `articles.feed_id` stays the
-- first feed that brought it (an article in no feed is a page of its site).
-- `sort_ts` and `read` are the article's own, kept here by triggers: a
-- feed's list walks `feed_articles_list` in list order (its unread ones
-- without looking an article up), and the feed's counts in `source_counts`
-- follow this table, not `articles.feed_id`.
CREATE TABLE feed_articles (
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL,
    sort_ts    INTEGER NOT NULL,
    read       INTEGER NOT NULL,
    PRIMARY KEY (feed_id, article_id)
) WITHOUT ROWID;
CREATE INDEX feed_articles_list ON feed_articles (feed_id, sort_ts DESC, article_id DESC, read);
CREATE INDEX feed_articles_article ON feed_articles (article_id);
-- A feed's list no longer walks the articles by their first feed.
DROP INDEX articles_feed;

-- Every item already linked to an article, in any feed, and every
-- article's first feed.
INSERT OR IGNORE INTO feed_articles (feed_id, article_id, sort_ts, read)
SELECT DISTINCT i.feed_id, a.id, a.sort_ts, a.read
FROM feed_items i JOIN articles a ON a.id = i.article_id;
INSERT OR IGNORE INTO feed_articles (feed_id, article_id, sort_ts, read)
SELECT a.feed_id, a.id, a.sort_ts, a.read
FROM articles a JOIN feeds f ON f.id = a.feed_id;

-- The counts: one row per feed from the memberships ('f' || feed_id), and
-- one row, 'F', for every article that came from a feed (so that the
-- whole store's count, the rows other than the feeds', counts an article
-- in two feeds once). The articles' triggers keep 'F' and the sites'.
DELETE FROM source_counts WHERE k >= 'f' AND k < 'g';
INSERT INTO source_counts (k, total, unread)
SELECT 'f' || feed_id, count(*), sum(read = 0) FROM feed_articles GROUP BY feed_id;
INSERT INTO source_counts (k, total, unread)
SELECT 'F', count(*), coalesce(sum(read = 0), 0) FROM articles WHERE feed_id IS NOT NULL;

DROP TRIGGER articles_source_count_ins;
DROP TRIGGER articles_source_count_del;
DROP TRIGGER articles_source_count_upd;

CREATE TRIGGER articles_source_count_ins AFTER INSERT ON articles BEGIN
    INSERT INTO source_counts (k, total, unread)
    VALUES (CASE WHEN NEW.feed_id IS NOT NULL THEN 'F'
                 WHEN NEW.site IS NULL THEN 'n' ELSE 's' || NEW.site END,
            1, NEW.read = 0)
    ON CONFLICT (k) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
END;

CREATE TRIGGER articles_source_count_del AFTER DELETE ON articles BEGIN
    UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
    WHERE k = CASE WHEN OLD.feed_id IS NOT NULL THEN 'F'
                   WHEN OLD.site IS NULL THEN 'n' ELSE 's' || OLD.site END;
    DELETE FROM feed_articles WHERE article_id = OLD.id;
END;

CREATE TRIGGER articles_source_count_upd AFTER UPDATE OF read, feed_id, site ON articles
WHEN OLD.read IS NOT NEW.read OR (OLD.feed_id IS NULL) != (NEW.feed_id IS NULL)
  OR OLD.site IS NOT NEW.site
BEGIN
    UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
    WHERE k = CASE WHEN OLD.feed_id IS NOT NULL THEN 'F'
                   WHEN OLD.site IS NULL THEN 'n' ELSE 's' || OLD.site END;
    INSERT INTO source_counts (k, total, unread)
    VALUES (CASE WHEN NEW.feed_id IS NOT NULL THEN 'F'
                 WHEN NEW.site IS NULL THEN 'n' ELSE 's' || NEW.site END,
            1, NEW.read = 0)
    ON CONFLICT (k) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
END;

CREATE TRIGGER articles_feed_articles_upd AFTER UPDATE OF read, sort_ts ON articles
WHEN OLD.read IS NOT NEW.read OR OLD.sort_ts IS NOT NEW.sort_ts BEGIN
    UPDATE feed_articles SET read = NEW.read, sort_ts = NEW.sort_ts WHERE article_id = NEW.id;
END;

CREATE TRIGGER feed_articles_count_ins AFTER INSERT ON feed_articles BEGIN
    INSERT INTO source_counts (k, total, unread)
    VALUES ('f' || NEW.feed_id, 1, NEW.read = 0)
    ON CONFLICT (k) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
END;

CREATE TRIGGER feed_articles_count_del AFTER DELETE ON feed_articles BEGIN
    UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
    WHERE k = 'f' || OLD.feed_id;
END;

CREATE TRIGGER feed_articles_count_upd AFTER UPDATE OF read ON feed_articles
WHEN OLD.read IS NOT NEW.read BEGIN
    UPDATE source_counts SET unread = unread - (OLD.read = 0) + (NEW.read = 0)
    WHERE k = 'f' || OLD.feed_id;
END;
