-- The sidebar reads keywords most used first: an index in that order, so
-- that its first page costs its rows, not a sort of every keyword.
CREATE INDEX keywords_by_count ON keywords (article_count DESC, key) WHERE article_count > 0;
