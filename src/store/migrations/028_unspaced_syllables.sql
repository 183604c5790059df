-- docbao schema, version 28: a letter of Chinese, Japanese, Thai and the
-- other scripts written without spaces between words is a syllable of its
-- own (src/text/syllables.rs, `unspaced`).
--
-- The search index held a whole run of such letters as one syllable, so a
-- word inside the run could not be found ("统计局" in "国家统计局发布").
-- The articles holding such a letter (in their title, lead, body or a
-- keyword) are listed in `search_reindex`: the store indexes them again at
-- open, in batches (as after version 14). The runs the vocabulary held as
-- syllables go; their letters are counted again as the articles are
-- indexed.
DELETE FROM search_vocab WHERE NOT docbao_one_syllable(exact);

INSERT OR IGNORE INTO search_reindex (id)
SELECT a.id FROM articles a LEFT JOIN bodies b ON b.article_id = a.id
WHERE docbao_has_unspaced(a.title)
   OR docbao_has_unspaced(a.lead)
   OR docbao_has_unspaced(b.packed)
   OR a.id IN (
       SELECT ak.article_id FROM article_keywords ak
       WHERE ak.keyword_id IN (SELECT id FROM keywords WHERE docbao_has_unspaced(name))
   );
