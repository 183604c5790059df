-- docbao schema, version 2: full-text search (issue 5).
--
-- The index holds a folded shadow of each article — lowercase, every tone and
-- vowel mark removed, đ/Đ (and the look-alikes ð/Ð) made d — computed by
-- docbao_fold(), a function every docbao connection registers (see
-- src/store/search.rs for why a shadow and not a custom tokenizer). The table
-- is contentless: it keeps only the index, not a second copy of the text; rows
-- are keyed by article id. The store rewrites an article's row whenever it
-- imports the article (src/store/search.rs), and the trigger below removes it
-- with the article, whoever deletes it (and it calls no docbao function, so the
-- sqlite3 shell can delete articles too).
CREATE VIRTUAL TABLE article_search USING fts5 (
    title, lead, body, keywords,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    -- Every query word is a prefix; two- and three-letter prefixes ("ha",
    -- "thu") would otherwise merge the doclists of hundreds of words per query.
    prefix = '2 3'
);

-- Pending terms are flushed into a new segment every 8 MiB instead of 1 MiB:
-- fewer, larger segments to merge while importing (see BENCHMARKS.md).
INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 8388608);

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
END;

-- Index what is already stored. The same SELECT as search::INDEX_ARTICLES,
-- for every article at once.
INSERT INTO article_search (rowid, title, lead, body, keywords)
SELECT a.id,
       docbao_fold(a.title),
       docbao_fold(a.lead),
       docbao_fold((SELECT group_concat(p.text, char(10) ORDER BY p.pos)
                    FROM paragraphs p WHERE p.article_id = a.id)),
       docbao_fold((SELECT group_concat(k.name, char(10) ORDER BY ak.pos)
                    FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
                    WHERE ak.article_id = a.id))
FROM articles a;
