-- Articles' addresses with one spelling before their query, as imports now
-- store and compare them (crate::text::url::canonical): the scheme and host
-- in lower case, no default port nor host's final dot, dot segments
-- resolved, unreserved characters unescaped. An address whose new form
-- another article has already is left as it was (the two stay two, as in
-- migration 018).
UPDATE OR IGNORE articles SET url = docbao_canonical_url(url)
WHERE url LIKE 'http%' AND docbao_canonical_url(url) <> url;
UPDATE related SET url = docbao_canonical_url(url)
WHERE url LIKE 'http%' AND docbao_canonical_url(url) <> url;
-- Related stories that now name a stored article lead to it.
UPDATE related SET target_id = (
    SELECT a.id FROM articles a WHERE a.url = related.url AND a.id <> related.article_id
)
WHERE target_id IS NULL AND url IS NOT NULL
  AND EXISTS (SELECT 1 FROM articles a WHERE a.url = related.url AND a.id <> related.article_id);
