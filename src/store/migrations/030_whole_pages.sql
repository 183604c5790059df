-- docbao schema, version 30: the articles whose text is a whole page's (a
-- page saved with `add` or the reader's `a`, a full-page feed's page). A
-- feed's item at the same address replaced it with its summary: eleven
-- paragraphs became one line, and an update that saw the feed edit the
-- summary did it again (an independent review's find). Now a feed's item
-- only fills what such an article left empty (`src/store/whole_page.rs`).
-- A table of its own (`IF NOT EXISTS`), so a store a test took back to an
-- older version, which may keep it, migrates again.
CREATE TABLE IF NOT EXISTS whole_pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

-- What an older store can tell: a full-page feed's items with a body (their
-- page stored, not given up), and the bookmarked articles with a body that
-- no feed carries (what `add` saves). An older docbao kept no other mark.
INSERT OR IGNORE INTO whole_pages (article_id)
SELECT fi.article_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
WHERE f.full_page AND fi.article_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM bodies b WHERE b.article_id = fi.article_id)
  AND NOT EXISTS (SELECT 1 FROM feed_page_failures x
                  WHERE x.feed_id = fi.feed_id AND x.key = fi.key AND x.gone);
INSERT OR IGNORE INTO whole_pages (article_id)
SELECT a.id FROM articles a
WHERE a.bookmarked
  AND EXISTS (SELECT 1 FROM bodies b WHERE b.article_id = a.id)
  AND NOT EXISTS (SELECT 1 FROM feed_items fi WHERE fi.article_id = a.id);
