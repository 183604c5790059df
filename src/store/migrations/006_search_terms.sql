-- docbao schema, version 6: the terms of the search index (issue 5).
--
-- Every distinct term of four letters or more that the search index holds,
-- kept by the store as it indexes articles (src/store/search.rs). A query
-- word of four letters or more matches as a prefix: FTS5 has prefix indexes
-- for two and three letters only, and for longer prefixes it merges the
-- whole doclist of every term with that prefix before it returns a row (about
-- 10 ms for "nguoi"* on 100,000 articles). With this table the store looks up
-- the few terms a prefix stands for ("nguoi", "nguoidan", …) and asks FTS5
-- for those whole terms, which it reads lazily, newest first.
--
-- Terms of deleted articles stay: a term that no longer matches anything
-- costs a lookup, nothing more.
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Fill it from what is indexed already.
CREATE VIRTUAL TABLE temp.docbao_vocab_006 USING fts5vocab(main, article_search, row);
INSERT INTO search_terms (term)
SELECT term FROM temp.docbao_vocab_006 WHERE length(term) >= 4;
DROP TABLE temp.docbao_vocab_006;
