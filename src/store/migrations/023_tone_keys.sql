-- docbao schema, version 23: one key for a syllable whose tone Vietnamese
-- places two ways. An open "oa", "oe" or "uy" carries its tone on the second
-- vowel in the older style ("Hoà Bình", "khoẻ", "thuỷ") and on the first in
-- the newer ("Hòa Bình", "khỏe", "thủy"); papers use both, often in one
-- store. Keys (`text::fold::title_key`) now put the tone on the first vowel,
-- so "Hoà Bình" and "Hòa Bình" are one keyword, and a story retitled from
-- one style to the other is the same story. Keys made before are made again
-- here with `docbao_title_key` (the key of today); only those holding such a
-- tone can change, so a GLOB over its marked letters picks the rows first.

-- Keywords: each one whose key changes becomes the keyword already under its
-- new key, or, when there is none, the first of those moving to that key.
CREATE TEMP TABLE tone_rekeyed AS
    SELECT id, docbao_title_key(key) AS new_key
    FROM keywords
    WHERE key GLOB '*[àáảãạèéẻẽẹỳýỷỹỵ]*' AND docbao_title_key(key) <> key;
CREATE TEMP TABLE tone_merged AS
    SELECT r.id AS old,
           COALESCE((SELECT k.id FROM keywords k WHERE k.key = r.new_key),
                    (SELECT min(r2.id) FROM tone_rekeyed r2 WHERE r2.new_key = r.new_key)) AS new
    FROM tone_rekeyed r;
-- An article that had both spellings keeps the link it had to the keyword
-- that stays (and its place among the article's keywords).
INSERT OR IGNORE INTO article_keywords (article_id, keyword_id, pos, source)
    SELECT ak.article_id, m.new, ak.pos, ak.source
    FROM article_keywords ak JOIN tone_merged m ON ak.keyword_id = m.old
    WHERE m.new <> m.old;
DELETE FROM article_keywords
    WHERE keyword_id IN (SELECT old FROM tone_merged WHERE new <> old);
DELETE FROM keywords WHERE id IN (SELECT old FROM tone_merged WHERE new <> old);
UPDATE keywords SET key = (SELECT new_key FROM tone_rekeyed WHERE tone_rekeyed.id = keywords.id)
    WHERE id IN (SELECT old FROM tone_merged WHERE new = old);
-- The counts of the keywords that took links in (version 8: the store, not
-- a trigger, counts new links).
UPDATE keywords
    SET article_count = (SELECT count(*) FROM article_keywords WHERE keyword_id = keywords.id)
    WHERE id IN (SELECT new FROM tone_merged);
DROP TABLE tone_merged;
DROP TABLE tone_rekeyed;

-- How many articles hold each candidate phrase: the two spellings' counts
-- added (an article that wrote both is counted twice: a count, not a list).
CREATE TEMP TABLE tone_phrases AS
    SELECT key, docbao_title_key(key) AS new_key, n
    FROM phrase_df
    WHERE key GLOB '*[àáảãạèéẻẽẹỳýỷỹỵ]*' AND docbao_title_key(key) <> key;
DELETE FROM phrase_df WHERE key IN (SELECT key FROM tone_phrases);
INSERT INTO phrase_df (key, n)
    SELECT new_key, sum(n) FROM tone_phrases WHERE true GROUP BY new_key
    ON CONFLICT (key) DO UPDATE SET n = n + excluded.n;
DROP TABLE tone_phrases;

-- Titles, for telling the same story: their hashed keys, and the keys of the
-- related stories an article names (matched to stored articles by title).
UPDATE articles SET title_hash = docbao_title_hash(docbao_title_key(title))
    WHERE title GLOB '*[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]*'
      AND title_hash <> docbao_title_hash(docbao_title_key(title));
UPDATE related SET title_key = docbao_title_key(title)
    WHERE title GLOB '*[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]*'
      AND title_key <> docbao_title_key(title);
