-- docbao schema, version 11: search that understands Vietnamese words (issue 13).
--
-- The search index is made again with docbao's own FTS5 tokenizer, `docbao`
-- (src/store/fts5/tokenizer.rs): it indexes each syllable as written (lower
-- case, NFC) and, at the same position, its folded form, so that a query
-- typed with marks matches only that spelling and one typed without matches
-- every spelling. The index is fed the text itself, no longer a folded copy.
--
-- Every article is listed in `search_reindex`; the store indexes them again
-- in batches when it opens (with a progress line), newest first, and an
-- import takes the articles it indexes off the list. A search meanwhile
-- finds the articles indexed so far.
--
-- The tokenizer is registered by docbao on each connection: without it
-- (the sqlite3 shell) the index cannot be read or written, and so articles
-- cannot be deleted there either.
DROP TRIGGER articles_search_delete;
DROP TABLE article_search;

CREATE VIRTUAL TABLE article_search USING fts5 (
    title, lead, body, keywords,
    content = '',
    contentless_delete = 1,
    tokenize = 'docbao',
    -- The last syllable of a query is a prefix from two letters on; two-
    -- and three-character prefixes have their own indexes (longer ones are looked
    -- up in search_terms).
    prefix = '2 3'
);

INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 8388608);

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
    DELETE FROM search_reindex WHERE id = OLD.id;
END;

DELETE FROM search_terms;

CREATE TABLE search_reindex (
    id INTEGER PRIMARY KEY
);
INSERT INTO search_reindex (id) SELECT id FROM articles;
