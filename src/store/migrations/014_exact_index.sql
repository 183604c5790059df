-- docbao schema, version 14: a search index of the written syllables only
-- (issue 14: store size).
--
-- Since version 11 the index held each syllable twice (as written and
-- folded, at one position) and two- and three-letter prefixes of both:
-- 780 MB for 100,000 articles, twice the text it indexes. It now holds each
-- syllable once, as written (lower case, NFC), with no prefix index. What
-- a query syllable typed without marks, or a prefix, stands for is looked up
-- in `search_vocab` and given to FTS5 as synonyms of one token (see
-- src/store/fts5/tokenizer.rs), so searches find what they found before.
--
-- `search_vocab` holds every syllable the index holds, with its folded form
-- (its key: the spellings of "dan" are a range of rows) and about how many
-- articles hold it (counted as they are indexed; an article indexed again
-- counts again, one deleted is not taken off), which orders a prefix's
-- syllables, most common first. It replaces `search_terms`.
--
-- Every article is listed in `search_reindex` again; the store indexes them
-- at open, in batches, with a progress line (as after version 11).
DROP TRIGGER articles_search_delete;
DROP TABLE article_search;
DROP TABLE search_terms;

CREATE VIRTUAL TABLE article_search USING fts5 (
    title, lead, body, keywords,
    content = '',
    contentless_delete = 1,
    tokenize = 'docbao'
);

INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 8388608);

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
    DELETE FROM search_reindex WHERE id = OLD.id;
END;

CREATE TABLE search_vocab (
    folded TEXT NOT NULL,
    exact  TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (folded, exact)
) WITHOUT ROWID;

DELETE FROM search_reindex;
INSERT INTO search_reindex (id) SELECT id FROM articles;
