-- docbao schema: when an article's related stories were last computed (issue 15).
-- Computed related stories are refreshed when better candidates may have
-- arrived: `upto` is the newest article id when they were chosen, `found`
-- how many were (0 is remembered too: "none" is an answer). The row goes
-- with its article.
CREATE TABLE related_computed (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    upto       INTEGER NOT NULL,
    found      INTEGER NOT NULL
);
