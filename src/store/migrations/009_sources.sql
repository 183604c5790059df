-- Sources: the feed an article came from, else the site of a saved or
-- imported page. `feed_id` is the first feed that brought the article.
-- (No REFERENCES clause: removing a feed sets it NULL itself, and a plain
-- column can be dropped again.) Two partial indexes serve the sidebar's counts (each a scan of the index
-- alone: read is in it) and a source's list (walked in list order).
ALTER TABLE articles ADD COLUMN feed_id INTEGER;

UPDATE articles
SET feed_id = (SELECT min(i.feed_id) FROM feed_items i WHERE i.article_id = articles.id)
WHERE id IN (SELECT article_id FROM feed_items WHERE article_id IS NOT NULL);

CREATE INDEX articles_feed ON articles (feed_id, sort_ts DESC, id DESC, read)
    WHERE feed_id IS NOT NULL;
CREATE INDEX articles_site ON articles (site, sort_ts DESC, id DESC, read, feed_id)
    WHERE feed_id IS NULL;
