//! Taking a store back to an older schema, for the tests of upgrades.
#![allow(dead_code)] // each test file takes the steps it needs

use rusqlite::Connection;

/// Schema version 13 undone: each body (`bodies`, compressed) back into rows
/// of `paragraphs`, and titles' keys back in place of their hashes, as
/// versions 1 to 12 kept them.
pub fn undo_compact_store(conn: &Connection) {
    bodies_to_paragraphs(conn);
    conn.execute_batch(
        "ALTER TABLE articles ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
         DROP INDEX articles_title_date;
         CREATE INDEX articles_title_date ON articles (title_key, date_key);",
    )
    .unwrap();
    let titles: Vec<(i64, String)> = conn
        .prepare("SELECT id, title FROM articles")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (id, title) in titles {
        conn.execute(
            "UPDATE articles SET title_key = ?1 WHERE id = ?2",
            rusqlite::params![docbao::text::fold::title_key(&title), id],
        )
        .unwrap();
    }
    conn.execute_batch("ALTER TABLE articles DROP COLUMN title_hash;")
        .unwrap();
}

fn bodies_to_paragraphs(conn: &Connection) {
    conn.execute_batch(
        "CREATE TABLE paragraphs (
             id         INTEGER PRIMARY KEY,
             article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
             pos        INTEGER NOT NULL,
             kind       TEXT NOT NULL CHECK (kind IN ('text', 'caption', 'heading', 'quote')),
             text       TEXT NOT NULL,
             UNIQUE (article_id, pos)
         );",
    )
    .unwrap();
    let bodies: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT article_id, packed FROM bodies")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (id, packed) in bodies {
        let paragraphs = docbao::store::unpack_body(&packed).unwrap();
        for (pos, p) in paragraphs.iter().enumerate() {
            conn.execute(
                "INSERT INTO paragraphs (article_id, pos, kind, text) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id, pos as i64, p.kind.as_str(), p.text],
            )
            .unwrap();
        }
    }
    conn.execute_batch("DROP TABLE bodies;").unwrap();
}

/// Schema version 14 undone: `search_terms` back (empty: the versions
/// before filled it as they indexed) in place of `search_vocab`.
pub fn vocab_to_terms(conn: &Connection) {
    conn.execute_batch(
        "DROP TABLE search_vocab;
         CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;",
    )
    .unwrap();
}

/// Schema version 17 undone: no `feed_articles` (an article listed and
/// counted under the first feed that brought it only), the counts' triggers
/// of version 12.
pub fn undo_feed_articles(conn: &Connection) {
    undo_feed_item_hashes(conn);
    conn.execute_batch(
        "DROP TRIGGER articles_feed_articles_upd;
         DROP TABLE feed_articles;
         CREATE INDEX articles_feed ON articles (feed_id, sort_ts DESC, id DESC, read)
             WHERE feed_id IS NOT NULL;
         DROP TRIGGER articles_source_count_ins;
         DROP TRIGGER articles_source_count_del;
         DROP TRIGGER articles_source_count_upd;
         DELETE FROM source_counts;
         INSERT INTO source_counts (k, total, unread)
         SELECT CASE WHEN feed_id IS NOT NULL THEN 'f' || feed_id
                     WHEN site IS NULL THEN 'n' ELSE 's' || site END,
                count(*), sum(read = 0)
         FROM articles GROUP BY 1;
         CREATE TRIGGER articles_source_count_ins AFTER INSERT ON articles BEGIN
             INSERT INTO source_counts (k, total, unread)
             VALUES (CASE WHEN NEW.feed_id IS NOT NULL THEN 'f' || NEW.feed_id
                          WHEN NEW.site IS NULL THEN 'n' ELSE 's' || NEW.site END,
                     1, NEW.read = 0)
             ON CONFLICT (k) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
         END;
         CREATE TRIGGER articles_source_count_del AFTER DELETE ON articles BEGIN
             UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
             WHERE k = CASE WHEN OLD.feed_id IS NOT NULL THEN 'f' || OLD.feed_id
                            WHEN OLD.site IS NULL THEN 'n' ELSE 's' || OLD.site END;
         END;
         CREATE TRIGGER articles_source_count_upd AFTER UPDATE OF read, feed_id, site ON articles
         WHEN OLD.read IS NOT NEW.read OR OLD.feed_id IS NOT NEW.feed_id OR OLD.site IS NOT NEW.site
         BEGIN
             UPDATE source_counts SET total = total - 1, unread = unread - (OLD.read = 0)
             WHERE k = CASE WHEN OLD.feed_id IS NOT NULL THEN 'f' || OLD.feed_id
                            WHEN OLD.site IS NULL THEN 'n' ELSE 's' || OLD.site END;
             INSERT INTO source_counts (k, total, unread)
             VALUES (CASE WHEN NEW.feed_id IS NOT NULL THEN 'f' || NEW.feed_id
                          WHEN NEW.site IS NULL THEN 'n' ELSE 's' || NEW.site END,
                     1, NEW.read = 0)
             ON CONFLICT (k) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
         END;
         PRAGMA user_version = 16;",
    )
    .unwrap();
}

/// Schema version 19 undone: the feeds' items without the hashes of what
/// the feed said of them.
pub fn undo_feed_item_hashes(conn: &Connection) {
    undo_feed_site(conn);
    conn.execute_batch(
        "ALTER TABLE feed_items DROP COLUMN title_hash;
         ALTER TABLE feed_items DROP COLUMN text_hash;",
    )
    .unwrap();
}

/// Schema version 20 undone: the feeds without their site's address.
pub fn undo_feed_site(conn: &Connection) {
    undo_feed_item_guid(conn);
    conn.execute_batch("ALTER TABLE feeds DROP COLUMN site_url;")
        .unwrap();
}

/// Schema version 21 undone: the feed items without the feed's own id.
pub fn undo_feed_item_guid(conn: &Connection) {
    undo_feed_ids_kept(conn);
    conn.execute_batch(
        "DROP INDEX feed_items_guid;
         DROP INDEX IF EXISTS feed_items_gone;
         ALTER TABLE feed_items DROP COLUMN guid;",
    )
    .unwrap();
}

/// Schema version 25 undone: no keywords waiting for company.
pub fn undo_waiting_keywords(conn: &Connection) {
    conn.execute_batch("DROP TABLE waiting_keywords;").unwrap();
}

/// Schema version 24 undone (and 25 first): the phrases' counts without
/// what follows them.
pub fn undo_phrase_next(conn: &Connection) {
    undo_waiting_keywords(conn);
    conn.execute_batch(
        "ALTER TABLE phrase_df DROP COLUMN runs;
         ALTER TABLE phrase_df DROP COLUMN word;
         ALTER TABLE phrase_df DROP COLUMN votes;",
    )
    .unwrap();
}

/// Schema version 22 undone (and 24 first): the feeds' table as versions 3 to 21 made it,
/// whose ids SQLite gives again once the highest is removed (no
/// AUTOINCREMENT). Made again with foreign keys off, as the upgrade does.
pub fn undo_feed_ids_kept(conn: &Connection) {
    undo_phrase_next(conn);
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         CREATE TABLE feeds_021 (
             id            INTEGER PRIMARY KEY,
             url           TEXT NOT NULL UNIQUE,
             title         TEXT,
             full_page     INTEGER NOT NULL DEFAULT 0 CHECK (full_page IN (0, 1)),
             etag          TEXT,
             last_modified TEXT,
             added_at      INTEGER NOT NULL,
             checked_at    INTEGER,
             last_error    TEXT,
             site_url      TEXT
         );
         INSERT INTO feeds_021 SELECT * FROM feeds;
         DROP TABLE feeds;
         ALTER TABLE feeds_021 RENAME TO feeds;
         DELETE FROM sqlite_sequence WHERE name = 'feeds';
         PRAGMA user_version = 21;",
    )
    .unwrap();
}

/// The step after 27 undone (the user's tags, `029_user_tags.sql`): the
/// keyword links' table made again as it was, `'tag'` not allowed, and
/// the index of items noted deleted dropped. A store holding tags cannot
/// go back: they are taken for the page's.
pub fn undo_user_tags(conn: &Connection) {
    conn.execute_batch(
        "DROP INDEX feed_items_gone;
         CREATE TABLE article_keywords_old (
             article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
             keyword_id INTEGER NOT NULL REFERENCES keywords (id) ON DELETE CASCADE,
             pos        INTEGER NOT NULL,
             source     TEXT NOT NULL CHECK (source IN ('page', 'auto')),
             PRIMARY KEY (article_id, keyword_id)
         ) WITHOUT ROWID;
         INSERT INTO article_keywords_old
             SELECT article_id, keyword_id, pos,
                    CASE source WHEN 'tag' THEN 'page' ELSE source END
             FROM article_keywords;
         DROP TABLE article_keywords;
         ALTER TABLE article_keywords_old RENAME TO article_keywords;
         CREATE INDEX article_keywords_keyword ON article_keywords (keyword_id, article_id);
         CREATE TRIGGER article_keywords_count_del AFTER DELETE ON article_keywords BEGIN
             UPDATE keywords SET article_count = article_count - 1 WHERE id = OLD.keyword_id;
         END;",
    )
    .unwrap();
}
