-- Articles' addresses as imports now store and compare them
-- (crate::text::url::canonical): without tracking parameters (utm_*,
-- fbclid, Zalo's zarsrc…) and without a place in the page (#comments), so
-- the same story reached from two feeds or a shared link is one article.
-- An address whose canonical form another article has already is left as it
-- was (the two stay two: merging them is not a migration's to decide).
UPDATE OR IGNORE articles SET url = docbao_canonical_url(url)
WHERE (url LIKE '%?%' OR url LIKE '%#%') AND docbao_canonical_url(url) <> url;
UPDATE related SET url = docbao_canonical_url(url)
WHERE (url LIKE '%?%' OR url LIKE '%#%') AND docbao_canonical_url(url) <> url;
-- Related stories that now name a stored article lead to it.
UPDATE related SET target_id = (
    SELECT a.id FROM articles a WHERE a.url = related.url AND a.id <> related.article_id
)
WHERE target_id IS NULL AND url IS NOT NULL
  AND EXISTS (SELECT 1 FROM articles a WHERE a.url = related.url AND a.id <> related.article_id);
