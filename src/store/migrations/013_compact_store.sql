-- docbao schema, version 13: a smaller store (issue 14): bodies stored
-- compressed, and titles found again by a number rather than a copy.
--
-- Each article's paragraphs become one row of `bodies`: packed (a kind
-- letter, the text, a NUL for each) and compressed with zstd and a
-- dictionary trained on Vietnamese news (src/store/body.rs), by
-- `docbao_pack_body()`, which docbao registers on each connection. The
-- bodies of 100,000 articles took 392 MB as paragraph rows; they take about
-- a third of that now. The space of the old table is free pages in the file
-- until `docbao doctor --vacuum` gives it back.
CREATE TABLE bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    packed     BLOB NOT NULL
);

INSERT INTO bodies (article_id, packed)
SELECT article_id, docbao_pack_body(json_group_array(json_array(kind, text) ORDER BY pos))
FROM paragraphs
GROUP BY article_id;

DROP TABLE paragraphs;

-- Same story, same title: an article was found again by its title's key (the
-- title folded: case, spacing, punctuation) and its date, a copy of the
-- title kept in every article and again in the index over it (16 MB of
-- 100,000 articles). The key's 64-bit xxh3 hash (`docbao_title_hash()`,
-- src/text/fold.rs) does the same in 8 bytes.
ALTER TABLE articles ADD COLUMN title_hash INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET title_hash = docbao_title_hash(title_key);
DROP INDEX articles_title_date;
CREATE INDEX articles_title_date ON articles (title_hash, date_key);
ALTER TABLE articles DROP COLUMN title_key;
